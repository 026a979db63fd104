/// Size of a terminal or of a buffer, in columns and rows.
public struct Taille: Equatable, Sendable {
    /// Number of columns.
    public var largeur: Int
    /// Number of rows.
    public var hauteur: Int

    /// A size; negative dimensions count as zero.
    public init(largeur: Int, hauteur: Int) {
        self.largeur = max(0, largeur)
        self.hauteur = max(0, hauteur)
    }
}

/// How much room one part of a split takes.
public enum Contrainte: Equatable, Sendable {
    /// Exactly this many cells (less if the total runs out).
    case fixe(Int)
    /// A share of what the fixed, percentage and minimum parts leave, split evenly.
    case reste
    /// This percentage of the total, rounded down.
    case pourcentage(Int)
    /// At least this many cells, then a share of the rest like `reste`.
    case minimum(Int)
}

/// A rectangle of cells: the area a widget draws into. Column `x`, row `y`, 0-based from the
/// top left corner.
public struct Zone: Equatable, Sendable {
    /// First column.
    public var x: Int
    /// First row.
    public var y: Int
    /// Number of columns.
    public var largeur: Int
    /// Number of rows.
    public var hauteur: Int

    /// A zone; negative dimensions count as zero.
    public init(x: Int, y: Int, largeur: Int, hauteur: Int) {
        self.x = x
        self.y = y
        self.largeur = max(0, largeur)
        self.hauteur = max(0, hauteur)
    }

    /// The whole of a terminal or buffer of this size.
    public init(_ taille: Taille) {
        self.init(x: 0, y: 0, largeur: taille.largeur, hauteur: taille.hauteur)
    }

    /// The row just below the zone (`y + hauteur`).
    public var bas: Int { y + hauteur }
    /// The column just right of the zone (`x + largeur`).
    public var droite: Int { x + largeur }
    /// True when the zone has no cell.
    public var estVide: Bool { largeur == 0 || hauteur == 0 }

    /// True when the cell (x, y) is inside the zone.
    public func contient(x: Int, y: Int) -> Bool {
        x >= self.x && x < droite && y >= self.y && y < bas
    }

    /// The zone shrunk by `marge` cells on every side; never negative.
    public func interieur(marge: Int = 1) -> Zone {
        let m = max(0, marge)
        let l = max(0, largeur - 2 * m)
        let h = max(0, hauteur - 2 * m)
        return Zone(x: x + min(m, largeur / 2), y: y + min(m, hauteur / 2), largeur: l, hauteur: h)
    }

    /// The zone shrunk horizontally only, by `marge` columns on each side.
    public func interieur(horizontal marge: Int) -> Zone {
        let m = max(0, marge)
        return Zone(x: x + min(m, largeur / 2), y: y, largeur: max(0, largeur - 2 * m), hauteur: hauteur)
    }

    /// The cells common to both zones (an empty zone if they do not meet).
    public func intersection(_ autre: Zone) -> Zone {
        let gauche = max(x, autre.x), haut = max(y, autre.y)
        let d = min(droite, autre.droite), b = min(bas, autre.bas)
        return Zone(x: gauche, y: haut, largeur: max(0, d - gauche), hauteur: max(0, b - haut))
    }

    /// The zone split into rows, top to bottom, one part per constraint. The parts follow each
    /// other without gaps; when the constraints ask for more than there is, the last parts shrink.
    public func lignes(_ hauteurs: [Contrainte]) -> [Zone] {
        var haut = y
        return Zone.repartir(hauteur, hauteurs).map { h in
            defer { haut += h }
            return Zone(x: x, y: haut, largeur: largeur, hauteur: h)
        }
    }

    /// The zone split into columns, left to right, one part per constraint (see `lignes`).
    public func colonnes(_ largeurs: [Contrainte]) -> [Zone] {
        var gauche = x
        return Zone.repartir(largeur, largeurs).map { l in
            defer { gauche += l }
            return Zone(x: gauche, y: y, largeur: l, hauteur: hauteur)
        }
    }

    /// Row `i` of the zone, of height 1; of height 0 when `i` is outside the zone.
    public func ligne(_ i: Int) -> Zone {
        guard i >= 0 && i < hauteur else {
            return Zone(x: x, y: i < 0 ? y : bas, largeur: largeur, hauteur: 0)
        }
        return Zone(x: x, y: y + i, largeur: largeur, hauteur: 1)
    }

    /// Sizes for `contraintes` sharing `total` cells.
    static func repartir(_ total: Int, _ contraintes: [Contrainte]) -> [Int] {
        var tailles = contraintes.map { contrainte -> Int in
            switch contrainte {
            case .fixe(let n): return max(0, n)
            case .pourcentage(let p): return total * max(0, min(100, p)) / 100
            case .minimum(let n): return max(0, n)
            case .reste: return 0
            }
        }
        let souples = contraintes.indices.filter {
            switch contraintes[$0] {
            case .reste, .minimum: return true
            default: return false
            }
        }
        let libre = total - tailles.reduce(0, +)
        if libre > 0 && !souples.isEmpty {
            let part = libre / souples.count
            let surplus = libre % souples.count
            for (rang, i) in souples.enumerated() {
                tailles[i] += part + (rang < surplus ? 1 : 0)
            }
        }
        // Clip to the total: the last parts give way first.
        var restant = total
        for i in tailles.indices {
            tailles[i] = min(tailles[i], max(0, restant))
            restant -= tailles[i]
        }
        return tailles
    }
}
