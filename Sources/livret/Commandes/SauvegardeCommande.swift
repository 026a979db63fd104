import ArgumentParser
import Foundation
import LivretCore
import LivretServices
import LivretStore

/// `livret sauvegarde`: a consistent copy of the base, even while it is in use.
struct SauvegardeCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sauvegarde",
        abstract: "Copier la base dans un fichier de sauvegarde (possible pendant que Livret est utilisé).",
        discussion: """
        Exemple : livret sauvegarde ; livret sauvegarde /media/cle-usb/livret-2024-06-14.sqlite

        La sauvegarde contient des données personnelles : comme la base et les exports, elle n'est lisible \
        que par vous (fichier 0600, dossiers créés 0700), quel que soit le umask. C'est un seul fichier, \
        qui se restaure depuis n'importe où, même depuis une clé en lecture seule.
        """)
    @OptionGroup var options: OptionsBase
    @Argument(help: "Le fichier à créer (sinon Exports/livret-sauvegarde-AAAA-MM-JJ.sqlite).") var fichier: String?
    @Option(help: "La date du jour (AAAA-MM-JJ ; sinon aujourd'hui).") var date: String?

    func run() throws {
        let db = try options.ouvrir()
        let jour = try Auteurs.jourCourant(option: date)
        let cible = fichier ?? "Exports/livret-sauvegarde-\(jour).sqlite"
        try EcritureFichier.creerDossier(URL(fileURLWithPath: cible).deletingLastPathComponent())
        try base { () throws(ErreurBase) in try db.sauvegarder(vers: cible) }
        Sortie.ligne("Sauvegarde écrite et vérifiée : \(cible)")
        Sortie.ligne("Les clés de signature des badges ne sont pas dans la base : copiez aussi le dossier « cles » (en lieu sûr).")
    }
}

/// `livret restaurer`: puts a backup back, after checking it and saving the current content.
struct RestaurerCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restaurer",
        abstract: "Remettre une sauvegarde à la place de la base (la base actuelle est d'abord copiée).",
        discussion: "La sauvegarde est vérifiée (intégrité, version) avant tout changement. Ajoutez --confirmer.")
    @OptionGroup var options: OptionsBase
    @Argument(help: "Le fichier de sauvegarde.") var fichier: String
    @Flag(help: "Confirmer le remplacement de la base.") var confirmer = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: fichier) else {
            throw ErreurUtilisateur("la sauvegarde « \(fichier) » est introuvable. Vérifiez le chemin.")
        }
        guard confirmer else {
            throw ErreurUtilisateur("la restauration remplace le contenu de « \(options.chemin) ». Relancez avec --confirmer (la base actuelle sera d'abord copiée).")
        }
        let db = try options.ouvrir(creer: true)
        var copie = options.chemin + ".avant-restauration.sqlite"
        var n = 2
        while FileManager.default.fileExists(atPath: copie) { copie = options.chemin + ".avant-restauration-\(n).sqlite"; n += 1 }
        try base { () throws(ErreurBase) in try db.restaurer(depuis: fichier, copieAvant: copie) }
        Sortie.ligne("Sauvegarde « \(fichier) » restaurée. L'ancien contenu est gardé dans « \(copie) ».")
    }
}

/// `livret rgpd …`: retention.
struct RGPDCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rgpd",
        abstract: "Durée de conservation : effacer l'identité des personnes inactives depuis longtemps.",
        subcommands: [Anonymiser.self])

    struct Anonymiser: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Effacer l'identité des apprenants inactifs depuis une durée (les statistiques ne changent pas).",
            discussion: "Durée : 3a (ans), 18m (mois) ou 365j (jours). Exemple : livret rgpd anonymiser --inactifs-depuis 3a --simulation")
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Option(help: "Inactifs depuis au moins cette durée : 3a, 18m ou 365j.") var inactifsDepuis: String
        @Flag(help: "Montrer qui serait concerné, sans rien changer.") var simulation = false

        func run() throws {
            let jour = try ecriture.jour()
            let limite = try Self.limite(inactifsDepuis, avant: jour)
            let db = try options.ouvrir()
            if simulation {
                let liste = try base { () throws(ErreurBase) in try db.inactifs(avant: limite) }
                Sortie.ligne("Simulation : \(Accord.nombre(liste.count, "apprenant")) sans activité depuis le \(limite.francais) :")
                liste.forEach { Sortie.ligne("  \($0.identifiant) — dernière activité le \($0.derniereActivite.francais)") }
                Sortie.ligne("Rien n'a été modifié. Relancez sans --simulation pour effacer leur identité.")
                return
            }
            let auteur = try ecriture.auteur(db)
            // Progress on the error output, one line per batch (each batch is committed: a rerun finishes a stopped run).
            let bilan = try base { () throws(ErreurBase) in
                try db.anonymiserInactifs(avant: limite, auteurId: auteur.id!, date: jour) { faits, total in
                    Sortie.progression("Anonymisation : \(faits) sur \(Accord.nombre(total, "apprenant")) \(Accord.forme(faits, "traité", "traités"))…")
                }
            }
            let n = bilan.apprenants.count
            Sortie.ligne("Identité effacée pour \(Accord.nombre(n, "apprenant inactif", "apprenants inactifs")) depuis le \(limite.francais). Les statistiques ne changent pas.")
            if !bilan.octetsEffaces {
                Sortie.ligne("""
                    Un autre programme lit la base en ce moment : les effacements sont enregistrés, mais les anciens octets \
                    restent dans le fichier de la base tant qu'il n'a pas fini. Ils seront effacés du fichier dès qu'il aura fini, \
                    à la prochaine commande Livret sur cette base.
                    """)
            }
        }

        static func limite(_ texte: String, avant jour: Jour) throws -> Jour {
            let nombre = Int(texte.dropLast())
            guard let nombre, nombre > 0, let unite = texte.last else {
                throw ErreurUtilisateur("durée « \(texte) » : écrivez un nombre suivi de a (ans), m (mois) ou j (jours), par exemple 3a.")
            }
            switch unite {
            case "a": return Jour(annee: jour.annee - nombre, mois: jour.mois, jour: min(jour.jour, 28)) ?? jour.ajout(jours: -365 * nombre)
            case "m":
                let total = jour.annee * 12 + (jour.mois - 1) - nombre
                return Jour(annee: total / 12, mois: total % 12 + 1, jour: min(jour.jour, 28)) ?? jour
            case "j": return jour.ajout(jours: -nombre)
            default: throw ErreurUtilisateur("durée « \(texte) » : l'unité doit être a (ans), m (mois) ou j (jours).")
            }
        }
    }
}
