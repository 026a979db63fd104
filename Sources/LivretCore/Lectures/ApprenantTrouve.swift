/// A learner as a search across cohorts shows them: who, and where they are enrolled.
public struct ApprenantTrouve: Sendable, Equatable {
    public var apprenant: Apprenant
    /// The cohorts the person is enrolled in, oldest first, with the status of each inscription.
    public var inscriptions: [(cohorte: String, statut: StatutInscription)]

    public init(apprenant: Apprenant, inscriptions: [(cohorte: String, statut: StatutInscription)]) {
        self.apprenant = apprenant
        self.inscriptions = inscriptions
    }

    public static func == (a: ApprenantTrouve, b: ApprenantTrouve) -> Bool {
        a.apprenant == b.apprenant && a.inscriptions.map(\.cohorte) == b.inscriptions.map(\.cohorte)
            && a.inscriptions.map(\.statut) == b.inscriptions.map(\.statut)
    }
}
