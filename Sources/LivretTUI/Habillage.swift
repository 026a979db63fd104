import LivretCore
import LivretTerminal

/// What surrounds every screen: the title bar, the breadcrumb, the message line, the status
/// line with the keys that work here, and the help overlay.
enum Habillage {
    static func titre(structure: String?, formateur: String?, jour: Jour, ligne: Zone, tampon: inout Tampon) {
        tampon.remplir(ligne, style: Styles.titre)
        let gauche = " " + (structure ?? "Livret")
        let droite = [formateur, Format.jourCourt(jour)].compactMap { $0 }.joined(separator: " · ") + " "
        let largeurDroite = Largeur.colonnes(droite)
        // A name too long ends with "…" and stays two columns away from the formateur's name.
        tampon.ecrire(Largeur.tronquer(gauche, colonnes: max(0, ligne.largeur - largeurDroite - 2)), x: ligne.x, y: ligne.y, style: Styles.titre)
        if largeurDroite < ligne.largeur - 10 {
            tampon.ecrire(droite, x: ligne.droite - largeurDroite, y: ligne.y, style: Styles.titre)
        }
    }

    static func fil(_ titres: [String], ligne: Zone, tampon: inout Tampon) {
        tampon.ecrire(filTexte(titres, largeur: ligne.largeur), x: ligne.x, y: ligne.y, style: Styles.attenue, largeurMax: ligne.largeur)
    }

    /// The breadcrumb in `largeur` columns: whole when it fits; else the crumbs after the first
    /// give way to « … », the current screen's kept (« Accueil › … › Appel du 14/02/2024 ») ;
    /// else the current screen's title alone, ending with « … » when it is cut. Never a word cut
    /// without « … ».
    static func filTexte(_ titres: [String], largeur: Int) -> String {
        func texte(_ t: [String]) -> String { " " + t.joined(separator: " › ") }
        var essais = [titres]
        if titres.count > 2 {
            essais += (1...(titres.count - 2)).reversed().map { [titres[0], "…"] + titres.suffix($0) }
        }
        if titres.count > 1, let dernier = titres.last { essais.append(["…", dernier]) }
        if let essai = essais.first(where: { Largeur.colonnes(texte($0)) <= largeur }) { return texte(essai) }
        return Largeur.tronquer(texte(essais.last ?? titres), colonnes: largeur)
    }

    static func message(_ message: (texte: String, erreur: Bool)?, ligne: Zone, tampon: inout Tampon) {
        guard let message else { return }
        let texte = message.erreur ? " Erreur : \(message.texte)" : " \(message.texte)"
        let style = message.erreur ? Styles.erreur : Styles.succes
        if Largeur.colonnes(texte) <= ligne.largeur {
            tampon.ecrire(texte, x: ligne.x, y: ligne.y, style: style)
            return
        }
        // Too long for one row: on two rows (over the last row of the screen's content), so
        // what to do, at the end of the message, stays visible.
        let lignes = Paragraphe(texte, style: style, retourALaLigne: true).rangees(largeur: ligne.largeur)
        let dessus = Zone(x: ligne.x, y: ligne.y - 1, largeur: ligne.largeur, hauteur: 1)
        tampon.remplir(dessus, style: .normal)
        for (i, rangee) in lignes.prefix(2).enumerated() {
            tampon.ecrireLigne(rangee, x: ligne.x, y: ligne.y - (lignes.count > 1 ? 1 : 0) + i, largeur: ligne.largeur)
        }
    }

    /// The keys of the screen in their order of importance, as many as fit, then « Échap retour »
    /// and « q quitter » when there is room; « ? aide » always at the right end.
    static func touches(_ touches: [AideTouche], retour: Bool, saisie: Bool, ligne: Zone, tampon: inout Tampon) {
        let style = Styles.attenue.avec(inverse: true)
        tampon.remplir(ligne, style: style)
        var fin = ligne.droite
        if !saisie {
            let aide = "? aide "
            fin -= Largeur.colonnes(aide)
            tampon.ecrire("?", x: fin, y: ligne.y, style: style.avec(gras: true))
            tampon.ecrire(" aide", x: fin + 1, y: ligne.y, style: style)
        }
        let globales = saisie ? [] : (retour ? [AideTouche("Échap", "retour")] : []) + [AideTouche("q", "quitter")]
        var x = ligne.x + 1
        for t in touches + globales {
            let largeur = Largeur.colonnes(t.touche) + 1 + Largeur.colonnes(t.action) + 2
            guard x + largeur <= fin else { break }
            x += tampon.ecrire(t.touche, x: x, y: ligne.y, style: style.avec(gras: true))
            x += tampon.ecrire(" " + t.action + "  ", x: x, y: ligne.y, style: style)
        }
    }

    /// The help overlay: the screen's keys, then the keys that work everywhere. When it is taller
    /// than the screen (many keys on a small terminal), the keys go in two columns.
    static func aide(titre: String, touches: [AideTouche], retour: Bool, dans zone: Zone, tampon: inout Tampon) {
        let globales = [AideTouche("↑ ↓", "se déplacer"), AideTouche("Pg↑ Pg↓", "page précédente, suivante")]
            + (retour ? [AideTouche("Échap ←", "revenir en arrière")] : [])
            + [AideTouche("?", "cette aide"), AideTouche("q", "quitter Livret (le saisi reste)")]
        let largeurTouche = min(10, ((touches + globales).map { Largeur.colonnes($0.touche) }.max() ?? 1) + 2)
        func ligne(_ t: AideTouche, colonnes: Int? = nil) -> [Segment] {
            let action = colonnes.map { Largeur.tronquer(t.action, colonnes: max(1, $0 - largeurTouche)) } ?? t.action
            return [Segment(Largeur.completer(t.touche, colonnes: largeurTouche), style: Styles.touche),
                    Segment(colonnes.map { Largeur.completer(action, colonnes: max(1, $0 - largeurTouche)) } ?? action)]
        }
        let fin: [[Segment]] = [[], [Segment("Une touche pour fermer l'aide.", style: Styles.attenue)]]
        var lignes: [[Segment]] = touches.map { ligne($0) } + [[]] + globales.map { ligne($0) } + fin
        if lignes.count + 2 > zone.hauteur {
            // Two columns: the screen's keys, then the global ones, read down the left column first.
            let toutes = touches + globales
            let colonne = max(12, (zone.largeur - 4 - 2) / 2)
            let moitie = (toutes.count + 1) / 2
            lignes = (0..<moitie).map { i in
                ligne(toutes[i], colonnes: colonne) + [Segment("  ")] + (i + moitie < toutes.count ? ligne(toutes[i + moitie], colonnes: colonne) : [])
            } + fin
        }
        Fenetre(titre: "Aide — \(titre)", lignes: lignes).rendre(dans: zone, tampon: &tampon)
    }
}
