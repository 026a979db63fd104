import Foundation
import Testing

@testable import LivretZip
import LivretTestSupport

/// Test helpers for the zip tests: a hand-made zip writer (for archives libzip and `ZipEcriture`
/// refuse to create) and a central-directory reader. Temporary folders, `erreurPaquet` and
/// `estUnMessageFrancais` come from LivretTestSupport.
enum ZipBrut {
    struct Entree {
        var nom: [UInt8]
        var donnees: Data
        var hote: UInt8 = 3                       // Unix
        var attributs: UInt32 = 0o100644 << 16    // regular file, rw-r--r--
        /// Overrides the sizes written in the headers (to lie about them).
        var tailleDeclaree: UInt32? = nil

        init(_ nom: String, _ donnees: Data, hote: UInt8 = 3, attributs: UInt32 = 0o100644 << 16) {
            self.nom = Array(nom.utf8)
            self.donnees = donnees
            self.hote = hote
            self.attributs = attributs
        }

        init(octetsDuNom: [UInt8], _ donnees: Data) {
            self.nom = octetsDuNom
            self.donnees = donnees
        }
    }

    static let tableCRC: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ d: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for o in d { c = tableCRC[Int((c ^ UInt32(o)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    private static func le16(_ v: Int, _ d: inout Data) { d.append(UInt8(v & 0xFF)); d.append(UInt8((v >> 8) & 0xFF)) }
    private static func le32(_ v: UInt32, _ d: inout Data) { le16(Int(v & 0xFFFF), &d); le16(Int(v >> 16), &d) }

    /// A stored (uncompressed) zip with exactly these entries, in this order, names as given.
    static func archive(_ entrees: [Entree]) -> Data {
        var sortie = Data()
        var central = Data()
        for e in entrees {
            let decalage = UInt32(sortie.count)
            let crc = crc32(e.donnees)
            let taille = e.tailleDeclaree ?? UInt32(e.donnees.count)
            // Local file header.
            le32(0x0403_4B50, &sortie); le16(20, &sortie); le16(0x0800, &sortie); le16(0, &sortie)
            le16(0, &sortie); le16(0x2821, &sortie)                 // 2000-01-01 00:00
            le32(crc, &sortie); le32(taille, &sortie); le32(taille, &sortie)
            le16(e.nom.count, &sortie); le16(0, &sortie)
            sortie.append(contentsOf: e.nom)
            sortie.append(e.donnees)
            // Central directory header.
            le32(0x0201_4B50, &central); le16(Int(e.hote) << 8 | 20, &central); le16(20, &central)
            le16(0x0800, &central); le16(0, &central); le16(0, &central); le16(0x2821, &central)
            le32(crc, &central); le32(taille, &central); le32(taille, &central)
            le16(e.nom.count, &central); le16(0, &central); le16(0, &central); le16(0, &central); le16(0, &central)
            le32(e.attributs, &central); le32(decalage, &central)
            central.append(contentsOf: e.nom)
        }
        let debutCentral = UInt32(sortie.count)
        sortie.append(central)
        le32(0x0605_4B50, &sortie); le16(0, &sortie); le16(0, &sortie)
        le16(entrees.count, &sortie); le16(entrees.count, &sortie)
        le32(UInt32(central.count), &sortie); le32(debutCentral, &sortie); le16(0, &sortie)
        return sortie
    }

    struct EnTeteCentral: Equatable {
        var nom: String
        var methode: Int
        var heure: Int
        var date: Int
        var longueurExtra: Int
        var longueurExtraLocale: Int
        var longueurCommentaire: Int
        var hote: Int
        var attributs: UInt32
        var drapeaux: Int
    }

    /// Reads the central directory of a well-formed archive (for checking what the writer produced).
    static func repertoire(_ d: Data) -> [EnTeteCentral] {
        let o = [UInt8](d)
        func u16(_ i: Int) -> Int { Int(o[i]) | Int(o[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        var fin = o.count - 22
        while fin > 0 && u32(fin) != 0x0605_4B50 { fin -= 1 }
        var i = u32(fin + 16)
        var resultat: [EnTeteCentral] = []
        for _ in 0..<u16(fin + 10) {
            let n = u16(i + 28), x = u16(i + 30), c = u16(i + 32)
            let local = u32(i + 42)
            resultat.append(EnTeteCentral(
                nom: String(decoding: o[(i + 46)..<(i + 46 + n)], as: UTF8.self),
                methode: u16(i + 10), heure: u16(i + 12), date: u16(i + 14),
                longueurExtra: x, longueurExtraLocale: u16(local + 28), longueurCommentaire: c,
                hote: Int(o[i + 5]), attributs: UInt32(u32(i + 38)), drapeaux: u16(i + 8)))
            i += 46 + n + x + c
        }
        return resultat
    }
}
