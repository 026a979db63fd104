/// The facts of one cohort, for the reports a structure publishes together (décision 44).
public struct FaitsCohorte: Sendable, Equatable {
    /// The cohort's code (its own report is « cohorte CODE »).
    public var code: String
    /// Its inscriptions, aggregated by categories (``RegroupementStatistique``).
    public var groupes: [GroupeStatistique]
    /// Its parcours' objectives against what its inscriptions achieved.
    public var objectifs: [ObjectifRealise]
    /// Inscriptions left out for lack of consent.
    public var horsStatistiques: Int

    public init(code: String, groupes: [GroupeStatistique], objectifs: [ObjectifRealise] = [], horsStatistiques: Int = 0) {
        self.code = code
        self.groupes = groupes
        self.objectifs = objectifs
        self.horsStatistiques = horsStatistiques
    }

    /// The least and greatest planned minutes of one inscription (the same for everyone of a
    /// cohort when read from the base): published hours are tied to counts through them.
    var minutesParInscription: (minimum: Int, maximum: Int) {
        var minimum = Int.max, maximum = 0
        for g in groupes where g.inscrits > 0 {
            minimum = min(minimum, g.minutesPrevues / g.inscrits)
            maximum = max(maximum, (g.minutesPrevues + g.inscrits - 1) / g.inscrits)
        }
        return minimum == Int.max ? (0, 0) : (minimum, maximum)
    }
}

/// The activity review of a scope over a period: what ``CalculActivite`` reads.
public struct ActivitePeriode: Sendable, Equatable {
    public var du: Jour
    public var au: Jour
    /// Duration of the séances held in the period.
    public var minutesDelivrees: Int
    /// One per distinct person who came.
    public var beneficiaires: [ActiviteBeneficiaire]

    public init(du: Jour, au: Jour, minutesDelivrees: Int, beneficiaires: [ActiviteBeneficiaire]) {
        self.du = du
        self.au = au
        self.minutesDelivrees = minutesDelivrees
        self.beneficiaires = beneficiaires
    }
}

/// One report of a publication: its scope, the cohorts it adds up, the breakdowns it is published
/// in, and its activity review if the publication has a period.
public struct PerimetrePublie: Sendable, Equatable {
    public var perimetre: PerimetreRapport
    /// Indices into the publication's cohorts.
    public var cohortes: [Int]
    /// Always ``Croisement/aucun`` first (the lines of sex are shared by every breakdown).
    public var croisements: [Croisement]
    public var activite: ActivitePeriode?
    /// Protected alone although other reports of the period are published: it says it is for
    /// internal use (``SecretStatistique/avertissementProtegeSeul``).
    public var seul: Bool

    public init(perimetre: PerimetreRapport, cohortes: [Int], croisements: [Croisement], activite: ActivitePeriode? = nil, seul: Bool = false) {
        self.perimetre = perimetre
        self.cohortes = cohortes.sorted()
        self.croisements = [.aucun] + croisements.filter { $0 != .aucun }
        self.activite = activite
        self.seul = seul
    }
}
