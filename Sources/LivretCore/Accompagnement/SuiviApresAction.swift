/// What became of a person some months after the action (the CORIF grid's « suivi »).
public enum SituationApresAction: String, ValeurCodee {
    case emploi
    case formation
    case autre
    case sansSolution = "sans_solution"
    case sansNouvelles = "sans_nouvelles"

    public var libelle: String {
        switch self {
        case .emploi: "en emploi"
        case .formation: "en formation"
        case .autre: "autre situation"
        case .sansSolution: "sans solution"
        case .sansNouvelles: "sans nouvelles"
        }
    }

    /// Employment or training: a positive outcome.
    public var positive: Bool { self == .emploi || self == .formation }
}

/// The kind of employment contract.
public enum TypeContrat: String, ValeurCodee {
    case cdi, cdd, interim, alternance
    case contratAide = "contrat_aide"
    case independant
    case autre

    public var libelle: String {
        switch self {
        case .cdi: "CDI"
        case .cdd: "CDD"
        case .interim: "intérim"
        case .alternance: "alternance"
        case .contratAide: "contrat aidé"
        case .independant: "à son compte"
        case .autre: "autre contrat"
        }
    }
}

/// One follow-up after the action: at a chosen delay, the person's situation.
public struct SuiviApresAction: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var apprenantId: Int64
    /// The cohort it follows; nil after accompaniments outside a cohort.
    public var cohorteId: Int64?
    public var date: Jour
    /// Months after the action: 3, 6…
    public var delaiMois: Int
    public var situation: SituationApresAction
    /// For employment.
    public var contrat: TypeContrat?
    public var tempsPartiel: Bool?
    /// The job or training matches what was learned.
    public var enLienAvecFormation: Bool?
    /// Which training, which job (« CAP petite enfance », « agente d'accueil »).
    public var precision: String?
    /// Why there is no positive outcome: what still stands in the way.
    public var motif: String?

    public init(id: Int64? = nil, apprenantId: Int64, cohorteId: Int64? = nil, date: Jour, delaiMois: Int, situation: SituationApresAction,
                contrat: TypeContrat? = nil, tempsPartiel: Bool? = nil, enLienAvecFormation: Bool? = nil, precision: String? = nil, motif: String? = nil) {
        self.id = id
        self.apprenantId = apprenantId
        self.cohorteId = cohorteId
        self.date = date
        self.delaiMois = delaiMois
        self.situation = situation
        self.contrat = contrat
        self.tempsPartiel = tempsPartiel
        self.enLienAvecFormation = enLienAvecFormation
        self.precision = precision
        self.motif = motif
    }
}
