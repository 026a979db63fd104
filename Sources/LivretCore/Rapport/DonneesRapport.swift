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
    /// nil: people, counted in every breakdown. A breakdown: one of its margins, counted in that
    /// breakdown's lines only (``Croisement/aucun``: the lines of sex, with the drop-out reasons and
    /// outcomes); a network keeps its facts this way (``FaitReseau``), categories outside the
    /// breakdown (other than sex) then say nothing.
    public var marge: Croisement?

    public init(sexe: Sexe, anneeNaissance: Int?, qpv: ResidenceQPV, statut: StatutSocial, inscrits: Int = 0, commences: Int = 0,
                termines: Int = 0, abandons: Int = 0, certifies: Int = 0, competencesCertifiees: Int = 0, minutesPrevues: Int = 0,
                minutesSuivies: Int = 0, sorties: [String: Int] = [:], motifsAbandon: [String: Int] = [:], marge: Croisement? = nil) {
        self.marge = marge
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

/// The kinds of activity a bilan d'activité counts: the three kinds of accompaniment, and the
/// séances of the parcours' cohorts.
public enum TypeActivite: String, Sendable, Codable, CaseIterable {
    case permanence
    case rendezVous = "rendez_vous"
    case atelier
    case cohorte

    /// How the bilan names it.
    public var libelle: String {
        switch self {
        case .permanence: "permanences"
        case .rendezVous: "rendez-vous"
        case .atelier: "ateliers"
        case .cohorte: "parcours (séances des cohortes)"
        }
    }

    /// The kind of an accompaniment.
    public init(_ type: TypeAccompagnement) {
        switch type {
        case .permanence: self = .permanence
        case .rendezVous: self = .rendezVous
        case .atelier: self = .atelier
        }
    }
}

/// One beneficiary's activity over a period, for the activity review (no identity, only categories).
public struct ActiviteBeneficiaire: Sendable, Codable, Equatable {
    /// What one person did at one kind of activity, or at one place.
    public struct Part: Sendable, Codable, Equatable {
        public var passages: Int
        public var minutes: Int

        public init(passages: Int, minutes: Int) {
            self.passages = passages
            self.minutes = minutes
        }
    }

    public var sexe: Sexe
    /// The years of birth the person may have: one year for a learner, a band's years for an
    /// anonymous person (``PersonneAnonyme``); nil: not given.
    public var naissance: ClosedRange<Int>?
    /// Séances attended and accompaniments, summed.
    public var seances: Int
    public var minutes: Int
    /// By ``TypeActivite``, in its order.
    public var parType: [Part]
    /// By place (``Accompagnement/libelleLieu``; cohorts' séances are « dans la structure »).
    public var parLieu: [String: Part]

    /// A beneficiary of the cohorts' séances only.
    public init(sexe: Sexe, anneeNaissance: Int?, seances: Int, minutes: Int) {
        self.init(sexe: sexe, naissance: anneeNaissance.map { $0...$0 }, parType: [.cohorte: Part(passages: seances, minutes: minutes)],
                  parLieu: [LieuAccompagnement.structure.libelle: Part(passages: seances, minutes: minutes)])
    }

    /// A beneficiary of several kinds of activity; totals are the sums.
    public init(sexe: Sexe, naissance: ClosedRange<Int>?, parType: [TypeActivite: Part], parLieu: [String: Part]) {
        self.sexe = sexe
        self.naissance = naissance
        self.parType = TypeActivite.allCases.map { parType[$0] ?? Part(passages: 0, minutes: 0) }
        self.parLieu = parLieu
        seances = self.parType.map(\.passages).reduce(0, +)
        minutes = self.parType.map(\.minutes).reduce(0, +)
    }

    /// The part of one kind of activity.
    public func part(_ type: TypeActivite) -> Part { parType[TypeActivite.allCases.firstIndex(of: type)!] }
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
    /// A scope of a network's report (``ConsolidationReseau``), by its label: « réseau »,
    /// « structure … », « département 59 », « parcours … ». Never read from a structure's base.
    case reseau(String)

    public var libelle: String {
        switch self {
        case .reseau(let libelle): libelle
        case .structure: "toute la structure"
        case .cohorte(let code): "cohorte \(code)"
        case .parcours(let code): "parcours \(code)"
        }
    }
}
