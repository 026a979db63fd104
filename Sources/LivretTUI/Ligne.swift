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

    /// Writes parts one after the other, « · » between them, from the top row of `zone`; a part
    /// that does not fit whole on a row goes to the next one. When the last row is reached and
    /// parts are left, the row ends with « … »: a figure is never cut in the middle (only a part
    /// too long for a whole row is cut, ending with « … »). Returns the number of rows written.
    @discardableResult
    mutating func ecrireParties(_ parties: [[Segment]], dans zone: Zone, separateur: String = " · ") -> Int {
        guard zone.largeur > 0, zone.hauteur > 0 else { return 0 }
        func colonnes(_ segments: [Segment]) -> Int { segments.reduce(0) { $0 + Largeur.colonnes($1.texte) } }
        let sep = Largeur.colonnes(separateur)
        var rangee: [Segment] = []
        var largeurRangee = 0
        var y = zone.y
        var i = 0
        while i < parties.count {
            let partie = parties[i]
            let derniere = y == zone.bas - 1
            // On the last row, room for « … » is kept while other parts follow.
            let reserve = derniere && i < parties.count - 1 ? 2 : 0
            let besoin = (rangee.isEmpty ? 0 : sep) + colonnes(partie)
            if largeurRangee + besoin + reserve <= zone.largeur {
                rangee += (rangee.isEmpty ? [] : [Segment(separateur)]) + partie
                largeurRangee += besoin
                i += 1
            } else if rangee.isEmpty {
                ecrireLigne(partie, x: zone.x, y: y, largeur: zone.largeur)
                i += 1
                y += 1
                if y == zone.bas { return y - zone.y }
            } else if !derniere {
                ecrire(rangee, x: zone.x, y: y, largeurMax: zone.largeur)
                rangee = []
                largeurRangee = 0
                y += 1
            } else {
                ecrire(rangee + [Segment(" …")], x: zone.x, y: y, largeurMax: zone.largeur)
                return y + 1 - zone.y
            }
        }
        guard !rangee.isEmpty else { return y - zone.y }
        ecrire(rangee, x: zone.x, y: y, largeurMax: zone.largeur)
        return y + 1 - zone.y
    }

    /// `ecrireParties` on one row.
    @discardableResult
    mutating func ecrireParties(_ parties: [[Segment]], x: Int, y: Int, largeur: Int) -> Int {
        ecrireParties(parties, dans: Zone(x: x, y: y, largeur: largeur, hauteur: 1))
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

