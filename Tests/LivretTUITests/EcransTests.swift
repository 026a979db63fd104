import LivretTerminal
import LivretTUI
import Testing

/// Every screen of the UI drawn at 80×24 from the demo base, on 4 March 2024, by Nadia Benali,
/// compared with the snapshots in `Instantanes/` (re-record with LIVRET_INSTANTANES=enregistrer).
@Suite("Écrans à 80×24")
struct EcransTests {
    @Test func accueil() throws {
        let banc = try Banc()
        Instantanes.verifier(banc.ecran, "accueil")
    }

    @Test func aide() throws {
        let banc = try Banc()
        banc.ecrire("?")
        #expect(banc.application.aideVisible)
        Instantanes.verifier(banc.ecran, "aide-accueil")
        banc.taper(.bas)
        #expect(!banc.application.aideVisible, "une touche ferme l'aide")
        #expect(banc.titre == "Accueil", "la touche qui ferme l'aide ne fait rien d'autre")
    }

    @Test func cohorte() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree)
        #expect(banc.titre == "fen-2023")
        Instantanes.verifier(banc.ecran, "cohorte")
    }

    @Test func cohorteTriee() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree)
        banc.ecrire("s")
        #expect(banc.message == "Trié par heures.")
        Instantanes.verifier(banc.ecran, "cohorte-triee")
    }

    @Test func cohorteFiltree() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree)
        banc.ecrire("/melanie\n")
        Instantanes.verifier(banc.ecran, "cohorte-filtree")
    }

    @Test func apprenantAptic() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree, .entree)
        Instantanes.verifier(banc.ecran, "apprenant-aptic")
    }

    @Test func apprenantPix() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree, .entree, .tabulation)
        Instantanes.verifier(banc.ecran, "apprenant-pix")
    }

    @Test func apprenantPreuves() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree, .entree, .tabulation, .tabulation)
        Instantanes.verifier(banc.ecran, "apprenant-preuves")
    }

    @Test func apprenantPreuveProposee() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree, .entree)
        banc.ecrire("a")
        Instantanes.verifier(banc.ecran, "apprenant-preuve-proposee")
    }

    @Test func seances() throws {
        let banc = try Banc()
        banc.ecrire("a")
        #expect(banc.titre.hasPrefix("Séances"))
        Instantanes.verifier(banc.ecran, "seances")
    }

    @Test func appel() throws {
        let banc = try Banc()
        banc.ecrire("a")
        banc.taper(.entree)
        Instantanes.verifier(banc.ecran, "appel-avant")
        banc.ecrire("pea")
        banc.ecrire("m90\n")
        banc.ecrire("e")
        Instantanes.verifier(banc.ecran, "appel-marque")
        banc.taper(.echap)
        Instantanes.verifier(banc.ecran, "appel-confirmation-sortie")
        banc.ecrire("s")
        Instantanes.verifier(banc.ecran, "appel-enregistre")
    }

    @Test func appelMinutes() throws {
        let banc = try Banc()
        banc.ecrire("a")
        banc.taper(.entree)
        banc.ecrire("m")
        banc.taper(.retourArriere, .retourArriere, .retourArriere)
        banc.ecrire("45")
        Instantanes.verifier(banc.ecran, "appel-minutes")
    }

    @Test func certification() throws {
        let banc = try Banc()
        banc.taper(.bas)
        banc.ecrire("c")
        #expect(banc.titre.hasPrefix("Certification"))
        Instantanes.verifier(banc.ecran, "certification")
    }

    @Test func badges() throws {
        let banc = try Banc()
        banc.taper(.bas)
        banc.ecrire("b")
        #expect(banc.titre.hasPrefix("Badges"))
        Instantanes.verifier(banc.ecran, "badges")
    }

    @Test func rapport() throws {
        let banc = try Banc()
        banc.ecrire("r")
        Instantanes.verifier(banc.ecran, "rapport")
        banc.ecrire("x")
        Instantanes.verifier(banc.ecran, "rapport-age")
    }

    @Test func baseVide() throws {
        let banc = try Banc(demo: false)
        Instantanes.verifier(banc.ecran, "base-vide")
    }
}
