import Foundation
import LivretTestSupport
import Testing

/// `livret structure nomenclature`: a structure follows Roubaix's variant, and the badges, the CV and
/// the exported tree follow it, run on the built `livret`.
@Suite("livret structure nomenclature : suivre une variante locale")
struct NomenclatureCLITests {
    @Test("Suivre la variante de Roubaix : le sous-thème créé devient un badge et un groupe du CV ; revenir à la nationale")
    func suivreLaVariante() throws {
        try Atelier.avecDemo { atelier in
            #expect(try atelier.reussir(["structure", "nomenclature"]).sortie.contains("la nationale"))
            let choix = try atelier.reussir(["structure", "nomenclature", "aptic-roubaix-ateliers"]).sortie
            #expect(choix.contains("3 items déplacés, 1 sous-thème créé"), "\(choix)")
            #expect(choix.contains("déplacé  G : 0.3 → 3.4"), "\(choix)")
            for code in ["3", "146"] {
                try atelier.reussir(["preuve", "ajouter", "A-0001", "aptic:\(code)", "--niveau", "autonomie"])
            }
            let eligibles = try atelier.reussir(["badge", "eligibles", "A-0001"]).sortie
            #expect(eligibles.contains("Vivre avec le numérique à la maison"), "\(eligibles)")
            try atelier.reussir(["cv", "exporter", "A-0001", "--sortie", "cv.html"])
            let cv = try String(contentsOf: atelier.dossier.appendingPathComponent("cv.html"), encoding: .utf8)
            #expect(cv.contains("APTIC 1.3") && cv.contains("Mettre en place des règles pour les écrans à la maison"))
            // Item 18, retired by the variant, no longer takes evidence.
            let retire = try atelier.echouer(["preuve", "ajouter", "A-0001", "aptic:18", "--niveau", "suivi"])
            #expect(retire.erreur.contains("retiré"), "\(retire)")

            try atelier.echouer(["structure", "nomenclature", "aptic-inconnue"])
            #expect(try atelier.reussir(["structure", "nomenclature"]).sortie.contains("aptic-roubaix-ateliers 2023.2"))
            try atelier.reussir(["structure", "nomenclature", "--nationale"])
            #expect(try atelier.reussir(["structure", "nomenclature"]).sortie.contains("la nationale"))
            // The evidence stays; back on the national tree, its sous-thème 1.3 badge is gone, item 3 counts in 1.1 again.
            let apres = try atelier.reussir(["badge", "eligibles", "A-0001", "--tous"]).sortie
            #expect(!apres.contains("Vivre avec le numérique à la maison"), "\(apres)")
        }
    }

    @Test("L'arbre exporté garde la place d'avant d'un item déplacé")
    func exportDeplacement() throws {
        let resultat = try ExecutableLivret.lancer(["referentiel", "exporter", "aptic", "--variante", "aptic-roubaix-ateliers", "--format", "json"])
        #expect(resultat.statut == 0, "\(resultat)")
        let arbre = JSONSortie.ArbreAptic(try JSONSortie.objet(resultat.sortieOctets))
        let g = try #require(arbre.item("G"))
        let places = JSONSortie.objets(g["anciennesPlaces"])
        #expect(places.first?["sousTheme"] as? String == "0.3")
        #expect(arbre.sousThemes.contains { $0["code"] as? String == "1.3" })
    }
}
