/// One cell of the screen: a grapheme and its style.
public struct Cellule: Equatable, Sendable {
    /// One grapheme, or "" for the right half of a wide character (whose grapheme is in the
    /// cell on the left).
    public var symbole: String
    /// How the cell looks.
    public var style: Style

    /// A cell.
    public init(symbole: String, style: Style = .normal) {
        self.symbole = symbole
        self.style = style
    }

    /// A blank cell in the normal style.
    public static let vide = Cellule(symbole: " ", style: .normal)
}

/// A run of text in one style.
public struct Segment: Equatable, Sendable {
    /// The text (one line: control characters are not drawn raw).
    public var texte: String
    /// Its style.
    public var style: Style

    /// A segment.
    public init(_ texte: String, style: Style = .normal) {
        self.texte = texte
        self.style = style
    }

    /// Columns taken by the text.
    public var colonnes: Int { Largeur.colonnes(texte) }
}

/// An in-memory grid of cells: what widgets draw into and what the screen shows. Rendering is
/// a pure function of state into a `Tampon`; only `Ecran` sends it to the terminal.
///
/// Invariant kept by every method but the raw subscript: a wide character takes its cell and
/// the next one, which holds "" (a continuation); overwriting either half blanks the other.
public struct Tampon: Equatable, Sendable {
    /// Columns and rows.
    public let taille: Taille
    private var cellules: [Cellule]

    /// A buffer of blank cells.
    public init(taille: Taille) {
        self.taille = taille
        self.cellules = Array(repeating: .vide, count: taille.largeur * taille.hauteur)
    }

    /// The whole buffer as a zone.
    public var zone: Zone { Zone(taille) }

    /// The cell at column `x`, row `y`: `.vide` outside the buffer, where setting does nothing.
    /// Setting is raw (no care for wide characters); prefer `ecrire`.
    public subscript(x: Int, y: Int) -> Cellule {
        get {
            guard dedans(x, y) else { return .vide }
            return cellules[y * taille.largeur + x]
        }
        set {
            guard dedans(x, y) else { return }
            cellules[y * taille.largeur + x] = newValue
        }
    }

    /// Writes `texte` from (x, y) on one row, grapheme by grapheme, clipped to the buffer and to
    /// `largeurMax` columns. A wide character that does not fit is replaced by a space, control
    /// characters by "�" (a tab by a space), zero-width graphemes are skipped.
    /// Returns the number of columns advanced (so that `x += ecrire(...)` chains).
    @discardableResult
    public mutating func ecrire(_ texte: String, x: Int, y: Int, style: Style = .normal, largeurMax: Int? = nil) -> Int {
        guard y >= 0 && y < taille.hauteur else { return 0 }
        let limite = min(taille.largeur, largeurMax.map { x + max(0, $0) } ?? Int.max)
        var colonne = x
        for caractere in texte {
            guard colonne < limite else { break }
            var symbole = caractere
            var largeur = Largeur.colonnes(caractere)
            if largeur == 0 {
                // Controls are shown as ``TexteVisible`` says (a tab as a space); other zero-width graphemes are skipped.
                guard let premier = caractere.unicodeScalars.first, premier == "\t" || premier == "\n" || TexteVisible.substitut(premier) != nil else { continue }
                symbole = premier == "\t" ? " " : premier == "\n" ? "\u{240A}" : Character(TexteVisible.substitut(premier)!)
                largeur = 1
            }
            if colonne < 0 {
                // Left of the buffer: only the visible half of a wide character shows, as a space.
                if colonne + largeur > 0 { poser(Cellule(symbole: " ", style: style), x: 0, y: y, large: false) }
                colonne += largeur
                continue
            }
            if colonne + largeur > limite {
                poser(Cellule(symbole: " ", style: style), x: colonne, y: y, large: false)
                colonne += 1
                break
            }
            poser(Cellule(symbole: String(symbole), style: style), x: colonne, y: y, large: largeur == 2)
            colonne += largeur
        }
        return max(0, colonne - x)
    }

    /// Writes styled segments one after the other from (x, y); see `ecrire(_:x:y:style:largeurMax:)`.
    @discardableResult
    public mutating func ecrire(_ segments: [Segment], x: Int, y: Int, largeurMax: Int? = nil) -> Int {
        var utilise = 0
        for segment in segments {
            let reste = largeurMax.map { $0 - utilise }
            if let reste, reste <= 0 { break }
            utilise += ecrire(segment.texte, x: x + utilise, y: y, style: segment.style, largeurMax: reste)
        }
        return utilise
    }

    /// Fills the zone (clipped to the buffer) with `symbole` (one narrow grapheme) in `style`.
    public mutating func remplir(_ zone: Zone, style: Style, symbole: String = " ") {
        let z = zone.intersection(self.zone)
        for y in z.y..<z.bas {
            for x in z.x..<z.droite {
                poser(Cellule(symbole: symbole, style: style), x: x, y: y, large: false)
            }
        }
    }

    /// Changes the style of every cell of the zone (clipped to the buffer), text unchanged.
    public mutating func styler(_ zone: Zone, _ modifier: (inout Style) -> Void) {
        let z = zone.intersection(self.zone)
        for y in z.y..<z.bas {
            for x in z.x..<z.droite {
                modifier(&cellules[y * taille.largeur + x].style)
            }
        }
    }

    /// The text of each row, a wide character once and its continuation skipped, trailing
    /// spaces kept. What snapshot tests compare.
    public func lignes() -> [String] {
        (0..<taille.hauteur).map { y in
            var ligne = ""
            for x in 0..<taille.largeur {
                ligne += cellules[y * taille.largeur + x].symbole
            }
            return ligne
        }
    }

    /// The rows joined by "\n".
    public func texte() -> String {
        lignes().joined(separator: "\n")
    }

    // MARK: - Internals

    private func dedans(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < taille.largeur && y < taille.hauteur
    }

    /// Sets a cell (and the continuation of a wide one), blanking the other half of any wide
    /// character partly overwritten.
    private mutating func poser(_ cellule: Cellule, x: Int, y: Int, large: Bool) {
        guard dedans(x, y) else { return }
        let largeur = large && x + 1 < taille.largeur ? 2 : 1
        let debut = y * taille.largeur
        // The left half of a wide character whose right half is overwritten.
        if cellules[debut + x].symbole.isEmpty && x > 0 {
            cellules[debut + x - 1].symbole = " "
        }
        // The right half of a wide character whose left half is overwritten.
        let fin = x + largeur
        if fin < taille.largeur && cellules[debut + fin].symbole.isEmpty {
            cellules[debut + fin].symbole = " "
        }
        if largeur == 2 {
            cellules[debut + x] = cellule
            cellules[debut + x + 1] = Cellule(symbole: "", style: cellule.style)
        } else {
            cellules[debut + x] = large ? Cellule(symbole: " ", style: cellule.style) : cellule
        }
    }
}
