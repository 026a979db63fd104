import LivretTerminal
import LivretTestSupport
import Testing

@Suite("Décodeur des touches")
struct DecodeurEntreeTests {
    static let echantillons: [(String, [UInt8], [Touche])] = [
        ("flèches CSI", Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D".utf8), [.haut, .bas, .droite, .gauche]),
        ("flèches SS3", Array("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD\u{1B}OH\u{1B}OF".utf8), [.haut, .bas, .droite, .gauche, .debut, .fin]),
        ("F1 à F12", Array("\u{1B}OP\u{1B}OQ\u{1B}OR\u{1B}OS\u{1B}[15~\u{1B}[17~\u{1B}[18~\u{1B}[19~\u{1B}[20~\u{1B}[21~\u{1B}[23~\u{1B}[24~".utf8),
         (1...12).map { .fonction($0) }),
        ("F1 à F5 de la console Linux", Array("\u{1B}[[A\u{1B}[[E\u{1B}[11~".utf8), [.fonction(1), .fonction(5), .fonction(1)]),
        ("modificateurs ignorés", Array("\u{1B}[1;5C\u{1B}[1;2A\u{1B}[3;5~\u{1B}[1;5P\u{1B}[5;3~\u{1B}[1;6H".utf8),
         [.droite, .haut, .suppression, .fonction(1), .pageHaut, .debut]),
        ("touches d’édition", Array("\u{1B}[2~\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~\u{1B}[H\u{1B}[F\u{1B}[Z".utf8),
         [.insertion, .suppression, .pageHaut, .pageBas, .debut, .fin, .debut, .fin, .debut, .fin, .tabulationArriere]),
        ("UTF-8", Array("é€😀a".utf8), [.caractere("é"), .caractere("€"), .caractere("😀"), .caractere("a")]),
        ("Alt", Array("\u{1B}x\u{1B}é\u{1B}1".utf8), [.alt("x"), .alt("é"), .alt("1")]),
        ("contrôles", Array("\r\n\t\u{7F}\u{8}\u{1}\u{3}\u{1A}\u{0}\u{1F}".utf8),
         [.entree, .entree, .tabulation, .retourArriere, .retourArriere, .ctrl("a"), .ctrl("c"), .ctrl("z"), .ctrl(" "), .ctrl("_")]),
        ("collage", Array("\u{1B}[200~Séance\r\nà 😀\tq\u{1B}[A\u{1B}[201~q".utf8),
         "Séance".map { .caractere($0) } + [.entree, .caractere("à"), .caractere(" "), .caractere("😀"), .tabulation,
                                            .caractere("q"), .caractere("["), .caractere("A"), .caractere("q")]),
        ("mélange", Array("a\u{1B}[Aé\u{1B}\u{1B}[B\u{1B}\u{1B}".utf8) + [0x1B, 0x78], [.caractere("a"), .haut, .caractere("é"), .echap, .bas, .echap, .echap, .alt("x")]),
        ("inconnues", Array("\u{1B}[?1;2c\u{1B}[99~\u{1B}OZ\u{1B}\r".utf8) + [0xFF, 0x41, 0xC3, 0x41, 0xE2, 0x82, 0x28, 0xED, 0xA0, 0x80],
         [.inconnue(Array("\u{1B}[?1;2c".utf8)), .inconnue(Array("\u{1B}[99~".utf8)), .inconnue(Array("\u{1B}OZ".utf8)),
          .inconnue([0x1B, 0x0D]), .inconnue([0xFF]), .caractere("A"), .inconnue([0xC3]), .caractere("A"),
          .inconnue([0xE2, 0x82]), .caractere("("), .inconnue([0xED]), .inconnue([0xA0]), .inconnue([0x80])]),
    ]

    func decoder(_ morceaux: [[UInt8]]) -> (touches: [Touche], enAttente: Bool) {
        var d = DecodeurEntree()
        var touches: [Touche] = []
        for morceau in morceaux { touches += d.alimenter(morceau) }
        return (touches, d.enAttente)
    }

    @Test("Même résultat en un morceau, coupé à chaque position, et octet par octet",
          arguments: DecodeurEntreeTests.echantillons.indices)
    func decoupages(indice: Int) {
        let (nom, octets, attendu) = DecodeurEntreeTests.echantillons[indice]
        let entier = decoder([octets])
        #expect(entier.touches == attendu, "\(nom)")
        #expect(!entier.enAttente, "\(nom)")
        for coupe in 0...octets.count {
            let deux = decoder([Array(octets[..<coupe]), Array(octets[coupe...])])
            #expect(deux.touches == attendu, "\(nom), coupé à \(coupe)")
        }
        #expect(decoder(octets.map { [$0] }).touches == attendu, "\(nom), octet par octet")
    }

    @Test("Échap seul attend l’expiration, puis donne .echap")
    func echapSeul() {
        var d = DecodeurEntree()
        #expect(d.alimenter([0x1B]).isEmpty)
        #expect(d.enAttente)
        #expect(d.expirer() == [.echap])
        #expect(!d.enAttente)
        #expect(d.expirer().isEmpty)
    }

    @Test("Échap puis « [A » dans un second morceau avant l’expiration : flèche haut")
    func echapPuisSuite() {
        var d = DecodeurEntree()
        #expect(d.alimenter([0x1B]).isEmpty)
        #expect(d.alimenter(Array("[A".utf8)) == [.haut])
        #expect(!d.enAttente)
    }

    @Test("Séquences inachevées à l’expiration", arguments: [
        ("\u{1B}[", [Touche.alt("[")]), ("\u{1B}O", [.alt("O")]), ("\u{1B}[1;5", [.inconnue(Array("\u{1B}[1;5".utf8))]),
        ("\u{1B}[[", [.inconnue(Array("\u{1B}[[".utf8))]),
    ])
    func inachevees(texte: String, attendu: [Touche]) {
        var d = DecodeurEntree()
        #expect(d.alimenter(Array(texte.utf8)).isEmpty)
        #expect(d.expirer() == attendu)
        #expect(!d.enAttente)
    }

    @Test("UTF-8 inachevé à l’expiration : inconnu, puis le décodeur repart")
    func utf8Inacheve() {
        var d = DecodeurEntree()
        #expect(d.alimenter([0xF0, 0x9F, 0x98]).isEmpty)
        #expect(d.expirer() == [.inconnue([0xF0, 0x9F, 0x98])])
        #expect(d.alimenter(Array("é".utf8)) == [.caractere("é")])
        #expect(d.alimenter([0x1B, 0xC3]).isEmpty)
        #expect(d.expirer() == [.echap, .inconnue([0xC3])])
    }

    @Test("Une séquence CSI sans fin est abandonnée au lieu de tout bloquer")
    func csiSansFin() {
        var d = DecodeurEntree()
        let touches = d.alimenter(Array("\u{1B}[".utf8) + Array(repeating: UInt8(ascii: "1"), count: 100) + Array("x".utf8))
        #expect(touches.first.map { if case .inconnue = $0 { true } else { false } } == true)
        #expect(touches.last == .caractere("x"))
        #expect(!d.enAttente)
    }

    @Test("Un collage jamais terminé prend fin après un silence prolongé")
    func collageInacheve() {
        var d = DecodeurEntree()
        #expect(d.alimenter(Array("\u{1B}[200~ab".utf8)) == [.caractere("a"), .caractere("b")])
        #expect(d.enAttente)
        for _ in 0..<19 { #expect(d.expirer().isEmpty) }
        #expect(d.enAttente)
        #expect(d.expirer().isEmpty)
        #expect(!d.enAttente)
        #expect(d.alimenter(Array("\u{1B}[A".utf8)) == [.haut])
    }

    @Test("Octets aléatoires : jamais de plantage, toujours une fin, rien ne reste après expiration")
    func fuzz() {
        var g = Fixe.generateur(graine: 7)
        let frequents: [UInt8] = [0x1B, 0x1B, UInt8(ascii: "["), UInt8(ascii: "O"), UInt8(ascii: "1"), UInt8(ascii: "2"),
                                  UInt8(ascii: "0"), UInt8(ascii: ";"), UInt8(ascii: "~"), UInt8(ascii: "A"), 0xC3, 0xA9, 0xF0, 0x9F, 0x80, 0x0D]
        for _ in 0..<10_000 {
            let longueur = Int.random(in: 0..<40, using: &g)
            let octets: [UInt8] = (0..<longueur).map { _ in
                Bool.random(using: &g) ? frequents.randomElement(using: &g)! : UInt8.random(in: 0...255, using: &g)
            }
            var d = DecodeurEntree()
            var i = 0
            var touches: [Touche] = []
            while i < octets.count {
                let n = Int.random(in: 1...8, using: &g)
                touches += d.alimenter(Array(octets[i..<min(octets.count, i + n)]))
                i += n
                if Int.random(in: 0..<4, using: &g) == 0 { touches += d.expirer() }
            }
            for _ in 0...DecodeurEntree.expirationsMaxCollage { touches += d.expirer() }
            #expect(!d.enAttente)
            #expect(touches.count <= octets.count)
        }
    }
}
