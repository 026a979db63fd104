/// One accompaniment as a person writes it (command line, a line of a sign-in sheet, the
/// permanence screen): words and numbers, checked and written by `ServiceAccompagnements`
/// (LivretServices). A sign-in sheet gives them through ``ImportAccompagnementsCSV``.
public struct SaisieAccompagnement: Sendable, Equatable {
    /// Who came: a learner by identifier, or an anonymous person by sex and age band.
    public enum Personne: Sendable, Equatable {
        case apprenant(String)
        /// The age band as written (« 18–24 ans », « mineur », « 35 », or empty).
        case anonyme(sexe: Sexe, tranche: String)
    }

    public var date: Jour
    public var minutes: Int
    public var type: TypeAccompagnement
    public var lieu: LieuAccompagnement
    public var lieuNom: String?
    /// The name of who accompanied (a formateur or volunteer of the base); nil: the author.
    public var intervenant: String?
    public var personne: Personne
    public var thematiques: [ThematiqueCoop]
    public var itemsAptic: [String]
    public var autonomie: Autonomie?
    public var materiel: [Materiel]
    public var note: String?
    /// Whether the person was sent on to another structure, and which kind; nil: not said.
    public var orientation: Orientation?

    public init(date: Jour, minutes: Int, type: TypeAccompagnement = .permanence, lieu: LieuAccompagnement = .structure, lieuNom: String? = nil,
                intervenant: String? = nil, personne: Personne, thematiques: [ThematiqueCoop] = [], itemsAptic: [String] = [],
                autonomie: Autonomie? = nil, materiel: [Materiel] = [], note: String? = nil,
                orientation: Orientation? = nil) {
        self.date = date
        self.minutes = minutes
        self.type = type
        self.lieu = lieu
        self.lieuNom = lieuNom
        self.intervenant = intervenant
        self.personne = personne
        self.thematiques = thematiques
        self.itemsAptic = itemsAptic
        self.autonomie = autonomie
        self.materiel = materiel
        self.note = note
        self.orientation = orientation
    }
}
