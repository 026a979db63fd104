/// A column of a `Tableau`.
///
/// Its width is a range: `largeur` gives the least (`.fixe(n)`: exactly `n`; `.minimum(n)`: at
/// least `n`; `.reste`: at least 0; `.pourcentage(p)`: exactly `p` % of the row) and `maximum`
/// how far a `.minimum` or `.reste` column grows when there is room. A column too wide for the
/// row is hidden (by `priorite`) rather than cut in the middle of a number.
public struct ColonneTableau: Equatable, Sendable {
    /// Header text.
    public var titre: String
    /// A shorter header, shown instead of `titre` when the column is narrower than `titre`
    /// (nil: `titre` is cut, ending with « … »).
    public var titreCourt: String?
    /// The least width (see the type's description); columns are one space apart.
    public var largeur: Contrainte
    /// The widest a `.minimum` or `.reste` column grows (nil: no limit). Room that no column can
    /// take stays blank at the right of the row, so numbers stay next to the names.
    public var maximum: Int?
    /// 0: always shown. Higher: hidden first when the row is too narrow for every column's least
    /// width; columns of the same priority are hidden together (F, H and « Autres » go together).
    public var priorite: Int
    /// Never cut (numbers): when even the columns of priority 0 do not fit, such a column is left
    /// out rather than drawn in part. A column of text is cut, its cells ending with « … ».
    public var entiere: Bool
    /// Alignment of the header and the cells (`.droite` for numbers).
    public var alignement: Alignement

    /// A column.
    public init(titre: String, largeur: Contrainte, alignement: Alignement = .gauche, maximum: Int? = nil,
                priorite: Int = 0, titreCourt: String? = nil, entiere: Bool = false) {
        self.titre = titre
        self.titreCourt = titreCourt
        self.largeur = largeur
        self.maximum = maximum
        self.priorite = priorite
        self.entiere = entiere
        self.alignement = alignement
    }

    /// A column of text (names, titles): cut with « … » when short of room, it grows up to
    /// `maximum` columns, or up to its widest value when that is known and shorter, so that a
    /// wide terminal does not push the next columns far from the text.
    /// - Parameters:
    ///   - minimum: the least width worth showing (less when the widest value is shorter).
    ///   - contenu: the width of the widest value, if known.
    public static func texte(_ titre: String, minimum: Int, maximum: Int, contenu: Int? = nil, priorite: Int = 0) -> ColonneTableau {
        let plafond = max(0, min(maximum, contenu.map { max($0, Largeur.colonnes(titre)) } ?? maximum))
        return ColonneTableau(titre: titre, largeur: .minimum(min(max(0, minimum), plafond)), maximum: plafond, priorite: priorite)
    }

    /// A column of numbers, or of short values that must never be cut: as wide as its widest
    /// value or its header; with `titreCourt`, as narrow as that header when room is short.
    /// - Parameter contenu: the width of the widest value.
    public static func nombre(_ titre: String, contenu: Int, titreCourt: String? = nil, alignement: Alignement = .droite,
                              priorite: Int = 0) -> ColonneTableau {
        let complet = max(contenu, Largeur.colonnes(titre))
        let court = titreCourt.map { max(contenu, Largeur.colonnes($0)) } ?? complet
        return ColonneTableau(titre: titre, largeur: court < complet ? .minimum(court) : .fixe(complet), alignement: alignement,
                              maximum: complet, priorite: priorite, titreCourt: titreCourt, entiere: true)
    }

    /// The least and the largest width of the column in a row of `total` cells (no largest: nil).
    func bornes(total: Int) -> (minimum: Int, maximum: Int?) {
        switch largeur {
        case .fixe(let n): return (max(0, n), max(0, n))
        case .pourcentage(let p):
            let n = max(0, total) * max(0, min(100, p)) / 100
            return (n, n)
        case .minimum(let n): return (max(0, n), maximum.map { max($0, n, 0) })
        case .reste: return (0, maximum.map { max(0, $0) })
        }
    }

    /// The header shown in `colonnes` columns: `titre`, else `titreCourt` when it fits, else `titre` cut.
    func entete(colonnes: Int) -> String {
        if Largeur.colonnes(titre) <= colonnes { return titre }
        if let titreCourt, Largeur.colonnes(titreCourt) <= colonnes { return titreCourt }
        return titre
    }
}

/// A table: a header row (bold and underlined), then `nombre` rows, virtualised like `Liste`
/// (`cellules(i)` is called only for the rows shown). Columns are one space apart and as wide as
/// `largeurs(_:total:)` says (text columns share the room, numbers keep their width, columns of
/// lower importance are hidden on a narrow terminal); cells are truncated with "…", the selected
/// row is highlighted across the whole width.
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

    /// The width of each column in a row of `total` cells, 0 for a hidden column; columns are
    /// one space apart. First each column gets its least width; while that is too wide, the
    /// columns of the highest priority above 0 are hidden. The room left is shared evenly by the
    /// columns that can grow, each up to its `maximum`; what none can take stays blank at the
    /// right. When even the columns of priority 0 do not fit, the last ones give way: a column of
    /// text is cut, a column `entiere` (a number) is left out, never cut.
    public static func largeurs(_ colonnes: [ColonneTableau], total: Int) -> [Int] {
        let total = max(0, total)
        let bornes = colonnes.map { $0.bornes(total: total) }
        var visibles = Array(colonnes.indices)
        func besoin() -> Int { visibles.reduce(0) { $0 + bornes[$1].minimum } + max(0, visibles.count - 1) }
        while besoin() > total, let priorite = visibles.map({ colonnes[$0].priorite }).max(), priorite > 0 {
            visibles.removeAll { colonnes[$0].priorite == priorite }
        }
        var tailles = Array(repeating: 0, count: colonnes.count)
        for i in visibles { tailles[i] = bornes[i].minimum }
        var libre = total - besoin()
        if libre >= 0 {
            func peutGrandir(_ i: Int) -> Bool { bornes[i].maximum.map { tailles[i] < $0 } ?? true }
            var souples = visibles.filter { i in
                if case .fixe = colonnes[i].largeur { return false }
                if case .pourcentage = colonnes[i].largeur { return false }
                return peutGrandir(i)
            }
            while libre > 0 && !souples.isEmpty {
                let part = libre / souples.count, surplus = libre % souples.count
                var donne = 0
                for (rang, i) in souples.enumerated() {
                    var d = part + (rang < surplus ? 1 : 0)
                    if let m = bornes[i].maximum { d = min(d, m - tailles[i]) }
                    tailles[i] += d
                    donne += d
                }
                libre -= donne
                souples = souples.filter(peutGrandir)
                if donne == 0 { break }
            }
            return tailles
        }
        // Too narrow even for the columns always shown: the last ones give way.
        var restant = total
        var premier = true
        for i in visibles {
            let place = restant - (premier ? 0 : 1)
            guard place > 0, tailles[i] > 0 else { tailles[i] = 0; continue }
            if tailles[i] > place {
                guard !colonnes[i].entiere else { tailles[i] = 0; continue }
                tailles[i] = place
            }
            restant = place - tailles[i]
            premier = false
        }
        return tailles
    }

    /// The zones of the columns on one row (a hidden column has a zone of width 0).
    public func zonesColonnes(_ rangee: Zone) -> [Zone] {
        var x = rangee.x
        return Self.largeurs(colonnes, total: rangee.largeur).map { l in
            defer { if l > 0 { x += l + 1 } }
            return Zone(x: x, y: rangee.y, largeur: l, hauteur: rangee.hauteur)
        }
    }

    /// Draws the header and the visible rows.
    public func rendre(dans zone: Zone, tampon: inout Tampon) {
        guard !zone.estVide else { return }
        for (colonne, z) in zip(colonnes, zonesColonnes(zone.ligne(0))) where z.largeur > 0 {
            tampon.ecrire(Largeur.completer(colonne.entete(colonnes: z.largeur), colonnes: z.largeur, alignement: colonne.alignement),
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
