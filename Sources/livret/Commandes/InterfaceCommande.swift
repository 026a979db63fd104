import ArgumentParser
import Foundation
import LivretServices
import LivretTUI

/// `livret` alone, or `livret interface`: the formateur's terminal UI.
struct InterfaceCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interface",
        abstract: "Ouvrir l'interface du formateur dans le terminal (c'est aussi ce que fait « livret » tout seul).",
        discussion: "Flèches pour se déplacer, Entrée pour ouvrir, Échap pour revenir, ? pour l'aide, q pour quitter.")

    @OptionGroup var options: OptionsBase
    @OptionGroup var optionsCles: OptionsCles
    @OptionGroup var ecriture: OptionsEcriture

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ErreurUtilisateur("l'interface a besoin d'un terminal. Dans un script, utilisez les commandes : livret --help.")
        }
        let poste = try Poste(cheminBase: options.chemin, catalogue: try ChargementCatalogue.catalogue(),
                              dossierCles: optionsCles.dossier(base: options), nomFormateur: Auteurs.nomFormateur(option: ecriture.formateur),
                              jour: try ecriture.jour())
        do {
            try InterfaceTerminal.lancer(poste: poste)
        } catch let erreur as ErreurUtilisateur {
            throw erreur
        } catch {
            throw ErreurUtilisateur("l'interface n'a pas pu s'ouvrir : \(error)")
        }
    }
}
