import Foundation
import LivretTestSupport
import Testing

/// `livret referentiel valider FICHIER…`: what a structure sees when it checks its own variant.
@Suite("livret referentiel valider")
struct ValiderCLITests {
    /// A variant with one mistake of each kind checked against the base: an ajout that takes a
    /// code the base already uses, a retrait of a code that does not exist, an empty new titre.
    static let varianteAvecTroisErreurs = """
    {
      "format": "livret.referentiel/1",
      "type": "aptic-variante",
      "code": "variante-a-corriger",
      "version": "1",
      "titre": "Variante à corriger",
      "base": "aptic",
      "baseVersion": "2023.1",
      "ajouts": [
        { "code": "12", "sousTheme": "1.1", "titre": "Un item qui reprend un code pris", "motif": "essai" }
      ],
      "retraits": [
        { "code": "999", "motif": "essai" }
      ],
      "renommages": [
        { "code": "66", "titre": "", "motif": "essai" }
      ]
    }
    """

    /// Writes `contenu` to `nom` in a temporary folder and validates it; `verifier` gets the
    /// file's absolute path and what the command printed.
    private func valider(_ contenu: String, nom: String,
                         verifier: (String, ExecutableLivret.Resultat) throws -> Void) throws {
        try DossierTemporaire.avec { dossier in
            let fichier = dossier.appendingPathComponent(nom)
            try Data(contenu.utf8).write(to: fichier)
            let resultat = try ExecutableLivret.lancer(["referentiel", "valider", fichier.path])
            try verifier(fichier.path, resultat)
        }
    }

    @Test("la variante de Roubaix livrée avec Livret est valide")
    func varianteLivreeValide() throws {
        let chemin = ExecutableLivret.fichierDuDepot("Referentiels/aptic/variantes/aptic-roubaix-ateliers.json").path
        try #require(FileManager.default.fileExists(atPath: chemin), "fichier du dépôt introuvable : \(chemin)")
        let resultat = try ExecutableLivret.lancer(["referentiel", "valider", chemin])
        #expect(resultat.statut == 0, "\(resultat)")
        #expect(resultat.lignes.contains { $0.hasPrefix("✓") && $0.contains(chemin) }, "\(resultat)")
        #expect(!resultat.sortie.contains("✗"), "\(resultat)")
    }

    @Test("une variante fautive : toutes les erreurs à la fois, avec le fichier et le chemin JSON")
    func toutesLesErreursALaFois() throws {
        try valider(Self.varianteAvecTroisErreurs, nom: "variante-a-corriger.json") { chemin, resultat in
            #expect(resultat.statut == 1, "\(resultat)")
            #expect(resultat.lignes.contains { $0.hasPrefix("✗") && $0.contains(chemin) }, "\(resultat)")
            // The file's own error (the empty titre) must not hide the errors against the base.
            for cheminJSON in ["$.ajouts[0].code", "$.retraits[0].code", "$.renommages[0].titre"] {
                #expect(resultat.toutLeTexte.contains(cheminJSON), "« \(cheminJSON) » manque :\n\(resultat)")
            }
            #expect(resultat.sortie.contains("3 erreurs"), "\(resultat)")
        }
    }

    @Test("une variante qui contredit la base : code déjà pris et retrait inconnu, les deux signalés")
    func erreursParRapportALaBase() throws {
        let contenu = Self.varianteAvecTroisErreurs.replacingOccurrences(
            of: #""code": "66", "titre": """#, with: #""code": "66", "titre": "Nouveau titre""#)
        try #require(contenu != Self.varianteAvecTroisErreurs)
        try valider(contenu, nom: "variante-contre-la-base.json") { chemin, resultat in
            #expect(resultat.statut == 1, "\(resultat)")
            #expect(resultat.lignes.contains { $0.hasPrefix("✗") && $0.contains(chemin) }, "\(resultat)")
            #expect(resultat.toutLeTexte.contains("$.ajouts[0].code"), "\(resultat)")
            #expect(resultat.toutLeTexte.contains("« 12 »"), "\(resultat)")
            #expect(resultat.toutLeTexte.contains("$.retraits[0].code"), "\(resultat)")
            #expect(resultat.toutLeTexte.contains("« 999 »"), "\(resultat)")
        }
    }

    @Test("un fichier qui n'est pas du JSON est refusé et le message le dit")
    func pasDuJSON() throws {
        try valider("ceci n'est pas { du json", nom: "pas-du-json.json") { chemin, resultat in
            #expect(resultat.statut == 1, "\(resultat)")
            #expect(resultat.lignes.contains { $0.hasPrefix("✗") && $0.contains(chemin) }, "\(resultat)")
            #expect(resultat.toutLeTexte.contains("JSON"), "\(resultat)")
        }
    }

    @Test("un fichier absent : erreur en français, « introuvable »")
    func fichierAbsent() throws {
        try DossierTemporaire.avec { dossier in
            let chemin = dossier.appendingPathComponent("n-existe-pas.json").path
            let resultat = try ExecutableLivret.lancer(["referentiel", "valider", chemin])
            #expect(resultat.statut == 1, "\(resultat)")
            #expect(resultat.erreur.hasPrefix("Erreur :"), "\(resultat)")
            #expect(resultat.erreur.contains("introuvable"), "\(resultat)")
            #expect(resultat.erreur.contains(chemin), "\(resultat)")
        }
    }
}
