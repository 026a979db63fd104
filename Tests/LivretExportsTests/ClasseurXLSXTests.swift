import Foundation
import LivretCore
import LivretExports
import Testing

@Suite("Classeurs XLSX (libxlsxwriter)")
struct ClasseurXLSXTests {
    static let jour = Jour(annee: 2026, mois: 3, jour: 1)!

    static func classeur(_ feuilles: [Classeur.Feuille]) -> Classeur { Classeur(titre: "Essai", date: jour, feuilles: feuilles) }

    @Test func memesOctetsPourLeMemeClasseur() throws {
        let c = Self.classeur([.init(nom: "Chiffres", colonnes: [.init("a"), .init("b")],
                                     lignes: [[.texte("é « s »"), .entier(3)], [.masque, .pourcentage(0.667)], [.decimal(12.25, decimales: 1), .vide]])])
        let a = try ClasseurXLSX.donnees(c)
        let b = try ClasseurXLSX.donnees(c)
        #expect(a == b)
        #expect(a.prefix(2) == Data("PK".utf8), "une archive zip")
        var autre = c
        autre.date = Jour(annee: 2026, mois: 3, jour: 2)!
        #expect(try ClasseurXLSX.donnees(autre) != a, "la date du document vient du classeur, pas de l'horloge")
    }

    @Test func nomsDeFeuillesValables() throws {
        #expect(Classeur.nomFeuille("Taux [2026] : a/b?") == "Taux -2026- - a-b-")
        #expect(Classeur.nomFeuille(String(repeating: "x", count: 40)).count == 31)
        #expect(throws: ClasseurXLSX.Erreur.self) {
            try ClasseurXLSX.donnees(Self.classeur([.init(nom: "Notes", colonnes: [], lignes: []), .init(nom: "notes", colonnes: [], lignes: [])]))
        }
        do {
            _ = try ClasseurXLSX.donnees(Self.classeur([.init(nom: "A", colonnes: [], lignes: []), .init(nom: "a", colonnes: [], lignes: [])]))
        } catch {
            #expect(error.description == "deux feuilles du classeur s'appelleraient « a »")
        }
    }

    @Test func cellulesPubliees() {
        #expect(Classeur.Cellule.taux(TauxPublie(valeur: nil, masque: true)) == .masque)
        #expect(Classeur.Cellule.taux(TauxPublie(valeur: nil, masque: false)) == .vide)
        #expect(Classeur.Cellule.publiee(ValeurPubliee(nombre: 4, masque: false)) == .entier(4))
    }
}
