/// Where a séance's day falls against the day the figures are computed at.
public enum PositionJour: Int, Sendable, Codable {
    case avant = 0, jour = 1, apres = 2

    /// The position of `date` against `jour`.
    public init(_ date: Jour, au jour: Jour) {
        self = date < jour ? .avant : (date == jour ? .jour : .apres)
    }
}

/// Séances as the figures see them: where their day falls, whether their attendance was taken,
/// and their planned minutes — one séance, or a group of séances sharing these facts.
public struct SeanceComptee: Sendable, Equatable, Codable {
    public var position: PositionJour
    /// At least one presence line was recorded for it.
    public var appelFait: Bool
    /// Planned minutes (of all the séances of the group).
    public var minutes: Int
    /// How many séances (1 for one séance).
    public var nombre: Int

    public init(position: PositionJour, appelFait: Bool, minutes: Int, nombre: Int = 1) {
        self.position = position
        self.appelFait = appelFait
        self.minutes = minutes
        self.nombre = nombre
    }

    /// One séance dated `date`, seen on day `jour`.
    public init(date: Jour, minutes: Int, appelFait: Bool, au jour: Jour) {
        self.init(position: PositionJour(date, au: jour), appelFait: appelFait, minutes: minutes)
    }

    /// **Séance tenue** (held): its day is past, or its attendance was taken (today's séance counts
    /// as soon as the roll call is recorded, not before, so nobody reads as absent from a séance
    /// that has not happened yet). The only definition; every « à ce jour » figure uses it.
    public var tenue: Bool { position == .avant || appelFait }
}

/// The planned hours of one cohort: in all, and held so far. Computed once per cohort from its
/// séances; every learner of the cohort shares them.
public struct HeuresCohorte: Sendable, Equatable, Codable {
    /// Minutes of the séances held so far (``SeanceComptee/tenue``): **heures prévues à ce jour**.
    public var minutesPrevuesACeJour: Int
    /// Minutes of every séance of the cohort, held or not.
    public var minutesPlanifiees: Int
    public var seancesTenues: Int
    public var seancesPlanifiees: Int

    public init(minutesPrevuesACeJour: Int = 0, minutesPlanifiees: Int = 0, seancesTenues: Int = 0, seancesPlanifiees: Int = 0) {
        self.minutesPrevuesACeJour = minutesPrevuesACeJour
        self.minutesPlanifiees = minutesPlanifiees
        self.seancesTenues = seancesTenues
        self.seancesPlanifiees = seancesPlanifiees
    }

    /// The cohort's planned hours from its séances (seen on one day).
    public static func calculer(_ seances: [SeanceComptee]) -> HeuresCohorte {
        var heures = HeuresCohorte()
        for seance in seances { heures.ajouter(seance) }
        return heures
    }

    /// Counts more séances of the cohort.
    public mutating func ajouter(_ seances: SeanceComptee) {
        minutesPlanifiees += seances.minutes
        seancesPlanifiees += seances.nombre
        if seances.tenue {
            minutesPrevuesACeJour += seances.minutes
            seancesTenues += seances.nombre
        }
    }
}

/// The hours of one inscription, and the two rates built on them.
///
/// - **heures suivies**: minutes of the learner's presences marked « présent »;
/// - **heures prévues à ce jour**: minutes of the cohort's séances held so far;
/// - **heures du parcours**: the parcours' designed length (67 h for Femmes et Numérique);
/// - **assiduité** = suivies / prévues à ce jour: did the person come to what was held?
/// - **avancement** = suivies / heures du parcours (or of every séance planned, if more): how far
///   along the whole parcours the person is.
///
/// Two figures, two names: never « assiduité » for the second one.
public struct HeuresSuivi: Sendable, Equatable, Codable {
    public var minutesSuivies: Int
    public var minutesPrevuesACeJour: Int
    public var minutesPlanifiees: Int
    public var heuresParcours: Double

    public init(minutesSuivies: Int, cohorte: HeuresCohorte, heuresParcours: Double) {
        self.minutesSuivies = minutesSuivies
        self.minutesPrevuesACeJour = cohorte.minutesPrevuesACeJour
        self.minutesPlanifiees = cohorte.minutesPlanifiees
        self.heuresParcours = heuresParcours
    }

    public var heuresSuivies: Double { Double(minutesSuivies) / 60 }
    public var heuresPrevuesACeJour: Double { Double(minutesPrevuesACeJour) / 60 }

    /// The length the avancement is measured against, in minutes: the parcours' hours, or every
    /// séance planned when the cohort plans more.
    public var minutesReference: Double { max(heuresParcours * 60, Double(minutesPlanifiees)) }

    /// Suivies / prévues à ce jour, 0–1; nil before the first séance is held.
    public var assiduite: Double? { Self.taux(Double(minutesSuivies), sur: Double(minutesPrevuesACeJour)) }

    /// Suivies / heures du parcours (or of every séance planned, if more), 0–1.
    public var avancement: Double { Self.taux(Double(minutesSuivies), sur: minutesReference) ?? 0 }

    /// The one way a rate of minutes is computed (groups of people use it on their sums): nil
    /// when nothing is expected, capped at 1.
    public static func taux(_ suivies: Double, sur prevues: Double) -> Double? {
        prevues > 0 ? min(1, suivies / prevues) : nil
    }
}

extension HeuresSuivi {
    enum CodingKeys: String, CodingKey {
        case minutesSuivies, minutesPrevuesACeJour, minutesPlanifiees, heuresParcours, assiduite, avancement
    }

    /// The facts, and the two rates as computed here, so that a JSON export says what the screens say.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(minutesSuivies, forKey: .minutesSuivies)
        try c.encode(minutesPrevuesACeJour, forKey: .minutesPrevuesACeJour)
        try c.encode(minutesPlanifiees, forKey: .minutesPlanifiees)
        try c.encode(heuresParcours, forKey: .heuresParcours)
        try c.encodeIfPresent(assiduite, forKey: .assiduite)
        try c.encode(avancement, forKey: .avancement)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minutesSuivies = try c.decode(Int.self, forKey: .minutesSuivies)
        minutesPrevuesACeJour = try c.decode(Int.self, forKey: .minutesPrevuesACeJour)
        minutesPlanifiees = try c.decode(Int.self, forKey: .minutesPlanifiees)
        heuresParcours = try c.decode(Double.self, forKey: .heuresParcours)
    }

    /// **Heures suivies**, in minutes: the presences marked « présent », with their minutes.
    public static func minutesSuivies(_ presences: [Presence]) -> Int {
        presences.reduce(0) { $0 + ($1.statut == .present ? $1.minutes : 0) }
    }
}
