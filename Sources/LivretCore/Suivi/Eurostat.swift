/// The Eurostat digital-skills indicator (seed 002): four domains scored 0–2.
public struct IndicateurEurostat: Sendable, Equatable, Codable {
    public enum Domaine: String, ValeurCodee {
        case information, communication
        case resolution = "resolution_problemes"
        case logiciels

        public var libelle: String {
            switch self {
            case .information: "recherche d'information"
            case .communication: "communication en ligne"
            case .resolution: "résolution de problèmes"
            case .logiciels: "utilisation de logiciels"
            }
        }
    }

    /// The overall category.
    public enum Categorie: String, ValeurCodee {
        case nulles
        case faibles
        case deBase = "de_base"
        case plusQueBasiques = "plus_que_basiques"

        public var libelle: String {
            switch self {
            case .nulles: "compétences nulles"
            case .faibles: "compétences faibles"
            case .deBase: "compétences de base"
            case .plusQueBasiques: "compétences plus que basiques"
            }
        }
    }

    public var information: Int
    public var communication: Int
    public var resolution: Int
    public var logiciels: Int

    public init(information: Int, communication: Int, resolution: Int, logiciels: Int) {
        self.information = information
        self.communication = communication
        self.resolution = resolution
        self.logiciels = logiciels
    }

    public var notes: [Int] { [information, communication, resolution, logiciels] }

    /// Whether every score is within 0–2.
    public var estValide: Bool { notes.allSatisfy { (0...2).contains($0) } }

    /// Nulles: all four at 0; faibles: at least one 0; de base: no 0; plus que basiques: all at 2.
    public var categorie: Categorie {
        if notes.allSatisfy({ $0 == 0 }) { return .nulles }
        if notes.contains(0) { return .faibles }
        if notes.allSatisfy({ $0 == 2 }) { return .plusQueBasiques }
        return .deBase
    }
}
