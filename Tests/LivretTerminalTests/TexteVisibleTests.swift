import LivretTerminal
import Testing

/// What reaches a terminal shows every character and steers nothing (``TexteVisible``).
@Suite("Texte visible : aucun caractère de contrôle n'atteint le terminal")
struct TexteVisibleTests {
    static func controles(_ texte: String) -> Bool {
        texte.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("Chaque caractère de 0 à U+00A0 : les contrôles sont montrés, le reste est gardé")
    func tousLesOctets() {
        for valeur in UInt32(0)...0xA0 {
            let scalaire = Unicode.Scalar(valeur)!
            let lignes = TexteVisible.lignes("a" + String(scalaire) + "b")
            let cellule = TexteVisible.cellule("a" + String(scalaire) + "b")
            #expect(!Self.controles(lignes), "U+\(valeur)")
            #expect(!Self.controles(cellule) && !cellule.contains("\n"), "U+\(valeur)")
        }
        #expect(TexteVisible.lignes("\u{1B}]0;titre\u{07}\u{1B}[2J") == "␛]0;titre␇␛[2J")
        #expect(TexteVisible.lignes("un\ndeux\tfin") == "un\ndeux\tfin")
        #expect(TexteVisible.lignes("a;b\r\nc;d\r\n") == "a;b\r\nc;d\r\n", "les fins de ligne CSV restent")
        #expect(TexteVisible.lignes("secret\rfaux") == "secret␍faux", "un retour chariot seul ne réécrit pas la ligne")
        #expect(TexteVisible.cellule("un\ndeux") == "un␊deux")
        #expect(TexteVisible.lignes("\u{9B}31m\u{7F}\u{202E}") == "�31m␡�")
        #expect(TexteVisible.lignes("Hélène 李 😀") == "Hélène 李 😀")
    }
}
