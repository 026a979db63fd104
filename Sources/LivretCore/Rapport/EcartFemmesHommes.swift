import Foundation

/// The gap between women's and men's completion rates, in percentage points, with its 95 % confidence interval.
public struct EcartFemmesHommes: Sendable, Codable, Equatable {
    /// False when a group is empty or (with masking) below the threshold; see ``raison``.
    public let calculable: Bool
    /// Women's rate minus men's rate, in percentage points (positive: women complete more often).
    public let points: Double?
    /// Lower limit of the 95 % confidence interval, in points.
    public let bas: Double?
    /// Upper limit, in points.
    public let haut: Double?
    /// How the interval is computed, in French, to be printed with it.
    public let methode: String
    /// Why it is not computable, in French.
    public let raison: String?

    /// The method named in every report.
    public static let methodeNewcombe = "différence de taux avec intervalle de confiance à 95 % hybride du score de Newcombe (1998, méthode 10), à partir de deux intervalles de Wilson"

    public init(calculable: Bool, points: Double?, bas: Double?, haut: Double?, methode: String = methodeNewcombe, raison: String?) {
        self.calculable = calculable
        self.points = points
        self.bas = bas
        self.haut = haut
        self.methode = methode
        self.raison = raison
    }

    /// Not computable, for `raison`.
    public static func nonCalculable(_ raison: String) -> EcartFemmesHommes {
        EcartFemmesHommes(calculable: false, points: nil, bas: nil, haut: nil, raison: raison)
    }

    /// The normal quantile for 95 %.
    public static let z95 = 1.959963984540054

    /// Wilson score interval (no continuity correction) for `succes` out of `effectif` > 0, as proportions.
    public static func wilson(succes: Int, effectif: Int, z: Double = z95) -> (bas: Double, haut: Double) {
        let n = Double(effectif), p = Double(succes) / n, z2 = z * z
        let centre = 2 * n * p + z2
        let marge = z * (z2 + 4 * n * p * (1 - p)).squareRoot()
        let denominateur = 2 * (n + z2)
        return (max(0, (centre - marge) / denominateur), min(1, (centre + marge) / denominateur))
    }

    /// Newcombe's hybrid score interval (method 10) for p1 − p2, as proportions; both `effectif`s must be > 0.
    public static func newcombe(succes1: Int, effectif1: Int, succes2: Int, effectif2: Int, z: Double = z95)
        -> (difference: Double, bas: Double, haut: Double) {
        let p1 = Double(succes1) / Double(effectif1), p2 = Double(succes2) / Double(effectif2)
        let (l1, u1) = wilson(succes: succes1, effectif: effectif1, z: z)
        let (l2, u2) = wilson(succes: succes2, effectif: effectif2, z: z)
        let d = p1 - p2
        let bas = d - ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
        let haut = d + ((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)).squareRoot()
        return (d, bas, haut)
    }

    /// The gap from women's and men's counts; `masquees`: whether one of those counts is masked in the report.
    static func calculer(terminesF: Int, inscritsF: Int, terminesM: Int, inscritsM: Int, seuil: Int?, masquees: Bool) -> EcartFemmesHommes {
        // Masked first, with one sentence whatever the reason: the message must not tell which
        // count was masked, nor that one was small.
        if masquees {
            return .nonCalculable("non publié : secret statistique.")
        }
        if inscritsF == 0 || inscritsM == 0 {
            let vides = [inscritsF == 0 ? "femmes" : nil, inscritsM == 0 ? "hommes" : nil].compactMap { $0 }
            return .nonCalculable("non calculable : aucun inscrit parmi les \(vides.joined(separator: " ni parmi les ")).")
        }
        let (d, bas, haut) = newcombe(succes1: terminesF, effectif1: inscritsF, succes2: terminesM, effectif2: inscritsM)
        func points(_ x: Double) -> Double { (x * 10_000).rounded() / 100 }
        return EcartFemmesHommes(calculable: true, points: points(d), bas: points(bas), haut: points(haut), raison: nil)
    }

    /// "+20 points (IC 95 % : 5,2 à 33,4 points ; méthode …)" or "non calculable : …".
    public var texte: String {
        guard calculable, let points, let bas, let haut else { return raison ?? "non calculable." }
        let signe = points > 0 ? "+" : ""
        return "\(signe)\(Format.nombre(points)) points (IC 95 % : \(Format.nombre(bas)) à \(Format.nombre(haut)) points)"
    }
}
