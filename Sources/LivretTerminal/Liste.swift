/// A scrolling list of `nombre` rows, virtualised: `ligne(i)` is called only for the rows
/// shown (from `decalage`), so a list of a million items costs a screenful. The selected row
/// is highlighted across the whole width with `styleSelection` laid over its own styles.
/// Keep `selection` and `decalage` in a `Defilement`.
public struct Liste: Widget {
    /// Number of items.
    public var nombre: Int
    /// Index of the selected item, if any.
    public var selection: Int?
    /// Index of the first row shown.
    public var decalage: Int
    /// The text of row `i`, truncated with "…" to the width.
    public var ligne: (Int) -> [Segment]
    /// Laid over the selected row (inverse video by default, which survives NO_COLOR).
    public var styleSelection: Style

    /// A list. With a trailing closure: `Liste(nombre: n, selection: s, decalage: d) { i in … }`.
    public init(nombre: Int, selection: Int?, decalage: Int, ligne: @escaping (Int) -> [Segment],
                styleSelection: Style = .inverse) {
        self.nombre = nombre
        self.selection = selection
        self.decalage = decalage
        self.ligne = ligne
        self.styleSelection = styleSelection
    }

    /// Draws the visible rows.
    public func rendre(dans zone: Zone, tampon: inout Tampon) {
        guard !zone.estVide else { return }
        let premier = max(0, decalage)
        for rang in 0..<zone.hauteur {
            let (i, debordement) = premier.addingReportingOverflow(rang)
            guard !debordement, i < nombre else { break }
            tampon.ecrire(ligne(i).tronques(colonnes: zone.largeur), x: zone.x, y: zone.y + rang, largeurMax: zone.largeur)
            if i == selection {
                let style = styleSelection
                tampon.styler(zone.ligne(rang)) { $0 = $0.superpose(style) }
            }
        }
    }
}
