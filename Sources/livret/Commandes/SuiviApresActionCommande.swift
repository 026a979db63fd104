import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret suivi …`: what became of a person some months after the action.
struct SuiviApresActionCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suivi",
        abstract: "Noter ce que deviennent les personnes quelques mois après l'action (emploi, formation…).",
        discussion: """
        Le suivi se fait d'habitude 3 et 6 mois après la fin d'une cohorte : « livret suivi a-faire » \
        dit qui appeler.
        """,
        subcommands: [Noter.self, Lister.self, AFaire.self]
    )

    struct Noter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Noter la situation d'une personne, quelques mois après la cohorte ou les accompagnements.",
            discussion: """
            Situations : emploi, formation, autre, sans-solution ou sans-nouvelles. Pour un emploi : le contrat \
            (cdi, cdd, interim, alternance, contrat-aide, independant ou autre) et --temps-partiel ou --temps-plein. \
            Pour un emploi ou une formation : --en-lien ou --sans-lien avec ce qui a été appris. Sans --cohorte, \
            le suivi porte sur les accompagnements en dehors des cohortes.
            Exemples :
              livret suivi noter A-0001 --cohorte fen-2024 --delai 3 --situation emploi \\
                  --contrat cdd --temps-partiel --en-lien --precision "agente d'accueil"
              livret suivi noter A-0002 --cohorte fen-2024 --delai 6 \\
                  --situation sans-solution --motif "garde d'enfants"
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de la personne.") var identifiant: String
        @Option(help: ArgumentHelp("La cohorte suivie (sinon : après des accompagnements).", valueName: "CODE")) var cohorte: String?
        @Option(help: ArgumentHelp("Combien de mois après l'action : 3, 6… (de 1 à 36).", valueName: "MOIS")) var delai: Int
        @Option(help: ArgumentHelp("emploi, formation, autre, sans-solution ou sans-nouvelles.", valueName: "SITUATION")) var situation: String
        @Option(help: ArgumentHelp("Pour un emploi : cdi, cdd, interim, alternance, contrat-aide, independant ou autre.", valueName: "CONTRAT"))
        var contrat: String?
        @Flag(help: "Pour un emploi : à temps partiel.") var tempsPartiel = false
        @Flag(help: "Pour un emploi : à temps plein.") var tempsPlein = false
        @Flag(help: "L'emploi ou la formation est en lien avec ce qui a été appris.") var enLien = false
        @Flag(help: "L'emploi ou la formation n'a pas de lien avec ce qui a été appris.") var sansLien = false
        @Option(help: ArgumentHelp("Quel emploi, quelle formation (« CAP petite enfance »).", valueName: "TEXTE")) var precision: String?
        @Option(help: ArgumentHelp("Sans emploi ni formation : ce qui fait encore obstacle.", valueName: "TEXTE")) var motif: String?

        /// True, false or nil from a pair of flags that exclude each other.
        static func choix(_ oui: Bool, _ non: Bool, _ options: String) throws -> Bool? {
            if oui && non { throw ErreurUtilisateur("\(options) : l'un ou l'autre, pas les deux.") }
            return oui ? true : non ? false : nil
        }

        func run() throws {
            guard let situation = try Saisie.option(situation, "--situation", SituationApresAction.self) else {
                throw ErreurUtilisateur("--situation : choisissez \(Saisie.choix(SituationApresAction.self)).")
            }
            let contrat = try Saisie.option(contrat, "--contrat", TypeContrat.self)
            let partiel = try Self.choix(tempsPartiel, tempsPlein, "--temps-partiel et --temps-plein")
            let lien = try Self.choix(enLien, sansLien, "--en-lien et --sans-lien")
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let s = try ServiceQualite.noterSuivi(db: db, identifiant: identifiant, cohorte: cohorte, delaiMois: delai, situation: situation,
                                                  contrat: contrat, tempsPartiel: partiel, enLien: lien, precision: precision, motif: motif,
                                                  auteur: auteur, jour: jour)
            Sortie.ligne("Suivi à \(s.delaiMois) mois noté pour \(identifiant) (\(cohorte.map { "cohorte « \($0) »" } ?? "hors cohorte")) : "
                         + AffichageSuiviApresAction.situation(s) + ".")
        }
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lister les suivis notés, du plus récent au plus ancien ; d'une personne quand elle est nommée.")
        @OptionGroup var options: OptionsBase
        @Argument(help: "L'identifiant d'une personne (sinon tout le monde).") var identifiant: String?
        @Flag(help: "Écrire la liste en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let apprenantId = try identifiant.map { id in try base { () throws(ErreurBase) in try db.apprenant(id) }.id! }
            let liste = try base { () throws(ErreurBase) in try db.suivisApresAction(apprenantId: apprenantId) }
            if json { try Sortie.json(liste.map(SuiviApresActionJSON.init)); return }
            guard !liste.isEmpty else {
                return Sortie.ligne(identifiant.map { "Aucun suivi noté pour \($0)." } ?? "Aucun suivi noté.")
            }
            Sortie.ligne(Tableau.texte(
                entetes: ["N°", "Date", "Personne", "Cohorte", "Délai", "Situation"],
                lignes: liste.map { lu in
                    let s = lu.suivi
                    return [String(s.id!), s.date.francais, lu.identifiant, lu.cohorte ?? "hors cohorte", "\(s.delaiMois) mois",
                            AffichageSuiviApresAction.situation(s)]
                }))
        }
    }

    struct AFaire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "a-faire",
            abstract: "Les suivis à faire : les personnes dont la cohorte a fini il y a 3 ou 6 mois, sans ce suivi.",
            discussion: "Exemple : livret suivi a-faire --date 2024-12-01")
        @OptionGroup var options: OptionsBase
        @OptionGroup var jour: OptionsJour
        @Flag(help: "Écrire la liste en JSON.") var json = false

        struct Ligne: Encodable {
            var identifiant: String
            var cohorte: String
            var fin: Jour
            var delaiMois: Int
            var du: Jour
        }

        func run() throws {
            let jour = try self.jour.jour()
            let db = try options.ouvrir()
            let liste = try base { () throws(ErreurBase) in try db.suivisAFaire(jour: jour) }.map { l in
                Ligne(identifiant: l.identifiant, cohorte: l.cohorte, fin: l.fin, delaiMois: l.delaiMois, du: l.fin.ajout(jours: l.delaiMois * 365 / 12))
            }
            if json { try Sortie.json(liste); return }
            guard !liste.isEmpty else { return Sortie.ligne("Aucun suivi à faire au \(jour.francais).") }
            Sortie.ligne("\(Accord.nombre(liste.count, "suivi à faire", "suivis à faire")) au \(jour.francais) :")
            Sortie.ligne(Tableau.texte(entetes: ["Personne", "Cohorte", "Fin de la cohorte", "Suivi", "Depuis le"], lignes: liste.map {
                [$0.identifiant, $0.cohorte, $0.fin.francais, "à \($0.delaiMois) mois", $0.du.francais]
            }))
            if let premier = liste.first {
                Sortie.ligne("Pour le noter : livret suivi noter \(premier.identifiant) --cohorte \(premier.cohorte) --delai \(premier.delaiMois) --situation …")
            }
        }
    }
}

enum AffichageSuiviApresAction {
    /// « en emploi, CDD, à temps partiel, en lien avec la formation (agente d'accueil) ».
    static func situation(_ s: SuiviApresAction) -> String {
        var morceaux = [s.situation.libelle]
        if let contrat = s.contrat { morceaux.append(contrat.libelle) }
        if let partiel = s.tempsPartiel { morceaux.append(partiel ? "à temps partiel" : "à temps plein") }
        if let lien = s.enLienAvecFormation { morceaux.append(lien ? "en lien avec la formation" : "sans lien avec la formation") }
        var texte = morceaux.joined(separator: ", ")
        if let precision = s.precision { texte += " (\(RegleTexte.visible(precision, maximum: 60)))" }
        if let motif = s.motif { texte += " — \(RegleTexte.visible(motif, maximum: 60))" }
        return texte
    }
}

/// One follow-up in `suivi lister --json`.
struct SuiviApresActionJSON: Encodable {
    var id: Int64?
    var identifiant: String
    var cohorte: String?
    var date: Jour
    var delaiMois: Int
    var situation: SituationApresAction
    var contrat: TypeContrat?
    var tempsPartiel: Bool?
    var enLienAvecFormation: Bool?
    var precision: String?
    var motif: String?

    init(_ lu: SuiviLu) {
        let s = lu.suivi
        id = s.id
        identifiant = lu.identifiant
        cohorte = lu.cohorte
        date = s.date
        delaiMois = s.delaiMois
        situation = s.situation
        contrat = s.contrat
        tempsPartiel = s.tempsPartiel
        enLienAvecFormation = s.enLienAvecFormation
        precision = s.precision
        motif = s.motif
    }
}
