import LivretCore
import Testing

@Suite("Activité pour La Coop (CRA)")
struct CRACoopTests {
    static let jour = Jour(annee: 2026, mois: 3, jour: 10)!

    @Test("Tranches d'âge de La Coop, l'année de l'activité ; une tranche anonyme seulement si elle tient dans une seule", arguments: [
        (1990...1990, "25 - 39 ans"), (2015...2015, "Moins de 12 ans"), (2014...2014, "12 - 17 ans"), (1956...1956, "70 ans et plus"),
        (1987...2001, "25 - 39 ans"), (1967...1986, "40 - 59 ans"), (1980...2001, "Non communiqué"),
    ])
    func tranche(naissance: ClosedRange<Int>, attendue: String) {
        #expect(LibellesCoop.trancheAge(naissance: naissance, annee: 2026) == attendue)
    }

    @Test func sansAccordPourLesChiffresToutEstNonCommunique() {
        let p = ParticipantCoop(sexe: .feminin, naissance: 1990...1990, statut: .enEmploi, statistiques: false)
        let (g, t, s) = CRACoop.attributs(p, annee: 2026)
        #expect(g == "Non communiqué" && t == "Non communiqué" && s == "Non communiqué ou hétérogène")
        let q = ParticipantCoop(sexe: .autre, naissance: 1990...1990, statut: .enEmploi, statistiques: true)
        #expect(CRACoop.attributs(q, annee: 2026) == ("Non communiqué", "25 - 39 ans", "En emploi"))
    }

    @Test func seancesEtAteliersEnCollectifsPermanencesEnIndividuels() throws {
        let presents = [ParticipantCoop(sexe: .feminin, naissance: 1990...1990, statut: .sansEmploi, statistiques: true),
                        ParticipantCoop(sexe: .masculin, naissance: nil, statut: .nonCommunique, statistiques: true),
                        ParticipantCoop(sexe: .feminin, naissance: 1950...1950, statut: .retraite, statistiques: false)]
        let catalogue = try Fixtures.catalogue()
        let seance = SeanceCoop(date: Self.jour, minutes: 120, titre: "FeN", theme: "E-mails", presents: presents, itemsAptic: ["66", "70"])
        let vide = SeanceCoop(date: Self.jour, minutes: 120, titre: "FeN", theme: nil, presents: [])
        let collectifs = CRACoop.collectifs(seances: [seance, vide], catalogue: catalogue)
        #expect(collectifs.count == 1, "une séance sans présent n'est pas un atelier")
        let c = collectifs[0]
        #expect(c.titre == "FeN — E-mails" && c.participants == 3 && c.typeLieu == "Lieu d’activité")
        #expect(c.thematiques == ["Bureautique"],
                "traitement de texte et tableur : leur propre lien (bureautique), pas tout leur sous-thème 2.1 : \(c.thematiques)")
        let sansLienPropre = SeanceCoop(date: Self.jour, minutes: 60, titre: "FeN", theme: nil, presents: presents, itemsAptic: ["81"])
        #expect(CRACoop.collectifs(seances: [sansLienPropre], catalogue: catalogue)[0].thematiques
                == ["Gérer ses contenus numériques", "E-mail", "Bureautique"], "un item sans lien propre prend ceux de son sous-thème, dans l'ordre de La Coop")
        #expect(c.parGenre == [1, 1, 1] && c.parGenre.reduce(0, +) == 3)
        #expect(c.parTranche.reduce(0, +) == 3 && c.parStatut.reduce(0, +) == 3)
        #expect(c.parTranche[3] == 1 && c.parTranche[7] == 2)

        let visite = Accompagnement(date: Self.jour, minutes: 30, type: .permanence, lieu: .structure, intervenantId: 1,
                                    anonyme: PersonneAnonyme(sexe: .feminin, naissance: 1967...1986), thematiques: [.email],
                                    autonomie: .enPartieAutonome, materiel: [.telephone])
        var atelier1 = visite
        atelier1.type = .atelier
        let atelier2 = atelier1
        let nommee = ParticipantCoop(sexe: .feminin, naissance: 1967...1986, statut: .nonCommunique, statistiques: true, beneficiaire: "Traoré Awa")
        let individuels = CRACoop.individuels([(visite, nommee), (atelier1, nommee)], catalogue: catalogue)
        #expect(individuels.count == 1)
        let i = individuels[0]
        #expect(i.minutes == 30 && i.typeLieu == "Lieu d’activité" && i.beneficiaire == "Traoré Awa")
        #expect(i.genre == "Féminin" && i.trancheAge == "40 - 59 ans" && i.statut == "Non communiqué ou hétérogène")
        #expect(i.thematiques == ["E-mail"] && i.autonomie == "Autonome avec guidage en cas de besoin" && i.materiel == ["Téléphone"])
        let ateliers = CRACoop.collectifs(ateliers: [(atelier1, nommee), (atelier2, nommee), (visite, nommee)], catalogue: catalogue)
        #expect(ateliers.count == 1 && ateliers[0].participants == 2, "un atelier : même jour, lieu, durée et thèmes")
        // Without a Coop thématique noted, those of the APTIC items worked on.
        var sansTheme = visite
        sansTheme.thematiques = []
        sansTheme.itemsAptic = ["66"]
        #expect(CRACoop.individuels([(sansTheme, nommee)], catalogue: catalogue)[0].thematiques.contains("Bureautique"))
    }

    @Test func nomDansLaCoopSeulementAvecAccordEtLesDeuxNoms() {
        #expect(ExportBeneficiairesCoop.nomBeneficiaire(nom: "Traoré", prenom: "Awa", coop: true, efface: false) == "Traoré Awa")
        #expect(ExportBeneficiairesCoop.nomBeneficiaire(nom: "Traoré", prenom: "Awa", coop: false, efface: false) == nil)
        #expect(ExportBeneficiairesCoop.nomBeneficiaire(nom: nil, prenom: "Awa", coop: true, efface: false) == nil)
        #expect(ExportBeneficiairesCoop.nomBeneficiaire(nom: "Traoré", prenom: "Awa", coop: true, efface: true) == nil)
    }
}
