import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret pix …`: imports, certification preparation, certifications.
struct PixCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pix",
        abstract: "Les résultats Pix des apprenants.",
        subcommands: [Importer.self, Preparation.self, CertificationCommande.self]
    )

    struct CertificationCommande: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certification",
            abstract: "Les certifications Pix.",
            subcommands: [Ajouter.self, Code.self]
        )

        struct Code: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Ajouter le code de vérification (P-XXXXXXXX) d'une certification importée de Pix Certif.",
                discussion: "L'apprenante trouve ce code sur son certificat. Exemple : livret pix certification code 123456 P-2346789B")
            @OptionGroup var options: OptionsBase
            @Argument(help: "Le numéro de certification Pix Certif.") var numero: String
            @Argument(help: "Le code de vérification P-XXXXXXXX.") var code: String

            func run() throws {
                let catalogue = try ChargementCatalogue.catalogue()
                let code = try ServicePix.ajouterCode(db: try options.ouvrir(), catalogue: catalogue, numero: numero, code: code)
                Sortie.ligne("Code \(code) ajouté à la certification n° \(numero).")
            }
        }

        struct Ajouter: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Enregistrer une certification Pix (score sur 895, niveau par compétence, code de vérification).",
                discussion: "Exemple : livret pix certification ajouter A-0001 --code P-2346789B --score 312 --niveaux 1.1=3,2.1=2,3.1=3 --centre \"Emmaüs Connect Roubaix\"")
            @OptionGroup var options: OptionsBase
            @OptionGroup var ecriture: OptionsEcriture
            @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
            @Option(help: "Le code de vérification P-XXXXXXXX.") var code: String
            @Option(help: "Le score global (0 à 895).") var score: Int
            @Option(help: "Niveau certifié par compétence : CODE=NIVEAU,…") var niveaux: String
            @Option(help: "Le centre de certification.") var centre: String?

            func run() throws {
                let catalogue = try ChargementCatalogue.catalogue()
                let pix = catalogue.pix
                let parCompetence = try Saisie.niveaux(niveaux, "--niveaux")
                let db = try options.ouvrir()
                let (code, palier) = try ServicePix.enregistrerCertification(db: db, catalogue: catalogue, apprenant: apprenant, code: code, score: score,
                                                                             niveaux: parCompetence, centre: centre,
                                                                             auteur: try ecriture.auteur(db), jour: try ecriture.jour())
                let certifiees = parCompetence.values.filter { $0 >= 1 }.count
                Sortie.ligne("Certification \(code) de \(apprenant) enregistrée : \(score) / \(pix.certification.scoreMax), \(palier.libelle), \(Accord.nombre(certifiees, "compétence certifiée", "compétences certifiées")).")
            }
        }
    }
}
