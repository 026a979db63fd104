import LivretTerminal

/// A one-line text field: typed characters, backspace, and nothing else. Used for the
/// filter of lists and the minutes of an attendance line.
public struct ChampTexte: Sendable, Equatable {
    public var texte: String
    /// Only digits are accepted (minutes).
    public var chiffresSeulement: Bool
    public var longueurMax: Int

    public init(_ texte: String = "", chiffresSeulement: Bool = false, longueurMax: Int = 40) {
        self.texte = texte
        self.chiffresSeulement = chiffresSeulement
        self.longueurMax = longueurMax
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func appliquer(_ touche: Touche) -> Bool {
        switch touche {
        case .caractere(let c):
            if chiffresSeulement && !c.isNumber { return true }
            if texte.count < longueurMax && !c.isNewline { texte.append(c) }
            return true
        case .retourArriere:
            if !texte.isEmpty { texte.removeLast() }
            return true
        default:
            return false
        }
    }
}
