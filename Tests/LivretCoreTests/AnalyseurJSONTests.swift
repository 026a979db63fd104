import Foundation
import LivretCore
import Testing

@Suite("Analyseur JSON")
struct AnalyseurJSONTests {
    func lire(_ texte: String) throws -> JSONValeur { try AnalyseurJSON.analyser(Data(texte.utf8)) }

    @Test("Objets, listes, nombres, littéraux, échappements et caractères hors BMP")
    func valeurs() throws {
        let valeur = try lire(#"{"a": [1, -2.5e2, true, false, null], "é": "x\"\\\/\n\u00e9\ud83d\ude00"}"#)
        #expect(valeur == .objet(["a": .tableau([.nombre(1), .nombre(-250), .booleen(true), .booleen(false), .nul]),
                                  "é": .chaine("x\"\\/\né😀")]))
    }

    @Test("Les documents mal formés sont refusés avec la position", arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "tru", "\"non fermée", "01x", "{} {}", "\"\\ud83d\"", "\"a\u{01}\"", "-",
    ])
    func erreurs(texte: String) {
        #expect(throws: AnalyseurJSON.Erreur.self) { try lire(texte) }
    }

    @Test("Même résultat que le décodeur de Foundation sur les référentiels embarqués")
    func commeFoundation() throws {
        let donnees = try Data(contentsOf: Fixtures.racinePaquet.appendingPathComponent("Referentiels/pix/pix.json"))
        let a = try JSONSerialization.jsonObject(with: donnees) as? NSDictionary
        let b = try AnalyseurJSON.analyser(donnees)
        guard case .objet(let objet) = b else { Issue.record("pas un objet"); return }
        #expect(Set(objet.keys) == Set((a?.allKeys as? [String]) ?? []))
        #expect(objet["niveaux"] == .objet(["min": .nombre(0), "max": .nombre(8), "pixParNiveau": .nombre(8), "niveauMaxOuvert": .nombre(7)]))
    }
}
