/// For a parcours in a report's scope: how many inscriptions reached each number of certified Pix competences.
public struct CertificationsParcours: Sendable, Equatable {
    public var modele: String
    public var inscrits: Int
    /// Number of competences certified at level ≥ 1 (best validated certification) → inscriptions.
    public var parNombreDeCompetences: [Int: Int]

    public init(modele: String, inscrits: Int, parNombreDeCompetences: [Int: Int]) {
        self.modele = modele
        self.inscrits = inscrits
        self.parNombreDeCompetences = parNombreDeCompetences
    }
}
