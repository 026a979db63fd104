import Foundation
import LivretBadges
import LivretCore
import LivretServices
import LivretStore
import LivretTestSupport
import LivretZip
import Testing

/// The learner's own space as every front end uses it (issue 21): a one-time code given by the
/// formatrice opens the space once; what the learner decides there (consent, CV choices) is hers
/// and bounds every CV and bundle made for her afterwards.
@Suite("ServiceEspace : code à usage unique, choix de la personne respectés partout")
struct ServiceEspaceTests {
    static let t0: Int64 = 1_709_542_800   // 4 March 2024, 9:00 UTC

    let demo: DemoTemporaire
    var db: Base { demo.base }
    let nadia: Formateur

    init() throws {
        demo = try Demonstration.temporaire()
        nadia = try demo.base.formateur(Fixe.formateur)
    }

    func code(_ identifiant: String = "A-0001", a instant: Int64 = t0, graine: UInt64 = Fixe.graine) throws -> String {
        var tirage = Fixe.generateur(graine: graine)
        return try ServiceEspace.donnerCode(db: db, identifiant: identifiant, auteur: nadia, jour: Fixe.jour, maintenant: instant, tirage: &tirage)
    }

    @Test("Un code ouvre l'espace une fois, de sa personne ; la seconde fois il est refusé")
    func uneSeuleFois() throws {
        let code = try code()
        #expect(code.count == 6 && code.allSatisfy(\.isNumber))
        let ouverture = try ServiceEspace.ouvrir(db: db, codeSaisi: RegleEspace.affichage(code), maintenant: Self.t0 + 30)
        let samira = try db.apprenant("A-0001")
        #expect(ouverture.apprenantId == samira.id && ouverture.identifiant == "A-0001" && ouverture.auteurId == nadia.id)
        #expect(throws: RegleEspace.Refus.inconnu) { try ServiceEspace.ouvrir(db: db, codeSaisi: code, maintenant: Self.t0 + 31) }
    }

    @Test("Le même tirage donne le même code ; un nouveau code remplace le précédent")
    func nouveauCode() throws {
        let premier = try code(graine: 1)
        #expect(try code(graine: 1) == premier, "tirage déterministe (tests, interface)")
        let second = try code(graine: 2)
        try #require(second != premier)
        #expect(throws: RegleEspace.Refus.inconnu) { try ServiceEspace.ouvrir(db: db, codeSaisi: premier, maintenant: Self.t0 + 1) }
        #expect(try ServiceEspace.ouvrir(db: db, codeSaisi: second, maintenant: Self.t0 + 1).identifiant == "A-0001")
    }

    @Test("Codes de deux personnes : chacun ouvre l'espace de la sienne")
    func deuxPersonnes() throws {
        let a = try code("A-0001", graine: 10)
        let b = try code("A-0002", graine: 11)
        #expect(try ServiceEspace.ouvrir(db: db, codeSaisi: b, maintenant: Self.t0 + 5).identifiant == "A-0002")
        #expect(try ServiceEspace.ouvrir(db: db, codeSaisi: a, maintenant: Self.t0 + 5).identifiant == "A-0001")
    }

    @Test("Un code trop vieux est refusé, à la seconde près")
    func perime() throws {
        let code = try code()
        #expect(throws: RegleEspace.Refus.inconnu) {
            try ServiceEspace.ouvrir(db: db, codeSaisi: code, maintenant: Self.t0 + RegleEspace.validiteCode)
        }
        // Still valid one second before, and not used by the refusal above.
        #expect(try ServiceEspace.ouvrir(db: db, codeSaisi: code, maintenant: Self.t0 + RegleEspace.validiteCode - 1).identifiant == "A-0001")
    }

    @Test("Mal tapé (lettre, chiffre en moins) : refusé comme tel, et le code reste bon")
    func malTape() throws {
        let code = try code()
        #expect(throws: RegleEspace.Refus.malTape) { try ServiceEspace.ouvrir(db: db, codeSaisi: String(code.dropLast()), maintenant: Self.t0 + 1) }
        #expect(throws: RegleEspace.Refus.malTape) { try ServiceEspace.ouvrir(db: db, codeSaisi: String(code.dropLast()) + "x", maintenant: Self.t0 + 1) }
        #expect(throws: RegleEspace.Refus.malTape) { try ServiceEspace.ouvrir(db: db, codeSaisi: "", maintenant: Self.t0 + 1) }
        let faux = String(code.map { $0 == "9" ? "0" : Character(String(Int(String($0))! + 1)) })
        #expect(throws: RegleEspace.Refus.inconnu) { try ServiceEspace.ouvrir(db: db, codeSaisi: faux, maintenant: Self.t0 + 1) }
        #expect(try ServiceEspace.ouvrir(db: db, codeSaisi: "\(code.prefix(3))-\(code.suffix(3))", maintenant: Self.t0 + 2).identifiant == "A-0001")
    }

    @Test("Personne effacée : pas de code ; un code donné avant l'effacement ne sert plus")
    func effacee() throws {
        let code = try code("A-0002")
        _ = try ServiceApprenants.effacer(db: db, "A-0002", auteur: nadia, jour: Fixe.jour)
        #expect(throws: RegleEspace.Refus.inconnu) { try ServiceEspace.ouvrir(db: db, codeSaisi: code, maintenant: Self.t0 + 1) }
        let erreur = #expect(throws: ErreurUtilisateur.self) { try self.code("A-0002") }
        #expect(erreur?.message.contains("a été effacé") == true, "\(String(describing: erreur))")
        #expect(throws: (any Error).self) { try self.code("A-9999") }
    }

    @Test("Le code n'est écrit nulle part dans les fichiers de la base, ni le journal")
    func codeNullePart() throws {
        let code = try code()
        var octets = Data()
        for suffixe in ["", "-wal"] where FileManager.default.fileExists(atPath: demo.chemin + suffixe) {
            octets += try Data(contentsOf: URL(fileURLWithPath: demo.chemin + suffixe))
        }
        for forme in [code, RegleEspace.affichage(code)] {
            #expect(octets.range(of: Data(forme.utf8)) == nil, "« \(forme) » trouvé dans la base")
        }
    }

    @Test("L'accord donné dans l'espace est enregistré comme donné par la personne, au nom de la formatrice qui a donné le code")
    func consentir() throws {
        let ouverture = try ServiceEspace.ouvrir(db: db, codeSaisi: try code(), maintenant: Self.t0 + 1)
        try ServiceEspace.consentir(db: db, ouverture, suivi: true, badges: false, statistiques: false, coop: false, jour: Fixe.jour)
        let c = try #require(try db.consentement(apprenantId: ouverture.apprenantId))
        #expect(c.parLaPersonne)
        #expect(c.suivi && !c.badges && !c.statistiques && !c.coop)
        #expect(c.auteurId == nadia.id && c.date == Fixe.jour)
    }

    @Test("Demande d'effacement : enregistrée une fois, levée par l'effacement")
    func demanderEffacement() throws {
        let ouverture = try ServiceEspace.ouvrir(db: db, codeSaisi: try code(), maintenant: Self.t0 + 1)
        try ServiceEspace.demanderEffacement(db: db, ouverture, jour: Fixe.jour)
        try ServiceEspace.demanderEffacement(db: db, ouverture, jour: Fixe.jour.ajout(jours: 1))
        #expect(try db.demandesEffacement().map { "\($0.identifiant) \($0.date)" } == ["A-0001 \(Fixe.jour)"])
        _ = try ServiceApprenants.effacer(db: db, "A-0001", auteur: nadia, jour: Fixe.jour.ajout(jours: 2))
        #expect(try db.demandesEffacement() == [])
    }

    @Test("Le CV fait par la formatrice ne montre pas plus que ce que la personne a choisi")
    func cvBorne() throws {
        let samira = try db.apprenant("A-0001")
        // Before any choice of hers: the formatrice's request as it is.
        let avant = try ServiceCV.cv(db: db, apprenant: "A-0001", catalogue: catalogueEmbarque, choix: ChoixCV(identite: .complete, contact: true),
                                     jour: Fixe.jour, format: .html, liensPaquet: false)
        let htmlAvant = String(decoding: avant.0, as: UTF8.self)
        try #require(htmlAvant.contains(samira.prenom!) && htmlAvant.contains(samira.nom!))
        try #require(avant.1.pix != nil)
        // She chose no name and no Pix section.
        let ouverture = try ServiceEspace.ouvrir(db: db, codeSaisi: try code(), maintenant: Self.t0 + 1)
        try ServiceEspace.choisirCV(db: db, ouverture, choix: ChoixCV(sections: [.identite, .competences, .parcours, .badges], identite: .aucune),
                                    jour: Fixe.jour)
        for format in [ServiceCV.Format.html, .jsonResume] {
            let (octets, cv) = try ServiceCV.cv(db: db, apprenant: "A-0001", catalogue: catalogueEmbarque,
                                                choix: ChoixCV(identite: .complete, contact: true), jour: Fixe.jour, format: format, liensPaquet: false)
            let texte = String(decoding: octets, as: UTF8.self)
            #expect(!texte.contains(samira.prenom!) && !texte.contains(samira.nom!), "\(format) : le nom malgré son choix")
            #expect(cv.identite?.nom == nil)
            #expect(cv.pix == nil, "\(format) : Pix malgré son choix")
            #expect(cv.competences != nil)
        }
        // Her own view of everything in her space is not bounded.
        let sienne = try ServiceCV.numerique(db: db, apprenant: "A-0001", catalogue: catalogueEmbarque, choix: .parDefaut, jour: Fixe.jour,
                                             bornerParLaPersonne: false)
        #expect(sienne.pix != nil)
    }

    @Test("Le paquet de badges ne contient que les badges qu'elle a choisis")
    func paquetBorne() throws {
        let service = ServiceBadges(db: db, catalogue: catalogueEmbarque, dossierCles: demo.dossier.fichier("cles"))
        _ = try service.nouvelleCle(jour: Fixe.jour)
        let (dossier, choisies) = try service.aDelivrer(apprenant: "A-0001", codes: nil, au: Fixe.jour)
        let emis = try service.emettre(choisies, dossier: dossier, auteur: nadia, jour: Fixe.jour)
        let reussites = Set(try db.badges(apprenantId: dossier.apprenant.id!).map(\.reussite))
        try #require(reussites.count >= 2, "la démo donne au moins deux badges à A-0001 : \(reussites), \(emis.count)")
        let gardee = reussites.sorted()[0]
        func badgesDuPaquet(_ nom: String) throws -> Set<String> {
            let url = demo.dossier.fichier(nom)
            try service.ecrirePaquet(apprenant: "A-0001", vers: url, cv: ChoixCV(), jour: Fixe.jour)
            let entrees = try ZipLecture.lire(url)
            return Set(entrees.keys.filter { $0.hasPrefix("badges/") && $0.hasSuffix(".jwt") }.map { String($0.dropFirst(7).dropLast(4)) })
        }
        #expect(try badgesDuPaquet("tous.zip") == reussites)
        let ouverture = try ServiceEspace.ouvrir(db: db, codeSaisi: try code(), maintenant: Self.t0 + 1)
        try ServiceEspace.choisirCV(db: db, ouverture, choix: ChoixCV(badges: [gardee]), jour: Fixe.jour)
        #expect(try badgesDuPaquet("choisis.zip") == [gardee])
        // The CV in the bundle shows the same one badge.
        let cv = try ServiceCV.numerique(db: db, apprenant: "A-0001", catalogue: catalogueEmbarque, choix: .parDefaut, jour: Fixe.jour,
                                         bornerParLaPersonne: true)
        #expect(cv.badges?.count == 1)
        // None chosen: no bundle, and a French reason.
        try ServiceEspace.choisirCV(db: db, ouverture, choix: ChoixCV(badges: []), jour: Fixe.jour)
        let erreur = #expect(throws: ErreurUtilisateur.self) { try badgesDuPaquet("aucun.zip") }
        #expect(erreur?.message.contains("la personne a choisi de ne montrer aucun de ses badges") == true)
    }
}
