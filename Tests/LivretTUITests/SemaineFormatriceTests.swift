import Foundation
import LivretCore
import LivretStore
import LivretTerminal
import LivretTUI
import LivretTestSupport
import Testing

/// A new formatrice's whole week in the UI, from an empty machine, without a single command:
/// setting up the structure, three learners (one without e-mail, one first name only), a cohort,
/// enrolment, today's séance and its roll call, a positionnement, evidence, a correction, a
/// drop-out, a badge with consent, the learner's CV and the report. The base is then read
/// directly to check the UI wrote exactly that.
@Suite("La semaine d'une formatrice dans l'interface")
struct SemaineFormatriceTests {
    /// Saves the screen for a person to look at when `LIVRET_ECRANS` names a folder.
    static func garder(_ banc: Banc, _ nom: String) {
        guard let dossier = ProcessInfo.processInfo.environment["LIVRET_ECRANS"] else { return }
        try? banc.ecran.write(toFile: dossier + "/" + nom + ".txt", atomically: true, encoding: .utf8)
    }

    /// Moves through the form to its last line and presses Entrée there.
    static func valider(_ banc: Banc) {
        for _ in 0..<20 { banc.taper(.tabulation) }
        banc.taper(.entree)
    }

    /// Plays the week on `banc` (an empty machine); returns nothing, checks as it goes.
    static func jouerLaSemaine(_ banc: Banc) throws {
        // 1. First run: the structure and the formatrice, nothing else.
        #expect(banc.ecran.contains("Bienvenue dans Livret"))
        garder(banc, "01-bienvenue")
        banc.taper(.entree)
        #expect(banc.titre == "Première installation")
        banc.ecrire("Espace numérique du Bocage\nAmina Diallo\n")
        garder(banc, "02-installation")
        valider(banc)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.ecran.split(separator: "\n")[0].contains("Espace numérique du Bocage"))
        #expect(banc.ecran.split(separator: "\n")[0].contains("Amina Diallo"))
        garder(banc, "03-accueil-vide")

        // 2. Three learners walk in: one with an e-mail and badges, one without e-mail, one first name only.
        banc.ecrire("p")
        #expect(banc.titre == "Personnes")
        banc.ecrire("n")
        banc.ecrire("Awa\nTraoré\n\n1987\n")
        banc.ecrire("2\n3\n3\n")           // féminin, hors QPV, sans emploi
        banc.ecrire("o\no\no\n")           // suivi, chiffres, badges
        banc.ecrire("awa@example.org\n")
        garder(banc, "04-nouvelle-personne")
        valider(banc)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.message.contains("Awa Traoré"), "\(banc.message)")
        banc.ecrire("n")
        banc.ecrire("Mehdi\n\n\n1979\n3\n1\n4\no\no\no\n")   // masculin, QPV non communiqué, en emploi; badges without contact
        valider(banc)
        #expect(!banc.erreur, "\(banc.message)")
        banc.ecrire("n")
        banc.ecrire("Lina\n")
        valider(banc)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.ecran.contains("Lina"))
        garder(banc, "05-personnes")
        banc.taper(.echap)

        // 3. A cohort from a parcours template, starting today.
        banc.ecrire("n")
        #expect(banc.titre == "Nouvelle cohorte")
        garder(banc, "06-nouvelle-cohorte")
        valider(banc)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.titre == "Accueil")
        banc.taper(.entree)
        let code = banc.titre

        // 4. Enrolment: tick the three, Entrée.
        banc.ecrire("i")
        banc.ecrire("   ")
        garder(banc, "07-inscription")
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.message.contains("3 personnes inscrites"), "\(banc.message)")
        garder(banc, "08-cohorte")

        // 5. Today's séance and its roll call.
        banc.ecrire("a")
        banc.ecrire("n")
        banc.ecrire("120\n")
        #expect(!banc.erreur, "\(banc.message)")
        banc.taper(.entree)
        banc.ecrire("ppp")
        banc.ecrire("s")
        #expect(banc.message.contains("3 présents sur 3"), "\(banc.message)")
        garder(banc, "09-appel")
        banc.taper(.echap, .echap)

        // 6. Positionnement of Awa (first in the list by name), then a piece of evidence.
        banc.taper(.debut, .entree)
        #expect(banc.titre == "Awa Traoré")
        banc.ecrire("p")
        banc.ecrire("2")
        garder(banc, "10-positionnement")
        banc.ecrire("32")
        banc.ecrire("2")
        for _ in 0..<20 { banc.taper(.tabulation) }
        banc.taper(.entree)
        garder(banc, "11-positionnement-resume")
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.message.contains("Positionnement"), "\(banc.message)")
        banc.ecrire("s")
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        // Three items of one sous-thème done alone: the sous-thème is mastered (a badge is earned).
        banc.taper(.bas, .bas, .bas)
        for _ in 0..<3 {
            banc.ecrire("a")
            banc.taper(.entree)
            #expect(!banc.erreur, "\(banc.message)")
            banc.taper(.bas)
        }
        banc.ecrire("f")
        garder(banc, "12-apprenant")
        #expect(banc.ecran.contains("Accéder à un ordinateur connecté"))
        #expect(!banc.ecran.contains("Accéder à une connexion filaire"), "f : seulement les items acquis")
        banc.ecrire("f")

        // 7. A correction: a note on that evidence, then read in full.
        banc.ecrire("3")
        banc.ecrire("n")
        banc.ecrire("A envoyé seule un e-mail avec une pièce jointe à la CAF, après deux essais accompagnés.")
        valider(banc)
        #expect(!banc.erreur, "\(banc.message)")
        banc.taper(.debut, .entree)
        garder(banc, "13-note")
        banc.taper(.echap)
        banc.taper(.echap)

        // 8. A drop-out: Mehdi leaves for a job.
        banc.ecrire("/mehdi\n")
        banc.ecrire("x")
        banc.ecrire("\nA trouvé un emploi de magasinier\n2\n")
        garder(banc, "14-abandon")
        valider(banc)
        #expect(!banc.erreur, "\(banc.message)")
        banc.taper(.echap)

        // 9. A badge with consent: the key, then Awa's badges, her bundle and her CV.
        banc.ecrire("b")
        banc.ecrire("k")
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        banc.taper(.debut)
        banc.ecrire("e")
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.message.contains("1 badge délivré à Awa Traoré"), "\(banc.message)")
        garder(banc, "15-badges")
        banc.ecrire("p")
        #expect(!banc.erreur, "\(banc.message)")
        banc.ecrire("v")
        #expect(banc.titre == "CV d'Awa Traoré")
        banc.ecrire("\n\n\n\n\n\no")
        garder(banc, "15b-cv")
        valider(banc)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.message.contains("CV numérique écrit"), "\(banc.message)")
        banc.taper(.echap)

        // 10. The report, written for the funder.
        banc.ecrire("r")
        banc.ecrire("e")
        #expect(!banc.erreur, "\(banc.message)")
        garder(banc, "16-rapport")
        // And the year's bilan d'activité, with the year before, as a printable page.
        banc.ecrire("a")
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.message.contains("Bilan d'activité écrit"), "\(banc.message)")
        let bilans = try FileManager.default.contentsOfDirectory(atPath: banc.dossierExports.path).filter { $0.hasPrefix("bilan-activite-") }
        #expect(bilans.count == 1)
        if let bilan = bilans.first {
            let page = try String(contentsOf: banc.dossierExports.appendingPathComponent(bilan), encoding: .utf8)
            #expect(page.contains("Bilan d’activité") && page.contains("Période précédente"))
        }
        _ = code
    }

    @Test func laSemaineSansLigneDeCommande() throws {
        let banc = try Banc(demo: false, formateur: nil)
        try Self.jouerLaSemaine(banc)
    }
}

/// What a formatrice corrects, and how Ctrl-C and quitting behave in fields.
@Suite("Corriger, annuler un champ")
struct CorrectionsInterfaceTests {
    @Test func ctrlCAnnuleLeChampPasLivret() throws {
        let banc = try Banc()
        banc.ecrire("/smart")
        banc.taper(.ctrl("c"))
        #expect(!banc.application.termine, "Ctrl-C dans le filtre efface le filtre")
        #expect(banc.ecran.contains("fen-2023"))
        banc.ecrire("pn")
        banc.ecrire("Awa")
        banc.taper(.ctrl("c"))
        #expect(!banc.application.termine)
        #expect(banc.titre == "Nouvelle personne")
        #expect(!banc.ecran.contains("Awa"), "Ctrl-C remet la réponse comme elle était")
        banc.ecrire("Inès")
        banc.taper(.echap)
        #expect(banc.titre == "Nouvelle personne", "Échap demande d'abord, quelque chose a été tapé")
        banc.taper(.echap)
        #expect(banc.titre == "Personnes")
        #expect(banc.message == "Rien n'a été enregistré.")
    }

    @Test func ficheModifieeEtAccordChange() throws {
        let banc = try Banc()
        let db = try banc.db
        banc.taper(.bas, .entree)                          // fen-2023
        let ligne = try #require(try db.tableauDeBord(cohorte: "fen-2023", catalogue: catalogueEmbarque, au: Banc.jour)
            .min { $0.nom.lowercased() < $1.nom.lowercased() })
        let apprenant = try db.apprenant(ligne.identifiant)
        let avant = try db.consentement(apprenantId: apprenant.id!)
        banc.ecrire("m")
        #expect(banc.titre.hasPrefix("Fiche d"))
        for _ in 0..<3 { banc.taper(.tabulation) }
        banc.taper(.ctrl("c"))                             // the year as it was
        banc.taper(.retourArriere, .retourArriere, .retourArriere, .retourArriere)
        banc.ecrire("1990")
        for _ in 0..<6 { banc.taper(.tabulation) }         // to « Accord : badges »
        banc.ecrire(" ")                                   // its answer changes
        for _ in 0..<10 { banc.taper(.tabulation) }
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        let apres = try db.apprenant(ligne.identifiant)
        #expect(apres.anneeNaissance == 1990)
        let accord = try #require(try db.consentement(apprenantId: apprenant.id!))
        #expect(accord.badges != (avant?.badges ?? false), "la réponse changée est un nouvel accord")
        #expect(accord.date == Banc.jour)
        #expect(accord.auteurId == (try db.formateur(Banc.formateur)).id, "noté au nom de la formatrice")
        if !accord.badges { #expect(apres.email == nil && apres.telephone == nil, "sans badges, aucun contact gardé") }
    }

    @Test func statutFinalCorrigeAvecMotif() throws {
        let banc = try Banc()
        let db = try banc.db
        banc.taper(.bas, .entree)                          // fen-2023: everyone « terminé »
        let ligne = try #require(try db.tableauDeBord(cohorte: "fen-2023", catalogue: catalogueEmbarque, au: Banc.jour)
            .min { $0.nom.lowercased() < $1.nom.lowercased() })
        banc.ecrire("x")
        #expect(banc.titre.hasPrefix("Corriger le statut"))
        for _ in 0..<5 { banc.taper(.tabulation) }
        banc.taper(.entree)
        #expect(banc.erreur && banc.message.contains("motif"), "sans motif, rien n'est corrigé")
        banc.ecrire("Saisi sur la mauvaise personne")
        for _ in 0..<5 { banc.taper(.tabulation) }
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        let lignes = try db.tableauDeBord(cohorte: "fen-2023", catalogue: catalogueEmbarque, au: Banc.jour)
        #expect(lignes.first { $0.identifiant == ligne.identifiant }?.statut != .termine)
    }

    @Test func seanceAjouteeParErreurSupprimee() throws {
        let banc = try Banc()
        let db = try banc.db
        banc.taper(.entree)                                // smartphone-2024 (ended 03/04/2024? the day is 04/03/2024)
        banc.ecrire("a")
        let avant = try db.seances(cohorte: "smartphone-2024").count
        banc.ecrire("n")
        banc.ecrire("90\n")
        #expect(!banc.erreur, "\(banc.message)")
        #expect(try db.seances(cohorte: "smartphone-2024").count == avant + 1)
        banc.taper(.suppression)
        #expect(banc.titre == "Supprimer une séance")
        #expect(!banc.ecran.contains("n°"), "pas de numéro interne")
        banc.ecrire("Ajoutée deux fois\n")
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(try db.seances(cohorte: "smartphone-2024").count == avant)
        #expect(try db.journal().last?.action == "seance-supprimee")
    }

    @Test func aucuneOptionDeCommandeAlEcran() throws {
        // A séance today in a cohort that ended: Core refuses, and the UI says which key to press.
        let banc = try Banc()
        banc.ecrire("n")                                   // a cohort starting in June
        banc.taper(.tabulation, .tabulation)
        for _ in 0..<10 { banc.taper(.retourArriere) }
        banc.ecrire("01/06/2024")
        for _ in 0..<5 { banc.taper(.tabulation) }
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        banc.ecrire("/2024-06\n")
        banc.taper(.entree)
        banc.ecrire("a")
        banc.ecrire("n")
        banc.ecrire("60\n")
        #expect(banc.erreur)
        #expect(banc.message.contains("touche R"), "\(banc.message)")
        #expect(!banc.message.contains("--"), "\(banc.message)")
        #expect(!banc.message.contains("livret "), "\(banc.message)")
        banc.ecrire("R")
        banc.ecrire("60\n")
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.message.contains("ajoutée"), "\(banc.message)")
    }
}

/// Importing a Pix export from the UI: the path typed, the outcome in words.
@Suite("Importer Pix depuis l'interface")
struct ImportPixInterfaceTests {
    @Test func importDepuisUnChemin() throws {
        let banc = try Banc()
        let fichier = banc.dossier.appendingPathComponent("Resultats-Profils-4321-2024-02-12-1200.csv")
        try Data(ExportsPixFictifs.collecte.utf8).write(to: fichier)
        banc.taper(.entree)                     // smartphone-2024
        banc.ecrire("I")
        #expect(banc.titre == "Importer des résultats Pix")
        banc.ecrire(fichier.path + "\n")
        banc.taper(.entree)
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.message.hasPrefix("Import Pix de « Resultats-Profils-4321-2024-02-12-1200.csv » : 2 personnes retrouvées sur 3"), "\(banc.message)")
        #expect(banc.message.contains("1 personne inconnue de la base"), "\(banc.message)")
        #expect(try banc.db.dossier("A-0013", catalogue: catalogueEmbarque, au: Banc.jour).profilsPix.count == 1)

        // A wrong path: a French message, nothing imported, the form stays to correct it.
        banc.ecrire("I")
        banc.ecrire("/nulle/part.csv\n")
        banc.taper(.entree)
        #expect(banc.erreur && banc.message.contains("ne peut pas être lu"), "\(banc.message)")
        #expect(banc.titre == "Importer des résultats Pix")
    }
}
