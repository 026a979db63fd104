/// Satisfaction as published for a scope: respondents and satisfied by sex (the CORIF grid's « part
/// des femmes et des hommes satisfaites et satisfaits »), and how everybody answered each question.
public struct SatisfactionPubliee: Sendable, Codable, Equatable {
    /// One line per sex, in ``Sexe`` order, then everybody (sexe nil).
    public struct Ligne: Sendable, Codable, Equatable {
        public let sexe: Sexe?
        public let repondants: ValeurPubliee
        /// « plutôt oui » or « tout à fait » to the overall question.
        public let satisfaits: ValeurPubliee
        /// satisfaits / repondants.
        public let part: TauxPublie

        /// "féminin", …, "ensemble".
        public var libelle: String { sexe?.libelle ?? "ensemble" }
    }

    /// How everybody answered one question: one count per level of the scale.
    public struct Question: Sendable, Codable, Equatable {
        public let question: String
        /// In ``QuestionnaireSatisfaction/echelle`` order.
        public let reponses: [ValeurPubliee]
        /// Each count over the respondents.
        public let parts: [TauxPublie]
    }

    public let lignes: [Ligne]
    public let questions: [Question]

    /// The line of everybody.
    public var ensemble: Ligne { lignes[lignes.count - 1] }
}

/// Follow-ups after the action, for one delay, by sex.
public struct SuiviPublie: Sendable, Codable, Equatable {
    /// One line per sex, in ``Sexe`` order, then everybody.
    public struct Ligne: Sendable, Codable, Equatable {
        public let sexe: Sexe?
        /// People followed at this delay.
        public let suivis: ValeurPubliee
        /// One per ``SituationApresAction``, in order.
        public let situations: [ValeurPubliee]
        /// Of those in employment: part-time.
        public let tempsPartiel: ValeurPubliee
        /// Of those in employment or training: matching what was learned.
        public let enLien: ValeurPubliee
        /// (emploi + formation) / suivis.
        public let partPositive: TauxPublie

        public var libelle: String { sexe?.libelle ?? "ensemble" }
    }

    /// Months after the action.
    public let delaiMois: Int
    public let lignes: [Ligne]

    /// "à 3 mois".
    public var titre: String { "à \(delaiMois) mois" }
}

/// A testimony the structure chose, quoted as the person agreed (without identity by default).
public struct TemoignagePublie: Sendable, Codable, Equatable {
    public let texte: String
    /// « une personne accompagnée », or the first name when the person agreed to it.
    public let signature: String
    /// « permanence, mars 2020 », « parcours Femmes et Numérique ».
    public let contexte: String

    public init(texte: String, signature: String, contexte: String) {
        self.texte = texte
        self.signature = signature
        self.contexte = contexte
    }
}
