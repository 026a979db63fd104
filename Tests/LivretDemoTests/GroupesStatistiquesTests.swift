import LivretCore
import LivretDemo
import LivretReferentiels
import LivretStore
import LivretTestSupport
import Testing

@Suite("Rapport : agrégats SQL sur la base de démonstration")
struct GroupesStatistiquesTests {
    func base() throws -> Base {
        try Demonstration.enMemoire(catalogue: try ReferentielsEmbarques.catalogue()).base
    }

    @Test("Toute la structure : effectifs, terminés, abandons, certifiées, heures")
    func structure() throws {
        let regroupement = try base().groupesStatistiques(.structure, jour: Demo.jourReference, niveauCertifie: 1)
        // One smartphone learner did not agree to statistics: counted apart, never silently.
        #expect(regroupement.horsStatistiques == 1)
        let groupes = regroupement.groupes
        let somme = { (f: (GroupeStatistique) -> Int) in groupes.reduce(0) { $0 + f($1) } }
        #expect(somme(\.inscrits) == 18)
        #expect(somme(\.termines) == 16)
        #expect(somme(\.abandons) == 2)
        #expect(somme(\.certifies) == 11)
        #expect(somme(\.commences) == 18)
        #expect(groupes.filter { $0.sexe == .feminin }.reduce(0) { $0 + $1.inscrits } >= 11)
        // The one person of sex « non communiqué » is the one left out of the statistics.
        #expect(Set(groupes.map(\.sexe)) == [.feminin, .masculin, .autre])
        #expect(somme { $0.motifsAbandon.values.reduce(0, +) } == 2)
        #expect(somme { $0.sorties["certification"] ?? 0 } == 11)
        #expect(somme(\.minutesPrevues) == 11 * 4020 + 7 * 720)
    }

    @Test("Une cohorte, et l'objectif de certification par parcours")
    func cohorteEtObjectif() throws {
        let b = try base()
        let groupes = try b.groupesStatistiques(.cohorte("fen-2023"), jour: Demo.jourReference, niveauCertifie: 1).groupes
        #expect(groupes.reduce(0) { $0 + $1.inscrits } == 11)
        #expect(groupes.allSatisfy { $0.sexe == .feminin })
        let certifs = try b.certificationsParParcours(.structure, niveauCertifie: 1)
        let fen = try #require(certifs.first { $0.modele == "femmes-et-numerique" })
        #expect(fen.inscrits == 11)
        #expect(fen.parNombreDeCompetences.filter { $0.key >= 3 }.values.reduce(0, +) == 11)
    }

    @Test("Bilan d'activité sur une période")
    func activite() throws {
        let a = try base().activite(.structure, du: Jour("2023-03-01")!, au: Jour("2023-04-30")!)
        #expect(a.minutesDelivrees == 4020)
        #expect(a.beneficiaires.count == 11)
    }

    @Test("Bilan d'activité : qui retire son accord pour les statistiques n'est plus compté")
    func activiteSansAccord() throws {
        let b = try base()
        let periode = (Jour("2023-01-01")!, Jour("2024-12-31")!)
        let avant = try b.activite(.structure, du: periode.0, au: periode.1).beneficiaires.count
        let nadia = try b.formateur("Nadia Benali")
        let personne = try b.apprenant("A-0001")
        let accord = try #require(try b.consentement(apprenantId: personne.id!))
        try b.enregistrerConsentement(Consentement(apprenantId: personne.id!, date: Jour("2024-06-01")!, suivi: accord.suivi, badges: accord.badges,
                                                   statistiques: false, auteurId: nadia.id!))
        #expect(try b.activite(.structure, du: periode.0, au: periode.1).beneficiaires.count == avant - 1)
    }
}

@Suite("Rapport : la synthèse par inscription tenue par les déclencheurs")
struct SuiviInscriptionTests {
    @Test("Après la démonstration, puis après des présences corrigées et des abandons, la synthèse suit l'historique")
    func coherence() throws {
        let catalogue = try ReferentielsEmbarques.catalogue()
        let base = try Demonstration.enMemoire(catalogue: catalogue).base
        #expect(try base.ecartsSuivi() == 0)
        let nadia = try base.formateur("Nadia Benali")
        let seance = try #require(try base.seances(cohorteId: try base.cohorte("smartphone-2024").id!).first)
        // Re-typing a séance's attendance (present → absent, absent → present with fewer minutes).
        try base.saisirPresences(seanceId: seance.id!, [("A-0012", .absent, nil), ("A-0013", .present, 45)], auteurId: nadia.id!, date: seance.date)
        #expect(try base.ecartsSuivi() == 0)
        let avant = try base.groupesStatistiques(.cohorte("smartphone-2024"), jour: Demo.jourReference, niveauCertifie: 1).groupes.reduce(0) { $0 + $1.minutesSuivies }
        let apres = try base.groupesStatistiques(.cohorte("smartphone-2024"), du: Jour("2000-01-01"), au: Jour("2100-01-01"),
                                                 jour: Demo.jourReference, niveauCertifie: 1).groupes.reduce(0) { $0 + $1.minutesSuivies }
        #expect(avant == apres, "avec ou sans période, les mêmes minutes")
    }
}
