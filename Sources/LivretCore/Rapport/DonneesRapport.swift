/// What a report is computed from: learners grouped by their categories, with counts aggregated
/// by the store (in SQL). No person appears here, only groups.
public struct GroupeStatistique: Sendable, Codable, Equatable {
    public var sexe: Sexe
    /// Year of birth, or nil when not given; the age band is derived at report time.
    public var anneeNaissance: Int?
    public var qpv: ResidenceQPV
    public var statut: StatutSocial
    /// Inscriptions in the scope.
    public var inscrits: Int
    /// Inscriptions that started (a presence, or a status past "inscrit").
    public var commences: Int
    /// Inscriptions completed per the parcours' rule (latest status "terminé" and attendance reached).
    public var termines: Int
    public var abandons: Int
    /// Learners of these inscriptions holding a validated Pix certification.
    public var certifies: Int
    /// Pix competences certified (level ≥ 1) by them, in all.
    public var competencesCertifiees: Int
    public var minutesPrevues: Int
    public var minutesSuivies: Int
    /// Positive outcome type (raw value of ``TypeSortie``) → count.
    public var sorties: [String: Int]
    /// Drop-out reason → count.
    public var motifsAbandon: [String: Int]

    public init(sexe: Sexe, anneeNaissance: Int?, qpv: ResidenceQPV, statut: StatutSocial, inscrits: Int = 0, commences: Int = 0,
                termines: Int = 0, abandons: Int = 0, certifies: Int = 0, competencesCertifiees: Int = 0, minutesPrevues: Int = 0,
                minutesSuivies: Int = 0, sorties: [String: Int] = [:], motifsAbandon: [String: Int] = [:]) {
        self.sexe = sexe
        self.anneeNaissance = anneeNaissance
        self.qpv = qpv
        self.statut = statut
        self.inscrits = inscrits
        self.commences = commences
        self.termines = termines
        self.abandons = abandons
        self.certifies = certifies
        self.competencesCertifiees = competencesCertifiees
        self.minutesPrevues = minutesPrevues
        self.minutesSuivies = minutesSuivies
        self.sorties = sorties
        self.motifsAbandon = motifsAbandon
    }
}

/// One beneficiary's activity over a period, for the activity review (no identity, only categories).
public struct ActiviteBeneficiaire: Sendable, Codable, Equatable {
    public var sexe: Sexe
    public var anneeNaissance: Int?
    public var seances: Int
    public var minutes: Int

    public init(sexe: Sexe, anneeNaissance: Int?, seances: Int, minutes: Int) {
        self.sexe = sexe
        self.anneeNaissance = anneeNaissance
        self.seances = seances
        self.minutes = minutes
    }
}

/// A parcours objective against what was achieved in the scope.
public struct ObjectifRealise: Sendable, Codable, Equatable {
    public var parcours: String
    public var libelle: String
    /// e.g. 5 certified…
    public var vise: Int
    /// …out of a group of 10.
    public var effectifVise: Int?
    /// e.g. 11 certified on ≥ 3 competences…
    public var realise: Int
    /// …out of 11 enrolled.
    public var effectifReel: Int

    public init(parcours: String, libelle: String, vise: Int, effectifVise: Int?, realise: Int, effectifReel: Int) {
        self.parcours = parcours
        self.libelle = libelle
        self.vise = vise
        self.effectifVise = effectifVise
        self.realise = realise
        self.effectifReel = effectifReel
    }
}

/// Which learners a report covers.
public enum PerimetreRapport: Sendable, Codable, Equatable {
    case structure
    case cohorte(String)
    case parcours(String)

    public var libelle: String {
        switch self {
        case .structure: "toute la structure"
        case .cohorte(let code): "cohorte \(code)"
        case .parcours(let code): "parcours \(code)"
        }
    }
}
