import ArgumentParser
import Foundation
import LivretCore
import LivretExports
import LivretServices
import LivretStore

/// `livret rapport`: figures for programme leads and funders, by sex, with nobody re-identifiable.
struct RapportCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Rendre compte aux financeurs : inscrits, terminés, abandons, certifiés, heures, par sexe (et âge, QPV, statut).",
        discussion: """
        Les petits effectifs (de 1 à 4 personnes par défaut) sont masqués, ainsi que d'autres chiffres choisis \
        pour qu'aucun calcul sur ce qui est publié (totaux, sommes, ordre des colonnes, motifs) ne permette \
        de les retrouver à moins de 5 près ; un chiffre masqué s'écrit « s » (secret statistique), quelle \
        que soit la raison. --audit montre, pour chaque chiffre masqué, l'intervalle où il peut se trouver.
        Terminés : les inscriptions dont le statut noté est « terminé ». Commencés : celles qui ont avancé \
        (venue au moins une fois, terminée ou abandon noté). Assiduité : heures suivies sur les heures des \
        séances déjà tenues (« prévues à ce jour »). Les personnes qui n'ont pas donné leur accord pour \
        les statistiques ne sont pas comptées ; le rapport dit combien elles sont. Exemples :
          livret rapport
          livret rapport --cohorte fen-2023 --croiser age --format html --sortie rapport.html
          livret rapport activite --du 2024-01-01 --au 2024-12-31
        """,
        subcommands: [Synthese.self, Activite.self],
        defaultSubcommand: Synthese.self
    )

    enum FormatRapport: String, ExpressibleByArgument, CaseIterable {
        case texte, csv, json, html, xlsx
    }

    /// Options shared by both reports: scope, breakdown, suppression, output.
    struct OptionsRapport: ParsableArguments {
        @Option(help: "Une cohorte (sinon toute la structure).") var cohorte: String?
        @Option(help: "Un parcours (code du modèle, par exemple femmes-et-numerique).") var parcours: String?
        @Option(help: ArgumentHelp("Les tranches d'âge, bornes séparées par des virgules (par défaut 12,18,25,40,60,70).", valueName: "BORNES"))
        var tranches: String?
        @Option(help: "Le seuil de masquage des petits effectifs (5 par défaut).") var seuil: Int = SecretStatistique.seuilParDefaut
        @Flag(help: "Ne rien masquer (usage interne uniquement : un avertissement est ajouté).") var sansSecret = false
        @Option(help: "L'année de référence pour les âges (sinon celle de la date du jour).") var annee: Int?
        @Option(help: "texte (par défaut), csv, json, html ou xlsx (un classeur, une feuille par tableau ; avec --sortie).") var format: FormatRapport = .texte
        @Option(name: .shortAndLong, help: "Écrire dans ce fichier plutôt qu'à l'écran.") var sortie: String?

        func validate() throws {
            if format == .xlsx && (sortie == nil || Emplacements.estSortieStandard(sortie)) && isatty(STDOUT_FILENO) != 0 {
                throw ValidationError("Un classeur xlsx s'écrit dans un fichier : ajoutez --sortie rapport.xlsx.")
            }
            if cohorte != nil && parcours != nil { throw ValidationError("Choisissez --cohorte ou --parcours, pas les deux.") }
            if seuil < 2 || seuil > 100 { throw ValidationError("Le seuil de masquage doit être entre 2 et 100.") }
        }

        var perimetre: PerimetreRapport {
            if let cohorte { return .cohorte(cohorte) }
            if let parcours { return .parcours(parcours) }
            return .structure
        }

        func tranchesAge() throws -> TranchesAge {
            guard let tranches else { return .parDefaut }
            do { return try TranchesAge(texte: tranches) } catch { throw ErreurUtilisateur("--tranches : \(error)") }
        }

        var seuilEffectif: Int? { sansSecret ? nil : seuil }

        func ecrire(_ donnees: Data) throws {
            if sansSecret {
                FileHandle.standardError.write(Data("Attention : chiffres non masqués, usage interne uniquement, ne pas diffuser.\n".utf8))
            }
            try Sortie.ecrire(donnees, vers: sortie) { "Rapport écrit : \($0)" }
        }
    }

    struct Synthese: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "synthese",
            abstract: "Le rapport des parcours : inscrits, commencés, terminés, abandons et motifs, certifiés, heures, sorties, objectifs, écart femmes–hommes.")
        @OptionGroup var options: OptionsBase
        @OptionGroup var rapport: OptionsRapport
        @Option(help: "Croiser le sexe avec : age, qpv ou statut.") var croiser: String?
        @Option(help: "Début de période (AAAA-MM-JJ) : cohortes en cours après cette date.") var du: String?
        @Option(help: "Fin de période (AAAA-MM-JJ) : cohortes commencées avant cette date.") var au: String?
        @Flag(help: "Montrer comment le rapport a été protégé : pour chaque chiffre masqué, l'intervalle où il peut se trouver.") var audit = false

        func run() throws {
            let croisement: Croisement
            if let croiser {
                guard let valeur = Croisement(rawValue: croiser.lowercased().replacingOccurrences(of: "â", with: "a")) else {
                    throw ErreurUtilisateur("« \(croiser) » (--croiser) : choisissez age, qpv ou statut.")
                }
                croisement = valeur
            } else {
                croisement = .aucun
            }
            let debut = try du.map { try OptionsEcriture.jour($0, champ: "--du") }
            let fin = try au.map { try OptionsEcriture.jour($0, champ: "--au") }
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            // The report's day: the end of the period asked, else $LIVRET_DATE, else today.
            let jour = try fin ?? Auteurs.jourCourant(option: nil)
            let annee = rapport.annee ?? jour.annee
            let (resultat, protection) = try ServiceRapport.syntheseAuditee(
                db: db, catalogue: catalogue, perimetre: rapport.perimetre, croisement: croisement, tranches: try rapport.tranchesAge(),
                anneeReference: annee, seuil: rapport.seuilEffectif, du: debut, au: fin, jour: jour, audit: audit)
            if audit {
                guard let protection else { throw ErreurUtilisateur("--audit : rien n'est masqué avec --sans-secret, il n'y a rien à auditer.") }
                let donnees: Data = rapport.format == .json ? try RenduRapport.json(protection) : Data((RenduRapport.audit(protection) + "\n").utf8)
                return try rapport.ecrire(donnees)
            }
            let donnees: Data = switch rapport.format {
            case .texte: Data((RenduRapport.texte(resultat) + "\n").utf8)
            case .csv: RenduRapport.csv(resultat)
            case .json: try RenduRapport.json(resultat)
            case .html: Data(RenduRapport.html(resultat).utf8)
            case .xlsx: try EcritureClasseur.donnees(RapportClasseur.classeur(resultat, date: jour))
            }
            try rapport.ecrire(donnees)
        }
    }

    struct Activite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "activite",
            abstract: "Le bilan d'activité d'une période : heures, personnes accompagnées, passages, jours d'ouverture, par type d'activité, par lieu, par sexe et par âge, thématiques, satisfaction, suivi après l'action, témoignages.",
            discussion: """
            Heures : le temps passé par les personnes (chaque passage en permanence, chaque rendez-vous, chaque \
            présence en séance compte sa durée). Personnes accompagnées : les personnes distinctes ; une personne \
            anonyme compte pour une à chaque passage. Jours d'ouverture : les jours avec au moins un passage en \
            permanence. Comme les rapports, le bilan masque les petits effectifs et tout ce qui permettrait de les \
            retrouver. Exemples :
              livret rapport activite --du 2020-01-01 --au 2020-12-31
              livret rapport activite --du 2020-01-01 --au 2020-12-31 --comparer --format html --sortie bilan-2020.html
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var rapport: OptionsRapport
        @Option(help: "Début de la période (AAAA-MM-JJ).") var du: String
        @Option(help: "Fin de la période (AAAA-MM-JJ).") var au: String
        @Flag(help: "Comparer avec la même période un an plus tôt.") var comparer = false
        @Flag(help: "Montrer comment le bilan a été protégé : pour chaque chiffre masqué, l'intervalle où il peut se trouver.") var audit = false

        func run() throws {
            let debut = try OptionsEcriture.jour(du, champ: "--du")
            let fin = try OptionsEcriture.jour(au, champ: "--au")
            guard debut <= fin else { throw ErreurUtilisateur("la période commence (\(debut.francais)) après sa fin (\(fin.francais)).") }
            let db = try options.ouvrir()
            let (bilan, protection) = try ServiceRapport.activite(
                db: db, catalogue: try ChargementCatalogue.catalogue(pour: db), perimetre: rapport.perimetre, tranches: try rapport.tranchesAge(),
                anneeReference: rapport.annee ?? fin.annee, seuil: rapport.seuilEffectif, du: debut, au: fin, comparer: comparer, audit: audit)
            if audit {
                guard let protection else { throw ErreurUtilisateur("--audit : rien n'est masqué avec --sans-secret, il n'y a rien à auditer.") }
                let donnees: Data = rapport.format == .json ? try RenduRapport.json(protection) : Data((RenduRapport.audit(protection) + "\n").utf8)
                return try rapport.ecrire(donnees)
            }
            let donnees: Data = switch rapport.format {
            case .texte: Data((RenduActivite.texte(bilan) + "\n").utf8)
            case .csv: RenduActivite.csv(bilan)
            case .json: try RenduActivite.json(bilan)
            case .html: Data(RenduActivite.html(bilan).utf8)
            case .xlsx: try EcritureClasseur.donnees(ActiviteClasseur.classeur(bilan, date: fin))
            }
            try rapport.ecrire(donnees)
        }
    }
}

