// LivretTestSupport — what the test targets share: temporary folders that clean up after
// themselves, the demo base built in memory or in a temporary file, a fixed day and author,
// Livret's seeded generator, and golden files (`Golden.verifier`).
//
// LivretCore is re-exported: `Jour`, `GenerateurDeterministe` and the domain types come with
// `import LivretTestSupport`.

@_exported import LivretCore

/// The fixed values tests write with: nothing depends on the clock or on who runs the tests.
public enum Fixe {
    /// Monday 4 March 2024, the day the demo's smartphone cohort is at (as the UI snapshots show).
    public static let jour = Jour("2024-03-04")!
    /// The demo's first formateur: the author of everything tests write.
    public static let formateur = "Nadia Benali"
    /// The seed of `generateur()`.
    public static let graine: UInt64 = 20_240_304

    /// Livret's seeded generator (SplitMix64): the same draws on every machine and every run.
    public static func generateur(graine: UInt64 = Fixe.graine) -> GenerateurDeterministe {
        GenerateurDeterministe(graine: graine)
    }
}
