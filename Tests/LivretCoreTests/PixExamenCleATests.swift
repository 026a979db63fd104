import Foundation
import LivretReferentiels
import LivretTestSupport
import Testing
@testable import LivretCore

/// Issue 20, point 5 (decision 55): « examen » and « grands débutants » campaigns, CléA numérique.
@Suite("Pix : campagnes d'examen et grands débutants, CléA numérique")
struct PixExamenCleATests {
    static func pix() throws -> ReferentielPix { try ReferentielsEmbarques.catalogue().pix }

    @Test("Campagne d'examen : reconnue sans « % de progression », badge CléA lu, non-partage sans résultats")
    func examen() throws {
        let export = try LecturePixOrga.lire(Data(ExportsPixFictifs.examen.utf8), fichier: "Resultats-Examen.csv", pix: try Self.pix())
        #expect(export.genre == .examen)
        #expect(export.campagne.code == "EXAMCLEA1")
        #expect(export.campagne.parcours == "Parcours CléA numérique")
        #expect(export.libelleIdentifiantExterne == "Identifiant")
        #expect(export.colonnesIgnorees.isEmpty)
        #expect(export.participations.count == 2)
        let jeanine = export.participations[0]
        #expect(jeanine.partage && jeanine.identifiantExterne == "A-0013")
        #expect(jeanine.progression == nil, "un examen n'a pas de progression")
        #expect(jeanine.maitrise == 0.82)
        #expect(jeanine.maitriseParCompetence["1.2"] == 0.75)
        #expect(jeanine.badgeCleA == true)
        #expect(jeanine.datePartage == Jour("2024-03-13"))
        let gerard = export.participations[1]
        #expect(!gerard.partage && gerard.badgeCleA == nil && gerard.maitrise == nil)
    }

    @Test("Campagne pour grands débutants : colonnes d'évaluation, paliers, colonne ajoutée listée comme ignorée")
    func grandsDebutants() throws {
        let export = try LecturePixOrga.lire(Data(ExportsPixFictifs.grandsDebutants.utf8), fichier: "Resultats-Premiers-pas.csv", pix: try Self.pix())
        #expect(export.genre == .evaluation, "l'export ne dit pas « grands débutants » : c'est le formateur qui le dit")
        #expect(export.colonnesIgnorees == ["Structure d'accueil"])
        let jeanine = try #require(export.participations.first)
        #expect(jeanine.identifiantExterne == "A-0013")
        #expect(jeanine.palier == 2 && jeanine.palierMax == 3)
        #expect(jeanine.progression == 1 && jeanine.maitrise == 0.5)
        #expect(jeanine.badgeCleA == nil, "pas de colonne de badge CléA")
    }

    @Test("Sans « Envoi », « % de progression » ni « Partage » : refus qui cite les trois genres")
    func niEvaluationNiExamen() throws {
        let texte = ExportsPixFictifs.examen.replacingOccurrences(of: "Partage (O/N)", with: "Partagé ?")
        #expect {
            _ = try LecturePixOrga.lire(Data(texte.utf8), fichier: "x.csv", pix: try Self.pix())
        } throws: { erreur in
            let message = (erreur as? ErreursImport)?.erreurs.first?.message ?? ""
            return message.contains("« Partage (O/N) » (campagne d'examen)") && message.contains("collecte de profils")
        }
    }

    @Test("Pix Certif : la colonne « Certification CléA Numérique » lue (casse et accents indifférents)",
          arguments: [("Validée", ResultatCleA.validee), ("rejetee", .rejetee), ("Non passée", .nonPassee), ("ANNULÉE", .annulee)])
    func colonneCleA(valeur: String, attendu: ResultatCleA) throws {
        let resultats = try LecturePixCertif.lire(Data(ExportsPixFictifs.certifCleA(clea: valeur).utf8), fichier: "resultats.csv", pix: try Self.pix())
        let ligne = try #require(resultats.lignes.first)
        #expect(ligne.clea == attendu)
        #expect(ligne.score == 260 && ligne.niveaux["1.1"] == 2)
    }

    @Test("Pix Certif : une valeur inconnue dans la colonne CléA est refusée, avec fichier, ligne et colonne")
    func valeurCleAInconnue() throws {
        #expect {
            _ = try LecturePixCertif.lire(Data(ExportsPixFictifs.certifCleA(clea: "Peut-être").utf8), fichier: "resultats-session.csv", pix: try Self.pix())
        } throws: { erreur in
            guard let erreurs = (erreur as? ErreursImport)?.erreurs, erreurs.count == 1, let e = erreurs.first else { return false }
            return e.fichier == "resultats-session.csv" && e.ligne == 2 && e.champ == "Certification CléA Numérique"
                && e.message.contains("« Peut-être » n'est pas un résultat de la certification CléA numérique")
                && e.message.contains("« Non passée »")
        }
    }

    @Test("Le nom CléA est reconnu sans casse ni accents, comme mot entier")
    func nomCleA() {
        #expect(CleA.designe("Pix Emploi - CléA Numérique"))
        #expect(CleA.designe("CLEA numerique"))
        #expect(CleA.designe("Badge cléa"))
        #expect(!CleA.designe("Sécurité nucléaire"))
        #expect(!CleA.designe("Pix+ Droit"))
    }

    static func profil(_ id: Int64, _ jour: String, genre: ExportPixOrga.Genre? = nil, partage: Bool = true, niveaux: [String: Int] = [:],
                       badge: Bool? = nil) -> ProfilPix {
        ProfilPix(id: id, apprenantId: 1, date: Jour(jour)!, source: "export-\(id).csv", partage: partage, niveaux: niveaux,
                  genre: genre, badgeCleA: badge)
    }

    static func certification(_ id: Int64, _ jour: String, statut: CertificationPix.Statut = .validee, clea: ResultatCleA?) -> CertificationPix {
        CertificationPix(id: id, apprenantId: 1, code: nil, numero: "\(id)", statut: statut, date: Jour(jour)!, score: 300, palier: 3,
                         niveaux: [:], auteurId: 1, clea: clea, source: "session-\(id).csv")
    }

    @Test("Préparation CléA : certification validée > badge sur Pix Orga > pas encore")
    func regleCleA() {
        let badge = Self.profil(1, "2024-03-13", genre: .examen, badge: true)
        #expect(PreparationCleA.calculer(profils: [], certifications: []).etat == .pasEncore)
        #expect(PreparationCleA.calculer(profils: [Self.profil(2, "2024-03-13", badge: true)].map { var p = $0; p.partage = false; return p },
                                         certifications: []).etat == .pasEncore, "un badge non partagé ne compte pas")
        let pret = PreparationCleA.calculer(profils: [badge, Self.profil(2, "2024-02-01", badge: false)], certifications: [])
        #expect(pret == PreparationCleA(etat: .badgeObtenu, date: Jour("2024-03-13"), source: "export-1.csv"))
        #expect(pret.phrase == "badge CléA obtenu sur Pix Orga : prêt à passer la certification CléA (le 13/03/2024, export-1.csv)")

        let rejetee = PreparationCleA.calculer(profils: [badge], certifications: [Self.certification(7, "2024-03-20", clea: .rejetee)])
        #expect(rejetee.etat == .badgeObtenu && rejetee.derniereTentative == .rejetee)
        #expect(rejetee.phrase.hasSuffix("; dernière certification CléA : rejetée le 20/03/2024"))

        let obtenu = PreparationCleA.calculer(profils: [badge], certifications: [
            Self.certification(8, "2024-04-02", clea: .validee), Self.certification(7, "2024-03-20", clea: .rejetee),
            Self.certification(9, "2024-05-02", statut: .annulee, clea: .validee)])
        #expect(obtenu == PreparationCleA(etat: .obtenu, date: Jour("2024-04-02"), source: "session-8.csv"))
        #expect(PreparationCleA.calculer(profils: [], certifications: [Self.certification(9, "2024-05-02", statut: .annulee, clea: .validee)]).etat
                == .pasEncore, "une certification annulée ne donne pas CléA")
    }

    @Test("Un examen ne compte pas comme profil de positionnement ; son badge CléA, si")
    func examenPasUnProfil() throws {
        let pix = try Self.pix()
        let collecte = Self.profil(1, "2024-02-12", genre: .collecteProfils, niveaux: ["1.1": 1, "1.2": 1, "2.1": 2, "3.1": 1, "4.1": 1])
        let examen = Self.profil(2, "2024-03-13", genre: .examen, badge: true)
        let p = PreparationCertification.calculer(identifiant: "A-0013", nom: "Jeanine Lambert", profils: [collecte, examen],
                                                  modele: nil, pix: pix)
        #expect(p.dateProfil == Jour("2024-02-12"), "le profil courant reste la collecte")
        #expect(p.certifiable)
        #expect(p.clea.etat == .badgeObtenu)
    }
}
