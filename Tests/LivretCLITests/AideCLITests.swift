import Foundation
import Testing

/// `--help` at each level: it works and speaks French.
@Suite("livret --help")
struct AideCLITests {
    struct Cas: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var attendus: [String]
        var testDescription: String { "livret " + arguments.joined(separator: " ") }
    }

    @Test("l'aide sort sans erreur et reprend les résumés en français", arguments: [
        Cas(arguments: ["--help"],
            attendus: ["Suivre les apprenants d'un parcours numérique", "référentiel", "Consulter les modèles de parcours"]),
        Cas(arguments: ["referentiel", "--help"],
            attendus: ["Consulter, exporter et valider les référentiels", "Vérifier des fichiers de référentiel"]),
        Cas(arguments: ["referentiel", "montrer", "--help"],
            attendus: ["Montrer un référentiel en arbre", "livret referentiel montrer aptic 66"]),
    ])
    func aide(cas: Cas) throws {
        let resultat = try ExecutableLivret.lancer(cas.arguments)
        #expect(resultat.statut == 0, "\(resultat)")
        // The help is wrapped to the terminal's width: compare with line breaks folded to spaces.
        let texte = resultat.sortie.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for attendu in cas.attendus {
            #expect(texte.contains(attendu), "« \(attendu) » manque :\n\(resultat)")
        }
    }
}
