import LivretCore
import LivretDemo
import LivretReferentiels
import LivretStore
import LivretTestSupport
import Testing

@Suite("Badges : éligibilité calculée sur la base de démonstration")
struct EligibiliteTests {
    func eligibles(_ identifiant: String) throws -> [String: Eligibilite] {
        let catalogue = try ReferentielsEmbarques.catalogue()
        let base = try Demonstration.enMemoire(catalogue: catalogue).base
        let dossier = try base.dossier(identifiant, catalogue: catalogue, au: Demo.jourReference)
        return Dictionary(uniqueKeysWithValues: dossier.eligibilites(catalogue: catalogue).map { ($0.reussite.code, $0) })
    }

    @Test("Une participante de Femmes et Numérique : parcours et certification ; déjà certifiée, plus « prêt pour la certification »")
    func femmesEtNumerique() throws {
        let e = try eligibles("A-0004")
        #expect(e["parcours-femmes-et-numerique"]?.eligible == true)
        #expect(e["pix-3-competences"]?.eligible == true)
        #expect(e["pix-certifiable"]?.eligible == false)
        #expect(e["pix-certifiable"]?.manque?.hasPrefix("sans objet (certification Pix déjà obtenue le ") == true)
        #expect(e["parcours-initiation-smartphone"]?.eligible == false)
        #expect(e["pix-3-competences"]?.constats.first?.contains("certifié") == true)
        #expect(e["parcours-femmes-et-numerique"]?.constats.first?.contains("h sur 67 h") == true)
    }

    @Test("Un abandon n'ouvre pas le badge du parcours, et dit ce qui manque")
    func abandon() throws {
        let e = try eligibles("A-0017")
        let parcours = try #require(e["parcours-initiation-smartphone"])
        #expect(!parcours.eligible)
        #expect(parcours.manque != nil)
    }

    @Test("Chaque réussite a un critère en français et des alignements APTIC ou Pix")
    func catalogue() throws {
        let catalogue = try ReferentielsEmbarques.catalogue()
        let reussites = CatalogueReussites.toutes(catalogue)
        #expect(reussites.filter { $0.famille == .aptic }.count == 12)
        #expect(reussites.filter { $0.famille == .parcours }.count == catalogue.parcours.count)
        #expect(reussites.allSatisfy { !$0.critere.isEmpty && !$0.alignements.isEmpty })
        #expect(Set(reussites.map(\.code)).count == reussites.count)
        let utiliser = try #require(reussites.first { $0.code == "aptic-2.1" })
        #expect(utiliser.alignements.first?.targetCode == "2.1")
    }
}
