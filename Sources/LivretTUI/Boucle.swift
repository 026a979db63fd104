import LivretTerminal

/// Runs the UI on the real terminal until the formateur quits: draw, wait for keys (a lone
/// Escape is resolved after 50 ms), update, run the requests, draw the difference.
public enum InterfaceTerminal {
    /// How long a lone Escape waits for the rest of a key sequence.
    public static let delaiEchapMillisecondes: Int32 = 50

    /// Takes the terminal, runs the UI on `poste`, and gives the terminal back as it was — on
    /// quitting, on an error and on a signal (the engine restores it in one place).
    public static func lancer(poste: Poste) throws {
        Largeur.initialiser()
        let terminal = try Terminal.ouvrir()
        defer { terminal.restaurer() }
        let ecran = Ecran(sortie: terminal, couleurs: Terminal.couleursAutorisees)
        let executeur = Executeur(poste: poste)
        var taille = terminal.taille()
        // The frame on screen, so that a request that may take a while first shows « chargement… ».
        var affiche = Tampon(taille: taille)
        let executer: (Demande) -> Reponse = { demande in
            if demande.peutEtreLongue {
                var attente = affiche
                Habillage.message(("chargement…", false), ligne: attente.zone.ligne(attente.zone.hauteur - 2), tampon: &attente)
                ecran.dessiner(attente)
                affiche = attente
            }
            return executeur.executer(demande)
        }
        var application = Application(formateur: poste.nomAffiche, env: Environnement(jour: poste.jour, catalogue: poste.catalogue))
        application.demarrer(executer)
        var decodeur = DecodeurEntree()
        while !application.termine {
            var tampon = Tampon(taille: taille)
            application.dessiner(&tampon)
            ecran.dessiner(tampon)
            affiche = tampon
            var touches: [Touche] = []
            switch terminal.lire(delaiMillisecondes: decodeur.enAttente ? delaiEchapMillisecondes : -1) {
            case .octets(let octets): touches = decodeur.alimenter(octets)
            case .rien: touches = decodeur.expirer()
            case .redimensionnement:
                taille = terminal.taille()
                ecran.invalider()
            }
            for touche in touches where !application.termine {
                if touche == .ctrl("z") {
                    // Raw mode turns ctrl-z into a key: suspend as a shell expects; on « fg », the
                    // terminal reports a resize and everything is drawn again.
                    terminal.pause()
                    continue
                }
                application.touche(touche, taille: taille, executer)
            }
        }
    }
}

/// The UI driven by a script of keys, without a terminal, at a fixed size: for tests, snapshots
/// and timings. Requests run synchronously on the same ``Executeur`` as the real UI.
public struct SessionScriptee {
    public private(set) var application: Application
    public let executeur: Executeur
    public let taille: Taille

    public init(poste: Poste, taille: Taille = Taille(largeur: 80, hauteur: 24)) {
        executeur = Executeur(poste: poste)
        self.taille = taille
        application = Application(formateur: poste.nomAffiche, env: Environnement(jour: poste.jour, catalogue: poste.catalogue))
        application.demarrer(executeur.executer)
    }

    /// Presses keys, one after the other.
    public mutating func taper(_ touches: Touche...) { taper(touches) }

    public mutating func taper(_ touches: [Touche]) {
        for touche in touches where !application.termine { application.touche(touche, taille: taille, executeur.executer) }
    }

    /// Types text: each character is a key, "\n" is Entrée.
    public mutating func ecrire(_ texte: String) {
        taper(texte.map { $0 == "\n" ? .entree : .caractere($0) })
    }

    /// The screen as it would be drawn now.
    public var tampon: Tampon {
        var tampon = Tampon(taille: taille)
        application.dessiner(&tampon)
        return tampon
    }

    /// The screen's text, one line per row, trailing spaces kept.
    public var ecran: String { tampon.texte() }
}
