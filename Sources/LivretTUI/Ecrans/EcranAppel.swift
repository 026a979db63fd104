import LivretCore
import LivretServices
import LivretStore
import LivretTerminal

/// Taking attendance of one session: move with ↑↓, one key marks présent (p), excusé (e) or
/// absent (a) and goes to the next person; m edits the minutes; s records the whole sheet in one
/// transaction. What was typed stays on screen until it is recorded, even after an error.
public struct EcranAppel: EcranTUI {
    let seanceId: Int64
    var feuille: FeuilleAppel?
    /// What the formateur typed, by learner: not recorded yet.
    var saisies: [String: SaisiePresence] = [:]
    var defilement = Defilement()
    /// Minutes being typed for the selected person.
    var minutes: ChampTexte?
    /// Asking what to do with unrecorded marks before leaving.
    var confirmationSortie = false
    var quitterApres = false
    /// The confirmation came from q or Ctrl-C: once answered, Livret closes (not just this screen).
    var quitterLivret = false

    public init(seanceId: Int64) { self.seanceId = seanceId }

    public var titre: String { feuille.map { "Appel du \($0.seance.date.francais)" } ?? "Appel" }
    public var chargement: Demande? { .appel(seanceId: seanceId) }
    public var saisieEnCours: Bool { minutes != nil || confirmationSortie }
    var modifie: Bool { !saisies.isEmpty }

    public var nonEnregistre: String? {
        modifie ? "des présences ne sont pas enregistrées : s pour les enregistrer, ou Échap puis o pour les abandonner." : nil
    }

    public var touches: [AideTouche] {
        if minutes != nil { return [AideTouche("0-9", "minutes"), AideTouche("Entrée", "valider"), AideTouche("Échap", "annuler")] }
        if confirmationSortie {
            return quitterLivret
                ? [AideTouche("s", "enregistrer et quitter"), AideTouche("o", "quitter sans enregistrer"), AideTouche("Échap", "continuer l'appel")]
                : [AideTouche("s", "enregistrer"), AideTouche("o", "abandonner la saisie"), AideTouche("Échap", "continuer l'appel")]
        }
        return [AideTouche("p", "présent"), AideTouche("e", "excusé"), AideTouche("a", "absent"), AideTouche("s", "enregistrer"),
                AideTouche("m", "minutes"), AideTouche("t", "tous présents")]
    }

    /// The line as it will be recorded: typed, else already recorded.
    func etat(_ ligne: FeuilleAppel.Ligne) -> (statut: StatutPresence?, minutes: Int?, modifie: Bool) {
        if let s = saisies[ligne.identifiant] {
            let minutes = s.statut == .present ? (s.minutes ?? feuille?.seance.minutesPrevues) : 0
            return (s.statut, minutes, true)
        }
        return (ligne.statut, ligne.minutes, false)
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        switch reponse {
        case .appel(var feuille):
            // In the order of names, as the formateur calls them.
            feuille.lignes.sort { (Filtre.plier($0.nom), $0.identifiant) < (Filtre.plier($1.nom), $1.identifiant) }
            let premiereFois = self.feuille == nil
            self.feuille = feuille
            if premiereFois, let i = feuille.lignes.firstIndex(where: { $0.statutInscription != .abandon }) { defilement.selection = i }
            return []
        case .fait:
            saisies = [:]
            if quitterApres { return [quitterLivret ? .quitter : .retour] }
            return [.demander(.appel(seanceId: seanceId))]
        case .echec:
            quitterApres = false
            quitterLivret = false
            return []
        default:
            return []
        }
    }

    mutating func marquer(_ statut: StatutPresence, minutes: Int? = nil, hauteur: Int) {
        guard let feuille, feuille.lignes.indices.contains(defilement.selection) else { return }
        let ligne = feuille.lignes[defilement.selection]
        saisies[ligne.identifiant] = SaisiePresence(identifiant: ligne.identifiant, statut: statut,
                                                    minutes: statut == .present ? minutes : nil)
    }

    /// To the next person still following the parcours (people who dropped out are skipped, but
    /// can still be reached with the arrows).
    mutating func avancer(hauteur: Int) {
        guard let feuille else { return }
        let n = feuille.lignes.count
        var suivant = defilement.selection + 1
        while suivant < n && feuille.lignes[suivant].statutInscription == .abandon { suivant += 1 }
        defilement.deplacer(de: min(suivant, n - 1) - defilement.selection, nombre: n, hauteur: hauteur)
    }

    var enregistrement: [Commande] {
        let lignes = feuille?.lignes.compactMap { saisies[$0.identifiant] } ?? []
        guard !lignes.isEmpty else { return [.info("Rien à enregistrer : marquez d'abord les présences (p, e, a).")] }
        return [.demander(.enregistrerAppel(seanceId: seanceId, lignes))]
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        guard let feuille else { return nil }
        let h = max(1, hauteur - 4)
        let n = feuille.lignes.count
        if var champ = minutes {
            switch touche {
            case .entree:
                guard let valeur = Int(champ.texte) else { minutes = nil; return [.info("Minutes inchangées.")] }
                // The same bound as every front end (Core's rule), checked as soon as it is typed.
                do {
                    _ = try RegleSeance.minutesPresence(statut: .present, saisies: valeur, seance: feuille.seance.minutesPrevues,
                                                        qui: feuille.lignes[defilement.selection].nom)
                } catch {
                    return [.info("\(error.message) Corrigez ou Échap.")]
                }
                minutes = nil
                marquer(.present, minutes: valeur, hauteur: h)
                avancer(hauteur: h)
            case .echap, .ctrl("c"): minutes = nil   // Ctrl-C cancels the field, not Livret
            default:
                _ = champ.appliquer(touche)
                minutes = champ
            }
            return []
        }
        if confirmationSortie {
            switch touche {
            case .caractere("s"), .ctrl("s"), .entree:
                confirmationSortie = false
                quitterApres = true
                return enregistrement
            case .caractere("o"):
                saisies = [:]
                confirmationSortie = false
                return [quitterLivret ? .quitter : .retour]
            case .echap, .caractere("n"): confirmationSortie = false; quitterLivret = false
            default: break
            }
            return []
        }
        switch touche {
        case _ where defilement.suivre(touche, nombre: n, hauteur: h): break
        case .caractere("p"), .caractere(" "): marquer(.present, hauteur: h); avancer(hauteur: h)
        case .caractere("e"): marquer(.excuse, hauteur: h); avancer(hauteur: h)
        case .caractere("a"): marquer(.absent, hauteur: h); avancer(hauteur: h)
        case .caractere("m"):
            guard feuille.lignes.indices.contains(defilement.selection) else { return [] }
            let actuel = etat(feuille.lignes[defilement.selection]).minutes ?? feuille.seance.minutesPrevues
            minutes = ChampTexte(actuel == 0 ? "" : String(actuel), chiffresSeulement: true, longueurMax: 4, preRempli: true)
        case .caractere("t"):
            for ligne in feuille.lignes where etat(ligne).statut == nil && ligne.statutInscription != .abandon {
                saisies[ligne.identifiant] = SaisiePresence(identifiant: ligne.identifiant, statut: .present, minutes: nil)
            }
        case .caractere("s"), .ctrl("s"): return enregistrement
        case .echap, .gauche, .caractere("q"):
            if modifie { confirmationSortie = true; quitterLivret = touche == .caractere("q"); return [] }
            return touche == .caractere("q") ? [.quitter] : [.retour]
        case .ctrl("c"), .ctrl("d"):
            if modifie { confirmationSortie = true; quitterLivret = true; return [] }
            return [.quitter]
        default: return nil
        }
        return []
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard let feuille else { return }
        let s = feuille.seance
        let parties = zone.lignes([.fixe(1), .reste, .fixe(1), .fixe(2)])
        // The theme last: on a narrow terminal, it is what gets cut, never the duration.
        tampon.ecrireLigne([Segment(" Appel du \(Format.jourCourt(s.date))", style: Styles.entete),
                       Segment(" · \(Format.duree(minutes: s.minutesPrevues))" + (s.theme.map { " · \($0)" } ?? ""))],
                      x: zone.x, y: parties[0].y, largeur: zone.largeur)
        var d = defilement
        d.ajuster(nombre: feuille.lignes.count, hauteur: max(1, parties[1].hauteur - 1))
        // Names get the room they need; the presence, the minutes (up to « 1440▏ » while typed) and
        // the remark are never cut.
        let colonnes: [ColonneTableau] = [
            .texte("Apprenant", minimum: 18, maximum: 30, contenu: feuille.lignes.map { Largeur.colonnes($0.nom) }.max()),
            .nombre("Présence", contenu: 12, alignement: .gauche), .nombre("Minutes", contenu: 5),
            .nombre("", contenu: Largeur.colonnes("non enregistré"), alignement: .gauche),
        ]
        let selection = d.selection
        Tableau(colonnes: colonnes, nombre: feuille.lignes.count, selection: selection, decalage: d.decalage) { i in
            let ligne = feuille.lignes[i]
            let e = etat(ligne)
            let presence: [Segment] = switch e.statut {
            case .present?: [Segment("[P] ", style: Styles.touche), Segment("présent", style: Styles.succes)]
            case .excuse?: [Segment("[E] ", style: Styles.touche), Segment("excusé")]
            case .absent?: [Segment("[A] ", style: Styles.touche), Segment("absent", style: Styles.erreur)]
            case nil where ligne.statutInscription == .abandon: [Segment("—", style: Styles.attenue)]
            case nil: [Segment("[ ] ", style: Styles.attenue), Segment("à saisir", style: Styles.attenue)]
            }
            var minutesTexte = e.statut == .present ? "\(e.minutes ?? s.minutesPrevues)" : (e.statut == nil ? "" : "0")
            if i == selection, let champ = minutes { minutesTexte = champ.texte + "▏" }
            let remarque = e.modifie ? "non enregistré" : (ligne.statutInscription == .abandon ? "abandon" : "")
            return [[Segment(ligne.nom, style: ligne.statutInscription == .abandon ? Styles.attenue : .normal)], presence,
                    [Segment(minutesTexte)], [Segment(remarque, style: e.modifie ? Styles.enCours : Styles.attenue)]]
        }.rendre(dans: parties[1], tampon: &tampon)
        tampon.separateur(zone, y: parties[2].y, premier: d.decalage, visibles: max(1, parties[1].hauteur - 1), total: feuille.lignes.count)
        var compte: [StatutPresence?: Int] = [:]
        for ligne in feuille.lignes where !(ligne.statutInscription == .abandon && etat(ligne).statut == nil) {
            compte[etat(ligne).statut, default: 0] += 1
        }
        let bas = parties[3].interieur(horizontal: 1)
        tampon.ecrireParties([[Segment("Présents \(compte[.present] ?? 0)")], [Segment("excusés \(compte[.excuse] ?? 0)")],
                              [Segment("absents \(compte[.absent] ?? 0)")], [Segment("à saisir \(compte[nil] ?? 0)")]],
                             x: bas.x, y: bas.y, largeur: bas.largeur)
        if confirmationSortie {
            tampon.ecrireParties(quitterLivret
                                 ? [[Segment("Non enregistré ! s : enregistrer et quitter", style: Styles.erreur)],
                                    [Segment("o : quitter sans enregistrer", style: Styles.erreur)], [Segment("Échap : continuer l'appel", style: Styles.erreur)]]
                                 : [[Segment("Non enregistré ! s : enregistrer", style: Styles.erreur)], [Segment("o : abandonner", style: Styles.erreur)],
                                    [Segment("Échap : continuer l'appel", style: Styles.erreur)]],
                                 x: bas.x, y: bas.y + 1, largeur: bas.largeur)
        } else if modifie {
            tampon.ecrire("\(Accord.nombre(saisies.count, "ligne modifiée", "lignes modifiées")), pas encore \(Accord.forme(saisies.count, "enregistrée")) : touche s.",
                          x: bas.x, y: bas.y + 1, style: Styles.enCours, largeurMax: bas.largeur)
        }
    }
}
