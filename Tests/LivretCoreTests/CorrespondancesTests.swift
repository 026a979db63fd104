import LivretCore
import Testing

@Suite("Correspondance APTIC → Pix")
struct CorrespondancesTests {
    @Test("Chaque item des niveaux 1 à 3 a un lien ou une raison de ne pas en avoir")
    func couverture() throws {
        let catalogue = try Fixtures.catalogue()
        let table = catalogue.correspondances
        for item in catalogue.apticBase.niveaux.dropFirst().flatMap({ $0.sousThemes.flatMap(\.items) }) {
            let lie = !table.liens(pourItem: item.code).isEmpty
            let sans = table.sansCorrespondance.contains { $0.aptic == item.code }
            #expect(lie != sans, "item \(item.code)")
        }
        #expect(table.liens.allSatisfy { !$0.motif.isEmpty })
    }

    @Test("Les liens attendus : traitement de texte → 3.1, tableur → 1.3")
    func liensAttendus() throws {
        let table = try Fixtures.catalogue().correspondances
        #expect(table.liens(pourItem: "66").map(\.pix).contains("3.1"))
        #expect(table.liens(pourItem: "70").map(\.pix).contains("1.3"))
        #expect(table.liens(pourCompetence: "3.1").map(\.aptic).contains("67"))
    }
}
