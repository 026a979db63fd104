import ArgumentParser
import Foundation
import LivretCore
import LivretServices
import LivretStore

/// Options shared by every command that reads or writes the base.
struct OptionsBase: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Le fichier de la base (sinon $LIVRET_BASE, sinon $XDG_DATA_HOME/livret/livret.sqlite, sinon ~/.local/share/livret/livret.sqlite).", valueName: "CHEMIN"))
    var base: String?

    /// The path of the base: --base, then $LIVRET_BASE, then the user's data folder.
    var chemin: String { Emplacements.base(explicite: base) }

    /// Opens the base, creating its folder when needed.
    func ouvrir(creer: Bool = false) throws -> Base { try Emplacements.ouvrir(chemin, creer: creer) }
}

/// Options of commands that write: who does it, and which day it is.
struct OptionsEcriture: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Le formateur qui fait l'action (sinon $LIVRET_FORMATEUR, ou le seul formateur de la base).", valueName: "NOM"))
    var formateur: String?

    @Option(name: .long, help: ArgumentHelp("La date de l'action, AAAA-MM-JJ ou JJ/MM/AAAA (sinon $LIVRET_DATE, sinon aujourd'hui).", valueName: "DATE"))
    var date: String?

    /// The author of the write.
    func auteur(_ base: Base) throws -> Formateur {
        try Auteurs.auteur(base, nom: Auteurs.nomFormateur(option: formateur))
    }

    /// The day of the action.
    func jour() throws -> Jour {
        try Auteurs.jourCourant(option: date)
    }

    static func jour(_ texte: String?, champ: String) throws -> Jour { try Auteurs.jour(texte, champ: champ) }
}

/// The day figures are computed at (« heures prévues à ce jour »), for commands that only read.
struct OptionsJour: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Le jour des chiffres, AAAA-MM-JJ ou JJ/MM/AAAA (sinon $LIVRET_DATE, sinon aujourd'hui).", valueName: "DATE"))
    var date: String?

    /// The day asked.
    func jour() throws -> Jour { try Auteurs.jourCourant(option: date) }
}
