import LivretTerminal

/// One question of a form: a label, a line of help in plain words, and its answer.
public struct ChampFormulaire: Sendable, Equatable {
    /// What the answer is.
    public enum Valeur: Sendable, Equatable {
        /// Typed text (a name, a year, a date, a motif).
        case texte(ChampTexte)
        /// One answer among a few, in words (← → or its number to choose).
        case choix([String], Int)
        /// Yes or no (Espace, o, n).
        case coche(Bool)
    }

    /// The name the form's owner reads the answer by.
    public var cle: String
    /// The question, short (« Prénom », « Année de naissance »).
    public var etiquette: String
    /// One sentence in plain words, shown under the form while the field is chosen.
    public var aide: String
    public var valeur: Valeur
    /// The answer before any change (Ctrl-C puts it back).
    public var initiale: Valeur
    /// The field is shown only when this yes/no field is « oui » (the contact only if badges are wanted).
    public var siCoche: String?

    public init(_ cle: String, _ etiquette: String, aide: String, _ valeur: Valeur, siCoche: String? = nil) {
        self.cle = cle
        self.etiquette = etiquette
        self.aide = aide
        self.valeur = valeur
        self.initiale = valeur
        self.siCoche = siCoche
    }

    /// A text field, filled with `texte`.
    public static func texte(_ cle: String, _ etiquette: String, aide: String, _ texte: String = "", chiffres: Bool = false,
                             longueurMax: Int = 80, siCoche: String? = nil) -> ChampFormulaire {
        ChampFormulaire(cle, etiquette, aide: aide, .texte(ChampTexte(texte, chiffresSeulement: chiffres, longueurMax: longueurMax)), siCoche: siCoche)
    }

    /// A choice among `options`, `choisie` selected.
    public static func choix(_ cle: String, _ etiquette: String, aide: String, _ options: [String], choisie: Int = 0,
                             siCoche: String? = nil) -> ChampFormulaire {
        ChampFormulaire(cle, etiquette, aide: aide, .choix(options, min(max(0, choisie), max(0, options.count - 1))), siCoche: siCoche)
    }

    /// A yes/no question.
    public static func coche(_ cle: String, _ etiquette: String, aide: String, _ oui: Bool = false, siCoche: String? = nil) -> ChampFormulaire {
        ChampFormulaire(cle, etiquette, aide: aide, .coche(oui), siCoche: siCoche)
    }
}

/// A form: questions one under the other, the chosen one highlighted with its help below, and
/// an « Enregistrer » line at the end. ↑ ↓ (or Tab) move, Entrée goes to the next question and,
/// on « Enregistrer », records; Ctrl-C puts the current answer back as it was; Échap leaves
/// (asking first when something was typed).
public struct Formulaire: Sendable, Equatable {
    /// What a key did.
    public enum Issue: Sendable, Equatable {
        /// The key was used (or ignored); the form goes on.
        case continuer
        /// « Enregistrer » was chosen.
        case valider
        /// The formateur leaves without recording.
        case annuler
    }

    public var champs: [ChampFormulaire]
    /// Index of the chosen field; `champs.count` is the « Enregistrer » line.
    public var courant = 0
    /// The label of the last line (« Enregistrer », « Ajouter la personne »).
    public var bouton: String
    /// Échap was pressed once with answers typed: a second Échap leaves.
    public private(set) var confirmerAbandon = false

    public init(_ champs: [ChampFormulaire], bouton: String = "Enregistrer") {
        self.champs = champs
        self.bouton = bouton
    }

    /// Whether something differs from what the form opened with.
    public var modifie: Bool { champs.contains { $0.valeur != $0.initiale } }

    /// Whether the chosen field takes typed characters (then q and ? are letters).
    public var saisieTexte: Bool {
        guard champs.indices.contains(courant), case .texte = champs[courant].valeur else { return false }
        return true
    }

    /// The fields shown now, by index (a field under an unticked question is hidden).
    public var visibles: [Int] { champs.indices.filter { estVisible($0) } }

    func estVisible(_ i: Int) -> Bool {
        guard let condition = champs[i].siCoche else { return true }
        return coche(condition)
    }

    // MARK: answers

    /// The text typed in `cle`, spaces trimmed; nil when empty or hidden.
    public func texte(_ cle: String) -> String? {
        guard let i = champs.firstIndex(where: { $0.cle == cle }), estVisible(i), case .texte(let champ) = champs[i].valeur else { return nil }
        let t = champ.texte.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : t
    }

    /// The index of the answer chosen in `cle` (0 when hidden).
    public func choix(_ cle: String) -> Int {
        guard let i = champs.firstIndex(where: { $0.cle == cle }), estVisible(i), case .choix(_, let n) = champs[i].valeur else { return 0 }
        return n
    }

    /// Whether `cle` is ticked (false when hidden).
    public func coche(_ cle: String) -> Bool {
        guard let i = champs.firstIndex(where: { $0.cle == cle }), case .coche(let oui) = champs[i].valeur else { return false }
        return oui && (champs[i].siCoche.map { coche($0) } ?? true)
    }

    /// Moves to the field `cle` (after a refusal that names it).
    public mutating func aller(a cle: String) {
        if let i = champs.firstIndex(where: { $0.cle == cle }), estVisible(i) { courant = i }
    }

    // MARK: keys

    /// Handles a key.
    public mutating func touche(_ touche: Touche) -> Issue {
        if confirmerAbandon {
            confirmerAbandon = false
            if touche == .echap || touche == .caractere("o") { return .annuler }
            return .continuer
        }
        switch touche {
        case .echap:
            if modifie { confirmerAbandon = true; return .continuer }
            return .annuler
        case .haut, .tabulationArriere: deplacer(-1); return .continuer
        case .bas, .tabulation: deplacer(1); return .continuer
        case .entree:
            if courant >= champs.count { return .valider }
            deplacer(1)
            return .continuer
        case .ctrl("c"):
            // Cancels the field: its answer goes back to what it was.
            if champs.indices.contains(courant) { champs[courant].valeur = champs[courant].initiale }
            return .continuer
        default: break
        }
        guard champs.indices.contains(courant) else { return .continuer }
        switch champs[courant].valeur {
        case .texte(var champ):
            if champ.appliquer(touche) { champs[courant].valeur = .texte(champ) }
        case .choix(let options, let n):
            var nouveau = n
            switch touche {
            case .droite, .caractere(" "): nouveau = (n + 1) % options.count
            case .gauche: nouveau = (n + options.count - 1) % options.count
            case .caractere(let c):
                if let chiffre = c.wholeNumberValue, (1...options.count).contains(chiffre) {
                    nouveau = chiffre - 1
                } else if let i = Self.suivantCommencantPar(c, options: options, apres: n) {
                    nouveau = i
                }
            default: break
            }
            champs[courant].valeur = .choix(options, nouveau)
        case .coche(let oui):
            switch touche {
            case .caractere(" "), .droite, .gauche: champs[courant].valeur = .coche(!oui)
            case .caractere("o"), .caractere("O"): champs[courant].valeur = .coche(true)
            case .caractere("n"), .caractere("N"): champs[courant].valeur = .coche(false)
            default: break
            }
        }
        return .continuer
    }

    /// Moves to the next (or previous) shown field; past the last one is « Enregistrer ».
    mutating func deplacer(_ sens: Int) {
        let ordre = visibles + [champs.count]
        let position = ordre.firstIndex(of: courant) ?? 0
        courant = ordre[min(max(0, position + sens), ordre.count - 1)]
    }

    static func suivantCommencantPar(_ c: Character, options: [String], apres n: Int) -> Int? {
        let lettre = Filtre.plier(String(c))
        for decalage in 1...options.count {
            let i = (n + decalage) % options.count
            if Filtre.plier(options[i]).hasPrefix(lettre) { return i }
        }
        return nil
    }

    // MARK: drawing

    /// Draws the questions (scrolled to keep the chosen one visible), the « Enregistrer » line,
    /// and the chosen field's help at the bottom.
    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard zone.hauteur >= 3 else { return }
        let ordre = visibles
        let aide: String = confirmerAbandon
            ? "Abandonner cette saisie ? Échap ou o : oui, rien n'est enregistré · une autre touche : continuer."
            : (champs.indices.contains(courant) ? champs[courant].aide : "Entrée pour enregistrer ; ↑ pour revenir sur une réponse.")
        let lignesAide = Paragraphe(aide, style: confirmerAbandon ? Styles.enCours : Styles.attenue, retourALaLigne: true)
            .rangees(largeur: max(1, zone.largeur - 2))
        let hauteurAide = min(3, lignesAide.count)
        let hauteurListe = max(1, zone.hauteur - hauteurAide - 1)
        let largeurEtiquette = min(max(12, zone.largeur / 3), (ordre.map { Largeur.colonnes(champs[$0].etiquette) }.max() ?? 10) + 1)
        // Rows: one per shown field, a blank one, the button.
        let rangees = ordre.map(Optional.some) + [nil, champs.count]
        let choisie = rangees.firstIndex(of: courant) ?? 0
        var defilement = Defilement(selection: choisie)
        defilement.ajuster(nombre: rangees.count, hauteur: hauteurListe)
        for (ligne, rangee) in rangees.enumerated().dropFirst(defilement.decalage).prefix(hauteurListe) {
            let y = zone.y + ligne - defilement.decalage
            guard let i = rangee else { continue }
            let estCourant = i == courant
            if i == champs.count {
                let texte = "[ \(bouton) ]"
                tampon.ecrire(" " + texte, x: zone.x + 1, y: y, style: estCourant ? Styles.selection : Styles.touche, largeurMax: zone.largeur - 1)
                continue
            }
            let champ = champs[i]
            let etiquette = Largeur.completer(Largeur.tronquer(champ.etiquette, colonnes: largeurEtiquette), colonnes: largeurEtiquette)
            tampon.ecrire((estCourant ? "▸ " : "  ") + etiquette, x: zone.x, y: y, style: estCourant ? Styles.entete : .normal,
                          largeurMax: zone.largeur)
            let x = zone.x + 2 + largeurEtiquette + 1
            let largeurValeur = max(1, zone.droite - x)
            let segments: [Segment]
            switch champ.valeur {
            case .texte(let t):
                let visible = Largeur.colonnes(t.texte) > largeurValeur - 1
                    ? "…" + String(t.texte.suffix(max(1, largeurValeur - 2))) : t.texte
                segments = [Segment(visible, style: estCourant ? Styles.selection.avec(souligne: true) : .normal),
                            Segment(estCourant ? "▏" : "", style: Styles.touche)]
            case .choix(let options, let n):
                segments = estCourant
                    ? [Segment("‹ ", style: Styles.touche), Segment(options[n], style: Styles.selection), Segment(" ›", style: Styles.touche),
                       Segment("  (\(n + 1)/\(options.count))", style: Styles.attenue)]
                    : [Segment(options[n])]
            case .coche(let oui):
                segments = [Segment(oui ? "[x] oui" : "[ ] non", style: estCourant ? Styles.selection : .normal)]
            }
            tampon.ecrireLigne(segments, x: x, y: y, largeur: largeurValeur)
        }
        let yAide = zone.bas - hauteurAide
        tampon.ecrire(String(repeating: "─", count: zone.largeur), x: zone.x, y: yAide - 1, style: .attenue)
        for (k, rangee) in lignesAide.prefix(hauteurAide).enumerated() {
            tampon.ecrireLigne(rangee, x: zone.x + 1, y: yAide + k, largeur: zone.largeur - 2)
        }
    }
}
