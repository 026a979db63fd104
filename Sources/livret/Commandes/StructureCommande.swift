import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret structure`: how people reach the structure (printed on CVs and attestations) and its site.
struct StructureCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "La structure : ses coordonnées (imprimées sur les CV et les attestations) et la nomenclature #APTIC qu'elle suit.",
        subcommands: [Montrer.self, Modifier.self, Nomenclature.self]
    )

    struct Montrer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Montrer le nom et les coordonnées de la structure.")
        @OptionGroup var options: OptionsBase
        @Flag(help: "Écrire les coordonnées en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let contact = try ServiceStructure.contact(db: db)
            if json { try Sortie.json(contact); return }
            if let structure = try base({ () throws(ErreurBase) in try db.structure() }) { Sortie.ligne(structure.nom) }
            Sortie.ligne("Adresse : \(contact.adresse ?? "(non renseignée)")")
            Sortie.ligne("Téléphone : \(contact.telephone ?? "(non renseigné)")")
            Sortie.ligne("Courriel : \(contact.courriel ?? "(non renseigné)")")
            Sortie.ligne("Site : \(contact.site ?? "(non renseigné : les badges n'ont pas de page de vérification en ligne)")")
        }
    }

    struct Modifier: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Changer les coordonnées de la structure (seules celles données changent ; \"\" efface).",
            discussion: """
            Exemple : livret structure modifier --telephone "03 20 00 00 00" --courriel contact@exemple.fr --site https://exemple.fr
            Le site est l'adresse où la structure publie les pages de vérification de ses badges (livret badge publier) : \
            les QR codes des CV et des attestations y mènent. Les badges déjà délivrés gardent l'adresse du jour où ils l'ont été.
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Option(help: ArgumentHelp("L'adresse postale, sur une ligne.", valueName: "ADRESSE")) var adresse: String?
        @Option(help: ArgumentHelp("Le téléphone.", valueName: "NUMERO")) var telephone: String?
        @Option(help: ArgumentHelp("Le courriel de contact.", valueName: "COURRIEL")) var courriel: String?
        @Option(help: ArgumentHelp("Le site, en https (https://exemple.fr).", valueName: "ADRESSE")) var site: String?

        func run() throws {
            guard adresse != nil || telephone != nil || courriel != nil || site != nil else {
                throw ErreurUtilisateur("rien à changer : donnez --adresse, --telephone, --courriel ou --site.")
            }
            let db = try options.ouvrir()
            let contact = try ServiceStructure.modifierContact(db: db, adresse: adresse, telephone: telephone, courriel: courriel, site: site,
                                                               auteur: try ecriture.auteur(db), jour: try ecriture.jour())
            Sortie.ligne("Coordonnées de la structure enregistrées :")
            for ligne in contact.lignes { Sortie.ligne("  \(ligne)") }
            if contact.estVide { Sortie.ligne("  (aucune)") }
        }
    }

    struct Nomenclature: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Montrer ou choisir la nomenclature #APTIC de la structure : la nationale ou une variante locale.",
            discussion: """
            Sans argument : montre la nomenclature suivie. Avec le code d'une variante (livret referentiel lister) : la structure \
            la suit désormais ; les badges, le CV, les rapports et l'interface prennent ses items ajoutés, déplacés et ses sous-thèmes créés. \
            Les preuves déjà enregistrées gardent leurs items (un item déplacé garde son code).
            Exemples : livret structure nomenclature aptic-roubaix-ateliers
                       livret structure nomenclature --nationale
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: ArgumentHelp("Le code de la variante à suivre.", valueName: "VARIANTE")) var variante: String?
        @Flag(help: "Revenir à la nomenclature nationale.") var nationale = false

        func run() throws {
            let db = try options.ouvrir()
            if variante != nil && nationale {
                throw ErreurUtilisateur("choisissez : une variante, ou --nationale, pas les deux.")
            }
            guard variante != nil || nationale else {
                let catalogue = try ChargementCatalogue.catalogue(pour: db)
                Sortie.ligne(AffichageReferentiel.nomenclatureSuivie(catalogue))
                return
            }
            let (catalogue, changements) = try ServiceStructure.adopterVariante(
                db: db, catalogue: try ChargementCatalogue.catalogue(), code: nationale ? nil : variante,
                auteur: try ecriture.auteur(db), jour: try ecriture.jour())
            Sortie.ligne(AffichageReferentiel.nomenclatureSuivie(catalogue))
            if !changements.isEmpty {
                Sortie.ligne(AffichageReferentiel.bilanChangements(changements))
            }
        }
    }
}
