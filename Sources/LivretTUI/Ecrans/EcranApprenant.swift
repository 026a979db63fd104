import LivretCore
import LivretStore
import LivretTerminal

/// A learner's livret: the APTIC grid by niveau and sous-thème (each item's status and
/// strongest evidence), the 16 Pix competences as level bars, the evidence timeline.
/// On an item, one key chooses the evidence level (d, s, a) and Entrée confirms it.
public struct EcranApprenant: EcranTUI {
    enum Onglet: Int, CaseIterable { case aptic, pix, preuves }

    /// One row of the APTIC grid.
    enum Rangee: Equatable {
        case niveau(code: String, titre: String)
        case sousTheme(code: String, titre: String)
        case item(code: String, titre: String)
    }

    let identifiant: String
    let aptic: ReferentielAptic
    let pix: ReferentielPix
    var dossier: DossierApprenant?
    var onglet = Onglet.aptic
    var rangees: [Rangee]
    var visibles: [Int]
    var defilement = Defilement()
    var defilementPreuves = Defilement()
    var filtre = Filtre()
    /// The evidence level chosen, waiting for Entrée.
    var preuveProposee: (item: String, niveau: NiveauPreuve)?

    public init(identifiant: String, catalogue: Catalogue) {
        self.identifiant = identifiant
        aptic = catalogue.apticBase
        pix = catalogue.pix
        var rangees: [Rangee] = []
        for niveau in aptic.niveaux {
            rangees.append(.niveau(code: niveau.code, titre: niveau.titre))
            for sousTheme in niveau.sousThemes {
                rangees.append(.sousTheme(code: sousTheme.code, titre: sousTheme.titre))
                for item in sousTheme.items where !item.estRetire { rangees.append(.item(code: item.code, titre: item.titre)) }
            }
        }
        self.rangees = rangees
        visibles = Array(rangees.indices)
        defilement.selection = rangees.firstIndex { if case .item = $0 { return true } else { return false } } ?? 0
    }

    public var titre: String { dossier?.apprenant.nomAffiche ?? identifiant }
    public var chargement: Demande? { .apprenant(identifiant) }
    public var saisieEnCours: Bool { filtre.actif || preuveProposee != nil }

    public var touches: [AideTouche] {
        if filtre.actif { return [AideTouche("Entrée", "garder le filtre"), AideTouche("Échap", "effacer le filtre")] }
        if preuveProposee != nil { return [AideTouche("Entrée", "ajouter la preuve"), AideTouche("Échap", "annuler")] }
        switch onglet {
        case .aptic:
            return [AideTouche("d", "preuve déclarative"), AideTouche("s", "suivi"), AideTouche("a", "autonomie"),
                    AideTouche("/", "chercher"), AideTouche("Tab", "Pix, preuves")]
        case .pix, .preuves:
            return [AideTouche("Tab", "onglet suivant"), AideTouche("1 2 3", "APTIC, Pix, preuves")]
        }
    }

    var etats: [String: EtatItem] {
        var resultat: [String: EtatItem] = [:]
        for etat in dossier?.etats ?? [] where etat.referentiel == .aptic { resultat[etat.code] = etat }
        return resultat
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        switch reponse {
        case .apprenant(let dossier):
            let premiereFois = self.dossier == nil
            self.dossier = dossier
            // Open the grid where this person is working: the first item in progress.
            if premiereFois, let code = dossier.etats.first(where: { $0.referentiel == .aptic && $0.statut == .enCours })?.code,
               let i = visibles.firstIndex(where: { rangees[$0] == .item(code: code, titre: aptic.item(code)?.titre ?? "") }) {
                defilement.selection = i
            }
        case .fait: return [.demander(.apprenant(identifiant))]
        default: break
        }
        return []
    }

    mutating func appliquerFiltre() {
        let cherche = Filtre.plier(filtre.texte.trimmingCharacters(in: .whitespaces))
        if cherche.isEmpty {
            visibles = Array(rangees.indices)
        } else {
            visibles = rangees.indices.filter {
                guard case .item(let code, let titre) = rangees[$0] else { return false }
                let facile = aptic.item(code)?.libelleFacile ?? ""
                return Filtre.plier("\(code) \(titre) \(facile)").contains(cherche) || code == cherche
            }
        }
        defilement = Defilement()
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let h = max(1, hauteur - 3)
        if let proposee = preuveProposee {
            preuveProposee = nil
            if touche == .entree { return [.demander(.ajouterPreuve(apprenant: identifiant, item: proposee.item, niveau: proposee.niveau))] }
            return [.info("Aucune preuve ajoutée.")]
        }
        if filtre.actif {
            if let change = filtre.saisir(touche) {
                if change { appliquerFiltre() }
            } else {
                _ = deplacer(touche, hauteur: h)
            }
            return []
        }
        switch touche {
        case .tabulation: onglet = Onglet(rawValue: (onglet.rawValue + 1) % Onglet.allCases.count)!; return []
        case .tabulationArriere: onglet = Onglet(rawValue: (onglet.rawValue + 2) % Onglet.allCases.count)!; return []
        case .caractere("1"): onglet = .aptic; return []
        case .caractere("2"): onglet = .pix; return []
        case .caractere("3"): onglet = .preuves; return []
        default: break
        }
        if deplacer(touche, hauteur: h) { return [] }
        guard onglet == .aptic else { return nil }
        switch touche {
        case .caractere("/"): filtre.actif = true; return []
        case .echap where !filtre.texte.isEmpty: filtre = Filtre(); appliquerFiltre(); return []
        case .caractere("d"), .caractere("s"), .caractere("a"):
            let niveau: NiveauPreuve = touche == .caractere("d") ? .declaratif : (touche == .caractere("s") ? .suivi : .autonomie)
            guard visibles.indices.contains(defilement.selection), case .item(let code, _) = rangees[visibles[defilement.selection]] else {
                return [.info("Choisissez d'abord un item (↑ ↓), puis le niveau de preuve.")]
            }
            if dossier?.apprenant.efface == true { return [.info("L'identité de cette personne a été effacée : plus de preuve possible.")] }
            preuveProposee = (code, niveau)
            return []
        default: return nil
        }
    }

    mutating func deplacer(_ touche: Touche, hauteur: Int) -> Bool {
        let n = onglet == .preuves ? (dossier?.preuves.count ?? 0) : (onglet == .aptic ? visibles.count : 0)
        var d = onglet == .preuves ? defilementPreuves : defilement
        guard d.suivre(touche, nombre: n, hauteur: hauteur) else { return false }
        if onglet == .preuves { defilementPreuves = d } else { defilement = d }
        return true
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard let dossier else { return }
        let a = dossier.apprenant
        var entete = " \(a.identifiant)"
        if let derniere = dossier.inscriptions.last {
            entete += " · \(derniere.cohorte) (\(derniere.statut.libelle)) · \(Format.heures(derniere.bilan.heuresSuivies)) sur \(Format.heures(derniere.bilan.heuresParcours))"
        }
        tampon.ecrireLigne([Segment(" " + a.nomAffiche, style: Styles.entete), Segment(entete)], x: zone.x, y: zone.y, largeur: zone.largeur)
        Onglets(titres: ["1 APTIC", "2 Pix", "3 Preuves (\(dossier.preuves.count))"], actif: onglet.rawValue)
            .rendre(dans: zone.ligne(1), tampon: &tampon)
        let corps = Zone(x: zone.x, y: zone.y + 2, largeur: zone.largeur, hauteur: zone.hauteur - 3)
        switch onglet {
        case .aptic: dessinerAptic(dans: corps, tampon: &tampon)
        case .pix: dessinerPix(dossier, dans: corps, tampon: &tampon)
        case .preuves: dessinerPreuves(dossier, dans: corps, tampon: &tampon)
        }
        let bas = zone.ligne(zone.hauteur - 1)
        if let proposee = preuveProposee {
            tampon.ecrireLigne([Segment(" Preuve « \(proposee.niveau.libelle) » pour l'item \(proposee.item) ? ", style: Styles.enCours),
                           Segment("Entrée : oui · Échap : non", style: Styles.touche)], x: bas.x, y: bas.y, largeur: bas.largeur)
        } else if onglet == .aptic && (filtre.actif || !filtre.texte.isEmpty) {
            tampon.ecrireLigne([Segment(" Chercher : ", style: Styles.touche), Segment(filtre.texte + (filtre.actif ? "▏" : "")),
                           Segment("  (\(Accord.nombre(visibles.count, "item")))", style: Styles.attenue)], x: bas.x, y: bas.y, largeur: bas.largeur)
        } else if onglet == .aptic {
            let acquis = etats.values.filter { $0.statut == .acquis }.count
            let enCours = etats.values.filter { $0.statut == .enCours }.count
            tampon.ecrire(" \(Accord.nombre(acquis, "item acquis", "items acquis")), \(enCours) en cours, sur \(aptic.items.filter { !$0.estRetire }.count)", x: bas.x, y: bas.y,
                          style: Styles.attenue, largeurMax: bas.largeur)
        }
    }

    func dessinerAptic(dans zone: Zone, tampon: inout Tampon) {
        var d = defilement
        d.ajuster(nombre: visibles.count, hauteur: zone.hauteur)
        let etats = self.etats
        Liste(nombre: visibles.count, selection: d.selection, decalage: d.decalage) { i in
            switch rangees[visibles[i]] {
            case .niveau(let code, let titre):
                return [Segment("Niveau \(code) — \(titre)", style: Styles.entete)]
            case .sousTheme(let code, let titre):
                return [Segment("  \(code) \(titre)", style: Styles.entete.avec(souligne: true))]
            case .item(let code, let titre):
                let etat = etats[code]
                let statut = etat?.statut ?? .nonAborde
                let marque: Segment = switch statut {
                case .acquis: Segment("● ", style: Styles.acquis)
                case .enCours: Segment("◐ ", style: Styles.enCours)
                case .nonAborde: Segment("○ ", style: Styles.attenue)
                }
                let droite = statut == .nonAborde ? "" : "\(statut.libelle) · \(etat?.niveauPreuve?.libelle ?? "")"
                let largeurTitre = max(8, zone.largeur - 4 - 2 - 5 - 22)
                return [Segment("    "), marque, Segment(Largeur.completer(code, colonnes: 4, alignement: .droite) + " "),
                        Segment(Largeur.completer(titre, colonnes: largeurTitre) + " "),
                        Segment(Largeur.completer(droite, colonnes: 21), style: statut == .acquis ? Styles.acquis : Styles.attenue)]
            }
        }.rendre(dans: zone, tampon: &tampon)
    }

    func dessinerPix(_ dossier: DossierApprenant, dans zone: Zone, tampon: inout Tampon) {
        let profil = dossier.profilsPix.last { $0.partage }
        let certifies = dossier.certifications.last.map(\.niveaux) ?? [:]
        var y = zone.y
        let source = profil.map { "Profil Pix partagé le \($0.date.francais)" } ?? "Aucun profil Pix partagé : importez un export Pix Orga (livret pix importer)."
        tampon.ecrire(" " + source, x: zone.x, y: y, style: Styles.attenue, largeurMax: zone.largeur)
        y += 1
        let largeurTitre = max(10, zone.largeur - 5 - 2 - 10 - 12)
        for competence in pix.competences where y < zone.bas {
            let niveau = profil?.niveaux[competence.code] ?? 0
            let certifie = certifies[competence.code].map { " cert. \($0)" } ?? ""
            tampon.ecrireLigne([Segment(" " + Largeur.completer(competence.code, colonnes: 4)), Segment(Largeur.completer(competence.titre, colonnes: largeurTitre) + " "),
                           Segment(Barre.symboles(valeur: Double(niveau) / 8, colonnes: 8), style: Styles.barre),
                           Segment(" \(niveau)"), Segment(certifie, style: Styles.succes)],
                          x: zone.x, y: y, largeur: zone.largeur)
            y += 1
        }
    }

    func dessinerPreuves(_ dossier: DossierApprenant, dans zone: Zone, tampon: inout Tampon) {
        let preuves = Array(dossier.preuves.reversed())
        if preuves.isEmpty {
            tampon.ecrire(" Aucune preuve pour l'instant.", x: zone.x, y: zone.y, largeurMax: zone.largeur)
            return
        }
        var d = defilementPreuves
        d.ajuster(nombre: preuves.count, hauteur: max(1, zone.hauteur - 1))
        let colonnes = [ColonneTableau(titre: "Date", largeur: .fixe(10)), ColonneTableau(titre: "Item", largeur: .fixe(10)),
                        ColonneTableau(titre: "Intitulé", largeur: .reste), ColonneTableau(titre: "Niveau", largeur: .fixe(11))]
        Tableau(colonnes: colonnes, nombre: preuves.count, selection: d.selection, decalage: d.decalage) { i in
            let p = preuves[i]
            let intitule = p.referentiel == .aptic ? (aptic.item(p.code)?.titre ?? p.code) : (pix.competences.first { $0.code == p.code }?.titre ?? p.code)
            return [[Segment(p.date.francais)], [Segment("\(p.referentiel.libelle) \(p.code)")],
                    [Segment(intitule + (p.note.map { " — \($0)" } ?? ""))], [Segment(p.niveau.libelle)]]
        }.rendre(dans: zone, tampon: &tampon)
    }
}
