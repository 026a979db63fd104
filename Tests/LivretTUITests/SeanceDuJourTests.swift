import Foundation
import LivretCore
import LivretStore
import LivretTUI
import Testing

/// A formateur arrives and today's séance does not exist yet: she adds it from the list of
/// séances, then takes the attendance, without leaving the UI.
@Suite("Séance du jour ajoutée dans l'interface")
struct SeanceDuJourTests {
    @Test func ajouterPuisFaireLAppel() throws {
        let banc = try Banc()
        let db = try banc.db
        let cohorte = try db.cohorte("smartphone-2024")
        let avant = try db.seances(cohorteId: cohorte.id!)
        #expect(!avant.contains { $0.date == Banc.jour })

        banc.ecrire("a")                          // the séances of smartphone-2024
        #expect(banc.titre == "Séances de smartphone-2024")
        banc.ecrire("n")
        #expect(banc.ecran.contains("Nouvelle séance le lun. 04/03/2024, durée en minutes : 120"), "\(banc.ecran)")
        banc.ecrire("90\n")                        // the first digit replaces the proposed duration

        let apres = try db.seances(cohorteId: cohorte.id!)
        #expect(apres.count == avant.count + 1)
        let nouvelle = try #require(apres.first { $0.date == Banc.jour })
        #expect(nouvelle.minutesPrevues == 90)
        #expect(nouvelle.creePar == (try db.formateur(Banc.formateur)).id)
        #expect(banc.message == "Séance du 04/03/2024 ajoutée (1 h 30) : Entrée pour faire l'appel.")

        banc.taper(.entree)                        // the new séance is selected
        #expect(banc.titre == "Appel du 04/03/2024")
        banc.ecrire("ps")
        #expect(banc.message.hasPrefix("Appel enregistré : 1 présent"), "\(banc.message)")
        #expect(try db.feuilleAppel(seanceId: nouvelle.id!).lignes.contains { $0.statut == .present && $0.minutes == 90 })
    }

    @Test func annulerOuDureeImpossible() throws {
        let banc = try Banc()
        let db = try banc.db
        let cohorte = try db.cohorte("smartphone-2024")
        let avant = try db.seances(cohorteId: cohorte.id!).count
        banc.ecrire("a")
        banc.ecrire("n")
        banc.taper(.echap)
        #expect(banc.message == "Aucune séance ajoutée.")
        banc.ecrire("n")
        banc.ecrire("999\n")
        #expect(banc.erreur && banc.message.contains("de 1 à 600 minutes"), "\(banc.message)")
        #expect(try db.seances(cohorteId: cohorte.id!).count == avant, "rien n'est ajouté")
        #expect(banc.titre == "Séances de smartphone-2024")
    }
}
