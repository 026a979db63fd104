import ArgumentParser
import Foundation
import LivretCore
import LivretServices
import LivretStore

/// `livret coop`: what the conseiller numérique passes on to La Coop de la médiation numérique.
struct CoopCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coop",
        abstract: "Les fichiers pour La Coop de la médiation numérique : les bénéficiaires à importer, l'activité à y saisir.",
        subcommands: [Beneficiaires.self, Activites.self]
    )

    struct Beneficiaires: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Écrire le fichier d'import des bénéficiaires de La Coop (coop-numerique_import-beneficiaires.xlsx).",
            discussion: """
            Seules les personnes qui ont donné leur accord « coop » et dont on connaît le nom et le prénom y sont \
            (La Coop exige les deux). Le sexe « autre » devient « Non communiqué » : La Coop n'a pas d'autre valeur. \
            Dans La Coop : Bénéficiaires, Importer des bénéficiaires, puis choisissez ce fichier.
            Exemple : livret coop beneficiaires --sortie coop-beneficiaires.xlsx
            """)
        @OptionGroup var options: OptionsBase
        @Option(name: .shortAndLong, help: "Le fichier à écrire (sinon Exports/coop-beneficiaires-AAAA-MM-JJ.xlsx).") var sortie: String?
        @Option(help: "La date du jour (AAAA-MM-JJ ; sinon aujourd'hui).") var date: String?

        func run() throws {
            let db = try options.ouvrir()
            let jour = try Auteurs.jourCourant(option: date)
            let (donnees, nombre, exclus) = try ServiceCoop.fichierBeneficiaires(db: db, jour: jour)
            let cible = sortie ?? Emplacements.dossierExports + "/" + ServiceCoop.nomBeneficiaires(jour: jour)
            try EcritureFichier.creerDossier(URL(fileURLWithPath: cible).deletingLastPathComponent())
            try EcritureFichier.ecrireAtomiquement(donnees, vers: cible)
            Sortie.ligne("\(Accord.nombre(nombre, "bénéficiaire écrit", "bénéficiaires écrits")) pour La Coop : \(cible)")
            for raison in ExportBeneficiairesCoop.Exclusion.allCases {
                if let n = exclus[raison] { Sortie.ligne("  \(Accord.nombre(n, "apprenant laissé", "apprenants laissés")) de côté : \(raison.rawValue).") }
            }
        }
    }

    struct Activites: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "activites",
            abstract: "Écrire l'activité d'une période prête à saisir dans La Coop : séances et ateliers (CRA collectifs), permanences et rendez-vous (CRA individuels).",
            discussion: """
            La Coop n'importe pas les activités : le classeur donne chaque compte-rendu avec les mots de La Coop \
            (lieu, durée, thématiques, autonomie, matériel, orientation vers une autre structure, participants par genre, tranche d'âge et statut). \
            Exemple : livret coop activites --du 2026-01-01 --au 2026-03-31
            """)
        @OptionGroup var options: OptionsBase
        @Option(help: "Début de la période (AAAA-MM-JJ).") var du: String
        @Option(help: "Fin de la période (AAAA-MM-JJ).") var au: String
        @Option(name: .shortAndLong, help: "Le fichier à écrire (sinon Exports/coop-activites-DEBUT-FIN.xlsx).") var sortie: String?

        func run() throws {
            let debut = try OptionsEcriture.jour(du, champ: "--du")
            let fin = try OptionsEcriture.jour(au, champ: "--au")
            let db = try options.ouvrir()
            let (donnees, collectifs, individuels) = try ServiceCoop.activites(db: db, catalogue: try ChargementCatalogue.catalogue(pour: db), du: debut, au: fin)
            let cible = sortie ?? Emplacements.dossierExports + "/" + ServiceCoop.nomActivites(du: debut, au: fin)
            try EcritureFichier.creerDossier(URL(fileURLWithPath: cible).deletingLastPathComponent())
            try EcritureFichier.ecrireAtomiquement(donnees, vers: cible)
            Sortie.ligne("Activité pour La Coop écrite : \(cible)")
            Sortie.ligne("  \(Accord.nombre(collectifs.count, "compte-rendu collectif", "comptes-rendus collectifs")), "
                         + "\(Accord.nombre(individuels.count, "compte-rendu individuel", "comptes-rendus individuels")) à saisir.")
        }
    }
}
