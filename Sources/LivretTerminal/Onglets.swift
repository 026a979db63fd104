/// A row of tabs, ` Accueil │ Cohorte │ Séances `, the active one in `styleActif` (inverse
/// video by default, readable without colours). Truncated with "…" if the row is too narrow.
public struct Onglets: Widget {
    /// Tab titles.
    public var titres: [String]
    /// Index of the active tab.
    public var actif: Int
    /// Style of the active tab, padding included.
    public var styleActif: Style
    /// Style of the other tabs and of the separators.
    public var style: Style

    /// A row of tabs.
    public init(titres: [String], actif: Int, style: Style = .normal, styleActif: Style = .inverse) {
        self.titres = titres
        self.actif = actif
        self.style = style
        self.styleActif = styleActif
    }

    /// The row as segments.
    public var segments: [Segment] {
        var resultat: [Segment] = []
        for (i, titre) in titres.enumerated() {
            if i > 0 { resultat.append(Segment("│", style: style)) }
            resultat.append(Segment(" \(titre) ", style: i == actif ? styleActif : style))
        }
        return resultat
    }

    /// Draws the tabs on the first row of the zone.
    public func rendre(dans zone: Zone, tampon: inout Tampon) {
        guard !zone.estVide else { return }
        tampon.ecrire(segments.tronques(colonnes: zone.largeur), x: zone.x, y: zone.y, largeurMax: zone.largeur)
    }
}
