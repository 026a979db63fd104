import Foundation
import Testing

/// Snapshots of whole screens: `Instantanes/<nom>.txt` holds the 24 rows as drawn (trailing
/// spaces kept, one final newline). With `LIVRET_INSTANTANES=enregistrer` the file is (re)written
/// instead, and an issue is still recorded so that a recording run never passes silently.
enum Instantanes {
    /// `Tests/LivretTUITests/Instantanes`, found from this source file.
    static let dossier = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Instantanes")

    static var enregistrer: Bool { ProcessInfo.processInfo.environment["LIVRET_INSTANTANES"] == "enregistrer" }

    static func verifier(_ ecran: String, _ nom: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let fichier = dossier.appendingPathComponent("\(nom).txt")
        if enregistrer {
            do {
                try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
                try Data((ecran + "\n").utf8).write(to: fichier)
                Issue.record("Instantané « \(nom) » enregistré dans \(fichier.path) : relisez-le, puis relancez sans LIVRET_INSTANTANES.",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("Instantané « \(nom) » : écriture impossible (\(error)).", sourceLocation: sourceLocation)
            }
            return
        }
        guard let donnees = FileManager.default.contents(atPath: fichier.path), let attendu = String(data: donnees, encoding: .utf8) else {
            Issue.record("Instantané « \(nom) » absent (\(fichier.path)). Créez-le avec LIVRET_INSTANTANES=enregistrer, puis relisez-le. Écran :\n\(encadrer(ecran))",
                         sourceLocation: sourceLocation)
            return
        }
        let attenduSansFin = attendu.hasSuffix("\n") ? String(attendu.dropLast()) : attendu
        guard attenduSansFin != ecran else { return }
        Issue.record("L'écran diffère de l'instantané « \(nom) » :\n\(differences(attendu: attenduSansFin, obtenu: ecran))\nÉcran obtenu :\n\(encadrer(ecran))",
                     sourceLocation: sourceLocation)
    }

    /// The rows with a "|" at both ends, so that trailing spaces show.
    static func encadrer(_ ecran: String) -> String {
        ecran.split(separator: "\n", omittingEmptySubsequences: false).map { "|\($0)|" }.joined(separator: "\n")
    }

    /// The rows that differ, numbered from 1.
    static func differences(attendu: String, obtenu: String) -> String {
        let a = attendu.split(separator: "\n", omittingEmptySubsequences: false)
        let o = obtenu.split(separator: "\n", omittingEmptySubsequences: false)
        var lignes: [String] = []
        for i in 0..<max(a.count, o.count) {
            let ligneA = i < a.count ? String(a[i]) : nil
            let ligneO = i < o.count ? String(o[i]) : nil
            guard ligneA != ligneO else { continue }
            lignes.append("ligne \(i + 1) attendue |\(ligneA ?? "(absente)")|")
            lignes.append("ligne \(i + 1) obtenue  |\(ligneO ?? "(absente)")|")
        }
        return lignes.joined(separator: "\n")
    }
}
