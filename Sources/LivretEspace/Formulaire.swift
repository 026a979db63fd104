import Foundation

/// The fields of a form sent as application/x-www-form-urlencoded, in order (a name may repeat:
/// the ticked boxes of one list). Whatever the bytes, reading never fails: a malformed escape is
/// dropped, not trusted (a hand-made request must not stop the server).
struct Formulaire: Sendable {
    /// The pairs, decoded.
    let champs: [(String, String)]

    /// The most a form of the space may weigh: a few answers and a testimony.
    static let tailleMax = 32 * 1024

    init(corps: String) {
        champs = corps.split(separator: "&", omittingEmptySubsequences: true).map { paire in
            let morceaux = paire.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decoder(morceaux[0]), morceaux.count > 1 ? Self.decoder(morceaux[1]) : "")
        }
    }

    /// « a+b%C3%A9 » → « a bé »; an invalid escape gives an empty value.
    static func decoder(_ texte: Substring) -> String {
        texte.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }

    /// The first value of `nom`, nil when absent.
    subscript(_ nom: String) -> String? { champs.first { $0.0 == nom }?.1 }

    /// Every value of `nom`.
    func tous(_ nom: String) -> [String] { champs.filter { $0.0 == nom }.map(\.1) }
}
