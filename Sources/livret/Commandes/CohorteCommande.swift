import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret cohorte …`: runs of a parcours, enrolment, dashboard, statuses, closing.
struct CohorteCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohorte",
        abstract: "Créer une cohorte, y inscrire des apprenants, suivre son tableau de bord, la clôturer.",
        subcommands: [Creer.self, Inscrire.self, Lister.self, Montrer.self, Statut.self, Cloturer.self]
    )

    struct Creer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Créer une cohorte d'un parcours.",
            discussion: "Exemple : livret cohorte creer fen-2024 --parcours femmes-et-numerique --debut 2024-03-04")
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le code de la cohorte (court, sans espace : fen-2024).") var code: String
        @Option(help: "Le modèle de parcours (voir « livret parcours lister »).") var parcours: String
        @Option(help: "Le titre (sinon celui du parcours).") var titre: String?
        @Option(help: "Date de début (AAAA-MM-JJ).") var debut: String
        @Option(help: "Date de fin prévue (AAAA-MM-JJ).") var fin: String?

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let catalogue = try ChargementCatalogue.catalogue()
            guard let modele = catalogue.modeleParcours(parcours) else {
                throw ErreurUtilisateur("le parcours « \(parcours) » n'existe pas. Parcours connus : \(catalogue.parcours.map(\.code).joined(separator: ", ")).")
            }
            let debut = try OptionsEcriture.jour(debut, champ: "--debut")
            let fin = try fin.map { try OptionsEcriture.jour($0, champ: "--fin") }
            if let fin, fin < debut { throw ErreurUtilisateur("la fin (\(fin.francais)) est avant le début (\(debut.francais)).") }
            let instance = try base { () throws(ErreurBase) in try db.parcours(depuis: modele) }
            let cohorte = try base { () throws(ErreurBase) in
                try db.creerCohorte(Cohorte(code: code, parcoursId: instance.id!, titre: titre ?? modele.entete.titre, debut: debut, fin: fin, creePar: auteur.id!))
            }
            Sortie.ligne("Cohorte « \(cohorte.code) » créée (\(modele.entete.titre), début le \(debut.francais)).")
        }
    }

    struct Inscrire: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Inscrire des apprenants dans une cohorte (tous ou aucun).")
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le code de la cohorte.") var cohorte: String
        @Argument(help: "Les identifiants des apprenants.") var apprenants: [String]

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            try base { () throws(ErreurBase) in try db.inscrire(identifiants: apprenants, cohorte: cohorte, auteurId: auteur.id!, date: jour) }
            Sortie.ligne("\(apprenants.count) inscription\(apprenants.count > 1 ? "s" : "") dans « \(cohorte) ».")
        }
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lister les cohortes.")
        @OptionGroup var options: OptionsBase
        @Flag(help: "Écrire la liste en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let cohortes = try base { () throws(ErreurBase) in try db.cohortes() }
            let completions = try base { () throws(ErreurBase) in try db.completions() }
            let parCode = Dictionary(uniqueKeysWithValues: completions.map { ($0.cohorte, $0) })
            if json {
                try Sortie.json(cohortes.map { LigneJSON(cohorte: $0, effectifs: parCode[$0.code]) })
                return
            }
            if cohortes.isEmpty { Sortie.ligne("Aucune cohorte. Créez-en une avec « livret cohorte creer »."); return }
            Sortie.ligne(Tableau.texte(entetes: ["Code", "Titre", "Début", "Inscrits", "Terminés", "Abandons", "État"], lignes: cohortes.map { c in
                let n = parCode[c.code]
                return [c.code, c.titre, c.debut.francais, String(n?.inscrits ?? 0), String(n?.termines ?? 0), String(n?.abandons ?? 0), c.cloturee ? "clôturée" : "ouverte"]
            }))
        }
    }

    /// One cohort with its counts, for `cohorte lister --json`.
    struct LigneJSON: Encodable {
        var cohorte: Cohorte
        var effectifs: CompletionCohorte?
    }

    struct Montrer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Le tableau de bord d'une cohorte : qui vient, qui est en retard, qui est prêt pour la certification.")
        @OptionGroup var options: OptionsBase
        @Argument(help: "Le code de la cohorte.") var cohorte: String
        @Flag(help: "Écrire le tableau en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue()
            let c = try base { () throws(ErreurBase) in try db.cohorte(cohorte) }
            let lignes = try base { () throws(ErreurBase) in try db.tableauDeBord(cohorte: cohorte, catalogue: catalogue) }
            if json { try Sortie.json(lignes); return }
            let seances = try base { () throws(ErreurBase) in try db.seances(cohorteId: c.id!) }
            Sortie.ligne("Cohorte \(c.code) — \(c.titre), depuis le \(c.debut.francais)\(c.cloturee ? " (clôturée)" : "")")
            Sortie.ligne("\(seances.count) séances, \(Format.heures(Double(seances.reduce(0) { $0 + $1.minutesPrevues }) / 60)) prévues à ce jour")
            Sortie.ligne("")
            Sortie.ligne(Tableau.texte(entetes: ["Apprenant", "Nom", "Statut", "Heures", "Assiduité", "Terminé", "Certifiable", "Certifiées"], lignes: lignes.map { l in
                [l.identifiant, l.nom, l.statut.libelle, Format.heures(l.bilan.heuresSuivies), Format.pourcentage(l.bilan.assiduite),
                 l.bilan.completionAtteinte ? "oui" : "non", l.bilan.certifiable ? "oui" : "non", String(l.bilan.competencesCertifiees.count)]
            }))
        }
    }

    struct Statut: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Changer le statut d'un apprenant dans la cohorte (en_cours, termine, abandon) et noter sa sortie.",
            discussion: "Exemples :\n  livret cohorte statut fen-2024 A-0003 abandon --motif \"déménagement\"\n  livret cohorte statut fen-2024 A-0001 termine --sortie certification")
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le code de la cohorte.") var cohorte: String
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Argument(help: "Le nouveau statut : en_cours, termine ou abandon.") var statut: String
        @Option(help: "Le motif (obligatoire pour un abandon).") var motif: String?
        @Option(help: "Une sortie positive : certification, emploi, formation ou autre.") var sortie: String?

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            guard let nouveau = try Saisie.valeur(statut, "le statut", StatutInscription.self) else { throw ErreurUtilisateur("indiquez un statut.") }
            let typeSortie = try Saisie.valeur(sortie, "--sortie", TypeSortie.self)
            try base { () throws(ErreurBase) in
                try db.changerStatut(apprenant: apprenant, cohorte: cohorte, statut: nouveau, motif: motif, sortie: typeSortie,
                                     auteurId: auteur.id!, date: jour)
            }
            Sortie.ligne("\(apprenant) : \(nouveau.libelle) dans « \(cohorte) »\(typeSortie.map { ", sortie « \($0.libelle) »" } ?? "").")
        }
    }

    struct Cloturer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clôturer une cohorte : plus de séance ni de présence.")
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le code de la cohorte.") var cohorte: String

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            try base { () throws(ErreurBase) in try db.cloturerCohorte(cohorte, auteurId: auteur.id!, date: jour) }
            Sortie.ligne("Cohorte « \(cohorte) » clôturée le \(jour.francais).")
        }
    }
}
