/// A column of a `Tableau`.
public struct ColonneTableau: Equatable, Sendable {
    /// Header text.
    public var titre: String
    /// Width, shared like a `Zone.colonnes` split (one space between columns).
    public var largeur: Contrainte
    /// Alignment of the header and the cells (`.droite` for numbers).
    public var alignement: Alignement

    /// A column.
    public init(titre: String, largeur: Contrainte, alignement: Alignement = .gauche) {
        self.titre = titre
        self.largeur = largeur
        self.alignement = alignement
    }
}

/// A table: a header row (bold and underlined), then `nombre` rows, virtualised like `Liste`
/// (`cellules(i)` is called only for the rows shown). Columns are one space apart, cells are
/// truncated with "…", the selected row is highlighted across the whole width.
public struct Tableau: Widget {
    /// The columns.
    public var colonnes: [ColonneTableau]
    /// Number of data rows.
    public var nombre: Int
    /// Index of the selected row, if any.
    public var selection: Int?
    /// Index of the first data row shown.
    public var decalage: Int
    /// The cells of row `i`, one list of segments per column.
    public var cellules: (Int) -> [[Segment]]
    /// Laid over the selected row.
    public var styleSelection: Style
    /// Style of the header row.
    public var styleEntete: Style

    /// A table. With a trailing closure: `Tableau(colonnes: c, nombre: n, selection: s, decalage: d) { i in … }`.
    public init(colonnes: [ColonneTableau], nombre: Int, selection: Int?, decalage: Int,
                cellules: @escaping (Int) -> [[Segment]], styleSelection: Style = .inverse,
                styleEntete: Style = Style(gras: true, souligne: true)) {
        self.colonnes = colonnes
        self.nombre = nombre
        self.selection = selection
        self.decalage = decalage
        self.cellules = cellules
        self.styleSelection = styleSelection
        self.styleEntete = styleEntete
    }

    /// Number of data rows shown in a zone of this height (the header takes one): the
    /// `hauteur` to give `Defilement`.
    public static func lignesVisibles(hauteur: Int) -> Int {
        max(0, hauteur - 1)
    }

    /// The zones of the columns on one row.
    public func zonesColonnes(_ rangee: Zone) -> [Zone] {
        guard !colonnes.isEmpty else { return [] }
        var contraintes: [Contrainte] = []
        for (i, colonne) in colonnes.enumerated() {
            if i > 0 { contraintes.append(.fixe(1)) }
            contraintes.append(colonne.largeur)
        }
        return rangee.colonnes(contraintes).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    }

    /// Draws the header and the visible rows.
    public func rendre(dans zone: Zone, tampon: inout Tampon) {
        guard !zone.estVide else { return }
        for (colonne, z) in zip(colonnes, zonesColonnes(zone.ligne(0))) where z.largeur > 0 {
            tampon.ecrire(Largeur.completer(colonne.titre, colonnes: z.largeur, alignement: colonne.alignement),
                          x: z.x, y: z.y, style: styleEntete, largeurMax: z.largeur)
        }
        let premier = max(0, decalage)
        for rang in 0 ..< zone.hauteur - 1 {
            let (i, debordement) = premier.addingReportingOverflow(rang)
            guard !debordement, i < nombre else { break }
            let rangee = zone.ligne(rang + 1)
            let valeurs = cellules(i)
            for (n, z) in zonesColonnes(rangee).enumerated() where z.largeur > 0 && n < valeurs.count {
                let segments = valeurs[n].tronques(colonnes: z.largeur)
                let manque = z.largeur - segments.colonnes
                let x: Int
                switch colonnes[n].alignement {
                case .gauche: x = z.x
                case .droite: x = z.x + manque
                case .centre: x = z.x + manque / 2
                }
                tampon.ecrire(segments, x: x, y: z.y, largeurMax: z.droite - x)
            }
            if i == selection {
                let style = styleSelection
                tampon.styler(rangee) { $0 = $0.superpose(style) }
            }
        }
    }
}
