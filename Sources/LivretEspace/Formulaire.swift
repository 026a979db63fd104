import Foundation

/// The fields of a form sent as application/x-www-form-urlencoded, in order (a name may repeat:
/// the ticked boxes of one list).
struct Formulaire: Sendable {
    /// The pairs, decoded.
    let champs: [(String, String)]

    /// The most a form of the space may weigh: a few answers and a testimony.
    static let tailleMax = 32 * 1024

    init(corps: String) {
        var c = URLComponents()
        c.percentEncodedQuery = corps.replacingOccurrences(of: "+", with: "%20")
        champs = (c.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    /// The first value of `nom`, nil when absent.
    subscript(_ nom: String) -> String? { champs.first { $0.0 == nom }?.1 }

    /// Every value of `nom`.
    func tous(_ nom: String) -> [String] { champs.filter { $0.0 == nom }.map(\.1) }
}
