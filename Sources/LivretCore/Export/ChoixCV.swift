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

    /// Whether the badge of `reussite` (achievement code) and `id` (urn:uuid:…) is among those chosen.
    public func montre(badgeDe reussite: String, id: String) -> Bool {
        badges.map { $0.contains(reussite) || $0.contains(id) } ?? true
    }

    /// Every section, the first name only (the pseudonym when there is one), no contact, every valid badge.
    public static let parDefaut = ChoixCV()
}

extension IdentiteCV {
    /// How much of the person's name this choice may show, from nothing (0) to the full name (3).
    /// Each shows at most what the next shows, whoever the person: the pseudonym only (or no name)
    /// ≤ the first name (the pseudonym when there is one, else the first name) ≤ the full name.
    var revele: Int {
        switch self {
        case .aucune: 0
        case .pseudonyme: 1
        case .prenom: 2
        case .complete: 3
        }
    }
}

extension ChoixCV {
    /// The choices as the learner's own choices bound them (issue 21): what the person chose
    /// herself in her space is the most any CV or bundle made for her may show. Sections and badges
    /// are those both allow; the contact only if both allow it; the name the less revealing of the
    /// two (« pseudonyme » shows less than « prénom »: no first name when there is no pseudonym).
    /// `nil` (she chose nothing) leaves the choices as they are.
    public func borne(par personne: ChoixCV?) -> ChoixCV {
        guard let personne else { return self }
        var resultat = self
        resultat.sections = sections.intersection(personne.sections)
        resultat.contact = contact && personne.contact
        if personne.identite.revele < identite.revele { resultat.identite = personne.identite }
        switch (badges, personne.badges) {
        case (nil, let siens): resultat.badges = siens
        case (let demandes?, nil): resultat.badges = demandes
        case (let demandes?, let siens?): resultat.badges = demandes.intersection(siens)
        }
        // The CV says « La personne a choisi » when it shows exactly what she chose (or the caller says so).
        resultat.choisiParLaPersonne = choisiParLaPersonne || resultat.avecChoisi(false) == personne.avecChoisi(false)
        return resultat
    }

    private func avecChoisi(_ valeur: Bool) -> ChoixCV {
        var copie = self
        copie.choisiParLaPersonne = valeur
        return copie
    }
}
