import Foundation
import LivretCore
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// A structure choosing the APTIC variant it works with: recorded once, applied by every front end.
@Suite("ServiceStructure : la nomenclature #APTIC suivie par la structure")
struct NomenclatureStructureTests {
    let db: Base
    let nadia: Formateur
    static let variante = "aptic-roubaix-ateliers"

    init() throws {
        db = try Demonstration.enMemoire().base
        nadia = try db.formateur(Fixe.formateur)
    }

    @Test("Suivre la variante, puis revenir à la nationale : enregistré, journalisé, appliqué au chargement")
    func adopterPuisRevenir() throws {
        #expect(try db.varianteAptic() == nil)
        let (catalogue, changements) = try ServiceStructure.adopterVariante(db: db, catalogue: catalogueEmbarque, code: Self.variante,
                                                                            auteur: nadia, jour: Fixe.jour)
        #expect(catalogue.varianteAdoptee == Self.variante)
        #expect(changements.contains { $0.genre == .creation && $0.code == "1.3" })
        #expect(try db.varianteAptic() == Self.variante)
        let relu = try ChargementCatalogue.adopte(catalogueEmbarque, pour: db)
        #expect(relu.aptic.sousTheme("1.3") != nil && relu.aptic.parents(deItem: "G")?.sousTheme.code == "3.4")

        _ = try ServiceStructure.adopterVariante(db: db, catalogue: catalogueEmbarque, code: nil, auteur: nadia, jour: Fixe.jour)
        #expect(try db.varianteAptic() == nil)
        #expect(try ChargementCatalogue.adopte(catalogueEmbarque, pour: db).aptic == catalogueEmbarque.apticBase)
    }

    @Test("Une variante inconnue est refusée, rien n'est écrit")
    func inconnue() throws {
        let erreur = try #require(throws: ErreurUtilisateur.self) {
            try ServiceStructure.adopterVariante(db: db, catalogue: catalogueEmbarque, code: "aptic-ailleurs", auteur: nadia, jour: Fixe.jour)
        }
        #expect(erreur.message.contains("aptic-ailleurs") && erreur.message.contains("Rien n'a été modifié"))
        #expect(try db.varianteAptic() == nil)
    }

    @Test("Une variante suivie mais absente des référentiels : message clair au chargement, avec la sortie")
    func varianteDisparue() throws {
        try db.adopterVarianteAptic("aptic-disparue", auteurId: nadia.id, date: Fixe.jour)
        let erreur = try #require(throws: ErreurUtilisateur.self) { try ChargementCatalogue.adopte(catalogueEmbarque, pour: db) }
        #expect(erreur.message.contains("aptic-disparue") && erreur.message.contains("livret structure nomenclature --nationale"))
    }

    @Test("Les badges d'une personne suivent l'arbre amendé : le sous-thème créé devient un badge")
    func badges() throws {
        let (catalogue, _) = try ServiceStructure.adopterVariante(db: db, catalogue: catalogueEmbarque, code: Self.variante,
                                                                  auteur: nadia, jour: Fixe.jour)
        for code in ["3", "146"] {
            _ = try ServiceSuivi.ajouterPreuve(db: db, catalogue: catalogue, apprenant: "A-0001", referentiel: .aptic, code: code,
                                               niveau: .autonomie, note: nil, remplace: nil, auteur: nadia, jour: Fixe.jour)
        }
        let service = ServiceBadges(db: db, catalogue: catalogue, dossierCles: FileManager.default.temporaryDirectory)
        let situations = try service.situations(apprenant: "A-0001", au: Fixe.jour)
        #expect(situations.contains { $0.eligibilite.reussite.code == "aptic-1.3" && $0.eligibilite.eligible })
    }
}

@Suite("ServiceRapport : les séances comptées par thématique de La Coop")
struct ThematiquesSeancesTests {
    @Test("Le bilan d'activité de la démonstration compte ses séances par thématique, chacune au plus une fois")
    func seancesParThematique() throws {
        let db = try Demonstration.enMemoire().base
        let du = Jour("2023-01-01")!, au = Jour("2023-12-31")!
        let bilan = try ServiceRapport.activite(db: db, catalogue: catalogueEmbarque, perimetre: .structure, anneeReference: 2023,
                                                du: du, au: au).bilan
        let seances = try db.activite(.structure, du: du, au: au).sujetsSeances.count
        #expect(!bilan.thematiquesSeances.isEmpty && seances > 0)
        #expect(bilan.thematiquesSeances.allSatisfy { ($0.nombre.nombre ?? .max) <= seances && !$0.nombre.masque })
        #expect(bilan.thematiquesSeances.map(\.libelle).contains("Bureautique"))
    }
}
