import LivretTerminal
import Testing

@Suite("Zones")
struct GeometrieTests {
    let ecran = Zone(x: 0, y: 0, largeur: 80, hauteur: 24)

    @Test("En-tête, corps et pied")
    func lignes() {
        let parties = ecran.lignes([.fixe(1), .reste, .fixe(1)])
        #expect(parties == [Zone(x: 0, y: 0, largeur: 80, hauteur: 1),
                            Zone(x: 0, y: 1, largeur: 80, hauteur: 22),
                            Zone(x: 0, y: 23, largeur: 80, hauteur: 1)])
    }

    @Test("Pourcentage, reste et minimum se partagent la largeur")
    func colonnes() {
        let parties = Zone(x: 10, y: 2, largeur: 100, hauteur: 5).colonnes([.pourcentage(25), .reste, .minimum(10)])
        #expect(parties.map(\.largeur) == [25, 33, 42])
        #expect(parties.map(\.x) == [10, 35, 68])
        #expect(parties.allSatisfy { $0.y == 2 && $0.hauteur == 5 })
        #expect(Zone(x: 0, y: 0, largeur: 10, hauteur: 1).colonnes([.reste, .reste, .reste]).map(\.largeur) == [4, 3, 3])
        #expect(Zone(x: 0, y: 0, largeur: 10, hauteur: 1).colonnes([.fixe(3)]).map(\.largeur) == [3])
    }

    @Test("Quand la place manque, les dernières parties rétrécissent")
    func debordement() {
        #expect(Zone(x: 0, y: 0, largeur: 10, hauteur: 1).colonnes([.fixe(6), .fixe(6), .reste]).map(\.largeur) == [6, 4, 0])
        #expect(Zone(x: 0, y: 0, largeur: 10, hauteur: 3).lignes([.minimum(2), .fixe(5)]).map(\.hauteur) == [2, 1])
        #expect(Zone(x: 0, y: 0, largeur: 0, hauteur: 0).lignes([.reste, .pourcentage(50)]).map(\.hauteur) == [0, 0])
    }

    @Test("Intérieur, jamais négatif")
    func interieur() {
        let z = Zone(x: 2, y: 3, largeur: 10, hauteur: 5)
        #expect(z.interieur() == Zone(x: 3, y: 4, largeur: 8, hauteur: 3))
        #expect(z.interieur(marge: 3).hauteur == 0)
        #expect(z.interieur(marge: 3).largeur == 4)
        #expect(Zone(x: 0, y: 0, largeur: 1, hauteur: 1).interieur().estVide)
        #expect(z.bas == 8 && z.droite == 12)
    }

    @Test("Une ligne de la zone, vide hors de la zone")
    func ligne() {
        let z = Zone(x: 4, y: 5, largeur: 10, hauteur: 3)
        #expect(z.ligne(1) == Zone(x: 4, y: 6, largeur: 10, hauteur: 1))
        #expect(z.ligne(3).hauteur == 0)
        #expect(z.ligne(-1).hauteur == 0)
        #expect(z.intersection(Zone(x: 10, y: 0, largeur: 10, hauteur: 6)) == Zone(x: 10, y: 5, largeur: 4, hauteur: 1))
    }
}
