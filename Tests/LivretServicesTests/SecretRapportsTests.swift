import Foundation
@testable import LivretCore
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// Every report of the demo base, audited: each masked count of 1 to 4 people can take at least 5
/// values given everything the report publishes (issue 15). And the report published before this
/// audit existed fails the same check (kept as a regression case).
@Suite("Secret statistique : chaque rapport de la démo, audité")
struct SecretRapportsTests {
    static let jour = Jour("2024-03-04")!

    @Test("Structure, parcours, cohortes, chaque croisement : sûrs, et la même chose deux fois")
    func demo() throws {
        let (base, _) = try Demonstration.enMemoire()
        let catalogue = catalogueEmbarque
        var perimetres: [PerimetreRapport] = [.structure, .parcours("femmes-et-numerique"), .parcours("initiation-smartphone")]
        perimetres += try base.cohortes().map { .cohorte($0.code) }
        for perimetre in perimetres {
            for croisement in Croisement.allCases {
                let (rapport, audit) = try ServiceRapport.syntheseAuditee(db: base, catalogue: catalogue, perimetre: perimetre, croisement: croisement,
                                                                          anneeReference: 2024, jour: Self.jour)
                let brut = try ServiceRapport.synthese(db: base, catalogue: catalogue, perimetre: perimetre, croisement: croisement,
                                                       anneeReference: 2024, seuil: nil, jour: Self.jour)
                let a = try #require(audit)
                #expect(a.sure, "\(perimetre.libelle), \(croisement)")
                #expect(VerificationSecret.faibles(a, brut: brut).isEmpty, "\(perimetre.libelle), \(croisement) : \(VerificationSecret.faibles(a, brut: brut))")
                let encore = try ServiceRapport.synthese(db: base, catalogue: catalogue, perimetre: perimetre, croisement: croisement,
                                                         anneeReference: 2024, jour: Self.jour)
                #expect(encore == rapport)
            }
        }
    }

    /// `livret rapport --format csv` on the demo base before issue 15 (Tests/LivretCLITests/Attendus/rapport-csv.txt then).
    static let publieAvant = """
        niveau;sexe;sous_categorie;inscrits;commences;termines;taux_completion_pct;abandons;taux_abandon_pct;certifies;taux_certification_pct;competences_certifiees;heures_prevues;heures_suivies;assiduite_pct
        ligne;féminin;;14;14;13;92,9;< 5;masqué;11;78,6;60;773;725,8;93,9
        ligne;masculin;;< 5;< 5;< 5;masqué;< 5;masqué;0;masqué;0;masqué;masqué;masqué
        ligne;autre;;< 5;< 5;< 5;masqué;0;masqué;0;masqué;0;masqué;masqué;masqué
        ligne;non communiqué;;0;0;0;;0;;0;;0;0;0;
        ensemble;ensemble;;18;18;16;88,9;< 5;masqué;11;61,1;60;821;765,8;93,3
        """

    @Test("Régression : le rapport publié avant l'audit laissait lire les abandons des femmes (exactement 1)")
    func avant() throws {
        let (base, _) = try Demonstration.enMemoire()
        let brut = try ServiceRapport.synthese(db: base, catalogue: catalogueEmbarque, perimetre: .structure, anneeReference: 2024, seuil: nil, jour: Self.jour)
        // The same figures and relations as today's protection, with yesterday's masks.
        let lignes = Array(brut.lignes.prefix(4)) + brut.totauxParSexe + [brut.total]
        let publication = PublicationRapport(
            cellules: lignes.map { l in
                PublicationRapport.Colonnes(inscrits: l.inscrits.nombre!, commences: l.commences.nombre!, termines: l.termines.nombre!,
                                            abandons: l.abandons.nombre!, certifies: l.certifies.nombre!, competences: l.competencesCertifiees.nombre!)
            },
            libelles: lignes.map(\.libelle), sommes: (0..<4).map { ([$0], 4 + $0) } + [([4, 5, 6, 7], 8)],
            motifs: [], sorties: [], objectifs: [], total: 8)
        let csv = Self.publieAvant.split(separator: "\n").dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        var masques = publication.tableaux.cases.map { _ in false }
        // CSV rows: the four sexes (lines and their totals), then « ensemble ».
        for (rangee, champs) in csv.enumerated() {
            let cellules = rangee < 4 ? [rangee, 4 + rangee] : [8]
            let colonnes: [(Int, KeyPath<PublicationRapport.Index, Int>)] = [(3, \.inscrits), (4, \.commences), (5, \.termines), (7, \.abandons),
                                                                              (9, \.certifies), (11, \.competences)]
            for cellule in cellules {
                for (champ, colonne) in colonnes where champs[champ] == "< 5" { masques[publication.index[cellule][keyPath: colonne]] = true }
            }
        }
        let etendues = ProtectionTableaux.auditer(publication.tableaux, masques: masques)
        let abandonsFemmes = publication.index[0].abandons
        #expect(etendues[abandonsFemmes] == EtendueDeduite(minimum: 0, maximum: 1), "commencées 14 − terminées 13")
        let faibles = publication.tableaux.cases.indices.filter { i in
            masques[i] && (1...4).contains(publication.tableaux.cases[i].valeur) && (etendues[i]?.largeur ?? 99) < 5
        }
        #expect(!faibles.isEmpty)
    }
}
