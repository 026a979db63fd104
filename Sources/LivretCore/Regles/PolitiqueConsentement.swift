/// What Livret does with a learner's data, and what each use needs (RGPD article 6).
///
/// | usage | what it covers | legal basis | needs |
/// |---|---|---|---|
/// | ``presence`` | enrolment, séances, attendance, status, drop-out and exit; visits to permanences and appointments, satisfaction questionnaires, follow-ups after the action (issue 18) | the training itself (art. 6-1-b, contract; 6-1-e for a funded public-interest mission) | nothing more: without it the training cannot be run nor paid for |
/// | ``livret`` | evidence of skills, positionnements, Pix results and certifications | consent (art. 6-1-a) | the « suivi » scope; for Pix results, the person's own sending of them to the structure in Pix (Pix Orga « envoi », a Pix Certif session of the structure) also counts (``resultatsPix(partagesDansPix:consentement:)``) |
/// | ``badges`` | credentials issued in the person's name | consent (art. 6-1-a) | the « badges » scope |
/// | ``statistiques`` | being counted, never named, in reports | consent (art. 6-1-a) | the « statistiques » scope |
/// | ``coop`` | name, year of birth, contact and sex passed on to La Coop de la médiation numérique (its beneficiary import) | consent (art. 6-1-a) | the « coop » scope, and a first and last name (the Coop requires both) |
///
/// The latest consent record is the one in force; no record means no consent. A learner outside
/// the statistics is never silently dropped: reports say how many and why.
public enum UsageDonnees: String, Sendable, CaseIterable, Codable {
    case presence
    case livret
    case badges
    case statistiques
    case coop

    /// What the use covers, in plain French.
    public var libelle: String {
        switch self {
        case .presence: "présences et parcours"
        case .livret: "suivi des compétences (preuves, positionnements, résultats Pix)"
        case .badges: "badges à son nom"
        case .statistiques: "statistiques anonymes"
        case .coop: "transmission à La Coop de la médiation numérique (nom, prénom, année de naissance, contact, genre)"
        }
    }

    /// The legal basis, as a sentence a DPO reads.
    public var baseLegale: String {
        switch self {
        case .presence: "exécution de la formation (RGPD art. 6-1-b ; 6-1-e pour une mission financée d'intérêt public)"
        case .livret, .badges, .statistiques, .coop: "consentement de la personne (RGPD art. 6-1-a), révocable à tout moment"
        }
    }

    /// Whether the consent in force (nil: none recorded) allows this use.
    public func autorise(_ consentement: Consentement?) -> Bool {
        switch self {
        case .presence: true
        case .livret: autorise(portee: consentement?.suivi)
        case .badges: autorise(portee: consentement?.badges)
        case .statistiques: autorise(portee: consentement?.statistiques)
        case .coop: autorise(portee: consentement?.coop)
        }
    }

    /// Whether the use is allowed, given only its scope's flag in the consent in force (nil: no
    /// consent recorded) — for aggregates that read the flag, not the whole record.
    public func autorise(portee: Bool?) -> Bool {
        self == .presence || portee == true
    }

    /// Whether Pix results may be recorded: the person sent them to the structure in Pix (their own
    /// act of consent, given in Pix), or agreed to the skills follow-up in Livret.
    public static func resultatsPix(partagesDansPix: Bool, consentement: Consentement?) -> Bool {
        partagesDansPix || UsageDonnees.livret.autorise(consentement)
    }

    /// The scope of the consent this use needs (nil: none).
    public var portee: PorteeConsentement? {
        switch self {
        case .presence: nil
        case .livret: .suivi
        case .badges: .badges
        case .statistiques: .statistiques
        case .coop: .coop
        }
    }

    /// Throws the French refusal when the consent in force does not allow this use for `qui`.
    public func verifier(_ consentement: Consentement?, qui: String) throws(ErreurRegle) {
        guard !autorise(consentement), let portee else { return }
        throw ErreurRegle("\(qui) n'a pas donné son accord pour : \(libelle). Demandez-lui d'abord, puis notez son accord (portée « \(portee.rawValue) »).")
    }
}

/// The scopes a learner may agree to, by the names people type and read.
public enum PorteeConsentement: String, Sendable, CaseIterable, Codable {
    case suivi, badges, statistiques, coop
}

extension Consentement {
    /// The scopes given, in order (for display: « suivi, statistiques »).
    public var portees: [PorteeConsentement] {
        PorteeConsentement.allCases.filter {
            switch $0 {
            case .suivi: suivi
            case .badges: badges
            case .statistiques: statistiques
            case .coop: coop
            }
        }
    }

    /// A consent record from a typed list of scopes (« suivi,statistiques »; empty: none given).
    public static func depuis(portees texte: String, apprenantId: Int64, date: Jour, auteurId: Int64) throws(ErreurRegle) -> Consentement {
        let noms = Set(texte.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
        let inconnues = noms.filter { PorteeConsentement(rawValue: $0) == nil }
        if !inconnues.isEmpty {
            throw ErreurRegle("consentement « \(inconnues.sorted().joined(separator: ", ")) » inconnu. Choisissez parmi : "
                              + PorteeConsentement.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return Consentement(apprenantId: apprenantId, date: date, suivi: noms.contains("suivi"), badges: noms.contains("badges"),
                            statistiques: noms.contains("statistiques"), coop: noms.contains("coop"), auteurId: auteurId)
    }
}
