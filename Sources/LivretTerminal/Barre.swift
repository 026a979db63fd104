/// A progress bar on the first row of the zone: `█` for the done part, an eighth block
/// (`▏▎▍▌▋▊▉`) for the fractional cell, `░` for the rest, then an optional label. The glyphs
/// alone tell the proportion, so it reads the same without colours (NO_COLOR).
public struct Barre: Widget {
    /// Proportion done, clamped to 0…1 (NaN counts as 0).
    public var valeur: Double
    /// Style of the bar.
    public var style: Style
    /// Text drawn after the bar, one space apart (e.g. "45 %").
    public var libelle: String?
    /// Style of the label.
    public var styleLibelle: Style

    /// A bar.
    public init(valeur: Double, style: Style = .normal, libelle: String? = nil, styleLibelle: Style = .normal) {
        self.valeur = valeur
        self.style = style
        self.libelle = libelle
        self.styleLibelle = styleLibelle
    }

    static let huitiemes: [String] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar's glyphs for `colonnes` columns.
    public static func symboles(valeur: Double, colonnes: Int) -> String {
        guard colonnes > 0 else { return "" }
        let v = valeur.isNaN ? 0 : min(1, max(0, valeur))
        let total = Int((v * Double(colonnes * 8)).rounded())
        let pleines = total / 8
        let fraction = total % 8
        var texte = String(repeating: "█", count: pleines)
        if fraction > 0 { texte += huitiemes[fraction - 1] }
        texte += String(repeating: "░", count: colonnes - pleines - (fraction > 0 ? 1 : 0))
        return texte
    }

    /// Draws the bar, then the label if it leaves the bar at least one column.
    public func rendre(dans zone: Zone, tampon: inout Tampon) {
        guard !zone.estVide else { return }
        var colonnesBarre = zone.largeur
        if let libelle, !libelle.isEmpty {
            let l = Largeur.colonnes(libelle)
            if l + 2 <= zone.largeur {
                colonnesBarre = zone.largeur - l - 1
                tampon.ecrire(" " + libelle, x: zone.x + colonnesBarre, y: zone.y, style: styleLibelle)
            }
        }
        tampon.ecrire(Barre.symboles(valeur: valeur, colonnes: colonnesBarre), x: zone.x, y: zone.y, style: style)
    }
}
