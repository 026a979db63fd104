/// Turns the bytes read from the terminal into keys, incrementally: bytes may arrive split
/// anywhere, an incomplete sequence waits for the next bytes.
///
/// A lone ESC cannot be told apart from the start of a sequence, so it stays pending
/// (`enAttente`) until more bytes come or the caller, after about 50 ms without input, calls
/// `expirer()`, which yields `.echap`. Handles UTF-8, CSI (`ESC [`) and SS3 (`ESC O`) keys with
/// or without modifiers (which are dropped: ctrl-right is `.droite`), Alt+key, and bracketed
/// paste (`ESC[200~ … ESC[201~`, given as the characters pasted, line breaks as `.entree`).
/// Never traps on any input and never gets stuck: unknown or invalid bytes become `.inconnue`.
public struct DecodeurEntree: Sendable {
    private var tampon: [UInt8] = []
    private var enCollage = false
    /// In a paste, a "\r" was just turned into `.entree`: a "\n" right after belongs to it.
    private var retourChariotColle = false
    /// `expirer()` calls in a row during a paste with nothing received; see `expirer`.
    private var expirationsEnCollage = 0

    /// A CSI longer than this without its final byte is given up as `.inconnue`.
    static let longueurMaxSequence = 32
    /// After this many `expirer()` calls in a row without input (about a second), an unfinished
    /// paste is considered over, so that keys work again.
    public static let expirationsMaxCollage = 20

    /// A decoder with nothing pending.
    public init() {}

    /// True when bytes are waiting for more (a lone ESC, half a UTF-8 character or sequence),
    /// or a paste is not finished: the caller should then call `expirer()` after a short wait
    /// without input.
    public var enAttente: Bool { !tampon.isEmpty || enCollage }

    /// Decodes what can be decoded with these bytes added; keeps an incomplete end for later.
    public mutating func alimenter(_ octets: [UInt8]) -> [Touche] {
        if !octets.isEmpty { expirationsEnCollage = 0 }
        tampon += octets
        return decoder(force: false)
    }

    /// No input came for a while: what is pending is complete as it is. A lone ESC is `.echap`,
    /// ESC with `[` or `O` is Alt with that character, anything else `.inconnue`.
    public mutating func expirer() -> [Touche] {
        if enCollage && tampon.isEmpty {
            expirationsEnCollage += 1
            if expirationsEnCollage >= DecodeurEntree.expirationsMaxCollage {
                enCollage = false
                retourChariotColle = false
                expirationsEnCollage = 0
            }
            return []
        }
        return decoder(force: true)
    }

    // MARK: - Decoding

    private enum Resultat {
        /// Keys for the first `consommes` bytes.
        case touches([Touche], consommes: Int)
        /// More bytes are needed.
        case incomplet
    }

    private mutating func decoder(force: Bool) -> [Touche] {
        var touches: [Touche] = []
        var debut = 0
        while debut < tampon.count {
            let reste = tampon[debut...]
            let resultat = enCollage ? decoderCollage(reste, force: force) : decoderTouche(reste, force: force)
            switch resultat {
            case .touches(let t, let consommes):
                touches += t
                debut += max(1, consommes)
            case .incomplet:
                tampon.removeFirst(debut)
                return touches
            }
        }
        tampon.removeAll(keepingCapacity: true)
        return touches
    }

    /// One key from the start of `octets` (not empty).
    private mutating func decoderTouche(_ octets: ArraySlice<UInt8>, force: Bool) -> Resultat {
        let i = octets.startIndex
        let octet = octets[i]
        switch octet {
        case 0x1B:
            return decoderEchappement(octets, force: force)
        case 0x0D, 0x0A:
            return .touches([.entree], consommes: 1)
        case 0x09:
            return .touches([.tabulation], consommes: 1)
        case 0x08, 0x7F:
            return .touches([.retourArriere], consommes: 1)
        case 0x00:
            return .touches([.ctrl(" ")], consommes: 1)
        case 0x01...0x1A:
            return .touches([.ctrl(Character(Unicode.Scalar(octet + 0x60)))], consommes: 1)
        case 0x1C...0x1F:
            return .touches([.ctrl(Character(Unicode.Scalar(octet + 0x40)))], consommes: 1)
        default:
            switch DecodeurEntree.utf8(octets, force: force) {
            case .caractere(let c, let n): return .touches([.caractere(c)], consommes: n)
            case .invalide(let n): return .touches([.inconnue(Array(octets.prefix(n)))], consommes: n)
            case .incomplet: return .incomplet
            }
        }
    }

    /// A sequence starting with ESC.
    private mutating func decoderEchappement(_ octets: ArraySlice<UInt8>, force: Bool) -> Resultat {
        let i = octets.startIndex
        guard octets.count >= 2 else { return force ? .touches([.echap], consommes: 1) : .incomplet }
        let second = octets[i + 1]
        switch second {
        case UInt8(ascii: "["):
            return decoderCSI(octets, force: force)
        case UInt8(ascii: "O"):
            guard octets.count >= 3 else { return force ? .touches([.alt("O")], consommes: 2) : .incomplet }
            let touche: Touche
            switch octets[i + 2] {
            case let final where Self.toucheFinale(final) != nil: touche = Self.toucheFinale(final)!
            case UInt8(ascii: "M"): touche = .entree
            case 0x20...0x7E: touche = .inconnue(Array(octets.prefix(3)))
            default:
                // Not SS3 after all: Alt-O, then the byte on its own.
                return .touches([.alt("O")], consommes: 2)
            }
            return .touches([touche], consommes: 3)
        case 0x1B:
            // Esc pressed twice, or Esc then a sequence: the first one stands alone.
            return .touches([.echap], consommes: 1)
        case 0x20...0x7E:
            return .touches([.alt(Character(Unicode.Scalar(second)))], consommes: 2)
        case 0x80...0xFF:
            switch DecodeurEntree.utf8(octets.dropFirst(), force: force) {
            case .caractere(let c, let n): return .touches([.alt(c)], consommes: n + 1)
            case .invalide: return .touches([.echap], consommes: 1)
            case .incomplet: return .incomplet
            }
        default:
            // ESC then a control byte (Alt-Backspace, Alt-Enter…).
            return .touches([.inconnue([0x1B, second])], consommes: 2)
        }
    }

    /// `ESC [` parameters (0x30–0x3F), intermediates (0x20–0x2F), final byte (0x40–0x7E).
    private mutating func decoderCSI(_ octets: ArraySlice<UInt8>, force: Bool) -> Resultat {
        let i = octets.startIndex
        // Linux console: ESC [ [ A … E for F1 … F5.
        if octets.count >= 3 && octets[i + 2] == UInt8(ascii: "[") {
            guard octets.count >= 4 else { return force ? .touches([.inconnue(Array(octets.prefix(3)))], consommes: 3) : .incomplet }
            let f = octets[i + 3]
            if f >= UInt8(ascii: "A") && f <= UInt8(ascii: "E") {
                return .touches([.fonction(Int(f - UInt8(ascii: "A")) + 1)], consommes: 4)
            }
            return .touches([.inconnue(Array(octets.prefix(3)))], consommes: 3)
        }
        let maximum = DecodeurEntree.longueurMaxSequence
        var j = i + 2
        while j < octets.endIndex && j - i < maximum && (0x20...0x3F).contains(octets[j]) {
            j += 1
        }
        let longueur = j - i
        if longueur >= maximum {
            return .touches([.inconnue(Array(octets.prefix(maximum)))], consommes: maximum)
        }
        guard j < octets.endIndex else {
            guard force else { return .incomplet }
            return longueur == 2 ? .touches([.alt("[")], consommes: 2)
                                 : .touches([.inconnue(Array(octets))], consommes: longueur)
        }
        let final = octets[j]
        guard (0x40...0x7E).contains(final) else {
            // A byte that cannot be in a CSI: what came before is unknown, the byte decoded alone.
            if longueur == 2 { return .touches([.alt("[")], consommes: 2) }
            return .touches([.inconnue(Array(octets[i..<j]))], consommes: longueur)
        }
        let sequence = Array(octets[i...j])
        let parametres = String(decoding: octets[(i + 2)..<j], as: UTF8.self)
        let nombres = parametres.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let premier = nombres.first.flatMap { $0 }
        let touche: Touche?
        switch final {
        case let lettre where Self.toucheFinale(lettre) != nil: touche = Self.toucheFinale(lettre)
        case UInt8(ascii: "Z"): touche = .tabulationArriere
        case UInt8(ascii: "~"):
            switch premier {
            case 1, 7: touche = .debut
            case 2: touche = .insertion
            case 3: touche = .suppression
            case 4, 8: touche = .fin
            case 5: touche = .pageHaut
            case 6: touche = .pageBas
            case 11, 12, 13, 14, 15: touche = .fonction(premier! - 10)
            case 17, 18, 19, 20, 21: touche = .fonction(premier! - 11)
            case 23, 24: touche = .fonction(premier! - 12)
            case 200:
                enCollage = true
                retourChariotColle = false
                return .touches([], consommes: sequence.count)
            case 201:
                return .touches([], consommes: sequence.count)
            default: touche = nil
            }
        default: touche = nil
        }
        // Parameters other than digits and ';' (private modes, mouse…) are not keys.
        let connus = parametres.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ";") }
        guard let touche, connus else { return .touches([.inconnue(sequence)], consommes: sequence.count) }
        return .touches([touche], consommes: sequence.count)
    }

    /// The key named by the final letter that CSI (`ESC [ … A`) and SS3 (`ESC O A`) sequences
    /// share: arrows, Début, Fin, F1–F4.
    static func toucheFinale(_ octet: UInt8) -> Touche? {
        switch octet {
        case UInt8(ascii: "A"): .haut
        case UInt8(ascii: "B"): .bas
        case UInt8(ascii: "C"): .droite
        case UInt8(ascii: "D"): .gauche
        case UInt8(ascii: "H"): .debut
        case UInt8(ascii: "F"): .fin
        case UInt8(ascii: "P"): .fonction(1)
        case UInt8(ascii: "Q"): .fonction(2)
        case UInt8(ascii: "R"): .fonction(3)
        case UInt8(ascii: "S"): .fonction(4)
        default: nil
        }
    }

    /// Inside a paste: characters as they come, until `ESC[201~`.
    private mutating func decoderCollage(_ octets: ArraySlice<UInt8>, force: Bool) -> Resultat {
        let fin: [UInt8] = Array("\u{1B}[201~".utf8)
        let octet = octets[octets.startIndex]
        let apresRetourChariot = retourChariotColle
        retourChariotColle = false
        switch octet {
        case 0x1B:
            if octets.starts(with: fin) {
                enCollage = false
                return .touches([], consommes: fin.count)
            }
            if fin.starts(with: octets) && !force {
                retourChariotColle = apresRetourChariot
                return .incomplet
            }
            return .touches([], consommes: 1)
        case 0x0D:
            retourChariotColle = true
            return .touches([.entree], consommes: 1)
        case 0x0A:
            return .touches(apresRetourChariot ? [] : [.entree], consommes: 1)
        case 0x09:
            return .touches([.tabulation], consommes: 1)
        case 0x00...0x1F, 0x7F:
            return .touches([], consommes: 1)
        default:
            switch DecodeurEntree.utf8(octets, force: force) {
            case .caractere(let c, let n): return .touches([.caractere(c)], consommes: n)
            case .invalide(let n): return .touches([.inconnue(Array(octets.prefix(n)))], consommes: n)
            case .incomplet:
                retourChariotColle = apresRetourChariot
                return .incomplet
            }
        }
    }

    // MARK: - UTF-8

    private enum UTF8Lu {
        case caractere(Character, Int)
        case invalide(Int)
        case incomplet
    }

    /// One UTF-8 scalar from the start of `octets` (not empty). Invalid bytes are given up one
    /// maximal invalid prefix at a time, so decoding always moves on.
    private static func utf8(_ octets: ArraySlice<UInt8>, force: Bool) -> UTF8Lu {
        let i = octets.startIndex
        let premier = octets[i]
        let longueur: Int
        var minimumSecond: UInt8 = 0x80
        var maximumSecond: UInt8 = 0xBF
        switch premier {
        case 0x00...0x7F:
            return .caractere(Character(Unicode.Scalar(premier)), 1)
        case 0xC2...0xDF: longueur = 2
        case 0xE0: longueur = 3; minimumSecond = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: longueur = 3
        case 0xED: longueur = 3; maximumSecond = 0x9F
        case 0xF0: longueur = 4; minimumSecond = 0x90
        case 0xF1...0xF3: longueur = 4
        case 0xF4: longueur = 4; maximumSecond = 0x8F
        default: return .invalide(1)
        }
        var valeur = UInt32(premier) & (longueur == 2 ? 0x1F : longueur == 3 ? 0x0F : 0x07)
        for k in 1..<longueur {
            guard i + k < octets.endIndex else { return force ? .invalide(k) : .incomplet }
            let suite = octets[i + k]
            let minimum = k == 1 ? minimumSecond : 0x80
            let maximum = k == 1 ? maximumSecond : 0xBF
            guard suite >= minimum && suite <= maximum else { return .invalide(k) }
            valeur = valeur << 6 | UInt32(suite & 0x3F)
        }
        guard let scalaire = Unicode.Scalar(valeur) else { return .invalide(longueur) }
        return .caractere(Character(scalaire), longueur)
    }
}
