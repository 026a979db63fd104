import LivretTerminal

extension Tampon {
    /// Writes segments on one row within `largeur` columns; when they do not fit, the text is cut
    /// and ends with « … », so a cut line never looks complete.
    @discardableResult
    mutating func ecrireLigne(_ segments: [Segment], x: Int, y: Int, largeur: Int) -> Int {
        guard largeur > 0 else { return 0 }
        let total = segments.reduce(0) { $0 + Largeur.colonnes($1.texte) }
        guard total > largeur else { return ecrire(segments, x: x, y: y, largeurMax: largeur) }
        var reste = largeur - 1
        var coupes: [Segment] = []
        for segment in segments where reste > 0 {
            let colonnes = Largeur.colonnes(segment.texte)
            if colonnes <= reste {
                coupes.append(segment)
                reste -= colonnes
            } else {
                coupes.append(Segment(Largeur.tronquer(segment.texte, colonnes: reste, suspension: ""), style: segment.style))
                reste = 0
            }
        }
        let style = coupes.last?.style ?? .normal
        coupes.append(Segment("…", style: style))
        return ecrire(coupes, x: x, y: y, largeurMax: largeur)
    }

    /// A horizontal rule under a list, with where the visible rows are when the list is longer
    /// than the screen (« 1–10 sur 11 ↓ »).
    mutating func separateur(_ zone: Zone, y: Int, premier: Int, visibles: Int, total: Int) {
        ecrire(String(repeating: "─", count: zone.largeur), x: zone.x, y: y, style: .attenue)
        guard total > visibles, visibles > 0 else { return }
        let dernier = min(total, premier + visibles)
        let fleches = (premier > 0 ? "↑" : "") + (dernier < total ? "↓" : "")
        let texte = " \(premier + 1)–\(dernier) sur \(total) \(fleches) "
        ecrire(texte, x: zone.droite - Largeur.colonnes(texte) - 2, y: y, style: .attenue)
    }
}
