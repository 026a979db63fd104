/// The ANSI bytes that turn a screen showing one buffer into a screen showing another.
public enum Differentiel {
    /// Bytes taking the terminal from `ancien` to `nouveau`.
    ///
    /// Without `ancien`, or when its size differs, the screen is cleared (`ESC[2J`) and every
    /// non-blank cell drawn. Otherwise only the cells that changed are written, moving the cursor
    /// (`ESC[row;colH`) only when it is not already there and changing the style (`ESC[0;…m`)
    /// only when it differs from the last cell written. A wide character is written once (its
    /// continuation cell is skipped). Nothing at all when nothing changed; otherwise the
    /// sequence ends with `ESC[0m`.
    ///
    /// With `couleurs == false` (NO_COLOR) no colour code is emitted; bold, dim, underline and
    /// inverse are kept.
    public static func sequence(de ancien: Tampon?, vers nouveau: Tampon, couleurs: Bool) -> [UInt8] {
        var sortie: [UInt8] = []
        let reference: Tampon
        if let ancien, ancien.taille == nouveau.taille {
            if ancien == nouveau { return [] }
            reference = ancien
        } else {
            sortie += Array("\u{1B}[0m\u{1B}[2J".utf8)
            reference = Tampon(taille: nouveau.taille)
        }
        let largeur = nouveau.taille.largeur
        var curseur: (x: Int, y: Int)? = nil
        var styleCourant: Style? = nil
        for y in 0..<nouveau.taille.hauteur {
            for x in 0..<largeur {
                let cellule = nouveau[x, y]
                if cellule == reference[x, y] || cellule.symbole.isEmpty { continue }
                // One grapheme, never a control character, and a wide one only if its
                // continuation follows: whatever the buffer holds, the cursor stays where we think.
                var symbole = cellule.symbole.first.map(String.init) ?? " "
                var colonnes = Largeur.colonnes(cellule.symbole.first ?? " ")
                if colonnes == 0 || (colonnes == 2 && !(x + 1 < largeur && nouveau[x + 1, y].symbole.isEmpty)) {
                    symbole = " "
                    colonnes = 1
                }
                if curseur == nil || curseur! != (x, y) {
                    sortie += Array("\u{1B}[\(y + 1);\(x + 1)H".utf8)
                }
                if styleCourant != cellule.style {
                    sortie += sgr(cellule.style, couleurs: couleurs)
                    styleCourant = cellule.style
                }
                sortie += Array(symbole.utf8)
                // At the last column the cursor waits to wrap: its position is not to be trusted.
                curseur = x + colonnes < largeur ? (x + colonnes, y) : nil
            }
        }
        if styleCourant != nil { sortie += Array("\u{1B}[0m".utf8) }
        return sortie
    }

    /// `ESC[0;…m`: reset, then the attributes and colours of the style.
    static func sgr(_ style: Style, couleurs: Bool) -> [UInt8] {
        var codes = ["0"]
        if style.gras { codes.append("1") }
        if style.attenue { codes.append("2") }
        if style.souligne { codes.append("4") }
        if style.inverse { codes.append("7") }
        if couleurs {
            if let code = code(style.avantPlan, base: 30) { codes.append(code) }
            if let code = code(style.arrierePlan, base: 40) { codes.append(code) }
        }
        return Array("\u{1B}[\(codes.joined(separator: ";"))m".utf8)
    }

    private static func code(_ couleur: Couleur, base: Int) -> String? {
        switch couleur {
        case .defaut: return nil
        case .noir: return "\(base)"
        case .rouge: return "\(base + 1)"
        case .vert: return "\(base + 2)"
        case .jaune: return "\(base + 3)"
        case .bleu: return "\(base + 4)"
        case .magenta: return "\(base + 5)"
        case .cyan: return "\(base + 6)"
        case .blanc: return "\(base + 7)"
        case .gris: return "\(base + 60)"
        case .index(let n): return "\(base + 8);5;\(n)"
        }
    }
}
