import LivretCore
import LivretTerminal

/// A learner's card to correct: loads the person and the consent in force, then is the form
/// (``ModeleApprenant``) filled with them.
public struct EcranFicheApprenant: EcranTUI {
    let identifiant: String
    let env: Environnement
    var formulaire: EcranFormulaire<ModeleApprenant>?

    public init(identifiant: String, env: Environnement) {
        self.identifiant = identifiant
        self.env = env
    }

    public var titre: String { formulaire?.titre ?? "Fiche" }
    public var chargement: Demande? { formulaire == nil ? .apprenant(identifiant) : nil }
    public var saisieEnCours: Bool { formulaire?.saisieEnCours ?? false }
    public var nonEnregistre: String? { formulaire?.nonEnregistre }
    public var touches: [AideTouche] { formulaire?.touches ?? [] }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        guard formulaire != nil else { return nil }
        return formulaire!.touche(touche, hauteur: hauteur)
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        if case .apprenant(let dossier) = reponse, formulaire == nil {
            formulaire = EcranFormulaire(ModeleApprenant(existant: dossier.apprenant, consentement: dossier.consentements.last,
                                                         inscrireDans: nil, anneeCourante: env.jour.annee))
            return []
        }
        guard formulaire != nil else { return [] }
        return formulaire!.recevoir(reponse)
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        formulaire?.dessiner(dans: zone, tampon: &tampon)
    }
}
