import LivretCore
import LivretStore
import LivretTerminal

/// A cohort's learners: name or pseudonym, hours against planned, attendance bar, APTIC items
/// acquired, Pix, status. Sortable (`s`), filterable (`/`).
public struct EcranCohorte: EcranTUI {
    /// The orders the `s` key cycles through.
    enum Tri: String, CaseIterable {
        case nom = "nom", heures = "heures", assiduite = "assiduité", items = "items", pix = "Pix", statut = "statut"
    }

    let code: String
    let env: Environnement
    var cohorte: Cohorte?
    var parcours: Parcours?
    var lignes: [LigneTableauDeBord] = []
    var visibles: [Int] = []
    var defilement = Defilement()
    var filtre = Filtre()
    var tri = Tri.nom

    public init(code: String, env: Environnement) {
        self.code = code
        self.env = env
    }

    public var titre: String { code }
    public var chargement: Demande? { .cohorte(code) }
    public var saisieEnCours: Bool { filtre.actif }
    /// « Clôturer ? » asked, waiting for o.
    var clotureDemandee = false

    public var question: (titre: String, lignes: [String])? {
        guard clotureDemandee else { return nil }
        return ("Clôturer \(code) ?", ["Plus aucune séance ni inscription ne pourra y être ajoutée ;",
                                         "ses chiffres restent dans les rapports.", "", "o : clôturer · une autre touche : annuler"])
    }

    public var touches: [AideTouche] {
        if filtre.actif { return [AideTouche("Entrée", "garder le filtre"), AideTouche("Échap", "effacer le filtre")] }
        if clotureDemandee { return [AideTouche("o", "clôturer"), AideTouche("autre touche", "annuler")] }
        return [AideTouche("Entrée", "livret"), AideTouche("a", "appel"), AideTouche("i", "inscrire"), AideTouche("n", "nouvelle personne"),
                AideTouche("x", "abandon, fin"), AideTouche("s", "trier (\(tri.rawValue))"), AideTouche("/", "filtrer"),
                AideTouche("m", "modifier la fiche"), AideTouche("c", "certification"), AideTouche("b", "badges"), AideTouche("r", "rapport"),
                AideTouche("I", "importer Pix"), AideTouche("k", "clôturer la cohorte")]
    }

    var selectionnee: LigneTableauDeBord? {
        visibles.indices.contains(defilement.selection) ? lignes[visibles[defilement.selection]] : nil
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        if case .fait = reponse { return [.demander(.cohorte(code))] }
        guard case .cohorte(let cohorte, let parcours, let lignes) = reponse else { return [] }
        let garde = selectionnee?.identifiant
        self.cohorte = cohorte
        self.parcours = parcours
        self.lignes = lignes
        ordonner()
        if let garde, let i = visibles.firstIndex(where: { self.lignes[$0].identifiant == garde }) { defilement.selection = i }
        return []
    }

    /// Number of Pix competences at level 1 or more in the latest shared profile.
    static func competencesPix(_ ligne: LigneTableauDeBord) -> Int? {
        ligne.profilPix.map { $0.niveaux.values.filter { $0 >= 1 }.count }
    }

    mutating func ordonner() {
        let cherche = Filtre.plier(filtre.texte.trimmingCharacters(in: .whitespaces))
        var indices = Array(lignes.indices)
        if !cherche.isEmpty {
            indices = indices.filter { Filtre.plier("\(lignes[$0].nom) \(lignes[$0].identifiant) \(lignes[$0].statut.libelle)").contains(cherche) }
        }
        let l = lignes
        // Each name folded once, not at every comparison (a cohort of 1 000 is sorted on each key s).
        let noms = tri == .nom ? l.map { Filtre.plier($0.nom) } : []
        func avant(_ a: Int, _ b: Int) -> Bool {
            switch tri {
            case .nom: return noms[a] < noms[b]
            case .heures: return l[a].bilan.minutesSuivies > l[b].bilan.minutesSuivies
            case .assiduite: return (l[a].bilan.assiduite ?? -1) > (l[b].bilan.assiduite ?? -1)
            case .items: return l[a].itemsAcquis > l[b].itemsAcquis
            case .pix: return (Self.competencesPix(l[a]) ?? -1) > (Self.competencesPix(l[b]) ?? -1)
            case .statut: return l[a].statut.rawValue < l[b].statut.rawValue
            }
        }
        visibles = indices.sorted { avant($0, $1) || (!avant($1, $0) && l[$0].identifiant < l[$1].identifiant) }
        defilement.selection = min(defilement.selection, max(0, visibles.count - 1))
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let lignesTableau = max(1, hauteur - 6)
        if filtre.actif {
            if let change = filtre.saisir(touche) {
                if change { defilement = Defilement(); ordonner() }
            } else {
                _ = defilement.suivre(touche, nombre: visibles.count, hauteur: lignesTableau)
            }
            return []
        }
        if clotureDemandee {
            clotureDemandee = false
            if touche == .caractere("o") || touche == .caractere("O") { return [.demander(.cloturer(cohorte: code))] }
            return [.info("La cohorte reste ouverte.")]
        }
        if defilement.suivre(touche, nombre: visibles.count, hauteur: lignesTableau, lettres: false) { return [] }
        switch touche {
        case .caractere("i"):
            if cohorte?.cloturee == true { return [.erreur("Cette cohorte est clôturée : on ne peut plus y inscrire personne.")] }
            return [.ouvrir(EcranInscription(cohorte: code, env: env))]
        case .caractere("n"):
            if cohorte?.cloturee == true { return [.erreur("Cette cohorte est clôturée : on ne peut plus y inscrire personne.")] }
            return [.ouvrir(EcranFormulaire(ModeleApprenant(existant: nil, consentement: nil, inscrireDans: code, anneeCourante: env.jour.annee)))]
        case .caractere("x"):
            guard let l = selectionnee else { return [] }
            if l.statut.suivants.isEmpty {
                // A final status: only a correction, with its motif.
                return [.ouvrir(EcranFormulaire(ModeleCorrectionStatut(identifiant: l.identifiant, nom: l.nom, cohorte: code, actuel: l.statut)))]
            }
            let critere = l.bilan.critere.atteint ? nil : (l.bilan.critere.raison ?? "critère non atteint")
            return [.ouvrir(EcranFormulaire(ModeleStatut(identifiant: l.identifiant, nom: l.nom, cohorte: code, actuel: l.statut, critereNonAtteint: critere)))]
        case .caractere("m"):
            guard let l = selectionnee else { return [] }
            return [.ouvrir(EcranFicheApprenant(identifiant: l.identifiant, env: env))]
        case .caractere("I"): return [.ouvrir(EcranFormulaire(ModeleTexte.importPix(cohorte: code)))]
        case .caractere("k"):
            if cohorte?.cloturee == true { return [.info("Cette cohorte est déjà clôturée.")] }
            clotureDemandee = true
            return []
        case .caractere("s"):
            let tous = Tri.allCases
            tri = tous[(tous.firstIndex(of: tri)! + 1) % tous.count]
            ordonner()
            return [.info("Trié par \(tri.rawValue).")]
        case .caractere("/"): filtre.actif = true; return []
        case .echap where !filtre.texte.isEmpty: filtre = Filtre(); ordonner(); return []
        case .caractere("a"): return [.ouvrir(EcranSeances(cohorte: code, jour: env.jour))]
        case .caractere("c"): return [.ouvrir(EcranCertification(cohorte: code))]
        case .caractere("b"): return [.ouvrir(EcranBadges(cohorte: code))]
        case .caractere("r"): return [.ouvrir(EcranRapport(cohorte: code))]
        case .entree, .droite:
            guard let ligne = selectionnee else { return [] }
            return [.ouvrir(EcranApprenant(identifiant: ligne.identifiant, env: env))]
        default: return nil
        }
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard let cohorte, let parcours else { return }
        let parties = zone.lignes([.fixe(1), .reste, .fixe(1), .fixe(3)])
        // Hours planned so far (séances held), the same for everyone: the figure assiduité is measured on.
        let prevues = lignes.first.map { Format.heures($0.bilan.heures.heuresPrevuesACeJour) + " prévues à ce jour" }
            ?? "parcours de " + Format.heures(parcours.heuresPrevues)
        tampon.ecrireParties([[Segment(" \(cohorte.titre)", style: Styles.entete),
                               Segment(cohorte.titre.contains(parcours.titre) ? "" : " — \(parcours.titre)")],
                              [Segment(Accord.nombre(lignes.count, "inscrit"))], [Segment(prevues)]],
                             x: zone.x, y: parties[0].y, largeur: zone.largeur)
        var d = defilement
        d.ajuster(nombre: visibles.count, hauteur: max(1, parties[1].hauteur - 1))
        func titre(_ nom: String, _ t: Tri) -> String { tri == t ? nom + " ▼" : nom }
        func heures(_ l: LigneTableauDeBord) -> String { "\(Int(l.bilan.heuresSuivies.rounded()))/\(Int(l.bilan.heuresParcours.rounded())) h" }
        func pix(_ l: LigneTableauDeBord) -> String { Self.competencesPix(l).map { "\($0) comp." } ?? "—" }
        // Names get the room they need (up to 30 columns), numbers stay next to them; on a narrow
        // terminal Pix goes first, then items (both are said below the list), unless sorted by them.
        let colonnes: [ColonneTableau] = [
            .texte(titre("Apprenant", .nom), minimum: 18, maximum: 30, contenu: lignes.map { Largeur.colonnes($0.nom) }.max()),
            .nombre(titre("Heures", .heures), contenu: lignes.map { Largeur.colonnes(heures($0)) }.max() ?? 0),
            ColonneTableau(titre: titre("Assiduité", .assiduite), largeur: .fixe(12)),
            .nombre(titre("Items", .items), contenu: String(lignes.map(\.itemsAcquis).max() ?? 0).count, priorite: tri == .items ? 0 : 1),
            .nombre(titre("Pix", .pix), contenu: lignes.map { Largeur.colonnes(pix($0)) }.max() ?? 0, priorite: tri == .pix ? 0 : 2),
            .nombre(titre("Statut", .statut), contenu: lignes.map { Largeur.colonnes($0.statut.libelle) }.max() ?? 0, alignement: .gauche),
        ]
        Tableau(colonnes: colonnes, nombre: visibles.count, selection: d.selection, decalage: d.decalage) { i in
            let l = lignes[visibles[i]]
            return [[Segment(l.nom)], [Segment(heures(l))], EcranAccueil.assiduite(l.bilan.assiduite),
                    [Segment("\(l.itemsAcquis)")], [Segment(pix(l))], [Segment(l.statut.libelle, style: l.statut == .abandon ? Styles.attenue : .normal)]]
        }.rendre(dans: parties[1], tampon: &tampon)
        tampon.separateur(zone, y: parties[2].y, premier: d.decalage, visibles: max(1, parties[1].hauteur - 1), total: visibles.count)
        let bas = parties[3].interieur(horizontal: 1)
        if filtre.actif || !filtre.texte.isEmpty {
            tampon.ecrireLigne([Segment("Filtre : ", style: Styles.touche), Segment(filtre.texte + (filtre.actif ? "▏" : "")),
                           Segment("  (\(visibles.count) sur \(lignes.count))", style: Styles.attenue)], x: bas.x, y: bas.y + 2, largeur: bas.largeur)
        }
        guard let l = selectionnee else {
            if lignes.isEmpty { tampon.ecrire("Personne n'est inscrit dans cette cohorte.", x: bas.x, y: bas.y, largeurMax: bas.largeur) }
            return
        }
        let b = l.bilan
        let pixTexte = Self.competencesPix(l).map { "Pix : \(Accord.nombre($0, "compétence")) de niveau 1 ou plus" } ?? "Pix : pas de profil partagé"
        var suivi: [[Segment]] = [[Segment(Accord.nombre(l.itemsAcquis, "item APTIC acquis", "items APTIC acquis"))], [Segment(pixTexte)]]
        if !b.cibles.isEmpty { suivi.append([Segment("cibles \(b.cibles.filter(\.atteinte).count)/\(b.cibles.count)")]) }
        if l.profilPix != nil { suivi.append([Segment(b.certifiable ? "certifiable" : "pas encore certifiable")]) }
        // A « terminé » whose critère is not met says why, on screen as everywhere.
        if l.statut == .termine && !b.critere.atteint { suivi.append([Segment("terminé, critère non atteint : \(b.critere.raison ?? "")")]) }
        let filtreMontre = filtre.actif || !filtre.texte.isEmpty
        tampon.ecrireParties(suivi, dans: Zone(x: bas.x, y: bas.y + 1, largeur: bas.largeur, hauteur: filtreMontre ? 1 : 2))
        tampon.ecrireParties([[Segment(l.nom, style: Styles.entete), Segment(" (\(l.identifiant))")],
                              [Segment("\(Format.heures(b.heuresSuivies)) sur \(Format.heures(b.heuresParcours))")],
                              [Segment("assiduité \(b.assiduite.map(Format.pourcentage) ?? "—")")],
                              [Segment("avancement \(Format.pourcentage(b.avancement))")]],
                             x: bas.x, y: bas.y, largeur: bas.largeur)
    }
}
