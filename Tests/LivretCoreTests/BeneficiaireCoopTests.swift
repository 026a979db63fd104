import LivretCore
import Testing

@Suite("Bénéficiaires pour La Coop")
struct BeneficiaireCoopTests {
    static func apprenant(prenom: String? = "Awa", nom: String? = "Traoré", sexe: Sexe = .feminin, annee: Int? = 1987) -> Apprenant {
        Apprenant(identifiant: "A-0007", prenom: prenom, nom: nom, anneeNaissance: annee, sexe: sexe, email: "awa@example.org",
                  creeLe: Jour(annee: 2026, mois: 1, jour: 5)!, creePar: 1)
    }

    static func accord(coop: Bool) -> Consentement {
        Consentement(apprenantId: 1, date: Jour(annee: 2026, mois: 1, jour: 5)!, suivi: true, badges: true, statistiques: true, coop: coop, auteurId: 1)
    }

    @Test func uneLigneAvecAccordNomEtPrenom() throws {
        let b = try ExportBeneficiairesCoop.beneficiaire(Self.apprenant(), consentement: Self.accord(coop: true), anneeCourante: 2026).get()
        #expect(b == BeneficiaireCoop(nom: "Traoré", prenom: "Awa", anneeNaissance: 1987, telephone: nil, email: "awa@example.org",
                                      genre: "Féminin", notes: "Livret A-0007"))
    }

    @Test func laisseesDeCote() {
        func raison(_ a: Apprenant, _ c: Consentement?) -> ExportBeneficiairesCoop.Exclusion? {
            if case .failure(let r) = ExportBeneficiairesCoop.beneficiaire(a, consentement: c, anneeCourante: 2026) { return r }
            return nil
        }
        #expect(raison(Self.apprenant(), nil) == .sansAccord, "pas de consentement enregistré : pas d'accord")
        #expect(raison(Self.apprenant(), Self.accord(coop: false)) == .sansAccord)
        #expect(raison(Self.apprenant(nom: nil), Self.accord(coop: true)) == .sansNomEtPrenom, "La Coop exige nom et prénom")
        #expect(raison(Self.apprenant(prenom: "  "), Self.accord(coop: true)) == .sansNomEtPrenom)
        var efface = Self.apprenant()
        efface.efface = true
        #expect(raison(efface, Self.accord(coop: true)) == .identiteEffacee)
    }

    @Test("Genre : les trois valeurs de La Coop ; « autre » devient « Non communiqué »", arguments: [
        (Sexe.feminin, "Féminin"), (.masculin, "Masculin"), (.autre, "Non communiqué"), (.nonCommunique, "Non communiqué"),
    ])
    func genre(sexe: Sexe, attendu: String) throws {
        #expect(ExportBeneficiairesCoop.genre(sexe) == attendu)
        // The Coop's importer reads the first letter: F, M, N.
        #expect(["F", "M", "N"].contains(String(attendu.prefix(1))))
    }

    @Test func anneeHorsDesBornesDeLaCoopLaisseeVide() throws {
        let b = try ExportBeneficiairesCoop.beneficiaire(Self.apprenant(annee: 2031), consentement: Self.accord(coop: true), anneeCourante: 2026).get()
        #expect(b.anneeNaissance == nil)
    }

    @Test func consentementCoopSaisi() throws {
        let c = try Consentement.depuis(portees: "suivi, coop", apprenantId: 1, date: Jour(annee: 2026, mois: 1, jour: 5)!, auteurId: 1)
        #expect(c.coop && c.suivi && !c.badges)
        #expect(c.portees == [.suivi, .coop])
        #expect(UsageDonnees.coop.autorise(c))
    }
}
