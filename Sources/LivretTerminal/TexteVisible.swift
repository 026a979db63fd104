/// Text on its way to a terminal shows every character it holds and steers nothing: an escape
/// sequence in a name can neither clear the screen, retitle the window nor forge a table row.
/// The one rule for the terminal UI's buffer and for everything the command line prints.
public enum TexteVisible {
    /// The visible stand-in of a character a terminal would obey instead of showing: a C0 control
    /// becomes its Unicode control picture (« ␛ » for Échap, « ␍ » for a carriage return), DEL
    /// becomes « ␡ », a C1 control or an invisible direction override becomes « � ». Nil for any
    /// other character (line feed and tab included: callers decide about them).
    public static func substitut(_ scalaire: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalaire.value {
        case 0x0A, 0x09: nil
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalaire.value)
        case 0x7F: "\u{2421}"
        case 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: "\u{FFFD}"
        default: nil
        }
    }

    /// Text of several lines (messages, reports): line feeds and tabs kept, and a carriage return
    /// just before a line feed (CSV's line ends); every other control shown.
    public static func lignes(_ texte: String) -> String {
        guard texte.unicodeScalars.contains(where: { substitut($0) != nil && $0 != "\r" }) || texte.contains("\r") else { return texte }
        var resultat = String.UnicodeScalarView()
        let scalaires = Array(texte.unicodeScalars)
        for (indice, scalaire) in scalaires.enumerated() {
            if scalaire == "\r", indice + 1 < scalaires.count, scalaires[indice + 1] == "\n" {
                resultat.append(scalaire)
            } else {
                resultat.append(substitut(scalaire) ?? scalaire)
            }
        }
        return String(resultat)
    }

    /// One line or one table cell: a line feed shows as « ␊ » and a tab as a space, so that a value
    /// can never start a row of its own.
    public static func cellule(_ texte: String) -> String {
        var resultat = String.UnicodeScalarView()
        for scalaire in texte.unicodeScalars {
            switch scalaire {
            case "\n": resultat.append("\u{240A}")
            case "\t": resultat.append(" ")
            default: resultat.append(substitut(scalaire) ?? scalaire)
            }
        }
        return String(resultat)
    }
}
