import Foundation
import LivretCore
import LivretDemo
import LivretReferentiels
import LivretStore
import LivretTestSupport
import Testing

@Suite("Base de démonstration")
struct DemoTests {
    let catalogue: Catalogue

    init() throws {
        catalogue = try ReferentielsEmbarques.catalogue()
    }

    func baseRemplie() throws -> (Base, ResumeDemo) {
        try Demonstration.enMemoire(catalogue: catalogue)
    }

    @Test func femmesEtNumeriqueToutesCertifiees() throws {
        let (base, resume) = try baseRemplie()
        #expect(resume.structure == "Espace numérique de la Grand-Place (démo)")
        #expect(resume.cohortes.contains("fen-2023") && resume.cohortes.contains("smartphone-2024"))
        let tableau = try base.tableauDeBord(cohorte: "fen-2023", catalogue: catalogue, au: Demo.jourReference)
        #expect(tableau.count == 11)
        for ligne in tableau {
            #expect(ligne.statut == .termine, "\(ligne.identifiant)")
            #expect(ligne.bilan.objectifCertificationAtteint == true, "\(ligne.identifiant)")
            #expect((ligne.bilan.assiduite ?? 0) >= 0.8, "\(ligne.identifiant)")
            #expect(ligne.bilan.critere.atteint, "\(ligne.identifiant)")
            #expect(ligne.bilan.heures.minutesPrevuesACeJour == 4020)
            let dossier = try base.dossier(ligne.identifiant, catalogue: catalogue, au: Demo.jourReference)
            #expect(dossier.apprenant.sexe == .feminin)
            #expect(dossier.certifications.count == 1)
            #expect(dossier.profilsPix.count == 2)
            #expect(dossier.positionnements.first?.eurostat != nil)
            let certification = try #require(dossier.certifications.first)
            #expect(catalogue.pix.codeVerificationValide(certification.code ?? ""))
            #expect((260...520).contains(certification.score))
            #expect(catalogue.pix.palier(pourScore: certification.score)?.palier == certification.palier)
            #expect(certification.competencesCertifiees().count >= 3)
            #expect(catalogue.pix.estCertifiable(dossier.profilsPix.last!.niveaux))
            let inscription = try #require(dossier.inscriptions.first)
            #expect(inscription.historique.map(\.statut) == [.inscrit, .enCours, .termine])
            #expect(inscription.sorties.map(\.type) == [.certification])
        }
        let codes = Set(try tableau.map { try base.dossier($0.identifiant, catalogue: catalogue, au: Demo.jourReference).certifications[0].code })
        #expect(codes.count == 11)
        let cohorte = try base.cohorte("fen-2023")
        let seances = try base.seances(cohorteId: cohorte.id!)
        #expect(seances.count == 24)
        #expect(seances.reduce(0) { $0 + $1.minutesPrevues } == 4020)
        #expect(seances.allSatisfy { [0, 1, 3, 4].contains($0.date.jourSemaine) })
        #expect(seances.first?.date == Jour("2023-03-06"))
    }

    @Test func smartphoneMixteAvecAbandons() throws {
        let (base, _) = try baseRemplie()
        let completions = try base.completions(au: Demo.jourReference)
        let smartphone = try #require(completions.first { $0.cohorte == "smartphone-2024" })
        #expect(smartphone.inscrits == 8)
        #expect(smartphone.abandons == 2)
        #expect(smartphone.termines == 6)
        let fen = try #require(completions.first { $0.cohorte == "fen-2023" })
        #expect(fen.inscrits == 11 && fen.termines == 11 && fen.critereAtteint == 11)

        let sexes = Set(try base.apprenants().map(\.sexe))
        #expect(sexes.contains(.autre) && sexes.contains(.nonCommunique))
        #expect(sexes == Set(Sexe.allCases))
        let tableau = try base.tableauDeBord(cohorte: "smartphone-2024", catalogue: catalogue, au: Demo.jourReference)
        let abandons = tableau.filter { $0.statut == .abandon }
        let motifs = try abandons.compactMap { try base.dossier($0.identifiant, catalogue: catalogue, au: Demo.jourReference).inscriptions[0].historique.last?.motif }
        #expect(Set(motifs) == ["déménagement", "reprise d'emploi"])
        let sorties = try tableau.flatMap { try base.dossier($0.identifiant, catalogue: catalogue, au: Demo.jourReference).inscriptions[0].sorties.map(\.type) }
        #expect(sorties == [.emploi])
        let annees = try base.apprenants().compactMap(\.anneeNaissance)
        #expect(annees.contains(2008) && annees.contains { $0 < 1960 })
    }

    @Test func preuvesATousLesNiveaux() throws {
        let (base, resume) = try baseRemplie()
        var niveaux: Set<NiveauPreuve> = []
        var total = 0
        for apprenant in try base.apprenants() {
            let preuves = try base.preuves(apprenantId: apprenant.id!)
            total += preuves.count
            niveaux.formUnion(preuves.map(\.niveau))
        }
        #expect(niveaux == Set(NiveauPreuve.allCases))
        #expect(total == resume.preuves)
        #expect(resume.apprenants == 19)
        #expect(resume.seances == 30)
        #expect(!resume.lignes.isEmpty)
    }

    @Test func deterministe() throws {
        let (premiere, resume1) = try baseRemplie()
        let (seconde, resume2) = try baseRemplie()
        #expect(try premiere.completions(au: Demo.jourReference) == seconde.completions(au: Demo.jourReference))
        #expect(resume1.lignes == resume2.lignes)
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.sortedKeys]
        for identifiant in ["A-0004", "A-0017"] {
            let a = try encodeur.encode(premiere.dossier(identifiant, catalogue: catalogue, au: Demo.jourReference))
            let b = try encodeur.encode(seconde.dossier(identifiant, catalogue: catalogue, au: Demo.jourReference))
            #expect(a == b)
        }
    }

    @Test func refuseUneBaseDejaInitialisee() throws {
        let (base, _) = try baseRemplie()
        #expect(throws: ErreurDemo.self) { try Demo.remplir(base, catalogue: catalogue) }
    }
}
