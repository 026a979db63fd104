import Foundation
import LivretCore
@testable import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// The report of a cohort protected alone (its parcours has several cohorts) no longer reads every
/// cohort's facts nor protects the whole publication first (issue 17): it must be the report the
/// old path gave — the cohort's scope protected alone within a publication holding every cohort's facts.
@Suite("Rapport d'une cohorte protégée seule : le même qu'avec les faits de toutes les cohortes")
struct RapportCohorteTests {
    @Test("Bases générées : chaque cohorte, sans croisement et croisée par âge", arguments: [UInt64(3), 2026])
    func commeAvant(graine: UInt64) throws {
        let db = try Base()
        let jour = try BaseGeneree.remplir(db, graine: graine)
        let niveau = catalogueEmbarque.pix.certifiabilite.niveauMin
        let groupes = try db.groupesStatistiquesParCohorte(.structure, jour: jour, niveauCertifie: niveau)
        let certifications = try db.certificationsParCohorte(.structure, niveauCertifie: niveau)
        let codes = groupes.keys.sorted()
        let faits = codes.map { code in
            FaitsCohorte(code: code, groupes: groupes[code]!.groupes, objectifs: ServiceRapport.objectifs(certifications[code] ?? [], catalogue: catalogueEmbarque),
                         horsStatistiques: groupes[code]!.horsStatistiques)
        }
        var seules = 0
        for (i, code) in codes.enumerated() {
            for croisement in [Croisement.aucun, .age] {
                let obtenu = try ServiceRapport.synthese(db: db, catalogue: catalogueEmbarque, perimetre: .cohorte(code), croisement: croisement,
                                                         anneeReference: jour.annee, jour: jour)
                guard obtenu.avertissements.contains(SecretStatistique.avertissementProtegeSeul) else { continue }
                let seule = PerimetrePublie(perimetre: .cohorte(code), cohortes: [i], croisements: [croisement], seul: true)
                let attendu = PublicationConjointe(cohortes: faits, perimetres: [seule], anneeReference: jour.annee)
                    .rapport(0, croisement: croisement, perimetre: .cohorte(code))
                #expect(obtenu == attendu, "cohorte \(code), croisement \(croisement.rawValue)")
                seules += 1
            }
        }
        #expect(seules > 0, "des cohortes protégées seules")
    }
}
