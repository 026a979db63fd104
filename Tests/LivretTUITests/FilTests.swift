@testable import LivretTUI
import LivretTerminal
import Testing

/// The breadcrumb on a narrow terminal: the middle crumbs give way to « … », the current
/// screen stays; a cut never goes unmarked.
@Suite("Fil d'Ariane")
struct FilTests {
    let fil = ["Accueil", "fen-2023", "Séances de fen-2023", "Appel du 14/02/2024"]

    @Test("Entier quand il tient")
    func entier() {
        #expect(Habillage.filTexte(fil, largeur: 80) == " Accueil › fen-2023 › Séances de fen-2023 › Appel du 14/02/2024")
    }

    @Test("Les miettes du milieu cèdent la place à « … », la première et l'écran courant restent")
    func milieuElide() {
        #expect(Habillage.filTexte(fil, largeur: 60) == " Accueil › … › Séances de fen-2023 › Appel du 14/02/2024")
        #expect(Habillage.filTexte(fil, largeur: 40) == " Accueil › … › Appel du 14/02/2024")
    }

    @Test("Trop étroit même ainsi : l'écran courant seul, coupé avec « … »")
    func courantCoupe() {
        #expect(Habillage.filTexte(fil, largeur: 30) == " … › Appel du 14/02/2024")
        let coupe = Habillage.filTexte(fil, largeur: 16)
        #expect(coupe == " … › Appel du 1…")
        #expect(Largeur.colonnes(coupe) == 16)
        #expect(Habillage.filTexte(["Certification de une-cohorte-au-nom-tres-long"], largeur: 20) == " Certification de u…")
    }
}
