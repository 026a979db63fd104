import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret positionnement saisir`.
struct PositionnementCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "positionnement",
        abstract: "Saisir un diagnostic de niveau.",
        subcommands: [Saisir.self]
    )

    struct Saisir: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Saisir un positionnement : indicateur Eurostat, niveaux APTIC et Pix.",
            discussion: """
            --eurostat prend quatre notes de 0 à 2 : information, communication, résolution de problèmes, logiciels.
            Exemple : livret positionnement saisir A-0001 --eurostat 2,1,0,1 --pix 1.1=1,3.1=0 --aptic 48=1,66=0
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Option(help: "Quatre notes de 0 à 2 séparées par des virgules.") var eurostat: String?
        @Option(help: "Niveaux Pix : CODE=NIVEAU,…") var pix: String?
        @Option(help: "Niveaux APTIC : CODE=NIVEAU,…") var aptic: String?

        func run() throws {
            let catalogue = try ChargementCatalogue.catalogue()
            var indicateur: IndicateurEurostat?
            if let eurostat {
                let notes = eurostat.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard notes.count == 4, notes.allSatisfy({ $0 != nil && (0...2).contains($0!) }) else {
                    throw ErreurUtilisateur("--eurostat attend quatre notes de 0 à 2 séparées par des virgules, par exemple 2,1,0,1.")
                }
                indicateur = IndicateurEurostat(information: notes[0]!, communication: notes[1]!, resolution: notes[2]!, logiciels: notes[3]!)
            }
            var niveaux: [Positionnement.Niveau] = []
            for (code, niveau) in try Saisie.niveaux(pix, "--pix").sorted(by: { $0.key < $1.key }) {
                niveaux.append(.init(referentiel: .pix, code: code, niveau: niveau))
            }
            for (code, niveau) in try Saisie.niveaux(aptic, "--aptic").sorted(by: { $0.key < $1.key }) {
                niveaux.append(.init(referentiel: .aptic, code: code, niveau: niveau))
            }
            let db = try options.ouvrir()
            let jour = try ecriture.jour()
            try ServiceSuivi.enregistrerPositionnement(db: db, catalogue: catalogue, apprenant: apprenant, eurostat: indicateur, niveaux: niveaux,
                                                       auteur: try ecriture.auteur(db), jour: jour)
            Sortie.ligne("Positionnement de \(apprenant) enregistré le \(jour.francais)\(indicateur.map { " — \($0.categorie.libelle)" } ?? "").")
        }
    }
}
