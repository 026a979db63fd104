/// A popup centred in the zone it is drawn in (help, confirmation): its area is cleared, a
/// `Cadre` with the title goes around, the lines sit inside with one column of margin.
/// Lines too long for the zone end with "…".
public struct Fenetre: Widget {
    /// Title in the border.
    public var titre: String
    /// Content lines.
    public var lignes: [[Segment]]
    /// Style of the border and of the cleared area.
    public var style: Style

    /// A popup.
    public init(titre: String, lignes: [[Segment]], style: Style = .normal) {
        self.titre = titre
        self.lignes = lignes
        self.style = style
    }

    /// The zone the popup takes when drawn in `dans`: just big enough for the title and the
    /// lines (border and margins included), centred, never larger than `dans`.
    public func zone(dans conteneur: Zone) -> Zone {
        let contenu = max(Largeur.colonnes(titre) + 2, lignes.map(\.colonnes).max() ?? 0)
        let largeur = min(conteneur.largeur, contenu + 4)
        let hauteur = min(conteneur.hauteur, lignes.count + 2)
        return Zone(x: conteneur.x + (conteneur.largeur - largeur) / 2,
                    y: conteneur.y + (conteneur.hauteur - hauteur) / 2,
                    largeur: largeur, hauteur: hauteur)
    }

    /// Clears the popup's zone and draws it.
    public func rendre(dans conteneur: Zone, tampon: inout Tampon) {
        let z = zone(dans: conteneur)
        guard !z.estVide else { return }
        tampon.remplir(z, style: style)
        let cadre = Cadre(titre: titre, style: style)
        cadre.rendre(dans: z, tampon: &tampon)
        Paragraphe(lignes: lignes).rendre(dans: cadre.interieur(z).interieur(horizontal: 1), tampon: &tampon)
    }
}
