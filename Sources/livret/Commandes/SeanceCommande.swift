import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret seance ajouter` and `livret presence saisir`.
struct SeanceCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seance",
        abstract: "Ajouter ou lister les séances d'une cohorte.",
        subcommands: [Ajouter.self, Lister.self, Supprimer.self]
    )

    struct Ajouter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ajouter une séance datée à une cohorte.",
            discussion: """
            La séance est datée du jour de l'action (--date). Elle doit tomber entre le début et la fin prévue \
            de la cohorte ; une séance de rattrapage en dehors se confirme avec --hors-dates. Une cohorte \
            clôturée n'accepte plus de séance. Durée : de 1 à 600 minutes.
            Exemple : livret seance ajouter fen-2024 --date 2024-03-04 --duree 165 --theme "Diagnostic"
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le code de la cohorte.") var cohorte: String
        @Option(help: "Durée prévue, en minutes.") var duree: Int
        @Option(help: "Le thème de la séance.") var theme: String?
        @Flag(help: "Confirmer une séance en dehors des dates de la cohorte (rattrapage).") var horsDates = false

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let seance = try ServiceSuivi.ajouterSeance(db: db, cohorte: cohorte, minutes: duree, theme: theme, horsDates: horsDates, auteur: auteur, jour: jour)
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
            let seances = try base { () throws(ErreurBase) in try db.seances(cohorte: cohorte) }
            if json { try Sortie.json(seances); return }
            let appels = try seances.map { s in EtatAppel(try base { () throws(ErreurBase) in try db.feuilleAppel(seanceId: s.id!) }) }
            Sortie.ligne(Tableau.texte(entetes: ["N°", "Date", "Durée", "Thème", "Appel"], lignes: zip(seances, appels).map { s, appel in
                [String(s.id!), s.date.francais, "\(s.minutesPrevues) min", s.theme ?? "", appel.saisis == 0 ? "à faire" : appel.libelle]
            }))
        }
    }

    struct Supprimer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Supprimer une séance créée par erreur, avec ses présences.",
            discussion: """
            Tout se fait en une fois ; le journal garde la date, la durée, le nombre de présences supprimées, \
            qui l'a fait et pourquoi. Sans --confirmer, montre seulement ce qui serait supprimé.
            Exemple : livret seance supprimer 31 --motif "ajoutée par erreur à la mauvaise cohorte" --confirmer
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le numéro de la séance (voir « livret seance lister »).") var seance: Int64
        @Option(help: "Pourquoi la séance est supprimée.") var motif: String?
        @Flag(help: "Confirmer la suppression.") var confirmer = false

        func run() throws {
            let db = try options.ouvrir()
            let feuille = try base { () throws(ErreurBase) in try db.feuilleAppel(seanceId: seance) }
            let appel = EtatAppel(feuille)
            guard confirmer else {
                Sortie.ligne("La séance n° \(seance) du \(feuille.seance.date.francais) (cohorte « \(feuille.cohorte) », \(feuille.seance.minutesPrevues) min) "
                             + "serait supprimée avec \(Accord.nombre(appel.saisis, "présence saisie", "présences saisies")).")
                Sortie.ligne("Pour le faire : livret seance supprimer \(seance) --motif \"…\" --confirmer")
                return
            }
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let supprimee = try ServiceSuivi.supprimerSeance(db: db, id: seance, motif: motif ?? "", auteur: auteur, jour: jour)
            Sortie.ligne("Séance n° \(seance) du \(supprimee.seance.date.francais) supprimée de « \(supprimee.cohorte) », avec "
                         + "\(Accord.nombre(supprimee.presences, "présence")) ; noté au journal.")
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
            IDENTIFIANT:excuse ou IDENTIFIANT:MINUTES (présent ce nombre de minutes, au plus la durée de la séance). \
            Saisir de nouveau une personne corrige sa présence : le journal garde l'ancienne valeur.
            Exemple : livret presence saisir 12 A-0001 A-0002:absent A-0003:excuse A-0004:90
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le numéro de la séance (voir « livret seance lister »).") var seance: Int64
        @Argument(help: "Les apprenants et leur présence.") var saisies: [String]

        func run() throws {
            let lignes = try saisies.map { saisie -> SaisiePresence in
                let parties = saisie.split(separator: ":", maxSplits: 1).map(String.init)
                guard let identifiant = parties.first, !identifiant.isEmpty else { throw ErreurUtilisateur("saisie vide.") }
                guard parties.count == 2 else { return SaisiePresence(identifiant: identifiant, statut: .present, minutes: nil) }
                if let minutes = Int(parties[1]) { return SaisiePresence(identifiant: identifiant, statut: .present, minutes: minutes) }
                guard let statut = StatutPresence.depuis(parties[1]) else {
                    throw ErreurUtilisateur("« \(saisie) » : après les deux-points, écrivez absent, excuse, present ou un nombre de minutes.")
                }
                return SaisiePresence(identifiant: identifiant, statut: statut, minutes: nil)
            }
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let etat = try ServiceSuivi.saisirAppel(db: db, seance: seance, lignes, auteur: auteur, jour: jour)
            let presents = lignes.filter { $0.statut == .present }.count
            Sortie.ligne("Présences de la séance n° \(seance) enregistrées : \(Accord.nombre(presents, "présent")), \(Accord.nombre(lignes.count - presents, "absent ou excusé", "absents ou excusés")).")
            if !etat.complet {
                Sortie.ligne("Appel partiel : \(etat.libelle) pour cette séance.")
            }
        }
    }
}
