import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LivretBadges
import LivretCore
import LivretReferentiels

@Suite("Images de badge")
struct ImageTests {
    @Test("SVG accessible et déterministe")
    func svgAccessible() throws {
        let a = ImageBadge.svg(nom: "Utiliser une messagerie & ses pièces jointes", famille: .pix(domaine: 2), structure: "Centre social « Les Tilleuls »")
        let b = ImageBadge.svg(nom: "Utiliser une messagerie & ses pièces jointes", famille: .pix(domaine: 2), structure: "Centre social « Les Tilleuls »")
        #expect(a == b)
        let texte = String(decoding: a, as: UTF8.self)
        #expect(texte.contains(#"viewBox="0 0 256 256""#))
        #expect(texte.contains(#"role="img""#))
        #expect(texte.contains("<title id=\"titre\">Badge : Utiliser une messagerie &amp; ses pièces jointes</title>"))
        #expect(texte.contains("<desc id=\"desc\">"))
        #expect(texte.contains("délivré par la structure « Centre social « Les Tilleuls » »"))
        #expect(texte.components(separatedBy: "<tspan").count - 1 >= 3)
        #expect(texte.contains(FamilleBadge.pix(domaine: 2).couleur))
        #expect(!texte.contains("Livret"))
        #expect(ImageBadge.svg(nom: "x", famille: .aptic(niveau: 1), structure: "S") != ImageBadge.svg(nom: "x", famille: .parcours, structure: "S"))
        // The SVG is well-formed XML.
        _ = try XMLDocument(data: a)
    }

    /// The text the image shows (every `<text>` element, lines joined by spaces), read with an XML parser.
    func texteAffiche(_ svg: Data) throws -> [String] {
        let document = try XMLDocument(data: svg)
        return try document.nodes(forXPath: "//*[local-name()='text']").map { noeud in
            let lignes = (noeud.children ?? []).compactMap(\.stringValue)
            return lignes.joined(separator: " ")
        }
    }

    @Test("L'image nomme la structure qui délivre le badge, pas le logiciel")
    func structure() throws {
        let svg = ImageBadge.svg(nom: "Naviguer sur Internet", famille: .aptic(niveau: 1), structure: "Espace numérique de Roubaix")
        let textes = try texteAffiche(svg)
        #expect(textes.last == "Espace numérique de Roubaix")
        #expect(!String(decoding: svg, as: UTF8.self).contains("Livret"))
        // No structure name: no line for it, and nothing invented.
        let sans = ImageBadge.disposer(nom: "Naviguer sur Internet", famille: .parcours, structure: "  ")
        #expect(sans.structure == nil)
    }

    @Test("Noms longs et structure longue : coupés entre les mots, aucun mot perdu, aucune ligne trop large",
          arguments: [
            ("3 compétences numériques certifiées par Pix", "Espace numérique de la Grand-Place (démo)"),
            ("Parcours « Femmes et Numérique » terminé", "Centre communal d'action sociale de Villeneuve-d'Ascq"),
            ("Accompagner les démarches administratives en ligne et l'accès aux droits sociaux des personnes éloignées du numérique (APTIC 3.4)",
             "Association pour l'inclusion numérique et la médiation sociale des quartiers prioritaires de la métropole lilloise"),
            ("Court", "CCAS"),
          ])
    func coupureSansPerte(nom: String, structure: String) throws {
        for famille in [FamilleBadge.pix(domaine: nil), .pix(domaine: 2, titre: "Communication et collaboration"), .aptic(niveau: 3), .parcours] {
            let disposition = ImageBadge.disposer(nom: nom, famille: famille, structure: structure)
            let blocs = disposition.blocs
            for bloc in blocs {
                #expect(bloc.lignes.count == bloc.ordonnees.count)
                #expect(bloc.largeur > 0)
                for (ligne, y) in zip(bloc.lignes, bloc.ordonnees) {
                    let largeur = MesureTexte.largeur(ligne, taille: Double(bloc.taille), gras: bloc.gras)
                    #expect(largeur <= bloc.largeur, "« \(ligne) » : \(largeur) px pour \(bloc.largeur) px")
                    // The width used is inside the ring at that height.
                    #expect(bloc.largeur <= ImageBadge.corde(y: y, taille: bloc.taille))
                }
            }
            // Lines go down, blocks do not overlap.
            let ys = blocs.flatMap(\.ordonnees)
            #expect(ys == ys.sorted() && Set(ys).count == ys.count)
            // Every word of the inputs is in the SVG text, in order, uncut.
            let svg = ImageBadge.svg(nom: nom, famille: famille, structure: structure)
            let textes = try texteAffiche(svg)
            #expect(textes.count == blocs.count)
            let mots = { (t: String) in t.split(whereSeparator: \.isWhitespace).map(String.init) }
            #expect(mots(textes[textes.count - 2]) == mots(nom))
            #expect(mots(textes[textes.count - 1]) == mots(structure))
            #expect(!textes.joined().contains("…"))
        }
    }

    @Test("« …certifiées par Pix » garde « Pix »")
    func pixGarde() throws {
        let d = ImageBadge.disposer(nom: "3 compétences numériques certifiées par Pix", famille: .pix(domaine: nil), structure: "Espace numérique")
        #expect(d.nom.lignes.last?.hasSuffix("Pix") == true)
        #expect(d.nom.lignes.joined(separator: " ") == "3 compétences numériques certifiées par Pix")
    }

    @Test("Découpage : sur les espaces, ponctuation française gardée avec son mot, « (APTIC 2.1) » d'un bloc, mot trop long jamais coupé")
    func coupure() {
        let l = ImageBadge.couper("Envoyer un e-mail", largeur: 100, taille: 14, gras: true)
        #expect(l.joined(separator: " ") == "Envoyer un e-mail")
        #expect(l.allSatisfy { MesureTexte.largeur($0, taille: 14, gras: true) <= 100 })
        let guillemets = ImageBadge.couper("Parcours « Femmes et Numérique » terminé", largeur: 110, taille: 14, gras: true)
        #expect(!guillemets.contains { $0.hasSuffix("«") || $0.hasPrefix("»") })
        #expect(guillemets.joined(separator: " ") == "Parcours « Femmes et Numérique » terminé")
        // A word wider than the line stays whole, alone on its line (the layout then takes a smaller size).
        let long = ImageBadge.couper("Un Anticonstitutionnellementissimement mot", largeur: 80, taille: 14, gras: true)
        #expect(long == ["Un", "Anticonstitutionnellementissimement", "mot"])
        let code = ImageBadge.couper("Faire ses démarches en ligne (APTIC 2.2)", largeur: 150, taille: 15, gras: true)
        #expect(code.contains { $0.hasSuffix("(APTIC 2.2)") }, "\(code)")
        #expect(code.joined(separator: " ") == "Faire ses démarches en ligne (APTIC 2.2)")
    }

    @Test("Mesure : lettres accentuées comme leur lettre de base, gras plus large")
    func mesure() {
        #expect(MesureTexte.largeur("é", taille: 10, gras: false) == MesureTexte.largeur("e", taille: 10, gras: false))
        #expect(MesureTexte.largeur("Création", taille: 14, gras: true) > MesureTexte.largeur("Création", taille: 14, gras: false))
        #expect(MesureTexte.largeur("mmm", taille: 10, gras: false) > MesureTexte.largeur("iii", taille: 10, gras: false))
        #expect(MesureTexte.largeur("", taille: 10, gras: false) == 0)
    }

    @Test("Étiquette Pix : le domaine de la réussite, son titre, ou « certification » hors domaine")
    func etiquettePix() throws {
        #expect(FamilleBadge.pix(domaine: 3, titre: "Création de contenu").etiquette == "Pix · domaine 3")
        #expect(FamilleBadge.pix(domaine: 3, titre: "Création de contenu").sousEtiquette == "Création de contenu")
        #expect(FamilleBadge.pix(domaine: nil).etiquette == "Pix · certification")
        #expect(FamilleBadge.pix(domaine: 3).couleur != FamilleBadge.pix(domaine: 2).couleur)
        let svg = String(decoding: ImageBadge.svg(nom: "Créer un document", famille: .pix(domaine: 3, titre: "Création de contenu"), structure: "S"), as: UTF8.self)
        #expect(svg.contains(">Pix · domaine 3<"))
        #expect(svg.contains(">Création de contenu<"))
        #expect(svg.contains("(Pix · domaine 3, Création de contenu)"))
        // The family of an achievement comes from its Pix domain, when it has one.
        let catalogue = try ReferentielsEmbarques.catalogue()
        var reussite = try #require(CatalogueReussites.reussite("pix-3-competences", catalogue: catalogue))
        #expect(EmissionBadges.famille(reussite) == .pix(domaine: nil))
        #expect(EmissionBadges.famille(reussite).etiquette == "Pix · certification")
        reussite.domainePix = Reussite.Domaine(code: "3", titre: "Création de contenu")
        #expect(EmissionBadges.famille(reussite) == .pix(domaine: 3, titre: "Création de contenu"))
        #expect(EmissionBadges.famille(reussite).etiquette == "Pix · domaine 3")
    }

    @Test("Intégration et extraction du JWT dans le SVG (aller-retour, octets stables)")
    func bake() throws {
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let jwt = try EmissionCredential.emettre(Exemple.demande(), cle: cle).jwt
        let svg = ImageBadge.svg(nom: "Naviguer sur Internet", famille: .parcours, structure: "Espace numérique de Roubaix")
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
        let autre = Data("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"\(ImageBadge.espaceDeNoms)\"><openbadges:credential><![CDATA[ a.b.c ]]></openbadges:credential></svg>".utf8)
        #expect(ImageBadge.extraire(svg: autre) == "a.b.c")
        let verify = Data("<svg xmlns:openbadges=\"\(ImageBadge.espaceDeNoms)\"><openbadges:credential verify=\"x.y.z\"/></svg>".utf8)
        #expect(ImageBadge.extraire(svg: verify) == "x.y.z")
    }
}
