@testable import LivretCore
import Testing

/// A network's facts (``FaitReseau``): counted once by the report's rules, margins that add up, and
/// answers rebuilt from their counts with the figures a report publishes of them.
@Suite struct FaitsReseauTests {
    static func inscription(_ sexe: Sexe, _ tranche: String, _ etat: StatutInscription, venu: Bool = true, qpv: ResidenceQPV = .oui,
                            competences: Int = 0, motif: String? = nil, sorties: [String] = [], suivis: [String] = [],
                            satisfaction: [[Int]] = []) -> EnregistrementInscription {
        EnregistrementInscription(parcours: "fen", moisDebut: "2025-01", moisFin: nil, sexe: sexe, trancheAge: tranche, qpv: qpv, statut: .enEmploi,
                                  etat: etat, venu: venu, minutesPrevues: 600, minutesSuivies: venu ? 300 : 0, motifAbandon: motif, sorties: sorties,
                                  competencesCertifiees: competences, suivis: suivis, satisfaction: satisfaction)
    }

    static let extrait = ExtraitReseau(
        structure: "S", emetteur: "did:jwk:s", periode: PeriodeReseau(annee: 2025), faitLe: Jour("2026-01-05")!, referentiels: [:],
        bornesAge: TranchesAge.parDefaut.bornes, horsStatistiques: 0,
        inscriptions: [
            inscription(.feminin, "26–44 ans", .termine, competences: 3, sorties: ["emploi", "formation"], suivis: ["6:emploi:temps_partiel"],
                        satisfaction: [[4, 3, 0, 2]]),
            inscription(.feminin, "45–54 ans", .abandon, motif: "santé", satisfaction: [[2, 2, 1, 1], [3, 0, 0, 0]]),
            inscription(.feminin, "26–44 ans", .inscrit, venu: false, qpv: .non),
            inscription(.masculin, "26–44 ans", .enCours, suivis: ["6:formation"]),
        ],
        accompagnements: [])

    @Test func lesMargesDeChaqueCroisementFontLeTotalParSexe() {
        let faits = FaitReseau.depuis(Self.extrait)
        func somme(_ rubrique: FaitReseau.Rubrique, _ sexe: Sexe) -> [Int] {
            faits.filter { $0.rubrique == rubrique && $0.sexe == sexe }
                .reduce(into: [0, 0, 0, 0, 0, 0]) { s, f in s = zip(s, [f.nombre, f.commences, f.termines, f.abandons, f.certifies, f.minutesSuivies]).map(+) }
        }
        // Women: 3 inscriptions, 2 started, 1 finished, 1 dropped out, 1 certified, 600 minutes attended.
        #expect(somme(.ensemble, .feminin) == [3, 2, 1, 1, 1, 600])
        for rubrique in [FaitReseau.Rubrique.age, .qpv, .statut] {
            #expect(somme(rubrique, .feminin) == somme(.ensemble, .feminin), "\(rubrique)")
            #expect(somme(rubrique, .masculin) == somme(.ensemble, .masculin), "\(rubrique)")
        }
        #expect(faits.first { $0.rubrique == .age && $0.sexe == .feminin && $0.valeur == "26–44 ans" }?.nombre == 2)
        #expect(faits.first { $0.rubrique == .motif }.map { ($0.sexe, $0.valeur, $0.nombre) } ?? (.masculin, "", 0) == (.feminin, "santé", 1))
        #expect(Set(faits.filter { $0.rubrique == .sortie }.map(\.valeur)) == ["emploi", "formation"])
        #expect(faits.first { $0.rubrique == .questionnaires && $0.sexe == .feminin }?.nombre == 3)
        #expect(faits.first { $0.rubrique == .note && $0.valeur == "0:2" }?.nombre == 1)
        #expect(faits.filter { $0.rubrique == .competences }.map(\.nombre).reduce(0, +) == 4)
        // Keys are unique: the stores add rows up, they must not meet twice the same key from one extract.
        #expect(Set(faits.map(\.cle)).count == faits.count)
    }

    @Test func lesReponsesRefaitesDonnentLesChiffresPublies() {
        let questionnaires: [Sexe: Int] = [.feminin: 5, .masculin: 2]
        let notes: [Sexe: [Int: [Int: Int]]] = [.feminin: [0: [1: 1, 3: 2, 4: 2], 1: [2: 3]], .masculin: [0: [4: 2], 3: [1: 1]]]
        let reponses = ConsolidationReseau.reponses(questionnaires: questionnaires, notes: notes)
        func compte(_ filtre: (FaitsQualite.Reponse) -> Bool) -> Int { reponses.filter(filtre).reduce(0) { $0 + $1.nombre } }
        #expect(compte { $0.sexe == .feminin } == 5)
        #expect(compte { $0.sexe == .masculin } == 2)
        #expect(compte { $0.sexe == .feminin && QuestionnaireSatisfaction.satisfait($0.notes.first ?? nil) } == 4)
        #expect(compte { $0.sexe == .masculin && QuestionnaireSatisfaction.satisfait($0.notes.first ?? nil) } == 2)
        for (k, niveau, attendu) in [(0, 1, 1), (0, 3, 2), (0, 4, 4), (1, 2, 3), (1, 1, 0), (3, 1, 1), (2, 1, 0)] {
            #expect(compte { $0.notes.count > k && $0.notes[k] == niveau } == attendu, "question \(k) niveau \(niveau)")
        }
        // Questionnaires answered alike come together: a handful of lines, not one per person.
        #expect(reponses.count <= 6)
    }
}
