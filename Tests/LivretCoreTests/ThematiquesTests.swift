import Foundation
import LivretCore
import Testing

@Suite("Correspondance APTIC → thématiques de La Coop et de data·inclusion")
struct ThematiquesTests {
    static let nom = "correspondances/aptic-thematiques.json"

    @Test("Chaque sous-thème APTIC mène à au moins une thématique de La Coop, avec sa raison")
    func couverture() throws {
        let catalogue = try Fixtures.catalogue()
        let table = try #require(catalogue.thematiques)
        for sousTheme in catalogue.apticBase.sousThemes {
            let lien = table.liens.first { $0.aptic == sousTheme.code }
            let sans = table.sansCorrespondance.contains { $0.aptic == sousTheme.code }
            #expect((lien.map { !$0.coop.isEmpty } ?? false) != sans, "sous-thème \(sousTheme.code)")
        }
        #expect(table.liens.allSatisfy { !$0.motif.isEmpty })
        // An item takes its sous-thème's thématiques: the word processor (66, in 2.1) counts as bureautique.
        #expect(table.thematiquesCoop(item: "66", sousTheme: "2.1").contains(.bureautique))
        #expect(table.thematiquesCoop(item: "X", sousTheme: "2.2") == [.aideAuxDemarchesAdministratives])
    }

    @Test("Un code inconnu d'un côté ou de l'autre est refusé, avec le chemin du champ")
    func codesInconnusRefuses() throws {
        var objet = try Fixtures.objetEmbarque(Self.nom)
        var liens = try #require(objet["liens"] as? [[String: Any]])
        liens[0]["coop"] = ["navigation_sur_internet", "cuisine"]
        liens[1]["dataInclusion"] = ["numerique--inconnue"]
        liens[2]["aptic"] = "9.9"
        objet["liens"] = liens
        let fichier = try Fixtures.fichier(Self.nom, objet: objet)
        do {
            _ = try Catalogue.charger(Fixtures.fichiersAvec(fichier))
            Issue.record("accepté")
        } catch {
            let chemins = Set(error.erreurs.map(\.chemin))
            #expect(chemins.isSuperset(of: ["$.liens[0].coop[1]", "$.liens[1].dataInclusion[0]", "$.liens[2].aptic"]), "\(chemins)")
            #expect(error.erreurs.contains { $0.message.contains("le sous-thème 0.3") }, "0.3 n'a plus de lien")
        }
    }
}
