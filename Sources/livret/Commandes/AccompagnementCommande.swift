import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret accompagnement …`: permanences, appointments and one-off workshops, outside cohorts.
struct AccompagnementCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accompagnement",
        abstract: "Noter les permanences, rendez-vous et ateliers ponctuels, en dehors des cohortes.",
        discussion: """
        Un accompagnement, c'est une personne, un jour : une personne suivie (son identifiant) ou une \
        personne anonyme, comptée seulement par son sexe et sa tranche d'âge. Une feuille d'émargement \
        saisie dans un tableur s'importe en une fois (livret accompagnement importer).
        """,
        subcommands: [Ajouter.self, Importer.self, Lister.self, Supprimer.self]
    )

    /// The thématiques as typed: every code, with « - ».
    static let thematiques = ThematiqueCoop.allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") }.joined(separator: ", ")

    struct Ajouter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Noter un accompagnement : une personne suivie ou une personne anonyme, un jour.",
            discussion: """
            L'accompagnement est daté du jour de l'action (--date, sinon aujourd'hui). Durée : de 5 minutes \
            à 10 heures, écrite 45min, 1h30, 2h30, 90 (minutes) ou 2 (un nombre sous 5 compte des heures). Âge d'une personne anonyme : une tranche \
            (« 18-24 ans », « moins de 12 ans », « 70 ans et plus »), mineur, adulte ou un âge (35).
            Thématiques : les noms courts email, demarches, sante, banque, materiel, internet, securite, emploi, \
            diagnostic, ia, ou les codes de La Coop : \(AccompagnementCommande.thematiques).
            Exemples :
              livret accompagnement ajouter A-0003 --duree 2h30 --thematique email
              livret accompagnement ajouter --anonyme --sexe F --age 18-24 --duree 45min
              livret accompagnement ajouter A-0005 --duree 1h --type rendez-vous \\
                  --lieu partenaire --lieu-nom "CCAS de Metz" --thematique demarches
              livret accompagnement ajouter A-0005 --duree 1h --orientation aide-aux-demarches-administratives
            Orientation (La Coop la demande dans un compte-rendu individuel) : non si la personne n'a pas été \
            orientée vers une autre structure, sinon le type de structure : \(StructureRedirection.choixSaisie). \
            Sans --orientation, rien n'est dit (la case reste vide pour La Coop).
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de la personne suivie (sinon --anonyme).") var identifiant: String?
        @Flag(help: "Une personne sans livret, comptée par son sexe et son âge (--sexe, --age).") var anonyme = false
        @Option(help: ArgumentHelp("Le sexe d'une personne anonyme : feminin, masculin, autre ou non-communique.", valueName: "SEXE"))
        var sexe: String?
        @Option(help: ArgumentHelp("L'âge d'une personne anonyme : « 18-24 ans », mineur, adulte ou 35 (sinon non communiqué).", valueName: "AGE"))
        var age: String?
        @Option(help: ArgumentHelp("La durée : 45min, 1h30, 90 (minutes) ou 2 (heures, sous 5).", valueName: "DUREE")) var duree: String
        @Option(help: ArgumentHelp("permanence (par défaut), rendez-vous ou atelier.", valueName: "TYPE")) var type: String?
        @Option(help: ArgumentHelp("structure (par défaut), partenaire, domicile ou distance.", valueName: "LIEU")) var lieu: String?
        @Option(help: ArgumentHelp("Le nom du lieu, quand il aide (« CCAS de Metz »).", valueName: "NOM")) var lieuNom: String?
        @Option(help: ArgumentHelp("Qui a accompagné, formateur ou bénévole de la structure (sinon l'auteur).", valueName: "NOM"))
        var intervenant: String?
        @Option(help: ArgumentHelp("Une thématique (à répéter) : email, demarches, sante… (voir plus haut).", valueName: "THEME"))
        var thematique: [String] = []
        @Option(help: ArgumentHelp("Un item APTIC travaillé (à répéter), par exemple 66.", valueName: "CODE")) var aptic: [String] = []
        @Option(help: ArgumentHelp("accompagnement-complet, en-partie-autonome ou autonome.", valueName: "NIVEAU")) var autonomie: String?
        @Option(help: ArgumentHelp("Le matériel utilisé (à répéter) : ordinateur, telephone, tablette, autre ou aucun.", valueName: "MATERIEL"))
        var materiel: [String] = []
        @Option(help: ArgumentHelp("Ce qui a été fait, en quelques mots.", valueName: "TEXTE")) var note: String?
        @Option(help: ArgumentHelp("La personne a-t-elle été orientée vers une autre structure ? \(Orientation.choixSaisie).", valueName: "VALEUR"))
        var orientation: String?

        func personne() throws -> SaisieAccompagnement.Personne {
            if let identifiant {
                guard !anonyme && sexe == nil && age == nil else {
                    throw ErreurUtilisateur("« \(identifiant) » est une personne suivie : son sexe et son âge sont dans son livret. "
                                            + "Retirez --anonyme, --sexe et --age, ou retirez l'identifiant pour une personne anonyme.")
                }
                return .apprenant(identifiant)
            }
            guard anonyme || sexe != nil else {
                throw ErreurUtilisateur("qui est venu ? Donnez l'identifiant d'une personne suivie (livret accompagnement ajouter A-0003 …), "
                                        + "ou --anonyme --sexe … pour une personne sans livret.")
            }
            guard let texte = sexe, !texte.isEmpty else {
                throw ErreurUtilisateur("pour une personne anonyme, donnez --sexe : \(Saisie.choix(Sexe.self)).")
            }
            guard let sexe = ImportApprenantsCSV.sexe(texte) else {
                throw ErreurUtilisateur("« \(texte) » n'est pas une valeur possible pour --sexe. Choisissez : \(Saisie.choix(Sexe.self)) (ou F, M, A, NC).")
            }
            return .anonyme(sexe: sexe, tranche: age ?? "")
        }

        func run() throws {
            guard let minutes = SaisieDuree.minutes(duree) else {
                throw ErreurUtilisateur("« \(duree) » (--duree) n'est pas une durée : écrivez par exemple 45min, 1h30 ou 90 (minutes).")
            }
            let personne = try personne()
            var thematiques: [ThematiqueCoop] = []
            for texte in thematique {
                switch ImportAccompagnementsCSV.thematiques(texte) {
                case .success(let lues): thematiques += lues.filter { !thematiques.contains($0) }
                case .failure(let e): throw ErreurUtilisateur("--thematique : " + e.message)
                }
            }
            let materiels = try materiel.map { texte -> Materiel in
                guard let m = ImportAccompagnementsCSV.unMateriel(texte) else {
                    throw ErreurUtilisateur("« \(texte) » n'est pas une valeur possible pour --materiel. Choisissez : \(Saisie.choix(Materiel.self)).")
                }
                return m
            }
            var orientee: Orientation?
            if let orientation {
                switch Orientation.saisie(orientation) {
                case .success(let lue): orientee = lue
                case .failure(let e): throw ErreurUtilisateur("--orientation : " + e.message)
                }
            }
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let saisie = SaisieAccompagnement(
                date: jour, minutes: minutes, type: try Saisie.option(type, "--type", TypeAccompagnement.self) ?? .permanence,
                lieu: try Saisie.option(lieu, "--lieu", LieuAccompagnement.self) ?? .structure, lieuNom: lieuNom, intervenant: intervenant,
                personne: personne, thematiques: thematiques, itemsAptic: aptic, autonomie: try Saisie.option(autonomie, "--autonomie", Autonomie.self),
                materiel: materiels, note: note, orientation: orientee)
            let notes = try ServiceAccompagnements.ajouter(db: db, catalogue: catalogue, saisies: [saisie], auteur: auteur, jour: jour)
            guard let a = notes.first else { return }
            let qui = a.anonyme.map { $0.libelle(annee: a.date.annee) } ?? identifiant ?? ""
            Sortie.ligne("Accompagnement n° \(a.id!) noté : \(AffichageAccompagnement.resume(a, personne: qui)).")
        }
    }

    struct Importer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importer une feuille d'émargement saisie dans un tableur (CSV) : tout ou rien.",
            discussion: """
            Une ligne par personne venue, en UTF-8, séparée par « ; » ou « , ». Colonnes reconnues (majuscules, \
            accents et espaces indifférents) : date, identifiant, sexe, âge (ou tranche d'âge), durée, type, lieu, \
            lieu_nom (ou nom du lieu), intervenant, thématiques, aptic, autonomie, matériel, orientation, note. La durée est \
            obligatoire ; le type est permanence et le lieu la structure quand la case est vide. Une ligne donne \
            l'identifiant d'une personne suivie, ou le sexe (F, M, A ou NC) et l'âge d'une personne anonyme. \
            Une date vide prend le jour de la feuille (--date). Plusieurs thématiques ou matériels se séparent \
            par « / » ou « + ». Orientation : non, ou le type de structure (\(StructureRedirection.choixSaisie)), \
            vide si on ne sait pas. Si une ligne est fausse, rien n'est importé et chaque erreur est signalée \
            « fichier:ligne: colonne : message ».
            Exemple de fichier :
              date;identifiant;sexe;âge;durée;thématiques
              13/01/2020;A-0003;;;2h30;email / démarches
              13/01/2020;;F;18-24 ans;45 min;santé
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le fichier CSV de la feuille d'émargement.") var fichier: String

        func run() throws {
            let source = try LectureEntree.lire(fichier)
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let apprenants = Dictionary(try base { () throws(ErreurBase) in try db.apprenants() }.map { ($0.identifiant, $0.efface) },
                                        uniquingKeysWith: { a, _ in a })
            let formateurs = try base { () throws(ErreurBase) in try db.formateurs() }.map(\.nom)
            let intervenants = Set(formateurs.map(NormalisationTitre.cle))
            let feuille: ImportAccompagnementsCSV.Feuille
            do {
                feuille = try ImportAccompagnementsCSV.lire(
                    source.donnees, fichier: fichier, jour: jour, catalogue: catalogue,
                    apprenant: { identifiant in
                        switch apprenants[identifiant] {
                        case nil: "« \(identifiant) » n'est pas l'identifiant d'une personne suivie (voir « livret apprenant lister ») ; "
                            + "corrigez-le, ou videz-le et écrivez le sexe et l'âge d'une personne anonyme."
                        case true?: "« \(identifiant) » a été effacé : videz l'identifiant et écrivez le sexe et l'âge, comme pour une personne anonyme."
                        case false?: nil
                        }
                    },
                    intervenant: { nom in
                        intervenants.contains(NormalisationTitre.cle(nom)) ? nil
                            : "« \(nom) » n'est pas une personne de la structure (\(formateurs.joined(separator: ", "))) ; corrigez le nom, "
                                + "ou videz la case pour la personne qui importe."
                    })
            } catch {
                let n = error.erreurs.count
                throw ErreurUtilisateur("rien n'a été importé : \(Accord.nombre(n, "erreur")) dans « \(fichier) ».\n"
                                        + ListeErreurs.lignes(error.erreurs.map(Self.ligne))
                                        + "\nCorrigez \(Accord.forme(n, "cette ligne", "ces lignes")) puis relancez l'import.")
            }
            let notes: [Accompagnement]
            do {
                notes = try ServiceAccompagnements.ajouter(db: db, catalogue: catalogue, saisies: feuille.saisies, lignes: feuille.lignes,
                                                            feuille: (fichier, source.donnees), auteur: auteur, jour: jour)
            } catch let erreur as ErreurUtilisateur {
                throw ErreurUtilisateur("rien n'a été importé de « \(fichier) » : \(erreur.message)")
            }
            var parType: [String] = []
            for type in TypeAccompagnement.allCases {
                let n = notes.filter { $0.type == type }.count
                if n > 0 { parType.append(Accord.nombre(n, type.libelle)) }
            }
            let anonymes = notes.filter { $0.anonyme != nil }.count
            let detail = parType.count > 1 ? parType.dropLast().joined(separator: ", ") + " et " + parType.last! : parType.joined()
            Sortie.ligne("\(Accord.nombre(notes.count, "accompagnement importé", "accompagnements importés")) depuis « \(fichier) » : \(detail)"
                         + (anonymes > 0 ? ", dont \(Accord.nombre(anonymes, "personne anonyme", "personnes anonymes"))." : "."))
        }

        /// « feuille.csv:4: durée : « 2x » n'est pas une durée… ».
        static func ligne(_ e: ErreurImport) -> String {
            "\(e.fichier):\(e.ligne): " + (e.champ.map { "\($0) : " } ?? "") + e.message
        }
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lister les accompagnements, du plus ancien au plus récent.",
            discussion: "Exemple : livret accompagnement lister --du 2020-01-01 --au 2020-03-31")
        @OptionGroup var options: OptionsBase
        @Option(help: ArgumentHelp("Depuis ce jour (AAAA-MM-JJ ou JJ/MM/AAAA).", valueName: "DATE")) var du: String?
        @Option(help: ArgumentHelp("Jusqu'à ce jour inclus.", valueName: "DATE")) var au: String?
        @Option(help: ArgumentHelp("Ce jour seulement.", valueName: "DATE")) var jour: String?
        @Flag(help: "Écrire la liste en JSON.") var json = false

        func run() throws {
            var debut = try du.map { try OptionsEcriture.jour($0, champ: "--du") }
            var fin = try au.map { try OptionsEcriture.jour($0, champ: "--au") }
            if let jour {
                guard du == nil && au == nil else { throw ErreurUtilisateur("--jour se donne seul, sans --du ni --au.") }
                debut = try OptionsEcriture.jour(jour, champ: "--jour")
                fin = debut
            }
            if let debut, let fin, fin < debut {
                throw ErreurUtilisateur("--au (\(fin.francais)) tombe avant --du (\(debut.francais)) : inversez-les.")
            }
            let db = try options.ouvrir()
            let liste = try base { () throws(ErreurBase) in try db.accompagnements(du: debut, au: fin) }
            if json { try Sortie.json(liste.map(AccompagnementJSON.init)); return }
            guard !liste.isEmpty else { return Sortie.ligne("Aucun accompagnement noté\(AffichageAccompagnement.periode(debut, fin)).") }
            Sortie.ligne(Tableau.texte(
                entetes: ["N°", "Date", "Type", "Durée", "Personne", "Lieu", "Intervenant", "Thématiques"],
                lignes: liste.map { lu in
                    let a = lu.accompagnement
                    return [String(a.id!), a.date.francais, a.type.libelle, SaisieDuree.texte(minutes: a.minutes), AffichageAccompagnement.personne(lu),
                            a.libelleLieu, lu.intervenant, a.thematiques.map(\.libelle).joined(separator: ", ")]
                }))
            let total = liste.reduce(0) { $0 + $1.accompagnement.minutes }
            Sortie.ligne("\(Accord.nombre(liste.count, "accompagnement")), \(SaisieDuree.texte(minutes: total)) en tout.")
        }
    }

    struct Supprimer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Supprimer un accompagnement noté par erreur, avec son questionnaire de satisfaction.",
            discussion: """
            Le journal garde le jour, la durée, qui l'a fait et pourquoi. Sans --confirmer, montre seulement ce qui \
            serait supprimé. Un accompagnement dont vient une preuve ne se supprime pas : retirez d'abord la preuve.
            Exemple : livret accompagnement supprimer 12 --motif "noté deux fois" --confirmer
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le numéro de l'accompagnement (voir « livret accompagnement lister »).") var numero: Int64
        @Option(help: "Pourquoi l'accompagnement est supprimé.") var motif: String?
        @Flag(help: "Confirmer la suppression.") var confirmer = false

        func run() throws {
            let db = try options.ouvrir()
            guard let lu = try base({ () throws(ErreurBase) in try db.accompagnements(id: numero) }).first else {
                throw ErreurUtilisateur("Accompagnement « \(numero) » introuvable (voir « livret accompagnement lister »).")
            }
            guard confirmer else {
                let questionnaire = try base { () throws(ErreurBase) in try db.satisfactions() }.contains { $0.reponse.accompagnementId == numero }
                Sortie.ligne("L'accompagnement n° \(numero) (\(AffichageAccompagnement.resume(lu))) serait supprimé"
                             + (questionnaire ? ", avec son questionnaire de satisfaction." : "."))
                Sortie.ligne("Pour le faire : livret accompagnement supprimer \(numero) --motif \"…\" --confirmer")
                return
            }
            guard let motif, !motif.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ErreurUtilisateur("dites pourquoi l'accompagnement est supprimé : --motif \"…\" (le journal le garde).")
            }
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            _ = try ServiceAccompagnements.supprimer(db: db, id: numero, motif: motif, auteur: auteur, jour: jour)
            Sortie.ligne("Accompagnement n° \(numero) supprimé (\(AffichageAccompagnement.resume(lu))) ; noté au journal.")
        }
    }
}

/// How accompaniments read in confirmations and lists.
enum AffichageAccompagnement {
    /// « A-0003 » or « personne anonyme (féminin, 18–24 ans) ».
    static func personne(_ lu: AccompagnementLu) -> String {
        if let anonyme = lu.accompagnement.anonyme { return anonyme.libelle(annee: lu.accompagnement.date.annee) }
        return [lu.identifiant, lu.nom].compactMap { $0 }.joined(separator: " ")
    }

    /// « permanence du 13/01/2020, 2 h 30, A-0003 ».
    static func resume(_ a: Accompagnement, personne: String) -> String {
        "\(a.type.libelle) du \(a.date.francais), \(SaisieDuree.texte(minutes: a.minutes)), \(personne)"
    }

    static func resume(_ lu: AccompagnementLu) -> String {
        resume(lu.accompagnement, personne: lu.accompagnement.anonyme == nil ? lu.identifiant ?? "" : personne(lu))
    }

    /// « du 01/01/2020 au 31/03/2020 », « le 13/01/2020 », or nothing.
    static func periode(_ du: Jour?, _ au: Jour?) -> String {
        switch (du, au) {
        case let (du?, au?) where du == au: " le \(du.francais)"
        case let (du?, au?): " du \(du.francais) au \(au.francais)"
        case let (du?, nil): " depuis le \(du.francais)"
        case let (nil, au?): " jusqu'au \(au.francais)"
        case (nil, nil): ""
        }
    }
}

/// One accompaniment in `accompagnement lister --json`: codes as stored, the person by identifier
/// or by sex and years of birth.
struct AccompagnementJSON: Encodable {
    var id: Int64?
    var date: Jour
    var type: TypeAccompagnement
    var minutes: Int
    var lieu: LieuAccompagnement
    var lieuNom: String?
    var intervenant: String
    var identifiant: String?
    var nom: String?
    var anonyme: Bool
    var sexe: Sexe?
    var age: String?
    var naissance: [Int]?
    var thematiques: [ThematiqueCoop]
    var itemsAptic: [String]
    var autonomie: Autonomie?
    var materiel: [Materiel]
    var note: String?
    var orientation: Orientation?

    init(_ lu: AccompagnementLu) {
        let a = lu.accompagnement
        id = a.id
        date = a.date
        type = a.type
        minutes = a.minutes
        lieu = a.lieu
        lieuNom = a.lieuNom
        intervenant = lu.intervenant
        identifiant = lu.identifiant
        nom = lu.nom
        anonyme = a.anonyme != nil
        sexe = a.anonyme?.sexe
        age = a.anonyme.map { $0.libelleAge(annee: a.date.annee) }
        naissance = a.anonyme?.naissance.map { [$0.lowerBound, $0.upperBound] }
        thematiques = a.thematiques
        itemsAptic = a.itemsAptic
        autonomie = a.autonomie
        materiel = a.materiel
        note = a.note
        orientation = a.orientation
    }
}
