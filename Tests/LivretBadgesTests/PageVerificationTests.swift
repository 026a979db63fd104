import Foundation
import LivretBadges
import LivretCore
import Testing

/// The pages of the verification site, as built (their checks in a browser are in the CLI tests).
@Suite("Pages de vérification : contenu, échappement, regroupement par code")
struct PageVerificationTests {
    static let cle = CleEmetteur.generer(didWeb: "did:web:exemple.fr")

    /// A credential of `Exemple`'s request whose achievement is named `nom`.
    static func jeton(nom: String, id: String = "urn:uuid:0b8f3f9c-5d55-4b8e-9a4a-6f2d1c9e7a10") throws -> String {
        var demande = Exemple.demande(id: id)
        demande.emetteur = ProfilEmetteur(id: "did:web:exemple.fr", name: "Espace \"numérique\" <b>")
        demande.realisation.name = nom
        return try EmissionCredential.emettre(demande, cle: cle).jwt
    }

    static func occurrences(_ motif: String, _ texte: String) -> Int {
        texte.components(separatedBy: motif).count - 1
    }

    @Test("Un nom de badge avec <script> ou des guillemets reste du texte")
    func echappement() throws {
        let nom = "Expert\" onmouseover=\"alert(1)</h2><script>alert('x')</script>"
        let jwt = try Self.jeton(nom: nom)
        let html = PageVerification.page(code: "0B8F-3F9C", jetons: [jwt])
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("\" onmouseover=\""))
        #expect(!html.contains("<b>"))
        #expect(html.contains("Expert&quot; onmouseover=&quot;alert(1)&lt;/h2&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("Espace &quot;numérique&quot; &lt;b&gt;"))
        // The page's own script and the embedded token: nothing else.
        #expect(Self.occurrences("<script", html) == 2)
        #expect(html.contains("<script type=\"application/jwt\" class=\"jeton\" id=\"credential\">\(jwt)</script>"))
    }

    @Test("Un jeton qui contient autre chose que du base64url n'est pas intégré")
    func jetonHostile() {
        let html = PageVerification.page(code: "<0B8F>", jetons: ["a.b.c</script><script>alert(1)</script>"])
        #expect(!html.contains("alert(1)"))
        #expect(!html.contains("<0B8F>"))
        #expect(html.contains("Badge illisible"))
        #expect(Self.occurrences("<script", html) == 2)
    }

    @Test("La page est en français, sans ressource externe, avec une région de verdict")
    func structure() throws {
        let html = PageVerification.page(code: "0B8F-3F9C", jetons: [try Self.jeton(nom: "Utiliser")])
        #expect(html.contains("<html lang=\"fr\">"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("<p id=\"verdict\" role=\"status\" aria-live=\"polite\" data-verdict=\"en-cours\">"))
        #expect(html.contains("<noscript>") && html.contains("livret badge verifier"))
        #expect(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"))
        for externe in ["src=\"http", "href=\"http", "@import", "url(", "<link"] { #expect(!html.contains(externe), "\(externe)") }
        #expect(html.contains("Espace &quot;numérique&quot;"))
        #expect(html.contains("18 mars 2024"))
        // The learner's hashed identity stays inside the token.
        #expect(!html.contains("sha256$"))
    }

    @Test("Une page par code court ; deux badges au même code partagent la page ; la page de saisie")
    func regroupement() throws {
        let a = try Self.jeton(nom: "A", id: "urn:uuid:0b8f3f9c-0000-4b8e-9a4a-6f2d1c9e7a10")
        let b = try Self.jeton(nom: "B", id: "urn:uuid:0b8f3f9c-1111-4b8e-9a4a-6f2d1c9e7a10")
        let c = try Self.jeton(nom: "C", id: "urn:uuid:1234abcd-1111-4b8e-9a4a-6f2d1c9e7a10")
        let pages = PageVerification.pages(credentials: [(id: "urn:uuid:0b8f3f9c-1111-4b8e-9a4a-6f2d1c9e7a10", jwt: b),
                                                         (id: "urn:uuid:0b8f3f9c-0000-4b8e-9a4a-6f2d1c9e7a10", jwt: a),
                                                         (id: "urn:uuid:1234abcd-1111-4b8e-9a4a-6f2d1c9e7a10", jwt: c)])
        #expect(Set(pages.keys) == ["v/index.html", "v/0B8F-3F9C/index.html", "v/1234-ABCD/index.html"])
        let commune = String(decoding: try #require(pages["v/0B8F-3F9C/index.html"]), as: UTF8.self)
        #expect(commune.contains("id=\"credential\">\(a)</script>") && commune.contains("id=\"credential-2\">\(b)</script>"))
        #expect(Self.occurrences("class=\"etat\"", commune) == 2)
        let saisie = String(decoding: try #require(pages["v/index.html"]), as: UTF8.self)
        #expect(saisie.contains("<label for=\"code\">Code du badge</label>"))
    }
}
