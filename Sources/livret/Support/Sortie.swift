import Foundation
import LivretCore
import LivretServices
import LivretTerminal

/// Writing to the terminal: results on standard output, problems on standard error.
///
/// Nothing Livret prints holds a control character other than line feed and tab: every text goes
/// through ``TexteVisible`` (décision 39), JSON escapes them, and only a binary asked for on
/// purpose (`--sortie -` of a zip) is written as it is.
enum Sortie {
    static func ligne(_ texte: String = "") {
        ecrireTexte(TexteVisible.lignes(texte) + "\n", vers: .standardOutput)
    }

    static func erreur(_ texte: String) {
        ecrireTexte("Erreur : " + TexteVisible.lignes(texte) + "\n", vers: .standardError)
    }

    /// A line of progress on standard error (long runs), controls made visible.
    static func progression(_ texte: String) {
        ecrireTexte(TexteVisible.lignes(texte) + "\n", vers: .standardError)
    }

    /// Writes a text export (CSV, HTML, JSON) on standard output, controls made visible.
    static func octets(_ donnees: Data) {
        // Decoded without dropping a byte-order mark (CSV exports start with one); written back
        // unchanged when nothing had to be shown differently.
        let texte = String(decoding: donnees, as: UTF8.self)
        let visible = TexteVisible.lignes(texte)
        if visible == texte && Data(texte.utf8) == donnees { return binaire(donnees) }
        ecrireTexte(visible, vers: .standardOutput)
    }

    /// Writes bytes as they are: a zip asked for with `--sortie -`.
    static func binaire(_ donnees: Data) {
        // `write(contentsOf:)` throws where `write(_:)` would stop the process (a closed or full output).
        try? FileHandle.standardOutput.write(contentsOf: donnees)
    }

    /// Writes `donnees` to the file `chemin` (atomically, then says so with `message`), or to the
    /// screen when nil or « - ».
    static func ecrire(_ donnees: Data, vers chemin: String?, message: (String) -> String) throws {
        guard let chemin, !Emplacements.estSortieStandard(chemin) else { return octets(donnees) }
        try EcritureFichier.ecrireAtomiquement(donnees, vers: chemin)
        ligne(message(chemin))
    }

    /// Encodes a value as stable JSON on standard output; DEL and C1 controls, which JSON may
    /// carry raw, are escaped (`\u007f`) like the others.
    static func json(_ valeur: some Encodable) throws {
        binaire(echapperControles(try ExportReferentiel.json(valeur)))
    }

    /// JSON bytes with DEL and C1 controls written as `\u00XX` escapes. They can only occur inside
    /// strings (JSON's structure is ASCII), where the escape means the same character.
    static func echapperControles(_ json: Data) -> Data {
        guard json.contains(0x7F) || json.contains(0xC2) else { return json }
        var resultat = Data(capacity: json.count)
        var precedent: UInt8 = 0
        for octet in json {
            if octet == 0x7F {
                resultat.append(contentsOf: Array("\\u007f".utf8))
            } else if precedent == 0xC2 && (0x80...0x9F).contains(octet) {
                resultat.removeLast()
                resultat.append(contentsOf: Array(String(format: "\\u%04x", Int(octet)).utf8))
            } else {
                resultat.append(octet)
            }
            precedent = octet
        }
        return resultat
    }

    private static func ecrireTexte(_ texte: String, vers sortie: FileHandle) {
        try? sortie.write(contentsOf: Data(texte.utf8))
    }
}

/// A private temporary folder (mode 0700, made by `mkdtemp`), for files built before being sent elsewhere.
enum FichiersTemporaires {
    static func dossier() throws -> URL {
        var modele = Array((NSTemporaryDirectory() + "/livret-XXXXXX").utf8CString)
        guard let chemin = mkdtemp(&modele) else {
            throw ErreurUtilisateur("impossible de créer un dossier temporaire dans « \(NSTemporaryDirectory()) ». Vérifiez la place disponible.")
        }
        return URL(fileURLWithPath: String(cString: chemin))
    }
}
