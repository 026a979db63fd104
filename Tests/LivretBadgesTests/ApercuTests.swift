import Foundation
import Testing
@testable import LivretBadges
import LivretCore
import LivretReferentiels

/// Pictures to look at: with `LIVRET_APERCU=<folder>`, every achievement's badge image drawn as
/// PNG at 64 and 256 px (and a sheet of all of them at 64 px), for a person to judge.
@Suite("Aperçu des images de badge (LIVRET_APERCU)")
struct ApercuTests {
    @Test("Écrire les images de tous les badges du catalogue en PNG",
          .enabled(if: ProcessInfo.processInfo.environment["LIVRET_APERCU"] != nil, "LIVRET_APERCU absent : rien à écrire"))
    func apercu() throws {
        let dossier = URL(fileURLWithPath: ProcessInfo.processInfo.environment["LIVRET_APERCU"]!)
        try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
        let catalogue = try ReferentielsEmbarques.catalogue()
        let emetteur = ProfilEmetteur(id: "did:web:exemple.fr", name: "Espace numérique de la Grand-Place (démo)")
        var reussites = CatalogueReussites.toutes(catalogue)
        // Every Pix domain, as a domain's achievement would show it.
        for domaine in catalogue.pix.domaines {
            var r = reussites.first { $0.famille == .pix }!
            r.code = "pix-domaine-\(domaine.code)"
            r.nom = "Compétences du domaine \(domaine.code)"
            r.domainePix = Reussite.Domaine(code: domaine.code, titre: domaine.titre)
            reussites.append(r)
        }
        var petits: [Data] = [], grands: [Data] = []
        for reussite in reussites {
            let svg = EmissionBadges.image(reussite, emetteur: emetteur)
            try svg.write(to: dossier.appendingPathComponent("\(reussite.code).svg"))
            let grand = try RenduPNG.png(svg: svg, cote: 256), petit = try RenduPNG.png(svg: svg, cote: 64)
            try grand.write(to: dossier.appendingPathComponent("\(reussite.code)-256.png"))
            try petit.write(to: dossier.appendingPathComponent("\(reussite.code)-64.png"))
            petits.append(petit)
            grands.append(grand)
        }
        // Extremes: the longest names and structures the tests use.
        let extremes: [(String, FamilleBadge, String)] = [
            ("Accompagner les démarches administratives en ligne et l'accès aux droits sociaux des personnes éloignées du numérique (APTIC 3.4)",
             .aptic(niveau: 3), "Association pour l'inclusion numérique et la médiation sociale des quartiers prioritaires de la métropole lilloise"),
            ("Anticonstitutionnellementissimement", .pix(domaine: 2, titre: "Communication et collaboration"), "Centre communal d'action sociale de Villeneuve-d'Ascq"),
        ]
        for (rang, (nom, famille, structure)) in extremes.enumerated() {
            let svg = ImageBadge.svg(nom: nom, famille: famille, structure: structure)
            try RenduPNG.png(svg: svg, cote: 256).write(to: dossier.appendingPathComponent("extreme-\(rang + 1)-256.png"))
        }
        // Sheets: the 64 px pictures magnified 3 times (as a phone's 3× screen shows a 64-point icon),
        // and the 256 px ones at half size.
        try planche(petits, pas: 200, image: 192, colonnes: 6).write(to: dossier.appendingPathComponent("planche-64-x3.png"))
        try planche(grands, pas: 132, image: 128, colonnes: 7).write(to: dossier.appendingPathComponent("planche-256-demi.png"))
    }

    func planche(_ images: [Data], pas: Int, image: Int, colonnes: Int) throws -> Data {
        let cote = max(colonnes, (images.count + colonnes - 1) / colonnes) * pas
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="\#(cote)" height="\#(cote)">"#
        svg += #"<rect width="100%" height="100%" fill="white"/>"#
        for (rang, png) in images.enumerated() {
            let x = (rang % colonnes) * pas, y = (rang / colonnes) * pas
            svg += #"<image x="\#(x)" y="\#(y)" width="\#(image)" height="\#(image)" xlink:href="data:image/png;base64,\#(png.base64EncodedString())"/>"#
        }
        return try RenduPNG.png(svg: Data((svg + "</svg>").utf8), cote: cote)
    }
}
