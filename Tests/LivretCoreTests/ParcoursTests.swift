import LivretCore
import Testing

@Suite("Modèle de parcours Femmes et Numérique")
struct ParcoursTests {
    @Test("Tout ce que dit le document source")
    func contenu() throws {
        let modele = try #require(try Fixtures.catalogue().modeleParcours("femmes-et-numerique"))
        #expect(modele.entete.titre == "Femmes et Numérique")
        #expect(modele.porteur?.nom == "Emmaüs Connect")
        #expect(modele.partenaires.map(\.nom) == ["Fondation Renault", "CIDFF Nord / Roubaix – Tourcoing", "Maison des femmes de Roubaix"])
        #expect(modele.prerequis.count == 4)
        #expect(modele.publicVise?.ageMinimum == 18)
        #expect(modele.duree.heures == 67)
        #expect(modele.duree.heuresInitialementPrevues == 90)
        #expect(modele.duree.semaines == 6)
        #expect(modele.duree.jours == ["lundi", "mardi", "jeudi", "vendredi"])
        #expect(modele.tailleGroupe == 10)
        #expect(modele.etapes.map(\.type) == [.diagnostic, .ateliers, .certification])
        let certification = try #require(modele.etapes.last)
        #expect(certification.dureeHeures == 2)
        #expect(certification.coutParApprenantEuros == 46)
        let objectif = try #require(modele.objectifs.first)
        #expect(objectif.effectifVise == 5 && objectif.effectifGroupe == 10 && objectif.competencesMin == 3)
        #expect(modele.avantages.contains { $0.libelle.contains("ordinateur") })
        #expect(modele.bilanPublie?.certifiees == 11)
    }

    @Test("Les cibles sont marquées comme déduites par le projet et existent dans les référentiels")
    func cibles() throws {
        let catalogue = try Fixtures.catalogue()
        let modele = try #require(catalogue.modeleParcours("femmes-et-numerique"))
        #expect(modele.cibles.origine == .inferee)
        #expect(modele.regleDeCompletion.origine == .inferee)
        #expect(!modele.cibles.pix.isEmpty && !modele.cibles.aptic.isEmpty)
        #expect(modele.cibles.pix.allSatisfy { catalogue.pix.competence($0.competence) != nil })
        #expect(modele.cibles.aptic.allSatisfy { catalogue.apticBase.item($0) != nil })
    }
}
