import Foundation
import Testing
@testable import LivretCore

@Suite("Réussites : libellés, domaine Pix et jalons Pix")
struct ReussitesTests {
    static let jour = Jour("2024-03-04")!
    /// Six competences at level 2: certifiable whatever the référentiel's threshold.
    static let profil = ProfilPix(apprenantId: 1, date: jour, source: "test",
                                  niveaux: ["1.1": 2, "1.2": 2, "2.1": 2, "2.2": 2, "3.1": 2, "4.1": 2, "5.1": 2])

    static func certification(_ statut: CertificationPix.Statut, le date: String = "2024-02-20") -> CertificationPix {
        CertificationPix(apprenantId: 1, code: nil, statut: statut, date: Jour(date)!, score: 300, palier: 3,
                         niveaux: ["1.1": 2, "2.1": 2, "3.1": 2, "4.1": 2], auteurId: 1)
    }

    func certifiable(certifications: [CertificationPix]) throws -> Eligibilite {
        let catalogue = try Fixtures.catalogue()
        let toutes = EvaluationReussites.evaluer(catalogue: catalogue, preuves: [], parcours: [], profils: [Self.profil],
                                                 certifications: certifications)
        return try #require(toutes.first { $0.reussite.code == "pix-certifiable" })
    }

    @Test("« Prêt pour la certification » : gagné avec un profil certifiable, pas quand la personne est déjà certifiée")
    func certifiableMaisDejaCertifie() throws {
        #expect(try certifiable(certifications: []).eligible)
        // Certifications that are not validated do not count.
        #expect(try certifiable(certifications: [Self.certification(.rejetee), Self.certification(.annulee)]).eligible)
        let deja = try certifiable(certifications: [Self.certification(.rejetee), Self.certification(.validee)])
        #expect(!deja.eligible)
        #expect(deja.constats.isEmpty)
        #expect(deja.manque == "sans objet (certification Pix déjà obtenue le 20/02/2024)")
        // The certification milestone itself is still there.
        let catalogue = try Fixtures.catalogue()
        let toutes = EvaluationReussites.evaluer(catalogue: catalogue, preuves: [], parcours: [], profils: [Self.profil],
                                                 certifications: [Self.certification(.validee)])
        #expect(toutes.first { $0.reussite.code == "pix-3-competences" }?.eligible == true)
    }

    @Test("Les noms, descriptions et critères valent pour tout le monde : pas d'accord au genre de la personne")
    func libellesEpicenes() throws {
        let reussites = CatalogueReussites.toutes(try Fixtures.catalogue())
        let genres = ["Prête", "Prêt ", "prête", "certifiée par", "inscrite", "seule", "·", "notée"]
        for reussite in reussites {
            for texte in [reussite.nom, reussite.description, reussite.critere] {
                for forme in genres {
                    #expect(!texte.contains(forme), "« \(forme) » dans « \(texte) » (\(reussite.code))")
                }
            }
        }
        let certifiable = try #require(reussites.first { $0.code == "pix-certifiable" })
        #expect(certifiable.nom == "Profil Pix prêt pour la certification")
        #expect(certifiable.critere.contains("pas encore de certification Pix validée"))
    }

    @Test("Domaine Pix d'une réussite : celui de ses compétences (3.2 → domaine 3), avec le titre du référentiel")
    func domainePix() throws {
        let catalogue = try Fixtures.catalogue()
        let cadre = CatalogueReussites.cadrePix
        let aligne = { (codes: [String]) in
            codes.map { Reussite.Alignement(targetName: $0, targetCode: $0, targetFramework: cadre, targetUrl: CatalogueReussites.urlPix) }
        }
        let titre3 = try #require(catalogue.pix.domaine("3")).titre
        #expect(CatalogueReussites.domainePix(aligne(["3.2"]), catalogue: catalogue) == .init(code: "3", titre: titre3))
        #expect(CatalogueReussites.domainePix(aligne(["3.1", "3.4"]), catalogue: catalogue)?.code == "3")
        #expect(CatalogueReussites.domainePix(aligne(["1.1"]), catalogue: catalogue)?.code == "1")
        // Several domains, or no competence: no domain.
        #expect(CatalogueReussites.domainePix(aligne(["2.1", "3.2"]), catalogue: catalogue) == nil)
        #expect(CatalogueReussites.domainePix(aligne(["certification"]), catalogue: catalogue) == nil)
        // An APTIC alignment that happens to look like a competence code does not count.
        let aptic = Reussite.Alignement(targetName: "x", targetCode: "3.2", targetFramework: CatalogueReussites.cadreAptic, targetUrl: "")
        #expect(CatalogueReussites.domainePix([aptic], catalogue: catalogue) == nil)
        // The shipped Pix milestones are certification milestones, across domains.
        let jalons = CatalogueReussites.toutes(catalogue).filter { $0.famille == .pix }
        #expect(!jalons.isEmpty)
        #expect(jalons.allSatisfy { $0.domainePix == nil })
    }
}
