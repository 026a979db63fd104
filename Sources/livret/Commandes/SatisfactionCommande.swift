import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret satisfaction …`: the questionnaire at the end of a cohort or after an accompaniment.
struct SatisfactionCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction",
        abstract: "Noter les questionnaires de satisfaction et choisir les témoignages du bilan.",
        subcommands: [Noter.self, Lister.self, Retenir.self]
    )

    /// The questions and the scale, for the help.
    static let questionnaire: String = {
        let questions = QuestionnaireSatisfaction.questions.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        let echelle = QuestionnaireSatisfaction.echelle.enumerated().map { "\($0.offset + 1) = \($0.element)" }.joined(separator: ", ")
        return "Les questions :\n\(questions)\nRéponses : \(echelle) ; une case vide si la personne ne répond pas.\n"
            + "Puis : « \(QuestionnaireSatisfaction.questionAide) » (--aide) et « \(QuestionnaireSatisfaction.questionCitation) » (--citation)."
    }()

    struct Noter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Noter les réponses d'une personne au questionnaire, sur une cohorte ou sur un accompagnement.",
            discussion: """
            \(SatisfactionCommande.questionnaire)
            Ce que la personne dit (--aide, --temoignage) n'est gardé que si elle accepte d'être citée : \
            --citation anonyme (sans son nom) ou --citation prenom (avec son prénom ou son pseudonyme).
            Exemples :
              livret satisfaction noter A-0001 --cohorte fen-2024 --reponses 4,3,4,4
              livret satisfaction noter --accompagnement 12 --reponses 4,,3,4 \\
                  --citation anonyme --aide "La patience"
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de la personne (obligatoire pour une cohorte ; rien pour une personne anonyme).") var identifiant: String?
        @Option(help: ArgumentHelp("La cohorte sur laquelle porte le questionnaire.", valueName: "CODE")) var cohorte: String?
        @Option(help: ArgumentHelp("Le numéro de l'accompagnement sur lequel il porte.", valueName: "N")) var accompagnement: Int64?
        @Option(help: ArgumentHelp("Les 4 réponses dans l'ordre, de 1 à 4, séparées par des virgules (4,3,4,3 ; 4,,3,4 sans réponse à la 2e).",
                                   valueName: "REPONSES"))
        var reponses: String
        @Option(help: ArgumentHelp("Ce qui l'a le plus aidée, avec ses mots (seulement avec --citation anonyme ou prenom).", valueName: "TEXTE"))
        var aide: String?
        @Option(help: ArgumentHelp("Accepte-t-elle d'être citée ? non (par défaut), anonyme ou prenom.", valueName: "ACCORD"))
        var citation: String?
        @Option(help: ArgumentHelp("Ce qu'elle veut dire d'autre (seulement avec --citation anonyme ou prenom).", valueName: "TEXTE"))
        var temoignage: String?
        @Flag(help: "La personne a répondu seule (sinon avec la formatrice ou le formateur).") var seul = false

        /// « 4,,3,4 » → [4, nil, 3, 4].
        static func notes(_ texte: String) throws -> [Int?] {
            let morceaux = texte.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let attendu = QuestionnaireSatisfaction.questions.count
            guard morceaux.count == attendu else {
                throw ErreurUtilisateur("--reponses « \(texte) » : \(Accord.nombre(morceaux.count, "réponse")) au lieu de \(attendu), une par question "
                                        + "dans l'ordre, séparées par des virgules (laissez vide une question sans réponse : 4,,3,4).")
            }
            return try morceaux.enumerated().map { i, morceau in
                if morceau.isEmpty { return nil }
                guard let note = QuestionnaireSatisfaction.note(morceau) else {
                    throw ErreurUtilisateur("--reponses : « \(morceau) » à la question \(i + 1) ; répondez de 1 (pas du tout) à 4 (tout à fait), ou laissez vide.")
                }
                return note
            }
        }

        func run() throws {
            guard (cohorte == nil) != (accompagnement == nil) else {
                throw ErreurUtilisateur("dites sur quoi porte le questionnaire : --cohorte CODE ou --accompagnement N, l'un ou l'autre.")
            }
            let notes = try Self.notes(reponses)
            let accord = try Saisie.option(citation, "--citation", Citation.self) ?? .non
            let textes = [aide.map { _ in "--aide" }, temoignage.map { _ in "--temoignage" }].compactMap { $0 }
            if accord == .non && !textes.isEmpty {
                throw ErreurUtilisateur("\(textes.joined(separator: " et ")) : la personne doit accepter d'être citée pour que ses mots soient gardés. "
                                        + "Demandez-lui : « \(QuestionnaireSatisfaction.questionCitation) » Si elle accepte, ajoutez --citation anonyme "
                                        + "(sans son nom) ou --citation prenom ; sinon, retirez \(textes.joined(separator: " et ")).")
            }
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let saisie = ServiceQualite.SaisieSatisfaction(identifiant: identifiant, cohorte: cohorte, accompagnement: accompagnement,
                                                          mode: seul ? .seul : .avecFormateur, notes: notes, aide: aide, citation: accord,
                                                          temoignage: temoignage)
            let r = try ServiceQualite.noterSatisfaction(db: db, saisie: saisie, auteur: auteur, jour: jour)
            let sur = cohorte.map { "cohorte « \($0) »" } ?? "accompagnement n° \(accompagnement!)"
            Sortie.ligne("Questionnaire n° \(r.id!) noté (\(identifiant.map { "\($0), " } ?? "")\(sur)) : \(AffichageSatisfaction.reponses(r.notes)).")
            if r.aide != nil || r.temoignage != nil {
                Sortie.ligne("Ses mots sont gardés (\(r.citation.libelle)). Pour les citer dans le bilan : livret satisfaction retenir \(r.id!)")
            }
        }
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lister les questionnaires notés, du plus récent au plus ancien.")
        @OptionGroup var options: OptionsBase
        @Option(help: ArgumentHelp("Depuis ce jour (AAAA-MM-JJ ou JJ/MM/AAAA).", valueName: "DATE")) var du: String?
        @Option(help: ArgumentHelp("Jusqu'à ce jour inclus.", valueName: "DATE")) var au: String?
        @Flag(help: "Écrire la liste en JSON.") var json = false

        func run() throws {
            let debut = try du.map { try OptionsEcriture.jour($0, champ: "--du") }
            let fin = try au.map { try OptionsEcriture.jour($0, champ: "--au") }
            let db = try options.ouvrir()
            let liste = try base { () throws(ErreurBase) in try db.satisfactions(du: debut, au: fin) }
            if json { try Sortie.json(liste.map(SatisfactionJSON.init)); return }
            guard !liste.isEmpty else { return Sortie.ligne("Aucun questionnaire noté\(AffichageAccompagnement.periode(debut, fin)).") }
            Sortie.ligne(Tableau.texte(
                entetes: ["N°", "Date", "Sur quoi", "Personne", "Réponses", "Citation", "Ses mots", "Bilan"],
                lignes: liste.map { lu in
                    let r = lu.reponse
                    let mots = [r.aide, r.temoignage].compactMap { $0 }.joined(separator: " / ")
                    return [String(r.id!), r.date.francais, lu.contexte, lu.identifiant ?? "anonyme", AffichageSatisfaction.reponses(r.notes),
                            r.citation.libelle, RegleTexte.visible(mots, maximum: 40), r.retenu ? "témoignage retenu" : ""]
                }))
            let satisfaits = liste.filter { QuestionnaireSatisfaction.satisfait($0.reponse.notes.first ?? nil) }.count
            Sortie.ligne("\(Accord.nombre(liste.count, "questionnaire")), dont \(Accord.nombre(satisfaits, "personne satisfaite", "personnes satisfaites")) "
                         + "(« plutôt oui » ou « tout à fait » à la première question).")
        }
    }

    struct Retenir: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Choisir un témoignage pour le bilan (ou le retirer avec --retirer).",
            discussion: """
            Seuls les mots d'une personne qui a accepté d'être citée peuvent être retenus ; le bilan les cite \
            sans nom, ou avec son prénom si elle l'a accepté.
            Exemple : livret satisfaction retenir 3
            """)
        @OptionGroup var options: OptionsBase
        @Argument(help: "Le numéro du questionnaire (voir « livret satisfaction lister »).") var numero: Int64
        @Flag(help: "Ne plus citer ce témoignage dans le bilan.") var retirer = false

        func run() throws {
            let db = try options.ouvrir()
            try ServiceQualite.retenirTemoignage(db: db, id: numero, retenu: !retirer)
            Sortie.ligne(retirer ? "Le témoignage du questionnaire n° \(numero) n'est plus cité dans le bilan."
                                 : "Le témoignage du questionnaire n° \(numero) est retenu pour le bilan.")
        }
    }
}

enum AffichageSatisfaction {
    /// « 4, 3, –, 3 ».
    static func reponses(_ notes: [Int?]) -> String {
        notes.map { $0.map(String.init) ?? "–" }.joined(separator: ", ")
    }
}

/// One questionnaire in `satisfaction lister --json` (an unanswered question is `null`).
struct SatisfactionJSON: Encodable {
    var id: Int64?
    var date: Jour
    var questionnaire: String
    var sur: String
    var identifiant: String?
    var cohorteId: Int64?
    var accompagnementId: Int64?
    var mode: ModeReponse
    var reponses: [Int?]
    var aide: String?
    var citation: Citation
    var temoignage: String?
    var retenu: Bool

    init(_ lu: ReponseLue) {
        let r = lu.reponse
        id = r.id
        date = r.date
        questionnaire = r.questionnaire
        sur = lu.contexte
        identifiant = lu.identifiant
        cohorteId = r.cohorteId
        accompagnementId = r.accompagnementId
        mode = r.mode
        reponses = r.notes
        aide = r.aide
        citation = r.citation
        temoignage = r.temoignage
        retenu = r.retenu
    }
}
