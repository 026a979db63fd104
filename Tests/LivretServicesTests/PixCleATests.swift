import Foundation
import LivretCore
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// Import → CléA readiness on the demo base (decision 55): the badge of an exam campaign, then
/// the Pix Certif CléA column; a second import adds nothing.
@Suite("ServicePix : examen, grands débutants et préparation CléA")
struct PixCleATests {
    let db: Base
    let nadia: Formateur

    init() throws {
        db = try Demonstration.enMemoire().base
        nadia = try db.formateur(Fixe.formateur)
    }

    func importer(_ texte: String, _ fichier: String, grandsDebutants: Bool = false) throws -> BilanImportPix {
        try ServicePix.importer(Data(texte.utf8), fichier: fichier, db: db, catalogue: catalogueEmbarque, cohorte: "smartphone-2024",
                                creerApprenants: false, grandsDebutants: grandsDebutants, auteur: nadia, jour: Fixe.jour)
    }

    func jeanine() throws -> PreparationCertification {
        try ServicePix.preparation(apprenant: "A-0013", db: db, catalogue: catalogueEmbarque, au: Fixe.jour)
    }

    @Test("Examen (badge CléA) puis Pix Certif (CléA validée) : pas encore → prêt à passer → obtenu ; réimport sans effet")
    func examenPuisCertif() throws {
        let avant = try jeanine()
        #expect(avant.clea.etat == .pasEncore)

        let examen = try importer(ExportsPixFictifs.examen, "/tmp/Resultats-Examen-5678.csv")
        #expect(examen.genre == "examen" && examen.instantanesAjoutes >= 1)
        let apresExamen = try jeanine()
        #expect(apresExamen.clea == PreparationCleA(etat: .badgeObtenu, date: Jour("2024-03-13"), source: "Resultats-Examen-5678.csv"))
        #expect(apresExamen.dateProfil == avant.dateProfil, "l'examen ne remplace pas le profil de positionnement")
        let profils = try db.profilsPix(apprenantId: try db.apprenant("A-0013").id!)
        #expect(profils.contains { $0.genre == .examen && $0.badgeCleA == true && $0.maitrise == 0.82 })

        let certif = try importer(ExportsPixFictifs.certifCleA(), "resultats-session-7799.csv")
        #expect(certif.certificationsAjoutees == 1)
        let obtenu = try jeanine()
        #expect(obtenu.clea == PreparationCleA(etat: .obtenu, date: Jour("2024-03-20"), source: "resultats-session-7799.csv"))

        let nombre = profils.count
        let encoreExamen = try importer(ExportsPixFictifs.examen, "Resultats-Examen-5678.csv")
        let encoreCertif = try importer(ExportsPixFictifs.certifCleA(), "resultats-session-7799.csv")
        #expect(encoreExamen.instantanesAjoutes == 0 && encoreCertif.certificationsAjoutees == 0 && encoreCertif.certificationsDejaConnues == 1)
        #expect(try db.profilsPix(apprenantId: try db.apprenant("A-0013").id!).count == nombre)
        #expect(try jeanine() == obtenu)

        let cohorte = try ServicePix.preparation(cohorte: "smartphone-2024", db: db, catalogue: catalogueEmbarque).0
        #expect(cohorte.apprenants.first { $0.identifiant == "A-0013" }?.clea.etat == .obtenu)
    }

    @Test("--grands-debutants : le genre est gardé ; refusé pour un examen, sans rien écrire")
    func grandsDebutants() throws {
        let bilan = try importer(ExportsPixFictifs.grandsDebutants, "Resultats-Premiers-pas.csv", grandsDebutants: true)
        #expect(bilan.genre == "grands_debutants" && bilan.instantanesAjoutes == 1)
        let id = try db.apprenant("A-0013").id!
        #expect(try db.profilsPix(apprenantId: id).contains { $0.genre == .grandsDebutants && $0.progression == 1 })
        let nombre = try db.profilsPix(apprenantId: id).count
        #expect(throws: ErreurUtilisateur.self) {
            try importer(ExportsPixFictifs.examen, "Resultats-Examen.csv", grandsDebutants: true)
        }
        #expect(try db.profilsPix(apprenantId: id).count == nombre)
    }
}
