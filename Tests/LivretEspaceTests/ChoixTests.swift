import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivretCore
@testable import LivretEspace
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// What the learner decides in her space, recorded by her and respected by every export.
@Suite struct ChoixTests {
    @Test func leChoixDuCVEstEnregistreEtBorneLesExportsDeLaFormatrice() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            let r = try await v.post("/cv", "csrf=\(try await v.csrf())&identite=aucune&section=competences&section=parcours")
            #expect(r.status == .seeOther && r.headers[.location] == "/cv?m=cv")
            #expect(try await v.get("/cv?m=cv").texte.contains("Votre choix est enregistré"))
        }
        let a = try banc.db.apprenant("A-0001")
        let (choix, jour) = try #require(try banc.db.choixCV(apprenantId: a.id!))
        #expect(choix.sections == [.competences, .parcours] && choix.identite == .aucune && jour == Fixe.jour && choix.choisiParLaPersonne)
        // The formatrice asks for everything: she gets what the learner chose, and the CV says who chose.
        var tout = ChoixCV.parDefaut
        tout.identite = .complete
        let (_, cv) = try ServiceCV.cv(db: banc.db, apprenant: "A-0001", catalogue: catalogueEmbarque, choix: tout, jour: Fixe.jour,
                                       format: .html, liensPaquet: false)
        #expect(cv.identite == nil && cv.pix == nil && cv.badges == nil && cv.competences != nil)
        #expect(cv.choisiParLaPersonne == true)
        let export = String(decoding: try ServiceApprenants.exportAcces(db: banc.db, identifiant: "A-0001", catalogue: catalogueEmbarque,
                                                                         jour: Fixe.jour), as: UTF8.self)
        #expect(export.contains("\"choixCV\"") && export.contains("\"identite\" : \"aucune\""), "son export d'accès contient ses choix")
    }

    @Test func unBadgeQuiNEstPasLeSienNeSeChoisitPas() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            _ = try await v.post("/cv", "csrf=\(try await v.csrf())&identite=prenom&section=badges&badge=badge-d-une-autre")
        }
        let choix = try #require(try banc.db.choixCV(apprenantId: try banc.db.apprenant("A-0001").id!)).choix
        #expect(choix.badges == [] || choix.badges == nil)
        #expect(!(choix.badges ?? []).contains("badge-d-une-autre"))
    }

    @Test func sesAccordsSontEnregistresParElle() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            let r = try await v.post("/donnees/accords", "csrf=\(try await v.csrf())&suivi=oui&badges=oui&statistiques=non&coop=non")
            #expect(r.headers[.location] == "/donnees?m=accords")
        }
        let c = try #require(try banc.db.consentement(apprenantId: try banc.db.apprenant("A-0001").id!))
        #expect(c.parLaPersonne && c.suivi && c.badges && !c.statistiques && !c.coop && c.date == Fixe.jour)
        #expect(c.auteurId == banc.auteur.id, "la formatrice qui a donné le code est l'autrice enregistrée")
    }

    @Test func sonAvisEstNoteCommeDonneSeuleEtCiteSansNomParDefaut() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        let avant = try banc.db.satisfactions().count
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            let page = try await v.get("/avis").texte
            let sujet = try #require(Visiteur.valeur("sujet", dans: page.replacingOccurrences(of: "type=\"radio\" name=\"sujet\"", with: "name=\"sujet\"")))
            // Another learner's cohort is not hers to answer on.
            #expect(try await v.post("/avis", "csrf=\(try await v.csrf())&sujet=cohorte:inconnue&q1=4").status == .forbidden)
            let r = try await v.post("/avis", "csrf=\(try await v.csrf())&sujet=\(sujet)&q1=4&q2=3&q3=4&q4=4&aide=La+patience")
            #expect(r.headers[.location] == "/avis?m=avis")
        }
        let reponses = try banc.db.satisfactions()
        #expect(reponses.count == avant + 1)
        let r = try #require(reponses.first { $0.identifiant == "A-0001" && $0.reponse.mode == .seul }?.reponse)
        #expect(r.mode == .seul && r.citation == .anonyme && r.aide == "La patience" && r.notes == [4, 3, 4, 4])
    }

    @Test func sansAccordPourEtreCiteeSesMotsNeSontPasGardes() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            let page = try await v.get("/avis").texte
            let sujet = try #require(Visiteur.valeur("sujet", dans: page.replacingOccurrences(of: "type=\"radio\" name=\"sujet\"", with: "name=\"sujet\"")))
            _ = try await v.post("/avis", "csrf=\(try await v.csrf())&sujet=\(sujet)&q1=2&citation=non&aide=Mon+nom+est+Samira")
        }
        let r = try #require(try banc.db.satisfactions().first { $0.identifiant == "A-0001" && $0.reponse.mode == .seul }?.reponse)
        #expect(r.citation == .non && r.aide == nil && r.temoignage == nil)
    }

    @Test func laDemandeDEffacementAttendLaFormatrice() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            #expect(try await v.post("/donnees/effacement", "csrf=\(try await v.csrf())").headers[.location] == "/donnees",
                    "sans la case cochée, rien n'est demandé")
            #expect(try banc.db.demandesEffacement().isEmpty)
            _ = try await v.post("/donnees/effacement", "csrf=\(try await v.csrf())&confirmer=oui")
            #expect(try await v.get("/donnees").texte.contains("Vous avez demandé l'effacement le 04/03/2024"))
        }
        #expect(try banc.db.demandesEffacement().map(\.identifiant) == ["A-0001"])
        // Her access export says what she did in her space.
        let export = String(decoding: try ServiceApprenants.exportAcces(db: banc.db, identifiant: "A-0001", catalogue: catalogueEmbarque,
                                                                         jour: Fixe.jour), as: UTF8.self)
        #expect(export.contains("\"demandesEffacement\"") && export.contains("\"espace\""))
        try banc.db.effacerApprenant("A-0001", auteurId: banc.auteur.id!, date: Fixe.jour)
        #expect(try banc.db.demandesEffacement().isEmpty, "l'effacement fait, la demande est close")
    }

    @Test func leTelephoneRecupereSesFichiersPendantQuelquesMinutes() async throws {
        let banc = try Banc(telephones: "http://192.168.1.20:8080")
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            let page = try await v.get("/telephone").texte
            #expect(page.contains("<svg") && page.contains("role=\"img\""), "un code QR")
            let lien = try #require(page.components(separatedBy: "http://192.168.1.20:8080").dropFirst().first.map { String($0.prefix { $0 != "<" && $0 != "\"" }) })
            let telephone = Visiteur(client)   // no session: the link alone
            #expect(try await telephone.get(lien).status == .ok)
            let cv = try await telephone.get(lien + "/cv.html")
            #expect(cv.status == .ok && cv.texte.contains("Samira") && cv.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(try await telephone.get(lien + "/autre.txt").status == .notFound)
            banc.horloge.avancer(RegleEspace.validiteLienTelephone)
            #expect(try await telephone.get(lien + "/cv.html").status == .notFound, "le lien a expiré")
        }
    }

    @Test func sansReseauLocalPasDeCodeQR() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            #expect(!(try await v.get("/cv").texte.contains("/telephone")))
            #expect(try await v.get("/telephone").texte.contains("Demandez à la formatrice d'ouvrir l'espace pour le Wi-Fi"))
        }
    }
}
