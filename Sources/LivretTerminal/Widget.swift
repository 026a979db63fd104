/// Something that draws itself into a zone of a buffer. The one method widgets have: they
/// never touch the terminal, and draw nothing outside `zone`.
public protocol Widget {
    /// Draws into `zone` of `tampon`.
    func rendre(dans zone: Zone, tampon: inout Tampon)
}

extension Array where Element == Segment {
    /// Columns taken by all the segments.
    public var colonnes: Int { reduce(0) { $0 + $1.colonnes } }

    /// The segments cut to at most `colonnes` columns, the last kept one ending with
    /// `suspension` (in its style) when something was removed.
    public func tronques(colonnes maximum: Int, suspension: String = "…") -> [Segment] {
        guard maximum > 0 else { return [] }
        if colonnes <= maximum { return self }
        let largeurSuspension = Largeur.colonnes(suspension)
        let budget = maximum - largeurSuspension
        guard budget >= 0 else {
            return [Segment(Largeur.tronquer(map(\.texte).joined(), colonnes: maximum, suspension: ""),
                            style: first?.style ?? .normal)]
        }
        var resultat: [Segment] = []
        var utilise = 0
        for segment in self {
            let l = segment.colonnes
            if utilise + l <= budget {
                resultat.append(segment)
                utilise += l
                continue
            }
            let coupe = Largeur.tronquer(segment.texte, colonnes: budget - utilise, suspension: "")
            resultat.append(Segment(coupe + suspension, style: segment.style))
            return resultat
        }
        return resultat
    }
}
