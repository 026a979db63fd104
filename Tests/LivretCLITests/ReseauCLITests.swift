import Foundation
import LivretTestSupport
import Testing

/// `livret reseau …` on the built executable: a structure makes its signed extract, a network
/// registers it, imports its extract and publishes its report in every format.
@Suite struct ReseauCLITests {
    @Test func uneStructureEtSonReseauDeBoutEnBout() throws {
        try Atelier.avecDemo { atelier in
            try atelier.reussir(["badge", "cle", "creer"])
            let cle = try atelier.reussir(["reseau", "cle"]).sortie
            let did = try #require(cle.split(separator: "\n").first { $0.hasPrefix("Clé : ") }.map { String($0.dropFirst(6)) })
            #expect(did.hasPrefix("did:jwk:"))
            let extrait = try atelier.reussir(["reseau", "extrait", "--periode", "2023", "--sortie", "extrait.zip"])
            #expect(extrait.sortie.contains("11 inscriptions"), "\(extrait)")
            let reseau = ["--base", atelier.dossier.appendingPathComponent("reseau.sqlite").path]

            // Not a member yet: refused, nothing imported.
            let refus = try atelier.echouer(["reseau", "importer", "extrait.zip"] + reseau)
            #expect(refus.erreur.contains("n'est pas membre du réseau"), "\(refus)")
            try atelier.reussir(["reseau", "membre", "ajouter", "Espace numérique de la Grand-Place (démo)", "--cle", did,
                                 "--departement", "59", "--commune", "59350"] + reseau)
            let mauvais = try atelier.echouer(["reseau", "membre", "ajouter", "Autre", "--cle", did, "--departement", "59"] + reseau)
            #expect(mauvais.erreur.contains("une structure, une clé"))
            let commune = try atelier.echouer(["reseau", "membre", "ajouter", "Autre", "--cle", "did:jwk:xyz", "--departement", "59"] + reseau)
            #expect(commune.erreur.contains("--cle"))
            let importe = try atelier.reussir(["reseau", "importer", "extrait.zip"] + reseau)
            #expect(importe.sortie.contains("importé"))
            #expect(try atelier.reussir(["reseau", "importer", "extrait.zip"] + reseau).sortie.contains("déjà importé"))
            #expect(try atelier.reussir(["reseau", "historique"] + reseau).sortie.contains("en vigueur"))

            // The report: the demo's 11 women, each figure protected (11 is above the threshold).
            let texte = try atelier.reussir(["reseau", "rapport", "--periode", "2023"] + reseau).sortie
            #expect(texte.contains("Rapport — tout le réseau") && texte.contains("11 inscriptions"), "\(texte)")
            let json = try atelier.reussir(["reseau", "rapport", "--periode", "2023", "--departement", "59", "--format", "json"] + reseau).sortie
            let rapport = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(rapport["perimetre"] as? String == "département 59")
            #expect((rapport["total"] as? [String: Any]).flatMap { $0["inscrits"] as? [String: Any] }?["nombre"] as? Int == 11, "\(rapport)")
            for format in ["csv", "html", "xlsx"] {
                try atelier.reussir(["reseau", "rapport", "--periode", "2023", "--croiser", "age", "--format", format, "--sortie", "rapport.\(format)"] + reseau)
                #expect(FileManager.default.fileExists(atPath: atelier.dossier.appendingPathComponent("rapport.\(format)").path))
            }
            let audit = try atelier.reussir(["reseau", "rapport", "--periode", "2023", "--croiser", "age", "--audit"] + reseau).sortie
            #expect(!audit.isEmpty)
            let inconnu = try atelier.echouer(["reseau", "rapport", "--periode", "2023", "--departement", "62"] + reseau)
            #expect(inconnu.erreur.contains("aucun extrait pour « département 62 »"), "\(inconnu)")
            let annee = try atelier.echouer(["reseau", "rapport", "--periode", "vingt"] + reseau)
            #expect(annee.erreur.contains("--periode"))
            // The network's file is its own.
            let attributs = try FileManager.default.attributesOfItem(atPath: atelier.dossier.appendingPathComponent("reseau.sqlite").path)
            #expect((attributs[.posixPermissions] as? Int) == 0o600)
        }
    }
}
