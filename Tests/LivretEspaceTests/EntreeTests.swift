import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivretCore
@testable import LivretEspace
import LivretStore
import LivretTestSupport
import Testing

/// Signing in with a one-time code, the limits on wrong codes, how a session ends.
@Suite struct EntreeTests {
    @Test func unCodeOuvreLEspaceDeSaPersonne() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            let r = try await v.entrer(RegleEspace.affichage(code))
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/")
            let cookie = try #require(r.headers[values: .setCookie].first { $0.hasPrefix(RoutesEspace.cookieSession + "=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Max-Age") && !cookie.contains("Expires"), "un cookie de session : il part quand le navigateur se ferme")
            let accueil = try await v.get("/")
            #expect(accueil.texte.contains("Bonjour Samira"))
        }
    }

    @Test func unCodeNeSertQuUneFois() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            #expect(try await Visiteur(client).entrer(code).status == .seeOther)
            let deuxieme = try await Visiteur(client).entrer(code)
            #expect(deuxieme.status == .unauthorized)
            #expect(deuxieme.texte.contains("Ce code ne marche pas"))
        }
    }

    @Test func unCodeTropVieuxEstRefuse() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        banc.horloge.avancer(RegleEspace.validiteCode)
        try await banc.tester { client async throws in
            #expect(try await Visiteur(client).entrer(code).status == .unauthorized)
        }
    }

    @Test func unNouveauCodeRemplaceLAncien() async throws {
        let banc = try Banc()
        let ancien = try banc.code("A-0001")
        var suivant = try banc.code("A-0001")
        while suivant == ancien { suivant = try banc.code("A-0001") }
        let nouveau = suivant
        try await banc.tester { client async throws in
            #expect(try await Visiteur(client).entrer(ancien).status == .unauthorized)
            #expect(try await Visiteur(client).entrer(nouveau).status == .seeOther)
        }
    }

    @Test func unCodeMalTapeNeComptePasCommeUnEssai() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            for _ in 0..<(RegleEspace.essaisParAdresse + 2) {
                let r = try await Visiteur(client).entrer("12a")
                #expect(r.texte.contains("Le code a 6 chiffres"))
            }
            #expect(try await Visiteur(client).entrer(code).status == .seeOther)
        }
    }

    @Test func lesCodesFauxSontLimites() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        let faux = code == "000000" ? "111111" : "000000"
        try await banc.tester { client async throws in
            for _ in 0..<RegleEspace.essaisParAdresse {
                #expect(try await Visiteur(client).entrer(faux).status == .unauthorized)
            }
            // Even the right code waits: a guesser cannot go on.
            let bloque = try await Visiteur(client).entrer(code)
            #expect(bloque.status == .tooManyRequests)
            #expect(bloque.texte.contains("Trop de codes faux. Attendez 10 minutes"))
            banc.horloge.avancer(RegleEspace.fenetreEssais)
            // The code itself has expired meanwhile (same 10 minutes): a new one works.
            let nouveau = try banc.code("A-0001")
            #expect(try await Visiteur(client).entrer(nouveau).status == .seeOther)
        }
    }

    @Test func unFormulaireDEntreeSansSaValeurEstRefuse() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let r = try await Visiteur(client).post("/connexion", "code=\(code)")
            #expect(r.status == .forbidden)
            #expect(try await Visiteur(client).entrer(code).status == .seeOther, "le code n'a pas été consommé")
        }
    }

    @Test func laSessionSeFermeApresQuelquesMinutesSansRien() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            banc.horloge.avancer(RegleEspace.inactiviteSession - 1)
            #expect(try await v.get("/savoir-faire").status == .ok, "utilisée, elle reste ouverte")
            banc.horloge.avancer(RegleEspace.inactiviteSession)
            let r = try await v.get("/savoir-faire")
            #expect(r.status == .seeOther && r.headers[.location] == "/")
        }
    }

    @Test func laSessionAUneDureeMaximale() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            for _ in 0..<(RegleEspace.dureeMaxSession / 60) {
                banc.horloge.avancer(60)
                _ = try await v.get("/")
            }
            #expect(try await v.get("/savoir-faire").status == .seeOther)
        }
    }

    @Test func terminerFermeLaSession() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            let jeton = try #require(v.cookies[RoutesEspace.cookieSession])
            let r = try await v.post("/fin", "csrf=\(try await v.csrf())")
            #expect(r.status == .seeOther)
            #expect(v.cookies[RoutesEspace.cookieSession] == nil, "le cookie est effacé")
            // The old cookie, kept by someone else, opens nothing.
            let autre = Visiteur(client)
            autre.cookies[RoutesEspace.cookieSession] = jeton
            #expect(try await autre.get("/donnees").status == .seeOther)
        }
    }

    @Test func unePersonneEffaceeNEntrePlus() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try banc.db.effacerApprenant("A-0001", auteurId: banc.auteur.id!, date: Fixe.jour)
        try await banc.tester { client async throws in
            #expect(try await Visiteur(client).entrer(code).status == .unauthorized)
        }
    }

    @Test func effaceePendantSaSessionElleNeVoitPlusRien() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            #expect(try await v.get("/savoir-faire").status == .ok)
            try banc.db.effacerApprenant("A-0001", auteurId: banc.auteur.id!, date: Fixe.jour)
            #expect(try await v.get("/savoir-faire").status == .seeOther)
        }
    }

    @Test func lesHotesAcceptes() {
        let accepte = ServeurEspace.hotesAcceptes(port: { 8080 }, adresses: ["192.168.1.20"])
        #expect(accepte("127.0.0.1:8080"))
        #expect(accepte("localhost:8080"))
        #expect(accepte("[::1]:8080"))
        #expect(accepte("192.168.1.20:8080"))
        #expect(!accepte("127.0.0.1:9090"), "un autre port")
        #expect(!accepte("attaquant.example:8080"), "un nom qu'un autre site contrôle (rebinding DNS)")
        #expect(!accepte("192.168.1.21:8080"))
        #expect(!ServeurEspace.hotesAcceptes(port: { 8080 }, adresses: [])("192.168.1.20:8080"), "sans --reseau-local, seulement cet ordinateur")
    }
}
