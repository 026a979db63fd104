import Foundation
import LivretBadges
import LivretCore
import LivretReseau
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// The acceptance test of networks: three structures' extracts imported into PostgreSQL and into
/// SQLite; before protection both reports are the sum of the structures' own reports, after
/// protection they are the same report; refusals as on SQLite.
@Suite struct ReseauPostgresTests {
    @Test func postgreSQLEtSQLiteDonnentLeMemeRapport() async throws {
        let reseau = try StructuresDuReseau.partagees.get()
        let travail = try DossierTemporaire(prefixe: "livret-reseau")
        defer { travail.supprimer() }
        let archives = try reseau.structures.map { try reseau.archive($0) }.enumerated().map { ("extrait-\($0.offset).zip", $0.element.octets) }
        let jour = Jour("2025-01-20")!
        try await ServeurPostgres.avecBase { base in
            let postgres = try await ServiceReseau.ouvrir(base: nil, postgres: base.url, environnement: [:])
            let sqlite = try await ServiceReseau.ouvrir(base: travail.fichier("reseau.sqlite").path, postgres: nil, environnement: [:])
            for entrepot in [postgres, sqlite] {
                try await reseau.inscrire(dans: entrepot)
                let issues = try await ServiceReseau.importer(archives, entrepot: entrepot, jour: jour)
                #expect(issues.allSatisfy { if case .importe = $0 { true } else { false } }, "\(issues)")
            }
            for parStructure in [false, true] {
                let (aggPG, horsPG) = try await postgres.agregats(periode: StructuresDuReseau.periode, parStructure: parStructure)
                let (aggSQL, horsSQL) = try await sqlite.agregats(periode: StructuresDuReseau.periode, parStructure: parStructure)
                #expect(Set(aggPG) == Set(aggSQL))
                #expect(horsPG == horsSQL)
            }

            // (a) Before protection: the sum of the structures' unprotected reports.
            let brut = try await ServiceReseau.publication(entrepot: postgres, catalogue: catalogueEmbarque, periode: StructuresDuReseau.periode,
                                                           parStructure: true, seuil: nil)
            for croisement in Croisement.allCases {
                let somme = try reseau.structures.map { ChiffresRapport(try reseau.rapport($0, croisement: croisement)) }.reduce(ChiffresRapport(), +)
                let consolide = ChiffresRapport(try ServiceReseau.rapport(brut, perimetre: ConsolidationReseau.libelleReseau, croisement: croisement,
                                                                          audit: false).rapport)
                #expect(consolide.egal(somme, tolerance: 0.16), "\(croisement): \(consolide)\n≠\n\(somme)")
                // The structures hold questionnaires and follow-ups: the comparison covers them.
                #expect(somme.qualite.keys.contains { $0.hasPrefix("satisfaction") } && somme.qualite.keys.contains { $0.hasPrefix("suivi") })
            }

            // (b) After protection: the same reports and audits from both stores, every scope, every breakdown.
            for parStructure in [false, true] {
                let pg = try await ServiceReseau.publication(entrepot: postgres, catalogue: catalogueEmbarque, periode: StructuresDuReseau.periode,
                                                             parStructure: parStructure)
                let sq = try await ServiceReseau.publication(entrepot: sqlite, catalogue: catalogueEmbarque, periode: StructuresDuReseau.periode,
                                                             parStructure: parStructure)
                #expect(pg.perimetres.map(\.libelle) == sq.perimetres.map(\.libelle))
                #expect(pg.publication.masques == sq.publication.masques)
                #expect(pg.publication.masques?.contains(true) == true, "small counts are masked")
                for libelle in pg.perimetres.map(\.libelle) {
                    for croisement in Croisement.allCases {
                        let a = try ServiceReseau.rapport(pg, perimetre: libelle, croisement: croisement, audit: true)
                        let b = try ServiceReseau.rapport(sq, perimetre: libelle, croisement: croisement, audit: true)
                        #expect(a.rapport == b.rapport, "\(libelle) \(croisement)")
                        #expect(a.audit?.sure == true && b.audit?.sure == true)
                    }
                }
            }

            // Refusals are the service's, whatever the store: a replayed older extract, an unknown member.
            let s = reseau.structures[0]
            let ancien = try reseau.archive(s, faitLe: Jour("2025-01-02")!)
            let suite = try await ServiceReseau.importer([("ancien.zip", ancien.octets)], entrepot: postgres, jour: jour)
            guard case .refuse(let raison) = suite.first else { Issue.record("\(suite)"); return }
            #expect(raison.contains("avant celui que le réseau a déjà"))
            try await postgres.fermer()
            try await sqlite.fermer()
        }
    }
}
