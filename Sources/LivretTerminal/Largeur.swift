import CLargeur

/// Horizontal alignment of a text in a number of columns.
public enum Alignement: Sendable {
    case gauche, droite, centre
}

/// Width of text in terminal columns, measured per grapheme, in one place.
///
/// A grapheme takes the width of its first scalar according to the C library's `wcwidth`
/// (in a UTF-8 locale), except that emoji presentation (or a VS16 selector) makes it 2 columns
/// and that control characters, format characters and lone combining marks take none.
/// "é" and "e\u{301}" are 1 column, "日" and "😀" are 2.
public enum Largeur {
    /// Puts the C library in a UTF-8 locale for `wcwidth` (LC_CTYPE only). Idempotent and
    /// thread-safe; every measure calls it, so calling it up front is optional.
    public static func initialiser() {
        _ = localeUTF8
    }

    /// Columns taken by one grapheme: 0, 1 or 2.
    public static func colonnes(_ c: Character) -> Int {
        if let ascii = c.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        let scalaires = c.unicodeScalars
        guard let premier = scalaires.first else { return 0 }
        return colonnes(premier, selecteurEmoji: scalaires.contains("\u{FE0F}"))
    }

    /// Columns taken by a text: the sum over its graphemes.
    public static func colonnes(_ s: String) -> Int {
        var total = 0
        for c in s { total += colonnes(c) }
        return total
    }

    /// The text cut to at most `colonnes` columns, ending with `suspension` when something was
    /// removed. The suspension is left out when even it does not fit.
    public static func tronquer(_ s: String, colonnes maximum: Int, suspension: String = "…") -> String {
        guard maximum > 0 else { return "" }
        if colonnes(s) <= maximum { return s }
        let largeurSuspension = colonnes(suspension)
        let budget = largeurSuspension <= maximum ? maximum - largeurSuspension : maximum
        var resultat = ""
        var utilise = 0
        for c in s {
            let l = colonnes(c)
            if utilise + l > budget { break }
            resultat.append(c)
            utilise += l
        }
        return largeurSuspension <= maximum ? resultat + suspension : resultat
    }

    /// The text truncated (with "…") or padded with spaces to exactly `colonnes` columns.
    /// A wide character that would straddle the limit is dropped and replaced by padding.
    public static func completer(_ s: String, colonnes nombre: Int, alignement: Alignement = .gauche) -> String {
        guard nombre > 0 else { return "" }
        let coupe = tronquer(s, colonnes: nombre)
        let manque = max(0, nombre - colonnes(coupe))
        switch alignement {
        case .gauche:
            return coupe + String(repeating: " ", count: manque)
        case .droite:
            return String(repeating: " ", count: manque) + coupe
        case .centre:
            let avant = manque / 2
            return String(repeating: " ", count: avant) + coupe + String(repeating: " ", count: manque - avant)
        }
    }

    // MARK: - Scalars

    /// Global constants are initialised once, lazily and thread-safely by the runtime.
    private static let localeUTF8: Void = livret_locale_utf8()

    private static func colonnes(_ premier: Unicode.Scalar, selecteurEmoji: Bool) -> Int {
        initialiser()
        let proprietes = premier.properties
        switch proprietes.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator, .surrogate:
            return 0
        default:
            break
        }
        if proprietes.isEmojiPresentation || selecteurEmoji { return 2 }
        let l = Int(livret_wcwidth(premier.value))
        if l >= 0 { return min(l, 2) }
        // wcwidth knows nothing of this scalar (unassigned, private use, or no UTF-8 locale):
        // fall back on the main wide ranges, else one column.
        return estLarge(premier.value) ? 2 : 1
    }

    private static func estLarge(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
