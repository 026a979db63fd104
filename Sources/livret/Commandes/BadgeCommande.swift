import ArgumentParser
import Foundation
import LivretBadges
import LivretCore
import LivretServices
import LivretStore

/// `livret badge …`: the structure's keys, eligibility, issuing, revocation, bundles, verification.
struct BadgeCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badge",
        abstract: "Délivrer des badges Open Badges signés, les annuler, les remettre dans un paquet, les vérifier.",
        discussion: """
        Première fois : livret badge cle creer (crée la clé de signature de la structure).
        Puis : livret badge eligibles A-0001 ; livret badge emettre A-0001 --tous --confirmer ;
        livret badge paquet A-0001 ; livret badge verifier Exports/A-0001-badges.zip
        """,
        subcommands: [CleCommande.self, Eligibles.self, Emettre.self, Lister.self, Revoquer.self, PaquetCommande.self, Verifier.self, Publier.self]
    )
}

/// Where the structure's private signing keys live: never in the base, never in a bundle.
struct OptionsCles: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Le dossier des clés privées (sinon $LIVRET_CLES, sinon le dossier « cles » à côté de la base).", valueName: "DOSSIER"))
    var cles: String?

    func dossier(base options: OptionsBase) -> URL {
        Emplacements.cles(explicite: cles, base: options.chemin)
    }

    /// The badge service on `db`, with this command's keys folder.
    func service(_ db: Base, base options: OptionsBase) throws -> ServiceBadges {
        ServiceBadges(db: db, catalogue: try ChargementCatalogue.catalogue(pour: db), dossierCles: dossier(base: options))
    }
}

extension BadgeCommande {
    struct CleCommande: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cle",
            abstract: "La clé de signature de la structure : la créer, la renouveler, voir les clés publiées.",
            subcommands: [Creer.self, Renouveler.self, Lister.self]
        )

        struct Creer: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Créer la première clé de signature (ES256) de la structure.",
                discussion: """
                    Sans --domaine, la clé se nomme elle-même (did:jwk) : tout vérificateur la lit dans le badge, rien à publier.
                    Avec --domaine exemple.fr, la structure est did:web:exemple.fr : publiez le fichier did.json sur https://exemple.fr/.well-known/did.json.
                    """)
            @OptionGroup var options: OptionsBase
            @OptionGroup var optionsCles: OptionsCles
            @OptionGroup var ecriture: OptionsEcriture
            @Option(help: "Le nom de domaine de la structure (exemple.fr), pour signer en did:web.") var domaine: String?

            func run() throws {
                let db = try options.ouvrir()
                if try base({ () throws(ErreurBase) in try db.cleActive() }) != nil {
                    throw ErreurUtilisateur("la structure a déjà une clé. Pour la changer : livret badge cle renouveler.")
                }
                try Renouveler.nouvelleCle(try optionsCles.service(db, base: options), domaine: domaine, jour: try ecriture.jour())
            }
        }

        struct Renouveler: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Remplacer la clé de signature ; l'ancienne clé publique reste publiée pour vérifier les badges déjà délivrés.")
            @OptionGroup var options: OptionsBase
            @OptionGroup var optionsCles: OptionsCles
            @OptionGroup var ecriture: OptionsEcriture
            @Option(help: "Un nouveau nom de domaine pour la structure (exemple.fr) ; sinon celui de la clé remplacée.") var domaine: String?

            func run() throws {
                try Self.nouvelleCle(try optionsCles.service(try options.ouvrir(), base: options), domaine: domaine, jour: try ecriture.jour())
            }

            static func nouvelleCle(_ service: ServiceBadges, domaine: String?, jour: Jour) throws {
                let (fichier, cle) = try service.nouvelleCle(domaine: domaine, jour: jour)
                Sortie.ligne("Clé de signature créée : \(fichier.path) (lisible par vous seul).")
                Sortie.ligne("Émetteur des badges : \(cle.emetteur.count > 60 ? String(cle.emetteur.prefix(40)) + "… (did:jwk, la clé elle-même)" : cle.emetteur)")
                Sortie.ligne("Empreinte à communiquer aux personnes qui vérifient : \(cle.empreinte)")
            }
        }

        struct Lister: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Lister les clés publiques de la structure (actives et retirées).")
            @OptionGroup var options: OptionsBase
            @Flag(help: "Écrire les clés en JWKS (JSON), pour un vérificateur.") var json = false

            func run() throws {
                let contexte = try ContexteBadges.ouvrir(try options.ouvrir())
                if json { try Sortie.json(JWKS(keys: contexte.cles)); return }
                let enregistrees = try base { () throws(ErreurBase) in try contexte.db.cles() }
                Sortie.ligne("Émetteur : \(contexte.profil.name) (\(contexte.profil.id))")
                Sortie.ligne(Tableau.texte(entetes: ["Empreinte", "Créée le", "État"], lignes: zip(enregistrees, contexte.cles).map { cle, jwk in
                    [jwk.empreinte, cle.creeeLe.francais, cle.retireeLe.map { "retirée le \($0.francais)" } ?? "active"]
                }))
            }
        }
    }

    struct Eligibles: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Les badges qu'un apprenant a gagnés (ou ce qui lui manque).")
        @OptionGroup var options: OptionsBase
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @OptionGroup var jour: OptionsJour
        @Flag(help: "Montrer aussi les badges pas encore gagnés.") var tous = false
        @Flag(help: "Écrire en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let service = ServiceBadges(db: db, catalogue: try ChargementCatalogue.catalogue(pour: db), dossierCles: URL(fileURLWithPath: "."))
            let situations = try service.situations(apprenant: apprenant, au: try jour.jour()).filter { tous || $0.eligibilite.eligible }
            if json { try Sortie.json(situations.map(\.eligibilite)); return }
            if situations.isEmpty { Sortie.ligne("Aucun badge gagné pour l'instant (voir --tous)."); return }
            for situation in situations {
                let e = situation.eligibilite
                let etat = situation.dejaDelivre ? "déjà délivré" : (e.eligible ? "gagné" : "pas encore")
                Sortie.ligne("\(e.reussite.code.padding(toLength: 32, withPad: " ", startingAt: 0)) \(etat.padding(toLength: 13, withPad: " ", startingAt: 0)) \(e.reussite.nom)")
                if !e.eligible, let manque = e.manque { Sortie.ligne("    manque : \(manque)") }
            }
        }
    }

    struct Emettre: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Délivrer les badges gagnés (le formateur confirme ; il faut le consentement de la personne aux badges).",
            discussion: "Exemples : livret badge emettre A-0001 parcours-femmes-et-numerique --confirmer ; livret badge emettre A-0001 --tous --confirmer")
        @OptionGroup var options: OptionsBase
        @OptionGroup var optionsCles: OptionsCles
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Argument(help: "Les codes des badges (voir « livret badge eligibles »).") var reussites: [String] = []
        @Flag(help: "Tous les badges gagnés et pas encore délivrés.") var tous = false
        @Flag(help: "Le formateur confirme la délivrance.") var confirmer = false

        func run() throws {
            let db = try options.ouvrir()
            let service = try optionsCles.service(db, base: options)
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            if !tous && reussites.isEmpty { throw ErreurUtilisateur("indiquez les badges à délivrer, ou --tous.") }
            let (dossier, choisies) = try service.aDelivrer(apprenant: apprenant, codes: tous ? nil : reussites, au: jour)
            if choisies.isEmpty { Sortie.ligne("Aucun nouveau badge à délivrer pour \(apprenant)."); return }
            guard confirmer else {
                Sortie.ligne("Badges à délivrer à \(dossier.apprenant.nomAffiche) :")
                choisies.forEach { Sortie.ligne("  - \($0.reussite.nom)") }
                throw ErreurUtilisateur("rien n'a été délivré : relisez la liste, puis relancez avec --confirmer.")
            }
            let signes = try service.emettre(choisies, dossier: dossier, auteur: auteur, jour: jour)
            Sortie.ligne("\(Accord.nombre(signes.count, "badge délivré", "badges délivrés")) à \(dossier.apprenant.nomAffiche) :")
            signes.forEach { s in Sortie.ligne("  - \(s.reussite) (\(s.id))") }
            Sortie.ligne("Pour les lui remettre : livret badge paquet \(apprenant)")
        }
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Les badges délivrés à un apprenant.")
        @OptionGroup var options: OptionsBase
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Flag(help: "Écrire en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let badges = try base { () throws(ErreurBase) in try db.badges(apprenant: apprenant) }
            if json { try Sortie.json(badges.map { BadgeResume(badge: $0) }); return }
            if badges.isEmpty { Sortie.ligne("Aucun badge délivré à \(apprenant)."); return }
            Sortie.ligne(Tableau.texte(entetes: ["Badge", "Délivré le", "État", "Identifiant"], lignes: badges.map {
                [$0.reussite, $0.emisLe.francais, $0.revoqueLe.map { "révoqué le \($0.francais)" } ?? "valide", $0.id]
            }))
        }
    }

    /// A badge without its signed token, for listings.
    struct BadgeResume: Encodable {
        var id: String
        var reussite: String
        var emisLe: Jour
        var revoqueLe: Jour?
        var motifRevocation: String?

        init(badge: BadgeEmis) {
            id = badge.id
            reussite = badge.reussite
            emisLe = badge.emisLe
            revoqueLe = badge.revoqueLe
            motifRevocation = badge.motifRevocation
        }
    }

    struct Revoquer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Révoquer un badge, avec un motif ; la liste de révocation signée est republiée.")
        @OptionGroup var options: OptionsBase
        @OptionGroup var optionsCles: OptionsCles
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant du badge (urn:uuid:…, voir « livret badge lister »).") var id: String
        @Option(help: "Le motif de la révocation.") var motif: String

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            try optionsCles.service(db, base: options).revoquer(id: id, motif: motif, auteur: auteur, jour: jour)
            Sortie.ligne("Badge \(id) révoqué le \(jour.francais) : \(motif).")
            Sortie.ligne("Les paquets créés désormais portent cette révocation.")
        }
    }

    struct PaquetCommande: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "paquet",
            abstract: "Créer le paquet (zip) des badges d'un apprenant, vérifiable hors ligne.")
        @OptionGroup var options: OptionsBase
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Option(name: .shortAndLong, help: "Le fichier zip à écrire (sinon Exports/IDENTIFIANT-badges.zip).") var sortie: String?
        @OptionGroup var choix: CVCommande.OptionsChoix
        @Flag(help: "Ne pas joindre le CV numérique (cv.html et cv.json) au paquet.") var sansCV = false
        @Option(help: "La date du jour pour le CV (AAAA-MM-JJ ; sinon aujourd'hui).") var date: String?
        @OptionGroup var optionsCles: OptionsCles

        func run() throws {
            let db = try options.ouvrir()
            // The manifest is signed with the structure's key.
            let service = try optionsCles.service(db, base: options)
            let a = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }
            let jour = try Auteurs.jourCourant(option: date)
            if Emplacements.estSortieStandard(sortie) {
                // « --sortie - »: the zip on standard output, built in a private temporary folder.
                let dossier = try FichiersTemporaires.dossier()
                defer { try? FileManager.default.removeItem(at: dossier) }
                let cible = dossier.appendingPathComponent("paquet.zip")
                _ = try service.ecrirePaquet(apprenant: apprenant, vers: cible, cv: sansCV ? nil : try choix.choix(), jour: jour)
                Sortie.binaire(try Data(contentsOf: cible))
                return
            }
            let cible = URL(fileURLWithPath: sortie ?? Emplacements.exportApprenant(a.identifiant, suffixe: "badges.zip"))
            let nombre = try service.ecrirePaquet(apprenant: apprenant, vers: cible, cv: sansCV ? nil : try choix.choix(), jour: jour)
            Sortie.ligne("Paquet de \(Accord.nombre(nombre, "badge")) écrit : \(cible.path)")
            Sortie.ligne("Vérification : livret badge verifier \(cible.path)")
        }
    }

    struct Publier: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Écrire le site de vérification des badges : une page par badge délivré, les clés et les listes de révocation de la structure.",
            discussion: """
                Le dossier reproduit les adresses du site : mettez-le tel quel à la racine du site de la structure (hébergement \
                web, WordPress, ou dossier servi depuis une clé USB). Il contient badges/ (profil de la structure, ses clés \
                publiques, listes de révocation et de statuts signées), v/ (une page par badge, v/CODE/, où l'employeur voit \
                si le badge est authentique, et v/ pour taper un code à la main) et, avec une clé did:web \
                (livret badge cle creer --domaine exemple.fr), .well-known/did.json. Chaque page vérifie le badge dans le \
                navigateur de la personne qui la visite, avec les clés publiées sur le même site : rien d'autre à installer. \
                Les pages ne montrent que ce que dit le badge, jamais le nom de la personne ; les badges d'une personne \
                dont l'identité a été effacée n'ont pas de page.
                À refaire après chaque délivrance, révocation ou changement de clé : les pages qui n'ont plus de badge \
                sont retirées du dossier v/.
                """)
        @OptionGroup var options: OptionsBase
        @Argument(help: "Le dossier où écrire le site (créé s'il n'existe pas).") var dossier: String

        func run() throws {
            let db = try options.ouvrir()
            let service = ServiceBadges(db: db, catalogue: try ChargementCatalogue.catalogue(pour: db), dossierCles: URL(fileURLWithPath: "."))
            let fichiers = try service.fichiersAPublier()
            let cible = URL(fileURLWithPath: dossier)
            // The site is public: the folders it creates 0755 and its files 0644, so that any web server can read them.
            try Self.creerDossierPublic(cible)
            for (chemin, donnees) in fichiers.sorted(by: { $0.key < $1.key }) {
                let fichier = cible.appendingPathComponent(chemin)
                var parent = cible
                for composant in chemin.split(separator: "/").dropLast() {
                    parent.appendPathComponent(String(composant))
                    try Self.creerDossierPublic(parent)
                }
                try EcritureFichier.ecrireAtomiquement(donnees, vers: fichier.path)
                Self.rendrePublic(fichier.path, dossier: false)
            }
            let retirees = try Self.retirerPagesPerimees(cible, gardees: Set(fichiers.keys))
            let pages = fichiers.keys.filter { $0.hasPrefix(SiteVerification.dossierPages + "/") && $0 != SiteVerification.dossierPages + "/index.html" }.count
            Sortie.ligne("Site de vérification écrit dans \(cible.path) : \(Accord.nombre(pages, "page de badge", "pages de badge"))"
                         + (retirees > 0 ? ", \(Accord.nombre(retirees, "page périmée retirée", "pages périmées retirées"))." : "."))
            let profil = try ContexteBadges.ouvrir(db).profil
            if let site = SiteVerification.adresseSite(emetteur: profil) {
                Sortie.ligne("Mettez en ligne tout le contenu de ce dossier à la racine de \(site), en gardant les sous-dossiers :")
                if fichiers[SiteVerification.cheminDID] != nil {
                    Sortie.ligne("  \(SiteVerification.cheminDID) → \(site)/\(SiteVerification.cheminDID) (les clés de la structure ; ce dossier est caché, vérifiez qu'il est bien copié)")
                }
                Sortie.ligne("  \(SiteVerification.dossierBadges)/ → \(site)/\(SiteVerification.dossierBadges)/ (profil, clés, listes de révocation)")
                Sortie.ligne("  \(SiteVerification.dossierPages)/ → \(site)/\(SiteVerification.dossierPages)/ (une page par badge ; taper un code à la main)")
                Sortie.ligne("Vérifiez ensuite en ouvrant \(site)/\(SiteVerification.dossierPages)/ dans un navigateur.")
            } else {
                Sortie.ligne("Mettez en ligne tout le contenu de ce dossier à la racine du site de la structure, en gardant les sous-dossiers "
                             + "(\(SiteVerification.dossierBadges)/ et \(SiteVerification.dossierPages)/).")
                Sortie.ligne("La structure n'a pas d'adresse de site : les CV et attestations imprimés ne peuvent pas pointer vers ces pages. "
                             + "Donnez-lui un domaine : livret badge cle renouveler --domaine exemple.fr")
            }
        }

        /// Folders 0755, files 0644 (best effort: the web server's user must read them).
        static func rendrePublic(_ chemin: String, dossier: Bool) {
            _ = chmod(chemin, dossier ? 0o755 : 0o644)
        }

        /// Creates `dossier` when missing, readable by all; an existing folder keeps its mode.
        static func creerDossierPublic(_ dossier: URL) throws {
            guard !FileManager.default.fileExists(atPath: dossier.path) else { return }
            try EcritureFichier.creerDossier(dossier)
            rendrePublic(dossier.path, dossier: true)
        }

        /// Removes the pages `v/<CODE>/index.html` of a previous publication that this one does not
        /// write (an erased learner's badges), and their folder when it is then empty; nothing
        /// outside `v/`, nothing but those pages. Returns how many were removed.
        static func retirerPagesPerimees(_ site: URL, gardees: Set<String>) throws -> Int {
            let pages = site.appendingPathComponent(SiteVerification.dossierPages)
            guard let codes = try? FileManager.default.contentsOfDirectory(atPath: pages.path) else { return 0 }
            var retirees = 0
            for code in codes.sorted() where CodeBadge.normaliser(code) == code {
                let chemin = SiteVerification.cheminPage(code: code) + "index.html"
                let page = site.appendingPathComponent(chemin)
                guard !gardees.contains(chemin), FileManager.default.fileExists(atPath: page.path) else { continue }
                do {
                    try FileManager.default.removeItem(at: page)
                } catch {
                    throw ErreurUtilisateur("impossible de retirer la page périmée « \(page.path) » : \(MessagesSysteme.cause(error))")
                }
                retirees += 1
                let dossier = site.appendingPathComponent(SiteVerification.cheminPage(code: code))
                if (try? FileManager.default.contentsOfDirectory(atPath: dossier.path))?.isEmpty == true {
                    try? FileManager.default.removeItem(at: dossier)
                }
            }
            return retirees
        }
    }

    struct Verifier: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifier un paquet de badges (.zip) ou un badge (.jwt, .svg, .png), sans Internet : une ligne par règle vérifiée.")
        @OptionGroup var options: OptionsBase
        @Argument(help: "Le paquet .zip, ou un badge .jwt, ou une image de badge .svg ou .png, à vérifier.") var fichier: String
        @Option(help: "La date à laquelle juger (AAAA-MM-JJ ; sinon aujourd'hui).") var date: String?
        @Flag(help: "Écrire le rapport en JSON.") var json = false

        func run() throws {
            guard FileManager.default.fileExists(atPath: fichier) else {
                throw ErreurUtilisateur("le fichier « \(fichier) » est introuvable. Vérifiez le chemin.")
            }
            let jour = try Auteurs.jourCourant(option: date)
            // Keys of this machine's structure, when a base is at hand: then the bundle must use them.
            var confiance: [JWK]?
            var retraits: [String: Date] = [:]
            var listeLocale: String?
            var statutsLocale: String?
            if FileManager.default.fileExists(atPath: options.chemin), let db = try? Base(chemin: options.chemin),
               let cles = try? db.cles(), !cles.isEmpty, let contexte = try? ContexteBadges.ouvrir(db) {
                confiance = contexte.cles
                retraits = contexte.datesRetrait
                listeLocale = try? db.listeRevocationSignee()
                statutsLocale = (try? db.listeStatutsSignee())?.jwt
            }
            let maintenant = jour.dateUTC.addingTimeInterval(12 * 3600)
            let rapport: VerificationPaquet.Rapport
            let extension_ = URL(fileURLWithPath: fichier).pathExtension.lowercased()
            if ["jwt", "svg", "png"].contains(extension_) {
                let donnees = try ChargementCatalogue.lireFichier(fichier).donnees
                if extension_ == "png" {
                    // A PNG holding no badge (any picture, or a badge image saved again by another
                    // program) is the common mistake: said plainly, naming the file.
                    do {
                        _ = try ImageBadge.credentialUnique(png: donnees)
                    } catch {
                        throw ErreurUtilisateur("« \(fichier) » n'est pas un badge vérifiable : \(error). "
                                                + "Prenez l'image .png du paquet de badges, qui contient le badge signé, ou le fichier .jwt.")
                    }
                }
                rapport = VerificationPaquet.verifierFichier(donnees, nom: fichier, cles: confiance ?? [], retraits: retraits, listeLocale: listeLocale,
                                                           statutsLocale: statutsLocale, maintenant: maintenant)
            } else {
                rapport = VerificationPaquet.verifier(URL(fileURLWithPath: fichier), clesDeConfiance: confiance, retraits: retraits, listeLocale: listeLocale,
                                                      statutsLocale: statutsLocale, maintenant: maintenant)
            }
            if json { try Sortie.json(rapport) } else { Sortie.ligne(rapport.texte) }
            if !rapport.valide {
                throw ErreurUtilisateur("« \(fichier) » n'a pas passé la vérification : voyez les règles en échec ci-dessus. "
                                        + "Ne vous fiez pas à ce fichier ; demandez à la structure qui l'a délivré de vous le renvoyer.")
            }
        }
    }
}
