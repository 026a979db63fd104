/// How report lines are broken down, besides sex (always).
public enum Croisement: String, Sendable, Codable, CaseIterable, Equatable {
    case aucun, age, qpv, statut

    public var libelle: String {
        switch self {
        case .aucun: "sexe"
        case .age: "sexe × tranche d’âge"
        case .qpv: "sexe × résidence en QPV"
        case .statut: "sexe × statut social"
        }
    }
}

/// One line of a report: a sex (nil: everybody), possibly a sub-category, and its published indicators.
public struct LigneRapport: Sendable, Codable, Equatable {
    /// nil for the overall total.
    public let sexe: Sexe?
    /// The age band, QPV or status label; nil for a line of sex only, or a total.
    public let sousCategorie: String?
    public let inscrits: ValeurPubliee
    public let commences: ValeurPubliee
    public let termines: ValeurPubliee
    public let abandons: ValeurPubliee
    public let certifies: ValeurPubliee
    /// Pix competences certified (a count of competences), on « ensemble » only; nil elsewhere.
    public let competencesCertifiees: ValeurPubliee?
    /// Planned hours, to 0.1 h, on « ensemble » only; nil elsewhere or when masked.
    public let heuresPrevues: Double?
    /// Attended hours, to 0.1 h, on « ensemble » only; nil elsewhere or when masked.
    public let heuresSuivies: Double?
    /// termines / inscrits.
    public let tauxCompletion: TauxPublie
    /// abandons / inscrits.
    public let tauxAbandon: TauxPublie
    /// certifies / inscrits.
    public let tauxCertification: TauxPublie
    /// Attended minutes / planned minutes.
    public let assiduite: TauxPublie

    /// Hours as shown: the number, « s » when the hours of « ensemble » are masked, « – » on the
    /// other lines (hours are published for everybody only; see ``PublicationConjointe``).
    public func texteHeures(_ heures: Double?, _ format: (Double) -> String) -> String {
        heures.map(format) ?? (sexe == nil ? TauxPublie.texteMasque : "–")
    }

    /// Competences as shown: the number or the masked mark on « ensemble », « – » on the other lines.
    public func texteCompetences(seuil: Int?) -> String {
        competencesCertifiees?.texte(seuil: seuil) ?? "–"
    }

    /// "féminin", "féminin — 18–24 ans", "ensemble".
    public var libelle: String {
        let base = sexe?.libelle ?? "ensemble"
        return sousCategorie.map { "\(base) — \($0)" } ?? base
    }
}

/// Drop-outs for one reason.
public struct MotifPublie: Sendable, Codable, Equatable {
    public let motif: String
    public let nombre: ValeurPubliee

    public init(motif: String, nombre: ValeurPubliee) {
        self.motif = motif
        self.nombre = nombre
    }
}

/// Positive outcomes of one type.
public struct SortiePubliee: Sendable, Codable, Equatable {
    public let type: TypeSortie
    public let nombre: ValeurPubliee

    public init(type: TypeSortie, nombre: ValeurPubliee) {
        self.type = type
        self.nombre = nombre
    }
}

/// A parcours objective against what was achieved.
public struct ObjectifPublie: Sendable, Codable, Equatable {
    public let parcours: String
    public let libelle: String
    public let vise: Int
    public let effectifVise: Int?
    public let realise: ValeurPubliee
    public let effectifReel: ValeurPubliee
    /// realise ≥ vise; nil when ``realise`` is masked.
    public let atteint: Bool?

    /// "5 certifiées sur 10 visé → 11 sur 11 réalisé".
    public func texte(seuil: Int?) -> String {
        let vise = effectifVise.map { "\(self.vise) \(libelle) sur \($0) visé" } ?? "\(self.vise) \(libelle) visé"
        return "\(vise) → \(realise.texte(seuil: seuil)) sur \(effectifReel.texte(seuil: seuil)) réalisé"
    }
}

/// A report for programme leads and funders: indicators by sex (all four categories), optionally crossed.
///
/// Everything in it is publishable as is (with ``seuil`` nil, internally only — see ``avertissements``):
/// masked counts are stored as 0 with `masque` true. Same input, same value, same encoded bytes.
public struct Rapport: Sendable, Codable, Equatable {
    /// "toute la structure", "cohorte ROU-2026-1"…
    public let perimetre: String
    /// The year ages are computed at.
    public let anneeReference: Int
    /// Counts from 1 to seuil − 1 are masked; nil: nothing masked (internal use only).
    public let seuil: Int?
    public let croisement: Croisement
    /// The age limits used (with ``Croisement/age``; the bands are always recorded).
    public let bornesAge: [Int]
    /// The method of the gap's confidence interval.
    public let methodeIntervalle: String
    /// Sexes in ``Sexe`` order; within each, every sub-category in its natural order, even at zero.
    public let lignes: [LigneRapport]
    /// One line per sex (sousCategorie nil), in ``Sexe`` order.
    public let totauxParSexe: [LigneRapport]
    /// Everybody (sexe nil).
    public let total: LigneRapport
    /// Drop-outs by reason, reasons in alphabetical order.
    public let motifsAbandon: [MotifPublie]
    /// Positive outcomes, one per ``TypeSortie`` in order.
    public let sorties: [SortiePubliee]
    public let objectifs: [ObjectifPublie]
    public let ecart: EcartFemmesHommes
    /// Inscriptions left out because the person did not agree to statistics (said, never silent).
    public let horsStatistiques: Int
    public var avertissements: [String]
    /// The scope's satisfaction questionnaires by sex; nil when none.
    public var satisfaction: SatisfactionPubliee? = nil
    /// The scope's follow-ups after the action, by delay and sex; nil when none.
    public var suivis: [SuiviPublie]? = nil
}
