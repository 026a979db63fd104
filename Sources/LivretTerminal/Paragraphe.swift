/// Lines of styled text, one per row from the top of the zone. Lines too long end with "…",
/// or wrap at spaces with `retourALaLigne` (a word longer than the zone is cut).
public struct Paragraphe: Widget {
    /// The lines, each a list of segments.
    public var lignes: [[Segment]]
    /// Wrap long lines at spaces instead of truncating them.
    public var retourALaLigne: Bool
    /// Alignment of each row in the zone.
    public var alignement: Alignement

    /// A paragraph of styled lines.
    public init(lignes: [[Segment]], retourALaLigne: Bool = false, alignement: Alignement = .gauche) {
        self.lignes = lignes
        self.retourALaLigne = retourALaLigne
        self.alignement = alignement
    }

    /// A paragraph from plain text, one line per "\n".
    public init(_ texte: String, style: Style = .normal, retourALaLigne: Bool = false, alignement: Alignement = .gauche) {
        self.init(lignes: texte.split(separator: "\n", omittingEmptySubsequences: false).map { [Segment(String($0), style: style)] },
                  retourALaLigne: retourALaLigne, alignement: alignement)
    }

    /// The rows the paragraph takes at this width (after wrapping, if asked).
    public func rangees(largeur: Int) -> [[Segment]] {
        guard retourALaLigne else { return lignes.map { $0.tronques(colonnes: largeur) } }
        return lignes.flatMap { Paragraphe.couper($0, largeur: largeur) }
    }

    /// Draws the rows from the top of the zone; rows beyond its height are left out.
    public func rendre(dans zone: Zone, tampon: inout Tampon) {
        guard !zone.estVide else { return }
        for (i, rangee) in rangees(largeur: zone.largeur).prefix(zone.hauteur).enumerated() {
            let manque = max(0, zone.largeur - rangee.colonnes)
            let decalage: Int
            switch alignement {
            case .gauche: decalage = 0
            case .droite: decalage = manque
            case .centre: decalage = manque / 2
            }
            tampon.ecrire(rangee, x: zone.x + decalage, y: zone.y + i, largeurMax: zone.largeur - decalage)
        }
    }

    /// One line wrapped at spaces into rows of at most `largeur` columns; spaces between words
    /// collapse to one, words longer than a row are cut.
    static func couper(_ ligne: [Segment], largeur: Int) -> [[Segment]] {
        guard largeur > 0 else { return [] }
        // Words as lists of (grapheme, style); a word may span several segments.
        typealias Morceau = (caractere: Character, style: Style, largeur: Int)
        var mots: [[Morceau]] = []
        var mot: [Morceau] = []
        for segment in ligne {
            for c in segment.texte {
                if c == " " {
                    if !mot.isEmpty { mots.append(mot); mot = [] }
                } else {
                    mot.append((c, segment.style, Largeur.colonnes(c)))
                }
            }
        }
        if !mot.isEmpty { mots.append(mot) }
        guard !mots.isEmpty else { return [[]] }

        var rangees: [[Morceau]] = []
        var rangee: [Morceau] = []
        var utilise = 0
        for mot in mots {
            let l = mot.reduce(0) { $0 + $1.largeur }
            if !rangee.isEmpty && utilise + 1 + l <= largeur {
                rangee.append((" ", mot[0].style, 1))
                rangee += mot
                utilise += 1 + l
                continue
            }
            if !rangee.isEmpty { rangees.append(rangee); rangee = []; utilise = 0 }
            for morceau in mot {
                if utilise + morceau.largeur > largeur && !rangee.isEmpty {
                    rangees.append(rangee); rangee = []; utilise = 0
                }
                rangee.append(morceau)
                utilise += morceau.largeur
            }
        }
        if !rangee.isEmpty { rangees.append(rangee) }

        // Back to segments, merging neighbours of the same style.
        return rangees.map { morceaux in
            var segments: [Segment] = []
            for m in morceaux {
                if let dernier = segments.last, dernier.style == m.style {
                    segments[segments.count - 1].texte.append(m.caractere)
                } else {
                    segments.append(Segment(String(m.caractere), style: m.style))
                }
            }
            return segments
        }
    }
}
