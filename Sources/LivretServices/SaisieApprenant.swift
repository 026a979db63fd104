import LivretCore
import LivretStore

/// What a formateur types about a learner, in the terminal UI's form (every field optional but
/// the categories, which default to « non communiqué »), and the consent asked scope by scope.
public struct SaisieApprenant: Sendable, Equatable {
    public var prenom: String?
    public var nom: String?
    public var pseudonyme: String?
    public var anneeNaissance: Int?
    public var sexe: Sexe
    public var qpv: ResidenceQPV
    public var statutSocial: StatutSocial
    /// Contact, kept only when the person wants badges (``PorteeConsentement/badges``).
    public var email: String?
    public var telephone: String?
    /// The scopes the person agreed to when asked; nil when the question was not asked (then no
    /// consent is recorded, and an existing one is kept as it is).
    public var accords: Set<PorteeConsentement>?

    public init(prenom: String? = nil, nom: String? = nil, pseudonyme: String? = nil, anneeNaissance: Int? = nil,
                sexe: Sexe = .nonCommunique, qpv: ResidenceQPV = .nonCommunique, statutSocial: StatutSocial = .nonCommunique,
                email: String? = nil, telephone: String? = nil, accords: Set<PorteeConsentement>? = nil) {
        self.prenom = prenom
        self.nom = nom
        self.pseudonyme = pseudonyme
        self.anneeNaissance = anneeNaissance
        self.sexe = sexe
        self.qpv = qpv
        self.statutSocial = statutSocial
        self.email = email
        self.telephone = telephone
        self.accords = accords
    }

    /// The typed fields applied to `apprenant` (identity, categories; the contact only when
    /// badges are wanted — otherwise it is removed, as the person asked nothing to be sent).
    public func appliquer(a apprenant: inout Apprenant) {
        apprenant.prenom = prenom
        apprenant.nom = nom
        apprenant.pseudonyme = pseudonyme
        apprenant.anneeNaissance = anneeNaissance
        apprenant.sexe = sexe
        apprenant.qpv = qpv
        apprenant.statutSocial = statutSocial
        if accords != nil {
            let badges = accords?.contains(.badges) == true
            apprenant.email = badges ? email : nil
            apprenant.telephone = badges ? telephone : nil
        }
    }

    /// The consent record of the answers, dated and signed by the formateur (nil when not asked).
    public func consentement(apprenantId: Int64, auteur: Formateur, jour: Jour) -> Consentement? {
        guard let accords else { return nil }
        return Consentement(apprenantId: apprenantId, date: jour, suivi: accords.contains(.suivi), badges: accords.contains(.badges),
                            statistiques: accords.contains(.statistiques), coop: accords.contains(.coop), auteurId: auteur.id!)
    }
}
