import ArgumentParser
import Foundation
import LivretServices

/// The `livret` command: every capability of Livret, scriptable, in French.
@main
struct Livret: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "livret",
        abstract: "Suivre les apprenants d'un parcours numérique, prouver ce qu'ils ont appris, en rendre compte.",
        discussion: """
        Livret tient le livret de chaque apprenant : présences, positionnements, preuves de \
        compétences (APTIC et Pix), certifications. « livret » tout seul ouvre l'interface du \
        formateur dans le terminal. Toutes les commandes ont une aide : livret COMMANDE --help.
        """,
        version: "0.1.0",
        subcommands: [
            InitCommande.self, DemoCommande.self, ApprenantCommande.self, CohorteCommande.self, SeanceCommande.self,
            PresenceCommande.self, PreuveCommande.self, PositionnementCommande.self, PixCommande.self, BadgeCommande.self,
            CVCommande.self, RapportCommande.self, ReferentielCommande.self, ParcoursCommande.self,
            SauvegardeCommande.self, RestaurerCommande.self, RGPDCommande.self, InterfaceCommande.self,
        ]
    )

    static func main() {
        do {
            var commande = try parseAsRoot(argumentsInterface(Array(CommandLine.arguments.dropFirst())))
            try commande.run()
        } catch let erreur as ErreurUtilisateur {
            Sortie.erreur(erreur.message)
            Foundation.exit(erreur.codeSortie)
        } catch {
            // Help and version go to standard output; parsing errors get a French prefix.
            let code = exitCode(for: error)
            var message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if message.isEmpty { Foundation.exit(code.rawValue) }
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            message = message.replacingOccurrences(of: "\nUsage: ", with: "\nUtilisation : ")
            Sortie.erreur(message)
            Foundation.exit(code.rawValue)
        }
    }

    /// « livret » alone, or with only the UI's options (« livret --base demo.sqlite »), opens the
    /// formateur's terminal UI.
    static func argumentsInterface(_ arguments: [String]) -> [String] {
        guard let premier = arguments.first else { return ["interface"] }
        let racine: Set<String> = ["-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        if premier.hasPrefix("-") && !racine.contains(premier) { return ["interface"] + arguments }
        return arguments
    }
}
