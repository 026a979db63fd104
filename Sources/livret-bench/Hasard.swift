/// SplitMix64: a tiny deterministic generator, the same numbers for the same seed on every platform.
struct Hasard {
    private var etat: UInt64

    init(graine: UInt64) { etat = graine }

    mutating func suivant() -> UInt64 {
        etat &+= 0x9E37_79B9_7F4A_7C15
        var z = etat
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
