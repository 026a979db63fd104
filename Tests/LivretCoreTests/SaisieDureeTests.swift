import LivretCore
import Testing

/// Durations and age bands as people write them: one reading for the command line, the sign-in
/// sheets and the permanence screen.
@Suite("Saisie des durées et des tranches d'âge")
struct SaisieDureeTests {
    @Test("Durées : minutes, heures, « 1h30 », et un nombre nu de moins de 5 compté en heures")
    func durees() {
        #expect(SaisieDuree.minutes("90") == 90)
        #expect(SaisieDuree.minutes("45 min") == 45)
        #expect(SaisieDuree.minutes("1h30") == 90)
        #expect(SaisieDuree.minutes("1 h 30") == 90)
        #expect(SaisieDuree.minutes("2h") == 120)
        #expect(SaisieDuree.minutes("1,5 h") == 90)
        #expect(SaisieDuree.minutes("2") == 120, "une feuille d'émargement écrit « 2 » pour deux heures")
        #expect(SaisieDuree.minutes("1,5") == 90)
        #expect(SaisieDuree.minutes("5") == 5)
        #expect(SaisieDuree.minutes("1h75") == nil)
        #expect(SaisieDuree.minutes("deux heures") == nil)
        #expect(SaisieDuree.minutes("") == nil)
        #expect(SaisieDuree.texte(minutes: 150) == "2 h 30" && SaisieDuree.texte(minutes: 45) == "45 min" && SaisieDuree.texte(minutes: 120) == "2 h")
    }

    @Test("Tranches d'âge : les années de naissance qu'elles permettent, placées dans d'autres tranches seulement si elles y tiennent")
    func tranches() throws {
        let annee = 2020
        #expect(try SaisieDuree.naissances("18-24 ans", annee: annee).get() == 1996...2002)
        #expect(try SaisieDuree.naissances("18–24", annee: annee).get() == 1996...2002)
        #expect(try SaisieDuree.naissances("mineur", annee: annee).get() == 2003...2020)
        #expect(try SaisieDuree.naissances("35", annee: annee).get() == 1985...1985)
        #expect(try SaisieDuree.naissances("", annee: annee).get() == nil)
        #expect(try SaisieDuree.naissances("70 et plus", annee: annee).get() == 1900...1950)
        guard case .failure(let erreur) = SaisieDuree.naissances("vieux", annee: annee) else { Issue.record("« vieux » accepté"); return }
        #expect(erreur.message.contains("n’est pas une tranche d’âge"))
        // 18–24 in 2020 is 18–25 in 2021: with the default bands, « non communiqué »; with 18,26…, in its band.
        let defaut = TranchesAge.parDefaut
        #expect(defaut.rang(naissances: 1996...2002, anneeReference: 2020) == 2)
        #expect(defaut.rang(naissances: 1996...2002, anneeReference: 2021) == defaut.libelles.count - 1)
        #expect(try TranchesAge(bornes: [18, 26, 45]).rang(naissances: 1996...2002, anneeReference: 2021) == 1)
        #expect(TranchesAge.rangMajorite(naissances: 2003...2020, anneeReference: 2020) == 0)
        #expect(TranchesAge.rangMajorite(naissances: 1996...2002, anneeReference: 2020) == 1)
        #expect(TranchesAge.rangMajorite(naissances: 2000...2005, anneeReference: 2020) == 2)
        #expect(TranchesAge.rangMajorite(naissances: nil, anneeReference: 2020) == 2)
    }
}
