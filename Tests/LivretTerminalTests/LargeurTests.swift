import LivretTerminal
import Testing

@Suite("Largeur des caractères")
struct LargeurTests {
    @Test("Une colonne par graphème, deux pour les caractères larges, zéro pour l’invisible", arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("€", 1), ("─", 1), ("█", 1),
        ("日", 2), ("😀", 2), ("❤\u{FE0F}", 2), ("👩\u{200D}💻", 2), ("🇫🇷", 2), ("가", 2),
        ("\u{200B}", 0), ("\u{7}", 0), ("\u{1B}", 0), ("\t", 0), ("\u{301}", 0), ("\r\n", 0), ("\u{85}", 0),
    ] as [(String, Int)])
    func graphemes(texte: String, colonnes: Int) {
        #expect(texte.count == 1)
        #expect(Largeur.colonnes(Character(texte)) == colonnes)
    }

    @Test("La largeur d’un texte est la somme de ses graphèmes")
    func textes() {
        #expect(Largeur.colonnes("Séance") == 6)
        #expect(Largeur.colonnes("Pre\u{301}sent") == 7)
        #expect(Largeur.colonnes("日本 à jour 😀") == 4 + 7 + 2 + 1)
        #expect(Largeur.colonnes("") == 0)
    }

    @Test("Initialiser plusieurs fois, depuis plusieurs tâches, ne change rien")
    func initialisation() async {
        await withTaskGroup(of: Int.self) { groupe in
            for _ in 0..<8 {
                groupe.addTask {
                    Largeur.initialiser()
                    return Largeur.colonnes("日é")
                }
            }
            for await l in groupe { #expect(l == 3) }
        }
    }

    @Test("Tronquer avec points de suspension")
    func tronquer() {
        #expect(Largeur.tronquer("Présentiel", colonnes: 6) == "Prése…")
        #expect(Largeur.tronquer("Présent", colonnes: 7) == "Présent")
        #expect(Largeur.tronquer("日本語", colonnes: 4) == "日…")
        #expect(Largeur.tronquer("日本語", colonnes: 5) == "日本…")
        #expect(Largeur.tronquer("abcdef", colonnes: 1) == "…")
        #expect(Largeur.tronquer("abcdef", colonnes: 0) == "")
        #expect(Largeur.tronquer("abcdef", colonnes: 4, suspension: "...") == "a...")
        #expect(Largeur.tronquer("abcdef", colonnes: 2, suspension: "...") == "ab")
        #expect(Largeur.tronquer("e\u{301}e\u{301}e\u{301}", colonnes: 2) == "e\u{301}…")
    }

    @Test("Compléter à une largeur exacte, dans les trois alignements")
    func completer() {
        #expect(Largeur.completer("à jour", colonnes: 8) == "à jour  ")
        #expect(Largeur.completer("à jour", colonnes: 8, alignement: .droite) == "  à jour")
        #expect(Largeur.completer("ab", colonnes: 5, alignement: .centre) == " ab  ")
        #expect(Largeur.completer("Présentiel", colonnes: 6) == "Prése…")
        #expect(Largeur.completer("日本語", colonnes: 4) == "日… ")
        #expect(Largeur.completer("x", colonnes: 0) == "")
        for n in 0..<12 {
            #expect(Largeur.colonnes(Largeur.completer("日本 e\u{301}t 😀", colonnes: n)) == n)
        }
    }
}
