import LivretCore
import Testing

@Suite("Accord en nombre")
struct AccordTests {
    @Test("0 et 1 au singulier, à partir de 2 au pluriel")
    func singulierEtPluriel() {
        #expect(Accord.nombre(0, "compétence") == "0 compétence")
        #expect(Accord.nombre(1, "séance") == "1 séance")
        #expect(Accord.nombre(2, "séance") == "2 séances")
        #expect(Accord.nombre(1, "instantané ajouté", "instantanés ajoutés") == "1 instantané ajouté")
        #expect(Accord.nombre(3, "instantané ajouté", "instantanés ajoutés") == "3 instantanés ajoutés")
    }

    @Test("Pluriels réguliers : s, x après au et eu, rien après s, x ou z")
    func plurielsReguliers() {
        #expect(Accord.nombre(4, "niveau") == "4 niveaux")
        #expect(Accord.nombre(2, "mois") == "2 mois")
        #expect(Accord.nombre(2, "prix") == "2 prix")
        #expect(Accord.nombre(2, "sous-thème") == "2 sous-thèmes")
        #expect(Accord.forme(1, "signé") == "signé")
        #expect(Accord.forme(2, "signé") == "signés")
        #expect(Accord.forme(0, "travail", "travaux") == "travail")
        #expect(Accord.forme(5, "travail", "travaux") == "travaux")
    }

    @Test("« de » devant un nom : élidé devant une voyelle, pas devant h")
    func elision() {
        #expect(Accord.de("Awa Traoré") == "d'Awa Traoré")
        #expect(Accord.de("Inès") == "d'Inès")
        #expect(Accord.de("Élodie") == "d'Élodie")
        #expect(Accord.de("Mehdi") == "de Mehdi")
        #expect(Accord.de("Hugo") == "de Hugo")
        #expect(Accord.de("") == "de ")
    }
}
