import Foundation

/// One problem in an imported file, located by line (1-based, header = line 1) and column.
public struct ErreurImport: Error, Sendable, Equatable, CustomStringConvertible {
    public var fichier: String
    public var ligne: Int
    public var champ: String?
    public var message: String

    public init(fichier: String, ligne: Int, champ: String? = nil, message: String) {
        self.fichier = fichier
        self.ligne = ligne
        self.champ = champ.map { Format.extrait($0) }
        self.message = Format.citationsCourtes(message)
    }

    /// "fichier, ligne N, champ « sexe » : message".
    public var description: String {
        if let champ { return "\(fichier), ligne \(ligne), champ « \(champ) » : \(message)" }
        return "\(fichier), ligne \(ligne) : \(message)"
    }
}

/// Every problem found in an imported file; nothing is imported when there is one.
public struct ErreursImport: Error, Sendable, Equatable, CustomStringConvertible {
    public var erreurs: [ErreurImport]

    public init(erreurs: [ErreurImport]) { self.erreurs = erreurs }

    public var description: String { erreurs.map(\.description).joined(separator: "\n") }
}

/// Reads a learners' CSV file (as exported by a spreadsheet) into learners and consents. No I/O.
public enum ImportApprenantsCSV {
    /// The columns the reader knows.
    public enum Colonne: String, CaseIterable, Sendable {
        case identifiant, prenom, nom, pseudonyme, anneeNaissance, sexe, qpv, statutSocial, niveauDiplome, email, telephone
        case consentementSuivi, consentementBadges, consentementStatistiques, consentementCoop

        /// The name shown in messages.
        public var libelle: String { orthographes[0] }

        /// Accepted header spellings (compared after normalisation: case, accents, spaces, "_", "-").
        public var orthographes: [String] {
            switch self {
            case .identifiant: ["identifiant", "id"]
            case .prenom: ["prénom"]
            case .nom: ["nom", "nom de famille"]
            case .pseudonyme: ["pseudonyme", "pseudo"]
            case .anneeNaissance: ["année de naissance", "annee_naissance", "année naissance", "naissance"]
            case .sexe: ["sexe", "genre"]
            case .qpv: ["qpv", "résidence qpv", "réside en qpv"]
            case .statutSocial: ["statut social", "statut"]
            case .niveauDiplome: ["niveau de diplôme", "niveau diplôme", "diplôme"]
            case .email: ["email", "e-mail", "courriel", "mail", "adresse e-mail"]
            case .telephone: ["téléphone", "tel", "tél", "portable"]
            case .consentementSuivi: ["consentement suivi", "consentement_suivi"]
            case .consentementBadges: ["consentement badges", "consentement badge"]
            case .consentementStatistiques: ["consentement statistiques", "consentement stats"]
            case .consentementCoop: ["consentement coop", "consentement la coop"]
            }
        }

        static func cle(_ texte: String) -> String {
            NormalisationTitre.cle(texte)
                .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
                .split(whereSeparator: \.isWhitespace).joined()
        }

        /// The column whose spelling matches `entete`.
        public static func depuis(_ entete: String) -> Colonne? {
            let cle = cle(entete)
            return allCases.first { $0.orthographes.contains { Self.cle($0) == cle } }
        }

        var estConsentement: Bool { [.consentementSuivi, .consentementBadges, .consentementStatistiques, .consentementCoop].contains(self) }
    }

    /// Reads `donnees` (UTF-8, ";" or ",").
    ///
    /// - Parameters:
    ///   - fichier: the file name, for messages.
    ///   - creeLe, creePar: recorded on every learner (and consent).
    ///   - anneeCourante: the upper bound of plausible years of birth.
    ///   - identifiantSuivant: the identifier of the n-th learner (0, 1, 2…) without one in the file.
    /// - Returns: the learners with their consent when the file has consent columns (apprenantId 0 until stored).
    /// - Throws: every problem of the file, by line and column; nothing is returned when there is one.
    public static func lire(_ donnees: Data, fichier: String, creeLe: Jour, creePar: Int64, anneeCourante: Int,
                            identifiantSuivant: (Int) -> String) throws(ErreursImport) -> [(Apprenant, Consentement?)] {
        let (entete, donneesLignes) = try LecteurCSV.decouper(
            donnees, fichier: fichier,
            conseilEncodage: "dans votre tableur, enregistrez-le au format « CSV UTF-8 » puis recommencez.",
            siVide: "le fichier est vide : la première ligne doit nommer les colonnes (identifiant, prénom, nom, sexe…).")

        // Header.
        var erreurs: [ErreurImport] = []
        var colonnes: [Colonne?] = []
        var vues: Set<Colonne> = []
        for nom in entete.champs {
            let propre = nom.trimmingCharacters(in: .whitespaces)
            guard let colonne = Colonne.depuis(propre) else {
                let connues = Colonne.allCases.map(\.libelle).joined(separator: ", ")
                erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, champ: propre,
                    message: "colonne inconnue « \(propre) ». Renommez-la ou retirez-la ; les colonnes connues sont : \(connues)."))
                colonnes.append(nil)
                continue
            }
            if vues.contains(colonne) {
                erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, champ: colonne.libelle,
                    message: "la colonne « \(colonne.libelle) » apparaît deux fois ; gardez-en une seule."))
            }
            vues.insert(colonne)
            colonnes.append(colonne)
        }
        if !erreurs.isEmpty { throw ErreursImport(erreurs: erreurs) }
        let avecConsentement = colonnes.contains { $0?.estConsentement == true }

        // Rows.
        var resultat: [(Apprenant, Consentement?)] = []
        var lignesDesIdentifiants: [String: Int] = [:]
        var generes = 0
        for enregistrement in donneesLignes {
            let ligne = enregistrement.ligne
            func erreur(_ colonne: Colonne?, _ message: String) {
                erreurs.append(ErreurImport(fichier: fichier, ligne: ligne, champ: colonne?.libelle, message: message))
            }
            guard enregistrement.champs.count == colonnes.count else {
                erreur(nil, "la ligne a \(Accord.nombre(enregistrement.champs.count, "champ")) alors que l'en-tête annonce \(Accord.nombre(colonnes.count, "colonne")) ; "
                    + "vérifiez les séparateurs et les guillemets.")
                continue
            }
            var valeurs: [Colonne: String] = [:]
            for (colonne, valeur) in zip(colonnes, enregistrement.champs) {
                if let colonne { valeurs[colonne] = valeur.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            func texte(_ colonne: Colonne) -> String? {
                guard let valeur = valeurs[colonne], !valeur.isEmpty else { return nil }
                return valeur
            }

            let identifiant: String
            if let donne = texte(.identifiant) {
                identifiant = donne
            } else {
                identifiant = identifiantSuivant(generes)
                generes += 1
            }
            if let premiere = lignesDesIdentifiants[identifiant] {
                erreur(.identifiant, "l'identifiant « \(identifiant) » est déjà utilisé ligne \(premiere) ; chaque apprenant doit avoir le sien.")
            } else {
                lignesDesIdentifiants[identifiant] = ligne
            }

            var annee: Int?
            if let brute = texte(.anneeNaissance) {
                if let nombre = Int(brute) { annee = nombre } else {
                    erreur(.anneeNaissance, "« \(brute) » n'est pas une année ; écrivez l'année de naissance sur quatre chiffres (par exemple 1984), ou laissez vide.")
                }
            }

            var sexe = Sexe.nonCommunique
            if let brute = texte(.sexe) {
                if let valeur = Self.sexe(brute) { sexe = valeur } else {
                    erreur(.sexe, "« \(brute) » n'est pas une valeur connue ; écrivez féminin, masculin, autre ou non communiqué (ou F, M, A, NC), ou laissez vide.")
                }
            }

            var qpv = ResidenceQPV.nonCommunique
            if let brute = texte(.qpv) {
                if let valeur = Self.qpv(brute) { qpv = valeur } else {
                    erreur(.qpv, "« \(brute) » n'est pas une valeur connue ; écrivez oui, non ou non communiqué, ou laissez vide.")
                }
            }

            var statut = StatutSocial.nonCommunique
            if let brute = texte(.statutSocial) {
                if let valeur = StatutSocial.depuis(brute) { statut = valeur } else {
                    erreur(.statutSocial, "« \(brute) » n'est pas une valeur connue ; écrivez "
                        + StatutSocial.allCases.map(\.libelle).dropLast().joined(separator: ", ") + " ou non communiqué, ou laissez vide.")
                }
            }

            var accords: [Colonne: Bool] = [:]
            for colonne in [Colonne.consentementSuivi, .consentementBadges, .consentementStatistiques, .consentementCoop] {
                guard let brute = texte(colonne) else { continue }
                if let valeur = Self.ouiNon(brute) { accords[colonne] = valeur } else {
                    erreur(colonne, "« \(brute) » n'est pas une réponse ; écrivez oui ou non.")
                }
            }

            let apprenant = Apprenant(identifiant: identifiant, prenom: texte(.prenom), nom: texte(.nom), pseudonyme: texte(.pseudonyme),
                                      anneeNaissance: annee, sexe: sexe, qpv: qpv, statutSocial: statut,
                                      niveauDiplome: texte(.niveauDiplome), email: texte(.email), telephone: texte(.telephone),
                                      creeLe: creeLe, creePar: creePar)
            for (champ, probleme) in apprenant.problemesParChamp(anneeCourante: anneeCourante) {
                let colonne = Colonne(rawValue: champ)
                // A generated identifier is Livret's own: only one the file gave can be wrong.
                erreur(colonne, Self.conseil(probleme, colonne: colonne))
            }
            let consentement = avecConsentement
                ? Consentement(apprenantId: 0, date: creeLe, suivi: accords[.consentementSuivi] ?? false,
                               badges: accords[.consentementBadges] ?? false,
                               statistiques: accords[.consentementStatistiques] ?? false, coop: accords[.consentementCoop] ?? false,
                               auteurId: creePar)
                : nil
            resultat.append((apprenant, consentement))
        }
        if !erreurs.isEmpty { throw ErreursImport(erreurs: erreurs) }
        return resultat
    }

    /// A sex as people write it: the word, or F, M, A, NC (« femme », « homme » too).
    public static func sexe(_ texte: String) -> Sexe? {
        switch Colonne.cle(texte) {
        case "f", "femme": return .feminin
        case "m", "h", "homme": return .masculin
        case "a": return .autre
        case "nc", "noncommunique", "": return .nonCommunique
        default: return Sexe.depuis(texte)
        }
    }

    static func qpv(_ texte: String) -> ResidenceQPV? {
        switch Colonne.cle(texte) {
        case "o", "oui": return .oui
        case "n", "non": return .non
        case "nc", "noncommunique", "": return .nonCommunique
        default: return ResidenceQPV.depuis(texte)
        }
    }

    static func ouiNon(_ texte: String) -> Bool? {
        switch Colonne.cle(texte) {
        case "oui", "o", "1", "vrai", "x": true
        case "non", "n", "0", "faux": false
        default: nil
        }
    }

    static func conseil(_ probleme: String, colonne: Colonne?) -> String {
        switch colonne {
        case .identifiant: probleme + " ; corrigez-le, ou laissez la case vide pour que Livret en donne un."
        case .anneeNaissance: probleme + " ; corrigez l'année ou laissez la case vide."
        case .email: probleme + " ; corrigez l'adresse ou laissez la case vide."
        default: probleme + " ; corrigez la case ou laissez-la vide."
        }
    }
}
