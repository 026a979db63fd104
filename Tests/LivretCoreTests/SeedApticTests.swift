import Foundation
import LivretCore
import Testing

/// Compares the data with the source document itself, when ../shared/seeds is beside the project.
@Suite("Nomenclature APTIC contre le document source")
struct SeedApticTests {
    static let seed = Fixtures.racinePaquet.deletingLastPathComponent()
        .appendingPathComponent("shared/seeds/003_cc66eac5c0e71cb2.txt")

    @Test("Les 137 items du document source, relus dans le texte", .enabled(if: FileManager.default.fileExists(atPath: seed.path)))
    func itemsDuSeed() throws {
        let texte = try String(contentsOf: Self.seed, encoding: .utf8)
        let debut = try #require(texte.range(of: "## **NIVEAU 0"))
        let fin = try #require(texte.range(of: "**APPRECIATION DU REFERENTIEL**", range: debut.upperBound..<texte.endIndex))
        var lus: [(String, String)] = []
        for ligne in texte[debut.lowerBound..<fin.lowerBound].split(separator: "\n") {
            let ligne = String(ligne)
            if ligne.hasPrefix("- "), let point = ligne.firstIndex(of: ".") {
                lus.append((String(ligne[ligne.index(ligne.startIndex, offsetBy: 2)..<point]),
                            String(ligne[ligne.index(point, offsetBy: 2)...]).trimmingCharacters(in: .whitespaces)))
            } else if let point = ligne.range(of: ". "), Int(ligne[..<point.lowerBound]) != nil {
                lus.append((String(ligne[..<point.lowerBound]), String(ligne[point.upperBound...]).trimmingCharacters(in: .whitespaces)))
            }
        }
        let aptic = try Fixtures.catalogue().apticBase
        #expect(lus.count == 137)
        #expect(lus.map(\.0) == aptic.items.map(\.code))
        for (code, titre) in lus {
            #expect(aptic.item(code)?.titre == titre, "item \(code)")
        }
    }
}
