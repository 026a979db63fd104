import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LivretBadges
import LivretCore
import LivretReferentiels

@Suite("Pictogrammes des badges : un par sous-thème, domaine, parcours, distincts à 64 px")
struct PictogrammesTests {
    /// The pictogram alone, white on black, `cote` px wide.
    static func seul(_ p: Pictogramme, cote: Int) throws -> [UInt8] {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" fill="black"/>"#
            + p.svg(x: 0, y: 0, cote: 24, fond: "black") + "</svg>"
        return try RenduPNG.rouges(svg: Data(svg.utf8), cote: cote)
    }

    @Test("Chaque réussite du catalogue a le sien : chaque sous-thème APTIC, chaque domaine Pix, chaque parcours ; aucun deux fois")
    func unParReussite() throws {
        let catalogue = try ReferentielsEmbarques.catalogue()
        let reussites = CatalogueReussites.toutes(catalogue)
        let pictos = reussites.map(EmissionBadges.pictogramme)
        #expect(Set(pictos).count == reussites.count, "\(zip(reussites.map(\.code), pictos).map { "\($0) \($1)" })")
        // No sous-thème of the base référentiel falls back to the star.
        for niveau in catalogue.apticBase.niveaux {
            for sousTheme in niveau.sousThemes {
                #expect(Pictogramme.aptic(sousTheme: sousTheme.code) != nil, "APTIC \(sousTheme.code) \(sousTheme.titre)")
            }
        }
        let domaines = catalogue.pix.domaines.compactMap { Int($0.code).flatMap(Pictogramme.pix(domaine:)) }
        #expect(domaines.count == catalogue.pix.domaines.count && Set(domaines).count == domaines.count)
        #expect(Pictogramme.parcours(code: "initiation-smartphone") != Pictogramme.parcours(code: "femmes-et-numerique"))
        // The image shows it, hidden from screen readers, the title and description unchanged.
        let reussite = try #require(reussites.first { $0.code == "aptic-3.3" })
        let svg = String(decoding: EmissionBadges.image(reussite, emetteur: Exemple.emetteur), as: UTF8.self)
        #expect(svg.contains(#"<g aria-hidden="true" fill="white""#))
        #expect(svg.contains(#"role="img" aria-labelledby="titre desc""#))
        #expect(svg.contains("<title id=\"titre\">Badge : \(reussite.nom)</title>"))
        _ = try XMLDocument(data: Data(svg.utf8))
    }

    @Test("Deux pictogrammes quelconques diffèrent nettement à la taille qu'ils ont sur un badge de 64 px")
    func distinctsA64px() throws {
        // 60 of the badge's 256 units: 15 px on a 64 px badge.
        let cote = 15
        let images = try Pictogramme.allCases.map { ($0, try Self.seul($0, cote: cote)) }
        var plusProches: (Double, String) = (1, "")
        for (i, (a, ia)) in images.enumerated() {
            // Something is drawn, and not a full square.
            let allumes = ia.filter { $0 > 127 }.count
            #expect(allumes > cote * cote / 8 && allumes < cote * cote * 9 / 10, "\(a) : \(allumes) pixels")
            for (b, ib) in images[(i + 1)...] {
                let differents = zip(ia, ib).filter { abs(Int($0) - Int($1)) > 127 }.count
                let part = Double(differents) / Double(cote * cote)
                if part < plusProches.0 { plusProches = (part, "\(a) / \(b)") }
                #expect(part >= 0.10, "\(a) et \(b) : \(Int(part * 100)) % de pixels différents à 15 px")
            }
        }
        print("Pictogrammes les plus proches à 15 px : \(plusProches.1), \(Int(plusProches.0 * 100)) % de pixels différents")
    }

    @Test("Le pictogramme reste dans l'anneau, au-dessus de l'étiquette")
    func place() throws {
        for p in Pictogramme.allCases {
            let carre = ImageBadge.pictogramme
            let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256"><rect width="256" height="256" fill="black"/>"#
                + p.svg(x: carre.x, y: carre.y, cote: carre.cote, fond: "black") + "</svg>"
            let pixels = try RenduPNG.rouges(svg: Data(svg.utf8), cote: 256)
            var bas = 0
            for (rang, valeur) in pixels.enumerated() where valeur > 0 {
                let x = Double(rang % 256) + 0.5, y = Double(rang / 256) + 0.5
                let distance = ((x - 128) * (x - 128) + (y - 128) * (y - 128)).squareRoot()
                #expect(distance <= 108, "\(p) déborde vers l'anneau en (\(x), \(y))")
                bas = max(bas, rang / 256)
            }
            #expect(bas <= 88, "\(p) descend jusqu'à y \(bas)")
        }
        // The label's capitals start below it, whatever the family.
        for famille in [FamilleBadge.aptic(niveau: 2), .pix(domaine: 3, titre: "Création de contenu"), .pix(domaine: nil), .parcours] {
            let d = ImageBadge.disposer(nom: "Naviguer sur Internet", famille: famille, structure: "Espace numérique")
            let haut = Double(d.etiquette.ordonnees[0]) - 0.75 * Double(d.etiquette.taille)
            #expect(haut >= ImageBadge.pictogramme.y + ImageBadge.pictogramme.cote + 3, "\(famille)")
        }
    }

    @Test("Chaque nom réel du catalogue, du plus long au plus court : aucun mot coupé, chaque ligne dans le disque, rien ne se chevauche")
    func nomsReelsLesPlusLongs() throws {
        let catalogue = try ReferentielsEmbarques.catalogue()
        let reussites = CatalogueReussites.toutes(catalogue).sorted { $0.nom.count > $1.nom.count }
        let structures = ["Espace numérique de la Grand-Place (démo)", "Centre communal d'action sociale de Villeneuve-d'Ascq"]
        for reussite in reussites {
            for structure in structures {
                let famille = EmissionBadges.famille(reussite)
                let d = ImageBadge.disposer(nom: reussite.nom, famille: famille, structure: structure)
                for (texte, bloc) in [(reussite.nom, d.nom), (structure, try #require(d.structure))] {
                    let mots = texte.split(separator: " ").map(String.init)
                    // Every word whole on one line, in order.
                    #expect(bloc.lignes.flatMap { $0.split(separator: " ").map(String.init) } == mots, "\(bloc.lignes)")
                    for (ligne, y) in zip(bloc.lignes, bloc.ordonnees) {
                        #expect(MesureTexte.largeur(ligne, taille: Double(bloc.taille), gras: bloc.gras) <= ImageBadge.corde(y: y, taille: bloc.taille),
                                "« \(ligne) » trop large à y \(y)")
                    }
                }
                // Name between the label and the structure, with air.
                let dessus = (d.sousEtiquette ?? d.etiquette)
                let hautNom = Double(d.nom.ordonnees.first!) - 0.75 * Double(d.nom.taille)
                let basNom = Double(d.nom.ordonnees.last!) + 0.22 * Double(d.nom.taille)
                let hautStructure = Double(try #require(d.structure).ordonnees.first!) - 0.75 * Double(try #require(d.structure).taille)
                #expect(hautNom >= Double(dessus.ordonnees.last!) + 3, "\(reussite.nom)")
                #expect(basNom <= hautStructure - 3, "\(reussite.nom)")
                // Real names are not shrunk to unreadable sizes.
                #expect(d.nom.taille >= 13, "\(reussite.nom) : \(d.nom.taille) px")
            }
        }
    }

    @Test("Un mot plus large qu'une ligne n'est jamais coupé : la taille baisse")
    func motTropLong() throws {
        let d = ImageBadge.disposer(nom: "Anticonstitutionnellementissimement numérique", famille: .aptic(niveau: 1), structure: "Espace")
        #expect(d.nom.lignes.contains("Anticonstitutionnellementissimement"))
        #expect(d.nom.lignes.allSatisfy { MesureTexte.largeur($0, taille: Double(d.nom.taille), gras: true) <= d.nom.largeur })
        let structure = ImageBadge.disposer(nom: "Court", famille: .parcours, structure: "Intercommunalitéderoubaixtourcoingvilleneuvedascq").structure
        #expect(structure?.lignes == ["Intercommunalitéderoubaixtourcoingvilleneuvedascq"])
    }
}
