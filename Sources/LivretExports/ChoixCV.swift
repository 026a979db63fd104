/// One part of the CV numérique the learner may show or hide.
public enum SectionCV: String, Sendable, Codable, CaseIterable, Comparable {
    /// The name (as chosen in ``IdentiteCV``) and, only if asked, the contact.
    case identite
    /// APTIC savoir-faire, acquired or in progress, by sous-thème.
    case competences
    /// Pix levels per competence and Pix certifications.
    case pix
    /// Parcours completed, with their hours.
    case parcours
    /// Badges issued by the structure, with a short verification code.
    case badges

    public static func < (a: SectionCV, b: SectionCV) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Which name the CV shows. The learner chooses; nothing else of the identity ever appears.
public enum IdentiteCV: String, Sendable, Codable, CaseIterable {
    /// The first name only; the pseudonym instead when the learner has one (a learner known by a pseudonym
    /// stays pseudonymous unless « complete » is chosen).
    case prenom
    /// First name and last name (the pseudonym when there is no name).
    case complete
    /// The pseudonym only, never the real name; no name at all when there is no pseudonym.
    case pseudonyme
    /// No name.
    case aucune
}

/// What the learner decides to put in the CV.
///
/// Sex, year of birth, QPV residence and social status are never part of a CV, whatever the choice.
public struct ChoixCV: Sendable, Equatable, Codable {
    /// The sections shown.
    public var sections: Set<SectionCV>
    /// Which name to show (only when ``sections`` contains ``SectionCV/identite``).
    public var identite: IdentiteCV
    /// Show the e-mail and phone number recorded (only when ``sections`` contains ``SectionCV/identite``).
    public var contact: Bool
    /// The badges shown, by achievement code ("parcours-femmes-et-numerique") or badge id (urn:uuid:…);
    /// `nil` shows every badge that is not revoked. Revoked badges are never shown.
    public var badges: Set<String>?
    /// The learner made these choices themselves (asked in the UI, or said on the command line):
    /// only then does the CV say « La personne a choisi ce qui est écrit ici ».
    public var choisiParLaPersonne = false

    public init(sections: Set<SectionCV> = Set(SectionCV.allCases), identite: IdentiteCV = .prenom, contact: Bool = false,
                badges: Set<String>? = nil) {
        self.sections = sections
        self.identite = identite
        self.contact = contact
        self.badges = badges
    }

    /// Every section, the first name only (the pseudonym when there is one), no contact, every valid badge.
    public static let parDefaut = ChoixCV()
}
