import LivretCore
import LivretTerminal

/// Badges of a cohort: who has earned badges not yet issued → the formateur confirms → they
/// are signed and recorded; then the bundle (zip, with the CV) and the CV to hand over.
public struct EcranBadges: EcranTUI {
    /// What waits for Entrée.
    enum Confirmation: Equatable { case emettre(String), cle, accord(String) }

    let cohorte: String
    var apprenants: [BadgesApprenant] = []
    var charge = false
    var defilement = Defilement()
    var confirmation: Confirmation?

    public init(cohorte: String) { self.cohorte = cohorte }

    public var titre: String { "Badges \(Accord.de(cohorte))" }
    public var chargement: Demande? { .badges(cohorte) }
    public var saisieEnCours: Bool { confirmation != nil }

    public var touches: [AideTouche] {
        if confirmation != nil { return [AideTouche("Entrée", "confirmer"), AideTouche("Échap", "annuler")] }
        return [AideTouche("e", "délivrer"), AideTouche("p", "paquet à remettre"), AideTouche("v", "CV"), AideTouche("c", "accord recueilli"),
                AideTouche("k", "clé de signature")]
    }

    var selectionne: BadgesApprenant? { apprenants.indices.contains(defilement.selection) ? apprenants[defilement.selection] : nil }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        switch reponse {
        case .badges(_, let apprenants):
            self.apprenants = apprenants
            charge = true
            defilement.selection = min(defilement.selection, max(0, apprenants.count - 1))
        case .fait: return [.demander(.badges(cohorte))]
        default: break
        }
        return []
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        if let attente = confirmation {
            confirmation = nil
            guard touche == .entree else { return [.info("Rien n'a été fait.")] }
            switch attente {
            case .emettre(let identifiant): return [.demander(.emettreBadges(identifiant))]
            case .cle: return [.demander(.creerCle)]
            case .accord(let identifiant): return [.demander(.accordBadges(identifiant))]
            }
        }
        let h = max(1, hauteur - 8)
        let n = apprenants.count
        switch touche {
        case _ where defilement.suivre(touche, nombre: n, hauteur: h, lettres: false): break
        case .caractere("k"): confirmation = .cle
        case .caractere("c"):
            guard let a = selectionne else { return [] }
            guard !a.consentement else { return [.info("\(a.nom) a déjà donné son accord pour recevoir des badges.")] }
            confirmation = .accord(a.identifiant)
        case .caractere("e"):
            guard let a = selectionne else { return [] }
            guard a.consentement else { return [.info("\(a.nom) n'a pas donné son accord pour recevoir des badges : recueillez-le d'abord (touche c).")] }
            guard !a.aDelivrer.isEmpty else { return [.info("Aucun nouveau badge à délivrer à \(a.nom).")] }
            confirmation = .emettre(a.identifiant)
        case .caractere("p"):
            guard let a = selectionne else { return [] }
            return [.demander(.paquet(a.identifiant))]
        case .caractere("v"):
            guard let a = selectionne else { return [] }
            return [.ouvrir(EcranFormulaire(ModeleCV(identifiant: a.identifiant, nom: a.nom)))]
        default: return nil
        }
        return []
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard charge else { return }
        let parties = zone.lignes([.fixe(1), .reste, .fixe(1), .fixe(7)])
        tampon.ecrireParties([[Segment(" Badges — cohorte \(cohorte)", style: Styles.entete)],
                              [Segment("\(apprenants.reduce(0) { $0 + $1.aDelivrer.count }) à délivrer")],
                              [Segment(Accord.nombre(apprenants.reduce(0) { $0 + $1.delivres }, "délivré"))]],
                             x: zone.x, y: parties[0].y, largeur: zone.largeur)
        var d = defilement
        d.ajuster(nombre: apprenants.count, hauteur: max(1, parties[1].hauteur - 1))
        func chiffres(_ valeur: (BadgesApprenant) -> Int) -> Int { String(apprenants.lazy.map(valeur).max() ?? 0).count }
        // Names get the room they need, the counts stay next to them.
        let colonnes: [ColonneTableau] = [
            .texte("Apprenant", minimum: 18, maximum: 30, contenu: apprenants.map { Largeur.colonnes($0.nom) }.max()),
            .nombre("Accord", contenu: 3, alignement: .gauche), .nombre("Gagnés", contenu: chiffres(\.gagnes.count)),
            .nombre("À délivrer", contenu: chiffres(\.aDelivrer.count)), .nombre("Délivrés", contenu: chiffres(\.delivres)),
        ]
        Tableau(colonnes: colonnes, nombre: apprenants.count, selection: d.selection, decalage: d.decalage) { i in
            let a = apprenants[i]
            return [[Segment(a.nom)], [Segment(a.consentement ? "oui" : "non", style: a.consentement ? .normal : Styles.attenue)],
                    [Segment("\(a.gagnes.count)")],
                    [Segment("\(a.aDelivrer.count)", style: a.aDelivrer.isEmpty ? Styles.attenue : Styles.enCours)], [Segment("\(a.delivres)")]]
        }.rendre(dans: parties[1], tampon: &tampon)
        tampon.separateur(zone, y: parties[2].y, premier: d.decalage, visibles: max(1, parties[1].hauteur - 1), total: apprenants.count)
        guard let a = selectionne else { return }
        var lignes: [[Segment]] = []
        if !a.consentement {
            lignes.append([Segment("Pas d'accord pour recevoir des badges : rien ne peut lui être délivré"
                                   + (a.enAttente.isEmpty ? "." : " (\(Accord.nombre(a.enAttente.count, "badge gagné", "badges gagnés"))). Recueillez son accord, puis touche c."),
                                   style: Styles.attenue)])
        } else if a.aDelivrer.isEmpty {
            lignes.append([Segment("Rien de nouveau à délivrer.", style: Styles.attenue)])
        } else {
            lignes.append([Segment("Gagnés, à délivrer :", style: Styles.entete)])
            lignes += a.aDelivrer.map { [Segment("• " + $0.eligibilite.reussite.nom)] }
        }
        if case .emettre = confirmation {
            lignes = [[Segment("Délivrer \(Accord.nombre(a.aDelivrer.count, "badge signé", "badges signés")) à \(a.nom) ? ", style: Styles.enCours),
                       Segment("Entrée : oui · Échap : non", style: Styles.touche)]] + lignes.dropFirst()
        } else if case .accord = confirmation {
            lignes = [[Segment("Accord donné par \(a.nom) pour recevoir des badges ? ", style: Styles.enCours),
                       Segment("Entrée : oui · Échap : non", style: Styles.touche)],
                      [Segment("Les badges portent son prénom ou son pseudonyme ; jamais son sexe ni son âge.", style: Styles.attenue)]]
        } else if confirmation == .cle {
            lignes = [[Segment("Créer une nouvelle clé de signature ? Les badges déjà délivrés restent vérifiables. ", style: Styles.enCours),
                       Segment("Entrée : oui · Échap : non", style: Styles.touche)]]
        }
        Paragraphe(lignes: lignes, retourALaLigne: true).rendre(dans: parties[3].interieur(horizontal: 1), tampon: &tampon)
    }
}
