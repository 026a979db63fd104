import Foundation
import LivretCore
import LivretServices

/// Writing to the terminal: results on standard output, problems on standard error.
enum Sortie {
    static func ligne(_ texte: String = "") {
        print(texte)
    }

    static func erreur(_ texte: String) {
        FileHandle.standardError.write(Data(("Erreur : " + texte + "\n").utf8))
    }

    /// Writes bytes as they are (JSON exports).
    static func octets(_ donnees: Data) {
        FileHandle.standardOutput.write(donnees)
    }

    /// Writes `donnees` to the file `chemin` (atomically, then says so with `message`), or to the screen when nil.
    static func ecrire(_ donnees: Data, vers chemin: String?, message: (String) -> String) throws {
        guard let chemin else { return octets(donnees) }
        try EcritureFichier.ecrireAtomiquement(donnees, vers: chemin)
        ligne(message(chemin))
    }

    /// Encodes a value as stable JSON on standard output.
    static func json(_ valeur: some Encodable) throws {
        octets(try ExportReferentiel.json(valeur))
    }
}
