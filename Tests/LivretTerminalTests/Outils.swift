import LivretTerminal

/// SplitMix64: a small seeded generator, the same sequence on every machine.
struct Aleatoire: RandomNumberGenerator {
    var etat: UInt64
    init(graine: UInt64) { etat = graine }
    mutating func next() -> UInt64 {
        etat &+= 0x9E37_79B9_7F4A_7C15
        var z = etat
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The buffer's rows with a "|" after the last column, so that trailing spaces show in the
/// literal grids.
func grille(_ tampon: Tampon) -> String {
    tampon.lignes().map { $0 + "|" }.joined(separator: "\n")
}

/// A widget drawn alone in a buffer of this size, as a grid.
func rendu(_ widget: some Widget, _ largeur: Int, _ hauteur: Int) -> String {
    var tampon = Tampon(taille: Taille(largeur: largeur, hauteur: hauteur))
    widget.rendre(dans: tampon.zone, tampon: &tampon)
    return grille(tampon)
}

/// Counts calls from an escaping closure.
final class Compteur {
    var appels: [Int] = []
}
