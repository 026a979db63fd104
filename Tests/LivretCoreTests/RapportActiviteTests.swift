import LivretCore
import Testing

enum FixtureActivite {
    // Reference year 2026.
    // F 1990 (36 → 25–39) 120 min (2 h, occasionnel) · F 1990 180 min (3 h, régulier) · F 1950 (76 → 70+) 600 min (10 h, assidu)
    // M 2008 (18 → 18–24) 601 min (assidu) · M sans année 900 min (15 h, assidu) · autre 2000 (26 → 25–39) 60 min (occasionnel).
    // Sum 2 461 min / 6 = 410,17 min = 6,8 h; median (180 + 600) / 2 = 390 min = 6,5 h. Séances 2+3+8+9+12+1 = 35.
    static let activites = [
        ActiviteBeneficiaire(sexe: .feminin, anneeNaissance: 1990, seances: 2, minutes: 120),
        ActiviteBeneficiaire(sexe: .feminin, anneeNaissance: 1990, seances: 3, minutes: 180),
        ActiviteBeneficiaire(sexe: .feminin, anneeNaissance: 1950, seances: 8, minutes: 600),
        ActiviteBeneficiaire(sexe: .masculin, anneeNaissance: 2008, seances: 9, minutes: 601),
        ActiviteBeneficiaire(sexe: .masculin, anneeNaissance: nil, seances: 12, minutes: 900),
        ActiviteBeneficiaire(sexe: .autre, anneeNaissance: 2000, seances: 1, minutes: 60),
    ]

    static func bilan(seuil: Int?) -> BilanActivite {
        CalculActivite.calculer(activites: activites, minutesDelivrees: 1500, du: Jour("2026-01-01")!, au: Jour("2026-06-30")!,
                                anneeReference: 2026, seuil: seuil)
    }
}

@Suite("Rapport : bilan d'activité")
struct RapportActiviteTests {
    func v(_ n: Int) -> ValeurPubliee { ValeurPubliee(nombre: n, masque: false) }
    let masque = ValeurPubliee(nombre: 0, masque: true)

    @Test("Sans masquage : heures, bénéficiaires, moyenne, médiane, répartitions")
    func sansMasquage() {
        let b = FixtureActivite.bilan(seuil: nil)
        #expect(b.du == "2026-01-01" && b.au == "2026-06-30")
        #expect(b.heuresDelivrees == 25)
        #expect(b.beneficiaires == v(6) && b.seances == 35)
        #expect(b.heuresParBeneficiaire == 6.8 && b.heuresMediane == 6.5)
        #expect(b.repartitionHeures.map(\.libelle) == ["occasionnel : moins de 3 h", "régulier : de 3 h à moins de 10 h", "assidu : 10 h et plus"])
        #expect(b.repartitionHeures.map(\.nombre) == [v(2), v(1), v(3)])
        #expect(b.repartitionHeures.map(\.part.valeur) == [0.3333, 0.1667, 0.5])
        // The histogram's classes split the same levels: 1 h, 2 h | 3 h | 10 h, 10 h 01, 15 h.
        #expect(b.histogramme.map(\.nombre.nombre) == [0, 2, 1, 0, 3, 0, 0, 0])
        #expect(b.parSexe.map(\.libelle) == ["féminin", "masculin", "autre", "non communiqué"])
        #expect(b.parSexe.map(\.nombre) == [v(3), v(2), v(1), v(0)])
        #expect(b.parSexe.map(\.part.valeur) == [0.5, 0.3333, 0.1667, 0])
        #expect(b.parAge.map(\.libelle) == TranchesAge.parDefaut.libelles)
        #expect(b.parAge.map(\.nombre.nombre) == [0, 0, 1, 3, 0, 0, 1, 1])
        #expect(b.avertissements == [SecretStatistique.avertissementNonMasque])
    }

    @Test("Bornes de la répartition : 3 h est « régulier », 10 h « assidu », comme les classes de l'histogramme")
    func bornes() {
        #expect(BilanActivite.rangHeures(minutes: 179) == 0)
        #expect(BilanActivite.rangHeures(minutes: 180) == 1)
        #expect(BilanActivite.rangHeures(minutes: 599) == 1)
        #expect(BilanActivite.rangHeures(minutes: 600) == 2)
        #expect(BilanActivite.classeHistogramme(minutes: 59) == 0)
        #expect(BilanActivite.classeHistogramme(minutes: 60) == 1)
        #expect(BilanActivite.classeHistogramme(minutes: 600) == 4)
        #expect(BilanActivite.classeHistogramme(minutes: 3000) == 7)
        for minutes in [0, 59, 60, 179, 180, 299, 300, 599, 600, 1199, 1200, 2999, 3000, 9000] {
            let niveau = BilanActivite.rangHeures(minutes: minutes), classe = BilanActivite.classeHistogramme(minutes: minutes)
            #expect([0...1, 2...3, 4...7][niveau].contains(classe), "\(minutes) min")
        }
    }

    @Test("Masquage : petites cases, complémentaire, total sous le seuil")
    func masquage() {
        let b5 = FixtureActivite.bilan(seuil: 5)
        #expect(b5.repartitionHeures.map(\.nombre) == [masque, masque, masque])
        #expect(b5.parSexe.map(\.nombre).prefix(3) == [masque, masque, masque])
        #expect(b5.parSexe.allSatisfy { $0.nombre.masque == $0.part.masque })
        #expect(b5.avertissements.first?.hasPrefix("Secret statistique") == true)
        // Threshold 2: "autre" (1) under it, and at least one other sex with it.
        let b2 = FixtureActivite.bilan(seuil: 2)
        #expect(b2.parSexe[2].nombre == masque && b2.parSexe.filter(\.nombre.masque).count >= 2)
        // Fewer beneficiaries than the threshold: the total, means and sessions are masked.
        let petit = CalculActivite.calculer(activites: Array(FixtureActivite.activites.prefix(3)), minutesDelivrees: 600,
                                            du: Jour("2026-01-01")!, au: Jour("2026-01-31")!, anneeReference: 2026, seuil: 5)
        #expect(petit.beneficiaires == masque && petit.heuresParBeneficiaire == nil && petit.heuresMediane == nil && petit.seances == nil)
        #expect(petit.heuresDelivrees == 10)
    }
}
