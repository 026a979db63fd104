/// Selection and scroll position of a list or table shown `hauteur` rows at a time: the
/// selection stays within `0..<nombre` (0 when empty) and always visible.
public struct Defilement: Equatable, Sendable {
    /// Index of the selected item.
    public var selection: Int
    /// Index of the first visible item.
    public var decalage: Int

    /// A position.
    public init(selection: Int = 0, decalage: Int = 0) {
        self.selection = selection
        self.decalage = decalage
    }

    /// Moves the selection by `delta` items (±1 for arrows, ±hauteur for a page), clamped,
    /// then scrolls as little as possible to keep it visible.
    public mutating func deplacer(de delta: Int, nombre: Int, hauteur: Int) {
        let (cible, debordement) = selection.addingReportingOverflow(delta)
        aller(a: debordement ? (delta > 0 ? Int.max : Int.min) : cible, nombre: nombre, hauteur: hauteur)
    }

    /// Selects item `a` (clamped) and scrolls as little as possible to show it.
    public mutating func aller(a index: Int, nombre: Int, hauteur: Int) {
        selection = index
        ajuster(nombre: nombre, hauteur: hauteur)
    }

    /// Selects the first item.
    public mutating func debut(nombre: Int, hauteur: Int) {
        aller(a: 0, nombre: nombre, hauteur: hauteur)
    }

    /// Selects the last item.
    public mutating func fin(nombre: Int, hauteur: Int) {
        aller(a: nombre - 1, nombre: nombre, hauteur: hauteur)
    }

    /// Clamps the selection and the scroll after the number of items or the height changed.
    /// The scroll never leaves blank rows at the bottom while there are items above.
    public mutating func ajuster(nombre: Int, hauteur: Int) {
        guard nombre > 0 else { selection = 0; decalage = 0; return }
        let h = max(1, hauteur)
        selection = min(max(0, selection), nombre - 1)
        if selection < decalage { decalage = selection }
        if selection >= decalage + h { decalage = selection - h + 1 }
        decalage = min(max(0, decalage), max(0, nombre - h))
    }
}
