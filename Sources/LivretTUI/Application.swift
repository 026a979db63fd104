import LivretCore
import LivretTerminal

/// The whole UI as a value: a stack of screens, the message line, the help overlay.
/// Keys and responses change it; drawing is a pure function of it into a ``Tampon``.
public struct Application {
    public private(set) var pile: [any EcranTUI]
    public private(set) var message: (texte: String, erreur: Bool)?
    public private(set) var aideVisible = false
    public private(set) var termine = false
    /// The structure's name, shown in the title bar once known.
    public private(set) var structure: String?
    /// Who works now, in the title bar.
    public private(set) var formateur: String?
    /// The open base is the demonstration's own file (the title bar says so).
    public private(set) var demo = false
    let jour: Jour

    /// Rows taken by the title, breadcrumb, message and status lines.
    static let lignesHabillage = 4

    public init(formateur: String?, env: Environnement) {
        self.formateur = formateur
        self.jour = env.jour
        pile = [EcranAccueil(env: env)]
    }

    /// The screen on top.
    public var ecran: any EcranTUI { pile[pile.count - 1] }

    /// Loads the first screen; with several formateurs and nobody chosen on this machine, asks who works.
    public mutating func demarrer(_ executer: (Demande) -> Reponse) {
        if let chargement = ecran.chargement { traiter([.demander(chargement)], executer) }
        if case .poste(let etat) = executer(.poste) {
            prendre(etat)
            if etat.choixNecessaire {
                traiter([.ouvrir(EcranQuiTravaille(formateurs: etat.formateurs, courant: nil))], executer)
                if let inconnu = etat.formateurInconnu {
                    message = ("« \(inconnu) » n'est pas un formateur de cette base : choisissez qui travaille.", true)
                }
            }
        }
    }

    /// The title bar follows the workstation's state.
    mutating func prendre(_ etat: EtatPoste) {
        structure = etat.structure
        formateur = etat.formateur
        demo = etat.demo
    }

    /// A key pressed, with the terminal's current size.
    public mutating func touche(_ touche: Touche, taille: Taille, _ executer: (Demande) -> Reponse) {
        if aideVisible { aideVisible = false; return }
        message = nil
        let hauteur = max(1, taille.hauteur - Self.lignesHabillage)
        let saisie = ecran.saisieEnCours
        if !saisie && touche == .caractere("?") { aideVisible = true; return }
        if !saisie && touche == .fonction(1) { aideVisible = true; return }
        let commandes = pile[pile.count - 1].touche(touche, hauteur: hauteur)
        if let commandes { traiter(commandes, executer); return }
        switch touche {
        case .caractere("q"), .ctrl("c"), .ctrl("d"):
            if let attente = pile.lazy.compactMap(\.nonEnregistre).first {
                message = (attente, true)
            } else {
                termine = true
            }
        case .echap, .gauche, .retourArriere: traiter([.retour], executer)
        default: break
        }
    }

    private mutating func traiter(_ commandes: [Commande], _ executer: (Demande) -> Reponse) {
        for commande in commandes {
            switch commande {
            case .ouvrir(let ecran):
                pile.append(ecran)
                if let chargement = ecran.chargement { traiter([.demander(chargement)], executer) }
            case .retour:
                guard pile.count > 1 else { continue }
                pile.removeLast()
                if let chargement = ecran.chargement { recharger(chargement, executer) }
            case .demander(let demande):
                let reponse = executer(demande)
                var choixFormateur: [Commande] = []
                switch reponse {
                case .fait(let texte):
                    message = (texte, false)
                    // A write may have set up the base, opened the demo or changed who works; with
                    // several formateurs and nobody chosen, the UI asks who works.
                    if case .poste(let etat) = executer(.poste) {
                        prendre(etat)
                        if etat.choixNecessaire && !(ecran is EcranQuiTravaille) {
                            choixFormateur = [.ouvrir(EcranQuiTravaille(formateurs: etat.formateurs, courant: nil))]
                        }
                    }
                case .echec(let texte): message = (texte, true)
                case .accueil(let nom, _): structure = nom
                case .poste(let etat): prendre(etat)
                default: break
                }
                let suite = pile[pile.count - 1].recevoir(reponse)
                traiter(suite + choixFormateur, executer)
            case .quitter:
                if let attente = pile.lazy.compactMap(\.nonEnregistre).first { message = (attente, true) } else { termine = true }
            case .info(let texte):
                message = (texte, false)
            case .erreur(let texte):
                message = (texte, true)
            }
        }
    }

    /// Reloads a screen without losing the message of the write that made it stale.
    private mutating func recharger(_ demande: Demande, _ executer: (Demande) -> Reponse) {
        let garde = message
        traiter([.demander(demande)], executer)
        if let garde, message == nil || message?.erreur == false { message = garde }
    }

    /// Draws the whole UI.
    public func dessiner(_ tampon: inout Tampon) {
        let zone = tampon.zone
        guard zone.hauteur >= Self.lignesHabillage + 1, zone.largeur >= 20 else {
            tampon.ecrire("Fenêtre trop petite", x: 0, y: 0, largeurMax: zone.largeur)
            return
        }
        // The demo says so in the title bar (its structure's name already does, « (démo) »).
        Habillage.titre(structure: structure.map { demo && !$0.lowercased().contains("démo") ? "\($0) (démonstration)" : $0 }, formateur: formateur, jour: jour,
                        ligne: zone.ligne(0), tampon: &tampon)
        Habillage.fil(pile.map(\.titre), ligne: zone.ligne(1), tampon: &tampon)
        let contenu = Zone(x: 0, y: 2, largeur: zone.largeur, hauteur: zone.hauteur - Self.lignesHabillage)
        ecran.dessiner(dans: contenu, tampon: &tampon)
        Habillage.message(message, ligne: zone.ligne(zone.hauteur - 2), tampon: &tampon)
        Habillage.touches(ecran.touches, retour: pile.count > 1, saisie: ecran.saisieEnCours, ligne: zone.ligne(zone.hauteur - 1), tampon: &tampon)
        if let question = ecran.question {
            // Each line wrapped to the window's width, so that nothing is cut on a small terminal.
            let largeur = max(10, min(contenu.largeur - 4, (question.lignes.map { Largeur.colonnes($0) }.max() ?? 10)))
            let lignes = question.lignes.flatMap { $0.isEmpty ? [[]] : Paragraphe($0, retourALaLigne: true).rangees(largeur: largeur) }
            Fenetre(titre: question.titre, lignes: lignes, style: .normal).rendre(dans: contenu, tampon: &tampon)
        }
        if aideVisible {
            Habillage.aide(titre: ecran.titre, touches: ecran.touches, retour: pile.count > 1, dans: contenu, tampon: &tampon)
        }
    }
}
