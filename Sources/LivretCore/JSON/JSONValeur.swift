/// A JSON value read without a schema, so that a référentiel file can be checked
/// field by field and every problem reported with its JSON path.
public enum JSONValeur: Sendable, Equatable {
    case nul
    case booleen(Bool)
    case nombre(Double)
    case chaine(String)
    case tableau([JSONValeur])
    case objet([String: JSONValeur])

    /// The French name of the value's kind, for error messages ("un nombre", "une chaîne"…).
    public var genre: String {
        switch self {
        case .nul: "la valeur null"
        case .booleen: "un booléen"
        case .nombre: "un nombre"
        case .chaine: "une chaîne de caractères"
        case .tableau: "une liste"
        case .objet: "un objet"
        }
    }
}

extension JSONValeur: Decodable {
    public init(from decoder: any Decoder) throws {
        let conteneur = try decoder.singleValueContainer()
        if conteneur.decodeNil() {
            self = .nul
        } else if let valeur = try? conteneur.decode(Bool.self) {
            self = .booleen(valeur)
        } else if let valeur = try? conteneur.decode(Double.self) {
            self = .nombre(valeur)
        } else if let valeur = try? conteneur.decode(String.self) {
            self = .chaine(valeur)
        } else if let valeur = try? conteneur.decode([JSONValeur].self) {
            self = .tableau(valeur)
        } else {
            self = .objet(try conteneur.decode([String: JSONValeur].self))
        }
    }
}
