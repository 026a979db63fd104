import Foundation
import LivretBadges
import LivretTestSupport
import Testing

extension BadgeCLITests {
    @Test("Images PNG cuites : dans le paquet à côté du SVG, citées au manifeste, vérifiées par « badge verifier x.png » ; un PNG sans badge est refusé en le nommant",
          .enabled(if: BadgeCLITests.unzip != nil))
    func imagesPNG() throws {
        try demo { atelier in
            try ecrire(atelier, ["badge", "cle", "creer"])
            try ecrire(atelier, ["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            try atelier.reussir(["badge", "paquet", "A-0001"])
            let entrees = try Self.entrees(atelier.dossier.appendingPathComponent("Exports/A-0001-badges.zip"))
            let jwts = entrees.keys.filter { $0.hasPrefix("badges/") && $0.hasSuffix(".jwt") }.sorted()
            #expect(!jwts.isEmpty)
            let manifeste = try Manifeste.depuisJSON(try #require(entrees[Manifeste.nomFichier]))
            for nomJWT in jwts {
                let base = String(nomJWT.dropLast(4))
                let png = try #require(entrees[base + ".png"], "\(base).png dans le paquet")
                #expect(entrees[base + ".svg"] != nil)
                #expect(manifeste.entrees.contains { $0.nom == base + ".png" }, "\(base).png cité au manifeste")
                let jwt = String(decoding: try #require(entrees[nomJWT]), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(ImageBadge.extraire(png: png) == jwt, "\(base).png contient le badge de \(nomJWT)")
            }
            // The bundle still verifies, with a line per PNG.
            let paquet = try atelier.reussir(["badge", "verifier", "Exports/A-0001-badges.zip"])
            #expect(paquet.lignes.filter { $0.contains("✓ image PNG : l'image PNG contient ce badge, et lui seul") }.count == jwts.count, "\(paquet)")
            #expect(Self.lignesEchec(paquet).isEmpty, "\(paquet)")

            // One PNG on its own, end to end.
            let nom = try #require(jwts.first).dropFirst("badges/".count).dropLast(4)
            let fichier = atelier.dossier.appendingPathComponent("\(nom).png")
            try #require(entrees["badges/\(nom).png"]).write(to: fichier)
            let seul = try atelier.reussir(["badge", "verifier", fichier.lastPathComponent])
            #expect(seul.lignes.contains { $0.contains("✓ image : un seul badge dans l'image PNG") }, "\(seul)")
            #expect(seul.lignes.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } == "Résultat : valide.", "\(seul)")

            // A PNG with no badge in it: a clear French error naming the file.
            let image = atelier.dossier.appendingPathComponent("photo.png")
            try RenduPNG.png(svg: ImageBadge.svg(nom: "Essai", famille: .parcours, structure: "Espace numérique")).write(to: image)
            let vide = try atelier.echouer(["badge", "verifier", "photo.png"])
            #expect(vide.erreur.contains("« photo.png » n'est pas un badge vérifiable"), "\(vide)")
            #expect(vide.erreur.contains("ne contient aucun badge"), "\(vide)")

            // A baked PNG altered by one byte: its CRC gives it away.
            var altere = try Data(contentsOf: fichier)
            altere[altere.count / 2] ^= 0x01
            try altere.write(to: atelier.dossier.appendingPathComponent("altere.png"))
            let refus = try atelier.echouer(["badge", "verifier", "altere.png"])
            #expect(refus.erreur.contains("« altere.png »") && refus.erreur.contains("altérée"), "\(refus)")

            // Not a PNG at all, named .png.
            try Data("bonjour".utf8).write(to: atelier.dossier.appendingPathComponent("texte.png"))
            let texte = try atelier.echouer(["badge", "verifier", "texte.png"])
            #expect(texte.erreur.contains("« texte.png »") && texte.erreur.contains("pas une image PNG"), "\(texte)")
        }
    }
}
