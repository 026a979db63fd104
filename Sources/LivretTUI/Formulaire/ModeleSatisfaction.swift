import LivretCore
import LivretServices

/// The satisfaction questionnaire after a visit: the four questions, each answered by one digit
/// (1 pas du tout … 4 tout à fait) then Entrée, how it was answered, and the consent to be quoted
/// asked before any free text: without it, the free answers are not even shown.
struct ModeleSatisfaction: ModeleFormulaire {
    var accompagnement: Int64
    /// The person followed; nil for an anonymous person (then no quote « avec son prénom »).
    var identifiant: String?
    /// How the screen names the person (« A-0001 Awa Traoré », « anonyme — féminin, 18–24 ans »).
    var qui: String

    static let modes: [ModeReponse] = [.avecFormateur, .seul]
    var citations: [Citation] { identifiant == nil ? [.anonyme] : [.anonyme, .prenom] }

    var titre: String { "Satisfaction" }
    var introduction: String {
        "Le questionnaire de \(qui). Lisez chaque question ; un chiffre de 1 (pas du tout) à 4 (tout à fait), puis Entrée."
    }
    var bouton: String { "Noter le questionnaire" }

    func champs() -> [ChampFormulaire] {
        let echelle = QuestionnaireSatisfaction.echelle.enumerated().map { "\($0.offset + 1) \($0.element)" } + ["pas de réponse"]
        let questions = QuestionnaireSatisfaction.questions.enumerated().map { i, question in
            ChampFormulaire.choix("q\(i)", "Question \(i + 1)", aide: question + " — 1 pas du tout, 2 plutôt non, 3 plutôt oui, 4 tout à fait.",
                                  echelle, choisie: echelle.count - 1)
        }
        return questions + [
            .choix("mode", "Répondu", aide: "La personne a répondu avec vous, ou seule.", Self.modes.map(\.libelle)),
            .coche("accord", "Accord pour citer", aide: "Demandez : « \(QuestionnaireSatisfaction.questionCitation) » Sans son accord, rien de ce qu'elle dit n'est gardé."),
            .choix("citation", "Citer", aide: "Comment la citer dans le bilan.", citations.map(\.libelle), siCoche: "accord"),
            .texte("aide", "Ce qui a aidé", aide: "« \(QuestionnaireSatisfaction.questionAide) » Ses mots, tels quels.",
                   longueurMax: RegleTexte.longueurNote, siCoche: "accord"),
            .texte("temoignage", "Autre chose", aide: "Facultatif : ce que la personne veut ajouter.", longueurMax: RegleTexte.longueurNote,
                   siCoche: "accord"),
        ]
    }

    func demande(_ f: Formulaire) -> Result<Demande, RefusSaisie> {
        let notes: [Int?] = QuestionnaireSatisfaction.questions.indices.map { i in
            let n = f.choix("q\(i)")
            return n < QuestionnaireSatisfaction.echelle.count ? n + 1 : nil
        }
        if notes.allSatisfy({ $0 == nil }) {
            return .failure(RefusSaisie("aucune réponse : un chiffre de 1 à 4 à au moins une question.", champ: "q0"))
        }
        let citation: Citation = f.coche("accord") ? citations[min(f.choix("citation"), citations.count - 1)] : .non
        return .success(.noterSatisfaction(ServiceQualite.SaisieSatisfaction(
            identifiant: identifiant, accompagnement: accompagnement, mode: Self.modes[f.choix("mode")], notes: notes,
            aide: citation == .non ? nil : f.texte("aide"), citation: citation, temoignage: citation == .non ? nil : f.texte("temoignage"))))
    }
}
