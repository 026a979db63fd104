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
            InitCommande.self, DemoCommande.self, StructureCommande.self, FormateurCommande.self, ApprenantCommande.self, CohorteCommande.self, SeanceCommande.self,
            PresenceCommande.self, AccompagnementCommande.self, SatisfactionCommande.self, SuiviApresActionCommande.self,
            PreuveCommande.self, PositionnementCommande.self, PixCommande.self, BadgeCommande.self, CoopCommande.self,
            CVCommande.self, EspaceCommande.self, RapportCommande.self, ReseauCommande.self, ReferentielCommande.self, ParcoursCommande.self,
            SauvegardeCommande.self, RestaurerCommande.self, RGPDCommande.self, InterfaceCommande.self,
        ]
    )

    static func main() {
        let arguments = argumentsInterface(Array(CommandLine.arguments.dropFirst()))
        do {
            try AideFrancaise.verifierCommandeAide(arguments)
            var commande = try parseAsRoot(arguments)
            try commande.run()
        } catch let erreur as ErreurUtilisateur {
            Sortie.erreur(erreur.message)
            Foundation.exit(erreur.codeSortie)
        } catch {
            // Help, version and completion scripts go to standard output, in French; so do the
            // errors of the command line, on standard error (AideFrancaise, ErreursAnalyse).
            let code = exitCode(for: error)
            if code == .success {
                print(AideFrancaise.sortieReussie(fullMessage(for: error)))
                Foundation.exit(0)
            }
            let message = ErreursAnalyse.message(pour: error)
            if !message.isEmpty { Sortie.erreur(message) }
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
