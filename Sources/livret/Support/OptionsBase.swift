import ArgumentParser
import Foundation
import LivretCore
import LivretStore

/// Options shared by every command that reads or writes the base.
struct OptionsBase: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Le fichier de la base (sinon $LIVRET_BASE, sinon ~/.local/share/livret/livret.sqlite).", valueName: "CHEMIN"))
    var base: String?

    /// The path of the base: --base, then $LIVRET_BASE, then the user's data folder.
    var chemin: String {
        if let base, !base.isEmpty { return base }
        let environnement = ProcessInfo.processInfo.environment
        if let chemin = environnement[Base.variableChemin], !chemin.isEmpty { return chemin }
        let donnees = environnement["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() + "/.local/share")
        return donnees + "/livret/livret.sqlite"
    }

    /// Opens the base, creating its folder when needed.
    func ouvrir(creer: Bool = false) throws -> Base {
        let chemin = self.chemin
        let dossier = URL(fileURLWithPath: chemin).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: chemin) {
            guard creer else {
                throw ErreurUtilisateur("aucune base à « \(chemin) ». Créez-la avec « livret init » (ou « livret demo » pour essayer), ou indiquez-la avec --base.")
            }
            try? FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
        }
        do {
            return try Base(chemin: chemin)
        } catch {
            throw ErreurUtilisateur(error.description)
        }
    }
}

/// Options of commands that write: who does it, and which day it is.
struct OptionsEcriture: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Le formateur qui fait l'action (sinon $LIVRET_FORMATEUR, ou le seul formateur de la base).", valueName: "NOM"))
    var formateur: String?

    @Option(name: .long, help: ArgumentHelp("La date de l'action, AAAA-MM-JJ ou JJ/MM/AAAA (sinon $LIVRET_DATE, sinon aujourd'hui).", valueName: "DATE"))
    var date: String?

    /// The author of the write.
    func auteur(_ base: Base) throws -> Formateur {
        let nom = formateur ?? ProcessInfo.processInfo.environment["LIVRET_FORMATEUR"]
        if let nom, !nom.isEmpty {
            do { return try base.formateur(nom) } catch {
                let connus = ((try? base.formateurs()) ?? []).map(\.nom).joined(separator: ", ")
                throw ErreurUtilisateur("le formateur « \(nom) » n'existe pas dans la base. Formateurs connus : \(connus.isEmpty ? "aucun" : connus).")
            }
        }
        let tous = (try? base.formateurs()) ?? []
        if tous.count == 1 { return tous[0] }
        if tous.isEmpty { throw ErreurUtilisateur("la base n'est pas initialisée : lancez d'abord « livret init ».") }
        throw ErreurUtilisateur("plusieurs formateurs utilisent cette base : dites qui fait l'action avec --formateur (\(tous.map(\.nom).joined(separator: ", "))).")
    }

    /// The day of the action.
    func jour() throws -> Jour {
        try Self.jour(date ?? ProcessInfo.processInfo.environment["LIVRET_DATE"], champ: "--date")
    }

    static func jour(_ texte: String?, champ: String) throws -> Jour {
        if let texte, !texte.isEmpty {
            guard let jour = Jour(texte) else {
                throw ErreurUtilisateur("la date « \(texte) » (\(champ)) n'est pas valide. Écrivez-la AAAA-MM-JJ ou JJ/MM/AAAA, par exemple 2024-03-18.")
            }
            return jour
        }
        return Jour(numero: Int(Date().timeIntervalSince1970 / 86_400))
    }
}

extension ErreurUtilisateur {
    /// Turns a store error into a message for the user.
    static func depuis(_ erreur: ErreurBase) -> ErreurUtilisateur { ErreurUtilisateur(erreur.description) }
}

/// Runs a store call, turning its errors into French messages.
func base<T>(_ action: () throws(ErreurBase) -> T) throws -> T {
    do { return try action() } catch { throw ErreurUtilisateur.depuis(error) }
}
