import Foundation
import LivretTestSupport
import Testing

/// What `livret` prints on the demo base, byte for byte, against `Attendus/<nom>.txt`.
///
/// The base is made by `livret demo`; the day (`LIVRET_DATE`) and the author (`LIVRET_FORMATEUR`)
/// are fixed, the environment is controlled (`ExecutableLivret.environnement`: UTF-8 locale,
/// embedded référentiels, `HOME` in the temporary folder), so nothing depends on the clock, the
/// locale, the network or the user's files. A change of rules or wording changes these files:
/// re-record them with `LIVRET_INSTANTANES=enregistrer`, then read the diff.
@Suite("Sorties de livret sur la base de démonstration, contre les fichiers attendus")
struct SortiesAttenduesTests {
    /// Each file of `Attendus/` and the command that prints it.
    static let commandes: [(nom: String, arguments: [String])] = [
        ("cohorte-lister", ["cohorte", "lister"]),
        ("cohorte-montrer-fen-2023", ["cohorte", "montrer", "fen-2023"]),
        ("cohorte-montrer-smartphone-2024", ["cohorte", "montrer", "smartphone-2024"]),
        ("apprenant-montrer-A-0001", ["apprenant", "montrer", "A-0001"]),
        ("seance-lister-smartphone-2024", ["seance", "lister", "smartphone-2024"]),
        ("rapport", ["rapport"]),
        ("rapport-csv", ["rapport", "--format", "csv"]),
        ("rapport-json", ["rapport", "--format", "json"]),
        ("rapport-croiser-age", ["rapport", "--croiser", "age"]),
        ("pix-preparation-smartphone-2024", ["pix", "preparation", "smartphone-2024"]),
    ]

    static let dossier = Golden.dossier("Attendus")

    @Test("Chaque commande écrit exactement le fichier attendu, sans rien sur la sortie d'erreur")
    func sorties() throws {
        try Atelier.avec { modele in
            var atelier = modele
            atelier.formateur = Fixe.formateur
            try atelier.reussir(["demo"])
            for (nom, arguments) in Self.commandes {
                let resultat = try atelier.reussir(arguments)
                #expect(resultat.erreur.isEmpty, "\(resultat)")
                #expect(!resultat.sortie.contains(atelier.dossier.path), "livret \(arguments.joined(separator: " ")) écrit un chemin temporaire")
                Golden.verifier(resultat.sortie, fichier: Self.dossier.appendingPathComponent("\(nom).txt"))
            }
        }
    }
}
