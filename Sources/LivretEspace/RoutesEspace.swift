import Foundation
import Hummingbird
import LivretCore
import LivretExports
import LivretServices
import LivretStore

/// Every route of the space. No route names a learner: the session says whose space it is, so a
/// session can only ever reach its own learner's data. Every change is a POST carrying the
/// session's anti-forgery value, coming from this server's own pages.
struct RoutesEspace: Sendable {
    let configuration: ConfigurationEspace
    let sessions: Sessions

    static let cookieSession = "livret_espace"
    static let cookieFormulaire = "livret_formulaire"

    var db: Base { configuration.db }

    func ajouter(a routeur: Router<ContexteEspace>) {
        routeur.get("/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: Style.css)))
        }
        routeur.get("/") { requete, _ in try await accueil(requete) }
        routeur.post("/connexion") { requete, contexte in try await connexion(requete, contexte) }
        routeur.post("/fin") { requete, _ in try await fin(requete) }
        for rubrique in [Gabarit.Rubrique.savoirFaire, .parcours, .pix, .badges] {
            routeur.get(RouterPath(rubrique.rawValue)) { requete, _ in
                try await avecSession(requete) { session, vue, structure in
                    switch rubrique {
                    case .savoirFaire: PagesLivret.savoirFaire(vue, structure: structure, csrf: session.csrf)
                    case .parcours: PagesLivret.parcours(vue, structure: structure, csrf: session.csrf)
                    case .pix: PagesLivret.pix(vue, structure: structure, csrf: session.csrf)
                    default: PagesLivret.badges(vue, structure: structure, csrf: session.csrf)
                    }
                }
            }
        }
        routeur.get("/cv") { requete, _ in
            try await avecSession(requete) { session, vue, structure in
                PagesChoix.cv(vue, structure: structure, csrf: session.csrf, telephone: configuration.adressePourTelephones != nil,
                              paquet: aDesBadges(vue), message: message(requete), erreur: nil)
            }
        }
        routeur.post("/cv") { requete, _ in try await choisirCV(requete) }
        routeur.get("/cv/document") { requete, _ in try await documentCV(requete, telechargement: false) }
        routeur.get("/cv/telecharger") { requete, _ in try await documentCV(requete, telechargement: true) }
        routeur.get("/badges/paquet") { requete, _ in
            guard let session = await session(requete) else { return versConnexion() }
            return try paquet(session.ouverture)
        }
        routeur.get("/telephone") { requete, _ in
            guard let session = await session(requete) else { return versConnexion() }
            let lien = await configuration.adressePourTelephones.asyncMap { adresse in "\(adresse())/recuperer/\(await sessions.nouveauLien(session.ouverture))" }
            return html(PagesChoix.telephone(lien: lien, structure: try structure(), csrf: session.csrf))
        }
        routeur.get("/recuperer/:jeton") { requete, contexte in
            guard let jeton = contexte.parameters.get("jeton"), let ouverture = await sessions.lien(jeton) else { return try introuvable(nil) }
            let vue = try VueApprenant.lire(db: db, ouverture, catalogue: configuration.catalogue, jour: configuration.jour())
            return html(PagesChoix.recuperer(jeton: jeton, structure: try structure(), paquet: aDesBadges(vue)))
        }
        routeur.get("/recuperer/:jeton/:fichier") { requete, contexte in
            guard let jeton = contexte.parameters.get("jeton"), let ouverture = await sessions.lien(jeton) else { return try introuvable(nil) }
            switch contexte.parameters.get("fichier") {
            case "cv.html": return try cvTelecharge(ouverture)
            case "badges.zip": return try paquet(ouverture)
            default: return try introuvable(nil)
            }
        }
        routeur.get("/avis") { requete, _ in
            try await avecSession(requete) { session, vue, structure in
                PagesChoix.avis(sujets: try sujets(vue), structure: structure, csrf: session.csrf, message: message(requete), erreur: nil)
            }
        }
        routeur.post("/avis") { requete, _ in try await donnerAvis(requete) }
        routeur.get("/donnees") { requete, _ in
            try await avecSession(requete) { session, vue, structure in
                PagesChoix.donnees(vue, structure: structure, csrf: session.csrf, message: message(requete), erreur: nil)
            }
        }
        routeur.post("/donnees/accords") { requete, _ in try await accords(requete) }
        routeur.post("/donnees/effacement") { requete, _ in try await effacement(requete) }
        routeur.get("/donnees/export") { requete, _ in
            guard let session = await session(requete) else { return versConnexion() }
            let donnees = try ServiceApprenants.exportAcces(db: db, identifiant: session.ouverture.identifiant, catalogue: configuration.catalogue,
                                                            jour: configuration.jour())
            return fichier(donnees, type: "application/json", nom: "mes-donnees.json")
        }
    }

    // MARK: Sessions

    /// The session of the request's cookie, still open; a session whose learner was erased since
    /// is closed (her space no longer exists).
    func session(_ requete: Request) async -> Sessions.Session? {
        guard let s = await sessions.session(jeton: requete.cookies[Self.cookieSession]?.value) else { return nil }
        guard let apprenant = try? db.apprenantEspace(id: s.ouverture.apprenantId), !apprenant.efface else {
            await sessions.fermer(jeton: s.jeton)
            return nil
        }
        return s
    }

    /// The page of a signed-in learner, or the sign-in page.
    func avecSession(_ requete: Request, _ page: (Sessions.Session, VueApprenant, String) throws -> String) async throws -> Response {
        guard let session = await session(requete) else { return versConnexion() }
        let vue = try VueApprenant.lire(db: db, session.ouverture, catalogue: configuration.catalogue, jour: configuration.jour())
        return html(try page(session, vue, try structure()))
    }

    /// The session of a form, when its anti-forgery value is the session's and it comes from this
    /// server's pages; nil otherwise (nothing is changed).
    func sessionDuFormulaire(_ requete: Request) async throws -> (Sessions.Session, Formulaire)? {
        guard origineAcceptee(requete), let session = await session(requete) else { return nil }
        let formulaire = try await lireFormulaire(requete)
        guard let csrf = formulaire["csrf"], egaux(csrf, session.csrf) else { return nil }
        return (session, formulaire)
    }

    /// A form sent from another site carries its Origin: only this server's own is accepted
    /// (a missing Origin is left to the anti-forgery value).
    func origineAcceptee(_ requete: Request) -> Bool {
        guard let origine = requete.headers[.origin] else { return true }
        guard let url = URL(string: origine), let hote = url.host else { return false }
        let avecPort = url.port.map { "\(hote):\($0)" } ?? hote
        return requete.head.authority.map { $0 == avecPort || $0 == hote } ?? false
    }

    func lireFormulaire(_ requete: Request) async throws -> Formulaire {
        let corps = try await requete.body.collect(upTo: Formulaire.tailleMax)
        return Formulaire(corps: String(buffer: corps))
    }

    func egaux(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: Pages

    func accueil(_ requete: Request) async throws -> Response {
        if let session = await session(requete) {
            let vue = try VueApprenant.lire(db: db, session.ouverture, catalogue: configuration.catalogue, jour: configuration.jour())
            return html(PagesConnexion.accueil(vue, structure: try structure(), csrf: session.csrf, message: message(requete)))
        }
        return try pageConnexion(message: message(requete), erreur: nil, status: .ok)
    }

    func pageConnexion(message: String?, erreur: String?, status: HTTPResponse.Status) throws -> Response {
        let jeton = Sessions.aleatoire()
        var r = html(PagesConnexion.connexion(structure: try structure(), jetonFormulaire: jeton, message: message, erreur: erreur), status: status)
        r.setCookie(Cookie(name: Self.cookieFormulaire, value: jeton, path: "/", secure: false, httpOnly: true, sameSite: .strict))
        return r
    }

    func connexion(_ requete: Request, _ contexte: ContexteEspace) async throws -> Response {
        let formulaire = try await lireFormulaire(requete)
        guard origineAcceptee(requete), let attendu = requete.cookies[Self.cookieFormulaire]?.value, let recu = formulaire["formulaire"],
              egaux(attendu, recu) else {
            return try pageConnexion(message: nil, erreur: "La page était trop vieille. Tapez de nouveau votre code.", status: .forbidden)
        }
        if let refus = await sessions.blocage(adresse: contexte.adresse) {
            return try pageConnexion(message: nil, erreur: refus.message, status: .tooManyRequests)
        }
        do {
            let ouverture = try ServiceEspace.ouvrir(db: db, codeSaisi: formulaire["code"] ?? "", maintenant: await sessions.maintenant())
            let session = await sessions.ouvrir(ouverture)
            var r = redirection("/")
            r.setCookie(Cookie(name: Self.cookieSession, value: session.jeton, path: "/", secure: false, httpOnly: true, sameSite: .strict))
            r.setCookie(Cookie(name: Self.cookieFormulaire, value: "", expires: Date(timeIntervalSince1970: 0), path: "/", httpOnly: true, sameSite: .strict))
            return r
        } catch let refus as RegleEspace.Refus {
            if refus == .inconnu { await sessions.noterEchec(adresse: contexte.adresse) }
            return try pageConnexion(message: nil, erreur: refus.message, status: .unauthorized)
        }
    }

    func fin(_ requete: Request) async throws -> Response {
        if await session(requete) != nil {
            // Only her own page may close her space (a forged form would sign her out behind her back).
            guard let (session, _) = try await sessionDuFormulaire(requete) else { return refus() }
            await sessions.fermer(jeton: session.jeton)
        }
        var r = redirection("/?m=fin")
        r.setCookie(Cookie(name: Self.cookieSession, value: "", expires: Date(timeIntervalSince1970: 0), path: "/", httpOnly: true, sameSite: .strict))
        return r
    }

    func choisirCV(_ requete: Request) async throws -> Response {
        guard let (session, f) = try await sessionDuFormulaire(requete) else { return refus() }
        let identite = f["identite"].flatMap(IdentiteCV.init(rawValue:)) ?? .aucune
        var sections = Set(f.tous("section").compactMap(SectionCV.init(rawValue:)).filter { $0 != .identite })
        if identite != .aucune { sections.insert(.identite) }
        let vue = try VueApprenant.lire(db: db, session.ouverture, catalogue: configuration.catalogue, jour: configuration.jour())
        // Only her own badges can be chosen; every one she has ticked, none other.
        let siens = Set((vue.cv.badges ?? []).map(\.reussite))
        let coches = Set(f.tous("badge")).intersection(siens)
        let choix = ChoixCV(sections: sections, identite: identite, contact: f["contact"] == "oui" && sections.contains(.identite),
                            badges: coches == siens ? nil : coches)
        try ServiceEspace.choisirCV(db: db, session.ouverture, choix: choix, jour: configuration.jour())
        return redirection("/cv?m=cv")
    }

    func documentCV(_ requete: Request, telechargement: Bool) async throws -> Response {
        guard let session = await session(requete) else { return versConnexion() }
        if telechargement { return try cvTelecharge(session.ouverture) }
        var r = html(String(decoding: try donneesCV(session.ouverture), as: UTF8.self))
        r.headers[.contentSecurityPolicy] = EnTetesSecurite.politiqueCV
        return r
    }

    /// Her CV as she chose it (the default choices when she chose nothing).
    func donneesCV(_ ouverture: ServiceEspace.Ouverture) throws -> Data {
        try ServiceCV.cv(db: db, apprenant: ouverture.identifiant, catalogue: configuration.catalogue, choix: .parDefaut, jour: configuration.jour(),
                         format: .html, liensPaquet: false).0
    }

    func cvTelecharge(_ ouverture: ServiceEspace.Ouverture) throws -> Response {
        var r = fichier(try donneesCV(ouverture), type: "text/html; charset=utf-8", nom: "mon-cv.html")
        r.headers[.contentSecurityPolicy] = EnTetesSecurite.politiqueCV
        return r
    }

    func aDesBadges(_ vue: VueApprenant) -> Bool { !(vue.cv.badges ?? []).isEmpty }

    func paquet(_ ouverture: ServiceEspace.Ouverture) throws -> Response {
        let dossier = FileManager.default.temporaryDirectory.appendingPathComponent("livret-espace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dossier) }
        let cible = dossier.appendingPathComponent("badges.zip")
        let service = ServiceBadges(db: db, catalogue: configuration.catalogue, dossierCles: configuration.dossierCles)
        do {
            try service.ecrirePaquet(apprenant: ouverture.identifiant, vers: cible, cv: .parDefaut, jour: configuration.jour())
        } catch let e as ErreurUtilisateur {
            return html(Gabarit.page(titre: "Mes badges", picto: .badges, structure: try structure(), csrf: nil, corps: """
                <p>Le fichier de vos badges n'a pas pu être fait.</p>
                <p>Montrez ce message à la formatrice : \(e.message.html)</p>
                <p><a href="/cv">Revenir à mon CV</a></p>
                """), status: .conflict)
        }
        return fichier(try Data(contentsOf: cible), type: "application/zip", nom: "mes-badges.zip")
    }

    /// Her cohorts and accompaniments she has not given her opinion on.
    func sujets(_ vue: VueApprenant) throws -> [PagesChoix.Sujet] {
        let repondus = vue.dossier.questionnaires
        var sujets: [PagesChoix.Sujet] = []
        for i in vue.dossier.inscriptions where i.statut != .inscrit {
            let id = try base { () throws(ErreurBase) in try db.cohorte(i.cohorte) }.id
            if !repondus.contains(where: { $0.cohorteId == id }) {
                sujets.append(.init(valeur: "cohorte:\(i.cohorte)", libelle: "La formation « \(i.titre(catalogue: configuration.catalogue)) »"))
            }
        }
        for a in vue.dossier.accompagnements.sorted(by: { $0.date > $1.date }).prefix(3) where !repondus.contains(where: { $0.accompagnementId == a.id }) {
            sujets.append(.init(valeur: "accompagnement:\(a.id ?? 0)", libelle: "Le rendez-vous du \(a.date.francais)"))
        }
        return sujets
    }

    func donnerAvis(_ requete: Request) async throws -> Response {
        guard let (session, f) = try await sessionDuFormulaire(requete) else { return refus() }
        let vue = try VueApprenant.lire(db: db, session.ouverture, catalogue: configuration.catalogue, jour: configuration.jour())
        let possibles = try sujets(vue)
        // Only a subject of her own: another learner's cohort or accompaniment is refused.
        guard let sujet = f["sujet"], possibles.contains(where: { $0.valeur == sujet }) else { return refus() }
        let notes = QuestionnaireSatisfaction.questions.indices.map { f["q\($0 + 1)"].flatMap { QuestionnaireSatisfaction.note($0) } }
        let citation = f["citation"].flatMap(Citation.init(rawValue:)) ?? .anonyme
        var aide = f["aide"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        var temoignage = f["temoignage"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        if citation == .non { aide = nil; temoignage = nil }
        let (genre, valeur) = (sujet.prefix { $0 != ":" }, String(sujet.drop { $0 != ":" }.dropFirst()))
        let saisie = ServiceQualite.SaisieSatisfaction(
            identifiant: session.ouverture.identifiant, cohorte: genre == "cohorte" ? valeur : nil,
            accompagnement: genre == "accompagnement" ? Int64(valeur) : nil, mode: .seul, notes: notes, aide: aide, citation: citation,
            temoignage: temoignage)
        do {
            guard let auteur = try base({ () throws(ErreurBase) in try db.formateurs() }).first(where: { $0.id == session.ouverture.auteurId }) else {
                return refus()
            }
            try ServiceQualite.noterSatisfaction(db: db, saisie: saisie, auteur: auteur, jour: configuration.jour())
        } catch let e as ErreurUtilisateur {
            return html(PagesChoix.avis(sujets: possibles, structure: try structure(), csrf: session.csrf, message: nil, erreur: e.message),
                        status: .unprocessableContent)
        }
        return redirection("/avis?m=avis")
    }

    func accords(_ requete: Request) async throws -> Response {
        guard let (session, f) = try await sessionDuFormulaire(requete) else { return refus() }
        let vue = try VueApprenant.lire(db: db, session.ouverture, catalogue: configuration.catalogue, jour: configuration.jour())
        func oui(_ nom: String, _ usage: UsageDonnees) -> Bool { f[nom].map { $0 == "oui" } ?? usage.autorise(vue.consentement) }
        try ServiceEspace.consentir(db: db, session.ouverture, suivi: oui("suivi", .livret), badges: oui("badges", .badges),
                                   statistiques: oui("statistiques", .statistiques), coop: oui("coop", .coop), jour: configuration.jour())
        return redirection("/donnees?m=accords")
    }

    func effacement(_ requete: Request) async throws -> Response {
        guard let (session, f) = try await sessionDuFormulaire(requete) else { return refus() }
        guard f["confirmer"] == "oui" else { return redirection("/donnees") }
        try ServiceEspace.demanderEffacement(db: db, session.ouverture, jour: configuration.jour())
        return redirection("/donnees?m=effacement")
    }

    // MARK: Answers

    func structure() throws -> String {
        let emetteur = try base { () throws(ErreurBase) in try db.emetteur() }
        if let nom = emetteur?.nom { return nom }
        return try base { () throws(ErreurBase) in try db.structure() }?.nom ?? "La structure"
    }

    /// The message after an action, by a short code in the address (never data).
    func message(_ requete: Request) -> String? {
        switch requete.uri.queryParameters.get("m") {
        case "fin": "Votre espace est fermé. À bientôt !"
        case "cv": "Votre choix est enregistré."
        case "avis": "Merci pour votre avis !"
        case "accords": "Vos accords sont enregistrés."
        case "effacement": "Votre demande est envoyée. La formatrice va effacer vos données."
        default: nil
        }
    }

    func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    func fichier(_ donnees: Data, type: String, nom: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(nom)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: donnees)))
    }

    func redirection(_ vers: String) -> Response {
        Response(status: .seeOther, headers: [.location: vers])
    }

    func versConnexion() -> Response { redirection("/") }

    /// A change without a valid session or anti-forgery value: nothing is done.
    func refus() -> Response {
        html(Gabarit.page(titre: "Rien n'a été changé", picto: nil, structure: (try? structure()) ?? "", csrf: nil, corps: """
            <p>Cette page a expiré, ou elle ne vient pas de votre espace.</p>
            <p><a href="/">Revenir à l'accueil</a></p>
            """), status: .forbidden)
    }

    func introuvable(_ csrf: String?) throws -> Response {
        html(PagesConnexion.introuvable(structure: try structure(), csrf: csrf), status: .notFound)
    }

    /// The page of an address that leads nowhere.
    func pageIntrouvable() -> Response {
        html(PagesConnexion.introuvable(structure: (try? structure()) ?? "", csrf: nil), status: .notFound)
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let v): try await transform(v)
        case .none: nil
        }
    }
}
