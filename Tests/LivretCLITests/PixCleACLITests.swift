import Foundation
import LivretTestSupport
import Testing

/// Issue 20, point 5, on the built `livret`: an exam campaign with the CléA badge, then Pix Certif
/// results with CléA numérique validated, seen in `livret pix preparation` (decision 55).
@Suite("Pix : examen et CléA numérique, de bout en bout")
struct PixCleACLITests {
    func json(_ resultat: ExecutableLivret.Resultat) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: resultat.sortieOctets) as? [String: Any])
    }

    @Test("Examen importé (campagne d'examen, badge CléA) → prêt à passer ; Pix Certif CléA validée → obtenu ; erreur claire sur une valeur inconnue")
    func examenPuisCleA() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let examen = atelier.dossier.appendingPathComponent("Resultats-Examen blanc CléA-5678-2024-03-13-1100.csv")
            try Data(ExportsPixFictifs.examen.utf8).write(to: examen)
            let importe = try atelier.reussir(["pix", "importer", "--formateur", "Nadia Benali", examen.path, "--cohorte", "smartphone-2024"])
            #expect(importe.sortie.contains("(campagne d'examen Pix Orga)"), "\(importe)")

            let une = try atelier.reussir(["pix", "preparation", "A-0013"])
            #expect(une.sortie.contains("CléA numérique : badge CléA obtenu sur Pix Orga : prêt à passer la certification CléA (le 13/03/2024, Resultats-Examen blanc CléA-5678-2024-03-13-1100.csv)"), "\(une)")
            let table = try atelier.reussir(["pix", "preparation", "smartphone-2024"])
            #expect(table.sortie.contains("CléA numérique : 0 obtenu · 1 prêt à passer la certification CléA"), "\(table)")
            #expect(table.sortie.contains("prêt à passer"), "\(table)")

            let faux = atelier.dossier.appendingPathComponent("resultats-faux.csv")
            try Data(ExportsPixFictifs.certifCleA(clea: "Peut-être").utf8).write(to: faux)
            let refus = try atelier.echouer(["pix", "importer", "--formateur", "Nadia Benali", faux.path])
            #expect(refus.erreur.contains("rien n'a été importé"), "\(refus)")
            #expect(refus.erreur.contains("ligne 2") && refus.erreur.contains("Certification CléA Numérique") && refus.erreur.contains("Peut-être"), "\(refus)")

            let certif = atelier.dossier.appendingPathComponent("20240320_1400_resultats_session_7799.csv")
            try Data(ExportsPixFictifs.certifCleA().utf8).write(to: certif)
            try atelier.reussir(["pix", "importer", "--formateur", "Nadia Benali", certif.path])
            let encore = try atelier.reussir(["pix", "importer", "--formateur", "Nadia Benali", certif.path])
            #expect(encore.sortie.contains("0 certification ajoutée, 1 déjà connue"), "\(encore)")

            let preparation = try json(try atelier.reussir(["pix", "preparation", "smartphone-2024", "--json"]))
            let jeanine = try #require((preparation["apprenants"] as? [[String: Any]])?.first { $0["identifiant"] as? String == "A-0013" })
            let clea = try #require(jeanine["clea"] as? [String: Any])
            #expect(clea["etat"] as? String == "obtenu")
            #expect(clea["source"] as? String == "20240320_1400_resultats_session_7799.csv")
            let apres = try atelier.reussir(["pix", "preparation", "A-0013"])
            #expect(apres.sortie.contains("CléA numérique : CléA numérique obtenu (le 20/03/2024, 20240320_1400_resultats_session_7799.csv)"), "\(apres)")
        }
    }
}
