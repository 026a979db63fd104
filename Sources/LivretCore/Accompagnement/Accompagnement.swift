/// What kind of activity outside a cohort: a drop-in visit, an appointment, a one-off workshop.
public enum TypeAccompagnement: String, ValeurCodee {
    case permanence
    case rendezVous = "rendez_vous"
    case atelier

    public var libelle: String {
        switch self {
        case .permanence: "permanence"
        case .rendezVous: "rendez-vous"
        case .atelier: "atelier"
        }
    }
}

/// Where an accompaniment took place (La Coop's places: the structure, another place, at home, remote).
public enum LieuAccompagnement: String, ValeurCodee {
    case structure
    case partenaire
    case domicile
    case distance

    public var libelle: String {
        switch self {
        case .structure: "dans la structure"
        case .partenaire: "chez un partenaire"
        case .domicile: "à domicile"
        case .distance: "à distance"
        }
    }
}

/// The person's autonomy during the accompaniment, La Coop's three levels (worded without gender).
public enum Autonomie: String, ValeurCodee {
    case accompagnementComplet = "accompagnement_complet"
    case enPartieAutonome = "en_partie_autonome"
    case autonome

    public var libelle: String {
        switch self {
        case .accompagnementComplet: "accompagnement complet"
        case .enPartieAutonome: "en partie autonome"
        case .autonome: "autonome"
        }
    }
}

/// The equipment used (La Coop's list).
public enum Materiel: String, ValeurCodee {
    case ordinateur, telephone, tablette, autre, aucun

    public var libelle: String {
        switch self {
        case .ordinateur: "ordinateur"
        case .telephone: "téléphone"
        case .tablette: "tablette"
        case .autre: "autre matériel"
        case .aucun: "pas de matériel"
        }
    }
}

/// Somebody accompanied without a learner record: counted by sex and age band only.
///
/// The age band is kept as the years of birth it allows (ages are reached during a year, as
/// everywhere in Livret): a report with other bands places the person in a band only when the
/// whole range falls into it, else in « non communiqué ».
public struct PersonneAnonyme: Sendable, Equatable, Codable {
    public var sexe: Sexe
    /// Earliest and latest possible year of birth; nil: age not given.
    public var naissance: ClosedRange<Int>?

    public init(sexe: Sexe, naissance: ClosedRange<Int>? = nil) {
        self.sexe = sexe
        self.naissance = naissance
    }
}

/// A visit to a permanence, an appointment or a one-off workshop: one person, one day.
public struct Accompagnement: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var date: Jour
    public var minutes: Int
    public var type: TypeAccompagnement
    public var lieu: LieuAccompagnement
    /// The place's name when it helps (« CCAS de Metz »); reports group by place and name.
    public var lieuNom: String?
    /// Who accompanied: a formateur or a volunteer (both are people who work in the structure).
    public var intervenantId: Int64
    /// A known learner, or nil with ``anonyme``.
    public var apprenantId: Int64?
    public var anonyme: PersonneAnonyme?
    public var thematiques: [ThematiqueCoop]
    /// APTIC item codes worked on.
    public var itemsAptic: [String]
    public var autonomie: Autonomie?
    public var materiel: [Materiel]
    public var note: String?
    /// Whether the person was sent on to another structure, and which kind; nil: not said.
    public var orientation: Orientation?

    public init(id: Int64? = nil, date: Jour, minutes: Int, type: TypeAccompagnement, lieu: LieuAccompagnement, lieuNom: String? = nil,
                intervenantId: Int64, apprenantId: Int64? = nil, anonyme: PersonneAnonyme? = nil, thematiques: [ThematiqueCoop] = [],
                itemsAptic: [String] = [], autonomie: Autonomie? = nil, materiel: [Materiel] = [], note: String? = nil,
                orientation: Orientation? = nil) {
        self.id = id
        self.date = date
        self.minutes = minutes
        self.type = type
        self.lieu = lieu
        self.lieuNom = lieuNom
        self.intervenantId = intervenantId
        self.apprenantId = apprenantId
        self.anonyme = anonyme
        self.thematiques = thematiques
        self.itemsAptic = itemsAptic
        self.autonomie = autonomie
        self.materiel = materiel
        self.note = note
        self.orientation = orientation
    }

    /// How reports name its place: the name when given, else the kind of place.
    public var libelleLieu: String { lieuNom ?? lieu.libelle }
}
