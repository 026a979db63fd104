import LivretTerminal
import LivretTUI
import Testing

/// The screens of the formatrice's week (first run, people, forms, enrolment, positionnement,
/// corrections) drawn at 80×24 and at 60×20, compared with `Instantanes/` (re-record with
/// LIVRET_INSTANTANES=enregistrer). The 60×20 snapshots end in « -60x20 ».
@Suite("Écrans de la semaine, à 80×24 et 60×20")
struct EcransSemaineTests {
    static let tailles = [(Taille(largeur: 80, hauteur: 24), ""), (Taille(largeur: 60, hauteur: 20), "-60x20")]

    /// Draws the screen reached by `aller` on a fresh bench at both sizes.
    static func verifier(_ nom: String, demo: Bool = true, formateur: String? = Banc.formateur, _ aller: (Banc) throws -> Void,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (taille, suffixe) in tailles {
            let banc = try Banc(demo: demo, formateur: formateur, taille: taille)
            try aller(banc)
            Instantanes.verifier(banc.ecran, nom + suffixe, sourceLocation: sourceLocation)
        }
    }

    @Test func premierDemarrage() throws {
        try Self.verifier("premier-demarrage", demo: false) { banc in
            banc.taper(.entree)
            banc.ecrire("Espace numérique du Bocage\n")
        }
    }

    @Test func quiTravaille() throws {
        try Self.verifier("qui-travaille", formateur: nil) { banc in
            #expect(banc.titre == "Qui travaille ?")
        }
    }

    @Test func personnes() throws {
        try Self.verifier("personnes") { banc in
            banc.ecrire("p")
            banc.ecrire("/car")
        }
    }

    @Test func nouvellePersonne() throws {
        try Self.verifier("nouvelle-personne") { banc in
            banc.ecrire("pn")
            banc.ecrire("Awa\n\n\n1987\n2\n1\n1\no\n")
        }
    }

    @Test func nouvelleCohorte() throws {
        try Self.verifier("nouvelle-cohorte") { banc in
            banc.ecrire("n")
        }
    }

    @Test func inscription() throws {
        try Self.verifier("inscription") { banc in
            banc.taper(.entree)     // smartphone-2024
            banc.ecrire("i")
            banc.ecrire(" ")
        }
    }

    @Test func abandon() throws {
        try Self.verifier("statut-abandon") { banc in
            banc.taper(.bas, .entree)
            banc.ecrire("x")
        }
    }

    @Test func clotureDemandee() throws {
        try Self.verifier("cloture") { banc in
            banc.taper(.entree)
            banc.ecrire("k")
        }
    }

    @Test func positionnement() throws {
        try Self.verifier("positionnement-question") { banc in
            banc.taper(.bas, .entree, .entree)
            banc.ecrire("p")
            banc.taper(.bas)
        }
        try Self.verifier("positionnement-pix") { banc in
            banc.taper(.bas, .entree, .entree)
            banc.ecrire("p1232")
        }
        try Self.verifier("positionnement-resume") { banc in
            banc.taper(.bas, .entree, .entree)
            banc.ecrire("p1232")
            for _ in 0..<20 { banc.taper(.tabulation) }
            banc.taper(.entree)
        }
    }

    @Test func ficheAModifier() throws {
        try Self.verifier("fiche") { banc in
            banc.taper(.bas, .entree)
            banc.ecrire("m")
        }
    }

    @Test func choixDuCV() throws {
        try Self.verifier("cv-choix") { banc in
            banc.taper(.bas, .entree, .entree)
            banc.ecrire("v")
        }
    }

    @Test func preuveLueEnEntier() throws {
        try Self.verifier("preuve-lue") { banc in
            banc.taper(.bas, .entree, .entree)
            banc.ecrire("3")
            banc.taper(.entree)
        }
    }

    @Test func seanceASupprimer() throws {
        try Self.verifier("seance-supprimer") { banc in
            banc.taper(.entree)
            banc.ecrire("a")
            banc.taper(.suppression)
        }
    }

    @Test func importPix() throws {
        try Self.verifier("import-pix") { banc in
            banc.ecrire("i")
        }
    }

    @Test func aideDeLaCohorte() throws {
        try Self.verifier("aide-cohorte") { banc in
            banc.taper(.bas, .entree)
            banc.ecrire("?")
        }
    }

    @Test func correctionDuStatut() throws {
        try Self.verifier("statut-correction") { banc in
            banc.taper(.bas, .entree)       // fen-2023: everyone has a final status
            banc.ecrire("x")
            #expect(banc.titre.hasPrefix("Corriger le statut"))
        }
    }

    @Test func seanceDeRattrapage() throws {
        try Self.verifier("seance-rattrapage") { banc in
            banc.taper(.entree)
            banc.ecrire("a")
            banc.ecrire("R")
        }
    }
}
