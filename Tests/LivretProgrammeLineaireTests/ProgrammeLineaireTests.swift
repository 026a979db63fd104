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

    @Test("Assez large : deux solutions entières atteignent des valeurs distantes d'au moins la largeur demandée")
    func certifieeLarge() throws {
        var p = ProgrammeLineaire()
        let a = p.ajouterVariable(), b = p.ajouterVariable()
        p.contraintes.append(.egalite([(a, 1), (b, 1)], 10))
        p.solutionConnue = [3, 7]
        let r = try #require(p.etenduesExpliquees([a], largeur: 5)?.first)
        #expect(r.etendue.largeur >= 5)
        #expect(r.etendue.minimum >= 0 && r.etendue.maximum <= 10)
    }

    @Test("Large en nombres réels, étroite en entiers : la case est dite trop peu protégée")
    func certifieeEtroite() throws {
        // 2a + 2b ≤ 11 and 2b ≥ 1: in real numbers a goes from 0 to 5, in whole numbers from 0 to 4.
        var p = ProgrammeLineaire()
        let a = p.ajouterVariable(), b = p.ajouterVariable()
        p.contraintes.append(ProgrammeLineaire.Contrainte(termes: [(a, 2), (b, 2)], minimum: nil, maximum: 11))
        p.contraintes.append(ProgrammeLineaire.Contrainte(termes: [(b, 2)], minimum: 1, maximum: nil))
        p.solutionConnue = [2, 1]
        let r = try #require(p.etenduesExpliquees([a], largeur: 5)?.first)
        // Not wide enough (no whole solution reaches 2 + 5): the values reached are returned, never a wider range.
        #expect(r.etendue.largeur < 5 && r.etendue.minimum >= 0 && r.etendue.maximum <= 4, "\(r.etendue)")
        #expect(p.etendues([a])?.first?.minimum == 0 && p.etendues([a])?.first?.maximum == 4)
        #expect(!r.liaisonsMaximum.isEmpty)
        #expect(p.etendues([a], relaxation: true)?.first?.maximum == 5)
    }
}
