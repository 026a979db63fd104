import LivretTerminal

/// « Qui travaille ? »: with several formateurs on the base, the UI asks once; the choice is
/// remembered on this machine for the next start.
public struct EcranQuiTravaille: EcranTUI {
    let formateurs: [String]
    var defilement = Defilement()

    public init(formateurs: [String], courant: String?) {
        self.formateurs = formateurs
        defilement.selection = courant.flatMap { formateurs.firstIndex(of: $0) } ?? 0
    }

    public var titre: String { "Qui travaille ?" }
    public var chargement: Demande? { nil }
    public var touches: [AideTouche] { [AideTouche("Entrée", "c'est moi"), AideTouche("↑ ↓", "choisir")] }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        if defilement.suivre(touche, nombre: formateurs.count, hauteur: max(1, hauteur - 3)) { return [] }
        if touche == .entree, formateurs.indices.contains(defilement.selection) {
            return [.demander(.choisirFormateur(formateurs[defilement.selection]))]
        }
        return nil
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        if case .fait = reponse { return [.retour] }
        return []
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        let interieur = zone.interieur(horizontal: 1)
        let intro = Paragraphe(lignes: [[Segment("Qui utilise Livret maintenant ?", style: Styles.entete)],
                                        [Segment("Vos saisies seront enregistrées à votre nom ; cet ordinateur s'en souviendra.", style: Styles.attenue)]],
                               retourALaLigne: true).rangees(largeur: interieur.largeur)
        for (k, rangee) in intro.enumerated() where k < interieur.hauteur {
            tampon.ecrireLigne(rangee, x: interieur.x, y: interieur.y + k, largeur: interieur.largeur)
        }
        var d = defilement
        let liste = Zone(x: interieur.x, y: interieur.y + intro.count + 1, largeur: interieur.largeur,
                         hauteur: max(1, interieur.hauteur - intro.count - 1))
        d.ajuster(nombre: formateurs.count, hauteur: liste.hauteur)
        Liste(nombre: formateurs.count, selection: d.selection, decalage: d.decalage) { i in [Segment("  " + formateurs[i])] }
            .rendre(dans: liste, tampon: &tampon)
    }
}
