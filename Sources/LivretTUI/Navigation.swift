import LivretTerminal

extension Defilement {
    /// Moves with the keys of every list: ↑ ↓ (and k j, unless `lettres` is false because the
    /// screen uses those letters), Pg↑ Pg↓, Début, Fin. Returns false when `touche` is none of them.
    mutating func suivre(_ touche: Touche, nombre: Int, hauteur: Int, lettres: Bool = true) -> Bool {
        switch touche {
        case .haut: deplacer(de: -1, nombre: nombre, hauteur: hauteur)
        case .bas: deplacer(de: 1, nombre: nombre, hauteur: hauteur)
        case .caractere("k") where lettres: deplacer(de: -1, nombre: nombre, hauteur: hauteur)
        case .caractere("j") where lettres: deplacer(de: 1, nombre: nombre, hauteur: hauteur)
        case .pageHaut: deplacer(de: -hauteur, nombre: nombre, hauteur: hauteur)
        case .pageBas: deplacer(de: hauteur, nombre: nombre, hauteur: hauteur)
        case .debut: debut(nombre: nombre, hauteur: hauteur)
        case .fin: fin(nombre: nombre, hauteur: hauteur)
        default: return false
        }
        return true
    }
}
