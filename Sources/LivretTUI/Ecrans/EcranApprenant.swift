import Foundation
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
    let env: Environnement
    let aptic: ReferentielAptic
    let pix: ReferentielPix
    /// Only the acquired items of the grid (key f).
    var seulementAcquis = false
    /// The evidence whose note is read in full (Entrée on the evidence tab).
    var lecture: Preuve?
    var dossier: DossierApprenant?
    var onglet = Onglet.aptic
    var rangees: [Rangee]
    var visibles: [Int]
    var defilement = Defilement()
    var defilementPreuves = Defilement()
    var filtre = Filtre()
    /// The evidence level chosen, waiting for Entrée.
    var preuveProposee: (item: String, niveau: NiveauPreuve)?
    /// The one-time code just given for the learner's space (key k), shown large until a key is pressed.
    var codeEspace: String?

    public init(identifiant: String, env: Environnement) {
        self.identifiant = identifiant
        self.env = env
        aptic = env.catalogue.aptic
        pix = env.catalogue.pix
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
        if lecture != nil || codeEspace != nil { return [AideTouche("une touche", "fermer")] }
        let communes = [AideTouche("p", "positionnement"), AideTouche("v", "CV"), AideTouche("m", "modifier la fiche"),
                        AideTouche("k", "code de l'espace")]
        switch onglet {
        case .aptic:
            return [AideTouche("d", "preuve déclarative"), AideTouche("s", "suivi"), AideTouche("a", "autonomie"),
                    AideTouche("/", "chercher"), AideTouche("f", seulementAcquis ? "tous les items" : "seulement les acquis"),
                    AideTouche("Tab", "Pix, preuves")] + communes
        case .pix:
            return [AideTouche("Tab", "onglet suivant"), AideTouche("1 2 3", "APTIC, Pix, preuves")] + communes
        case .preuves:
            return [AideTouche("Entrée", "lire en entier"), AideTouche("n", "ajouter une note"), AideTouche("r", "retirer la preuve"),
                    AideTouche("Tab", "onglet suivant")] + communes
        }
    }

    public var question: (titre: String, lignes: [String])? {
        guard let p = lecture else { return nil }
        let intitule = p.referentiel == .aptic ? (aptic.item(p.code)?.titre ?? p.code) : (pix.competences.first { $0.code == p.code }?.titre ?? p.code)
        var lignes = Self.couper("\(p.referentiel.libelle) \(p.code) — \(intitule)", largeur: 56)
        lignes.append("\(p.date.francais) · \(p.niveau.libelle)\(p.retrait ? " · retrait" : "")")
        lignes.append("")
        lignes += Self.couper(p.note ?? "Pas de note.", largeur: 56)
        lignes += ["", "Une touche pour fermer."]
        return (p.retrait ? "Retrait d'une preuve" : "Preuve", lignes)
    }

    /// A text cut into lines of at most `largeur` columns, at spaces.
    static func couper(_ texte: String, largeur: Int) -> [String] {
        Paragraphe(texte, retourALaLigne: true).rangees(largeur: largeur).map { $0.map(\.texte).joined() }
    }

    /// The evidence chosen on the evidence tab (newest first, as drawn).
    var preuveChoisie: Preuve? {
        guard let preuves = dossier?.preuves.reversed() else { return nil }
        let liste = Array(preuves)
        return liste.indices.contains(defilementPreuves.selection) ? liste[defilementPreuves.selection] : nil
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
        case .codeEspace(let pour, let code) where pour == identifiant:
            codeEspace = code
            return [.info(phraseCode(code))]
        default: break
        }
        return []
    }

    mutating func appliquerFiltre() {
        let cherche = Filtre.plier(filtre.texte.trimmingCharacters(in: .whitespaces))
        if seulementAcquis {
            // Only the acquired items, under their niveau and sous-thème, searched too.
            let etats = self.etats
            var garde: [Int] = []
            var niveau: Int?, sousTheme: Int?
            for i in rangees.indices {
                switch rangees[i] {
                case .niveau: niveau = i; sousTheme = nil
                case .sousTheme: sousTheme = i
                case .item(let code, let titre):
                    guard etats[code]?.statut == .acquis else { continue }
                    if !cherche.isEmpty && !Filtre.plier("\(code) \(titre) \(aptic.item(code)?.libelleFacile ?? "")").contains(cherche) { continue }
                    if let n = niveau, !garde.contains(n) { garde.append(n) }
                    if let t = sousTheme, !garde.contains(t) { garde.append(t) }
                    garde.append(i)
                }
            }
            visibles = garde
        } else if cherche.isEmpty {
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
        let h = max(1, hauteur - 4)
        if lecture != nil { lecture = nil; return [] }
        if codeEspace != nil { codeEspace = nil; return [] }
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
        if let dossier {
            let a = dossier.apprenant
            switch touche {
            case .caractere("p"):
                if a.efface { return [.info("L'identité de cette personne a été effacée : plus de positionnement possible.")] }
                return [.ouvrir(EcranPositionnement(identifiant: identifiant, nom: a.nomAffiche, catalogue: env.catalogue))]
            case .caractere("m"):
                if a.efface { return [.info("L'identité de cette personne a été effacée : sa fiche ne se modifie plus.")] }
                return [.ouvrir(EcranFicheApprenant(identifiant: identifiant, env: env))]
            case .caractere("v"):
                if a.efface { return [.info("L'identité de cette personne a été effacée : plus de CV possible.")] }
                return [.ouvrir(EcranFormulaire(ModeleCV(identifiant: identifiant, nom: a.nomAffiche)))]
            case .caractere("k"):
                if a.efface { return [.info("L'identité de cette personne a été effacée : elle n'a plus d'espace, pas de code possible.")] }
                return [.demander(.codeEspace(identifiant))]
            default: break
            }
        }
        if onglet == .preuves {
            guard let p = preuveChoisie, let id = p.id else { return nil }
            switch touche {
            case .entree: lecture = p; return []
            case .caractere("r"):
                if p.retrait { return [.info("C'est déjà le retrait d'une preuve.")] }
                return [.ouvrir(EcranFormulaire(ModeleTexte(
                    titre: "Retirer une preuve", introduction: "La preuve « \(p.referentiel.libelle) \(p.code) » du \(p.date.francais) ne comptera plus ; elle reste lisible dans l'historique, avec le motif.",
                    etiquette: "Motif", aide: "Pourquoi elle est retirée, par exemple « saisie sur la mauvaise personne ».", bouton: "Retirer la preuve",
                    obligatoire: "dites pourquoi la preuve est retirée (le motif).", fabrique: { .retirerPreuve(id: id, motif: $0) })))]
            case .caractere("n"):
                if p.retrait { return [.info("On n'annote pas un retrait.")] }
                return [.ouvrir(EcranFormulaire(ModeleTexte(
                    titre: "Note sur une preuve", introduction: "Ce qui a été observé pour « \(p.referentiel.libelle) \(p.code) » (\(p.date.francais)). La note accompagne la preuve ; l'ancienne reste dans l'historique.",
                    etiquette: "Note", aide: "Par exemple « a envoyé seule un e-mail avec pièce jointe à la CAF ».", bouton: "Ajouter la note",
                    obligatoire: "écrivez la note.", fabrique: { .annoterPreuve(id: id, note: $0) })))]
            default: return nil
            }
        }
        guard onglet == .aptic else { return nil }
        switch touche {
        case .caractere("f"):
            seulementAcquis.toggle()
            appliquerFiltre()
            return [.info(seulementAcquis ? "Seulement les items acquis (f : tous les items)." : "Tous les items de la grille.")]
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
        // k is the space's code (j with it: the letters go together), ↑ ↓ move.
        guard d.suivre(touche, nombre: n, hauteur: hauteur, lettres: false) else { return false }
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
        if !dossier.accompagnements.isEmpty {
            // Visits outside cohorts: permanences, appointments, workshops.
            let minutes = dossier.accompagnements.map(\.minutes).reduce(0, +)
            entete += " · \(Accord.nombre(dossier.accompagnements.count, "passage")) hors cohorte, \(SaisieDuree.texte(minutes: minutes))"
        }
        tampon.ecrireLigne([Segment(" " + a.nomAffiche, style: Styles.entete), Segment(entete)], x: zone.x, y: zone.y, largeur: zone.largeur)
        tampon.ecrireLigne(Self.diagnostic(dossier), x: zone.x, y: zone.y + 1, largeur: zone.largeur)
        Onglets(titres: ["1 APTIC", "2 Pix", "3 Preuves (\(dossier.preuves.count))"], actif: onglet.rawValue)
            .rendre(dans: zone.ligne(2), tampon: &tampon)
        let corps = Zone(x: zone.x, y: zone.y + 3, largeur: zone.largeur, hauteur: max(0, zone.hauteur - 4))
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
        if let code = codeEspace { fenetreCode(code).rendre(dans: zone, tampon: &tampon) }
    }

    /// The learner's first name (her pseudonym, else her identifier, when she has none), as the code is given to her.
    var prenom: String {
        guard let a = dossier?.apprenant else { return identifiant }
        return [a.prenom, a.pseudonyme].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? a.nomAffiche
    }

    /// What to say with the code, on the message line and in the window.
    func phraseCode(_ code: String) -> String {
        "Code de connexion \(Accord.de(prenom)) : \(RegleEspace.affichage(code)) — à taper dans l'espace dans les "
            + "\(RegleEspace.validiteCode / 60) minutes ; il ne sert qu'une fois."
    }

    /// The code in large digits (five rows of blocks), then as text, then what to do with it: read
    /// aloud to the learner across the desk, or copied from the screen.
    func fenetreCode(_ code: String) -> Fenetre {
        let groupes = [String(code.prefix(RegleEspace.chiffresCode / 2)), String(code.dropFirst(RegleEspace.chiffresCode / 2))]
        let grands = (0..<5).map { rangee in
            groupes.map { groupe in groupe.map { Self.grandsChiffres[$0]?[rangee] ?? "   " }.joined(separator: " ") }.joined(separator: "   ")
        }
        let consigne = ["À taper dans l'espace dans les \(RegleEspace.validiteCode / 60) minutes ;", "il ne sert qu'une fois."]
        let largeur = ([Largeur.colonnes(grands[0])] + consigne.map { Largeur.colonnes($0) }).max() ?? 0
        /// The code centred in the window: it is what the eye looks for.
        func centre(_ texte: String) -> Segment {
            Segment(String(repeating: " ", count: max(0, (largeur - Largeur.colonnes(texte)) / 2)) + texte, style: Styles.entete)
        }
        var lignes: [[Segment]] = [[Segment("Code de connexion \(Accord.de(prenom)) :", style: Styles.entete)], []]
        lignes += grands.map { [centre($0)] }
        lignes += [[], [centre(RegleEspace.affichage(code))], []]
        lignes += consigne.map { [Segment($0)] }
        lignes += [[], [Segment("Une touche pour fermer.", style: Styles.attenue)]]
        return Fenetre(titre: "Espace de l'apprenant", lignes: lignes)
    }

    /// The digits drawn with blocks, three columns by five rows.
    static let grandsChiffres: [Character: [String]] = [
        "0": ["███", "█ █", "█ █", "█ █", "███"],
        "1": [" █ ", "██ ", " █ ", " █ ", "███"],
        "2": ["███", "  █", "███", "█  ", "███"],
        "3": ["███", "  █", " ██", "  █", "███"],
        "4": ["█ █", "█ █", "███", "  █", "  █"],
        "5": ["███", "█  ", "███", "  █", "███"],
        "6": ["███", "█  ", "███", "█ █", "███"],
        "7": ["███", "  █", "  █", "  █", "  █"],
        "8": ["███", "█ █", "███", "█ █", "███"],
        "9": ["███", "█ █", "███", "  █", "███"],
    ]

    /// The latest positionnement and the progress since: « Positionnement du 04/03/2024 :
    /// compétences faibles · depuis : 5 preuves · 12 items acquis ».
    static func diagnostic(_ dossier: DossierApprenant) -> [Segment] {
        guard let dernier = dossier.positionnements.last else {
            return [Segment(" Pas encore de positionnement : touche p pour le faire avec la personne.", style: Styles.attenue)]
        }
        let categorie = dernier.eurostat.map { " : \($0.categorie.libelle)" } ?? ""
        let acquis = dossier.etats.filter { $0.referentiel == .aptic && $0.statut == .acquis }.count
        let auDebut = dernier.niveaux.filter { $0.referentiel == .aptic && $0.niveau >= 1 }.count
        let progres = auDebut > 0 ? "\(Accord.nombre(acquis, "item acquis", "items acquis")) (\(auDebut) au positionnement)"
                                  : Accord.nombre(acquis, "item acquis", "items acquis")
        return [Segment(" Positionné le \(dernier.date.francais)\(categorie)", style: Styles.enCours),
                Segment(" · aujourd'hui \(progres)", style: Styles.attenue)]
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
        let source = profil.map { "Profil Pix partagé le \($0.date.francais)" } ?? "Aucun profil Pix partagé : importez l'export de la campagne Pix Orga (touche i sur l'accueil)."
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
