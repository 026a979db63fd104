/// The satisfaction questionnaire: a few questions in plain French on a 4-level scale, then
/// « qu'est-ce qui vous a le plus aidé ? ». Versioned: answers keep the version they were given in.
public enum QuestionnaireSatisfaction {
    /// Stored with every answer.
    public static let version = "livret-satisfaction/1"

    /// The questions, in order; the first is the overall one (« satisfait » means 3 or 4 there).
    public static let questions = [
        "Dans l’ensemble, cela vous a plu ?",
        "Les explications étaient claires ?",
        "Vous êtes plus à l’aise avec le numérique ?",
        "Vous le conseilleriez à une personne que vous connaissez ?",
    ]

    /// The four answers, from 1 to 4.
    public static let echelle = ["pas du tout", "plutôt non", "plutôt oui", "tout à fait"]

    /// The open question.
    public static let questionAide = "Qu’est-ce qui vous a le plus aidé ?"

    /// Asked before keeping any testimony.
    public static let questionCitation = "Pouvons-nous citer ce que vous avez dit dans notre bilan ?"

    /// An answer of the scale from what a person types: 1 to 4, or the words.
    public static func note(_ texte: String) -> Int? {
        let cle = NormalisationTitre.cle(texte)
        if let n = Int(cle), (1...4).contains(n) { return n }
        return echelle.firstIndex { NormalisationTitre.cle($0) == cle }.map { $0 + 1 }
    }

    /// Satisfied: « plutôt oui » or « tout à fait » to the overall question.
    public static func satisfait(_ note: Int?) -> Bool { (note ?? 0) >= 3 }
}

/// How the questionnaire was answered.
public enum ModeReponse: String, ValeurCodee {
    case avecFormateur = "avec_formateur"
    case seul

    public var libelle: String {
        switch self {
        case .avecFormateur: "avec la formatrice ou le formateur"
        case .seul: "seule ou seul"
        }
    }
}

/// Whether, and how, what the person said may be quoted. Without consent nothing is kept to quote.
public enum Citation: String, ValeurCodee {
    case non
    /// Quoted without identity (the default when the person agrees).
    case anonyme
    /// Quoted with the first name or pseudonym.
    case prenom

    public var libelle: String {
        switch self {
        case .non: "pas de citation"
        case .anonyme: "citation sans nom"
        case .prenom: "citation avec le prénom"
        }
    }
}

/// One answered questionnaire, at the end of a cohort or after an accompaniment.
public struct ReponseSatisfaction: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var date: Jour
    public var questionnaire: String
    /// The learner; nil for an anonymous person after an accompaniment.
    public var apprenantId: Int64?
    /// What it is about: one cohort, or one accompaniment.
    public var cohorteId: Int64?
    public var accompagnementId: Int64?
    public var mode: ModeReponse
    /// One per question of ``QuestionnaireSatisfaction/questions``, 1 to 4; nil: no answer.
    public var notes: [Int?]
    /// « Qu'est-ce qui vous a le plus aidé ? » — kept only when the person agrees to be quoted.
    public var aide: String?
    public var citation: Citation
    /// What else the person wants to say, kept only with ``citation`` other than ``Citation/non``.
    public var temoignage: String?
    /// Chosen by the structure for its bilan.
    public var retenu: Bool

    public init(id: Int64? = nil, date: Jour, questionnaire: String = QuestionnaireSatisfaction.version, apprenantId: Int64?, cohorteId: Int64? = nil,
                accompagnementId: Int64? = nil, mode: ModeReponse, notes: [Int?], aide: String? = nil, citation: Citation = .non,
                temoignage: String? = nil, retenu: Bool = false) {
        self.id = id
        self.date = date
        self.questionnaire = questionnaire
        self.apprenantId = apprenantId
        self.cohorteId = cohorteId
        self.accompagnementId = accompagnementId
        self.mode = mode
        self.notes = notes
        self.aide = aide
        self.citation = citation
        self.temoignage = temoignage
        self.retenu = retenu
    }
}
