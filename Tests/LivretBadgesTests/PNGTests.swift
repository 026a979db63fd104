import Foundation
import Testing
@testable import LivretBadges
import LivretTestSupport

/// Badge images as PNG: drawn by librsvg and cairo, then baked (OB 3.0 §5.3.1).
@Suite("Images PNG : rendu et cuisson")
struct PNGTests {
    /// The chunks of `png`, read independently of ``CuissonPNG``: (type, data), with every CRC
    /// recomputed bit by bit (the PNG specification's algorithm, not zlib's).
    static func blocsVerifies(_ png: Data, sourceLocation: SourceLocation = #_sourceLocation) -> [(String, [UInt8])] {
        let o = [UInt8](png)
        #expect(Array(o.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], sourceLocation: sourceLocation)
        func crc(_ octets: ArraySlice<UInt8>) -> UInt32 {
            var c: UInt32 = 0xFFFF_FFFF
            for octet in octets {
                c ^= UInt32(octet)
                for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            }
            return c ^ 0xFFFF_FFFF
        }
        func mot(_ i: Int) -> UInt32 { UInt32(o[i]) << 24 | UInt32(o[i + 1]) << 16 | UInt32(o[i + 2]) << 8 | UInt32(o[i + 3]) }
        var i = 8
        var blocs: [(String, [UInt8])] = []
        while i + 12 <= o.count {
            let n = Int(mot(i))
            let type = String(decoding: o[(i + 4)..<(i + 8)], as: UTF8.self)
            #expect(i + 12 + n <= o.count, "bloc \(type) tronqué", sourceLocation: sourceLocation)
            guard i + 12 + n <= o.count else { break }
            #expect(mot(i + 8 + n) == crc(o[(i + 4)..<(i + 8 + n)]), "CRC du bloc \(type)", sourceLocation: sourceLocation)
            blocs.append((type, Array(o[(i + 8)..<(i + 8 + n)])))
            i += 12 + n
        }
        #expect(i == o.count, "octets après IEND", sourceLocation: sourceLocation)
        return blocs
    }

    static func image() -> Data {
        ImageBadge.svg(nom: "Envoyer un e-mail avec une pièce jointe", famille: .pix(domaine: 2, titre: "Communication et collaboration"),
                       structure: "Espace numérique de Roubaix")
    }

    @Test("librsvg dessine le badge en PNG 512 × 512, RVBA, déterministe")
    func rendu() throws {
        let png = try RenduPNG.png(svg: Self.image())
        let blocs = Self.blocsVerifies(png)
        #expect(blocs.first?.0 == "IHDR")
        #expect(blocs.last?.0 == "IEND")
        #expect(blocs.contains { $0.0 == "IDAT" })
        let ihdr = try #require(blocs.first?.1)
        #expect(ihdr.count == 13)
        let largeur = Int(ihdr[0]) << 24 | Int(ihdr[1]) << 16 | Int(ihdr[2]) << 8 | Int(ihdr[3])
        let hauteur = Int(ihdr[4]) << 24 | Int(ihdr[5]) << 16 | Int(ihdr[6]) << 8 | Int(ihdr[7])
        #expect(largeur == 512 && hauteur == 512)
        #expect(ihdr[8] == 8 && ihdr[9] == 6, "8 bits par canal, RVBA")
        // Not an empty picture: a drawn disc and text compress to some kilobytes.
        #expect(png.count > 5_000, "\(png.count) octets")
        #expect(try RenduPNG.png(svg: Self.image(), cote: 64) != png)
        // Drawn again (outside the cache): the same bytes.
        #expect(try RenduPNG.png(svg: Self.image() + Data(" ".utf8)) == png)
        #expect(throws: ErreurBadge.self) { try RenduPNG.png(svg: Data("pas une image".utf8)) }
    }

    @Test("Une police aux largeurs d'Arial est installée : sans elle, le texte du PNG serait des carrés ou plus large que mesuré",
          .enabled(if: ["/usr/bin/fc-list", "/bin/fc-list"].contains { FileManager.default.isExecutableFile(atPath: $0) }, "fc-list absent"))
    func police() throws {
        let processus = Process()
        processus.executableURL = URL(fileURLWithPath: ["/usr/bin/fc-list", "/bin/fc-list"].first { FileManager.default.isExecutableFile(atPath: $0) }!)
        processus.arguments = [":", "family"]
        let tuyau = Pipe()
        processus.standardOutput = tuyau
        try processus.run()
        let familles = String(decoding: tuyau.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        processus.waitUntilExit()
        #expect(["Liberation Sans", "Arial", "Helvetica"].contains { familles.contains($0) },
                "aucune police Arial, Helvetica ou Liberation Sans : installez fonts-liberation (scripts/installer-dependances)")
    }

    @Test("Cuisson PNG : un bloc iTXt « openbadgecredential » non compressé avant IEND, extraction, remplacement")
    func cuisson() throws {
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let jwt = try EmissionCredential.emettre(Exemple.demande(), cle: cle).jwt
        let png = try RenduPNG.png(svg: Self.image())
        #expect(ImageBadge.extraire(png: png) == nil)
        let cuit = try ImageBadge.bake(png: png, jwt: jwt)
        #expect(try ImageBadge.bake(png: png, jwt: jwt) == cuit)
        #expect(ImageBadge.extraire(png: cuit) == jwt)
        let blocs = Self.blocsVerifies(cuit)
        #expect(blocs.map(\.0).suffix(2) == ["iTXt", "IEND"])
        let itxt = try #require(blocs.first { $0.0 == "iTXt" }?.1)
        // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
        #expect(itxt == Array("openbadgecredential".utf8) + [0, 0, 0, 0, 0] + Array(jwt.utf8))
        // The picture is untouched: the other chunks are those of the drawing.
        #expect(blocs.filter { $0.0 != "iTXt" }.map(\.1) == Self.blocsVerifies(png).map(\.1))

        // Baking again replaces the credential: still one chunk.
        let autre = try EmissionCredential.emettre(Exemple.demande(), cle: cle).jwt
        let recuit = try ImageBadge.bake(png: cuit, jwt: autre)
        #expect(Self.blocsVerifies(recuit).filter { $0.0 == "iTXt" }.count == 1)
        #expect(ImageBadge.extraire(png: recuit) == autre)

        // Refused: not a JWT, not a PNG, a truncated or altered PNG.
        #expect(throws: ErreurBadge.self) { try ImageBadge.bake(png: png, jwt: "<script>") }
        #expect(throws: ErreurBadge.self) { try ImageBadge.bake(png: Self.image(), jwt: jwt) }
        #expect(throws: ErreurBadge.self) { try ImageBadge.credentialUnique(png: cuit.prefix(cuit.count - 20)) }
        var altere = cuit
        let position = try #require(cuit.range(of: Data("openbadgecredential".utf8))).upperBound + 40
        altere[position] ^= 0x01
        #expect(ImageBadge.extraire(png: altere) == nil)
        #expect(throws: ErreurBadge.self) { try ImageBadge.credentialUnique(png: altere) }
    }

    @Test("Un PNG cuit abîmé au hasard (octets changés, longueurs folles, fichier coupé) : refusé ou lu, jamais de plantage")
    func hasard() throws {
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let jwt = try EmissionCredential.emettre(Exemple.demande(), cle: cle).jwt
        let cuit = try ImageBadge.bake(png: RenduPNG.png(svg: Self.image(), cote: 32), jwt: jwt)
        var generateur = Fixe.generateur()
        var lus = 0
        for essai in 0..<3_000 {
            var octets = [UInt8](cuit)
            switch essai % 4 {
            case 0:
                for _ in 0..<Int.random(in: 1...4, using: &generateur) {
                    octets[Int.random(in: 0..<octets.count, using: &generateur)] = UInt8.random(in: 0...255, using: &generateur)
                }
            case 1:
                // A chunk length field (every chunk starts at a position we can find by walking) set to anything.
                var position = 8, positions: [Int] = []
                while position + 12 <= octets.count {
                    positions.append(position)
                    position += 12 + (Int(octets[position]) << 24 | Int(octets[position + 1]) << 16 | Int(octets[position + 2]) << 8 | Int(octets[position + 3]))
                }
                let p = positions[Int.random(in: 0..<positions.count, using: &generateur)]
                for i in 0..<4 { octets[p + i] = UInt8.random(in: 0...255, using: &generateur) }
            case 2:
                octets = Array(octets.prefix(Int.random(in: 0..<octets.count, using: &generateur)))
            default:
                // The keyword's NUL or the flags removed, the text made invalid UTF-8.
                if let r = cuit.range(of: Data("openbadgecredential".utf8)) {
                    octets.remove(at: r.upperBound + Int.random(in: 0...4, using: &generateur))
                    octets.insert(0xFF, at: r.upperBound + Int.random(in: 0...40, using: &generateur))
                }
            }
            if let lu = try? ImageBadge.credentialUnique(png: Data(octets)) {
                lus += 1
                #expect(ImageBadge.estJWTCompact(lu))
            }
        }
        // Almost every damage is caught by a CRC; what is read is still a compact JWT.
        #expect(lus < 100, "\(lus) lus sur 3000")
    }

    @Test("PNG sans badge, ou avec deux : refusé en français")
    func sansOuDeux() throws {
        let png = try RenduPNG.png(svg: Self.image())
        #expect {
            try ImageBadge.credentialUnique(png: png)
        } throws: { erreur in
            "\(erreur)".contains("ne contient aucun badge")
        }
        var blocs = try CuissonPNG.blocs(png)
        let bloc = CuissonPNG.Bloc(type: "iTXt", donnees: CuissonPNG.donneesITXt("a.b.c"))
        blocs.insert(contentsOf: [bloc, bloc], at: blocs.count - 1)
        #expect {
            try ImageBadge.credentialUnique(png: CuissonPNG.ecrire(blocs))
        } throws: { erreur in
            "\(erreur)".contains("2 badges")
        }
    }

    @Test("Le PNG cuit d'un SVG cuit est le dessin du SVG sans son badge")
    func pngDepuisSVGCuit() throws {
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let jwt = try EmissionCredential.emettre(Exemple.demande(), cle: cle).jwt
        let svgCuit = try ImageBadge.bake(svg: Self.image(), jwt: jwt)
        #expect(ImageBadge.sansCredential(svg: svgCuit, jwt: jwt) == Self.image())
        let png = try ImageBadge.pngCuit(svg: svgCuit, jwt: jwt)
        #expect(png == (try ImageBadge.bake(png: RenduPNG.png(svg: Self.image()), jwt: jwt)))
    }
}
