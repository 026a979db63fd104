import CZlib
import Foundation

/// Open Badges 3.0 baking in PNG (§5.3.1): the VC-JWT, as is, in one uncompressed `iTXt` chunk
/// of keyword `openbadgecredential`, placed before `IEND`. The chunks are read defensively
/// (signature, lengths, CRC-32 of each), so a truncated or altered file is refused, not guessed at.
public enum CuissonPNG {
    /// The keyword of the chunk that holds the credential.
    public static let motCle = "openbadgecredential"
    /// The eight bytes every PNG starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// One chunk: its four-letter type and its data.
    public struct Bloc: Sendable, Equatable {
        public var type: String
        public var donnees: Data
    }

    /// Whether `donnees` starts like a PNG.
    public static func estPNG(_ donnees: Data) -> Bool {
        donnees.count >= 8 && Array(donnees.prefix(8)) == signature
    }

    /// The chunks of a PNG, in order, up to and including `IEND`. Throws in French when the file
    /// is not a PNG, is cut short, a chunk's CRC does not match, or it does not start with `IHDR`
    /// and end with `IEND`.
    public static func blocs(_ png: Data) throws -> [Bloc] {
        guard estPNG(png) else { throw ErreurBadge("le fichier n'est pas une image PNG (signature absente)") }
        let octets = [UInt8](png)
        var position = 8
        var blocs: [Bloc] = []
        while position < octets.count {
            guard position + 12 <= octets.count else { throw ErreurBadge("l'image PNG est tronquée (bloc n° \(blocs.count + 1) incomplet)") }
            let longueur = Int(octets[position]) << 24 | Int(octets[position + 1]) << 16 | Int(octets[position + 2]) << 8 | Int(octets[position + 3])
            guard longueur <= 0x7FFF_FFFF, position + 12 + longueur <= octets.count else {
                throw ErreurBadge("l'image PNG est tronquée (bloc n° \(blocs.count + 1) plus long que le fichier)")
            }
            let typeOctets = octets[(position + 4)..<(position + 8)]
            guard typeOctets.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw ErreurBadge("l'image PNG a un bloc au type illisible (n° \(blocs.count + 1))")
            }
            let type = String(decoding: typeOctets, as: UTF8.self)
            let fin = position + 8 + longueur
            let lu = UInt32(octets[fin]) << 24 | UInt32(octets[fin + 1]) << 16 | UInt32(octets[fin + 2]) << 8 | UInt32(octets[fin + 3])
            guard lu == crc(octets[(position + 4)..<fin]) else {
                throw ErreurBadge("l'image PNG a été altérée : le bloc « \(type) » (n° \(blocs.count + 1)) ne correspond pas à son CRC")
            }
            blocs.append(Bloc(type: type, donnees: Data(octets[(position + 8)..<fin])))
            position = fin + 4
            if type == "IEND" { break }
        }
        guard blocs.first?.type == "IHDR" else { throw ErreurBadge("l'image PNG ne commence pas par son en-tête (IHDR)") }
        guard blocs.last?.type == "IEND" else { throw ErreurBadge("l'image PNG est tronquée (pas de bloc IEND final)") }
        return blocs
    }

    /// The bytes of a PNG made of `blocs` (lengths and CRCs computed).
    public static func ecrire(_ blocs: [Bloc]) -> Data {
        var sortie = Data(signature)
        for bloc in blocs {
            let n = UInt32(bloc.donnees.count)
            sortie.append(contentsOf: [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
            let corps = Data(bloc.type.utf8) + bloc.donnees
            sortie.append(corps)
            let c = crc(corps)
            sortie.append(contentsOf: [UInt8(c >> 24), UInt8(c >> 16 & 0xFF), UInt8(c >> 8 & 0xFF), UInt8(c & 0xFF)])
        }
        return sortie
    }

    /// The CRC-32 of PNG chunks (ISO 3309, that of zlib), over the type and the data.
    static func crc<C: Collection>(_ octets: C) -> UInt32 where C.Element == UInt8 {
        let tableau = Array(octets)
        return tableau.withUnsafeBufferPointer { tampon in
            UInt32(crc32(crc32(0, nil, 0), tampon.baseAddress, uInt(tampon.count)))
        }
    }

    /// The data of the baking chunk for `jwt`: keyword, NUL, compression flag 0 and method 0,
    /// empty language tag and translated keyword (each NUL-terminated), then the text in UTF-8.
    static func donneesITXt(_ jwt: String) -> Data {
        Data(motCle.utf8) + Data([0, 0, 0, 0, 0]) + Data(jwt.utf8)
    }

    /// The keyword of an `iTXt` chunk and, when it is uncompressed, its text (nil when compressed
    /// or malformed).
    static func lireITXt(_ donnees: Data) -> (motCle: String, texte: String?)? {
        let octets = [UInt8](donnees)
        guard let nul = octets.firstIndex(of: 0), nul >= 1, nul <= 79 else { return nil }
        let cle = String(decoding: octets[..<nul], as: UTF8.self)
        guard nul + 2 < octets.count else { return (cle, nil) }
        let compression = octets[nul + 1]
        var i = nul + 3
        // Language tag, then translated keyword, each ended by NUL.
        for _ in 0..<2 {
            guard let fin = octets[i...].firstIndex(of: 0) else { return (cle, nil) }
            i = fin + 1
        }
        guard compression == 0 else { return (cle, nil) }
        guard let texte = String(bytes: octets[i...], encoding: .utf8) else { return (cle, nil) }
        return (cle, texte)
    }
}

extension ImageBadge {
    /// Bakes a VC-JWT into a PNG (OB 3.0 §5.3.1): one uncompressed `iTXt` chunk of keyword
    /// `openbadgecredential` holding the compact JWT, just before `IEND`. A credential already
    /// baked in the image is replaced, so the image never holds two.
    public static func bake(png: Data, jwt: String) throws -> Data {
        guard estJWTCompact(jwt) else {
            throw ErreurBadge("le jeton à intégrer dans l'image n'est pas un JWT compact")
        }
        var blocs = try CuissonPNG.blocs(png).filter { bloc in
            !(bloc.type == "iTXt" && CuissonPNG.lireITXt(bloc.donnees)?.motCle == CuissonPNG.motCle)
        }
        blocs.insert(CuissonPNG.Bloc(type: "iTXt", donnees: CuissonPNG.donneesITXt(jwt)), at: blocs.count - 1)
        return CuissonPNG.ecrire(blocs)
    }

    /// The credential baked in `png`; nil when there is not exactly one readable, or the image is
    /// not a sound PNG.
    public static func extraire(png: Data) -> String? {
        try? credentialUnique(png: png)
    }

    /// The one credential baked in `png`, or a French reason why there is none to trust: not a PNG,
    /// altered (a CRC fails), no `openbadgecredential` chunk, more than one, compressed or not a JWT.
    public static func credentialUnique(png: Data) throws -> String {
        let blocs = try CuissonPNG.blocs(png)
        let cuits = blocs.filter { $0.type == "iTXt" }.compactMap { CuissonPNG.lireITXt($0.donnees) }.filter { $0.motCle == CuissonPNG.motCle }
        guard !cuits.isEmpty else {
            throw ErreurBadge("l'image PNG ne contient aucun badge (pas de bloc iTXt « \(CuissonPNG.motCle) ») ; un logiciel qui réenregistre l'image peut l'avoir retiré")
        }
        guard cuits.count == 1 else {
            throw ErreurBadge("l'image PNG contient \(cuits.count) badges intégrés au lieu d'un seul")
        }
        guard let texte = cuits[0].texte else {
            throw ErreurBadge("le badge intégré à l'image PNG est compressé ou illisible (Open Badges 3.0 le veut en clair)")
        }
        let jwt = texte.trimmingCharacters(in: .whitespacesAndNewlines)
        guard estJWTCompact(jwt) else {
            throw ErreurBadge("le bloc « \(CuissonPNG.motCle) » de l'image PNG ne contient pas un JWT compact")
        }
        return jwt
    }

    /// The PNG of a badge's image (``RenduPNG``), with `jwt` baked in. `svg` may be baked already:
    /// the drawing is that of the image without its credential.
    public static func pngCuit(svg: Data, jwt: String) throws -> Data {
        try bake(png: RenduPNG.png(svg: sansCredential(svg: svg, jwt: jwt)), jwt: jwt)
    }

    /// `svg` as it was before ``bake(svg:jwt:)`` put `jwt` in it (the same bytes); `svg` itself
    /// when it does not hold exactly what baking adds.
    static func sansCredential(svg: Data, jwt: String) -> Data {
        guard let texte = String(data: svg, encoding: .utf8) else { return svg }
        let element = "\n<openbadges:credential>\(jwt)</openbadges:credential>"
        let declaration = #" xmlns:openbadges="\#(espaceDeNoms)""#
        guard let r = texte.range(of: element), let d = texte.range(of: declaration), d.upperBound < r.lowerBound else { return svg }
        var propre = texte
        propre.removeSubrange(r)
        propre.removeSubrange(d)
        return Data(propre.utf8)
    }
}
