import LivretTerminal

/// A one-line text field: typed characters, backspace, and nothing else. Used for the
/// filter of lists and the minutes of an attendance line.
public struct ChampTexte: Sendable, Equatable {
    public var texte: String
    /// Only digits are accepted (minutes).
    public var chiffresSeulement: Bool
    public var longueurMax: Int
    /// The text was filled in for the formateur (the current minutes): like a selected text,
    /// the first character typed replaces it and backspace clears it.
    public var preRempli: Bool

    public init(_ texte: String = "", chiffresSeulement: Bool = false, longueurMax: Int = 40, preRempli: Bool = false) {
        self.texte = texte
        self.chiffresSeulement = chiffresSeulement
        self.longueurMax = longueurMax
        self.preRempli = preRempli
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func appliquer(_ touche: Touche) -> Bool {
        switch touche {
        case .caractere(let c):
            if chiffresSeulement && !c.isNumber { return true }
            if preRempli { texte = ""; preRempli = false }
            if texte.count < longueurMax && !c.isNewline { texte.append(c) }
            return true
        case .retourArriere:
            if preRempli { texte = ""; preRempli = false }
            if !texte.isEmpty { texte.removeLast() }
            return true
        default:
            return false
        }
    }
}
