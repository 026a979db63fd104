import LivretTerminal

/// Why a form's answers cannot be sent: a French sentence, and the field to go back to.
public struct RefusSaisie: Error, Sendable, Equatable {
    public var message: String
    public var champ: String?

    public init(_ message: String, champ: String? = nil) {
        self.message = message
        self.champ = champ
    }
}

/// What a form is for: its questions, and the request its answers make.
public protocol ModeleFormulaire: Sendable {
    /// The screen's name in the breadcrumb.
    var titre: String { get }
    /// A sentence or two above the questions, in plain words.
    var introduction: String { get }
    /// The label of the last line (« Ajouter la personne »).
    var bouton: String { get }
    /// The questions, filled in as they are when the form opens.
    func champs() -> [ChampFormulaire]
    /// The request of the answers, or what to correct first.
    func demande(_ formulaire: Formulaire) -> Result<Demande, RefusSaisie>
    /// What follows a successful write (by default, back to the previous screen).
    func apres(_ reponse: Reponse) -> [Commande]
}

extension ModeleFormulaire {
    public var introduction: String { "" }
    public var bouton: String { "Enregistrer" }
    public func apres(_ reponse: Reponse) -> [Commande] { [.retour] }
}

/// A screen that is a form: the introduction, the questions, and the request sent on
/// « Enregistrer ». When the write is refused the form stays, with what was typed, and the
/// message says what to change.
public struct EcranFormulaire<Modele: ModeleFormulaire>: EcranTUI {
    public let modele: Modele
    public var formulaire: Formulaire

    public init(_ modele: Modele) {
        self.modele = modele
        formulaire = Formulaire(modele.champs(), bouton: modele.bouton)
    }

    public var titre: String { modele.titre }
    public var chargement: Demande? { nil }
    /// A form takes every key: q and ? are letters in a name; Échap leaves.
    public var saisieEnCours: Bool { true }
    public var nonEnregistre: String? {
        formulaire.modifie ? "une saisie n'est pas enregistrée : Entrée sur « \(formulaire.bouton) », ou Échap pour l'abandonner." : nil
    }

    public var touches: [AideTouche] {
        if formulaire.confirmerAbandon { return [AideTouche("Échap", "abandonner"), AideTouche("autre touche", "continuer")] }
        var touches = [AideTouche("↑ ↓", "question"), AideTouche("Entrée", formulaire.courant >= formulaire.champs.count ? formulaire.bouton.lowercased() : "suivante")]
        if formulaire.champs.indices.contains(formulaire.courant) {
            switch formulaire.champs[formulaire.courant].valeur {
            case .choix: touches.append(AideTouche("← →", "choisir"))
            case .coche: touches.append(AideTouche("Espace", "oui / non"))
            case .texte: touches.append(AideTouche("Ctrl-C", "annuler la réponse"))
            }
        }
        return touches + [AideTouche("Échap", "annuler")]
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        switch formulaire.touche(touche) {
        case .continuer: return []
        case .annuler: return [.retour, .info("Rien n'a été enregistré.")]
        case .valider:
            switch modele.demande(formulaire) {
            case .success(let demande): return [.demander(demande)]
            case .failure(let refus):
                if let champ = refus.champ { formulaire.aller(a: champ) }
                return [.erreur(refus.message)]
            }
        }
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        switch reponse {
        case .echec: return []
        default:
            // Written: the form closes as it is, nothing left to save.
            formulaire = Formulaire(formulaire.champs.map { var c = $0; c.initiale = c.valeur; return c }, bouton: formulaire.bouton)
            return modele.apres(reponse)
        }
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        var corps = zone
        if !modele.introduction.isEmpty {
            let rangees = Paragraphe(modele.introduction, retourALaLigne: true).rangees(largeur: max(1, zone.largeur - 2))
            let n = min(rangees.count, max(0, zone.hauteur - 6))
            for (k, rangee) in rangees.prefix(n).enumerated() {
                tampon.ecrireLigne(rangee, x: zone.x + 1, y: zone.y + k, largeur: zone.largeur - 2)
            }
            corps = Zone(x: zone.x, y: zone.y + n + 1, largeur: zone.largeur, hauteur: max(0, zone.hauteur - n - 1))
        }
        formulaire.dessiner(dans: corps, tampon: &tampon)
    }
}
