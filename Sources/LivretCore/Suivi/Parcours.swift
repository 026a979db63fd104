/// A parcours run by the structure, instantiated from a template (``ModeleParcours``).
public struct Parcours: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var code: String
    public var titre: String
    /// The template's code and version it was instantiated from.
    public var modele: String
    public var modeleVersion: String
    public var heuresPrevues: Double
    public var assiduiteMinimale: Double
    public var certificationRequise: Bool

    public init(id: Int64? = nil, code: String, titre: String, modele: String, modeleVersion: String,
                heuresPrevues: Double, assiduiteMinimale: Double, certificationRequise: Bool = false) {
        self.id = id
        self.code = code
        self.titre = titre
        self.modele = modele
        self.modeleVersion = modeleVersion
        self.heuresPrevues = heuresPrevues
        self.assiduiteMinimale = assiduiteMinimale
        self.certificationRequise = certificationRequise
    }

    /// A parcours following `modele`.
    public init(modele: ModeleParcours, code: String? = nil) {
        self.init(code: code ?? modele.code, titre: modele.entete.titre, modele: modele.code, modeleVersion: modele.entete.version,
                  heuresPrevues: modele.duree.heures, assiduiteMinimale: modele.regleDeCompletion.assiduiteMinimale,
                  certificationRequise: modele.regleDeCompletion.certificationRequise)
    }
}

/// One run of a parcours.
public struct Cohorte: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var code: String
    public var parcoursId: Int64
    public var titre: String
    public var debut: Jour
    public var fin: Jour?
    public var cloturee: Bool
    public var creePar: Int64

    public init(id: Int64? = nil, code: String, parcoursId: Int64, titre: String, debut: Jour, fin: Jour? = nil, cloturee: Bool = false, creePar: Int64) {
        self.id = id
        self.code = code
        self.parcoursId = parcoursId
        self.titre = titre
        self.debut = debut
        self.fin = fin
        self.cloturee = cloturee
        self.creePar = creePar
    }
}

/// A dated session of a cohort.
public struct Seance: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var cohorteId: Int64
    public var date: Jour
    public var minutesPrevues: Int
    public var theme: String?
    public var creePar: Int64

    public init(id: Int64? = nil, cohorteId: Int64, date: Jour, minutesPrevues: Int, theme: String? = nil, creePar: Int64) {
        self.id = id
        self.cohorteId = cohorteId
        self.date = date
        self.minutesPrevues = minutesPrevues
        self.theme = theme
        self.creePar = creePar
    }
}

/// A learner's attendance at one séance.
public struct Presence: Sendable, Equatable, Codable {
    public var seanceId: Int64
    public var apprenantId: Int64
    public var statut: StatutPresence
    public var minutes: Int
    public var auteurId: Int64

    public init(seanceId: Int64, apprenantId: Int64, statut: StatutPresence, minutes: Int, auteurId: Int64) {
        self.seanceId = seanceId
        self.apprenantId = apprenantId
        self.statut = statut
        self.minutes = minutes
        self.auteurId = auteurId
    }
}

/// A learner in a cohort.
public struct Inscription: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var cohorteId: Int64
    public var apprenantId: Int64

    public init(id: Int64? = nil, cohorteId: Int64, apprenantId: Int64) {
        self.id = id
        self.cohorteId = cohorteId
        self.apprenantId = apprenantId
    }
}

/// One step of an inscription's status history.
public struct EtapeInscription: Sendable, Equatable, Codable {
    public var id: Int64?
    public var inscriptionId: Int64
    public var statut: StatutInscription
    public var motif: String?
    public var date: Jour
    public var auteurId: Int64

    public init(id: Int64? = nil, inscriptionId: Int64, statut: StatutInscription, motif: String? = nil, date: Jour, auteurId: Int64) {
        self.id = id
        self.inscriptionId = inscriptionId
        self.statut = statut
        self.motif = motif
        self.date = date
        self.auteurId = auteurId
    }
}

/// A positive outcome recorded when a learner leaves.
public struct Sortie: Sendable, Equatable, Codable {
    public var id: Int64?
    public var inscriptionId: Int64
    public var type: TypeSortie
    public var date: Jour
    public var note: String?
    public var auteurId: Int64

    public init(id: Int64? = nil, inscriptionId: Int64, type: TypeSortie, date: Jour, note: String? = nil, auteurId: Int64) {
        self.id = id
        self.inscriptionId = inscriptionId
        self.type = type
        self.date = date
        self.note = note
        self.auteurId = auteurId
    }
}
