import LivretTerminal
import Testing

@Suite("Tampon de cellules")
struct TamponTests {
    func tampon(_ l: Int, _ h: Int) -> Tampon { Tampon(taille: Taille(largeur: l, hauteur: h)) }

    @Test("Écrire des accents, un caractère large et une séquence combinante")
    func ecrire() {
        var t = tampon(12, 2)
        #expect(t.ecrire("Séance", x: 0, y: 0) == 6)
        #expect(t.ecrire("日e\u{301}", x: 7, y: 0, style: .gras) == 3)
        #expect(grille(t) == """
            Séance 日é  |
                        |
            """)
        #expect(t[7, 0] == Cellule(symbole: "日", style: .gras))
        #expect(t[8, 0] == Cellule(symbole: "", style: .gras))
        #expect(t[9, 0].symbole == "e\u{301}")
    }

    @Test("Écrire est coupé au bord et à la largeur maximale ; un caractère large qui ne tient pas devient une espace")
    func coupure() {
        var t = tampon(6, 3)
        #expect(t.ecrire("à jour", x: 3, y: 0) == 3)
        #expect(t.ecrire("abc日", x: 0, y: 1, largeurMax: 4) == 4)
        #expect(t.ecrire("日本語", x: -1, y: 2) == 6)
        #expect(grille(t) == """
               à j|
            abc   |
             本語 |
            """)
        #expect(t.ecrire("x", x: 0, y: 3) == 0)
        #expect(t.ecrire("x", x: 0, y: -1) == 0)
    }

    @Test("Les caractères de contrôle ne sont pas écrits tels quels, les invisibles sont sautés")
    func controle() {
        var t = tampon(8, 1)
        t.ecrire("a\u{1B}[2Jb\tc\u{200B}d", x: 0, y: 0)
        #expect(grille(t) == "a␛[2Jb c|")
    }

    @Test("Écraser une moitié d’un caractère large efface l’autre")
    func moitie() {
        var t = tampon(6, 2)
        t.ecrire("日本語", x: 0, y: 0)
        t.ecrire("x", x: 1, y: 0)
        t.ecrire("y", x: 2, y: 0)
        #expect(t.lignes()[0] == " xy 語")
        t.ecrire("日本語", x: 0, y: 1)
        t.ecrire("😀", x: 1, y: 1)
        #expect(t.lignes()[1] == " 😀 語")
        #expect(t[3, 1] == Cellule(symbole: " "))
    }

    @Test("Segments à la suite, remplir et styler")
    func segments() {
        var t = tampon(10, 3)
        #expect(t.ecrire([Segment("Présent", style: .gras), Segment(" ✓")], x: 1, y: 0) == 9)
        t.remplir(Zone(x: 0, y: 1, largeur: 3, hauteur: 5), style: .inverse, symbole: "░")
        t.styler(Zone(x: 0, y: 0, largeur: 2, hauteur: 1)) { $0.souligne = true }
        #expect(grille(t) == """
             Présent ✓|
            ░░░       |
            ░░░       |
            """)
        #expect(t[1, 0].style == Style(gras: true, souligne: true))
        #expect(t[0, 0].style == .souligne)
        #expect(t[2, 2].style == .inverse)
        #expect(t[99, 99] == .vide)
        t[99, 99] = Cellule(symbole: "x")
        #expect(t[0, 2].symbole == "░")
        #expect(t.texte() == t.lignes().joined(separator: "\n"))
    }

    @Test("Styles : raccourcis, copie modifiée, superposition")
    func styles() {
        #expect(Style.gras == Style(gras: true))
        #expect(Style.normal.avec(avantPlan: .rouge, inverse: true) == Style(avantPlan: .rouge, inverse: true))
        let ligne = Style(avantPlan: .vert, gras: true)
        #expect(ligne.superpose(.inverse) == Style(avantPlan: .vert, gras: true, inverse: true))
        #expect(ligne.superpose(Style(avantPlan: .jaune)).avantPlan == .jaune)
    }
}
