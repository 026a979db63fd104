import LivretCore
import LivretServices
import LivretTerminal

/// The sessions of a cohort, to choose the one whose attendance to take. The session of the
/// day (or the last one before it) is selected.
public struct EcranSeances: EcranTUI {
    let cohorte: String
    let jour: Jour
    var seances: [Seance] = []
    /// The state of each séance's roll call (« fait », « 3 sur 11 saisis »), by séance.
    var appels: [Int64: EtatAppel] = [:]
    var defilement = Defilement()
    var charge = false
    /// The duration typed for a new séance of the day (minutes), while it is typed.
    var nouvelle: ChampTexte?
    /// The new séance is a make-up session outside the cohort's dates (key R).
    var rattrapage = false

    public init(cohorte: String, jour: Jour) {
        self.cohorte = cohorte
        self.jour = jour
    }

    public var titre: String { "Séances \(Accord.de(cohorte))" }
    public var chargement: Demande? { .seances(cohorte) }
    public var saisieEnCours: Bool { nouvelle != nil }

    public var touches: [AideTouche] {
        if nouvelle != nil { return [AideTouche("0-9", "durée en minutes"), AideTouche("Entrée", "ajouter"), AideTouche("Échap", "annuler")] }
        return [AideTouche("Entrée", "faire l'appel de cette séance"), AideTouche("n", "nouvelle séance aujourd'hui"),
                AideTouche("Suppr", "supprimer une séance ajoutée par erreur"), AideTouche("R", "séance de rattrapage, hors des dates")]
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        if case .fait = reponse { return [.demander(.seances(cohorte))] }
        guard case .seances(_, let seances, let appels) = reponse else { return [] }
        let premiereFois = !charge || seances.count > self.seances.count
        self.seances = seances
        self.appels = appels
        charge = true
        if premiereFois {
            defilement.selection = seances.lastIndex { $0.date <= jour } ?? 0
        }
        return []
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let h = max(1, hauteur - 2)
        if var champ = nouvelle {
            switch touche {
            case .entree:
                nouvelle = nil
                guard let minutes = Int(champ.texte), minutes > 0 else { return [.info("Aucune séance ajoutée : indiquez une durée en minutes.")] }
                return [.demander(.ajouterSeance(cohorte: cohorte, minutes: minutes, horsDates: rattrapage))]
            case .echap, .ctrl("c"):
                nouvelle = nil
                return [.info("Aucune séance ajoutée.")]
            default:
                _ = champ.appliquer(touche)
                nouvelle = champ
            }
            return []
        }
        if touche == .caractere("n") || touche == .caractere("R") {
            // The usual duration: the last séance's, else two hours.
            rattrapage = touche == .caractere("R")
            nouvelle = ChampTexte(String(seances.last?.minutesPrevues ?? 120), chiffresSeulement: true, longueurMax: 3, preRempli: true)
            return []
        }
        switch touche {
        case _ where defilement.suivre(touche, nombre: seances.count, hauteur: h): break
        case .entree, .droite:
            guard seances.indices.contains(defilement.selection), let id = seances[defilement.selection].id else { return [] }
            return [.ouvrir(EcranAppel(seanceId: id))]
        case .suppression, .caractere("x"):
            guard seances.indices.contains(defilement.selection), let id = seances[defilement.selection].id else { return [] }
            let seance = seances[defilement.selection]
            let appel = appels[id].map { $0.saisis > 0 ? " Son appel (\($0.libelle)) sera supprimé avec elle." : "" } ?? ""
            return [.ouvrir(EcranFormulaire(ModeleTexte(
                titre: "Supprimer une séance",
                introduction: "La séance du \(Format.jourCourt(seance.date)) (\(Format.duree(minutes: seance.minutesPrevues))) sera supprimée.\(appel) La suppression est gardée au journal, avec son motif.",
                etiquette: "Motif", aide: "Pourquoi, par exemple « ajoutée deux fois » ou « séance annulée ».", bouton: "Supprimer la séance",
                obligatoire: "dites pourquoi la séance est supprimée (le motif).",
                fabrique: { .supprimerSeance(id: id, date: seance.date, motif: $0) })))]
        default: return nil
        }
        return []
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard charge else { return }
        tampon.ecrireLigne([Segment(" Appel — cohorte \(cohorte)", style: Styles.entete), Segment(" · choisissez la séance")],
                      x: zone.x, y: zone.y, largeur: zone.largeur)
        if let champ = nouvelle {
            tampon.ecrireLigne([Segment(" \(rattrapage ? "Rattrapage" : "Nouvelle séance") le \(Format.jourCourt(jour)), durée en minutes : ", style: Styles.enCours),
                                Segment(champ.texte + "▏", style: Styles.touche), Segment("  Entrée : ajouter · Échap : annuler", style: Styles.attenue)],
                               x: zone.x, y: zone.bas - 1, largeur: zone.largeur)
        }
        let liste = Zone(x: zone.x, y: zone.y + 1, largeur: zone.largeur, hauteur: zone.hauteur - (nouvelle == nil ? 1 : 2))
        if seances.isEmpty {
            tampon.ecrireLigne([Segment(" Aucune séance prévue. Touche n : une séance aujourd'hui.")], x: liste.x, y: liste.y + 1,
                               largeur: liste.largeur)
            return
        }
        var d = defilement
        d.ajuster(nombre: seances.count, hauteur: max(1, liste.hauteur - 1))
        func etat(_ s: Seance) -> Segment {
            if let appel = s.id.flatMap({ appels[$0] }), appel.saisis > 0 {
                // A partial roll call reads as partial (« 2 sur 6 saisis »), never « fait ».
                return Segment(appel.libelle, style: appel.complet ? Styles.succes : Styles.enCours)
            }
            return s.date > jour ? Segment("à venir", style: Styles.attenue) : Segment("à faire", style: Styles.enCours)
        }
        func largeur(_ texte: (Seance) -> String) -> Int { seances.map { Largeur.colonnes(texte($0)) }.max() ?? 0 }
        // The theme gets the room it needs, the duration and the roll call stay next to it.
        let colonnes: [ColonneTableau] = [
            .nombre("Date", contenu: largeur { Format.jourCourt($0.date) }, alignement: .gauche),
            .texte("Thème", minimum: 12, maximum: 40, contenu: largeur { $0.theme ?? "—" }),
            .nombre("Durée", contenu: largeur { Format.duree(minutes: $0.minutesPrevues) }),
            .nombre("Appel", contenu: largeur { etat($0).texte }, alignement: .gauche),
        ]
        Tableau(colonnes: colonnes, nombre: seances.count, selection: d.selection, decalage: d.decalage) { i in
            let s = seances[i]
            let etat = etat(s)
            return [[Segment(Format.jourCourt(s.date), style: s.date == jour ? Styles.entete : .normal)], [Segment(s.theme ?? "—")],
                    [Segment(Format.duree(minutes: s.minutesPrevues))], [etat]]
        }.rendre(dans: liste, tampon: &tampon)
    }
}
