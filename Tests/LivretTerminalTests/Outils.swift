import LivretTerminal

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
