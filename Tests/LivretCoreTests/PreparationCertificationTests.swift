import Foundation
import Testing
@testable import LivretCore

@Suite("Préparation à la certification Pix")
struct PreparationCertificationTests {
    let catalogue: Catalogue
    let modele: ModeleParcours

    init() throws {
        catalogue = try Fixtures.catalogue()
        modele = try #require(catalogue.modeleParcours("femmes-et-numerique"))
    }

    var pix: ReferentielPix { catalogue.pix }

    /// A snapshot with the 16 competences: those given, 0 elsewhere.
    func profil(_ date: String, id: Int64? = nil, partage: Bool = true, _ niveaux: [String: Int]) -> ProfilPix {
        var complet: [String: Int] = [:]
        if partage {
            for competence in pix.competences { complet[competence.code] = niveaux[competence.code] ?? 0 }
        }
        return ProfilPix(id: id, apprenantId: 1, date: Jour(date)!, source: "Resultats-collecte.csv", partage: partage, niveaux: complet)
    }

    func calculer(_ identifiant: String, _ nom: String, _ profils: [ProfilPix], modele: ModeleParcours?? = nil) -> PreparationCertification {
        PreparationCertification.calculer(identifiant: identifiant, nom: nom, profils: profils,
                                          modele: modele ?? self.modele, pix: pix)
    }

    /// Every target of Femmes et Numérique reached: 5 competences at level ≥ 1.
    static let niveauxPrete = ["1.1": 2, "1.3": 1, "2.1": 2, "3.1": 2, "3.2": 1]

    @Test("Le modèle Femmes et Numérique a bien cibles et objectif attendus par ces tests")
    func modeleAttendu() throws {
        #expect(modele.cibles.pix.map(\.competence) == ["1.1", "1.3", "2.1", "3.1", "3.2"])
        let objectif = try #require(modele.objectifs.first { $0.type == "certification" })
        #expect(objectif.competencesMin == 3)
        #expect(pix.certifiabilite.competencesMin == 5 && pix.certifiabilite.niveauMin == 1)
    }

    @Test("Apprenante prête : certifiable, objectif et cibles atteints")
    func prete() {
        let p = calculer("A-1", "Benali Aïcha", [profil("2026-11-02", Self.niveauxPrete)])
        #expect(p.etat == .prete)
        #expect(p.etat.libelle == "à présenter")
        #expect(p.certifiable)
        #expect(p.competencesAuNiveau == 5)
        #expect(p.objectifCompetences == 3)
        #expect(p.ecartObjectif == 0)
        #expect(p.manquePourCertifiable == 0)
        #expect(p.ciblesAtteintes == 5 && p.ciblesTotal == 5)
        #expect(p.besoins.isEmpty)
        #expect(p.dateProfil == Jour("2026-11-02"))
        #expect(p.dateProfilPrecedent == nil)
        #expect(p.competences.map(\.code) == pix.competences.map(\.code))
        #expect(p.competences[0].titre == "Mener une recherche et une veille d\u{2019}information")
        #expect(p.competences[0].niveau == 2 && p.competences[0].niveauVise == 2 && p.competences[0].cibleAtteinte == true)
        #expect(p.competences[1].niveauVise == nil && p.competences[1].cibleAtteinte == nil)
        #expect(p.competences.allSatisfy { $0.evolution == nil })
    }

    @Test("Apprenante proche : une compétence de moins que le seuil de certifiabilité")
    func proche() {
        let p = calculer("A-2", "Diop Fatou", [profil("2026-11-02", ["1.1": 1, "2.1": 2, "3.1": 1, "4.1": 1])])
        #expect(p.etat == .proche)
        #expect(!p.certifiable)
        #expect(p.manquePourCertifiable == 1)
        #expect(p.ecartObjectif == 0)
        #expect(p.competencesAuNiveau == 4)
        #expect(p.ciblesAtteintes == 1 && p.ciblesTotal == 5)
        #expect(p.besoins == [
            "1.1 Mener une recherche et une veille d\u{2019}information : niveau 1, viser 2",
            "1.3 Traiter des données : niveau 0, viser 1",
            "3.1 Développer des documents textuels : niveau 1, viser 2",
            "3.2 Développer des documents multimedia : niveau 0, viser 1",
            "encore 1 compétence au niveau 1 pour être certifiable",
        ])
    }

    @Test("Apprenante à accompagner : loin du seuil et de l'objectif")
    func loin() {
        let p = calculer("A-3", "Martin Léa", [profil("2026-11-02", ["3.1": 1])])
        #expect(p.etat == .aAccompagner)
        #expect(p.etat.libelle == "à accompagner")
        #expect(p.manquePourCertifiable == 4)
        #expect(p.ecartObjectif == 2)
        #expect(p.competencesAuNiveau == 1)
        #expect(p.besoins.last == "encore 4 compétences au niveau 1 pour être certifiable")
        #expect(p.besoins.count == 6)
    }

    @Test("Certifiable mais objectif d'un modèle plus exigeant non atteint : proche, écart signalé")
    func objectifNonAtteint() throws {
        var exigeant = modele
        exigeant.objectifs[0].niveauMin = 2
        exigeant.objectifs[0].competencesMin = 4
        let p = calculer("A-4", "Petit Zoé", [profil("2026-11-02", Self.niveauxPrete)], modele: .some(exigeant))
        #expect(p.certifiable)
        #expect(p.competencesAuNiveau == 3)
        #expect(p.ecartObjectif == 1)
        #expect(p.etat == .proche)
        #expect(p.besoins == ["encore 1 compétence au niveau 2 pour l'objectif du parcours"])
    }

    @Test("Sans modèle : pas d'objectif ni de cibles, seul le seuil de certifiabilité compte")
    func sansModele() {
        let p = calculer("A-5", "Roux Inès", [profil("2026-11-02", Self.niveauxPrete)], modele: .some(nil))
        #expect(p.etat == .prete)
        #expect(p.objectifCompetences == nil && p.ecartObjectif == 0)
        #expect(p.ciblesTotal == 0 && p.ciblesAtteintes == 0)
        #expect(p.competences.allSatisfy { $0.niveauVise == nil && $0.cibleAtteinte == nil })
    }

    @Test("Sans profil partagé")
    func sansProfil() {
        for profils in [[], [profil("2026-11-02", partage: false, [:])]] {
            let p = calculer("A-6", "Noor Sara", profils)
            #expect(p.etat == .sansProfil)
            #expect(p.etat.libelle == "sans profil Pix partagé")
            #expect(p.dateProfil == nil)
            #expect(!p.certifiable)
            #expect(p.competences.count == 16 && p.competences.allSatisfy { $0.niveau == nil })
            #expect(p.competences.filter { $0.cibleAtteinte == false }.count == 5)
            #expect(p.besoins.count == 1)
        }
    }

    @Test("Un dernier instantané non partagé est ignoré")
    func nonPartageIgnore() {
        let p = calculer("A-7", "Benali Aïcha", [
            profil("2026-12-01", id: 9, partage: false, [:]),
            profil("2026-11-02", id: 3, Self.niveauxPrete),
        ])
        #expect(p.dateProfil == Jour("2026-11-02"))
        #expect(p.dateProfilPrecedent == nil)
        #expect(p.etat == .prete)
    }

    @Test("Évolution entre les deux derniers instantanés partagés ; même jour départagé par l'identifiant")
    func evolution() {
        let p = calculer("A-8", "Diop Fatou", [
            profil("2026-11-20", id: 7, Self.niveauxPrete),
            profil("2026-09-15", id: 1, ["3.1": 1]),
            profil("2026-10-10", id: 5, ["1.1": 1, "3.1": 1, "4.1": 2]),
            profil("2026-10-10", id: 4, ["3.1": 1]),
            profil("2026-11-25", id: 8, partage: false, [:]),
        ])
        #expect(p.dateProfil == Jour("2026-11-20"))
        #expect(p.dateProfilPrecedent == Jour("2026-10-10"))
        let evolutions = Dictionary(uniqueKeysWithValues: p.competences.map { ($0.code, $0.evolution) })
        #expect(evolutions["1.1"] == 1)
        #expect(evolutions["1.3"] == 1)
        #expect(evolutions["3.1"] == 1)
        #expect(evolutions["4.1"] == -2)
        #expect(evolutions["5.2"] == 0)

        // A previous snapshot without a competence: no evolution for it.
        var ancien = profil("2026-10-01", ["1.1": 1])
        ancien.niveaux.removeValue(forKey: "1.1")
        let q = calculer("A-9", "X", [ancien, profil("2026-11-01", ["1.1": 2])])
        #expect(q.competences[0].niveau == 2)
        #expect(q.competences[0].evolution == nil)
    }

    @Test("Regroupement d'une cohorte, ordre stable par nom puis identifiant")
    func regroupement() throws {
        let apprenants = [
            calculer("A-3", "Martin Léa", [profil("2026-11-02", ["3.1": 1])]),
            calculer("A-6", "Noor Sara", []),
            calculer("A-2", "Diop Fatou", [profil("2026-11-02", ["1.1": 1, "2.1": 2, "3.1": 1, "4.1": 1])]),
            calculer("A-1", "Benali Aïcha", [profil("2026-11-02", Self.niveauxPrete)]),
            calculer("A-10", "benali aicha", [profil("2026-11-02", Self.niveauxPrete)]),
        ]
        let cohorte = PreparationCohorte.regrouper(apprenants)
        #expect(cohorte.pretes == ["A-1", "A-10"])
        #expect(cohorte.proches == ["A-2"])
        #expect(cohorte.aAccompagner == ["A-3"])
        #expect(cohorte.sansProfil == ["A-6"])
        #expect(cohorte.apprenants.map(\.identifiant) == ["A-1", "A-10", "A-2", "A-3", "A-6"])
        #expect(PreparationCohorte.regrouper(apprenants.reversed()) == cohorte)

        let json = try JSONEncoder().encode(cohorte)
        #expect(try JSONDecoder().decode(PreparationCohorte.self, from: json) == cohorte)
        #expect(String(decoding: json, as: UTF8.self).contains("\"a_accompagner\""))
    }
}
