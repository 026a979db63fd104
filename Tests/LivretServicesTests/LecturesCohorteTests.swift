import Foundation
import LivretCore
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// The screens of a cohort read it in a few queries (issue 17), not one séance or one learner
/// after the other: the figures must be those of the one-by-one reads — the state of each
/// séance's attendance, each learner's readiness for Pix, each line of the dashboard.
@Suite("Écrans d'une cohorte lus d'un coup : les mêmes chiffres que ligne par ligne")
struct LecturesCohorteTests {
    /// The demo and two generated bases (with Pix profiles added: the generator has none).
    static func bases() throws -> [(nom: String, base: Base, jour: Jour)] {
        var bases: [(String, Base, Jour)] = [("démonstration", try Demonstration.enMemoire().base, Jour("2024-03-04")!)]
        for graine: UInt64 in [17, 2026] {
            let db = try Base()
            let jour = try BaseGeneree.remplir(db, graine: graine)
            var h = GenerateurDeterministe(graine: graine)
            let competences = catalogueEmbarque.pix.competences.map(\.code)
            for apprenant in try db.apprenants() where try db.consentement(apprenantId: apprenant.id!)?.suivi == true {
                for _ in 0..<h.entier(0...2) {
                    try db.enregistrerProfilPix(ProfilPix(apprenantId: apprenant.id!, date: jour.ajout(jours: -h.entier(0...60)), source: "saisie",
                                                          partage: !h.tirage(0.3), niveaux: Dictionary(uniqueKeysWithValues: competences.map { ($0, h.entier(0...3)) })))
                }
            }
            // A séance whose roll call is not taken yet.
            _ = try db.ajouterSeance(cohorte: "c0", date: jour, minutesPrevues: 120, theme: "Rattrapage", horsDates: true,
                                     auteurId: try db.formateur("Formatrice").id!)
            bases.append(("générée \(graine)", db, jour))
        }
        return bases
    }

    @Test("Séances : l'état de chaque appel compté d'un coup est celui de sa feuille lue seule")
    func appels() throws {
        var etats: [EtatAppel] = []
        for (nom, db, jour) in try Self.bases() {
            for cohorte in try db.resumesCohortes(au: jour).map(\.code) {
                let (seances, appels) = try ServiceSuivi.seancesEtAppels(db: db, cohorte: cohorte)
                #expect(seances == (try db.seances(cohorte: cohorte)))
                #expect(appels.count == seances.count, "\(nom), \(cohorte) : un état par séance")
                for seance in seances {
                    let seul = EtatAppel(try db.feuilleAppel(seanceId: seance.id!))
                    #expect(appels[seance.id!] == seul, "\(nom), \(cohorte), séance \(seance.id!)")
                    etats.append(seul)
                }
            }
        }
        // Not vacuous: complete, partial and untaken roll calls.
        #expect(etats.contains { $0.complet && $0.saisis > 0 } && etats.contains { !$0.complet && $0.saisis > 0 }
                && etats.contains { $0.saisis == 0 }, "appels faits, partiels et pas faits")
    }

    @Test("Certification : la préparation d'une cohorte est celle calculée sur les profils de chacun")
    func preparation() throws {
        for (nom, db, jour) in try Self.bases() {
            var profils = 0
            for cohorte in try db.resumesCohortes(au: jour).map(\.code) {
                let (groupe, _, modele) = try ServicePix.preparation(cohorte: cohorte, db: db, catalogue: catalogueEmbarque)
                let attendu = PreparationCohorte.regrouper(try db.apprenants(cohorte: cohorte).map { apprenant in
                    let lus = try db.profilsPix(apprenantId: apprenant.id!)
                    profils += lus.count
                    return PreparationCertification.calculer(identifiant: apprenant.identifiant, nom: apprenant.nomAffiche, profils: lus,
                                                             modele: modele, pix: catalogueEmbarque.pix)
                })
                #expect(groupe == attendu, "\(nom), \(cohorte)")
            }
            #expect(profils > 0, "\(nom) : des profils Pix")
        }
    }

    @Test("Tableau de bord : le bilan et le profil Pix de chaque ligne sont ceux du dossier de la personne")
    func tableauDeBord() throws {
        for (nom, db, jour) in try Self.bases() {
            var avecProfil = 0
            for cohorte in try db.resumesCohortes(au: jour).map(\.code) {
                for ligne in try db.tableauDeBord(cohorte: cohorte, catalogue: catalogueEmbarque, au: jour) {
                    let dossier = try db.dossier(ligne.identifiant, catalogue: catalogueEmbarque, au: jour)
                    let inscription = try #require(dossier.inscriptions.first { $0.cohorte == cohorte })
                    #expect(ligne.bilan == inscription.bilan, "\(nom), \(cohorte), \(ligne.identifiant) : bilan")
                    #expect(ligne.statut == inscription.statut)
                    let dernier = dossier.profilsPix.last { $0.partage }
                    #expect(ligne.profilPix?.id == dernier?.id && ligne.profilPix?.niveaux == dernier?.niveaux
                            && ligne.profilPix?.date == dernier?.date, "\(nom), \(cohorte), \(ligne.identifiant) : profil Pix")
                    avecProfil += ligne.profilPix == nil ? 0 : 1
                }
            }
            if nom != "démonstration" { #expect(avecProfil > 0, "\(nom) : des profils Pix partagés") }
        }
    }
}
