import ArgumentParser
import LivretCore
import LivretExports
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
        @Argument(help: "Le code de la cohorte : 1 à 40 lettres sans accent, chiffres, « - » ou « _ » (fen-2024).") var code: String
        @Option(help: "Le modèle de parcours (voir « livret parcours lister »).") var parcours: String
        @Option(help: "Le titre (sinon celui du parcours).") var titre: String?
        @Option(help: "Date de début (AAAA-MM-JJ).") var debut: String
        @Option(help: "Date de fin prévue (AAAA-MM-JJ).") var fin: String?

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            let debut = try OptionsEcriture.jour(debut, champ: "--debut")
            let fin = try fin.map { try OptionsEcriture.jour($0, champ: "--fin") }
            let (cohorte, modele) = try ServiceSuivi.creerCohorte(db: db, catalogue: catalogue, code: code, parcours: parcours, titre: titre,
                                                                  debut: debut, fin: fin, auteur: auteur)
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
            try ServiceSuivi.inscrire(db: db, cohorte: cohorte, apprenants: apprenants, auteur: auteur, jour: jour)
            Sortie.ligne("\(Accord.nombre(apprenants.count, "inscription")) dans « \(cohorte) ».")
        }
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lister les cohortes.")
        @OptionGroup var options: OptionsBase
        @OptionGroup var jour: OptionsJour
        @Flag(help: "Écrire la liste en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let cohortes = try base { () throws(ErreurBase) in try db.cohortes() }
            let jour = try jour.jour()
            let completions = try base { () throws(ErreurBase) in try db.completions(au: jour) }
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
        static let configuration = CommandConfiguration(
            abstract: "Le tableau de bord d'une cohorte : qui vient, qui est en retard, qui est prêt pour la certification.",
            discussion: """
            Heures : les heures suivies (présences « présent »). Assiduité : heures suivies sur les heures \
            des séances déjà tenues (« prévues à ce jour »). Avancement : heures suivies sur les heures du \
            parcours (ou de toutes les séances prévues, si c'est plus). Statut « terminé » : décidé par le \
            formateur ; le critère d'achèvement du parcours (une part d'avancement, parfois la certification) \
            est vérifié à ce moment-là, et toute différence est dite.
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var jour: OptionsJour
        @Argument(help: "Le code de la cohorte.") var cohorte: String
        @Flag(help: "Écrire le tableau en JSON.") var json = false
        @Option(help: ArgumentHelp("Écrire le tableau dans ce classeur XLSX (données personnelles : fichier lisible par vous seul).", valueName: "FICHIER"))
        var xlsx: String?

        func run() throws {
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            let c = try base { () throws(ErreurBase) in try db.cohorte(cohorte) }
            let jour = try jour.jour()
            let lignes = try base { () throws(ErreurBase) in try db.tableauDeBord(cohorte: cohorte, catalogue: catalogue, au: jour) }
            if json { try Sortie.json(lignes); return }
            if let xlsx {
                let donnees = try EcritureClasseur.donnees(ListesClasseur.tableauDeBord(lignes, cohorte: c.code, titre: c.titre, jour: jour))
                return try Sortie.ecrire(donnees, vers: xlsx) { "Tableau de bord écrit : \($0)" }
            }
            let heures = try base { () throws(ErreurBase) in try db.heuresCohorte(cohorte, au: jour) }
            Sortie.ligne("Cohorte \(c.code) — \(c.titre), depuis le \(c.debut.francais)\(c.cloturee ? " (clôturée)" : "")")
            Sortie.ligne("\(Accord.nombre(heures.seancesTenues, "séance tenue", "séances tenues")) sur \(heures.seancesPlanifiees) le \(jour.francais), "
                         + "\(Format.heures(Double(heures.minutesPrevuesACeJour) / 60)) prévues à ce jour")
            Sortie.ligne("")
            Sortie.ligne(Tableau.texte(entetes: ["Apprenant", "Nom", "Statut", "Heures", "Assiduité", "Avancement", "Critère", "Certifiable", "Certifiées"], lignes: lignes.map { l in
                [l.identifiant, l.nom, l.statut.libelle, Format.heures(l.bilan.heuresSuivies), l.bilan.assiduite.map(Format.pourcentage) ?? "—",
                 Format.pourcentage(l.bilan.avancement), l.bilan.critere.atteint ? "atteint" : "non", l.bilan.certifiable ? "oui" : "non",
                 String(l.bilan.competencesCertifiees.count)]
            }))
            let ecarts = lignes.filter { $0.statut == .termine && !$0.bilan.critere.atteint }
            for l in ecarts {
                Sortie.ligne("\(l.identifiant) : terminé, mais critère d'achèvement non atteint (\(l.bilan.critere.raison ?? "")).")
            }
        }
    }

    struct Statut: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Changer le statut d'un apprenant dans la cohorte (en_cours, termine, abandon) et noter sa sortie.",
            discussion: """
            « terminé » vérifie le critère d'achèvement du parcours (une part des heures suivies, parfois la \
            certification) : s'il n'est pas atteint, donnez le motif de votre décision avec --motif. \
            Pour réparer un statut noté par erreur : --correction avec le motif (l'historique garde les deux).
            Exemples :
              livret cohorte statut fen-2024 A-0003 abandon --motif "déménagement"
              livret cohorte statut fen-2024 A-0001 termine --sortie certification
              livret cohorte statut fen-2024 A-0004 en_cours --correction --motif "abandon noté sur la mauvaise personne"
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le code de la cohorte.") var cohorte: String
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Argument(help: "Le nouveau statut : en_cours, termine ou abandon.") var statut: String
        @Option(help: "Le motif (obligatoire pour un abandon).") var motif: String?
        @Option(help: "Une sortie positive : certification, emploi, formation ou autre.") var sortie: String?
        @Flag(help: "Corriger un statut noté par erreur (avec --motif).") var correction = false

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            guard let nouveau = try Saisie.valeur(statut, "le statut", StatutInscription.self) else { throw ErreurUtilisateur("indiquez un statut.") }
            if correction {
                if sortie != nil { throw ErreurUtilisateur("--sortie ne va pas avec --correction : corrigez le statut, puis notez la sortie.") }
                try ServiceSuivi.corrigerStatut(db: db, apprenant: apprenant, cohorte: cohorte, statut: nouveau, motif: motif ?? "", auteur: auteur, jour: jour)
                Sortie.ligne("\(apprenant) : statut corrigé en « \(nouveau.libelle) » dans « \(cohorte) » (l'historique garde l'ancien).")
                return
            }
            let typeSortie = try Saisie.valeur(sortie, "--sortie", TypeSortie.self)
            try ServiceSuivi.changerStatut(db: db, apprenant: apprenant, cohorte: cohorte, statut: nouveau, motif: motif, sortie: typeSortie,
                                           auteur: auteur, jour: jour)
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
            try ServiceSuivi.cloturer(db: db, cohorte: cohorte, auteur: auteur, jour: jour)
            Sortie.ligne("Cohorte « \(cohorte) » clôturée le \(jour.francais).")
        }
    }
}
