import Foundation
import Testing

/// Reading what `livret` prints as JSON, with `JSONSerialization` (no shared types with the CLI:
/// the tests see the JSON a script would see).
enum JSONSortie {
    /// The top-level object of `octets`; records an issue and throws when it is not one.
    static func objet(_ octets: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let valeur = try JSONSerialization.jsonObject(with: octets)
        return try #require(valeur as? [String: Any], "la sortie n'est pas un objet JSON", sourceLocation: sourceLocation)
    }

    /// The objects of a JSON array (an empty list when `valeur` is not an array of objects).
    static func objets(_ valeur: Any?) -> [[String: Any]] {
        valeur as? [[String: Any]] ?? []
    }

    /// The strings of a JSON array.
    static func chaines(_ valeur: Any?) -> [String] {
        valeur as? [String] ?? []
    }

    /// A JSON number as an integer, whatever way Foundation bridged it.
    static func entier(_ valeur: Any?) -> Int? {
        if let entier = valeur as? Int { return entier }
        if let nombre = valeur as? NSNumber, nombre.doubleValue == nombre.doubleValue.rounded() { return nombre.intValue }
        return nil
    }

    /// The nodes of an APTIC export: niveaux, their sous-thèmes, their items.
    struct ArbreAptic {
        var niveaux: [[String: Any]]
        var sousThemes: [[String: Any]]
        var items: [[String: Any]]

        init(_ racine: [String: Any]) {
            niveaux = JSONSortie.objets(racine["niveaux"])
            sousThemes = niveaux.flatMap { JSONSortie.objets($0["sousThemes"]) }
            items = sousThemes.flatMap { JSONSortie.objets($0["items"]) }
        }

        func item(_ code: String) -> [String: Any]? {
            items.first { $0["code"] as? String == code }
        }
    }

    /// The nodes among `noeuds` that lack a non-empty `code` or `titre` string.
    static func sansCodeOuTitre(_ noeuds: [[String: Any]]) -> [[String: Any]] {
        noeuds.filter { noeud in
            (noeud["code"] as? String ?? "").isEmpty || (noeud["titre"] as? String ?? "").isEmpty
        }
    }
}
