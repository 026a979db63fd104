import ArgumentParser
import Foundation
import LivretBadges
import LivretCore
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
        subcommands: [CleCommande.self, Eligibles.self, Emettre.self, Lister.self, Revoquer.self, PaquetCommande.self, Verifier.self]
    )
}

/// Where the structure's private signing keys live: never in the base, never in a bundle.
struct OptionsCles: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Le dossier des clés privées (sinon $LIVRET_CLES, sinon le dossier « cles » à côté de la base).", valueName: "DOSSIER"))
    var cles: String?

    func dossier(base options: OptionsBase) -> URL {
        if let cles, !cles.isEmpty { return URL(fileURLWithPath: cles) }
        if let dossier = ProcessInfo.processInfo.environment["LIVRET_CLES"], !dossier.isEmpty { return URL(fileURLWithPath: dossier) }
        return URL(fileURLWithPath: options.chemin).deletingLastPathComponent().appendingPathComponent("cles")
    }
}

/// What the badge commands need from the base: the issuer, its keys, the active private key.
struct ContexteBadges {
    let db: Base
    let profil: ProfilEmetteur
    let cles: [JWK]

    /// The issuer, created from the structure's name the first time.
    static func ouvrir(_ db: Base) throws -> ContexteBadges {
        var emetteur = try base { () throws(ErreurBase) in try db.emetteur() }
        if emetteur == nil {
            guard let structure = try base({ () throws(ErreurBase) in try db.structure() }) else {
                throw ErreurUtilisateur("la base n'est pas initialisée : lancez d'abord « livret init ».")
            }
            let nouveau = EmetteurEnregistre(identifiant: "urn:uuid:" + UUID().uuidString.lowercased(), nom: structure.nom)
            try base { () throws(ErreurBase) in try db.enregistrerEmetteur(nouveau) }
            emetteur = nouveau
        }
        let e = emetteur!
        let cles = try base { () throws(ErreurBase) in try db.cles() }.compactMap { try? JSONDecoder().decode(JWK.self, from: Data($0.jwk.utf8)) }
        return ContexteBadges(db: db, profil: ProfilEmetteur(id: e.identifiant, name: e.nom, url: e.url, description: e.description), cles: cles)
    }

    /// The active private key, read from the keys folder.
    func cleActive(dans dossier: URL) throws -> CleEmetteur {
        guard let active = try base({ () throws(ErreurBase) in try db.cleActive() }),
              let jwk = try? JSONDecoder().decode(JWK.self, from: Data(active.jwk.utf8)) else {
            throw ErreurUtilisateur("la structure n'a pas encore de clé de signature. Créez-la avec « livret badge cle creer ».")
        }
        let fichier = dossier.appendingPathComponent("\(jwk.empreinte).pem")
        guard FileManager.default.fileExists(atPath: fichier.path) else {
            throw ErreurUtilisateur("la clé privée « \(fichier.path) » est introuvable. Indiquez le bon dossier avec --cles (ou $LIVRET_CLES).")
        }
        do {
            return try CleEmetteur.lire(fichier, idEmetteur: profil.id)
        } catch {
            throw ErreurUtilisateur("\(error)")
        }
    }

    /// Signs the current revocation list with `cle`.
    func signerListe(_ revoques: [BadgeEmis], cle: CleEmetteur, date: Jour) throws -> String {
        try ListeRevocation(emetteur: profil.id, miseAJour: date.dateUTC,
                            revocations: revoques.map { Revocation(credential: $0.id, motif: $0.motifRevocation ?? "", date: ($0.revoqueLe ?? date).dateUTC) })
            .signer(cle: cle)
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
            static let configuration = CommandConfiguration(abstract: "Créer la première clé de signature (ES256) de la structure.")
            @OptionGroup var options: OptionsBase
            @OptionGroup var optionsCles: OptionsCles
            @OptionGroup var ecriture: OptionsEcriture

            func run() throws {
                let db = try options.ouvrir()
                if try base({ () throws(ErreurBase) in try db.cleActive() }) != nil {
                    throw ErreurUtilisateur("la structure a déjà une clé. Pour la changer : livret badge cle renouveler.")
                }
                try Renouveler.nouvelleCle(db, dossier: optionsCles.dossier(base: options), jour: try ecriture.jour())
            }
        }

        struct Renouveler: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Remplacer la clé de signature ; l'ancienne clé publique reste publiée pour vérifier les badges déjà délivrés.")
            @OptionGroup var options: OptionsBase
            @OptionGroup var optionsCles: OptionsCles
            @OptionGroup var ecriture: OptionsEcriture

            func run() throws {
                try Self.nouvelleCle(try options.ouvrir(), dossier: optionsCles.dossier(base: options), jour: try ecriture.jour())
            }

            static func nouvelleCle(_ db: Base, dossier: URL, jour: Jour) throws {
                let contexte = try ContexteBadges.ouvrir(db)
                let cle = CleEmetteur.generer(idEmetteur: contexte.profil.id)
                do {
                    try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                    let fichier = try cle.ecrire(dans: dossier)
                    let jwk = String(decoding: try JSONEncoder().encode(cle.jwkPublique), as: UTF8.self)
                    let revoques = try base { () throws(ErreurBase) in try db.badgesRevoques() }
                    let liste = try contexte.signerListe(revoques, cle: cle, date: jour)
                    try base { () throws(ErreurBase) in try db.enregistrerCle(kid: cle.kid, jwk: jwk, date: jour) }
                    try base { () throws(ErreurBase) in try db.publierListeRevocation(jwt: liste, date: jour) }
                    Sortie.ligne("Clé de signature créée : \(fichier.path) (lisible par vous seul).")
                    Sortie.ligne("Empreinte à communiquer aux personnes qui vérifient : \(cle.empreinte)")
                } catch let erreur as ErreurUtilisateur {
                    throw erreur
                } catch {
                    throw ErreurUtilisateur("\(error)")
                }
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
        @Flag(help: "Montrer aussi les badges pas encore gagnés.") var tous = false
        @Flag(help: "Écrire en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue()
            let dossier = try base { () throws(ErreurBase) in try db.dossier(apprenant, catalogue: catalogue) }
            let emis = Set(try base { () throws(ErreurBase) in try db.badges(apprenantId: dossier.apprenant.id!) }.filter { $0.revoqueLe == nil }.map(\.reussite))
            let liste = dossier.eligibilites(catalogue: catalogue).filter { tous || $0.eligible }
            if json { try Sortie.json(liste); return }
            if liste.isEmpty { Sortie.ligne("Aucun badge gagné pour l'instant (voir --tous)."); return }
            for e in liste {
                let etat = emis.contains(e.reussite.code) ? "déjà délivré" : (e.eligible ? "gagné" : "pas encore")
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
            let catalogue = try ChargementCatalogue.catalogue()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let dossier = try base { () throws(ErreurBase) in try db.dossier(apprenant, catalogue: catalogue) }
            guard dossier.consentements.last?.badges == true else {
                throw ErreurUtilisateur("\(apprenant) n'a pas donné son accord pour recevoir des badges. Recueillez-le puis : livret apprenant modifier \(apprenant) --consentement suivi,badges,statistiques")
            }
            if dossier.apprenant.efface { throw ErreurUtilisateur("l'identité de \(apprenant) a été effacée : plus de badge possible.") }
            let deja = Set(try base { () throws(ErreurBase) in try db.badges(apprenantId: dossier.apprenant.id!) }.filter { $0.revoqueLe == nil }.map(\.reussite))
            let eligibilites = dossier.eligibilites(catalogue: catalogue)
            var choisies: [Eligibilite]
            if tous {
                choisies = eligibilites.filter { $0.eligible && !deja.contains($0.reussite.code) }
            } else {
                guard !reussites.isEmpty else { throw ErreurUtilisateur("indiquez les badges à délivrer, ou --tous.") }
                choisies = try reussites.map { code in
                    guard let e = eligibilites.first(where: { $0.reussite.code == code }) else {
                        throw ErreurUtilisateur("le badge « \(code) » n'existe pas. Voir « livret badge eligibles \(apprenant) --tous ».")
                    }
                    guard e.eligible else { throw ErreurUtilisateur("« \(code) » n'est pas encore gagné : \(e.manque ?? "critère non rempli").") }
                    guard !deja.contains(code) else { throw ErreurUtilisateur("« \(code) » a déjà été délivré à \(apprenant).") }
                    return e
                }
            }
            if choisies.isEmpty { Sortie.ligne("Aucun nouveau badge à délivrer pour \(apprenant)."); return }
            guard confirmer else {
                Sortie.ligne("Badges à délivrer à \(dossier.apprenant.nomAffiche) :")
                choisies.forEach { Sortie.ligne("  - \($0.reussite.nom)") }
                throw ErreurUtilisateur("rien n'a été délivré : relisez la liste, puis relancez avec --confirmer.")
            }
            let contexte = try ContexteBadges.ouvrir(db)
            let cle = try contexte.cleActive(dans: optionsCles.dossier(base: options))
            let signes = try choisies.map { e in
                do { return try EmissionBadges.emettre(e, apprenant: dossier.apprenant, emetteur: contexte.profil, cle: cle, le: jour) } catch {
                    throw ErreurUtilisateur("\(error)")
                }
            }
            try base { () throws(ErreurBase) in
                try db.enregistrerBadges(signes.map {
                    BadgeEmis(id: $0.id, apprenantId: dossier.apprenant.id!, reussite: $0.reussite, emisLe: jour, kid: cle.kid, jwt: $0.jwt, auteurId: auteur.id!)
                })
            }
            Sortie.ligne("\(signes.count) badge\(signes.count > 1 ? "s" : "") délivré\(signes.count > 1 ? "s" : "") à \(dossier.apprenant.nomAffiche) :")
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
            let a = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }
            let badges = try base { () throws(ErreurBase) in try db.badges(apprenantId: a.id!) }
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
            let contexte = try ContexteBadges.ouvrir(db)
            let cle = try contexte.cleActive(dans: optionsCles.dossier(base: options))
            try base { () throws(ErreurBase) in
                try db.revoquerBadge(id: id, motif: motif, auteurId: auteur.id!, date: jour) { revoques in
                    try contexte.signerListe(revoques, cle: cle, date: jour)
                }
            }
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

        func run() throws {
            let db = try options.ouvrir()
            let a = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }
            let badges = try base { () throws(ErreurBase) in try db.badges(apprenantId: a.id!) }.filter { $0.revoqueLe == nil }
            if badges.isEmpty {
                throw ErreurUtilisateur("\(apprenant) n'a aucun badge valide. Délivrez-en d'abord : livret badge emettre \(apprenant) --tous --confirmer")
            }
            let catalogue = try ChargementCatalogue.catalogue()
            let contexte = try ContexteBadges.ouvrir(db)
            guard let liste = try base({ () throws(ErreurBase) in try db.listeRevocationSignee() }) else {
                throw ErreurUtilisateur("la liste de révocation n'a jamais été signée : créez la clé avec « livret badge cle creer ».")
            }
            let cible = URL(fileURLWithPath: sortie ?? "Exports/\(a.identifiant)-badges.zip")
            var cv: [String: Data] = [:]
            if !sansCV {
                let jour = try OptionsEcriture.jour(date ?? ProcessInfo.processInfo.environment["LIVRET_DATE"], champ: "--date")
                let choixCV = try choix.choix()
                cv["cv.html"] = try CVCommande.Exporter.cv(db: db, apprenant: apprenant, catalogue: catalogue, choix: choixCV, jour: jour,
                                                          format: .html, liensPaquet: true).0
                cv["cv.json"] = try CVCommande.Exporter.cv(db: db, apprenant: apprenant, catalogue: catalogue, choix: choixCV, jour: jour,
                                                          format: .jsonResume, liensPaquet: true).0
            }
            do {
                let entrees = try PaquetApprenant.entrees(
                    badges: try badges.map { badge in
                        let reussite = CatalogueReussites.reussite(badge.reussite, catalogue: catalogue)
                        let svg = ImageBadge.svg(nom: reussite?.nom ?? badge.reussite, famille: .parcours, description: reussite?.critere)
                        return (badge.reussite, badge.jwt, try ImageBadge.bake(svg: reussite.map { EmissionBadges.image($0) } ?? svg, jwt: badge.jwt))
                    },
                    emetteur: .init(profil: contexte.profil, cles: JWKS(keys: contexte.cles)),
                    listeRevocation: liste, pourQui: a.nomAffiche, autres: cv)
                try FileManager.default.createDirectory(at: cible.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Paquet.ecrire(entrees, vers: cible)
            } catch {
                throw ErreurUtilisateur("le paquet n'a pas pu être écrit : \(error)")
            }
            Sortie.ligne("Paquet de \(badges.count) badge\(badges.count > 1 ? "s" : "") écrit : \(cible.path)")
            Sortie.ligne("Vérification : livret badge verifier \(cible.path)")
        }
    }

    struct Verifier: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifier un paquet de badges (.zip) ou un badge (.jwt, .svg), sans Internet : une ligne par règle vérifiée.")
        @OptionGroup var options: OptionsBase
        @Argument(help: "Le paquet .zip, ou un badge .jwt ou .svg, à vérifier.") var fichier: String
        @Option(help: "La date à laquelle juger (AAAA-MM-JJ ; sinon aujourd'hui).") var date: String?
        @Flag(help: "Écrire le rapport en JSON.") var json = false

        func run() throws {
            guard FileManager.default.fileExists(atPath: fichier) else {
                throw ErreurUtilisateur("le fichier « \(fichier) » est introuvable. Vérifiez le chemin.")
            }
            let jour = try OptionsEcriture.jour(date ?? ProcessInfo.processInfo.environment["LIVRET_DATE"], champ: "--date")
            // Keys of this machine's structure, when a base is at hand: then the bundle must use them.
            var confiance: [JWK]?
            var listeLocale: String?
            if FileManager.default.fileExists(atPath: options.chemin), let db = try? Base(chemin: options.chemin),
               let cles = try? db.cles(), !cles.isEmpty {
                confiance = cles.compactMap { try? JSONDecoder().decode(JWK.self, from: Data($0.jwk.utf8)) }
                listeLocale = try? db.listeRevocationSignee()
            }
            let maintenant = jour.dateUTC.addingTimeInterval(12 * 3600)
            let rapport: VerificationPaquet.Rapport
            if fichier.lowercased().hasSuffix(".jwt") || fichier.lowercased().hasSuffix(".svg") {
                let donnees = try ChargementCatalogue.lireFichier(fichier).donnees
                rapport = VerificationPaquet.verifierFichier(donnees, cles: confiance ?? [], listeLocale: listeLocale, maintenant: maintenant)
            } else {
                rapport = VerificationPaquet.verifier(URL(fileURLWithPath: fichier), clesDeConfiance: confiance, listeLocale: listeLocale,
                                                      maintenant: maintenant)
            }
            if json { try Sortie.json(rapport) } else { Sortie.ligne(rapport.texte) }
            if !rapport.valide { throw ExitCode(1) }
        }
    }
}
