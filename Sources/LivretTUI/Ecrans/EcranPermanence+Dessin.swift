import LivretCore
import LivretStore
import LivretTerminal

extension EcranPermanence {
    /// The day's totals, the settings of new visits, the list (or the people found while
    /// searching), and at the foot the visit being typed with the legend of its field.
    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard let journee else { return }
        let parties = zone.lignes([.fixe(1), .fixe(1), .reste, .fixe(1), .fixe(2)])
        let haut = parties[0].interieur(horizontal: 1)
        tampon.ecrireParties([[Segment(Format.jourCourt(journee.jour), style: Styles.entete)]] + Self.totaux(journee.lignes),
                             x: haut.x, y: haut.y, largeur: haut.largeur)
        let r = journee.reglages
        let intervenant = r.intervenant ?? journee.quiTravaille ?? "vous"
        let reglage = parties[1].interieur(horizontal: 1)
        tampon.ecrireParties([[Segment("t ", style: Styles.touche), Segment(r.type.libelle)],
                              [Segment("l ", style: Styles.touche), Segment(Self.lieu(r))],
                              [Segment("i ", style: Styles.touche), Segment(intervenant)]],
                             x: reglage.x, y: reglage.y, largeur: reglage.largeur)
        let liste = parties[2]
        if let s = saisie, s.champ == .personne {
            dessinerRecherche(dans: liste, separateur: parties[3].y, zone: zone, tampon: &tampon)
        } else if let s = saisie, s.champ == .orientation {
            dessinerOrientations(s.orientation, dans: liste, separateur: parties[3].y, zone: zone, tampon: &tampon)
        } else if journee.lignes.isEmpty {
            tampon.ecrire(String(repeating: "─", count: zone.largeur), x: zone.x, y: parties[3].y, style: .attenue)
            Paragraphe(lignes: [[], [Segment("Aucun passage noté aujourd'hui.")], [],
                                [Segment("a", style: Styles.touche), Segment("  une personne anonyme : sexe, tranche d'âge, durée")],
                                [Segment("n", style: Styles.touche), Segment("  une personne suivie : quelques lettres de son nom")]],
                       retourALaLigne: true).rendre(dans: liste.interieur(horizontal: 1), tampon: &tampon)
        } else {
            dessinerPassages(journee.lignes, dans: liste, separateur: parties[3].y, zone: zone, tampon: &tampon)
        }
        dessinerBas(dans: parties[4].interieur(horizontal: 1), tampon: &tampon)
    }

    /// « 7 passages », « 16 h 30 », « 5 personnes »: each anonymous visit is one person (nobody
    /// can tell two anonymous visits are the same person's), a person followed counts once.
    static func totaux(_ lignes: [AccompagnementLu]) -> [[Segment]] {
        guard !lignes.isEmpty else { return [[Segment("aucun passage pour l'instant", style: Styles.attenue)]] }
        let minutes = lignes.reduce(0) { $0 + $1.accompagnement.minutes }
        let suivies = Set(lignes.compactMap(\.accompagnement.apprenantId)).count
        let anonymes = lignes.filter { $0.accompagnement.anonyme != nil }.count
        return [[Segment(Accord.nombre(lignes.count, "passage"))], [Segment(Format.duree(minutes: minutes))],
                [Segment(Accord.nombre(suivies + anonymes, "personne"))]]
    }

    func dessinerPassages(_ lignes: [AccompagnementLu], dans liste: Zone, separateur y: Int, zone: Zone, tampon: inout Tampon) {
        var d = defilement
        d.ajuster(nombre: lignes.count, hauteur: max(1, liste.hauteur - 1))
        func largeur(_ texte: (AccompagnementLu) -> String) -> Int { lignes.map { Largeur.colonnes(texte($0)) }.max() ?? 0 }
        let themes: (AccompagnementLu) -> String = { $0.accompagnement.thematiques.map(PresentationPassage.court).joined(separator: ", ") }
        // The person and the thématiques get the room first; on a narrow terminal the intervenant
        // goes (shown above for the next visits), and the type is a column only when it varies
        // or is not the permanence.
        let types = Set(lignes.map(\.accompagnement.type))
        let colonneType = types.count > 1 || types.first != .permanence
        let colonnes: [ColonneTableau] = [
            .nombre("N°", contenu: String(lignes.count).count),
            .texte("Personne", minimum: 28, maximum: 40, contenu: largeur(PresentationPassage.personne)),
        ] + (colonneType ? [.nombre("Type", contenu: largeur { $0.accompagnement.type.libelle }, alignement: .gauche, priorite: 2)] : []) + [
            .nombre("Durée", contenu: largeur { Format.duree(minutes: $0.accompagnement.minutes) }),
            .texte("Thèmes", minimum: 12, maximum: 30, contenu: largeur(themes)),
            .texte("Intervenant", minimum: 16, maximum: 20, contenu: largeur(\.intervenant), priorite: 1),
        ]
        Tableau(colonnes: colonnes, nombre: lignes.count, selection: d.selection, decalage: d.decalage) { i in
            let lu = lignes[i]
            let t = themes(lu)
            return [[Segment("\(i + 1)")], [Segment(PresentationPassage.personne(lu))]]
                + (colonneType ? [[Segment(lu.accompagnement.type.libelle)]] : [])
                + [[Segment(Format.duree(minutes: lu.accompagnement.minutes))],
                   [Segment(t.isEmpty ? "—" : t, style: t.isEmpty ? Styles.attenue : .normal)], [Segment(lu.intervenant)]]
        }.rendre(dans: liste, tampon: &tampon)
        tampon.separateur(zone, y: y, premier: d.decalage, visibles: max(1, liste.hauteur - 1), total: lignes.count)
    }

    func dessinerRecherche(dans liste: Zone, separateur y: Int, zone: Zone, tampon: inout Tampon) {
        guard let personnes else { return }
        var d = recherche.defilement
        d.ajuster(nombre: recherche.visibles.count, hauteur: max(1, liste.hauteur - 1))
        if recherche.visibles.isEmpty {
            tampon.ecrire(String(repeating: "─", count: zone.largeur), x: zone.x, y: y, style: .attenue)
            let texte = personnes.isEmpty ? "Personne n'est encore enregistré : Ctrl-N pour ajouter la personne."
                                          : "Personne ne correspond : corrigez, ou Ctrl-N pour ajouter la personne."
            Paragraphe(texte, retourALaLigne: true).rendre(dans: liste.interieur(horizontal: 1), tampon: &tampon)
            return
        }
        let colonnes: [ColonneTableau] = [
            .texte("Nom", minimum: 14, maximum: 30, contenu: recherche.visibles.map { Largeur.colonnes(personnes[$0].nomAffiche) }.max()),
            .nombre("Identifiant", contenu: recherche.visibles.map { personnes[$0].identifiant.count }.max() ?? 6, titreCourt: "Id."),
            .nombre("Naissance", contenu: 4, titreCourt: "Année"),
        ]
        Tableau(colonnes: colonnes, nombre: recherche.visibles.count, selection: d.selection, decalage: d.decalage) { i in
            let p = personnes[recherche.visibles[i]]
            return [[Segment(p.nomAffiche)], [Segment(p.identifiant)], [Segment(p.anneeNaissance.map(String.init) ?? "—")]]
        }.rendre(dans: liste, tampon: &tampon)
        tampon.separateur(zone, y: y, premier: d.decalage, visibles: max(1, liste.hauteur - 1), total: recherche.visibles.count)
    }

    /// The choices of the orientation field, one a line, the one chosen highlighted and marked.
    func dessinerOrientations(_ choisie: Orientation?, dans liste: Zone, separateur y: Int, zone: Zone, tampon: inout Tampon) {
        tampon.ecrire(String(repeating: "─", count: zone.largeur), x: zone.x, y: y, style: .attenue)
        let interieur = liste.interieur(horizontal: 1)
        var lignes: [[Segment]] = [[Segment("La personne a-t-elle été orientée ailleurs ?", style: Styles.enCours)]]
        for (chiffre, o) in Orientation.allCases.enumerated() {
            let texte = o.structure?.libelle ?? "non, pas orientée"
            // The choice is marked as well as highlighted: on a narrow terminal the foot line may cut it.
            lignes.append([Segment("\(chiffre) ", style: Styles.touche), Segment(texte, style: o == choisie ? Styles.selection : .normal)]
                          + (o == choisie ? [Segment(" ✓", style: Styles.touche)] : []))
        }
        for (i, ligne) in lignes.enumerated() where i < interieur.hauteur {
            tampon.ecrireLigne(ligne, x: interieur.x, y: interieur.y + i, largeur: interieur.largeur)
        }
    }

    /// The foot: the partner's name or the visit being typed, with the legend of the field;
    /// else where the chosen visit took place and its thématiques in full.
    func dessinerBas(dans bas: Zone, tampon: inout Tampon) {
        let (premiere, seconde) = (bas.y, bas.y + 1)
        if let champ = nomLieu {
            tampon.ecrireLigne([Segment("Lieu partenaire : ", style: Styles.enCours), Segment(champ.texte, style: Styles.selection),
                                Segment("▏", style: Styles.touche)], x: bas.x, y: premiere, largeur: bas.largeur)
            tampon.ecrireLigne([Segment("Entrée : garder · Échap : annuler · par exemple « CCAS » ou « médiathèque »", style: Styles.attenue)],
                               x: bas.x, y: seconde, largeur: bas.largeur)
            return
        }
        guard let s = saisie else {
            guard let lu = selectionnee else { return }
            let a = lu.accompagnement
            let themes = a.thematiques.map(\.libelle).joined(separator: ", ")
            let lieu = a.lieuNom.map { "\(a.lieu.libelle) (\($0))" } ?? a.lieu.libelle
            tampon.ecrireLigne([Segment("n° \(defilement.selection + 1) · \(lieu)" + (themes.isEmpty ? "" : " · \(themes)"), style: Styles.attenue)],
                               x: bas.x, y: premiere, largeur: bas.largeur)
            return
        }
        func champ(_ c: SaisiePassage.Champ, _ texte: String, vide: Bool = false, curseur: Bool = false) -> [Segment] {
            if s.champ == c { return [Segment(texte, style: Styles.selection)] + (curseur ? [Segment("▏", style: Styles.touche)] : []) }
            return [Segment(texte, style: vide ? Styles.attenue : .normal)]
        }
        let sep = Segment(" · ")
        var ligne: [Segment]
        if s.suivie {
            ligne = [Segment("Personne suivie : ", style: Styles.enCours)]
            if s.champ == .personne {
                let compte = personnes.map { " (\(recherche.visibles.count) sur \($0.count))" } ?? ""
                ligne += champ(.personne, recherche.filtre.texte, curseur: true) + [Segment(compte, style: Styles.attenue)]
            } else {
                ligne += [Segment(s.personne.map { "\($0.identifiant) \($0.nomAffiche)" } ?? "")]
            }
        } else {
            let age = s.rang.map { $0 <= SaisiePassage.tranches.bornes.count ? SaisiePassage.tranches.libelles[$0] : "âge non communiqué" }
            ligne = [Segment("Anonyme : ", style: Styles.enCours)] + champ(.sexe, s.sexe?.libelle ?? "sexe ?", vide: s.sexe == nil)
                + [sep] + champ(.age, age ?? "âge ?", vide: age == nil)
        }
        if !(s.suivie && s.champ == .personne) {
            ligne += [sep] + champ(.duree, s.duree.texte, curseur: true)
            ligne += [sep, Segment("thèmes ", style: Styles.attenue)]
                + champ(.themes, s.themes.texte.isEmpty && s.champ != .themes ? "—" : s.themes.texte, vide: s.themes.texte.isEmpty, curseur: true)
            // Shown once reached or chosen: most visits leave it unsaid, and the line stays short.
            if s.champ == .orientation || s.orientation != nil {
                ligne += [sep, Segment("orientation ", style: Styles.attenue)]
                    + champ(.orientation, s.orientation.map(PresentationPassage.orientation) ?? "?", vide: s.orientation == nil)
            }
        }
        tampon.ecrireLigne(ligne, x: bas.x, y: premiere, largeur: bas.largeur)
        let legende: String = switch s.champ {
        case .sexe: "f féminin · m masculin · a autre · n non communiqué"
        case .age: PresentationPassage.legendeAges(largeur: bas.largeur)
        case .personne: "2 ou 3 lettres du nom · ↑ ↓ choisir · Entrée prendre"
        case .duree: "Entrée noter · Tab thèmes · 2h, 1h30, 45 min ; 3 = 3 h"
        case .themes: "Entrée noter · " + SaisiePassage.themesCourts.joined(separator: " ")
        case .orientation: "Entrée noter · 0 pas orientée · 1-7 structure ci-dessus"
        }
        tampon.ecrireLigne([Segment(legende, style: Styles.attenue)], x: bas.x, y: seconde, largeur: bas.largeur)
    }
}
