import Foundation
import LivretTestSupport
import Testing

/// Snapshots of whole screens: `Instantanes/<nom>.txt` holds the rows as drawn (trailing
/// spaces kept, one final newline), compared by `Golden.verifier`: with
/// `LIVRET_INSTANTANES=enregistrer` the file is (re)written instead, and an issue is still
/// recorded so that a recording run never passes silently.
enum Instantanes {
    /// `Tests/LivretTUITests/Instantanes`, found from this source file.
    static let dossier = Golden.dossier("Instantanes")

    static func verifier(_ ecran: String, _ nom: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.verifier(ecran + "\n", fichier: dossier.appendingPathComponent("\(nom).txt"), sourceLocation: sourceLocation)
    }
}
