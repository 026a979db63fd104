import ArgumentParser
import Foundation

/// The `livret` command: every capability of Livret, scriptable, in French.
@main
struct Livret: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "livret",
        abstract: "Suivre les apprenants d'un parcours numérique, prouver ce qu'ils ont appris, en rendre compte.",
        discussion: """
        Livret tient le livret de chaque apprenant : présences, positionnements, preuves de \
        compétences (APTIC et Pix), certifications. Toutes les commandes ont une aide : \
        livret COMMANDE --help.
        """,
        version: "0.1.0",
        subcommands: [ReferentielCommande.self, ParcoursCommande.self]
    )

    static func main() {
        do {
            var commande = try parseAsRoot()
            try commande.run()
        } catch let erreur as ErreurUtilisateur {
            Sortie.erreur(erreur.message)
            Foundation.exit(erreur.codeSortie)
        } catch {
            exit(withError: error)
        }
    }
}
