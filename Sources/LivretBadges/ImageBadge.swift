import Foundation
import LivretCore

/// The family of a badge, which decides its colour and its top label.
public enum FamilleBadge: Sendable, Equatable {
    /// An APTIC level (1 to 5).
    case aptic(niveau: Int)
    /// A Pix competence, by domain (1 to 5).
    case pix(domaine: Int)
    /// A Livret parcours (a path of sessions).
    case parcours

    /// The background colour. All are dark enough for white text to reach at least 7:1 (WCAG AAA).
    public var couleur: String {
        switch self {
        case .aptic(let niveau):
            let couleurs = ["#1B5E20", "#0D47A1", "#4A148C", "#880E4F", "#263238"]
            return couleurs[min(max(niveau, 1), couleurs.count) - 1]
        case .pix(let domaine):
            let couleurs = ["#7A3E00", "#1A3F8C", "#5E2580", "#0B5A43", "#8E1328"]
            return couleurs[min(max(domaine, 1), couleurs.count) - 1]
        case .parcours:
            return "#1A1A5E"
        }
    }

    /// The short label written above the name ("APTIC · niveau 2").
    public var etiquette: String {
        switch self {
        case .aptic(let niveau): "APTIC · niveau \(niveau)"
        case .pix(let domaine): "Pix · domaine \(domaine)"
        case .parcours: "Parcours Livret"
        }
    }
}

/// Badge images: an accessible SVG per achievement, and OB 3.0 SVG baking.
public enum ImageBadge {
    /// The XML namespace of the baked credential element (OB 3.0 §5.3 Baking).
    public static let espaceDeNoms = "https://purl.imsglobal.org/ob/v3p0"

    /// An accessible SVG badge: `viewBox 0 0 256 256`, `role="img"`, French `<title>` and `<desc>`,
    /// the name in white on a dark family colour, wrapped on up to 3 lines. Same input, same bytes.
    public static func svg(nom: String, famille: FamilleBadge, description: String? = nil) -> Data {
        let lignes = couper(nom, largeur: 16, maxLignes: 3)
        let taille = lignes.count <= 1 ? 24 : (lignes.count == 2 ? 21 : 18)
        let interligne = taille + 4
        let hauteurTexte = interligne * (lignes.count - 1)
        let premiereLigne = 136 - hauteurTexte / 2
        let texteDesc = "Badge « \(nom) » (\(famille.etiquette)) délivré par une structure d'inclusion numérique avec Livret."
            + (description.map { " " + $0 } ?? "")
        var s = ""
        s += #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        s += #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256" role="img" aria-labelledby="titre desc" lang="fr">"# + "\n"
        s += #"<title id="titre">Badge : \#(xml(nom))</title>"# + "\n"
        s += #"<desc id="desc">\#(xml(texteDesc))</desc>"# + "\n"
        s += #"<circle cx="128" cy="128" r="124" fill="\#(famille.couleur)"/>"# + "\n"
        s += #"<circle cx="128" cy="128" r="112" fill="none" stroke="white" stroke-width="4"/>"# + "\n"
        s += #"<text x="128" y="72" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="14" font-weight="bold" fill="white">\#(xml(famille.etiquette))</text>"# + "\n"
        s += #"<text text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="\#(taille)" font-weight="bold" fill="white">"#
        for (i, ligne) in lignes.enumerated() {
            s += #"<tspan x="128" y="\#(premiereLigne + i * interligne)">\#(xml(ligne))</tspan>"#
        }
        s += "</text>\n"
        s += #"<text x="128" y="204" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="12" fill="white">Livret</text>"# + "\n"
        s += "</svg>\n"
        return Data(s.utf8)
    }

    /// Wraps `texte` on words into at most `maxLignes` lines of about `largeur` characters;
    /// a word longer than a line is cut, and the last line ends with "…" if text remains.
    static func couper(_ texte: String, largeur: Int, maxLignes: Int) -> [String] {
        var mots: [String] = []
        for mot in texte.split(whereSeparator: \.isWhitespace).map(String.init) {
            var reste = Substring(mot)
            while reste.count > largeur {
                mots.append(String(reste.prefix(largeur)))
                reste = reste.dropFirst(largeur)
            }
            mots.append(String(reste))
        }
        var lignes: [String] = []
        var courante = ""
        for mot in mots {
            if courante.isEmpty {
                courante = mot
            } else if courante.count + 1 + mot.count <= largeur {
                courante += " " + mot
            } else {
                lignes.append(courante)
                courante = mot
            }
        }
        if !courante.isEmpty { lignes.append(courante) }
        if lignes.count > maxLignes {
            var derniere = lignes[maxLignes - 1]
            if derniere.count >= largeur { derniere = String(derniere.prefix(largeur - 1)) }
            lignes = Array(lignes.prefix(maxLignes - 1)) + [derniere + "…"]
        }
        return lignes.isEmpty ? [""] : lignes
    }

    /// Escapes text for XML content and attribute values.
    static func xml(_ texte: String) -> String { texte.echappeXML }

    /// Bakes a VC-JWT into an SVG (OB 3.0 §5.3.2): declares `xmlns:openbadges` on the root `<svg>`
    /// and inserts `<openbadges:credential>JWT</openbadges:credential>` right after the root start tag.
    public static func bake(svg: Data, jwt: String) throws -> Data {
        guard !jwt.isEmpty, jwt.utf8.allSatisfy({ o in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(o) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(o)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(o) || o == UInt8(ascii: "-") || o == UInt8(ascii: "_") || o == UInt8(ascii: ".")
        }) else {
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

    /// The credential baked into an SVG (the text of `<openbadges:credential>`, or its `verify`
    /// attribute), or nil if there is none.
    public static func extraire(svg: Data) -> String? {
        guard let texte = String(data: svg, encoding: .utf8),
              let ouverture = texte.range(of: "<openbadges:credential")
        else { return nil }
        guard let finBalise = texte[ouverture.upperBound...].firstIndex(of: ">") else { return nil }
        let attributs = texte[ouverture.upperBound..<finBalise]
        if let verify = attributs.range(of: "verify=\"") {
            let reste = attributs[verify.upperBound...]
            if let guillemet = reste.firstIndex(of: "\"") {
                let valeur = reste[..<guillemet].trimmingCharacters(in: .whitespacesAndNewlines)
                if !valeur.isEmpty { return valeur }
            }
        }
        if attributs.hasSuffix("/") { return nil }
        let contenuDebut = texte.index(after: finBalise)
        guard let fermeture = texte[contenuDebut...].range(of: "</openbadges:credential>") else { return nil }
        var contenu = texte[contenuDebut..<fermeture.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if contenu.hasPrefix("<![CDATA["), contenu.hasSuffix("]]>") {
            contenu = String(contenu.dropFirst(9).dropLast(3)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return contenu.isEmpty ? nil : contenu
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
