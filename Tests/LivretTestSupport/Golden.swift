import Foundation
import Testing

/// Golden files: a text a test produces, compared byte for byte with a file kept in the repository.
///
/// With `LIVRET_INSTANTANES=enregistrer` in the environment, the file is (re)written instead, and
/// an issue is still recorded, so that a recording run never passes silently: read the new files
/// (`git diff`), then run again without the variable.
public enum Golden {
    /// The environment variable that re-records every golden file (and the UI snapshots).
    public static let variable = "LIVRET_INSTANTANES"

    /// True when this run re-records instead of comparing.
    public static var enregistrer: Bool { ProcessInfo.processInfo.environment[variable] == "enregistrer" }

    /// The folder `nom` next to the calling source file (`Attendus`, `Instantanes`…).
    public static func dossier(_ nom: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(nom, isDirectory: true)
    }

    /// Compares `texte` with the contents of `fichier`, byte for byte (UTF-8), and records an
    /// issue showing the rows that differ; re-records `fichier` when `enregistrer` is set.
    public static func verifier(_ texte: String, fichier: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let nom = fichier.lastPathComponent
        let octets = Data(texte.utf8)
        if enregistrer {
            do {
                try FileManager.default.createDirectory(at: fichier.deletingLastPathComponent(), withIntermediateDirectories: true)
                try octets.write(to: fichier)
                Issue.record("« \(nom) » enregistré dans \(fichier.path) : relisez-le, puis relancez sans \(variable).",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("« \(nom) » : écriture impossible (\(error)).", sourceLocation: sourceLocation)
            }
            return
        }
        guard let attendu = FileManager.default.contents(atPath: fichier.path) else {
            Issue.record("« \(nom) » absent (\(fichier.path)). Créez-le avec \(variable)=enregistrer, puis relisez-le. Obtenu :\n\(encadrer(texte))",
                         sourceLocation: sourceLocation)
            return
        }
        guard attendu != octets else { return }
        let texteAttendu = String(decoding: attendu, as: UTF8.self)
        Issue.record("""
            Le texte diffère de « \(nom) » (\(fichier.path)) :
            \(differences(attendu: texteAttendu, obtenu: texte))
            Obtenu :
            \(encadrer(texte))
            Si le changement est voulu : \(variable)=enregistrer, puis relisez le fichier.
            """, sourceLocation: sourceLocation)
    }

    /// The rows with a "|" at both ends, so that trailing spaces show.
    public static func encadrer(_ texte: String) -> String {
        texte.split(separator: "\n", omittingEmptySubsequences: false).map { "|\($0)|" }.joined(separator: "\n")
    }

    /// The rows that differ, numbered from 1 (compared as bytes: a different Unicode
    /// normalisation counts as a difference).
    public static func differences(attendu: String, obtenu: String) -> String {
        let a = attendu.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        let o = obtenu.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var lignes: [String] = []
        for i in 0..<max(a.count, o.count) {
            let ligneA = i < a.count ? a[i] : nil
            let ligneO = i < o.count ? o[i] : nil
            guard ligneA != ligneO else { continue }
            lignes.append("ligne \(i + 1) attendue |\(ligneA.map { String(decoding: $0, as: UTF8.self) } ?? "(absente)")|")
            lignes.append("ligne \(i + 1) obtenue  |\(ligneO.map { String(decoding: $0, as: UTF8.self) } ?? "(absente)")|")
        }
        if lignes.isEmpty { lignes.append("(mêmes lignes, mais pas les mêmes octets : fin de fichier ou normalisation Unicode)") }
        return lignes.joined(separator: "\n")
    }
}
