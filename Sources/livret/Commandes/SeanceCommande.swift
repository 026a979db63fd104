import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret seance ajouter` and `livret presence saisir`.
struct SeanceCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seance",
        abstract: "Ajouter ou lister les séances d'une cohorte.",
        subcommands: [Ajouter.self, Lister.self]
    )

    struct Ajouter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ajouter une séance datée à une cohorte.",
            discussion: "Exemple : livret seance ajouter fen-2024 --date 2024-03-04 --duree 165 --theme \"Diagnostic\"")
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le code de la cohorte.") var cohorte: String
        @Option(help: "Durée prévue, en minutes.") var duree: Int
        @Option(help: "Le thème de la séance.") var theme: String?

        func validate() throws {
            if duree <= 0 || duree > 600 { throw ValidationError("La durée doit être comprise entre 1 et 600 minutes.") }
        }

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let seance = try base { () throws(ErreurBase) in try db.ajouterSeance(cohorte: cohorte, date: jour, minutesPrevues: duree, theme: theme, auteurId: auteur.id!) }
            Sortie.ligne("Séance n° \(seance.id!) ajoutée à « \(cohorte) » le \(jour.francais) (\(duree) min).")
            Sortie.ligne("Saisir les présences : livret presence saisir \(seance.id!) A-0001 A-0002:absent A-0003:90")
        }
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lister les séances d'une cohorte.")
        @OptionGroup var options: OptionsBase
        @Argument(help: "Le code de la cohorte.") var cohorte: String
        @Flag(help: "Écrire la liste en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let c = try base { () throws(ErreurBase) in try db.cohorte(cohorte) }
            let seances = try base { () throws(ErreurBase) in try db.seances(cohorteId: c.id!) }
            if json { try Sortie.json(seances); return }
            Sortie.ligne(Tableau.texte(entetes: ["N°", "Date", "Durée", "Thème"], lignes: seances.map {
                [String($0.id!), $0.date.francais, "\($0.minutesPrevues) min", $0.theme ?? ""]
            }))
        }
    }
}

struct PresenceCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presence",
        abstract: "Saisir les présences d'une séance entière.",
        subcommands: [Saisir.self]
    )

    struct Saisir: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Saisir les présences d'une séance entière, en une fois.",
            discussion: """
            Chaque apprenant s'écrit IDENTIFIANT (présent toute la séance), IDENTIFIANT:absent, \
            IDENTIFIANT:excuse ou IDENTIFIANT:MINUTES (présent ce nombre de minutes).
            Exemple : livret presence saisir 12 A-0001 A-0002:absent A-0003:excuse A-0004:90
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le numéro de la séance (voir « livret seance lister »).") var seance: Int64
        @Argument(help: "Les apprenants et leur présence.") var saisies: [String]

        func run() throws {
            let lignes = try saisies.map { saisie -> (identifiant: String, statut: StatutPresence, minutes: Int?) in
                let parties = saisie.split(separator: ":", maxSplits: 1).map(String.init)
                guard let identifiant = parties.first, !identifiant.isEmpty else { throw ErreurUtilisateur("saisie vide.") }
                guard parties.count == 2 else { return (identifiant, .present, nil) }
                if let minutes = Int(parties[1]) { return (identifiant, .present, minutes) }
                guard let statut = StatutPresence.depuis(parties[1]) else {
                    throw ErreurUtilisateur("« \(saisie) » : après les deux-points, écrivez absent, excuse, present ou un nombre de minutes.")
                }
                return (identifiant, statut, nil)
            }
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            try base { () throws(ErreurBase) in try db.saisirPresences(seanceId: seance, lignes, auteurId: auteur.id!, date: jour) }
            let presents = lignes.filter { $0.statut == .present }.count
            Sortie.ligne("Présences de la séance n° \(seance) enregistrées : \(presents) présent\(presents > 1 ? "s" : ""), \(lignes.count - presents) absent\(lignes.count - presents > 1 ? "s" : "") ou excusé\(lignes.count - presents > 1 ? "s" : "").")
        }
    }
}
