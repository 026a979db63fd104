import LivretCore
import LivretTerminal

/// The sessions of a cohort, to choose the one whose attendance to take. The session of the
/// day (or the last one before it) is selected.
public struct EcranSeances: EcranTUI {
    let cohorte: String
    let jour: Jour
    var seances: [Seance] = []
    var saisies: Set<Int64> = []
    var defilement = Defilement()
    var charge = false

    public init(cohorte: String, jour: Jour) {
        self.cohorte = cohorte
        self.jour = jour
    }

    public var titre: String { "Séances de \(cohorte)" }
    public var chargement: Demande? { .seances(cohorte) }
    public var touches: [AideTouche] { [AideTouche("Entrée", "faire l'appel de cette séance")] }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        guard case .seances(_, let seances, let saisies) = reponse else { return [] }
        let premiereFois = !charge
        self.seances = seances
        self.saisies = saisies
        charge = true
        if premiereFois {
            defilement.selection = seances.lastIndex { $0.date <= jour } ?? 0
        }
        return []
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let h = max(1, hauteur - 2)
        switch touche {
        case _ where defilement.suivre(touche, nombre: seances.count, hauteur: h): break
        case .entree, .droite:
            guard seances.indices.contains(defilement.selection), let id = seances[defilement.selection].id else { return [] }
            return [.ouvrir(EcranAppel(seanceId: id))]
        default: return nil
        }
        return []
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard charge else { return }
        tampon.ecrireLigne([Segment(" Appel — cohorte \(cohorte)", style: Styles.entete), Segment(" · choisissez la séance")],
                      x: zone.x, y: zone.y, largeur: zone.largeur)
        let liste = Zone(x: zone.x, y: zone.y + 1, largeur: zone.largeur, hauteur: zone.hauteur - 1)
        if seances.isEmpty {
            tampon.ecrire(" Aucune séance prévue. Ajoutez-en : livret seance ajouter \(cohorte) --date … --duree …", x: liste.x, y: liste.y + 1,
                          largeurMax: liste.largeur)
            return
        }
        var d = defilement
        d.ajuster(nombre: seances.count, hauteur: max(1, liste.hauteur - 1))
        let colonnes = [ColonneTableau(titre: "Date", largeur: .fixe(16)), ColonneTableau(titre: "Thème", largeur: .reste),
                        ColonneTableau(titre: "Durée", largeur: .fixe(8), alignement: .droite), ColonneTableau(titre: "Appel", largeur: .fixe(10))]
        Tableau(colonnes: colonnes, nombre: seances.count, selection: d.selection, decalage: d.decalage) { i in
            let s = seances[i]
            let fait = s.id.map { saisies.contains($0) } ?? false
            let etat: Segment = fait ? Segment("fait", style: Styles.succes) : (s.date > jour ? Segment("à venir", style: Styles.attenue) : Segment("à faire", style: Styles.enCours))
            return [[Segment(Format.jourCourt(s.date), style: s.date == jour ? Styles.entete : .normal)], [Segment(s.theme ?? "—")],
                    [Segment(Format.duree(minutes: s.minutesPrevues))], [etat]]
        }.rendre(dans: liste, tampon: &tampon)
    }
}
