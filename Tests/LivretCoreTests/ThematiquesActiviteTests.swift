import LivretCore
import Testing

/// Counting activity by La Coop thématique: one rule for the Coop's file and the activity review,
/// following the crosswalk's item links and the nomenclature in use.
@Suite("Thématiques de La Coop : comptes de l'activité et libellés exacts")
struct ThematiquesActiviteTests {
    @Test("Notées d'abord, sinon celles des items ; un item avec son propre lien ne prend que les siennes")
    func regle() throws {
        let catalogue = try Fixtures.catalogue()
        #expect(catalogue.thematiquesCoop(notees: [.sante, .email], itemsAptic: ["66"]) == [.email, .sante], "ordre de La Coop")
        #expect(catalogue.thematiquesCoop(notees: [], itemsAptic: ["66", "77"]) == [.prendreEnMainDuMateriel, .bureautique])
        #expect(catalogue.thematiquesCoop(notees: [], itemsAptic: ["81"]) == [.gereSesContenusNumeriques, .email, .bureautique])
        #expect(catalogue.thematiquesCoop(notees: [], itemsAptic: []) == [])
    }

    @Test("Chaque item cherché une fois (ThematiquesParItem) : les mêmes réponses que la règle")
    func memoire() throws {
        let catalogue = try Fixtures.catalogue()
        let items = catalogue.aptic.sousThemes.flatMap(\.items).map(\.code) + ["inconnu"]
        var memoire = ThematiquesParItem(catalogue)
        var n: UInt64 = 7
        for k in 0..<500 {
            let choisis = (0..<(k % 9)).map { _ in
                n = n &* 6_364_136_223_846_793_005 &+ 1
                return items[Int((n >> 33) % UInt64(items.count))]
            }
            let notees: [ThematiqueCoop] = k % 7 == 0 ? [.email, .sante] : []
            #expect(memoire.thematiquesCoop(notees: notees, itemsAptic: choisis) == catalogue.thematiquesCoop(notees: notees, itemsAptic: choisis),
                    "\(choisis)")
        }
    }

    @Test("Accompagnements et séances comptés par thématique ; chaque activité une fois par thématique")
    func comptes() throws {
        var periode = ActivitePeriode(du: Jour("2024-01-01")!, au: Jour("2024-12-31")!, minutesDelivrees: 0, beneficiaires: [])
        periode.sujetsAccompagnements = [SujetsActivite(thematiques: [.email]), SujetsActivite(itemsAptic: ["48", "12"]),
                                         SujetsActivite(itemsAptic: ["93"])]
        periode.sujetsSeances = [SujetsActivite(itemsAptic: ["66", "67"]), SujetsActivite(itemsAptic: []), SujetsActivite(itemsAptic: ["3"])]
        periode.compterThematiques(catalogue: try Fixtures.catalogue())
        #expect(periode.thematiques == [.email: 2, .aideAuxDemarchesAdministratives: 1, .sante: 1])
        #expect(periode.thematiquesSeances == [.bureautique: 1, .parentalite: 1])
    }

    @Test("Les comptes suivent la nomenclature suivie : un item ajouté par la variante compte sous son sous-thème")
    func variante() throws {
        let national = try Fixtures.catalogue()
        let roubaix = try national.adoptant(variante: VarianteTests.code)
        // 137, « Faire une demande de logement social en ligne », added in 2.2 by Roubaix's variant.
        #expect(roubaix.thematiquesCoop(notees: [], itemsAptic: ["137"]) == [.aideAuxDemarchesAdministratives])
        #expect(national.thematiquesCoop(notees: [], itemsAptic: ["137"]) == [])
        // Item 3 moved into the created sous-thème 1.3 keeps its own link (parentalité).
        #expect(roubaix.thematiquesCoop(notees: [], itemsAptic: ["3"]) == [.parentalite])
    }

    /// The labels of the Coop's CRA form and exports (`apps/web/src/features/activites/use-cases/cra/fields/thematique.ts`).
    static let libellesDeLaCoop = [
        "Diagnostic numérique", "Prendre en main du matériel", "Maintenance de matériel", "Gérer ses contenus numériques",
        "Navigation sur internet", "E-mail", "Bureautique", "Réseaux sociaux communication", "Santé", "Banque et achats en ligne",
        "Accompagner un professionnel", "Insertion professionnelle", "Prévention en sécurité numérique", "Parentalité",
        "Scolarité et numérique", "Créer avec le numérique", "Culture numérique", "Intelligence artificielle (IA)",
        "Aide aux démarches administratives", "Papiers - Élections - Citoyenneté", "Famille - Scolarité", "Social - Santé",
        "Travail - Formation - Entreprise", "Logement", "Transports - Mobilité", "Argent - Impôts", "Justice", "Étrangers - Europe",
        "Loisirs - Sports - Culture", "Associations",
    ]

    @Test("Le fichier pour La Coop écrit ses libellés exacts, dans son ordre")
    func libelles() {
        #expect(ThematiqueCoop.allCases.map(\.libelleCoop) == Self.libellesDeLaCoop)
    }
}
