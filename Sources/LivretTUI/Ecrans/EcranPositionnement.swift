import LivretCore
import LivretTerminal

/// The positionnement as a short guided questionnaire: one screen per Eurostat domain (three
/// answers in words), then the Pix levels and APTIC items already known (optional), then a
/// summary with the category Core computes; Entrée records it.
public struct EcranPositionnement: EcranTUI {
    /// One Eurostat domain as asked to the person.
    struct Question: Sendable {
        var domaine: IndicateurEurostat.Domaine
        var question: String
        var exemples: String
    }

    static let questions: [Question] = [
        Question(domaine: .information, question: "Chercher une information sur internet",
                 exemples: "un horaire de bus, une démarche, un prix ; savoir si le site est sérieux"),
        Question(domaine: .communication, question: "Communiquer en ligne",
                 exemples: "envoyer un message ou un e-mail, passer un appel vidéo, joindre une photo"),
        Question(domaine: .resolution, question: "Se débrouiller face à un problème",
                 exemples: "installer une application, changer un réglage, faire une démarche en ligne jusqu'au bout"),
        Question(domaine: .logiciels, question: "Utiliser des logiciels",
                 exemples: "écrire une lettre, remplir un tableau, retoucher ou classer des photos"),
    ]

    /// The three answers, 0 to 2, in the person's words.
    static let reponses = ["Je ne sais pas le faire", "Je le fais un peu, ou avec de l'aide", "Je le fais sans aide"]

    let identifiant: String
    let nom: String
    let pix: ReferentielPix
    var page = 0
    var notes: [Int?] = [nil, nil, nil, nil]
    var choix = 0
    var complement: Formulaire
    /// Échap was pressed once: a second one leaves.
    var confirmerSortie = false

    public init(identifiant: String, nom: String, catalogue: Catalogue) {
        self.identifiant = identifiant
        self.nom = nom
        self.pix = catalogue.pix
        let niveaux = ["non évalué"] + (0...8).map { "niveau \($0)" }
        complement = Formulaire(catalogue.pix.competences.map {
            .choix("pix-\($0.code)", "\($0.code) \($0.titre)", aide: "Facultatif : le niveau Pix de la personne dans « \($0.titre) », s'il est connu (← →).", niveaux)
        } + [.texte("aptic", "Items APTIC acquis", aide: "Facultatif : les codes des items APTIC que la personne maîtrise déjà, séparés par des virgules (par exemple 48, 66).", longueurMax: 200)],
        bouton: "Voir le résumé")
    }

    public var titre: String { "Positionnement" }
    public var chargement: Demande? { nil }
    public var saisieEnCours: Bool { true }
    public var nonEnregistre: String? {
        notes.contains { $0 != nil } ? "le positionnement n'est pas enregistré : allez jusqu'au résumé et Entrée, ou Échap pour l'abandonner." : nil
    }

    var pageComplement: Int { Self.questions.count }
    var pageResume: Int { Self.questions.count + 1 }

    public var touches: [AideTouche] {
        if page < pageComplement { return [AideTouche("↑ ↓ 1 2 3", "réponse"), AideTouche("Entrée", "suivante"), AideTouche("←", "précédente"), AideTouche("Échap", "abandonner")] }
        if page == pageComplement { return [AideTouche("↑ ↓", "ligne"), AideTouche("← →", "niveau"), AideTouche("Entrée", "suivante"), AideTouche("Échap", "abandonner")] }
        return [AideTouche("Entrée", "enregistrer"), AideTouche("←", "revenir"), AideTouche("Échap", "abandonner")]
    }

    /// The answers as Core's indicator, once the four questions are answered.
    var indicateur: IndicateurEurostat? {
        guard let i = notes[0], let c = notes[1], let r = notes[2], let l = notes[3] else { return nil }
        return IndicateurEurostat(information: i, communication: c, resolution: r, logiciels: l)
    }

    /// Pix levels and APTIC items typed on the optional page; an error names a wrong APTIC code.
    func niveaux() -> Result<[Positionnement.Niveau], RefusSaisie> {
        var niveaux: [Positionnement.Niveau] = []
        for competence in pix.competences {
            let n = complement.choix("pix-\(competence.code)")
            if n > 0 { niveaux.append(.init(referentiel: .pix, code: competence.code, niveau: n - 1)) }
        }
        for code in (complement.texte("aptic") ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
            niveaux.append(.init(referentiel: .aptic, code: String(code), niveau: 1))
        }
        return .success(niveaux)
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let confirmer = confirmerSortie
        confirmerSortie = false
        if touche == .echap && !(page == pageComplement && complement.confirmerAbandon) {
            if nonEnregistre != nil && !confirmer {
                confirmerSortie = true
                return [.erreur("Abandonner ce positionnement ? Échap encore pour abandonner, une autre touche pour continuer.")]
            }
            return [.retour, .info("Positionnement abandonné : rien n'a été enregistré.")]
        }
        if page < pageComplement {
            switch touche {
            case .haut: choix = max(0, choix - 1)
            case .bas: choix = min(2, choix + 1)
            case .caractere("1"), .caractere("2"), .caractere("3"):
                if case .caractere(let c) = touche, let n = c.wholeNumberValue { choix = n - 1 }
                notes[page] = choix
                page += 1
                choix = page < pageComplement ? (notes[page] ?? 0) : 0
            case .entree, .droite:
                notes[page] = choix
                page += 1
                choix = page < pageComplement ? (notes[page] ?? 0) : 0
            case .gauche, .retourArriere:
                if page > 0 { page -= 1; choix = notes[page] ?? 0 }
            default: break
            }
            return []
        }
        if page == pageComplement {
            switch complement.touche(touche) {
            case .valider: page = pageResume
            case .annuler: page = pageComplement - 1; choix = notes[page] ?? 0
            case .continuer: break
            }
            return []
        }
        switch touche {
        case .gauche, .retourArriere: page = pageComplement; return []
        case .entree:
            guard let indicateur else { page = notes.firstIndex { $0 == nil } ?? 0; return [.erreur("Répondez d'abord aux quatre questions.")] }
            switch niveaux() {
            case .success(let niveaux): return [.demander(.positionnement(apprenant: identifiant, indicateur, niveaux))]
            case .failure(let refus): page = pageComplement; return [.erreur(refus.message)]
            }
        default: return []
        }
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        if case .fait = reponse {
            notes = [nil, nil, nil, nil]
            return [.retour]
        }
        return []
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        let z = zone.interieur(horizontal: 1)
        let total = Self.questions.count + 2
        tampon.ecrireLigne([Segment("Positionnement \(Accord.de(nom))", style: Styles.entete), Segment(" · étape \(page + 1) sur \(total)", style: Styles.attenue)],
                           x: z.x, y: z.y, largeur: z.largeur)
        if page < pageComplement {
            let q = Self.questions[page]
            let intro: [[Segment]] = [
                [Segment("Demandez : ", style: Styles.attenue), Segment("« \(q.question) : comment vous débrouillez-vous ? »", style: Styles.entete)],
                [Segment("Par exemple : \(q.exemples).", style: Styles.attenue)],
            ]
            let corps = Zone(x: z.x, y: z.y + 2, largeur: z.largeur, hauteur: max(0, z.hauteur - 2))
            let rangees = intro.flatMap { Paragraphe(lignes: [$0], retourALaLigne: true).rangees(largeur: corps.largeur) }
            var y = corps.y
            for rangee in rangees where y < corps.bas { tampon.ecrireLigne(rangee, x: corps.x, y: y, largeur: corps.largeur); y += 1 }
            y += 1
            for (n, reponse) in Self.reponses.enumerated() where y < corps.bas {
                let choisie = n == choix
                tampon.ecrireLigne([Segment(choisie ? "▸ " : "  ", style: Styles.touche),
                                    Segment(" \(n + 1)  \(reponse) ", style: choisie ? Styles.selection : .normal)], x: corps.x, y: y, largeur: corps.largeur)
                y += 1
            }
            if y + 1 < corps.bas {
                tampon.ecrireLigne([Segment("Domaine Eurostat : \(q.domaine.libelle), note \(choix) sur 2.", style: Styles.attenue)],
                                   x: corps.x, y: y + 1, largeur: corps.largeur)
            }
            return
        }
        if page == pageComplement {
            tampon.ecrireLigne([Segment("Ce que l'on sait déjà (facultatif) : niveaux Pix et items APTIC acquis.", style: Styles.attenue)],
                               x: z.x, y: z.y + 1, largeur: z.largeur)
            complement.dessiner(dans: Zone(x: zone.x, y: zone.y + 3, largeur: zone.largeur, hauteur: max(0, zone.hauteur - 3)), tampon: &tampon)
            return
        }
        var lignes: [[Segment]] = []
        for (k, q) in Self.questions.enumerated() {
            let n = notes[k]
            lignes.append([Segment("• \(q.question) : "), Segment(n.map { "« \(Self.reponses[$0].lowercased()) »" } ?? "sans réponse",
                                                                  style: n == nil ? Styles.erreur : Styles.entete)])
        }
        lignes.append([])
        if let indicateur {
            lignes.append([Segment("Résultat : ", style: Styles.entete), Segment(indicateur.categorie.libelle)])
        }
        let connus = (try? niveaux().get()) ?? []
        let nPix = connus.filter { $0.referentiel == .pix }.count, nAptic = connus.filter { $0.referentiel == .aptic }.count
        lignes.append([Segment("En plus : \(Accord.nombre(nPix, "niveau Pix", "niveaux Pix")), \(Accord.nombre(nAptic, "item APTIC", "items APTIC")).", style: Styles.attenue)])
        lignes.append([])
        lignes.append([Segment("Entrée", style: Styles.touche), Segment(" pour enregistrer ce positionnement, daté d'aujourd'hui.")])
        Paragraphe(lignes: lignes, retourALaLigne: true).rendre(dans: Zone(x: z.x, y: z.y + 2, largeur: z.largeur, hauteur: max(0, z.hauteur - 2)), tampon: &tampon)
    }
}
