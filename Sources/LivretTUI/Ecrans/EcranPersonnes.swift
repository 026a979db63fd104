import LivretCore
import LivretTerminal

/// Everyone the structure follows, whatever their cohort: find a person as they walk in (type a
/// part of the name), open their livret, add a newcomer, correct a card.
public struct EcranPersonnes: EcranTUI {
    let env: Environnement
    var personnes: [ApprenantTrouve] = []
    /// The people shown (filtered with /), the selection and the scroll.
    var liste = ListeFiltrable()
    var charge = false
    /// Widest name and list of cohorts, measured once per load (the columns' widths).
    var largeurNom = 0
    var largeurCohortes = 0

    public init(env: Environnement) { self.env = env }

    public var titre: String { "Personnes" }
    public var chargement: Demande? { .apprenants }
    public var saisieEnCours: Bool { liste.filtre.actif }

    public var touches: [AideTouche] {
        if liste.filtre.actif { return [AideTouche("Entrée", "garder"), AideTouche("Échap", "effacer la recherche")] }
        return [AideTouche("/", "chercher"), AideTouche("Entrée", "livret"), AideTouche("n", "nouvelle personne"), AideTouche("m", "modifier la fiche")]
    }

    var selectionnee: ApprenantTrouve? { liste.selection.map { personnes[$0] } }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        switch reponse {
        case .apprenants(let trouves):
            let garde = selectionnee?.apprenant.identifiant
            personnes = trouves
            charge = true
            largeurNom = trouves.map { Largeur.colonnes($0.apprenant.nomAffiche) }.max() ?? 0
            largeurCohortes = trouves.map { Largeur.colonnes(Self.cohortes($0)) }.max() ?? 0
            liste.charger(trouves.map { "\($0.apprenant.nomAffiche) \($0.apprenant.pseudonyme ?? "") \($0.apprenant.identifiant) " + $0.inscriptions.map(\.cohorte).joined(separator: " ") })
            if let garde, let i = personnes.firstIndex(where: { $0.apprenant.identifiant == garde }) { liste.selectionner(i) }
        case .fait: return [.demander(.apprenants)]
        default: break
        }
        return []
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let h = max(1, hauteur - 4)
        if liste.toucheFiltre(touche, hauteur: h) { return [] }
        if liste.defilement.suivre(touche, nombre: liste.visibles.count, hauteur: h) { return [] }
        switch touche {
        case .caractere("/"): liste.filtre.actif = true; return []
        case .echap where liste.effacerFiltre(): return []
        case .caractere("n"):
            return [.ouvrir(EcranFormulaire(ModeleApprenant(existant: nil, consentement: nil, inscrireDans: nil, anneeCourante: env.jour.annee)))]
        case .caractere("m"):
            guard let p = selectionnee else { return [] }
            if p.apprenant.efface { return [.info("L'identité de cette personne a été effacée : sa fiche ne se modifie plus.")] }
            return [.ouvrir(EcranFicheApprenant(identifiant: p.apprenant.identifiant, env: env))]
        case .entree, .droite:
            guard let p = selectionnee else { return [] }
            return [.ouvrir(EcranApprenant(identifiant: p.apprenant.identifiant, env: env))]
        default: return nil
        }
    }

    /// « fen-2023, smartphone-2024 (abandon) ».
    static func cohortes(_ p: ApprenantTrouve) -> String {
        p.inscriptions.map { $0.statut == .abandon ? "\($0.cohorte) (abandon)" : $0.cohorte }.joined(separator: ", ")
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard charge else { return }
        let parties = zone.lignes([.reste, .fixe(1), .fixe(2)])
        if personnes.isEmpty {
            Paragraphe("Personne n'est encore enregistré. Touche n pour ajouter la première personne.", retourALaLigne: true)
                .rendre(dans: parties[0].interieur(horizontal: 1), tampon: &tampon)
            return
        }
        var d = liste.defilement
        d.ajuster(nombre: liste.visibles.count, hauteur: max(1, parties[0].hauteur - 1))
        // Names get the room they need, the year stays next to them, the cohorts take what is left.
        let colonnes: [ColonneTableau] = [.texte("Nom", minimum: 14, maximum: 30, contenu: largeurNom),
                                          .nombre("Naissance", contenu: 4, titreCourt: "Année"),
                                          .texte("Cohortes", minimum: 8, maximum: 60, contenu: largeurCohortes)]
        Tableau(colonnes: colonnes, nombre: liste.visibles.count, selection: d.selection, decalage: d.decalage) { i in
            let p = personnes[liste.visibles[i]]
            let cohortes = Self.cohortes(p)
            return [[Segment(p.apprenant.nomAffiche)], [Segment(p.apprenant.anneeNaissance.map(String.init) ?? "—")],
                    [Segment(cohortes.isEmpty ? "aucune" : cohortes, style: cohortes.isEmpty ? Styles.attenue : .normal)]]
        }.rendre(dans: parties[0], tampon: &tampon)
        tampon.separateur(zone, y: parties[1].y, premier: d.decalage, visibles: max(1, parties[0].hauteur - 1), total: liste.visibles.count)
        let bas = parties[2].interieur(horizontal: 1)
        if liste.filtre.actif || !liste.filtre.texte.isEmpty {
            tampon.ecrireLigne([Segment("Chercher : ", style: Styles.touche), Segment(liste.filtre.texte + (liste.filtre.actif ? "▏" : "")),
                                Segment("  (\(liste.visibles.count) sur \(personnes.count))", style: Styles.attenue)], x: bas.x, y: bas.y, largeur: bas.largeur)
        } else {
            tampon.ecrireLigne([Segment("\(Accord.nombre(personnes.count, "personne")) · / pour chercher par nom ou par cohorte", style: Styles.attenue)],
                               x: bas.x, y: bas.y, largeur: bas.largeur)
        }
    }
}
