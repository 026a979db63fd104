import ArgumentParser
import Foundation
import LivretCore
import LivretServices
import LivretStore

/// `livret coop`: what the conseiller numérique passes on to La Coop de la médiation numérique.
struct CoopCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coop",
        abstract: "Les fichiers pour La Coop de la médiation numérique : les bénéficiaires à importer.",
        subcommands: [Beneficiaires.self]
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
            let cible = sortie ?? Emplacements.dossierExports + "/coop-beneficiaires-\(jour.description).xlsx"
            try EcritureFichier.creerDossier(URL(fileURLWithPath: cible).deletingLastPathComponent())
            try EcritureFichier.ecrireAtomiquement(donnees, vers: cible)
            Sortie.ligne("\(Accord.nombre(nombre, "bénéficiaire écrit", "bénéficiaires écrits")) pour La Coop : \(cible)")
            for raison in ExportBeneficiairesCoop.Exclusion.allCases {
                if let n = exclus[raison] { Sortie.ligne("  \(Accord.nombre(n, "apprenant laissé", "apprenants laissés")) de côté : \(raison.rawValue).") }
            }
        }
    }
}
