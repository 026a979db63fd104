/// A box drawn with `┌─┐│└┘` around a zone, with an optional title in the top border:
/// `┌ Titre ───┐`. Draw it first, then the content in `interieur(zone)`.
public struct Cadre: Widget {
    /// Title shown in the top border (truncated with "…" if needed).
    public var titre: String?
    /// Style of the border.
    public var style: Style
    /// Style of the title; the border's, in bold, by default.
    public var styleTitre: Style?

    /// A box.
    public init(titre: String? = nil, style: Style = .normal, styleTitre: Style? = nil) {
        self.titre = titre
        self.style = style
        self.styleTitre = styleTitre
    }

    /// The zone inside the border.
    public func interieur(_ zone: Zone) -> Zone {
        zone.interieur(marge: 1)
    }

    /// Draws the border on the edges of the zone (nothing if smaller than 2×2); the inside is
    /// left as it is.
    public func rendre(dans zone: Zone, tampon: inout Tampon) {
        guard zone.largeur >= 2 && zone.hauteur >= 2 else { return }
        let horizontal = String(repeating: "─", count: zone.largeur - 2)
        tampon.ecrire("┌" + horizontal + "┐", x: zone.x, y: zone.y, style: style)
        for y in zone.y + 1 ..< zone.bas - 1 {
            tampon.ecrire("│", x: zone.x, y: y, style: style)
            tampon.ecrire("│", x: zone.droite - 1, y: y, style: style)
        }
        tampon.ecrire("└" + horizontal + "┘", x: zone.x, y: zone.bas - 1, style: style)
        if let titre, !titre.isEmpty, zone.largeur >= 5 {
            let texte = Largeur.tronquer(titre, colonnes: zone.largeur - 4)
            tampon.ecrire(" " + texte + " ", x: zone.x + 1, y: zone.y,
                          style: styleTitre ?? style.avec(gras: true), largeurMax: zone.largeur - 2)
        }
    }
}
