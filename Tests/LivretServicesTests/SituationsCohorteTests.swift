import Foundation
import LivretCore
import LivretDemo
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// The badges screen reads a whole cohort at once (issue 17): `situationsCohorte` must give, for
/// every learner, exactly what `situations(apprenant:)` gives when each record is read alone —
/// eligibility, what was observed, what is missing, what was already issued — and the batched
/// records must be the records `dossier` reads one by one.
@Suite("Badges d'une cohorte lus d'un coup : les mêmes situations qu'apprenant par apprenant")
struct SituationsCohorteTests {
    /// A record as JSON with stable keys; presences of the same day in séance order (the one-by-one
    /// read orders them by date only).
    static func json(_ dossier: DossierApprenant) throws -> String {
        var d = dossier
        for i in d.inscriptions.indices {
            d.inscriptions[i].presences.sort { ($0.seanceId, $0.apprenantId) < ($1.seanceId, $1.apprenantId) }
        }
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.sortedKeys]
        return String(decoding: try encodeur.encode(d), as: UTF8.self)
    }

    /// Each badge as « code gagné/— délivré/— ».
    static func resume(_ situations: [ServiceBadges.Situation]) -> [String] {
        situations.map { "\($0.eligibilite.reussite.code) \($0.eligibilite.eligible ? "gagné" : "—") \($0.dejaDelivre ? "délivré" : "—")" }
    }

    /// Compares the batched read of every cohort of `db` with the one-by-one read; returns how many
    /// learners, earned badges and issued badges were compared (so a test knows it was not vacuous).
    static func comparer(_ db: Base, service: ServiceBadges, jour: Jour) throws -> (apprenants: Int, gagnes: Int, delivres: Int, plusieursCohortes: Int) {
        var compte = (apprenants: 0, gagnes: 0, delivres: 0, plusieursCohortes: 0)
        for cohorte in try db.resumesCohortes(au: jour).map(\.code) {
            let lots = try service.situationsCohorte(cohorte, au: jour)
            let seuls = try db.apprenants(cohorte: cohorte)
            #expect(lots.map(\.apprenant.identifiant) == seuls.map(\.identifiant), "cohorte \(cohorte) : les mêmes personnes, dans le même ordre")
            let dossiers = try db.dossiers(cohorte: cohorte, catalogue: catalogueEmbarque, au: jour)
            for (lot, apprenant) in zip(lots, seuls) {
                let dossier = try db.dossier(apprenant.identifiant, catalogue: catalogueEmbarque, au: jour)
                let attendues = try service.situations(apprenant: apprenant.identifiant, au: jour)
                // Code, earned, issued first (a short message), then everything else (observations, what is missing).
                #expect(Self.resume(lot.situations) == Self.resume(attendues), "cohorte \(cohorte), \(apprenant.identifiant)")
                if Self.resume(lot.situations) == Self.resume(attendues) {
                    #expect(lot.situations == attendues, "cohorte \(cohorte), \(apprenant.identifiant) : situations différentes")
                }
                #expect(lot.apprenant == dossier.apprenant)
                #expect(lot.accordBadges == UsageDonnees.badges.autorise(dossier.consentements.last), "\(apprenant.identifiant) : accord aux badges")
                if let lu = dossiers.first(where: { $0.apprenant.identifiant == apprenant.identifiant }) {
                    #expect(try json(lu) == json(dossier), "cohorte \(cohorte), \(apprenant.identifiant) : dossier différent")
                } else {
                    Issue.record("\(apprenant.identifiant) absent des dossiers de \(cohorte)")
                }
                compte.apprenants += 1
                compte.gagnes += attendues.filter(\.eligibilite.eligible).count
                compte.delivres += attendues.filter(\.dejaDelivre).count
                compte.plusieursCohortes += dossier.inscriptions.count > 1 ? 1 : 0
            }
        }
        return compte
    }

    /// Issues every earned badge to the learners who agreed, then revokes one: the comparison then
    /// covers issued, not issued and revoked badges.
    static func delivrer(_ db: Base, service: ServiceBadges, jour: Jour, auteur: Formateur) throws {
        _ = try service.nouvelleCle(jour: jour)
        var premier: String?
        for apprenant in try db.apprenants() where !apprenant.efface {
            guard let (dossier, choisies) = try? service.aDelivrer(apprenant: apprenant.identifiant, codes: nil, au: jour), !choisies.isEmpty else { continue }
            let signes = try service.emettre(choisies, dossier: dossier, auteur: auteur, jour: jour)
            if premier == nil { premier = signes.first?.id }
        }
        if let premier { try service.revoquer(id: premier, motif: "Délivré par erreur", auteur: auteur, jour: jour) }
    }

    @Test("Démonstration : chaque cohorte lue d'un coup donne les situations et les dossiers lus un par un")
    func demonstration() throws {
        let dossier = try DossierTemporaire(prefixe: "livret-situations")
        defer { dossier.supprimer() }
        let (db, resume) = try Demonstration.enMemoire()
        let jour = Jour("2024-03-04")!
        let service = ServiceBadges(db: db, catalogue: catalogueEmbarque, dossierCles: dossier.url.appendingPathComponent("cles"))
        try Self.delivrer(db, service: service, jour: jour, auteur: try db.formateur(resume.formateurs[0]))
        let compte = try Self.comparer(db, service: service, jour: jour)
        #expect(compte.apprenants > 0)
        #expect(compte.gagnes > 0 && compte.delivres > 0, "la démonstration doit avoir des badges gagnés et délivrés : \(compte)")
    }

    @Test("Base générée : preuves, profils Pix, certifications, deux cohortes, badges délivrés et révoqués", arguments: [UInt64(17), 2026])
    func generee(graine: UInt64) throws {
        let dossier = try DossierTemporaire(prefixe: "livret-situations")
        defer { dossier.supprimer() }
        let db = try Base()
        let jour = try BaseGeneree.remplir(db, graine: graine)
        let auteur = try db.formateur("Formatrice")
        // Evidence and Pix profiles for the learners who agreed to the follow-up: a sous-thème mastered
        // for some, a shared profile (certifiable or not) for others; a few in a second cohort.
        var h = GenerateurDeterministe(graine: graine)
        let items = catalogueEmbarque.apticBase.items.filter { !$0.estRetire }.map(\.code)
        let competences = catalogueEmbarque.pix.competences.map(\.code)
        let cohortes = try db.resumesCohortes(au: jour).map(\.code)
        for apprenant in try db.apprenants() where try db.consentement(apprenantId: apprenant.id!)?.suivi == true {
            let preuves = (0..<h.entier(0...40)).map { _ in
                Preuve(apprenantId: apprenant.id!, referentiel: .aptic, code: items[h.entier(0...items.count - 1)],
                       niveau: [NiveauPreuve.declaratif, .suivi, .autonomie][h.entier(0...2)], date: jour.ajout(jours: -h.entier(0...90)),
                       auteurId: auteur.id!)
            }
            try db.ajouterPreuves(preuves)
            if h.tirage(0.3) {
                let niveaux = Dictionary(uniqueKeysWithValues: competences.map { ($0, h.entier(0...3)) })
                try db.enregistrerProfilPix(ProfilPix(apprenantId: apprenant.id!, date: jour.ajout(jours: -h.entier(0...60)), source: "saisie",
                                                      partage: !h.tirage(0.2), niveaux: niveaux))
            }
            if h.tirage(0.05) {
                let autre = cohortes[h.entier(0...cohortes.count - 1)]
                if try !db.apprenants(cohorte: autre).contains(where: { $0.id == apprenant.id }) {
                    try db.inscrire(identifiants: [apprenant.identifiant], cohorte: autre, auteurId: auteur.id!, date: jour.ajout(jours: -30))
                }
            }
        }
        let service = ServiceBadges(db: db, catalogue: catalogueEmbarque, dossierCles: dossier.url.appendingPathComponent("cles"))
        try Self.delivrer(db, service: service, jour: jour, auteur: auteur)
        // One big cohort too (everyone in c0): a cohort of several hundred is shared among the cores.
        let dansC0 = Set(try db.apprenants(cohorte: "c0").map(\.identifiant))
        try db.inscrire(identifiants: try db.apprenants().map(\.identifiant).filter { !dansC0.contains($0) }, cohorte: "c0",
                        auteurId: auteur.id!, date: jour.ajout(jours: -7))
        #expect(try db.apprenants(cohorte: "c0").count >= 200)
        let compte = try Self.comparer(db, service: service, jour: jour)
        #expect(compte.gagnes > 0 && compte.delivres > 0 && compte.plusieursCohortes > 0, "la base doit couvrir chaque cas : \(compte)")
    }

    @Test("Une cohorte inconnue est refusée en français, comme la lecture d'un dossier")
    func cohorteInconnue() throws {
        let (db, _) = try Demonstration.enMemoire()
        let dossier = try DossierTemporaire(prefixe: "livret-situations")
        defer { dossier.supprimer() }
        let service = ServiceBadges(db: db, catalogue: catalogueEmbarque, dossierCles: dossier.url)
        #expect(throws: ErreurUtilisateur.self) { try service.situationsCohorte("inconnue", au: Jour("2024-03-04")!) }
    }
}
