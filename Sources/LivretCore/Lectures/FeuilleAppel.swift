/// The attendance sheet of one session: every person enrolled in its cohort, with what was
/// already recorded.
public struct FeuilleAppel: Sendable, Equatable {
    public struct Ligne: Sendable, Equatable {
        public var identifiant: String
        public var nom: String
        public var statutInscription: StatutInscription
        /// nil: nothing recorded yet for this session.
        public var statut: StatutPresence?
        public var minutes: Int?

        public init(identifiant: String, nom: String, statutInscription: StatutInscription, statut: StatutPresence? = nil, minutes: Int? = nil) {
            self.identifiant = identifiant
            self.nom = nom
            self.statutInscription = statutInscription
            self.statut = statut
            self.minutes = minutes
        }
    }

    public var seance: Seance
    public var cohorte: String
    public var lignes: [Ligne]

    public init(seance: Seance, cohorte: String, lignes: [Ligne]) {
        self.seance = seance
        self.cohorte = cohorte
        self.lignes = lignes
    }
}

/// What a deleted séance held, for the message and the journal.
public struct SeanceSupprimee: Sendable, Equatable {
    public var seance: Seance
    public var cohorte: String
    /// Presence lines deleted with it.
    public var presences: Int

    public init(seance: Seance, cohorte: String, presences: Int) {
        self.seance = seance
        self.cohorte = cohorte
        self.presences = presences
    }
}

/// How many lines of a séance's attendance sheet share an inscription status and what was
/// recorded (nil: nothing yet): the facts the state of an attendance (« 3 sur 11 saisis ») is
/// counted from, read for every séance of a cohort at once.
public struct CompteAppel: Sendable, Equatable {
    public var statutInscription: StatutInscription
    public var statut: StatutPresence?
    public var nombre: Int

    public init(statutInscription: StatutInscription, statut: StatutPresence?, nombre: Int) {
        self.statutInscription = statutInscription
        self.statut = statut
        self.nombre = nombre
    }
}
