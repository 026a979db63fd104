import LivretCore
import LivretStore
import LivretTerminal

/// The home screen: every cohort with its parcours, dates, who is enrolled (by sex), how far
/// its sessions are and its attendance so far. Offers the demo when the base is empty.
public struct EcranAccueil: EcranTUI {
    let env: Environnement
    var cohortes: [ResumeCohorte] = []
    /// The cohorts shown (filtered with /), the selection and the scroll.
    var liste = ListeFiltrable()
    var charge = false
    var baseVide = false

    public init(env: Environnement) { self.env = env }

    /// How many cohorts the base has (all of them, whatever the filter).
    public var nombreCohortes: Int { cohortes.count }

    public var titre: String { "Accueil" }
    public var chargement: Demande? { .accueil }
    public var saisieEnCours: Bool { liste.filtre.actif }

    public var touches: [AideTouche] {
        if liste.filtre.actif { return [AideTouche("Entrée", "garder le filtre"), AideTouche("Échap", "effacer le filtre")] }
        if baseVide { return [AideTouche("Entrée", "créer la base de ma structure"), AideTouche("d", "essayer la démonstration")] }
        if charge && cohortes.isEmpty {
            return [AideTouche("n", "nouvelle cohorte"), AideTouche("p", "personnes"), AideTouche("P", "permanence"),
                    AideTouche("i", "importer Pix"), AideTouche("f", "qui travaille")]
        }
        return [AideTouche("Entrée", "ouvrir"), AideTouche("a", "appel"), AideTouche("p", "personnes"), AideTouche("P", "permanence"),
                AideTouche("n", "nouvelle cohorte"),
                AideTouche("b", "badges"), AideTouche("r", "rapport"), AideTouche("i", "importer Pix"), AideTouche("/", "filtrer"),
                AideTouche("c", "certification"), AideTouche("f", "qui travaille")]
    }

    var selectionnee: ResumeCohorte? {
        liste.selection.map { cohortes[$0] }
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        switch reponse {
        case .accueil(let structure, let resumes):
            let code = selectionnee?.code
            cohortes = resumes
            liste.charger(resumes.map { "\($0.code) \($0.titre) \($0.parcours)" })
            baseVide = structure == nil
            charge = true
            if let code, let i = cohortes.firstIndex(where: { $0.code == code }) { liste.selectionner(i) }
            return []
        case .fait:
            return baseVide ? [.demander(.accueil)] : []
        case .poste(let etat):
            if etat.formateurs.count > 1 { return [.ouvrir(EcranQuiTravaille(formateurs: etat.formateurs, courant: etat.formateur))] }
            return [.info("Un seul formateur est enregistré dans cette base : \(etat.formateurs.first ?? "personne").")]
        default:
            return []
        }
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let lignesTableau = max(1, hauteur - 6)
        if liste.toucheFiltre(touche, hauteur: lignesTableau) { return [] }
        if baseVide {
            if touche == .caractere("d") { return [.demander(.creerDemo)] }
            if touche == .entree { return [.ouvrir(EcranFormulaire(ModelePremierDemarrage()))] }
            return nil
        }
        if liste.defilement.suivre(touche, nombre: liste.visibles.count, hauteur: lignesTableau) { return [] }
        switch touche {
        case .caractere("p"): return [.ouvrir(EcranPersonnes(env: env))]
        case .caractere("P"): return [.ouvrir(EcranPermanence(env: env))]
        case .caractere("n"):
            return [.ouvrir(EcranFormulaire(ModeleCohorte(parcours: env.catalogue.parcours.map { ($0.code, $0.entete.titre) }, jour: env.jour)))]
        case .caractere("i"): return [.ouvrir(EcranFormulaire(ModeleTexte.importPix(cohorte: nil)))]
        case .caractere("f"): return [.demander(.poste)]
        default: break
        }
        guard let cohorte = selectionnee else {
            if touche == .caractere("/") { liste.filtre.actif = true; return [] }
            return nil
        }
        switch touche {
        case .entree, .droite: return [.ouvrir(EcranCohorte(code: cohorte.code, env: env))]
        case .caractere("a"): return [.ouvrir(EcranSeances(cohorte: cohorte.code, jour: env.jour))]
        case .caractere("c"): return [.ouvrir(EcranCertification(cohorte: cohorte.code))]
        case .caractere("b"): return [.ouvrir(EcranBadges(cohorte: cohorte.code))]
        case .caractere("r"): return [.ouvrir(EcranRapport(cohorte: nil))]
        case .caractere("/"): liste.filtre.actif = true; return []
        case .echap where liste.effacerFiltre(): return []
        default: return nil
        }
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard charge else { return }
        if baseVide {
            Paragraphe(lignes: [
                [Segment("Bienvenue dans Livret.", style: Styles.entete)],
                [],
                [Segment("Aucune structure n'est encore enregistrée sur cet ordinateur.")],
                [],
                [Segment("Entrée", style: Styles.touche), Segment("  créer la base de votre structure : son nom et le vôtre, c'est tout")],
                [Segment("d", style: Styles.touche), Segment("  essayer la démonstration, dans un fichier à part (votre base reste intacte)")],
                [Segment("q", style: Styles.touche), Segment("  quitter")],
            ], retourALaLigne: true).rendre(dans: zone.interieur(horizontal: 1), tampon: &tampon)
            return
        }
        let parties = zone.lignes([.reste, .fixe(1), .fixe(4)])
        let (haut, bas) = (parties[0], parties[2])
        if cohortes.isEmpty {
            Paragraphe(lignes: [[Segment("Aucune cohorte pour l'instant.")], [],
                                [Segment("n", style: Styles.touche), Segment("  nouvelle cohorte")],
                                [Segment("p", style: Styles.touche), Segment("  les personnes que vous accompagnez")],
                                [Segment("P", style: Styles.touche), Segment("  la permanence du jour : noter les passages")]], retourALaLigne: true)
                .rendre(dans: haut.interieur(horizontal: 1), tampon: &tampon)
            return
        }
        var d = liste.defilement
        d.ajuster(nombre: liste.visibles.count, hauteur: max(1, haut.hauteur - 1))
        let colonnes = Self.colonnes(cohortes)
        let largeurs = Tableau.largeurs(colonnes, total: haut.largeur)
        Tableau(colonnes: colonnes, nombre: liste.visibles.count, selection: d.selection, decalage: d.decalage) { i in
            let c = cohortes[liste.visibles[i]]
            let autres = (c.inscritsParSexe[.autre] ?? 0) + (c.inscritsParSexe[.nonCommunique] ?? 0)
            return [[Segment(c.code)], [Segment(c.parcours)], [Segment(c.debut.francais)], [Segment("\(c.inscrits)")],
                    [Segment("\(c.inscritsParSexe[.feminin] ?? 0)")], [Segment("\(c.inscritsParSexe[.masculin] ?? 0)")], [Segment("\(autres)")],
                    [Segment("\(c.heures.seancesTenues)/\(c.heures.seancesPlanifiees)")], Self.assiduite(c.assiduite)]
        }.rendre(dans: haut, tampon: &tampon)
        tampon.separateur(zone, y: parties[1].y, premier: d.decalage, visibles: max(1, haut.hauteur - 1), total: liste.visibles.count)
        let filtreMontre = liste.filtre.actif || !liste.filtre.texte.isEmpty
        let ligneFiltre = [Segment("Filtre : ", style: Styles.touche), Segment(liste.filtre.texte + (liste.filtre.actif ? "▏" : ""))]
        if let c = selectionnee {
            let fin = c.fin.map { " au \($0.francais)" } ?? ""
            let f = c.inscritsParSexe[.feminin] ?? 0, h = c.inscritsParSexe[.masculin] ?? 0
            let a = c.inscritsParSexe[.autre] ?? 0, nc = c.inscritsParSexe[.nonCommunique] ?? 0
            // With the columns F, H and « Autres » shown, a legend says what they count; without
            // them, the row of who is enrolled says it in words.
            let colonnesSexe = largeurs[4] > 0
            let sexes = colonnesSexe ? "\(f) F, \(h) H" : "\(Accord.nombre(f, "femme")), \(Accord.nombre(h, "homme"))"
            let inscrits = "\(Accord.nombre(c.inscrits, "inscrit")) : \(sexes), \(Accord.nombre(a, "autre")), \(Accord.nombre(nc, "non communiqué", "non communiqués"))"
            let issues: [[Segment]] = [[Segment(Accord.nombre(c.termines, "terminé"))], [Segment(Accord.nombre(c.abandons, "abandon"))]]
            let interieur = Zone(x: bas.x + 1, y: bas.y, largeur: max(0, bas.largeur - 2), hauteur: bas.hauteur)
            tampon.ecrireLigne([Segment(c.titre, style: Styles.entete), Segment(c.titre.contains(c.parcours) ? "" : " — \(c.parcours)")],
                               x: interieur.x, y: interieur.y, largeur: interieur.largeur)
            tampon.ecrireParties([[Segment("Du \(c.debut.francais)\(fin)\(c.cloturee ? " (clôturée)" : "")")],
                                  [Segment("\(Accord.nombre(c.heures.seancesTenues, "séance tenue", "séances tenues")) sur \(c.heures.seancesPlanifiees)")],
                                  [Segment("assiduité \(Format.pourcentage(c.assiduite))")]],
                                 x: interieur.x, y: interieur.y + 1, largeur: interieur.largeur)
            // The last row: the filter being typed, else the legend of the columns F, H, « Autres ».
            var derniere: [Segment]? = nil
            if filtreMontre {
                derniere = ligneFiltre + [Segment("  (\(liste.visibles.count) sur \(cohortes.count))", style: Styles.attenue)]
            } else if colonnesSexe {
                derniere = [Segment("F : femmes · H : hommes · Autres : autre ou non communiqué", style: Styles.attenue)]
            }
            let suivi = Zone(x: interieur.x, y: interieur.y + 2, largeur: interieur.largeur, hauteur: max(0, interieur.hauteur - 2 - (derniere == nil ? 0 : 1)))
            tampon.ecrireParties([[Segment(inscrits)]] + issues, dans: suivi)
            if let derniere {
                tampon.ecrireLigne(derniere, x: interieur.x, y: suivi.bas, largeur: interieur.largeur)
            }
        } else if filtreMontre {
            tampon.ecrireLigne(ligneFiltre + [Segment("  aucune cohorte ne correspond", style: Styles.attenue)],
                               x: bas.x + 1, y: bas.y, largeur: max(0, bas.largeur - 2))
        }
    }

    /// The columns of the list of cohorts. Numbers are as wide as the largest of them; on a
    /// narrow terminal the start date goes first, then the split by sex (shown below the list).
    static func colonnes(_ cohortes: [ResumeCohorte]) -> [ColonneTableau] {
        func chiffres(_ valeur: (ResumeCohorte) -> Int) -> Int { String(cohortes.lazy.map(valeur).max() ?? 0).count }
        let code = cohortes.lazy.map(\.code.utf8.count).max() ?? 0
        return [
            .texte("Cohorte", minimum: 15, maximum: 24, contenu: code),
            .texte("Parcours", minimum: 12, maximum: 28),
            .nombre("Début", contenu: 10, alignement: .gauche, priorite: 2),
            .nombre("Inscrits", contenu: chiffres(\.inscrits)),
            .nombre("F", contenu: chiffres { $0.inscritsParSexe[.feminin] ?? 0 }, priorite: 1),
            .nombre("H", contenu: chiffres { $0.inscritsParSexe[.masculin] ?? 0 }, priorite: 1),
            .nombre("Autres", contenu: chiffres { ($0.inscritsParSexe[.autre] ?? 0) + ($0.inscritsParSexe[.nonCommunique] ?? 0) }, priorite: 1),
            .nombre("Séances", contenu: chiffres(\.heures.seancesTenues) + 1 + chiffres(\.heures.seancesPlanifiees)),
            ColonneTableau(titre: "Assiduité", largeur: .fixe(12)),
        ]
    }

    /// "█████▋ 94 %" in 12 columns, "—" before the first session.
    static func assiduite(_ valeur: Double?) -> [Segment] {
        guard let valeur else { return [Segment("—", style: Styles.attenue)] }
        return [Segment(Barre.symboles(valeur: valeur, colonnes: 6), style: Styles.barre), Segment(" " + Format.pourcentage(valeur))]
    }
}
