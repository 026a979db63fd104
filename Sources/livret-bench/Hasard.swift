import LivretCore

/// The benchmark's draws, on Livret's seeded generator (`GenerateurDeterministe`, SplitMix64):
/// the same numbers for the same seed on every platform. Its own helpers (modulo draws, weights)
/// fix the synthetic data the published timings were measured on.
struct Hasard {
    private var generateur: GenerateurDeterministe

    init(graine: UInt64) { generateur = GenerateurDeterministe(graine: graine) }

    mutating func suivant() -> UInt64 { generateur.next() }

    /// An integer in 0..<n.
    mutating func entier(_ n: Int) -> Int { n <= 1 ? 0 : Int(suivant() % UInt64(n)) }

    /// An integer in the closed range.
    mutating func entier(_ plage: ClosedRange<Int>) -> Int { plage.lowerBound + entier(plage.count) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(suivant() >> 11) / Double(1 << 53) < p }

    /// One of `valeurs`, drawn with the given weights (percent or any positive scale).
    mutating func pondere<T>(_ valeurs: [(T, Int)]) -> T {
        let total = valeurs.reduce(0) { $0 + $1.1 }
        var tirage = entier(total)
        for (valeur, poids) in valeurs {
            if tirage < poids { return valeur }
            tirage -= poids
        }
        return valeurs[valeurs.count - 1].0
    }

    mutating func element<T>(_ valeurs: [T]) -> T { valeurs[entier(valeurs.count)] }
}
