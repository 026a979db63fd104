import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivretCore
@testable import LivretEspace
import LivretStore
import LivretTestSupport
import Testing

/// Every route, tried with no session, with another learner's session, and with forged forms.
@Suite struct SecuriteTests {
    /// The pages (GET) that show a learner's data.
    static let pages = ["/", "/savoir-faire", "/parcours", "/pix", "/badges", "/cv", "/cv/document", "/cv/telecharger", "/badges/paquet",
                        "/telephone", "/avis", "/donnees", "/donnees/export"]
    /// The changes (POST), each with a body that would change something.
    static let changements = [("/cv", "identite=complete&section=pix"), ("/avis", "sujet=cohorte:fen-2024&q1=4"),
                              ("/donnees/accords", "suivi=non&badges=non&statistiques=non&coop=oui"),
                              ("/donnees/effacement", "confirmer=oui"), ("/fin", "")]

    /// What the base holds of A-0001's choices, consents, opinions and requests: nothing may move.
    static func empreinte(_ db: Base) throws -> String {
        let a = try db.apprenant("A-0001")
        return "\(String(describing: try db.choixCV(apprenantId: a.id!)))|\(String(describing: try db.consentement(apprenantId: a.id!)))|"
            + "\(try db.demandesEffacement())|\(try db.satisfactions().count)"
    }

    @Test func sansSessionRienNeSeVoitNiNeChange() async throws {
        let banc = try Banc()
        let avant = try Self.empreinte(banc.db)
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            for page in Self.pages.dropFirst() {
                let r = try await v.get(page)
                #expect(r.status == .seeOther && r.headers[.location] == "/", "\(page) sans session")
                #expect(!r.texte.contains("Samira"))
            }
            for (route, corps) in Self.changements {
                let r = try await v.post(route, corps)
                #expect(r.status == .forbidden || route == "/fin", "\(route) sans session : \(r.status)")
            }
        }
        #expect(try Self.empreinte(banc.db) == avant)
    }

    @Test func laSessionDUneAutreNAtteintRienDeCelleCi() async throws {
        let banc = try Banc()
        let codeAutre = try banc.code("A-0002")
        try await banc.tester { client async throws in
            let autre = Visiteur(client)
            try await autre.entrer(codeAutre)
            // No route names a learner; adding one to the address changes nothing.
            let essais = Self.pages + ["/savoir-faire?apprenant=A-0001", "/donnees/export?identifiant=A-0001", "/apprenant/A-0001",
                                       "/A-0001/cv", "/recuperer/A-0001/cv.html", "/cv/document?a=1"]
            for page in essais {
                let r = try await autre.get(page)
                #expect(!r.texte.contains("Samira") && !r.texte.contains("Haddad"), "\(page) avec la session de A-0002")
            }
            #expect(try await autre.get("/donnees/export").texte.contains("Fatou"), "sa propre session voit ses données")
        }
    }

    @Test func unChangementSansLaValeurAntiFalsificationEstRefuse() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001"), codeAutre = try banc.code("A-0002")
        let avant = try Self.empreinte(banc.db)
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            try await v.entrer(code)
            let autre = Visiteur(client)
            try await autre.entrer(codeAutre)
            let csrfAutre = try await autre.csrf()
            let csrf = try await v.csrf()
            for (route, corps) in Self.changements {
                #expect(try await v.post(route, corps).status == .forbidden, "\(route) sans valeur")
                #expect(try await v.post(route, corps + "&csrf=faux").status == .forbidden, "\(route) valeur fausse")
                #expect(try await v.post(route, corps + "&csrf=\(csrfAutre)").status == .forbidden, "\(route) valeur d'une autre session")
                #expect(try await v.post(route, corps + "&csrf=\(csrf)", en: [.origin: "http://attaquant.example"]).status == .forbidden,
                        "\(route) venu d'un autre site")
            }
            #expect(try await v.get("/donnees").status == .ok, "la session est toujours ouverte")
        }
        #expect(try Self.empreinte(banc.db) == avant)
    }

    @Test func chaqueReponsePorteLesEnTetesDeSecurite() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            var reponses = [try await v.get("/"), try await v.get("/style.css"), try await v.get("/nulle-part")]
            try await v.entrer(code)
            for page in Self.pages { reponses.append(try await v.get(page)) }
            for r in reponses {
                #expect(r.headers[.cacheControl] == "no-store", "rien n'est gardé sur un ordinateur partagé")
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(r.headers[.contentSecurityPolicy]?.contains("script-src") == false, "aucun script permis")
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
        }
    }

    @Test func uneAdresseInconnueDonneUnePageEnFrancais() async throws {
        let banc = try Banc()
        try await banc.tester { client async throws in
            let r = try await Visiteur(client).get("/nulle-part")
            #expect(r.status == .notFound)
            #expect(r.texte.contains("Cette page n'existe pas") && r.texte.contains("lang=\"fr\""))
        }
    }

    @Test func aucuneDonneeDansLesAdresses() async throws {
        let banc = try Banc()
        let code = try banc.code("A-0001")
        try await banc.tester { client async throws in
            let v = Visiteur(client)
            let entree = try await v.entrer(code)
            var adresses = [entree.headers[.location] ?? ""]
            for page in Self.pages {
                let t = try await v.get(page).texte
                adresses += t.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                adresses += t.components(separatedBy: "action=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            }
            for a in Set(adresses) {
                #expect(!a.contains("A-0001") && !a.contains("Samira") && !a.contains("csrf") && !a.contains(code), "adresse « \(a) »")
            }
        }
    }
}
