/// What an accompaniment, a questionnaire and a follow-up may hold: one place for the bounds
/// every front end (command line, CSV sign-in sheets, terminal UI) checks.
public enum RegleAccompagnement {
    /// A visit or an appointment lasts from 5 minutes to 10 hours.
    public static let dureeMinutes = 5...600
    /// Longest place name.
    public static let longueurLieu = 80
    /// Follow-ups are recorded from 1 to 36 months after the action.
    public static let delaisMois = 1...36
    /// The usual delays, offered first.
    public static let delaisUsuels = [3, 6]
    /// The age of majority, for « mineurs / adultes ».
    public static let ageMajorite = 18

    /// Checks an accompaniment before it is written.
    public static func verifier(_ a: Accompagnement) throws(ErreurRegle) {
        try RegleDates.verifier(a.date, champ: "date")
        guard dureeMinutes.contains(a.minutes) else {
            throw ErreurRegle("\(a.minutes) minutes : un accompagnement dure de \(dureeMinutes.lowerBound) à \(dureeMinutes.upperBound) minutes.")
        }
        if (a.apprenantId == nil) == (a.anonyme == nil) {
            throw ErreurRegle("un accompagnement concerne une personne suivie (son identifiant) ou une personne anonyme (son sexe et sa tranche d’âge), pas les deux.")
        }
        if let nom = a.lieuNom { try RegleTexte.verifier(nom, champ: "le lieu", maximum: longueurLieu) }
        if let note = a.note { try RegleTexte.verifier(note, champ: "la note", maximum: RegleTexte.longueurNote, plusieursLignes: true) }
        if a.materiel.contains(.aucun) && a.materiel.count > 1 {
            throw ErreurRegle("« pas de matériel » ne va pas avec un autre matériel : choisissez l’un ou l’autre.")
        }
    }

    /// Checks an answered questionnaire: every answer from 1 to 4, texts kept only with consent.
    public static func verifier(_ r: ReponseSatisfaction) throws(ErreurRegle) {
        try RegleDates.verifier(r.date, champ: "date")
        guard r.notes.count == QuestionnaireSatisfaction.questions.count else {
            throw ErreurRegle("le questionnaire compte \(QuestionnaireSatisfaction.questions.count) questions : \(r.notes.count) réponses reçues.")
        }
        for (i, note) in r.notes.enumerated() where note.map({ !(1...4).contains($0) }) ?? false {
            throw ErreurRegle("réponse \(note!) à la question \(i + 1) : répondez de 1 (pas du tout) à 4 (tout à fait), ou laissez vide.")
        }
        if r.notes.allSatisfy({ $0 == nil }) { throw ErreurRegle("aucune réponse : le questionnaire n’est pas enregistré.") }
        if (r.cohorteId == nil) == (r.accompagnementId == nil) {
            throw ErreurRegle("un questionnaire porte sur une cohorte ou sur un accompagnement.")
        }
        if r.citation == .non && (r.aide != nil || r.temoignage != nil || r.retenu) {
            throw ErreurRegle("sans accord pour être citée ou cité, la réponse libre et le témoignage ne sont pas gardés.")
        }
        for (texte, champ) in [(r.aide, "la réponse libre"), (r.temoignage, "le témoignage")] {
            if let texte { try RegleTexte.verifier(texte, champ: champ, maximum: RegleTexte.longueurNote, plusieursLignes: true) }
        }
    }

    /// Checks a follow-up: its delay, and details that fit its situation.
    public static func verifier(_ s: SuiviApresAction) throws(ErreurRegle) {
        try RegleDates.verifier(s.date, champ: "date")
        guard delaisMois.contains(s.delaiMois) else {
            throw ErreurRegle("\(s.delaiMois) mois : un suivi se note de \(delaisMois.lowerBound) à \(delaisMois.upperBound) mois après l’action.")
        }
        if s.situation != .emploi && (s.contrat != nil || s.tempsPartiel != nil) {
            throw ErreurRegle("le contrat et le temps partiel se notent pour un emploi seulement.")
        }
        if !s.situation.positive && s.enLienAvecFormation != nil {
            throw ErreurRegle("« en lien avec la formation » se note pour un emploi ou une formation seulement.")
        }
        for (texte, champ) in [(s.precision, "la précision"), (s.motif, "le motif")] {
            if let texte { try RegleTexte.verifier(texte, champ: champ, maximum: RegleTexte.longueurNote, plusieursLignes: true) }
        }
    }
}
