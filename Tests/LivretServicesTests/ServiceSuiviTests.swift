import Foundation
import LivretCore
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// The follow-up use cases on the demo base, as the command line and the terminal UI call them.
@Suite("ServiceSuivi : séances, appel, preuves, statuts, accord")
struct ServiceSuiviTests {
    let db: Base
    let nadia: Formateur

    init() throws {
        db = try Demonstration.enMemoire().base
        nadia = try db.formateur(Fixe.formateur)
    }

    @Test("Une séance du jour, son appel partiel puis complet, sa suppression")
    func seanceEtAppel() throws {
        let seance = try ServiceSuivi.ajouterSeance(db: db, cohorte: "smartphone-2024", minutes: 90, theme: "Rattrapage", auteur: nadia, jour: Fixe.jour)
        let partiel = try ServiceSuivi.saisirAppel(db: db, seance: seance.id!, [SaisiePresence(identifiant: "A-0012", statut: .present, minutes: nil)],
                                                   auteur: nadia, jour: Fixe.jour)
        #expect(!partiel.complet && partiel.libelle == "1 sur 6 saisi", "8 inscrits dont 2 abandons : \(partiel)")
        let tous = ["A-0013", "A-0014", "A-0015", "A-0016", "A-0018"].map { SaisiePresence(identifiant: $0, statut: .absent, minutes: nil) }
        let complet = try ServiceSuivi.saisirAppel(db: db, seance: seance.id!, tous, auteur: nadia, jour: Fixe.jour)
        #expect(complet.complet && complet.libelle == "fait" && complet.presents == 1)
        #expect(throws: ErreurUtilisateur.self) {
            try ServiceSuivi.saisirAppel(db: db, seance: seance.id!, [SaisiePresence(identifiant: "A-0012", statut: .present, minutes: 91)],
                                         auteur: nadia, jour: Fixe.jour)
        }
        let supprimee = try ServiceSuivi.supprimerSeance(db: db, id: seance.id!, motif: "doublon", auteur: nadia, jour: Fixe.jour)
        #expect(supprimee.presences == 6)
        #expect(try db.ecartsSuivi() == 0)
    }

    @Test("Les séances hors des dates de la cohorte se confirment ; une cohorte clôturée n'en prend plus")
    func datesDesSeances() throws {
        #expect(throws: ErreurUtilisateur.self) {
            try ServiceSuivi.ajouterSeance(db: db, cohorte: "smartphone-2024", minutes: 90, theme: nil, auteur: nadia, jour: Jour("2024-05-02")!)
        }
        _ = try ServiceSuivi.ajouterSeance(db: db, cohorte: "smartphone-2024", minutes: 90, theme: nil, horsDates: true, auteur: nadia,
                                           jour: Jour("2024-05-02")!)
        #expect(throws: ErreurUtilisateur.self) {
            try ServiceSuivi.ajouterSeance(db: db, cohorte: "fen-2023", minutes: 90, theme: nil, horsDates: true, auteur: nadia, jour: Fixe.jour)
        }
    }

    @Test("Une preuve sur une cible inconnue est refusée ; une preuve retirée ne compte plus")
    func preuves() throws {
        #expect(throws: ErreurUtilisateur.self) {
            try ServiceSuivi.ajouterPreuve(db: db, catalogue: catalogueEmbarque, apprenant: "A-0012", referentiel: .aptic, code: "999",
                                           niveau: .suivi, auteur: nadia, jour: Fixe.jour)
        }
        #expect(throws: ErreurUtilisateur.self) {
            try ServiceSuivi.ajouterPreuve(db: db, catalogue: catalogueEmbarque, apprenant: "A-0012", referentiel: .pix, code: "9.9",
                                           niveau: .suivi, auteur: nadia, jour: Fixe.jour)
        }
        let preuve = try ServiceSuivi.ajouterPreuve(db: db, catalogue: catalogueEmbarque, apprenant: "A-0012", referentiel: .aptic, code: "130",
                                                    niveau: .autonomie, auteur: nadia, jour: Fixe.jour)
        let avant = try db.dossier("A-0012", catalogue: catalogueEmbarque, au: Fixe.jour)
        #expect(avant.etats.contains { $0.code == "130" && $0.statut == .acquis })
        _ = try ServiceSuivi.retirerPreuve(db: db, id: preuve.id!, motif: "mauvaise personne", auteur: nadia, jour: Fixe.jour)
        let apres = try db.dossier("A-0012", catalogue: catalogueEmbarque, au: Fixe.jour)
        #expect(!apres.etats.contains { $0.code == "130" })
        #expect(apres.preuves.count == avant.preuves.count + 1, "la preuve et son retrait restent lisibles")
    }

    @Test("L'accord aux badges garde les autres portées telles qu'elles étaient")
    func accordBadges() throws {
        let a = try db.ajouterApprenant(Apprenant(identifiant: "A-0100", prenom: "Nour", creeLe: Fixe.jour, creePar: nadia.id!),
                                        consentement: Consentement(apprenantId: 0, date: Fixe.jour, suivi: false, badges: false,
                                                                   statistiques: true, auteurId: nadia.id!))
        _ = try ServiceSuivi.accordBadges(db: db, apprenant: "A-0100", auteur: nadia, jour: Fixe.jour)
        let consentement = try #require(try db.consentement(apprenantId: a.id!))
        #expect(consentement.badges && consentement.statistiques && !consentement.suivi, "aucune portée donnée à la place de la personne")
        let sans = try db.ajouterApprenant(Apprenant(identifiant: "A-0101", prenom: "Lina", creeLe: Fixe.jour, creePar: nadia.id!))
        _ = try ServiceSuivi.accordBadges(db: db, apprenant: "A-0101", auteur: nadia, jour: Fixe.jour)
        let seul = try #require(try db.consentement(apprenantId: sans.id!))
        #expect(seul.portees == [.badges])
    }

    @Test("Statut : terminé sans le critère demande un motif, une correction garde l'histoire")
    func statuts() throws {
        try ServiceSuivi.inscrire(db: db, cohorte: "smartphone-2024", apprenants: ["A-0001"], auteur: nadia, jour: Fixe.jour)
        try ServiceSuivi.changerStatut(db: db, apprenant: "A-0001", cohorte: "smartphone-2024", statut: .enCours, motif: nil, sortie: nil,
                                       auteur: nadia, jour: Fixe.jour)
        #expect(throws: ErreurUtilisateur.self) {
            try ServiceSuivi.changerStatut(db: db, apprenant: "A-0001", cohorte: "smartphone-2024", statut: .termine, motif: nil, sortie: nil,
                                           auteur: nadia, jour: Fixe.jour)
        }
        try ServiceSuivi.changerStatut(db: db, apprenant: "A-0001", cohorte: "smartphone-2024", statut: .termine, motif: "inscrite par erreur",
                                       sortie: nil, auteur: nadia, jour: Fixe.jour)
        try ServiceSuivi.corrigerStatut(db: db, apprenant: "A-0001", cohorte: "smartphone-2024", statut: .abandon, motif: "n'est jamais venue",
                                        auteur: nadia, jour: Fixe.jour)
        let inscription = try #require(try db.dossier("A-0001", catalogue: catalogueEmbarque, au: Fixe.jour).inscriptions.last)
        #expect(inscription.historique.map(\.statut) == [.inscrit, .enCours, .termine, .abandon])
        #expect(inscription.statut == .abandon)
    }
}

@Suite("ServicePix, ServiceApprenants, ServiceRapport")
struct AutresServicesTests {
    @Test("Un positionnement demande l'accord « suivi » et des niveaux Pix dans les bornes")
    func positionnement() throws {
        let (db, _) = try Demonstration.enMemoire()
        let nadia = try db.formateur(Fixe.formateur)
        #expect(throws: ErreurUtilisateur.self) {
            try ServiceSuivi.enregistrerPositionnement(db: db, catalogue: catalogueEmbarque, apprenant: "A-0012", eurostat: nil,
                                                       niveaux: [.init(referentiel: .pix, code: "1.1", niveau: 9)], auteur: nadia, jour: Fixe.jour)
        }
        _ = try ServiceApprenants.ajouter(db: db, Apprenant(identifiant: "A-0200", creeLe: Fixe.jour, creePar: nadia.id!), consentement: nil)
        #expect(throws: ErreurUtilisateur.self) {
            try ServiceSuivi.enregistrerPositionnement(db: db, catalogue: catalogueEmbarque, apprenant: "A-0200", eurostat: nil,
                                                       niveaux: [.init(referentiel: .pix, code: "1.1", niveau: 2)], auteur: nadia, jour: Fixe.jour)
        }
        try ServiceSuivi.enregistrerPositionnement(db: db, catalogue: catalogueEmbarque, apprenant: "A-0012", eurostat: nil,
                                                   niveaux: [.init(referentiel: .pix, code: "1.1", niveau: 2)], auteur: nadia, jour: Fixe.jour)
    }

    @Test("Une certification saisie : code, score et niveaux vérifiés")
    func certification() throws {
        let (db, _) = try Demonstration.enMemoire()
        let nadia = try db.formateur(Fixe.formateur)
        #expect(throws: ErreurUtilisateur.self) {
            try ServicePix.enregistrerCertification(db: db, catalogue: catalogueEmbarque, apprenant: "A-0012", code: "P-1234", score: 300,
                                                    niveaux: ["1.1": 2], centre: nil, auteur: nadia, jour: Fixe.jour)
        }
        #expect(throws: ErreurUtilisateur.self) {
            try ServicePix.enregistrerCertification(db: db, catalogue: catalogueEmbarque, apprenant: "A-0012", code: "P-2346789B", score: 900,
                                                    niveaux: ["1.1": 2], centre: nil, auteur: nadia, jour: Fixe.jour)
        }
        let (code, _) = try ServicePix.enregistrerCertification(db: db, catalogue: catalogueEmbarque, apprenant: "A-0012", code: "p-2346789b",
                                                                score: 300, niveaux: ["1.1": 2], centre: nil, auteur: nadia, jour: Fixe.jour)
        #expect(code == "P-2346789B")
    }

    @Test("Le rapport dit combien de personnes sont hors statistiques, et ne les compte pas")
    func horsStatistiques() throws {
        let (db, _) = try Demonstration.enMemoire()
        let rapport = try ServiceRapport.synthese(db: db, catalogue: catalogueEmbarque, perimetre: .structure, anneeReference: 2024, seuil: nil,
                                                  jour: Fixe.jour)
        #expect(rapport.horsStatistiques == 1)
        #expect(rapport.total.inscrits.nombre == 18)
        #expect(rapport.avertissements.contains { $0.contains("1 inscription hors statistiques") })
    }

    @Test("Un fichier Pix mal formé n'écrit rien et le dit en français")
    func importPixRefuse() throws {
        let (db, _) = try Demonstration.enMemoire()
        let nadia = try db.formateur(Fixe.formateur)
        #expect(throws: ErreurUtilisateur.self) {
            try ServicePix.importer(Data("pas un export Pix\n".utf8), fichier: "x.csv", db: db, catalogue: catalogueEmbarque, cohorte: nil,
                                    creerApprenants: false, auteur: nadia, jour: Fixe.jour)
        }
        #expect(!ServicePix.estPixCertif(Data("\"Nom\";\"Prénom\"\n".utf8)))
        #expect(ServicePix.estPixCertif(Data("\"Numéro de certification\";\"Prénom\"\n".utf8)))
    }
}
