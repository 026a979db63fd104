import LivretProgrammeLineaire
import Testing

/// Ranges of variables under published sums: what an attacker can deduce.
@Suite("Programme linéaire : étendue de chaque case masquée")
struct ProgrammeLineaireTests {
    @Test("Deux cases masquées d'un total publié : chacune va de 0 au total")
    func deuxCases() throws {
        var p = ProgrammeLineaire()
        let a = p.ajouterVariable(), b = p.ajouterVariable()
        p.contraintes.append(.egalite([(a, 1), (b, 1)], 6))
        let etendues = try #require(p.etendues([a, b]))
        #expect(etendues.map(\.minimum) == [0, 0])
        #expect(etendues.map(\.maximum) == [6, 6])
    }

    @Test("L'exemple de l'issue : terminées + abandons ≤ commencées trahit un abandon")
    func relationsEntreColonnes() throws {
        // Women: commencées 14, terminées 13, abandons masked (≥ 1 since masked means 1 to 4).
        var p = ProgrammeLineaire()
        let abandons = p.ajouterVariable(minimum: 1, maximum: 4)
        p.contraintes.append(ProgrammeLineaire.Contrainte(termes: [(abandons, 1)], minimum: nil, maximum: 14 - 13))
        let etendue = try #require(p.etendues([abandons])?.first)
        #expect(etendue.minimum == 1 && etendue.maximum == 1)
    }

    @Test("En entiers : 2x = 3 n'a pas de solution, 2x + 2y = 6 donne x de 0 à 3")
    func entiers() throws {
        var p = ProgrammeLineaire()
        let x = p.ajouterVariable()
        p.contraintes.append(.egalite([(x, 2)], 3))
        #expect(p.etendues([x]) == nil)
        var q = ProgrammeLineaire()
        let u = q.ajouterVariable(), v = q.ajouterVariable()
        q.contraintes.append(.egalite([(u, 2), (v, 2)], 6))
        #expect(q.etendues([u])?.first?.maximum == 3)
    }

    @Test("Rien ne borne une case : son maximum est le plafond, elle n'est pas bornée")
    func nonBornee() throws {
        var p = ProgrammeLineaire()
        let a = p.ajouterVariable()
        let etendue = try #require(p.etendues([a])?.first)
        #expect(!etendue.bornee && etendue.minimum == 0)
    }
}
