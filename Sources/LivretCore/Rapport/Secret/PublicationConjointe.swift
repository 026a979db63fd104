/// The reports a structure publishes together for one period — the structure, its parcours, its
/// cohorts, each in its breakdowns, and their activity reviews — protected together (décision 44):
/// one set of masks over every figure of every report, so that no report, nor any reading of
/// several side by side, lets a masked count of 1 to seuil − 1 be pinned to fewer than seuil values.
/// Pure: same facts, same masks, same reports.
public struct PublicationConjointe: Sendable {
    let tableaux: TableauxConjoints
    /// Counts from 1 to seuil − 1 are protected; nil: nothing is masked (internal use only).
    public let seuil: Int?
    let protection: ProtectionSecret?

    /// Protects every figure of `perimetres` together.
    ///
    /// - Parameters:
    ///   - cohortes: the facts of each cohort; a scope adds up the cohorts it names.
    ///   - perimetres: the reports published (a report of exactly one cohort is that cohort's).
    ///   - seuil: nil: nothing is masked, the reports say they are for internal use.
    public init(cohortes: [FaitsCohorte], perimetres: [PerimetrePublie], tranches: TranchesAge = .parDefaut, anneeReference: Int,
                seuil: Int? = SecretStatistique.seuilParDefaut) {
        let tableaux = TableauxConjoints(cohortes: cohortes, perimetres: perimetres, tranches: tranches, anneeReference: anneeReference)
        self.tableaux = tableaux
        self.seuil = seuil
        protection = seuil.map { ProtectionTableaux.proteger(tableaux.tableaux, seuil: $0, audit: false) }
    }

    /// The published scopes, in order.
    public var perimetres: [PerimetrePublie] { tableaux.publies }

    /// Every figure of the publication and every relation between them, as an attacker sees them.
    public var tableauxPublies: TableauxPublies { tableaux.tableaux }

    /// Which figures are masked (nil: nothing is).
    public var masques: [Bool]? { protection?.masques }

    /// Every masked count is protected (false: the reports say they are for internal use).
    public var sure: Bool { protection?.sure ?? true }

    /// The figures (cases of ``tableauxPublies``) that the report of scope `p` in `croisement` shows.
    public func cases(_ p: Int, croisement: Croisement) -> [Int] {
        let q = tableaux.perimetres[p]
        let sous: [TableauxConjoints.Ligne] = croisement == .aucun ? [] : q.lignesSous[croisement] ?? []
        var resultat: [Int] = (sous + q.principales).flatMap(\.toutes)
        resultat += q.motifs.map(\.cas)
        resultat += q.sorties.map(\.cas)
        resultat += q.objectifs.flatMap { [$0.realise, $0.effectif] }
        return resultat + q.qualite.toutes
    }

    /// The figures of the activity review of scope `p`.
    public func casesActivite(_ p: Int) -> [Int] {
        guard let a = tableaux.perimetres[p].activite else { return [] }
        return a.toutes + tableaux.perimetres[p].qualite.toutes
    }

    /// How the report of scope `p` in `croisement` was protected: each of its masked figures and
    /// its range given everything the publication shows (nil without masking).
    public func audit(_ p: Int, croisement: Croisement) -> AuditSecret? {
        audit(cases: cases(p, croisement: croisement))
    }

    /// The same for the activity review of scope `p`.
    public func auditActivite(_ p: Int) -> AuditSecret? { audit(cases: casesActivite(p)) }

    /// The audit of the given figures (all of them: `nil`), ranges computed over the whole publication.
    public func audit(cases: [Int]? = nil) -> AuditSecret? {
        guard let seuil, let protection else { return nil }
        let choisies = cases ?? Array(tableaux.tableaux.cases.indices)
        let etendues = EtendueDeduite.fusion(ProtectionTableaux.auditer(tableaux.tableaux, masques: protection.masques, seulement: Set(choisies)),
                                             protection.etendues)
        return AuditSecret(seuil: seuil, tableaux: tableaux.tableaux, masques: protection.masques, etendues: etendues, cases: choisies,
                           sure: protection.sure, rapports: tableaux.publies.count)
    }

    func masque(_ cas: Int?) -> Bool {
        guard let cas else { return true }
        return protection?.masques[cas] ?? false
    }
}
