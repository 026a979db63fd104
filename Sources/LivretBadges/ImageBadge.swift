import Foundation
import LivretCore

/// The family of a badge, which decides its colour and its top label.
public enum FamilleBadge: Sendable, Equatable {
    /// An APTIC level (1 to 5).
    case aptic(niveau: Int)
    /// A Pix achievement: in one domain (its number, 1 to 5, and the référentiel's title when
    /// known), or across domains (`domaine` nil: the certification milestones).
    case pix(domaine: Int?, titre: String? = nil)
    /// A parcours (a path of sessions).
    case parcours

    /// The background colour. All are dark enough for white text to reach at least 7:1 (WCAG AAA).
    public var couleur: String {
        switch self {
        case .aptic(let niveau):
            let couleurs = ["#1B5E20", "#0D47A1", "#4A148C", "#880E4F", "#263238"]
            return couleurs[min(max(niveau, 1), couleurs.count) - 1]
        case .pix(let domaine?, _):
            let couleurs = ["#7A3E00", "#1A3F8C", "#5E2580", "#0B5A43", "#8E1328"]
            return couleurs[min(max(domaine, 1), couleurs.count) - 1]
        case .pix(nil, _):
            return "#2E3A59"
        case .parcours:
            return "#1A1A5E"
        }
    }

    /// The short label written above the name ("APTIC · niveau 2", "Pix · domaine 3").
    public var etiquette: String {
        switch self {
        case .aptic(let niveau): "APTIC · niveau \(niveau)"
        case .pix(let domaine?, _): "Pix · domaine \(domaine)"
        case .pix(nil, _): "Pix · certification"
        case .parcours: "Parcours"
        }
    }

    /// A smaller line under the label: the Pix domain's title ("Création de contenu").
    public var sousEtiquette: String? {
        if case .pix(_?, let titre?) = self { return titre }
        return nil
    }

    /// The label in one phrase, for the image's description ("Pix · domaine 3, Création de contenu").
    public var etiquetteComplete: String { etiquette + (sousEtiquette.map { ", " + $0 } ?? "") }
}

/// Badge images: an accessible SVG per achievement, and OB 3.0 SVG baking.
public enum ImageBadge {
    /// The XML namespace of the baked credential element (OB 3.0 §5.3 Baking).
    public static let espaceDeNoms = "https://purl.imsglobal.org/ob/v3p0"

    /// One block of text in the image: its lines, their baselines, font and the width (px) the
    /// lines were wrapped to.
    public struct BlocTexte: Sendable, Equatable {
        public var lignes: [String]
        public var ordonnees: [Int]
        public var taille: Int
        public var gras: Bool
        public var largeur: Double
    }

    /// Where every text of a badge image goes: the family label (and the Pix domain's title),
    /// the achievement's name, and the issuing structure.
    public struct Disposition: Sendable, Equatable {
        public var etiquette: BlocTexte
        public var sousEtiquette: BlocTexte?
        public var nom: BlocTexte
        public var structure: BlocTexte?

        public var blocs: [BlocTexte] { [etiquette] + [sousEtiquette, nom, structure].compactMap { $0 } }
    }

    /// The image is a disc of centre (128, 128); text stays inside the white ring (radius 112,
    /// 4 px wide) with this margin.
    static let rayonUtile = 110.0 - 6.0

    /// The pictogram's square: 60 px wide, centred, from y 28 to 88 (inside the ring: its top
    /// corners are 101 px from the centre, and the shapes keep off them).
    static let pictogramme = (x: 98.0, y: 28.0, cote: 60.0)

    /// An accessible SVG badge: `viewBox 0 0 256 256`, `role="img"`, French `<title>` and `<desc>`,
    /// the family's pictogram at the top (``Pictogramme``, hidden from screen readers), then in
    /// white on a dark family colour the family label, the name and the issuing structure, each
    /// wrapped between words to the width the disc leaves it — never cut inside a word.
    /// Same input, same bytes.
    public static func svg(nom: String, famille: FamilleBadge, structure: String, description: String? = nil,
                           pictogramme: Pictogramme? = nil) -> Data {
        let disposition = disposer(nom: nom, famille: famille, structure: structure)
        let structurePropre = structure.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var texteDesc = "Badge « \(nom) » (\(famille.etiquetteComplete))"
        if !structurePropre.isEmpty { texteDesc += ", délivré par la structure « \(structurePropre) »" }
        texteDesc += "." + (description.map { " " + $0 } ?? "")
        let picto = pictogramme ?? Pictogramme.parDefaut(famille)
        var s = ""
        s += #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        s += #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256" role="img" aria-labelledby="titre desc" lang="fr">"# + "\n"
        s += #"<title id="titre">Badge : \#(xml(nom))</title>"# + "\n"
        s += #"<desc id="desc">\#(xml(texteDesc))</desc>"# + "\n"
        s += #"<circle cx="128" cy="128" r="124" fill="\#(famille.couleur)"/>"# + "\n"
        s += #"<circle cx="128" cy="128" r="112" fill="none" stroke="white" stroke-width="4"/>"# + "\n"
        s += picto.svg(x: Self.pictogramme.x, y: Self.pictogramme.y, cote: Self.pictogramme.cote, fond: famille.couleur) + "\n"
        for bloc in disposition.blocs {
            s += #"<text text-anchor="middle" font-family="Arial, Helvetica, 'Liberation Sans', sans-serif" font-size="\#(bloc.taille)""#
                + (bloc.gras ? #" font-weight="bold""# : "") + #" fill="white">"#
            for (ligne, y) in zip(bloc.lignes, bloc.ordonnees) {
                s += #"<tspan x="128" y="\#(y)">\#(xml(ligne))</tspan>"#
            }
            s += "</text>\n"
        }
        s += "</svg>\n"
        return Data(s.utf8)
    }

    /// Lays out the texts of a badge, under the pictogram. The name takes the largest size at
    /// which it fits both the disc's width and the height left between the label and the
    /// structure (24 px on one line, 21 px on two, 18 px on three, down to 8 px on eight); the
    /// structure likewise at the bottom (12 px on one or two lines, 10 px on three, then 9 and 8 px).
    /// Every line is measured (``MesureTexte``) against the chord of the disc at its height, and
    /// a size at which one word is wider than its line is passed over: words are never cut.
    public static func disposer(nom: String, famille: FamilleBadge, structure: String) -> Disposition {
        // Label: one bold line at y 104, or at 102 with the Pix domain's title under it at 115.
        let sous = famille.sousEtiquette
        let yEtiquette = sous == nil ? 104 : 102
        let etiquette = ajuster(famille.etiquette, gras: true, essais: [(14, 1), (12, 1), (11, 1)]) { _, n in
            (0..<n).map { yEtiquette - 13 * (n - 1 - $0) }
        }
        let sousEtiquette = sous.map { titre in
            ajuster(titre, gras: false, essais: [(11, 1), (10, 1), (9, 2)]) { taille, n in (0..<n).map { 115 + (taille + 1) * $0 } }
        }
        let hautNom = Double((sousEtiquette ?? etiquette).ordonnees.last ?? 104) + 6

        // Structure, at the bottom: its last line at y 200, 208 or 212 for 1, 2, 3 lines or more.
        let texteStructure = structure.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let structureBloc: BlocTexte? = texteStructure.isEmpty ? nil
            : ajuster(texteStructure, gras: false, essais: [(12, 2), (10, 3), (9, 4), (8, 12)]) { taille, n in
                let derniere = [200, 208, 212][min(n, 3) - 1]
                return (0..<n).map { derniere - (taille + 2) * (n - 1 - $0) }
            }
        let basNom = structureBloc.map { Double($0.ordonnees.first ?? 212) - 0.75 * Double($0.taille) - 6 } ?? 212

        // Name, centred between the two; a size whose lines would not fit that height is passed over.
        let centre = (hautNom + basNom) / 2
        let essais = [(24, 1), (21, 2), (18, 3), (16, 3), (15, 4), (13, 4), (12, 5), (11, 5), (10, 6), (9, 7), (8, 8)]
        let nomBloc = ajuster(nom, gras: true, essais: essais, hauteur: basNom - hautNom) { taille, n in
            let interligne = Double(Self.interligne(taille))
            // Centre the glyphs (capitals about 0.75 em above the baseline, descenders 0.22 em below).
            let premiere = centre - (interligne * Double(n - 1) + 0.97 * Double(taille)) / 2 + 0.75 * Double(taille)
            return (0..<n).map { Int((premiere + interligne * Double($0)).rounded()) }
        }
        return Disposition(etiquette: etiquette, sousEtiquette: sousEtiquette, nom: nomBloc, structure: structureBloc)
    }

    /// The distance between the baselines of a name's lines at `taille` px.
    static func interligne(_ taille: Int) -> Int { taille + max(2, taille / 6) }

    /// Wraps `texte` at the first size of `essais` (size, most lines) at which it takes no more
    /// lines than allowed, each line measured against the disc's chord at the baselines
    /// `ordonnees(size, number of lines)` gives, no word wider than its line and, with `hauteur`,
    /// the lines (capitals to descenders) no taller than it. Should no size do, ever smaller sizes
    /// (down to 4 px) are tried until every word fits a line, lines continuing down as needed:
    /// a word is never cut.
    private static func ajuster(_ texte: String, gras: Bool, essais: [(taille: Int, lignes: Int)], hauteur: Double? = nil,
                                ordonnees: (Int, Int) -> [Int]) -> BlocTexte {
        func essayer(_ taille: Int, _ n: Int) -> (bloc: BlocTexte, tient: Bool) {
            let ys = ordonnees(taille, n)
            let largeur = ys.map { corde(y: $0, taille: taille) }.min() ?? 0
            let lignes = couper(texte, largeur: largeur, taille: Double(taille), gras: gras)
            let bloc = BlocTexte(lignes: lignes, ordonnees: Array(ys.prefix(lignes.count)), taille: taille, gras: gras, largeur: largeur)
            let larges = lignes.allSatisfy { MesureTexte.largeur($0, taille: Double(taille), gras: gras) <= largeur }
            let haut = hauteur.map { Double((ys.last ?? 0) - (ys.first ?? 0)) + 0.97 * Double(taille) <= $0 } ?? true
            return (bloc, lignes.count <= n && larges && haut)
        }
        for essai in essais {
            for n in 1...essai.lignes {
                let (bloc, tient) = essayer(essai.taille, n)
                if tient { return bloc }
            }
        }
        // Longer than every try allows: smaller still, on as many lines as it takes.
        let derniere = essais.last!
        var taille = derniere.taille
        var (bloc, _) = essayer(taille, derniere.lignes)
        while taille > 4, !bloc.lignes.allSatisfy({ MesureTexte.largeur($0, taille: Double(taille), gras: gras) <= bloc.largeur }) {
            taille -= 1
            bloc = essayer(taille, derniere.lignes).bloc
        }
        while bloc.ordonnees.count < bloc.lignes.count {
            bloc.ordonnees.append((bloc.ordonnees.last ?? 128) + interligne(bloc.taille))
        }
        return bloc
    }

    /// The width (px) of the disc's usable chord for a line of `taille` px with baseline `y`:
    /// the narrower of the chords at the top of its capitals and at the bottom of its descenders.
    static func corde(y: Int, taille: Int) -> Double {
        let haut = Double(y) - 0.75 * Double(taille), bas = Double(y) + 0.22 * Double(taille)
        let ecart = max(abs(haut - 128), abs(bas - 128))
        guard ecart < rayonUtile else { return 0 }
        return 2 * (rayonUtile * rayonUtile - ecart * ecart).squareRoot()
    }

    /// Wraps `texte` on spaces into lines no wider than `largeur` px in the given font, as long as
    /// each word fits: words are never cut nor dropped, and a word wider than a line stays whole
    /// on a line of its own (the caller then takes a smaller size). French punctuation stays with
    /// its word: « with the next one; », :, ;, ! and ? with the previous one; and a short group in
    /// brackets (« (APTIC 2.1) ») stays on one line.
    static func couper(_ texte: String, largeur: Double, taille: Double, gras: Bool) -> [String] {
        let mesure = { (t: String) in MesureTexte.largeur(t, taille: taille, gras: gras) }
        // Words, with lone punctuation glued to its neighbour.
        var mots: [String] = []
        var ouvrant = ""
        for brut in texte.split(whereSeparator: \.isWhitespace).map(String.init) {
            if brut == "«" {
                ouvrant += brut + " "
            } else if ["»", ":", ";", "!", "?"].contains(brut), let dernier = mots.last, ouvrant.isEmpty {
                mots[mots.count - 1] = dernier + " " + brut
            } else {
                mots.append(ouvrant + brut)
                ouvrant = ""
            }
        }
        if !ouvrant.isEmpty { mots.append(String(ouvrant.dropLast())) }
        // A bracketed group of two or three words, kept together when it fits a line.
        var groupes: [String] = []
        var i = 0
        while i < mots.count {
            if mots[i].hasPrefix("("), !mots[i].contains(")"),
               let fin = (i + 1..<min(i + 3, mots.count)).first(where: { mots[$0].contains(")") }) {
                let groupe = mots[i...fin].joined(separator: " ")
                if mesure(groupe) <= largeur {
                    groupes.append(groupe)
                    i = fin + 1
                    continue
                }
            }
            groupes.append(mots[i])
            i += 1
        }
        var lignes: [String] = []
        var courante = ""
        for mot in groupes {
            if courante.isEmpty {
                courante = mot
            } else if mesure(courante + " " + mot) <= largeur {
                courante += " " + mot
            } else {
                lignes.append(courante)
                courante = mot
            }
        }
        if !courante.isEmpty { lignes.append(courante) }
        return lignes.isEmpty ? [""] : lignes
    }

    /// Escapes text for XML content and attribute values.
    static func xml(_ texte: String) -> String { texte.echappeXML }

    /// Bakes a VC-JWT into an SVG (OB 3.0 §5.3.2): declares `xmlns:openbadges` on the root `<svg>`
    /// and inserts `<openbadges:credential>JWT</openbadges:credential>` right after the root start tag.
    public static func bake(svg: Data, jwt: String) throws -> Data {
        guard estJWTCompact(jwt) else {
            throw ErreurBadge("le jeton à intégrer dans l'image n'est pas un JWT compact")
        }
        guard let texte = String(data: svg, encoding: .utf8) else {
            throw ErreurBadge("l'image n'est pas un SVG en UTF-8")
        }
        if texte.contains("<openbadges:credential") {
            throw ErreurBadge("l'image contient déjà un badge intégré")
        }
        guard let (debut, fin) = baliseRacine(texte) else {
            throw ErreurBadge("l'image n'est pas un SVG : élément racine <svg> introuvable")
        }
        var balise = String(texte[debut..<fin])  // "<svg … " without the closing ">"
        if balise.hasSuffix("/") {
            throw ErreurBadge("l'élément <svg> de l'image est vide")
        }
        if !balise.contains("xmlns:openbadges=") {
            balise += #" xmlns:openbadges="\#(espaceDeNoms)""#
        }
        let apres = texte.index(after: fin)
        let resultat = String(texte[..<debut]) + balise + ">" + "\n<openbadges:credential>\(jwt)</openbadges:credential>"
            + String(texte[apres...])
        return Data(resultat.utf8)
    }

    /// Whether `jwt` looks like a compact JWS: base64url characters and dots only, not empty.
    static func estJWTCompact(_ jwt: String) -> Bool {
        !jwt.isEmpty && jwt.utf8.allSatisfy { o in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(o) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(o)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(o) || o == UInt8(ascii: "-") || o == UInt8(ascii: "_") || o == UInt8(ascii: ".")
        }
    }

    /// The credential baked in `svg`, read by ``LectureSVG`` (an XML parser: a credential in a
    /// comment does not count); nil when there is not exactly one, or the image is not well-formed.
    public static func extraire(svg: Data) -> String? {
        try? LectureSVG.credentialUnique(svg)
    }

    /// The range of the root `<svg` start tag: from `<` to the closing `>` (exclusive), quote-aware,
    /// skipping the XML declaration, comments and doctype.
    static func baliseRacine(_ texte: String) -> (String.Index, String.Index)? {
        var recherche = texte.startIndex
        while let r = texte[recherche...].range(of: "<svg") {
            let apres = r.upperBound
            guard apres < texte.endIndex else { return nil }
            let suivant = texte[apres]
            if suivant.isWhitespace || suivant == ">" || suivant == "/" {
                // Must not be inside a comment.
                let avant = texte[..<r.lowerBound]
                if let commentaire = avant.range(of: "<!--", options: .backwards),
                   avant[commentaire.upperBound...].range(of: "-->") == nil {
                    recherche = apres
                    continue
                }
                var guillemet: Character?
                var i = apres
                while i < texte.endIndex {
                    let c = texte[i]
                    if let g = guillemet {
                        if c == g { guillemet = nil }
                    } else if c == "\"" || c == "'" {
                        guillemet = c
                    } else if c == ">" {
                        return (r.lowerBound, i)
                    }
                    i = texte.index(after: i)
                }
                return nil
            }
            recherche = apres
        }
        return nil
    }
}
