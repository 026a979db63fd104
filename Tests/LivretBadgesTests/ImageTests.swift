import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LivretBadges

@Suite("Images de badge")
struct ImageTests {
    @Test("SVG accessible et déterministe")
    func svgAccessible() throws {
        let a = ImageBadge.svg(nom: "Utiliser une messagerie & ses pièces jointes", famille: .pix(domaine: 2))
        let b = ImageBadge.svg(nom: "Utiliser une messagerie & ses pièces jointes", famille: .pix(domaine: 2))
        #expect(a == b)
        let texte = String(decoding: a, as: UTF8.self)
        #expect(texte.contains(#"viewBox="0 0 256 256""#))
        #expect(texte.contains(#"role="img""#))
        #expect(texte.contains("<title id=\"titre\">Badge : Utiliser une messagerie &amp; ses pièces jointes</title>"))
        #expect(texte.contains("<desc id=\"desc\">"))
        #expect(texte.components(separatedBy: "<tspan").count - 1 >= 2)
        #expect(texte.contains(FamilleBadge.pix(domaine: 2).couleur))
        #expect(ImageBadge.svg(nom: "x", famille: .aptic(niveau: 1)) != ImageBadge.svg(nom: "x", famille: .parcours))
        // The SVG is well-formed XML.
        _ = try XMLDocument(data: a)
    }

    @Test("Découpage du nom en 3 lignes au plus")
    func coupure() {
        #expect(ImageBadge.couper("Envoyer un e-mail", largeur: 16, maxLignes: 3) == ["Envoyer un", "e-mail"])
        let long = ImageBadge.couper("Un nom de badge vraiment beaucoup trop long pour tenir sur trois lignes", largeur: 16, maxLignes: 3)
        #expect(long.count == 3)
        #expect(long[2].hasSuffix("…"))
        #expect(long.allSatisfy { $0.count <= 16 })
    }

    @Test("Intégration et extraction du JWT dans le SVG (aller-retour, octets stables)")
    func bake() throws {
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let jwt = try EmissionCredential.emettre(Exemple.demande(), cle: cle).jwt
        let svg = ImageBadge.svg(nom: "Naviguer sur Internet", famille: .parcours)
        let cuit = try ImageBadge.bake(svg: svg, jwt: jwt)
        #expect(try ImageBadge.bake(svg: svg, jwt: jwt) == cuit)
        #expect(ImageBadge.extraire(svg: cuit) == jwt)
        #expect(ImageBadge.extraire(svg: svg) == nil)
        let texte = String(decoding: cuit, as: UTF8.self)
        #expect(texte.contains(#"xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0""#))
        #expect(texte.contains(#"role="img" aria-labelledby="titre desc" lang="fr" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">"#
            + "\n<openbadges:credential>\(jwt)</openbadges:credential>"))
        _ = try XMLDocument(data: cuit)
        #expect(throws: ErreurBadge.self) { try ImageBadge.bake(svg: cuit, jwt: jwt) }
        #expect(throws: ErreurBadge.self) { try ImageBadge.bake(svg: Data("pas une image".utf8), jwt: jwt) }
        #expect(throws: ErreurBadge.self) { try ImageBadge.bake(svg: svg, jwt: "<script>") }
        // verify attribute and CDATA forms are read too.
        let autre = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:credential><![CDATA[ a.b.c ]]></openbadges:credential></svg>".utf8)
        #expect(ImageBadge.extraire(svg: autre) == "a.b.c")
        let verify = Data("<svg><openbadges:credential verify=\"x.y.z\"/></svg>".utf8)
        #expect(ImageBadge.extraire(svg: verify) == "x.y.z")
    }
}
