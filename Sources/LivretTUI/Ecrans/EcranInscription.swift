import LivretCore
import LivretTerminal

/// Enrolling people in a cohort: everyone not enrolled yet, a search as one types, Espace to
/// tick several, Entrée to enrol those ticked (or the one chosen) in one go. A newcomer is added
/// and enrolled with n.
public struct EcranInscription: EcranTUI {
    let cohorte: String
    let env: Environnement
    var candidats: [ApprenantTrouve] = []
    var cles: [String] = []
    var visibles: [Int] = []
    var coches: Set<String> = []
    var defilement = Defilement()
    var recherche = ChampTexte()
    var charge = false
    /// Échap was pressed once with people ticked: a second one leaves without enrolling them.
    var confirmerSortie = false

    public init(cohorte: String, env: Environnement) {
        self.cohorte = cohorte
        self.env = env
    }

    public var titre: String { "Inscrire dans \(cohorte)" }
    public var chargement: Demande? { .candidats(cohorte: cohorte) }
    /// Typing searches: letters are never commands here.
    public var saisieEnCours: Bool { true }
    public var nonEnregistre: String? {
        if coches.isEmpty { return nil }
        let qui = coches.count == 1 ? "1 personne cochée n'est pas encore inscrite" : "\(coches.count) personnes cochées ne sont pas encore inscrites"
        return qui + " : Entrée pour inscrire, Échap encore pour abandonner."
    }

    public var touches: [AideTouche] {
        [AideTouche("lettres", "chercher"), AideTouche("Espace", "cocher"),
         AideTouche("Entrée", coches.isEmpty ? "inscrire cette personne" : "inscrire les \(coches.count) cochées"),
         AideTouche("Ctrl-N", "nouvelle personne"), AideTouche("Échap", "retour")]
    }

    var selectionnee: ApprenantTrouve? {
        visibles.indices.contains(defilement.selection) ? candidats[visibles[defilement.selection]] : nil
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        switch reponse {
        case .candidats(_, let liste):
            candidats = liste
            cles = liste.map { Filtre.plier("\($0.apprenant.nomAffiche) \($0.apprenant.pseudonyme ?? "") \($0.apprenant.identifiant)") }
            coches = coches.filter { id in liste.contains { $0.apprenant.identifiant == id } }
            charge = true
            filtrer()
            return []
        case .fait:
            coches = []
            return [.retour]
        default: return []
        }
    }

    mutating func filtrer() {
        let cherche = Filtre.plier(recherche.texte.trimmingCharacters(in: .whitespaces))
        visibles = cherche.isEmpty ? Array(candidats.indices) : candidats.indices.filter { cles[$0].contains(cherche) }
        defilement.selection = min(defilement.selection, max(0, visibles.count - 1))
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let confirmer = confirmerSortie
        confirmerSortie = false
        if defilement.suivre(touche, nombre: visibles.count, hauteur: max(1, hauteur - 4)) { return [] }
        switch touche {
        case .caractere(" "):
            guard let p = selectionnee else { return [] }
            let id = p.apprenant.identifiant
            if coches.contains(id) { coches.remove(id) } else { coches.insert(id) }
            defilement.deplacer(de: 1, nombre: visibles.count, hauteur: max(1, hauteur - 4))
            return []
        case .entree:
            if !coches.isEmpty {
                // In the order of the list, as the formateur sees them.
                let ordre = candidats.map(\.apprenant.identifiant).filter { coches.contains($0) }
                return [.demander(.inscrire(cohorte: cohorte, ordre))]
            }
            guard let p = selectionnee else { return [.info("Personne à inscrire : cherchez un nom, ou Ctrl-N pour une nouvelle personne.")] }
            return [.demander(.inscrire(cohorte: cohorte, [p.apprenant.identifiant]))]
        case .ctrl("n"):
            return [.ouvrir(EcranFormulaire(ModeleApprenant(existant: nil, consentement: nil, inscrireDans: cohorte, anneeCourante: env.jour.annee)))]
        case .echap:
            if !recherche.texte.isEmpty { recherche = ChampTexte(); filtrer(); return [] }
            if !coches.isEmpty && !confirmer { confirmerSortie = true; return [.erreur(nonEnregistre ?? "")] }
            coches = []
            return [.retour, .info("Aucune inscription faite.")]
        case .ctrl("c"):
            recherche = ChampTexte(); filtrer(); return []
        default:
            if recherche.appliquer(touche) { defilement = Defilement(); filtrer(); return [] }
            return nil
        }
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard charge else { return }
        let parties = zone.lignes([.fixe(1), .reste, .fixe(1), .fixe(1)])
        let haut = parties[0].interieur(horizontal: 1)
        tampon.ecrireLigne([Segment("Chercher : ", style: Styles.touche), Segment(recherche.texte + "▏"),
                            Segment("  \(visibles.count) sur \(Accord.nombre(candidats.count, "personne non inscrite", "personnes non inscrites"))", style: Styles.attenue)],
                           x: haut.x, y: haut.y, largeur: haut.largeur)
        if candidats.isEmpty {
            Paragraphe("Toutes les personnes enregistrées sont déjà dans cette cohorte. Ctrl-N pour ajouter une nouvelle personne et l'inscrire.",
                       retourALaLigne: true).rendre(dans: parties[1].interieur(horizontal: 1), tampon: &tampon)
            return
        }
        var d = defilement
        d.ajuster(nombre: visibles.count, hauteur: parties[1].hauteur)
        Liste(nombre: visibles.count, selection: d.selection, decalage: d.decalage) { i in
            let p = candidats[visibles[i]]
            let coche = coches.contains(p.apprenant.identifiant)
            let ailleurs = p.inscriptions.isEmpty ? "" : "  (" + p.inscriptions.map(\.cohorte).joined(separator: ", ") + ")"
            return [Segment(coche ? " [x] " : " [ ] ", style: coche ? Styles.succes : Styles.attenue), Segment(p.apprenant.nomAffiche),
                    Segment(ailleurs, style: Styles.attenue)]
        }.rendre(dans: parties[1], tampon: &tampon)
        tampon.separateur(zone, y: parties[2].y, premier: d.decalage, visibles: parties[1].hauteur, total: visibles.count)
        let bas = parties[3].interieur(horizontal: 1)
        let texte = coches.isEmpty ? "Espace pour cocher plusieurs personnes ; Entrée inscrit la personne choisie."
                                   : "\(Accord.nombre(coches.count, "personne cochée", "personnes cochées")) : Entrée pour inscrire."
        tampon.ecrireLigne([Segment(texte, style: coches.isEmpty ? Styles.attenue : Styles.enCours)], x: bas.x, y: bas.y, largeur: bas.largeur)
    }
}
