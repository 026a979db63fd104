import Foundation
import LivretBadges
import LivretCore
import LivretExports
import LivretStore

/// Issuing, revoking and packaging badges: the rules the command line and the terminal UI
/// share (consent, erased identities, no badge twice, one transaction per action).
public struct ServiceBadges {
    public let db: Base
    public let catalogue: Catalogue
    /// The folder of the structure's private keys.
    public let dossierCles: URL

    public init(db: Base, catalogue: Catalogue, dossierCles: URL) {
        self.db = db
        self.catalogue = catalogue
        self.dossierCles = dossierCles
    }

    /// One badge a learner could receive, and whether it was already issued.
    public struct Situation: Sendable, Equatable {
        public var eligibilite: Eligibilite
        public var dejaDelivre: Bool

        /// Earned and not issued yet.
        public var aDelivrer: Bool { eligibilite.eligible && !dejaDelivre }
    }

    /// Every badge of the catalogue for `apprenant` on day `jour`, earned or not, with what was already issued.
    public func situations(apprenant: String, au jour: Jour) throws -> [Situation] {
        try situations(dossier: try base { () throws(ErreurBase) in try db.dossier(apprenant, catalogue: catalogue, au: jour) })
    }

    /// The same, from a record already read.
    public func situations(dossier: DossierApprenant) throws -> [Situation] {
        situations(dossier: dossier, delivrees: try dejaDelivres(apprenantId: dossier.apprenant.id!))
    }

    /// Every badge for a learner whose record and issued badges (codes, revoked ones left out) were
    /// read; `reussites`, the catalogue's achievements, when they were derived once for many learners.
    private func situations(dossier: DossierApprenant, delivrees: Set<String>, reussites: [Reussite]? = nil) -> [Situation] {
        dossier.eligibilites(reussites ?? CatalogueReussites.toutes(catalogue), catalogue: catalogue)
            .map { Situation(eligibilite: $0, dejaDelivre: delivrees.contains($0.reussite.code)) }
    }

    /// A learner of a cohort and every badge of the catalogue for them (``situationsCohorte(_:au:)``).
    public struct SituationsApprenant: Sendable {
        public var apprenant: Apprenant
        /// The consent record in force (the last one recorded), nil when none was recorded.
        public var consentement: Consentement?
        public var situations: [Situation]

        /// Whether the person agreed to receive badges (``UsageDonnees/badges``).
        public var accordBadges: Bool { UsageDonnees.badges.autorise(consentement) }
    }

    /// Every learner of cohort `code`, in identifier order, with every badge of the catalogue on
    /// day `jour`: the same situations as ``situations(apprenant:au:)`` for each of them, read for
    /// the whole cohort at once (``Base/dossiers(cohorte:catalogue:au:)``, a few queries) instead
    /// of one record after the other. The rules are Core's (``EvaluationReussites``), applied to
    /// each record as for one learner.
    public func situationsCohorte(_ code: String, au jour: Jour) throws -> [SituationsApprenant] {
        let dossiers = try base { () throws(ErreurBase) in try db.dossiers(cohorte: code, catalogue: catalogue, au: jour) }
        let delivrees = try base { () throws(ErreurBase) in try db.reussitesDelivrees(cohorte: code) }
        let reussites = CatalogueReussites.toutes(catalogue)
        return dossiers.map { dossier in
            SituationsApprenant(apprenant: dossier.apprenant, consentement: dossier.consentements.last,
                                situations: situations(dossier: dossier, delivrees: delivrees[dossier.apprenant.id!] ?? [], reussites: reussites))
        }
    }

    private func dejaDelivres(apprenantId: Int64) throws -> Set<String> {
        Set(try base { () throws(ErreurBase) in try db.badges(apprenantId: apprenantId) }.filter { $0.revoqueLe == nil }.map(\.reussite))
    }

    /// The badges that `emettre` would issue: `codes`, or every earned one when `codes` is nil.
    /// Throws, with what to do, when consent is missing, a code is unknown, not earned or already issued.
    public func aDelivrer(apprenant: String, codes: [String]?, au jour: Jour) throws -> (DossierApprenant, [Eligibilite]) {
        let dossier = try base { () throws(ErreurBase) in try db.dossier(apprenant, catalogue: catalogue, au: jour) }
        guard UsageDonnees.badges.autorise(dossier.consentements.last) else {
            throw ErreurUtilisateur("\(apprenant) n'a pas donné son accord pour recevoir des badges. Recueillez-le puis : livret apprenant modifier \(apprenant) --consentement suivi,badges,statistiques", interface: "\(apprenant) n'a pas donné son accord pour recevoir des badges : demandez-le-lui, puis touche c sur l'écran des badges.")
        }
        if dossier.apprenant.efface { throw ErreurUtilisateur("l'identité de \(apprenant) a été effacée : plus de badge possible.") }
        let deja = try dejaDelivres(apprenantId: dossier.apprenant.id!)
        let eligibilites = dossier.eligibilites(catalogue: catalogue)
        guard let codes else {
            return (dossier, eligibilites.filter { $0.eligible && !deja.contains($0.reussite.code) })
        }
        guard !codes.isEmpty else { throw ErreurUtilisateur("indiquez les badges à délivrer, ou --tous.") }
        let choisies = try codes.map { code in
            guard let e = eligibilites.first(where: { $0.reussite.code == code }) else {
                throw ErreurUtilisateur("le badge « \(code) » n'existe pas. Voir « livret badge eligibles \(apprenant) --tous ».")
            }
            guard e.eligible else { throw ErreurUtilisateur("« \(code) » n'est pas encore gagné : \(e.manque ?? "critère non rempli").") }
            guard !deja.contains(code) else { throw ErreurUtilisateur("« \(code) » a déjà été délivré à \(apprenant).") }
            return e
        }
        return (dossier, choisies)
    }

    /// Signs and records `choisies` for the learner of `dossier`, in one transaction; the
    /// formateur has confirmed before this is called.
    public func emettre(_ choisies: [Eligibilite], dossier: DossierApprenant, auteur: Formateur, jour: Jour) throws -> [EmissionBadges.BadgeSigne] {
        guard !choisies.isEmpty else { return [] }
        let contexte = try ContexteBadges.ouvrir(db)
        let cle = try contexte.cleActive(dans: dossierCles)
        let titulaire = try base { () throws(ErreurBase) in try db.identifiantTitulaire(apprenantId: dossier.apprenant.id!) }
        // Each credential gets a random free index in the published status list (none without a web address).
        let url = contexte.urlStatuts
        var utilises = url == nil ? [] : try base { () throws(ErreurBase) in try db.indexStatutUtilises() }
        var generateur = SystemRandomNumberGenerator()
        let signes = try choisies.map { e in
            var index: Int?
            if url != nil {
                guard let libre = ListeStatuts.indexLibre(utilises: utilises, generateur: &generateur) else {
                    throw ErreurUtilisateur("la liste de statuts est pleine (\(ListeStatuts.tailleMinimale) badges) : plus de badge possible sans une nouvelle liste.")
                }
                utilises.insert(libre)
                index = libre
            }
            do {
                let badge = try EmissionBadges.emettre(e, apprenant: dossier.apprenant, titulaire: titulaire, emetteur: contexte.profil, cle: cle, le: jour,
                                                       statut: url.flatMap { u in index.map { EntreeStatut(url: u, index: $0) } })
                return (badge, index)
            } catch {
                throw ErreurUtilisateur("\(error)")
            }
        }
        try base { () throws(ErreurBase) in
            try db.enregistrerBadges(signes.map {
                BadgeEmis(id: $0.0.id, apprenantId: dossier.apprenant.id!, reussite: $0.0.reussite, emisLe: jour, kid: cle.kid, jwt: $0.0.jwt,
                          auteurId: auteur.id!, indexStatut: $0.1)
            })
        }
        try assurerListeStatuts(contexte: contexte, cle: cle, jour: jour)
        return signes.map(\.0)
    }

    /// Revokes badge `id` with `motif` and publishes the new signed revocation list, in one transaction.
    public func revoquer(id: String, motif: String, auteur: Formateur, jour: Jour) throws {
        let contexte = try ContexteBadges.ouvrir(db)
        let cle = try contexte.cleActive(dans: dossierCles)
        try base { () throws(ErreurBase) in
            try db.revoquerBadge(id: id, motif: motif, auteurId: auteur.id!, date: jour, signerListe: { revoques in
                try contexte.signerListe(revoques, cle: cle, date: jour)
            }, signerStatuts: { revoques, actuelle in
                try contexte.signerStatuts(revoques, cle: cle, date: jour, actuelle: actuelle)
            })
        }
    }

    /// Signs and stores the status list when the structure has a web address and the stored one
    /// is missing or out of date (another address or key); does nothing otherwise.
    func assurerListeStatuts(contexte: ContexteBadges, cle: CleEmetteur? = nil, jour: Jour) throws {
        guard contexte.urlStatuts != nil else { return }
        let actuelle = try base { () throws(ErreurBase) in try db.listeStatutsSignee() }
        let revoques = try base { () throws(ErreurBase) in try db.badgesRevoques() }
        let signataire = try cle ?? contexte.cleActive(dans: dossierCles)
        if let nouvelle = try contexte.signerStatuts(revoques, cle: signataire, date: jour, actuelle: actuelle?.jwt) {
            try base { () throws(ErreurBase) in try db.publierListeStatuts(url: nouvelle.url, jwt: nouvelle.jwt, date: jour) }
        }
    }

    /// Creates a new signing key (the first one, or a replacement), writes it to the keys
    /// folder (0600) and publishes its public key and a revocation list signed with it. The key is
    /// named by its own did:jwk, or by `did:web:<domaine>` when the structure gives its domain
    /// (it then publishes `did.json` on its site); a replacement keeps the did:web of the key it
    /// replaces unless another domain is given.
    public func nouvelleCle(domaine: String? = nil, jour: Jour) throws -> (fichier: URL, cle: CleEmetteur) {
        let contexte = try ContexteBadges.ouvrir(db)
        var didWeb: String?
        if let domaine {
            guard let did = DIDEmetteur.didWeb(domaine: domaine) else {
                throw ErreurUtilisateur("« \(domaine) » n'est pas un nom de domaine : donnez-le sans https:// ni chemin, par exemple --domaine exemple.fr.")
            }
            didWeb = did
        } else if contexte.profil.id.hasPrefix("did:web:") {
            didWeb = contexte.profil.id
        }
        let cle = CleEmetteur.generer(didWeb: didWeb)
        do {
            try FichiersPrives.creerDossier(dossierCles)
            let fichier = try cle.ecrire(dans: dossierCles)
            let jwk = String(decoding: try JSONEncoder().encode(cle.jwkPublique), as: UTF8.self)
            let revoques = try base { () throws(ErreurBase) in try db.badgesRevoques() }
            let liste = try contexte.signerListe(revoques, cle: cle, date: jour)
            try base { () throws(ErreurBase) in try db.enregistrerCle(kid: cle.kid, jwk: jwk, date: jour) }
            try base { () throws(ErreurBase) in try db.publierListeRevocation(jwt: liste, date: jour) }
            try assurerListeStatuts(contexte: try ContexteBadges.ouvrir(db), cle: cle, jour: jour)
            return (fichier, cle)
        } catch let erreur as ErreurUtilisateur {
            throw erreur
        } catch {
            throw ErreurUtilisateur("\(error)")
        }
    }

    /// The structure's verification site (décision 52), by path inside it, mirroring its addresses
    /// (``SiteVerification``): `.well-known/did.json` (did:web only), `badges/emetteur.json` (its
    /// profile and every public key, the trust anchor of the pages), `badges/revocations.jwt` (the
    /// signed revocation list), `badges/statuts.jwt` (the signed status list, when it has one),
    /// `v/index.html` (type a code by hand) and one `v/<CODE>/index.html` per credential the base
    /// still holds, revoked ones included (``PageVerification``). The badges of a learner whose
    /// identity was erased get no page.
    public func fichiersAPublier() throws -> [String: Data] {
        let contexte = try ContexteBadges.ouvrir(db)
        guard let liste = try base({ () throws(ErreurBase) in try db.listeRevocationSignee() }) else {
            throw ErreurUtilisateur("la structure n'a pas encore de clé de signature. Créez-la avec « livret badge cle creer ».")
        }
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let dossier = SiteVerification.dossierBadges + "/"
        var fichiers: [String: Data] = [
            dossier + PaquetApprenant.nomEmetteur: try encodeur.encode(PaquetApprenant.DocumentEmetteur(profil: contexte.profil, cles: JWKS(keys: contexte.cles),
                                                                                                       retraits: contexte.retraits)) + Data("\n".utf8),
            dossier + PaquetApprenant.nomRevocations: Data((liste + "\n").utf8),
        ]
        if let did = try DocumentDID.json(did: contexte.profil.id, cles: contexte.cles) { fichiers[SiteVerification.cheminDID] = did }
        if let statuts = try base({ () throws(ErreurBase) in try db.listeStatutsSignee() }) {
            fichiers[dossier + CredentialListeStatuts.nomFichier] = Data((statuts.jwt + "\n").utf8)
        }
        let badges = try base { () throws(ErreurBase) in try db.badgesPublies() }
        fichiers.merge(PageVerification.pages(credentials: badges.map { (id: $0.id, jwt: $0.jwt) })) { _, page in page }
        return fichiers
    }

    /// Writes the bundle of the learner's valid badges to `cible` (a zip written to a temporary
    /// file, then renamed), with the CV when `cv` is given. Returns how many badges it holds.
    @discardableResult
    public func ecrirePaquet(apprenant: String, vers cible: URL, cv choixCV: ChoixCV?, jour: Jour) throws -> Int {
        let a = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }
        if a.efface {
            throw ErreurUtilisateur("l'identité de \(apprenant) a été effacée : ses badges signés ne sont plus dans la base (elle garde ceux qui lui ont été remis).")
        }
        // The badges she chose herself in her space, when she chose (the bundle never holds more).
        let siens = try ServiceCV.choixDeLaPersonne(db: db, apprenantId: a.id!)
        let badges = try base { () throws(ErreurBase) in try db.badges(apprenantId: a.id!) }
            .filter { $0.revoqueLe == nil && (siens?.montre(badgeDe: $0.reussite, id: $0.id) ?? true) }
        if badges.isEmpty, siens?.badges != nil {
            throw ErreurUtilisateur("\(apprenant) : la personne a choisi de ne montrer aucun de ses badges ; le paquet serait vide. Elle peut changer ce choix dans son espace (livret espace).",
                                    interface: "\(apprenant) : la personne a choisi de ne montrer aucun badge ; rien à mettre dans le paquet.")
        }
        if badges.isEmpty {
            throw ErreurUtilisateur("\(apprenant) n'a aucun badge valide. Délivrez-en d'abord : livret badge emettre \(apprenant) --tous --confirmer", interface: "\(apprenant) n'a aucun badge valide : délivrez-les d'abord (touche e).")
        }
        let contexte = try ContexteBadges.ouvrir(db)
        guard let liste = try base({ () throws(ErreurBase) in try db.listeRevocationSignee() }) else {
            throw ErreurUtilisateur("la liste de révocation n'a jamais été signée : créez la clé avec « livret badge cle creer ».")
        }
        let cle = try contexte.cleActive(dans: dossierCles)
        try assurerListeStatuts(contexte: contexte, cle: cle, jour: jour)
        let statuts = try base { () throws(ErreurBase) in try db.listeStatutsSignee() }
        let titulaire = try base { () throws(ErreurBase) in try db.identifiantTitulaire(apprenantId: a.id!) }
        // The CV, built once (bounded by her own choices), gives the name the bundle's README uses:
        // the one she lets a CV show, none when she chose none.
        let numerique = try ServiceCV.numerique(db: db, apprenant: apprenant, catalogue: catalogue, choix: choixCV ?? .parDefaut, jour: jour,
                                                bornerParLaPersonne: true)
        var cv: [String: Data] = [:]
        if choixCV != nil {
            cv["cv.html"] = Data(CVHTML.rendre(numerique, liensPaquet: true).utf8)
            do { cv["cv.json"] = try CVJSONResume.rendre(numerique) } catch { throw ErreurUtilisateur("le CV n'a pas pu être écrit : \(error)") }
        }
        do {
            let entrees = try PaquetApprenant.entrees(
                badges: try badges.map { badge in
                    let reussite = CatalogueReussites.reussite(badge.reussite, catalogue: catalogue)
                    let svg = ImageBadge.svg(nom: reussite?.nom ?? badge.reussite, famille: .parcours, structure: contexte.profil.name,
                                             description: reussite?.critere)
                    return (badge.reussite, badge.jwt,
                            try ImageBadge.bake(svg: reussite.map { EmissionBadges.image($0, emetteur: contexte.profil) } ?? svg, jwt: badge.jwt))
                },
                emetteur: .init(profil: contexte.profil, cles: JWKS(keys: contexte.cles), retraits: contexte.retraits),
                listeRevocation: liste, listeStatuts: statuts?.jwt, pourQui: numerique.identite?.nom, autres: cv, titulaire: titulaire) { manifeste in
                    // Signed once per content and key: the same bundle made twice is the same bytes.
                    let empreinte = EntreeManifeste(nom: Manifeste.nomFichier, donnees: manifeste).sha256
                    if let connue = try db.signatureManifeste(empreinte: empreinte, kid: cle.kid) { return connue }
                    let jws = try JWT.signer(payload: manifeste, cle: cle)
                    try db.enregistrerSignatureManifeste(empreinte: empreinte, apprenantId: a.id!, kid: cle.kid, jws: jws)
                    return jws
                }
            try FichiersPrives.creerDossier(cible.deletingLastPathComponent())
            try Paquet.ecrire(entrees, vers: cible)
        } catch {
            throw ErreurUtilisateur("le paquet n'a pas pu être écrit : \(error)")
        }
        return badges.count
    }
}
