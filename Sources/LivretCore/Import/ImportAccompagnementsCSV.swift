import Foundation

/// Reads a paper sign-in sheet (feuille d'émargement) typed into a spreadsheet: one line per
/// person who came to a permanence, an appointment or a workshop. No I/O.
///
/// A line is a known learner (column « identifiant ») or an anonymous person (column « sexe »,
/// « âge » optional). Every problem is reported by line and column, and nothing is returned when
/// there is one: the sheet is imported whole or not at all.
///
/// ```
/// date;identifiant;sexe;âge;durée;thématiques;note
/// 13/01/2020;A-0003;;;2h30;email / démarches;
/// 13/01/2020;;F;18-24 ans;45 min;"santé, banque";Ameli
/// ```
///
/// An optional column « orientation » says whether the person was sent on to another structure
/// (``Orientation/saisie(_:)``: « non », « France Services », « aide-sociale »…; empty: not said).
public enum ImportAccompagnementsCSV {
    /// The columns the reader knows.
    public enum Colonne: String, CaseIterable, Sendable {
        case date, identifiant, sexe, age, duree, type, lieu, lieuNom, intervenant, thematiques, aptic, autonomie, materiel, orientation, note

        /// The name shown in messages.
        public var libelle: String { orthographes[0] }

        /// Accepted header spellings (compared after normalisation: case, accents, spaces, "_", "-", apostrophes).
        public var orthographes: [String] {
            switch self {
            case .date: ["date", "jour"]
            case .identifiant: ["identifiant", "id", "apprenant"]
            case .sexe: ["sexe", "genre"]
            case .age: ["âge", "tranche d'âge", "tranche", "tranche âge"]
            case .duree: ["durée", "temps", "durée de l'accompagnement"]
            case .type: ["type", "type d'accompagnement"]
            case .lieu: ["lieu", "type de lieu"]
            case .lieuNom: ["lieu_nom", "nom du lieu", "nom lieu"]
            case .intervenant: ["intervenant", "intervenante", "formateur", "formatrice", "médiateur", "médiatrice", "accompagné par"]
            case .thematiques: ["thématiques", "thématique", "thèmes", "thème"]
            case .aptic: ["aptic", "items aptic", "item aptic", "compétences aptic"]
            case .autonomie: ["autonomie", "niveau d'autonomie"]
            case .materiel: ["matériel", "matériels", "équipement"]
            case .orientation: ["orientation", "réorientation", "orientée vers", "orienté vers", "orientation vers", "structure de redirection"]
            case .note: ["note", "remarque", "remarques", "commentaire", "observations"]
            }
        }

        static func cle(_ texte: String) -> String {
            NormalisationTitre.cle(texte)
                .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "'", with: " ")
                .split(whereSeparator: \.isWhitespace).joined()
        }

        /// The column whose spelling matches `entete`.
        public static func depuis(_ entete: String) -> Colonne? {
            let cle = cle(entete)
            return allCases.first { $0.orthographes.contains { Self.cle($0) == cle } }
        }
    }

    /// What a sheet holds: the accompaniments, and the line of each in the file (for later messages).
    public struct Feuille: Sendable, Equatable {
        public var saisies: [SaisieAccompagnement]
        public var lignes: [Int]
    }

    /// Header spellings that name people: a sign-in sheet often has them, Livret never imports them.
    static let colonnesIdentite: Set<String> = ["nom", "prenom", "nomprenom", "prenomnom", "nometprenom", "signature", "emargement", "telephone", "email"]

    /// Reads `donnees` (UTF-8 with or without BOM, « ; » or « , »).
    ///
    /// - Parameters:
    ///   - fichier: the file name, for messages.
    ///   - jour: the day of lines without a date (the sheet's day).
    ///   - catalogue: when given, APTIC items are checked against the référentiels.
    ///   - apprenant: why an identifier cannot be used (unknown, erased…); nil when it can.
    ///   - intervenant: why a name is not a person of the structure; nil when it is.
    /// - Throws: every problem of the file, by line and column.
    public static func lire(_ donnees: Data, fichier: String, jour: Jour, catalogue: Catalogue? = nil,
                            apprenant: (String) -> String? = { _ in nil },
                            intervenant: (String) -> String? = { _ in nil }) throws(ErreursImport) -> Feuille {
        let (entete, enregistrements) = try LecteurCSV.decouper(
            donnees, fichier: fichier,
            conseilEncodage: "dans votre tableur, enregistrez-le au format « CSV UTF-8 » puis recommencez.",
            siVide: "le fichier est vide : la première ligne doit nommer les colonnes (date, identifiant, sexe, âge, durée…).")
        let colonnes = try Self.colonnes(entete, fichier: fichier)

        var erreurs: [ErreurImport] = []
        var feuille = Feuille(saisies: [], lignes: [])
        for enregistrement in enregistrements {
            let ligne = enregistrement.ligne
            guard enregistrement.champs.count == colonnes.count else {
                erreurs.append(ErreurImport(fichier: fichier, ligne: ligne, message:
                    "la ligne a \(Accord.nombre(enregistrement.champs.count, "case")) alors que l'en-tête annonce \(Accord.nombre(colonnes.count, "colonne")) ; "
                        + "vérifiez les séparateurs et les guillemets."))
                continue
            }
            var valeurs: [Colonne: String] = [:]
            for (colonne, valeur) in zip(colonnes, enregistrement.champs) {
                let propre = valeur.trimmingCharacters(in: .whitespacesAndNewlines)
                if !propre.isEmpty { valeurs[colonne] = propre }
            }
            // A spreadsheet writes its empty rows as « ;;;; »: nothing to read there.
            if valeurs.isEmpty { continue }
            var lecture = LectureLigne(fichier: fichier, ligne: ligne, valeurs: valeurs)
            if let saisie = lecture.saisie(jour: jour, catalogue: catalogue, apprenant: apprenant, intervenant: intervenant) {
                feuille.saisies.append(saisie)
                feuille.lignes.append(ligne)
            }
            erreurs += lecture.erreurs
        }
        if !erreurs.isEmpty { throw ErreursImport(erreurs: erreurs) }
        if feuille.saisies.isEmpty {
            throw ErreursImport(erreurs: [ErreurImport(fichier: fichier, ligne: entete.ligne + 1, message:
                "la feuille n'a aucune ligne sous l'en-tête : une ligne par personne venue, puis recommencez.")])
        }
        return feuille
    }

    /// The column of each cell of the header, or every problem of the header.
    static func colonnes(_ entete: EnregistrementCSV, fichier: String) throws(ErreursImport) -> [Colonne] {
        var erreurs: [ErreurImport] = []
        var colonnes: [Colonne] = []
        for nom in entete.champs {
            let propre = nom.trimmingCharacters(in: .whitespaces)
            guard let colonne = Colonne.depuis(propre) else {
                let message: String
                if colonnesIdentite.contains(Colonne.cle(propre)) {
                    message = "Livret n'importe ni les noms, ni les signatures, ni les coordonnées d'une feuille d'émargement : retirez la colonne « \(propre) ». "
                        + "Pour une personne suivie, écrivez son identifiant (colonne identifiant) ; pour une autre, son sexe et son âge."
                } else {
                    message = "colonne inconnue « \(propre) ». Renommez-la ou retirez-la ; les colonnes connues sont : "
                        + Colonne.allCases.map(\.libelle).joined(separator: ", ") + "."
                }
                erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, champ: propre, message: message))
                continue
            }
            if colonnes.contains(colonne) {
                erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, champ: colonne.libelle,
                    message: "la colonne « \(colonne.libelle) » apparaît deux fois ; gardez-en une seule."))
            }
            colonnes.append(colonne)
        }
        if erreurs.isEmpty && !colonnes.contains(.duree) {
            erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, champ: Colonne.duree.libelle,
                message: "il manque la colonne « durée » : ajoutez-la, avec la durée de chaque accompagnement (par exemple 45 min ou 1h30)."))
        }
        if erreurs.isEmpty && !colonnes.contains(.identifiant) && !colonnes.contains(.sexe) {
            erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, message:
                "il manque la colonne « identifiant » (personnes suivies) ou la colonne « sexe » (personnes anonymes) : ajoutez l'une ou l'autre, ou les deux."))
        }
        if !erreurs.isEmpty { throw ErreursImport(erreurs: erreurs) }
        return colonnes
    }

    /// The pieces of a list typed in one cell: « email / démarches », « santé + banque », « 66, 67 ».
    static func morceaux(_ texte: String, espaces: Bool = false) -> [String] {
        var separateurs: Set<Character> = ["/", "+", ",", ";"]
        if espaces { separateurs.formUnion([" ", "\t", "\n"]) }
        return texte.split { separateurs.contains($0) }.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The short names of the thématiques, for messages.
    public static let exemplesThematiques = "email, demarches, sante, banque, materiel, internet, securite, emploi, bureautique, reseaux-sociaux, diagnostic, ia"

    /// The thématiques of a cell, each by its short name, code or label; the whole cell first (a label may hold commas).
    public static func thematiques(_ texte: String) -> Result<[ThematiqueCoop], ErreurRegle> {
        if let une = ThematiqueCoop.depuisSaisie(texte) { return .success([une]) }
        var resultat: [ThematiqueCoop] = []
        for morceau in morceaux(texte) {
            guard let t = ThematiqueCoop.depuisSaisie(morceau) else {
                return .failure(ErreurRegle("« \(RegleTexte.visible(morceau, maximum: 40)) » n'est pas une thématique : écrivez par exemple \(exemplesThematiques) "
                    + "(la liste complète : « livret accompagnement ajouter --help »)."))
            }
            if !resultat.contains(t) { resultat.append(t) }
        }
        return .success(resultat)
    }

    /// The equipment of a cell: « téléphone / ordinateur », « smartphone », « aucun ».
    public static func materiel(_ texte: String) -> Result<[Materiel], ErreurRegle> {
        var resultat: [Materiel] = []
        for morceau in morceaux(texte) {
            guard let m = Self.unMateriel(morceau) else {
                return .failure(ErreurRegle("« \(RegleTexte.visible(morceau, maximum: 40)) » n'est pas un matériel : écrivez \(Materiel.choix)."))
            }
            if !resultat.contains(m) { resultat.append(m) }
        }
        return .success(resultat)
    }

    public static func unMateriel(_ texte: String) -> Materiel? {
        switch Colonne.cle(texte) {
        case "smartphone", "portable", "mobile", "tel": .telephone
        case "pc", "ordi", "computer": .ordinateur
        case "ipad": .tablette
        case "non", "rien", "sansmateriel": .aucun
        default: Materiel.depuis(texte)
        }
    }

    public static func type(_ texte: String) -> TypeAccompagnement? {
        switch Colonne.cle(texte) {
        case "rdv", "rendezvous": .rendezVous
        case "perm": .permanence
        default: TypeAccompagnement.depuis(texte)
        }
    }

    public static func lieu(_ texte: String) -> LieuAccompagnement? {
        switch Colonne.cle(texte) {
        case "surplace", "structure", "local", "ici": .structure
        case "adomicile", "domicile", "chezlapersonne": .domicile
        case "adistance", "distance", "telephone", "visio": .distance
        case "partenaire", "horslesmurs", "exterieur": .partenaire
        default: LieuAccompagnement.depuis(texte)
        }
    }
}

/// The reading of one line: its values, and its problems by column.
private struct LectureLigne {
    typealias Colonne = ImportAccompagnementsCSV.Colonne

    let fichier: String
    let ligne: Int
    let valeurs: [Colonne: String]
    var erreurs: [ErreurImport] = []

    init(fichier: String, ligne: Int, valeurs: [Colonne: String]) {
        self.fichier = fichier
        self.ligne = ligne
        self.valeurs = valeurs
    }

    mutating func erreur(_ colonne: Colonne?, _ message: String) {
        erreurs.append(ErreurImport(fichier: fichier, ligne: ligne, champ: colonne?.libelle, message: message))
    }

    func cite(_ texte: String) -> String { "« \(RegleTexte.visible(texte, maximum: 40)) »" }

    /// The value of `colonne` read by `lire`, `defaut` when empty; nil (and an error) when unreadable.
    mutating func valeur<T>(_ colonne: Colonne, _ defaut: T, conseil: String, _ lire: (String) -> T?) -> T? {
        guard let brute = valeurs[colonne] else { return defaut }
        if let valeur = lire(brute) { return valeur }
        erreur(colonne, "\(cite(brute)) n'est pas une valeur connue ; \(conseil)")
        return nil
    }

    mutating func saisie(jour parDefaut: Jour, catalogue: Catalogue?, apprenant: (String) -> String?,
                         intervenant: (String) -> String?) -> SaisieAccompagnement? {
        let avant = erreurs.count

        var date: Jour? = parDefaut
        if let brute = valeurs[.date] {
            date = Jour(brute)
            if let jour = date {
                do { try RegleDates.verifier(jour, champ: "date") } catch { erreur(.date, error.message); date = nil }
            } else {
                erreur(.date, "\(cite(brute)) n'est pas une date ; écrivez-la JJ/MM/AAAA ou AAAA-MM-JJ (par exemple 13/01/2020), ou laissez vide pour le jour de la feuille.")
            }
        }

        var minutes: Int?
        if let brute = valeurs[.duree] {
            minutes = SaisieDuree.minutes(brute)
            if minutes == nil {
                erreur(.duree, "\(cite(brute)) n'est pas une durée ; écrivez par exemple 45 min, 1h30 ou 90.")
            } else if let m = minutes, !RegleAccompagnement.dureeMinutes.contains(m) {
                erreur(.duree, "\(SaisieDuree.texte(minutes: m)) : un accompagnement dure de \(RegleAccompagnement.dureeMinutes.lowerBound) minutes "
                    + "à \(RegleAccompagnement.dureeMinutes.upperBound / 60) heures ; corrigez la durée.")
                minutes = nil
            }
        } else {
            erreur(.duree, "la durée manque ; écrivez-la, par exemple 45 min ou 1h30.")
        }

        let type = valeur(.type, TypeAccompagnement.permanence, conseil: "écrivez permanence, rendez-vous ou atelier, ou laissez vide (permanence).",
                          ImportAccompagnementsCSV.type)
        let lieu = valeur(.lieu, LieuAccompagnement.structure,
                          conseil: "écrivez structure, partenaire, domicile ou distance, ou laissez vide (dans la structure).", ImportAccompagnementsCSV.lieu)
        let autonomie = valeur(.autonomie, Autonomie?.none,
                               conseil: "écrivez accompagnement complet, en partie autonome ou autonome, ou laissez vide.") { Autonomie.depuis($0).map { .some($0) } }

        var personne: SaisieAccompagnement.Personne?
        let identifiant = valeurs[.identifiant]
        let sexe = valeurs[.sexe], age = valeurs[.age]
        if let identifiant {
            if sexe != nil || age != nil {
                erreur(sexe != nil ? .sexe : .age, "la ligne donne un identifiant (\(identifiant)) et un \(sexe != nil ? "sexe" : "âge") : "
                    + "pour une personne suivie, laissez le sexe et l'âge vides (ils sont dans son livret) ; pour une personne anonyme, videz l'identifiant.")
            } else if let refus = apprenant(identifiant) {
                erreur(.identifiant, refus)
            } else {
                personne = .apprenant(identifiant)
            }
        } else if let sexe {
            let age = age ?? ""
            if let lu = ImportApprenantsCSV.sexe(sexe) {
                if let jour = date, case .failure(let e) = SaisieDuree.naissances(age, annee: jour.annee) {
                    erreur(.age, e.message)
                } else {
                    personne = .anonyme(sexe: lu, tranche: age)
                }
            } else {
                erreur(.sexe, "\(cite(sexe)) n'est pas une valeur connue ; écrivez féminin, masculin, autre ou non communiqué (ou F, M, A, NC).")
            }
        } else {
            erreur(.sexe, "ni identifiant ni sexe : écrivez l'identifiant d'une personne suivie, ou le sexe d'une personne anonyme "
                + "(NC si elle ne l'a pas dit).")
        }

        var lieuNom: String?
        if let nom = valeurs[.lieuNom] {
            do { try RegleTexte.verifier(nom, champ: "le nom du lieu", maximum: RegleAccompagnement.longueurLieu); lieuNom = nom } catch { erreur(.lieuNom, error.message) }
        }

        if let nom = valeurs[.intervenant], let refus = intervenant(nom) { erreur(.intervenant, refus) }

        var thematiques: [ThematiqueCoop] = []
        if let brute = valeurs[.thematiques] {
            switch ImportAccompagnementsCSV.thematiques(brute) {
            case .success(let lues): thematiques = lues
            case .failure(let e): erreur(.thematiques, e.message)
            }
        }

        var items: [String] = []
        if let brute = valeurs[.aptic] {
            for code in ImportAccompagnementsCSV.morceaux(brute, espaces: true) {
                if let catalogue {
                    do { try catalogue.verifierCible(.aptic, code) } catch { erreur(.aptic, error.message); continue }
                }
                if !items.contains(code) { items.append(code) }
            }
        }

        var materiel: [Materiel] = []
        if let brute = valeurs[.materiel] {
            switch ImportAccompagnementsCSV.materiel(brute) {
            case .success(let lu):
                if lu.contains(.aucun) && lu.count > 1 {
                    erreur(.materiel, "« pas de matériel » ne va pas avec un autre matériel : gardez l'un ou l'autre.")
                }
                materiel = lu
            case .failure(let e): erreur(.materiel, e.message)
            }
        }

        var orientation: Orientation?
        if let brute = valeurs[.orientation] {
            switch Orientation.saisie(brute) {
            case .success(let lue): orientation = lue
            case .failure(let e): erreur(.orientation, e.message)
            }
        }

        var note: String?
        if let brute = valeurs[.note] {
            do { try RegleTexte.verifier(brute, champ: "la note", maximum: RegleTexte.longueurNote, plusieursLignes: true); note = brute } catch {
                erreur(.note, error.message)
            }
        }

        guard erreurs.count == avant, let date, let minutes, let type, let lieu, let autonomie, let personne else { return nil }
        return SaisieAccompagnement(date: date, minutes: minutes, type: type, lieu: lieu, lieuNom: lieuNom, intervenant: valeurs[.intervenant],
                                    personne: personne, thematiques: thematiques, itemsAptic: items, autonomie: autonomie, materiel: materiel,
                                    note: note, orientation: orientation)
    }
}
