/// A key press, decoded from the terminal's bytes by `DecodeurEntree`.
public enum Touche: Equatable, Sendable {
    /// A printable character (typed or pasted).
    case caractere(Character)
    /// Enter, Esc, Tab, Shift-Tab, Backspace, Delete, Insert.
    case entree, echap, tabulation, tabulationArriere, retourArriere, suppression, insertion
    /// Arrows, Home, End, Page Up, Page Down (with or without modifiers).
    case haut, bas, gauche, droite, debut, fin, pageHaut, pageBas
    /// F1 to F12.
    case fonction(Int)
    /// Ctrl with a letter, as the lowercase letter (ctrl-a … ctrl-z); also " " for ctrl-space
    /// and "\\", "]", "^", "_". Not tab (ctrl-i), enter (ctrl-m, ctrl-j) or backspace (ctrl-h).
    case ctrl(Character)
    /// Alt (or Esc then, quickly, a key) with a printable character.
    case alt(Character)
    /// A sequence the decoder does not know (or invalid UTF-8), as received.
    case inconnue([UInt8])
}
