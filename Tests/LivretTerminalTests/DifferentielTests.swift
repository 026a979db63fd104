import LivretTerminal
import LivretTestSupport
import Testing

@Suite("Rendu différentiel")
struct DifferentielTests {
    let taille = Taille(largeur: 12, hauteur: 4)

    func texte(_ octets: [UInt8]) -> String { String(decoding: octets, as: UTF8.self) }

    func exemple() -> Tampon {
        var t = Tampon(taille: taille)
        t.ecrire("Séance 日本", x: 0, y: 0, style: .gras)
        t.ecrire("Présent", x: 2, y: 2, style: Style(avantPlan: .vert))
        return t
    }

    @Test("Rien n’a changé : aucun octet")
    func rien() {
        #expect(Differentiel.sequence(de: exemple(), vers: exemple(), couleurs: true).isEmpty)
    }

    @Test("Une cellule changée : un déplacement du curseur et ce caractère")
    func uneCellule() {
        var nouveau = exemple()
        nouveau.ecrire("x", x: 5, y: 3)
        #expect(texte(Differentiel.sequence(de: exemple(), vers: nouveau, couleurs: true))
                == "\u{1B}[4;6H\u{1B}[0mx\u{1B}[0m")
    }

    @Test("Cellules voisines : un seul déplacement ; le style n’est répété que s’il change")
    func voisines() {
        var nouveau = exemple()
        nouveau.ecrire("ab", x: 0, y: 3, style: .inverse)
        nouveau.ecrire("c", x: 2, y: 3, style: Style(avantPlan: .index(208), arrierePlan: .gris))
        #expect(texte(Differentiel.sequence(de: exemple(), vers: nouveau, couleurs: true))
                == "\u{1B}[4;1H\u{1B}[0;7mab\u{1B}[0;38;5;208;100mc\u{1B}[0m")
    }

    @Test("Un caractère large est écrit une fois, sa cellule de droite sautée")
    func large() {
        var nouveau = Tampon(taille: taille)
        nouveau.ecrire("日本x", x: 3, y: 1)
        #expect(texte(Differentiel.sequence(de: Tampon(taille: taille), vers: nouveau, couleurs: true))
                == "\u{1B}[2;4H\u{1B}[0m日本x\u{1B}[0m")
    }

    @Test("Sans tampon précédent ou à une autre taille : effacement et dessin complet")
    func complet() {
        let attendu = "\u{1B}[0m\u{1B}[2J"
        #expect(texte(Differentiel.sequence(de: nil, vers: exemple(), couleurs: true)).hasPrefix(attendu))
        let autre = Tampon(taille: Taille(largeur: 13, hauteur: 4))
        let octets = texte(Differentiel.sequence(de: autre, vers: exemple(), couleurs: true))
        #expect(octets.hasPrefix(attendu))
        #expect(octets.contains("Séance 日本") && octets.contains("Présent"))
        // A blank screen needs only the clearing.
        #expect(texte(Differentiel.sequence(de: nil, vers: Tampon(taille: taille), couleurs: true)) == attendu)
    }

    @Test("NO_COLOR : aucun code de couleur, les attributs restent")
    func sansCouleur() {
        var t = Tampon(taille: taille)
        t.ecrire("a", x: 0, y: 0, style: Style(avantPlan: .rouge, arrierePlan: .bleu, gras: true))
        t.ecrire("b", x: 1, y: 0, style: Style(avantPlan: .index(33), souligne: true, inverse: true))
        t.ecrire("c", x: 2, y: 0, style: Style(arrierePlan: .index(200), attenue: true))
        t.ecrire("d", x: 3, y: 0, style: Style(avantPlan: .gris))
        let avec = codesSGR(Differentiel.sequence(de: nil, vers: t, couleurs: true))
        let sans = codesSGR(Differentiel.sequence(de: nil, vers: t, couleurs: false))
        #expect(avec.contains(31) && avec.contains(44) && avec.contains(38) && avec.contains(48) && avec.contains(90))
        #expect(Set(sans).isSubset(of: [0, 1, 2, 4, 7]))
        #expect(Set(sans) == [0, 1, 2, 4, 7])
            }

    /// Every number in every `ESC[…m`.
    func codesSGR(_ octets: [UInt8]) -> [Int] {
        var codes: [Int] = []
        var i = 0
        while i + 1 < octets.count {
            guard octets[i] == 0x1B && octets[i + 1] == UInt8(ascii: "[") else { i += 1; continue }
            var j = i + 2
            while j < octets.count && !(0x40...0x7E).contains(octets[j]) { j += 1 }
            if j < octets.count && octets[j] == UInt8(ascii: "m") {
                codes += String(decoding: octets[(i + 2)..<j], as: UTF8.self).split(separator: ";").compactMap { Int($0) }
            }
            i = j + 1
        }
        return codes
    }

    /// A random buffer drawn the way widgets draw: text, wide characters, styles, fills.
    func tamponAleatoire(_ taille: Taille, _ g: inout GenerateurDeterministe) -> Tampon {
        let morceaux = ["a", "é", "e\u{301}", "日", "本語", "😀", "─", "█", " ", "xyz", "Présent", "\u{1}"]
        let couleurs: [Couleur] = [.defaut, .rouge, .vert, .gris, .index(208)]
        var t = Tampon(taille: taille)
        for _ in 0..<Int.random(in: 0...12, using: &g) {
            let style = Style(avantPlan: couleurs.randomElement(using: &g)!, arrierePlan: couleurs.randomElement(using: &g)!,
                              gras: Bool.random(using: &g), souligne: Bool.random(using: &g), inverse: Bool.random(using: &g))
            let x = Int.random(in: -2...taille.largeur, using: &g)
            let y = Int.random(in: 0..<taille.hauteur, using: &g)
            if Int.random(in: 0..<5, using: &g) == 0 {
                t.remplir(Zone(x: x, y: y, largeur: Int.random(in: 0...4, using: &g), hauteur: 2), style: style)
            } else {
                let texte = (0..<Int.random(in: 1...4, using: &g)).map { _ in morceaux.randomElement(using: &g)! }.joined()
                t.ecrire(texte, x: x, y: y, style: style)
            }
        }
        return t
    }

    @Test("Aller-retour : la différence appliquée à l’écran de l’ancien tampon donne le nouveau")
    func allerRetour() {
        var g = Fixe.generateur(graine: 2024)
        for essai in 0..<2000 {
            let taille = Taille(largeur: Int.random(in: 1...9, using: &g), hauteur: Int.random(in: 1...4, using: &g))
            let ancien = tamponAleatoire(taille, &g)
            var nouveau = Bool.random(using: &g) ? ancien : tamponAleatoire(taille, &g)
            for _ in 0..<Int.random(in: 0...3, using: &g) {
                nouveau.ecrire(["日", "x", "😀é", "ab"].randomElement(using: &g)!,
                               x: Int.random(in: 0..<taille.largeur, using: &g), y: Int.random(in: 0..<taille.hauteur, using: &g),
                               style: Bool.random(using: &g) ? .gras : .normal)
            }
            var terminal = TerminalVirtuel(montrant: ancien)
            terminal.appliquer(Differentiel.sequence(de: ancien, vers: nouveau, couleurs: true))
            #expect(terminal.ecran == nouveau, "essai \(essai)")
            if terminal.ecran != nouveau { return }

            // From an unknown screen (nil): clear and draw everything, bytes given one by one.
            var inconnu = TerminalVirtuel(montrant: tamponAleatoire(taille, &g))
            for octet in Differentiel.sequence(de: nil, vers: nouveau, couleurs: true) { inconnu.appliquer([octet]) }
            #expect(inconnu.ecran == nouveau, "essai \(essai), dessin complet")
            if inconnu.ecran != nouveau { return }
        }
    }

    @Test("L’écran n’envoie que les différences et redessine tout après invalider()")
    func ecran() {
        let sortie = SortieMemoire()
        let ecran = Ecran(sortie: sortie, couleurs: true, synchronise: false)
        var terminal = TerminalVirtuel(taille: taille)
        ecran.dessiner(exemple())
        terminal.appliquer(sortie.octets)
        #expect(terminal.ecran == exemple())
        let premier = ecran.octetsEcrits
        #expect(premier == sortie.octets.count)

        ecran.dessiner(exemple())
        #expect(ecran.octetsEcrits == premier)

        var suivant = exemple()
        suivant.ecrire("Absent ", x: 2, y: 2)
        sortie.octets = []
        ecran.dessiner(suivant)
        #expect(sortie.octets.count < 30)
        terminal.appliquer(sortie.octets)
        #expect(terminal.ecran == suivant)

        ecran.invalider()
        sortie.octets = []
        ecran.dessiner(suivant)
        #expect(texte(sortie.octets).hasPrefix("\u{1B}[0m\u{1B}[2J"))

        let synchronise = SortieMemoire()
        Ecran(sortie: synchronise, couleurs: false).dessiner(exemple())
        #expect(texte(synchronise.octets).hasPrefix("\u{1B}[?2026h") && texte(synchronise.octets).hasSuffix("\u{1B}[?2026l"))
    }

    @Test("Des cellules posées à la main (contrôle, plusieurs graphèmes, moitié orpheline) ne décalent pas le curseur")
    func cellulesBrutes() {
        var t = Tampon(taille: Taille(largeur: 6, hauteur: 1))
        t[0, 0] = Cellule(symbole: "\u{1B}")
        t[1, 0] = Cellule(symbole: "ab")
        t[2, 0] = Cellule(symbole: "日")
        t[3, 0] = Cellule(symbole: "z")
        t[5, 0] = Cellule(symbole: "😀")
        var terminal = TerminalVirtuel(taille: t.taille)
        terminal.appliquer(Differentiel.sequence(de: nil, vers: t, couleurs: true))
        #expect(terminal.ecran.lignes() == [" a z  "])
    }
}
