/// A pretend terminal for tests: applies the bytes `Differentiel` and `Ecran` write (cursor
/// moves, clear screen, SGR, graphemes) to a `Tampon`, as a terminal would show them. Drawing
/// the difference old → new onto a screen showing old must give new.
///
/// Understood: `ESC[row;colH`, `ESC[2J`, `ESC[…m` (the codes `Differentiel` emits, 39 and 49),
/// printable graphemes with their width (a wide one overwriting half of another blanks the
/// other half, as terminals do), a combining mark arriving alone joins the character on its
/// left, automatic wrap at the right edge (no scrolling). Other escape sequences and control
/// characters are ignored.
public struct TerminalVirtuel: Sendable {
    /// What the screen shows.
    public private(set) var ecran: Tampon
    /// Cursor column (may equal the width: waiting to wrap).
    public private(set) var x = 0
    /// Cursor row.
    public private(set) var y = 0
    /// Current style (from SGR).
    public private(set) var style = Style.normal
    private var enAttente: [UInt8] = []

    /// A blank screen of this size.
    public init(taille: Taille) {
        ecran = Tampon(taille: taille)
    }

    /// A screen already showing `tampon`.
    public init(montrant tampon: Tampon) {
        ecran = tampon
    }

    /// Applies the bytes (they may stop in the middle of a sequence or a character).
    public mutating func appliquer(_ octets: [UInt8]) {
        let tout = enAttente + octets
        enAttente = []
        var i = 0
        var texte: [UInt8] = []
        func vider(_ v: inout TerminalVirtuel) {
            guard !texte.isEmpty else { return }
            for c in String(decoding: texte, as: UTF8.self) { v.poser(c) }
            texte = []
        }
        while i < tout.count {
            let octet = tout[i]
            if octet == 0x1B {
                vider(&self)
                guard i + 1 < tout.count else { enAttente = Array(tout[i...]); return }
                guard tout[i + 1] == UInt8(ascii: "[") else { i += 2; continue }
                var j = i + 2
                while j < tout.count && !(0x40...0x7E).contains(tout[j]) { j += 1 }
                guard j < tout.count else { enAttente = Array(tout[i...]); return }
                executer(parametres: String(decoding: tout[(i + 2)..<j], as: UTF8.self), final: tout[j])
                i = j + 1
            } else if octet < 0x20 || octet == 0x7F {
                vider(&self)
                i += 1
            } else {
                texte.append(octet)
                i += 1
            }
        }
        // An unfinished UTF-8 character waits for its last bytes.
        var fin = texte.count
        var k = texte.count - 1
        while k >= 0 && k >= texte.count - 3 && texte[k] & 0xC0 == 0x80 { k -= 1 }
        if k >= 0 && k < texte.count {
            let tete = texte[k]
            let attendu = tete >= 0xF0 ? 4 : tete >= 0xE0 ? 3 : tete >= 0xC0 ? 2 : 1
            if texte.count - k < attendu { fin = k }
        }
        enAttente = Array(texte[fin...])
        texte = Array(texte[..<fin])
        vider(&self)
    }

    private mutating func executer(parametres: String, final: UInt8) {
        let nombres = parametres.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch final {
        case UInt8(ascii: "H"):
            guard !parametres.hasPrefix("?") else { return }
            let ligne = (nombres.first.flatMap { $0 } ?? 1)
            let colonne = (nombres.count > 1 ? nombres[1] : nil) ?? 1
            y = min(max(0, ligne - 1), max(0, ecran.taille.hauteur - 1))
            x = min(max(0, colonne - 1), max(0, ecran.taille.largeur - 1))
        case UInt8(ascii: "J"):
            if nombres.first == 2 { ecran = Tampon(taille: ecran.taille) }
        case UInt8(ascii: "m"):
            appliquerSGR(nombres.map { $0 ?? 0 })
        default:
            break
        }
    }

    private mutating func appliquerSGR(_ codes: [Int]) {
        var k = 0
        let couleurs: [Couleur] = [.noir, .rouge, .vert, .jaune, .bleu, .magenta, .cyan, .blanc]
        while k < codes.count {
            let code = codes[k]
            switch code {
            case 0: style = .normal
            case 1: style.gras = true
            case 2: style.attenue = true
            case 4: style.souligne = true
            case 7: style.inverse = true
            case 30...37: style.avantPlan = couleurs[code - 30]
            case 40...47: style.arrierePlan = couleurs[code - 40]
            case 39: style.avantPlan = .defaut
            case 49: style.arrierePlan = .defaut
            case 90: style.avantPlan = .gris
            case 100: style.arrierePlan = .gris
            case 38, 48:
                if k + 2 < codes.count && codes[k + 1] == 5 {
                    let c = Couleur.index(UInt8(clamping: codes[k + 2]))
                    if code == 38 { style.avantPlan = c } else { style.arrierePlan = c }
                    k += 2
                }
            default: break
            }
            k += 1
        }
    }

    private mutating func poser(_ c: Character) {
        let largeur = Largeur.colonnes(c)
        guard ecran.taille.largeur > 0, ecran.taille.hauteur > 0 else { return }
        guard largeur > 0 else {
            // A combining mark (or joiner, selector) that arrived on its own joins the character
            // left of the cursor, as on a real terminal; other invisible characters do nothing.
            guard let scalaire = c.unicodeScalars.first, scalaire.properties.generalCategory != .control else { return }
            var gauche = min(x, ecran.taille.largeur) - 1
            if gauche >= 0 && ecran[gauche, y].symbole.isEmpty { gauche -= 1 }
            guard gauche >= 0 else { return }
            ecran[gauche, y].symbole += String(c)
            return
        }
        if x + largeur > ecran.taille.largeur {
            // Wrap (a wide character at the last column goes to the next row).
            x = 0
            y += 1
            if y >= ecran.taille.hauteur { y = ecran.taille.hauteur - 1 }
        }
        ecran.ecrire(String(c), x: x, y: y, style: style)
        x += largeur
    }
}
