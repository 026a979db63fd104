/// A seeded pseudo-random generator (SplitMix64): the same sequence for the same seed, on every
/// machine, every run, every Swift version. Pure: no clock, no I/O, no global state.
///
/// Livret's one source of reproducible variety: the demo base (`LivretDemo`), the benchmark's
/// synthetic data (`livret-bench`), and tests that draw inputs (mutations, random screens).
/// Never for anything secret: keys and tokens come from `SystemRandomNumberGenerator`.
///
/// The demo base depends on this exact sequence (its data, and the snapshots drawn from it,
/// would change otherwise): `next()` must never change.
public struct GenerateurDeterministe: RandomNumberGenerator, Sendable, Equatable {
    private var etat: UInt64

    /// A generator whose sequence is fixed by `graine`.
    public init(graine: UInt64) {
        etat = graine
    }

    /// The next 64 bits of the sequence (SplitMix64, Steele, Lea & Flood, 2014).
    public mutating func next() -> UInt64 {
        etat &+= 0x9E37_79B9_7F4A_7C15
        var z = etat
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An integer in `intervalle`, uniformly (`Int.random(in:using:)`).
    public mutating func entier(_ intervalle: ClosedRange<Int>) -> Int {
        Int.random(in: intervalle, using: &self)
    }

    /// True with probability `p` (`Double.random(in: 0..<1, using:)` below `p`).
    public mutating func tirage(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }
}
