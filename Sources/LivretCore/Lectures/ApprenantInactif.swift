/// A learner whose identity would be removed for inactivity.
public struct ApprenantInactif: Sendable, Equatable, Codable {
    public var identifiant: String
    /// The last day anything was recorded for them (presence, evidence, status, creation).
    public var derniereActivite: Jour

    public init(identifiant: String, derniereActivite: Jour) {
        self.identifiant = identifiant
        self.derniereActivite = derniereActivite
    }
}
