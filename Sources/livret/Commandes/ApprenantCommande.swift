import ArgumentParser
import Foundation
import LivretCore
import LivretExports
import LivretServices
import LivretStore

/// `livret apprenant …`: learners, their record, import, export and erasure.
struct ApprenantCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apprenant",
        abstract: "Ajouter, retrouver, modifier, importer, exporter ou effacer des apprenants.",
        subcommands: [Ajouter.self, Lister.self, Montrer.self, Modifier.self, Importer.self, Exporter.self, Effacer.self]
    )

    /// Identity and categories, all optional.
    struct Identite: ParsableArguments {
        @Option(help: "Prénom (facultatif).") var prenom: String?
        @Option(help: "Nom (facultatif).") var nom: String?
        @Option(help: "Pseudonyme, pour qui ne veut pas donner son nom.") var pseudonyme: String?
        @Option(help: "Année de naissance (jamais la date complète).") var annee: Int?
        @Option(help: "Sexe : feminin, masculin, autre ou non_communique.") var sexe: String?
        @Option(help: "Résidence en QPV : oui, non ou non_communique.") var qpv: String?
        @Option(help: "Statut : scolarise, sans_emploi, en_emploi, retraite ou non_communique.") var statut: String?
        @Option(help: "Niveau de diplôme (facultatif).") var diplome: String?
        @Option(help: "E-mail, seulement si la personne veut recevoir ses badges.") var email: String?
        @Option(help: "Téléphone, seulement si la personne le souhaite.") var telephone: String?
        @Option(help: ArgumentHelp("Consentements donnés, séparés par des virgules : suivi, badges, statistiques, coop (transmission à La Coop de la médiation numérique).", valueName: "LISTE"))
        var consentement: String?

        func appliquer(a apprenant: inout Apprenant) throws {
            if let prenom { apprenant.prenom = prenom.isEmpty ? nil : prenom }
            if let nom { apprenant.nom = nom.isEmpty ? nil : nom }
            if let pseudonyme { apprenant.pseudonyme = pseudonyme.isEmpty ? nil : pseudonyme }
            if let annee { apprenant.anneeNaissance = annee }
            if let sexe = try Saisie.valeur(sexe, "--sexe", Sexe.self) { apprenant.sexe = sexe }
            if let qpv = try Saisie.valeur(qpv, "--qpv", ResidenceQPV.self) { apprenant.qpv = qpv }
            if let statut = try Saisie.valeur(statut, "--statut", StatutSocial.self) { apprenant.statutSocial = statut }
            if let diplome { apprenant.niveauDiplome = diplome.isEmpty ? nil : diplome }
            if let email { apprenant.email = email.isEmpty ? nil : email }
            if let telephone { apprenant.telephone = telephone.isEmpty ? nil : telephone }
        }

        func consentements(apprenantId: Int64, date: Jour, auteurId: Int64) throws -> Consentement? {
            guard let consentement else { return nil }
            do { return try Consentement.depuis(portees: consentement, apprenantId: apprenantId, date: date, auteurId: auteurId) } catch {
                throw ErreurUtilisateur(error.message)
            }
        }
    }

    struct Ajouter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ajouter un apprenant (l'identité est facultative).",
            discussion: "Exemple : livret apprenant ajouter --prenom Awa --annee 1987 --sexe feminin --consentement suivi,statistiques"
        )
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @OptionGroup var identite: Identite
        @Option(help: "Identifiant local (sinon A-0001, A-0002…) : 1 à 40 lettres sans accent, chiffres, « - » ou « _ ».") var identifiant: String?

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            var apprenant = Apprenant(identifiant: try identifiant ?? base { () throws(ErreurBase) in try db.prochainIdentifiant() },
                                      creeLe: jour, creePar: auteur.id!)
            try identite.appliquer(a: &apprenant)
            let problemes = apprenant.problemes(anneeCourante: jour.annee)
            if !problemes.isEmpty { throw ErreurUtilisateur(problemes.joined(separator: " ; ") + ".") }
            let consentement = try identite.consentements(apprenantId: 0, date: jour, auteurId: auteur.id!)
            let cree = try ServiceApprenants.ajouter(db: db, apprenant, consentement: consentement)
            Sortie.ligne("Apprenant ajouté : \(cree.identifiant) — \(cree.nomAffiche)")
        }
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lister les apprenants (avec une recherche sur le nom ou l'identifiant).")
        @OptionGroup var options: OptionsBase
        @Option(help: "Une partie du nom, du pseudonyme ou de l'identifiant.") var recherche: String?
        @Flag(help: "Écrire la liste en JSON.") var json = false
        @Option(help: ArgumentHelp("Écrire la liste dans ce classeur XLSX (données personnelles : fichier lisible par vous seul).", valueName: "FICHIER"))
        var xlsx: String?

        func run() throws {
            let db = try options.ouvrir()
            let apprenants = try base { () throws(ErreurBase) in try db.apprenants(recherche: recherche) }
            if json { try Sortie.json(apprenants); return }
            if let xlsx {
                let donnees = try EcritureClasseur.donnees(ListesClasseur.apprenants(apprenants, jour: try Auteurs.jourCourant(option: nil)))
                return try Sortie.ecrire(donnees, vers: xlsx) { "Liste des apprenants écrite : \($0)" }
            }
            if apprenants.isEmpty { Sortie.ligne("Aucun apprenant."); return }
            Sortie.ligne(Tableau.texte(entetes: ["Identifiant", "Nom", "Naissance", "Sexe"], lignes: apprenants.map {
                [$0.identifiant, $0.nomAffiche, $0.anneeNaissance.map(String.init) ?? "—", $0.sexe.libelle]
            }))
            Sortie.ligne("\(Accord.nombre(apprenants.count, "apprenant")).")
        }
    }

    struct Montrer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Montrer le livret d'un apprenant : parcours, heures, compétences, certifications.",
            discussion: """
            Assiduité : heures suivies sur les heures des séances déjà tenues. Avancement : heures suivies sur \
            les heures du parcours (ou de toutes les séances prévues, si c'est plus). Critère d'achèvement : \
            ce que le parcours demande pour être terminé ; « terminé » est le statut noté par le formateur.
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var jour: OptionsJour
        @Argument(help: "L'identifiant de l'apprenant (A-0001…).") var identifiant: String
        @Flag(help: "Écrire le livret en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            let jour = try jour.jour()
            let dossier = try base { () throws(ErreurBase) in try db.dossier(identifiant, catalogue: catalogue, au: jour) }
            if json { try Sortie.json(dossier); return }
            let id = dossier.apprenant.id!
            let espace = AffichageSuivi.Espace(choixCV: try base { () throws(ErreurBase) in try db.choixCV(apprenantId: id) },
                                               demandeEffacement: try base { () throws(ErreurBase) in try db.demandeEffacementEnAttente(apprenantId: id) })
            Sortie.ligne(AffichageSuivi.fiche(dossier, catalogue: catalogue, espace: espace))
        }
    }

    struct Modifier: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Modifier l'identité ou les catégories d'un apprenant (une option vide efface le champ).")
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de l'apprenant.") var identifiant: String
        @OptionGroup var identite: Identite

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            var apprenant = try base { () throws(ErreurBase) in try db.apprenant(identifiant) }
            try identite.appliquer(a: &apprenant)
            let problemes = apprenant.problemes(anneeCourante: jour.annee)
            if !problemes.isEmpty { throw ErreurUtilisateur(problemes.joined(separator: " ; ") + ".") }
            let consentement = try identite.consentements(apprenantId: apprenant.id!, date: jour, auteurId: auteur.id!)
            try ServiceApprenants.modifier(db: db, apprenant, consentement: consentement)
            Sortie.ligne("Apprenant \(identifiant) modifié.")
        }
    }

    struct Exporter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exporter tout ce que la base contient sur un apprenant, en JSON (droit d'accès et portabilité).")
        @OptionGroup var options: OptionsBase
        @OptionGroup var jour: OptionsJour
        @Argument(help: "L'identifiant de l'apprenant.") var identifiant: String
        @Option(name: .shortAndLong, help: "Écrire dans ce fichier plutôt qu'à l'écran.") var sortie: String?

        func run() throws {
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            let jour = try jour.jour()
            let donnees = try ServiceApprenants.exportAcces(db: db, identifiant: identifiant, catalogue: catalogue, jour: jour)
            try Sortie.ecrire(donnees, vers: sortie) { "Données de \(identifiant) exportées dans « \($0) »." }
        }
    }

    struct Effacer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Effacer l'identité et les coordonnées d'un apprenant (RGPD) ; les statistiques restent.",
            discussion: """
            L'effacement est définitif et inscrit au journal. Ajoutez --confirmer pour le faire. Livret dit ensuite \
            quelles copies contiennent encore la personne : sauvegardes antérieures et fichiers exportés (dossier \
            Exports) ; --supprimer-exports supprime ces fichiers exportés (aussi après coup).
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de l'apprenant.") var identifiant: String
        @Flag(help: "Confirmer l'effacement définitif.") var confirmer = false
        @Flag(help: "Supprimer aussi les fichiers exportés qui nomment la personne (CV, export, paquet de badges).") var supprimerExports = false

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let apprenant = try base { () throws(ErreurBase) in try db.apprenant(identifiant) }
            guard confirmer else {
                throw ErreurUtilisateur("l'effacement de \(apprenant.nomAffiche) (\(identifiant)) est définitif. Relancez avec --confirmer pour le faire.")
            }
            if apprenant.efface {
                guard supprimerExports else { throw ErreurUtilisateur("l'apprenant « \(identifiant) » est déjà effacé.") }
                Sortie.ligne("L'identité de \(identifiant) était déjà effacée.")
            } else {
                let octetsEffaces = try ServiceApprenants.effacer(db: db, identifiant, auteur: auteur, jour: jour)
                Sortie.ligne("Identité et coordonnées de \(identifiant) effacées. Les présences et les preuves restent, sans nom, pour les statistiques.")
                if !octetsEffaces {
                    Sortie.ligne("""
                        Un autre programme lit la base en ce moment : l'effacement est enregistré, mais les anciens octets restent \
                        dans le fichier de la base tant qu'il n'a pas fini. Ils seront effacés du fichier dès qu'il aura fini, \
                        à la prochaine commande Livret sur cette base.
                        """)
                }
            }
            try Self.copiesRestantes(identifiant, base: options.chemin, supprimer: supprimerExports)
        }

        /// Says which copies still hold the person, and removes the exported ones when asked.
        static func copiesRestantes(_ identifiant: String, base chemin: String, supprimer: Bool) throws {
            let copies = CopiesApprenant.chercher(identifiant: identifiant, base: chemin, dossierExports: Emplacements.dossierExports)
            if !copies.sauvegardes.isEmpty {
                let n = copies.sauvegardes.count
                Sortie.ligne(n > 1
                    ? "\(n) sauvegardes antérieures à l'effacement contiennent encore cette personne :"
                    : "1 sauvegarde antérieure à l'effacement contient encore cette personne :")
                copies.sauvegardes.forEach { Sortie.ligne("  \($0)") }
                Sortie.ligne((n > 1 ? "Une sauvegarde ne se modifie pas : supprimez-les quand elles ne servent plus."
                                    : "Une sauvegarde ne se modifie pas : supprimez-la quand elle ne sert plus.")
                             + " Si vous en restaurez une, effacez de nouveau \(identifiant).")
            }
            guard !copies.exports.isEmpty else { return }
            let n = copies.exports.count
            let fichiers = n > 1 ? "\(n) fichiers exportés" : "1 fichier exporté"
            if supprimer {
                let echecs = CopiesApprenant.supprimer(copies.exports)
                let supprimes = copies.exports.filter { f in !echecs.contains { $0.fichier == f } }
                if !supprimes.isEmpty {
                    Sortie.ligne(supprimes.count > 1 ? "\(supprimes.count) fichiers exportés supprimés :" : "1 fichier exporté supprimé :")
                    supprimes.forEach { Sortie.ligne("  \($0)") }
                }
                if let premier = echecs.first {
                    throw ErreurUtilisateur("impossible de supprimer « \(premier.fichier) » : \(premier.cause)"
                                            + (echecs.count > 1 ? " (et \(echecs.count - 1) autre\(echecs.count > 2 ? "s" : ""))" : ""))
                }
            } else {
                Sortie.ligne("\(fichiers) nomm\(n > 1 ? "ent" : "e") encore cette personne :")
                copies.exports.forEach { Sortie.ligne("  \($0)") }
                Sortie.ligne("Pour l\(n > 1 ? "es" : "e") supprimer : livret apprenant effacer \(identifiant) --supprimer-exports --confirmer")
            }
        }
    }
}
