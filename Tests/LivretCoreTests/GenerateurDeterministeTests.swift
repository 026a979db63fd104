import LivretCore
import Testing

@Suite("Générateur à graine (SplitMix64)")
struct GenerateurDeterministeTests {
    @Test("La suite de référence de SplitMix64 pour la graine 0")
    func suiteDeReference() {
        var g = GenerateurDeterministe(graine: 0)
        #expect([g.next(), g.next(), g.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test("Même graine, même suite ; autre graine, autre suite")
    func memeGraine() {
        var a = GenerateurDeterministe(graine: 20_230_306), b = GenerateurDeterministe(graine: 20_230_306)
        var c = GenerateurDeterministe(graine: 20_230_307)
        let suiteA = (0..<100).map { _ in a.next() }
        #expect(suiteA == (0..<100).map { _ in b.next() })
        #expect(suiteA != (0..<100).map { _ in c.next() })
        #expect(a == b)
    }

    @Test("entier et tirage restent dans leurs bornes")
    func bornes() {
        var g = GenerateurDeterministe(graine: 7)
        for _ in 0..<1_000 {
            #expect((3...9).contains(g.entier(3...9)))
            #expect(g.entier(5...5) == 5)
        }
        #expect(!(0..<100).contains { _ in g.tirage(0) })
        #expect((0..<100).allSatisfy { _ in g.tirage(1) })
    }
}
