import Foundation
import LivretCore
import LivretStore
import LivretTestSupport
import Testing

@Suite("Base : suivi des apprenants")
struct SuiviTests {
    @Test("Inscription, séances, présences : heures suivies, assiduité, statut en cours")
    func presences() throws {
        let t = try BaseDeTest()
        _ = try t.apprenant("A-0001")
        _ = try t.apprenant("A-0002")
        let cohorte = try t.base.creerCohorte(Cohorte(code: "fen-2023", parcoursId: t.parcours.id!, titre: "FeN 2023", debut: BaseDeTest.jour, creePar: t.formateur.id!))
        try t.base.inscrire(identifiants: ["A-0001", "A-0002"], cohorte: "fen-2023", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        let seance = try t.base.ajouterSeance(cohorte: "fen-2023", date: BaseDeTest.jour, minutesPrevues: 180, theme: "Diagnostic", auteurId: t.formateur.id!)
        try t.base.saisirPresences(seanceId: seance.id!, [("A-0001", .present, nil), ("A-0002", .excuse, nil)], auteurId: t.formateur.id!, date: BaseDeTest.jour)
        let tableau = try t.base.tableauDeBord(cohorte: cohorte.code, catalogue: t.catalogue, au: Jour("2099-12-31")!)
        #expect(tableau.map(\.identifiant) == ["A-0001", "A-0002"])
        #expect(tableau[0].bilan.minutesSuivies == 180)
        #expect(tableau[0].statut == .enCours)
        #expect(tableau[1].statut == .inscrit)
        // One séance held: assiduité over it, avancement over the parcours' 67 h.
        #expect(tableau[0].bilan.assiduite == 1)
        #expect(abs(tableau[0].bilan.avancement - 180.0 / (67 * 60)) < 1e-9)
    }

    @Test("Un abandon sans motif est refusé, une transition impossible aussi")
    func transitions() throws {
        let t = try BaseDeTest()
        _ = try t.apprenant("A-0001")
        _ = try t.base.creerCohorte(Cohorte(code: "c", parcoursId: t.parcours.id!, titre: "C", debut: BaseDeTest.jour, creePar: t.formateur.id!))
        try t.base.inscrire(identifiants: ["A-0001"], cohorte: "c", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        #expect(throws: ErreurBase.self) { try t.base.changerStatut(apprenant: "A-0001", cohorte: "c", statut: .abandon, auteurId: t.formateur.id!, date: BaseDeTest.jour) }
        #expect(throws: ErreurBase.self) { try t.base.changerStatut(apprenant: "A-0001", cohorte: "c", statut: .termine, auteurId: t.formateur.id!, date: BaseDeTest.jour) }
        try t.base.changerStatut(apprenant: "A-0001", cohorte: "c", statut: .abandon, motif: "déménagement", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        #expect(try t.base.completions(au: Jour("2099-12-31")!).first?.abandons == 1)
    }

    @Test("Les preuves ne se modifient pas ; une correction remplace")
    func preuvesAppendOnly() throws {
        let t = try BaseDeTest()
        let a = try t.apprenant("A-0001")
        let premiere = try t.base.ajouterPreuve(Preuve(apprenantId: a.id!, referentiel: .aptic, code: "66", niveau: .autonomie, date: BaseDeTest.jour, auteurId: t.formateur.id!))
        _ = try t.base.ajouterPreuve(Preuve(apprenantId: a.id!, referentiel: .aptic, code: "66", niveau: .suivi, date: BaseDeTest.jour.ajout(jours: 1),
                                            auteurId: t.formateur.id!, note: "erreur de saisie", remplace: premiere.id))
        let etats = EtatItem.calculer(try t.base.preuves(apprenantId: a.id!))
        #expect(etats.first?.statut == .enCours)
        #expect(etats.first?.niveauPreuve == .suivi)
        #expect(try t.base.preuves(apprenantId: a.id!).count == 2)
    }

    @Test("Certification Pix : trois compétences certifiées atteignent l'objectif")
    func certification() throws {
        let t = try BaseDeTest()
        let a = try t.apprenant("A-0001")
        _ = try t.base.creerCohorte(Cohorte(code: "c", parcoursId: t.parcours.id!, titre: "C", debut: BaseDeTest.jour, creePar: t.formateur.id!))
        try t.base.inscrire(identifiants: ["A-0001"], cohorte: "c", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        try t.base.enregistrerCertification(CertificationPix(apprenantId: a.id!, code: "P-2346789B", date: BaseDeTest.jour, score: 300, palier: 3,
                                                             niveaux: ["1.1": 2, "3.1": 3, "2.1": 1, "4.1": 0], auteurId: t.formateur.id!))
        let dossier = try t.base.dossier("A-0001", catalogue: t.catalogue, au: Jour("2099-12-31")!)
        #expect(dossier.inscriptions.first?.bilan.competencesCertifiees == ["1.1", "2.1", "3.1"])
        #expect(dossier.inscriptions.first?.bilan.objectifCertificationAtteint == true)
        #expect(throws: ErreurBase.self) {
            try t.base.enregistrerCertification(CertificationPix(apprenantId: a.id!, code: "P-2346789B", date: BaseDeTest.jour, score: 1, palier: 0, niveaux: [:], auteurId: t.formateur.id!))
        }
    }

    @Test("Effacement : l'identité disparaît du fichier, les effectifs restent")
    func effacement() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-effacement")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let chemin = dossier.appendingPathComponent("livret.sqlite").path
        do {
            let base = try Base(chemin: chemin)
            try base.initialiser(structure: "S", formateur: "Nadia", date: BaseDeTest.jour)
            let f = try base.formateur("Nadia")
            let catalogue = try BaseDeTest().catalogue
            let parcours = try base.parcours(depuis: catalogue.modeleParcours("femmes-et-numerique")!)
            let a = try base.ajouterApprenant(Apprenant(identifiant: "A-0001", prenom: "Zoubidaxe", nom: "Quenotrix", sexe: .feminin,
                                                        email: "zoubidaxe@exemple.fr", telephone: "0611223344", creeLe: BaseDeTest.jour, creePar: f.id!),
                                              consentement: Consentement(apprenantId: 0, date: BaseDeTest.jour, suivi: true, badges: true,
                                                                         statistiques: true, auteurId: f.id!))
            _ = try base.creerCohorte(Cohorte(code: "c", parcoursId: parcours.id!, titre: "C", debut: BaseDeTest.jour, creePar: f.id!))
            try base.inscrire(identifiants: ["A-0001"], cohorte: "c", auteurId: f.id!, date: BaseDeTest.jour)
            try base.ajouterPreuve(Preuve(apprenantId: a.id!, referentiel: .aptic, code: "48", niveau: .suivi, date: BaseDeTest.jour, auteurId: f.id!, note: "Zoubidaxe envoie un mail"))
            let avant = try base.completions(au: Jour("2099-12-31")!)
            try base.effacerApprenant("A-0001", auteurId: f.id!, date: BaseDeTest.jour)
            #expect(try base.completions(au: Jour("2099-12-31")!) == avant)
            #expect(try base.apprenant("A-0001").efface)
            #expect(try base.journal().contains { $0.action == "effacement" && $0.cible == "A-0001" })
        }
        for fichier in try FileManager.default.contentsOfDirectory(atPath: dossier.path) {
            let octets = try Data(contentsOf: dossier.appendingPathComponent(fichier))
            for secret in ["Zoubidaxe", "Quenotrix", "zoubidaxe@exemple.fr", "0611223344"] {
                #expect(octets.range(of: Data(secret.utf8)) == nil, "\(secret) encore dans \(fichier)")
            }
        }
    }

    @Test("Une base écrite par une version plus récente est refusée")
    func versionPlusRecente() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-version")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let chemin = dossier.appendingPathComponent("livret.sqlite").path
        _ = try Base(chemin: chemin)
        try Base.ajouterMigrationInconnuePourTest(chemin: chemin)
        #expect {
            _ = try Base(chemin: chemin)
        } throws: { erreur in
            (erreur as? ErreurBase).map { "\($0)".contains("plus récente") } ?? false
        }
    }
}

@Suite("Base : versions")
struct VersionsTests {
    @Test("Une base plus ancienne est copiée avant d'être mise à jour")
    func ancienneBase() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-ancienne")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let chemin = dossier.appendingPathComponent("livret.sqlite").path
        _ = try Base(chemin: chemin)
        try Base.retirerDerniereMigrationPourTest(chemin: chemin)
        _ = try Base(chemin: chemin)
        let copies = try FileManager.default.contentsOfDirectory(atPath: dossier.path).filter { $0.contains(".avant-") }
        #expect(copies.count == 1, "\(copies)")
    }
}

@Suite("Base : les règles appliquées à l'écriture")
struct ReglesEcritureTests {
    @Test("Sans accord « suivi », ni preuve ni positionnement ; les présences, si")
    func consentement() throws {
        let t = try BaseDeTest()
        let a = try t.base.ajouterApprenant(Apprenant(identifiant: "A-0009", sexe: .feminin, creeLe: BaseDeTest.jour, creePar: t.formateur.id!))
        _ = try t.base.creerCohorte(Cohorte(code: "c", parcoursId: t.parcours.id!, titre: "C", debut: BaseDeTest.jour, creePar: t.formateur.id!))
        try t.base.inscrire(identifiants: ["A-0009"], cohorte: "c", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        let seance = try t.base.ajouterSeance(cohorte: "c", date: BaseDeTest.jour, minutesPrevues: 120, theme: nil, auteurId: t.formateur.id!)
        try t.base.saisirPresences(seanceId: seance.id!, [("A-0009", .present, nil)], auteurId: t.formateur.id!, date: BaseDeTest.jour)
        #expect(throws: ErreurBase.self) {
            try t.base.ajouterPreuve(Preuve(apprenantId: a.id!, referentiel: .aptic, code: "66", niveau: .suivi, date: BaseDeTest.jour, auteurId: t.formateur.id!))
        }
        #expect(throws: ErreurBase.self) {
            try t.base.enregistrerPositionnement(Positionnement(apprenantId: a.id!, date: BaseDeTest.jour, auteurId: t.formateur.id!))
        }
        #expect(try t.base.preuves(apprenantId: a.id!).isEmpty)
        try t.base.enregistrerConsentement(Consentement(apprenantId: a.id!, date: BaseDeTest.jour, suivi: true, badges: false, statistiques: false,
                                                        auteurId: t.formateur.id!))
        try t.base.ajouterPreuve(Preuve(apprenantId: a.id!, referentiel: .aptic, code: "66", niveau: .suivi, date: BaseDeTest.jour, auteurId: t.formateur.id!))
        #expect(try t.base.preuves(apprenantId: a.id!).count == 1)
    }

    @Test("Séances : dans les dates, pas sur une cohorte clôturée ; supprimer une séance enlève ses présences et le dit au journal")
    func seances() throws {
        let t = try BaseDeTest()
        _ = try t.apprenant("A-0001")
        let fin = BaseDeTest.jour.ajout(jours: 30)
        _ = try t.base.creerCohorte(Cohorte(code: "c", parcoursId: t.parcours.id!, titre: "C", debut: BaseDeTest.jour, fin: fin, creePar: t.formateur.id!))
        try t.base.inscrire(identifiants: ["A-0001"], cohorte: "c", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        #expect(throws: ErreurBase.self) {
            try t.base.ajouterSeance(cohorte: "c", date: BaseDeTest.jour.ajout(jours: -1), minutesPrevues: 60, theme: nil, auteurId: t.formateur.id!)
        }
        #expect(throws: ErreurBase.self) {
            try t.base.ajouterSeance(cohorte: "c", date: fin.ajout(jours: 1), minutesPrevues: 60, theme: nil, auteurId: t.formateur.id!)
        }
        #expect(throws: ErreurBase.self) {
            try t.base.ajouterSeance(cohorte: "c", date: BaseDeTest.jour, minutesPrevues: 601, theme: nil, auteurId: t.formateur.id!)
        }
        let rattrapage = try t.base.ajouterSeance(cohorte: "c", date: fin.ajout(jours: 1), minutesPrevues: 60, theme: nil, horsDates: true,
                                                  auteurId: t.formateur.id!)
        try t.base.saisirPresences(seanceId: rattrapage.id!, [("A-0001", .present, 45)], auteurId: t.formateur.id!, date: fin)
        #expect(throws: ErreurBase.self) {
            try t.base.saisirPresences(seanceId: rattrapage.id!, [("A-0001", .present, 61)], auteurId: t.formateur.id!, date: fin)
        }
        try t.base.saisirPresences(seanceId: rattrapage.id!, [("A-0001", .absent, nil)], auteurId: t.formateur.id!, date: fin)
        #expect(try t.base.journal().contains { $0.action == "presence-corrigee" && $0.detail?.contains("présent 45 min → absent 0 min") == true })
        let supprimee = try t.base.supprimerSeance(id: rattrapage.id!, motif: "erreur de cohorte", auteurId: t.formateur.id!, date: fin)
        #expect(supprimee.presences == 1)
        #expect(try t.base.seances(cohorteId: try t.base.cohorte("c").id!).isEmpty)
        #expect(try t.base.ecartsSuivi() == 0)
        #expect(try t.base.journal().contains { $0.action == "seance-supprimee" && $0.detail?.contains("erreur de cohorte") == true })
        try t.base.cloturerCohorte("c", auteurId: t.formateur.id!, date: fin)
        #expect(throws: ErreurBase.self) {
            try t.base.ajouterSeance(cohorte: "c", date: BaseDeTest.jour, minutesPrevues: 60, theme: nil, auteurId: t.formateur.id!)
        }
    }

    @Test("Une séance de rattrapage avant le début d'une cohorte sans date de fin est ajoutée et notée au journal (elle plantait)")
    func rattrapageAvantLeDebutSansFin() throws {
        let t = try BaseDeTest()
        _ = try t.base.creerCohorte(Cohorte(code: "ouverte", parcoursId: t.parcours.id!, titre: "Ouverte", debut: BaseDeTest.jour, fin: nil,
                                            creePar: t.formateur.id!))
        let avant = BaseDeTest.jour.ajout(jours: -3)
        #expect(throws: ErreurBase.self) {
            try t.base.ajouterSeance(cohorte: "ouverte", date: avant, minutesPrevues: 60, theme: nil, auteurId: t.formateur.id!)
        }
        let rattrapage = try t.base.ajouterSeance(cohorte: "ouverte", date: avant, minutesPrevues: 60, theme: nil, horsDates: true,
                                                  auteurId: t.formateur.id!)
        #expect(rattrapage.date == avant)
        #expect(try t.base.journal().contains { $0.action == "seance-hors-dates" && $0.cible == "ouverte" })
    }

    @Test("« Terminé » sans le critère demande un motif ; une correction de statut garde l'histoire ; une preuve retirée ne compte plus")
    func statutsEtRetraits() throws {
        let t = try BaseDeTest()
        let a = try t.apprenant("A-0001")
        _ = try t.base.creerCohorte(Cohorte(code: "c", parcoursId: t.parcours.id!, titre: "C", debut: BaseDeTest.jour, creePar: t.formateur.id!))
        try t.base.inscrire(identifiants: ["A-0001"], cohorte: "c", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        let seance = try t.base.ajouterSeance(cohorte: "c", date: BaseDeTest.jour, minutesPrevues: 120, theme: nil, auteurId: t.formateur.id!)
        try t.base.saisirPresences(seanceId: seance.id!, [("A-0001", .present, nil)], auteurId: t.formateur.id!, date: BaseDeTest.jour)
        // 2 h of a 67 h parcours: the critère is not met.
        #expect(throws: ErreurBase.self) {
            try t.base.changerStatut(apprenant: "A-0001", cohorte: "c", statut: .termine, auteurId: t.formateur.id!, date: BaseDeTest.jour)
        }
        try t.base.changerStatut(apprenant: "A-0001", cohorte: "c", statut: .termine, motif: "a suivi la suite dans une autre structure",
                                 auteurId: t.formateur.id!, date: BaseDeTest.jour)
        let ligne = try #require(try t.base.tableauDeBord(cohorte: "c", catalogue: t.catalogue, au: BaseDeTest.jour).first)
        #expect(ligne.statut == .termine && !ligne.bilan.critere.atteint)
        #expect(throws: ErreurBase.self) {
            try t.base.corrigerStatut(apprenant: "A-0001", cohorte: "c", statut: .enCours, motif: " ", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        }
        try t.base.corrigerStatut(apprenant: "A-0001", cohorte: "c", statut: .enCours, motif: "noté trop tôt", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        let dossier = try t.base.dossier("A-0001", catalogue: t.catalogue, au: BaseDeTest.jour)
        #expect(dossier.inscriptions[0].historique.map(\.statut) == [.inscrit, .enCours, .termine, .enCours])
        let preuve = try t.base.ajouterPreuve(Preuve(apprenantId: a.id!, referentiel: .aptic, code: "66", niveau: .autonomie, date: BaseDeTest.jour,
                                                     auteurId: t.formateur.id!))
        #expect(EtatItem.calculer(try t.base.preuves(apprenantId: a.id!)).first?.statut == .acquis)
        try t.base.retirerPreuve(id: preuve.id!, motif: "mauvaise personne", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        let preuves = try t.base.preuves(apprenantId: a.id!)
        #expect(preuves.count == 2, "la preuve reste lisible, suivie de son retrait")
        #expect(EtatItem.calculer(preuves).isEmpty)
        #expect(throws: ErreurBase.self) {
            try t.base.retirerPreuve(id: preuve.id!, motif: "encore", auteurId: t.formateur.id!, date: BaseDeTest.jour)
        }
    }
}
