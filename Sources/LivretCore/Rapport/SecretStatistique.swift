/// A count as published: masked when it could identify people.
public struct ValeurPubliee: Sendable, Codable, Equatable, Hashable {
    /// The count, or 0 when masked: the real value never leaves the computation.
    public let nombre: Int
    public let masque: Bool

    public init(nombre: Int, masque: Bool) {
        self.nombre = masque ? 0 : nombre
        self.masque = masque
    }

    /// "12", or "< 5" when masked (5 being the threshold).
    public func texte(seuil: Int?) -> String {
        masque ? "< \(seuil ?? SecretStatistique.seuilParDefaut)" : String(nombre)
    }
}

/// A rate as published: nil when it cannot be computed (nothing to divide by) or is masked.
public struct TauxPublie: Sendable, Codable, Equatable, Hashable {
    /// From 0 to 1, rounded to 0.0001; nil when masked or without denominator.
    public let valeur: Double?
    /// Computed from a masked count.
    public let masque: Bool

    public init(valeur: Double?, masque: Bool) {
        self.valeur = masque ? nil : valeur.map { ($0 * 10_000).rounded() / 10_000 }
        self.masque = masque
    }

    /// What a masked rate or number of hours is shown as.
    public static let texteMasque = "masqué"

    /// `numerateur / denominateur`, masked when either is.
    public init(_ numerateur: Int, sur denominateur: Int, masque: Bool) {
        self.init(valeur: denominateur > 0 ? Double(numerateur) / Double(denominateur) : nil, masque: masque)
    }

    /// "66,7 %", "masqué" when masked (the rate would reveal a masked count; "< 5" would read as a percentage),
    /// "–" when not computable.
    public func texte(seuil: Int?) -> String {
        if masque { return TauxPublie.texteMasque }
        guard let valeur else { return "–" }
        return Format.pourcentage(valeur)
    }
}

/// Statistical confidentiality: small counts are masked, and enough other cells too so that no masked
/// count can be recovered by subtraction from a published total.
public enum SecretStatistique {
    /// Counts from 1 to 4 are masked.
    public static let seuilParDefaut = 5

    /// The warning carried by reports computed without masking.
    public static let avertissementNonMasque = "Chiffres non masqués : usage interne uniquement, ne pas diffuser."

    /// The warning carried by reports where some counts are masked.
    public static func avertissementMasque(seuil: Int) -> String {
        "Secret statistique : les effectifs de 1 à \(seuil - 1) sont remplacés par « < \(seuil) », et d’autres cases "
            + "sont masquées pour qu’on ne puisse pas les retrouver par soustraction ; les taux et heures calculés sur une case masquée le sont aussi."
    }

    /// Whether `nombre` is masked on its own (primary suppression): from 1 to `seuil` − 1. Zero is published.
    public static func sousLeSeuil(_ nombre: Int, seuil: Int?) -> Bool {
        guard let seuil else { return false }
        return nombre > 0 && nombre < seuil
    }

    /// Primary then complementary suppression of `valeurs`.
    ///
    /// - `contraintes`: sets of cell indices whose sum relation is published (the parts and their total
    ///   together). While some set has exactly one masked cell, the smallest non-zero unmasked part of that set
    ///   (the earliest on a tie; the total, the last index, only when no part is left) is masked too.
    /// - `lies`: pairs (a, b): b is masked whenever a is (a count derived from another).
    /// - Returns the mask, one Bool per value. With `seuil` nil nothing is masked.
    /// - `dejaMasques`: cells masked beforehand (e.g. a total masked in another table).
    public static func masquer(_ valeurs: [Int], seuil: Int?, contraintes: [[Int]], lies: [(Int, Int)] = [],
                               dejaMasques: Set<Int> = []) -> [Bool] {
        guard seuil != nil else { return valeurs.map { _ in false } }
        var masque = valeurs.indices.map { sousLeSeuil(valeurs[$0], seuil: seuil) || dejaMasques.contains($0) }
        var change = true
        while change {
            change = false
            for (a, b) in lies where masque[a] && !masque[b] && valeurs[b] != 0 {
                masque[b] = true
                change = true
            }
            for contrainte in contraintes {
                let masquees = contrainte.filter { masque[$0] }
                guard masquees.count == 1 else { continue }
                let candidates = contrainte.filter { !masque[$0] && valeurs[$0] != 0 }
                let parties = candidates.filter { $0 != contrainte.last }
                let choix = (parties.isEmpty ? candidates : parties).min { valeurs[$0] < valeurs[$1] }
                if let choix {
                    masque[choix] = true
                    change = true
                }
            }
        }
        return masque
    }
}
