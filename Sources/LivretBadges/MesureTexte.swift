import Foundation

/// Text widths in the badge image's font (Arial, or Helvetica whose widths it shares), so that
/// lines are wrapped to a width in pixels rather than to a number of characters.
///
/// The widths are the fonts' advance widths in thousandths of an em (Adobe's Helvetica and
/// Helvetica-Bold metrics). Accented letters take the width of their base letter; a character
/// the tables do not know counts as 0.75 em (1 em for wide ones), wider than most letters, so an
/// estimate errs on the side of a shorter line.
enum MesureTexte {
    /// The width of `texte` in pixels at `taille` px, bold or regular.
    static func largeur(_ texte: String, taille: Double, gras: Bool) -> Double {
        var milliemes = 0
        for caractere in texte { milliemes += largeur(caractere, gras: gras) }
        return Double(milliemes) * taille / 1000
    }

    /// The advance width of one character, in thousandths of an em.
    static func largeur(_ caractere: Character, gras: Bool) -> Int {
        guard let scalaire = caractere.unicodeScalars.first else { return 0 }
        if let connue = largeurConnue(scalaire, gras: gras) { return connue }
        // "é" → "e", "Ç" → "C": the base letter of a decomposed character.
        if let base = String(caractere).decomposedStringWithCanonicalMapping.unicodeScalars.first,
           base != scalaire, let connue = largeurConnue(base, gras: gras) {
            return connue
        }
        let proprietes = scalaire.properties
        if proprietes.isEmojiPresentation || (0x2E80...0xFFEF).contains(scalaire.value) { return 1000 }
        return 750
    }

    private static func largeurConnue(_ scalaire: Unicode.Scalar, gras: Bool) -> Int? {
        let v = scalaire.value
        if (32...126).contains(v) {
            return (gras ? ascenseGras : ascenseNormal)[Int(v) - 32]
        }
        switch v {
        case 0xA0: return 278  // no-break space
        case 0x202F, 0x2009: return 200  // narrow no-break space, thin space
        case 0xAB, 0xBB: return 556  // « »
        case 0xB7: return 278  // ·
        case 0xB0: return 400  // °
        case 0x2018, 0x2019: return gras ? 278 : 222  // ‘ ’
        case 0x201C, 0x201D: return gras ? 500 : 333  // “ ”
        case 0x2013: return 556  // –
        case 0x2014, 0x2026: return 1000  // — …
        case 0x153: return 944  // œ
        case 0x152, 0xC6: return 1000  // Œ Æ
        case 0xE6: return 889  // æ
        case 0xDF: return 611  // ß
        case 0x20AC: return 556  // €
        default: return nil
        }
    }

    /// Helvetica-Bold, characters 32 (space) to 126 (~).
    private static let ascenseGras: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]

    /// Helvetica, characters 32 (space) to 126 (~).
    private static let ascenseNormal: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]
}
