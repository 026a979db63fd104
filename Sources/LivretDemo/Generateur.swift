/// A seeded pseudo-random generator (SplitMix64): the demo's only source of variety, identical on every run.
struct Generateur: RandomNumberGenerator {
    private var etat: UInt64

    init(graine: UInt64) { etat = graine }

    mutating func next() -> UInt64 {
        etat &+= 0x9E37_79B9_7F4A_7C15
        var z = etat
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An integer in `intervalle`.
    mutating func entier(_ intervalle: ClosedRange<Int>) -> Int { Int.random(in: intervalle, using: &self) }

    /// True with probability `p`.
    mutating func tirage(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}
