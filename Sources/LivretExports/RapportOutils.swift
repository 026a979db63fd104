import Foundation
import LivretCore

/// Helpers shared by ``RenduRapport`` and ``RenduActivite``.
enum OutilsRapport {
    /// The UTF-8 byte order mark, so French spreadsheets read accents correctly.
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Lines joined with CRLF, each ending with one, after the BOM.
    static func csv(_ lignes: [[String]]) -> Data {
        var texte = ""
        for ligne in lignes { texte += ligne.map(champ).joined(separator: ";") + "\r\n" }
        return Data(bom) + Data(texte.utf8)
    }

    /// A CSV field, quoted when it holds ";", a quote or a line break.
    static func champ(_ texte: String) -> String {
        guard texte.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return texte }
        return "\"" + texte.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A rate in percent with a decimal comma ("66,7"), "masqué" when masked, "" when not computable.
    static func pourcentCSV(_ taux: TauxPublie, seuil: Int?) -> String {
        if taux.masque { return TauxPublie.texteMasque }
        return taux.valeur.map { Format.nombre($0 * 100) } ?? ""
    }

    static func nombreCSV(_ valeur: Double?) -> String { valeur.map { Format.nombre($0) } ?? "" }

    /// Sorted keys, pretty, slashes unescaped: the same value gives the same bytes.
    static func json<T: Encodable>(_ valeur: T) throws -> Data {
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encodeur.encode(valeur)
    }

    /// `texte` cut into lines of at most `largeur` columns at spaces, the first starting with
    /// `premier`, the next ones with `retrait`; ends with a line feed.
    /// A line never starts with « : », « ; », « ! », « ? » or « » » (French spacing keeps them with the word before).
    static func couper(_ texte: String, largeur: Int, retrait: String, premier: String = "") -> String {
        var lignes: [String] = []
        var courante = premier
        var mots: [String] = []
        for mot in texte.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if let dernier = mots.last, [":", ";", "!", "?", "»", "–"].contains(mot) { mots[mots.count - 1] = dernier + " " + mot } else { mots.append(mot) }
        }
        for mot in mots {
            let debut = lignes.isEmpty ? premier : retrait
            if courante.count + mot.count + (courante == debut ? 0 : 1) > largeur && courante != debut {
                lignes.append(courante)
                courante = retrait + mot
            } else {
                courante += (courante == debut ? "" : " ") + mot
            }
        }
        lignes.append(courante)
        return lignes.joined(separator: "\n") + "\n"
    }

    /// "████████░░░░" scaled to `largeur` characters ("█" filled, spaces for the rest).
    static func barre(_ taux: TauxPublie, largeur: Int = 20) -> String {
        guard !taux.masque, let valeur = taux.valeur else { return String(repeating: " ", count: largeur) }
        let plein = max(0, min(largeur, Int((valeur * Double(largeur)).rounded())))
        return String(repeating: "█", count: plein) + String(repeating: " ", count: largeur - plein)
    }

    /// `texte` padded with spaces to `largeur` characters, on the left (numbers) or the right.
    static func cadrer(_ texte: String, _ largeur: Int, droite: Bool = false) -> String {
        let manque = max(0, largeur - texte.count)
        return droite ? String(repeating: " ", count: manque) + texte : texte + String(repeating: " ", count: manque)
    }

    /// Escaped for HTML and XML text and attributes.
    static func echapper(_ texte: String) -> String { texte.echappeXML }

    /// A number for SVG coordinates, with a dot.
    static func svg(_ x: Double) -> String {
        let arrondi = (x * 10).rounded() / 10
        return arrondi == arrondi.rounded() ? String(Int(arrondi)) : String(arrondi)
    }

    /// `texte` with its first letter in capitals.
    static func majuscule(_ texte: String) -> String { texte.prefix(1).uppercased() + texte.dropFirst() }

    /// Hours as published: "575", "120,5"; « s » when masked (nil).
    static func heures(_ heures: Double?) -> String { heures.map { Format.nombre($0) } ?? TauxPublie.texteMasque }

    /// A count with its share: "12 (27,3 %)", "12" when the share cannot be computed, "12 (s)" when
    /// only the share is masked, « s » when the count is.
    static func nombreEtPart(_ nombre: ValeurPubliee, _ part: TauxPublie, seuil: Int?) -> String {
        guard !nombre.masque else { return nombre.texte(seuil: seuil) }
        if part.masque || part.valeur != nil { return "\(nombre.texte(seuil: seuil)) (\(part.texte(seuil: seuil)))" }
        return nombre.texte(seuil: seuil)
    }

    /// A table row of the terminal: `libelle` in `largeur` columns after `retrait`, then each case right-aligned in its
    /// width, trailing spaces removed. A label too long for its column gets a line of its own.
    static func rangee(_ libelle: String, _ cases: [String], largeur: Int, colonnes: [Int], retrait: String = "  ") -> String {
        var t = ""
        var debut = retrait + cadrer(libelle, largeur)
        if libelle.count >= largeur && !cases.isEmpty {
            t += retrait + libelle + "\n"
            debut = retrait + String(repeating: " ", count: largeur)
        }
        for (c, l) in zip(cases, colonnes) { debut += cadrer(c, l, droite: true) }
        return t + debut.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
    }

    /// Roughly how wide `texte` is in the charts' 13 px sans-serif, in pixels (to leave room for labels).
    static func largeurTexte(_ texte: String) -> Double { Double(texte.count) * 7 }

    /// One horizontal bar chart of rates, self-contained SVG (no namespace attribute, HTML5 needs none).
    /// Each bar carries its value as text at its end (readable in black and white); a masked rate
    /// has no bar, only « s ». The labels' column widens for long labels.
    static func graphique(id: String, titre: String, description: String, barres: [(libelle: String, taux: TauxPublie)], seuil: Int?) -> String {
        let hauteurBarre = 22.0, ecart = 8.0, largeurBarres = 300.0
        let gauche = max(230, (barres.map { largeurTexte($0.libelle) }.max() ?? 0) + 16)
        let largeurTotale = gauche + largeurBarres + 70
        let hauteur = Double(barres.count) * (hauteurBarre + ecart) + ecart
        var s = "<svg class=\"graphique\" role=\"img\" aria-labelledby=\"\(id)-titre \(id)-desc\" viewBox=\"0 0 \(svg(largeurTotale)) \(svg(hauteur))\" "
            + "width=\"\(svg(largeurTotale))\" height=\"\(svg(hauteur))\">\n"
        s += "<title id=\"\(id)-titre\">\(echapper(titre))</title>\n"
        s += "<desc id=\"\(id)-desc\">\(echapper(description))</desc>\n"
        for (i, barre) in barres.enumerated() {
            let y = ecart + Double(i) * (hauteurBarre + ecart)
            let milieu = y + hauteurBarre / 2 + 5
            s += "<text x=\"\(svg(gauche - 8))\" y=\"\(svg(milieu))\" text-anchor=\"end\">\(echapper(barre.libelle))</text>\n"
            s += "<rect x=\"\(svg(gauche))\" y=\"\(svg(y))\" width=\"\(svg(largeurBarres))\" height=\"\(svg(hauteurBarre))\" class=\"fond\" />\n"
            var largeur = 0.0
            if !barre.taux.masque, let valeur = barre.taux.valeur {
                largeur = valeur * largeurBarres
                s += "<rect x=\"\(svg(gauche))\" y=\"\(svg(y))\" width=\"\(svg(largeur))\" height=\"\(svg(hauteurBarre))\" class=\"barre\" />\n"
            }
            s += "<text x=\"\(svg(gauche + largeurBarres + 8))\" y=\"\(svg(milieu))\">\(echapper(barre.taux.texte(seuil: seuil)))</text>\n"
        }
        s += "</svg>"
        return s
    }

    /// A column chart of counts (the histogram of hours per person): one column per class, left to
    /// right, its count written above it and its class below. Heights are scaled on the largest
    /// published count; a masked count has no column, only « s » (its height would tell it).
    static func colonnes(id: String, titre: String, description: String, legende: String, colonnes: [(libelle: String, nombre: ValeurPubliee)],
                         seuil: Int?) -> String {
        let pas = 76.0, largeurColonne = 52.0, marge = 12.0, haut = 28.0, hauteurMax = 160.0
        let largeurTotale = marge * 2 + pas * Double(colonnes.count)
        let base = haut + hauteurMax
        let hauteur = base + 52
        let maximum = colonnes.compactMap(\.nombre.nombre).max() ?? 0
        var s = "<svg class=\"graphique\" role=\"img\" aria-labelledby=\"\(id)-titre \(id)-desc\" viewBox=\"0 0 \(svg(largeurTotale)) \(svg(hauteur))\" "
            + "width=\"\(svg(largeurTotale))\" height=\"\(svg(hauteur))\">\n"
        s += "<title id=\"\(id)-titre\">\(echapper(titre))</title>\n"
        s += "<desc id=\"\(id)-desc\">\(echapper(description))</desc>\n"
        for (i, colonne) in colonnes.enumerated() {
            let centre = marge + pas * (Double(i) + 0.5)
            var sommet = base
            if let n = colonne.nombre.nombre, n > 0, maximum > 0 {
                let h = max(1, Double(n) / Double(maximum) * hauteurMax)
                sommet = base - h
                s += "<rect x=\"\(svg(centre - largeurColonne / 2))\" y=\"\(svg(sommet))\" width=\"\(svg(largeurColonne))\" height=\"\(svg(h))\" class=\"barre\" />\n"
            }
            s += "<text x=\"\(svg(centre))\" y=\"\(svg(sommet - 6))\" text-anchor=\"middle\" class=\"valeur\">\(echapper(colonne.nombre.texte(seuil: seuil)))</text>\n"
            s += "<text x=\"\(svg(centre))\" y=\"\(svg(base + 20))\" text-anchor=\"middle\">\(echapper(colonne.libelle))</text>\n"
        }
        s += "<line x1=\"\(svg(marge))\" y1=\"\(svg(base))\" x2=\"\(svg(largeurTotale - marge))\" y2=\"\(svg(base))\" class=\"axe\" />\n"
        s += "<text x=\"\(svg(largeurTotale / 2))\" y=\"\(svg(base + 44))\" text-anchor=\"middle\" class=\"legende\">\(echapper(legende))</text>\n"
        s += "</svg>"
        return s
    }

    /// Horizontal bars in groups, each group under its own heading (one question, its four answers).
    static func graphiqueGroupes(id: String, titre: String, description: String,
                                 groupes: [(titre: String, barres: [(libelle: String, taux: TauxPublie)])], seuil: Int?) -> String {
        let hauteurBarre = 20.0, ecart = 6.0, entete = 30.0, largeurBarres = 300.0
        let gauche = max(150, (groupes.flatMap { $0.barres.map { largeurTexte($0.libelle) } }.max() ?? 0) + 24)
        let largeurTotale = max(gauche + largeurBarres + 70, (groupes.map { largeurTexte($0.titre) }.max() ?? 0) + 16)
        var y = 0.0
        var corps = ""
        for groupe in groupes {
            y += entete
            corps += "<text x=\"0\" y=\"\(svg(y - 9))\" class=\"groupe\">\(echapper(groupe.titre))</text>\n"
            for barre in groupe.barres {
                let milieu = y + hauteurBarre / 2 + 5
                corps += "<text x=\"\(svg(gauche - 8))\" y=\"\(svg(milieu))\" text-anchor=\"end\">\(echapper(barre.libelle))</text>\n"
                corps += "<rect x=\"\(svg(gauche))\" y=\"\(svg(y))\" width=\"\(svg(largeurBarres))\" height=\"\(svg(hauteurBarre))\" class=\"fond\" />\n"
                if !barre.taux.masque, let valeur = barre.taux.valeur {
                    corps += "<rect x=\"\(svg(gauche))\" y=\"\(svg(y))\" width=\"\(svg(valeur * largeurBarres))\" height=\"\(svg(hauteurBarre))\" class=\"barre\" />\n"
                }
                corps += "<text x=\"\(svg(gauche + largeurBarres + 8))\" y=\"\(svg(milieu))\">\(echapper(barre.taux.texte(seuil: seuil)))</text>\n"
                y += hauteurBarre + ecart
            }
        }
        let hauteur = y + ecart
        var s = "<svg class=\"graphique\" role=\"img\" aria-labelledby=\"\(id)-titre \(id)-desc\" viewBox=\"0 0 \(svg(largeurTotale)) \(svg(hauteur))\" "
            + "width=\"\(svg(largeurTotale))\" height=\"\(svg(hauteur))\">\n"
        s += "<title id=\"\(id)-titre\">\(echapper(titre))</title>\n"
        s += "<desc id=\"\(id)-desc\">\(echapper(description))</desc>\n"
        return s + corps + "</svg>"
    }

    /// Dark text on white, sizes in rem, A4 print.
    static let style = """
    html { font-size: 100%; }
    body { margin: 0; background: #ffffff; color: #1a1a1a; font-family: Arial, Verdana, sans-serif; font-size: 1rem; line-height: 1.5; }
    main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
    h1 { font-size: 1.75rem; margin: 0 0 0.5rem 0; color: #13294b; }
    h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem 0; color: #13294b; border-bottom: 0.15rem solid #13294b; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    .large { overflow-x: auto; }
    .large:focus { outline: 2px solid currentColor; outline-offset: 2px; }
    .large table { font-size: 0.8rem; }
    .large th, .large td { padding: 0.25rem 0.35rem; }
    caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
    th, td { text-align: right; vertical-align: top; padding: 0.3rem 0.5rem; border: 0.0625rem solid #595959; }
    th[scope="row"], thead th { text-align: left; }
    td { white-space: nowrap; }
    .large td { white-space: normal; }
    table.etroite { width: auto; min-width: 60%; }
    thead th { background: #e8edf5; }
    tr.total th, tr.total td { font-weight: bold; background: #f3f3f3; }
    .avertissement { border: 0.15rem solid #8a1c1c; color: #8a1c1c; padding: 0.5rem 0.75rem; font-weight: bold; }
    .graphique { max-width: 100%; height: auto; font-size: 13px; }
    .graphique text { fill: #1a1a1a; }
    .graphique .fond { fill: #f2f2f2; stroke: #767676; stroke-width: 0.5; }
    .graphique .barre { fill: #13294b; }
    .graphique .axe { stroke: #1a1a1a; stroke-width: 1; }
    .graphique .valeur { font-weight: bold; }
    .graphique .groupe { font-weight: bold; }
    h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem 0; color: #13294b; }
    table + table, svg + table, table + svg { margin-top: 1rem; }
    .note { font-size: 0.9rem; }
    figure.temoignage { margin: 0 0 1rem 0; padding: 0.5rem 1rem; border-left: 0.3rem solid #13294b; }
    figure.temoignage blockquote { margin: 0; font-style: italic; }
    figure.temoignage figcaption { margin-top: 0.25rem; }
    footer { margin-top: 2rem; font-size: 0.9rem; color: #333333; }
    @page { size: A4; margin: 1.5cm; }
    @media print {
      body { font-size: 10pt; }
      main { max-width: none; padding: 0 0.1rem; }
      tr, svg, table, figure { break-inside: avoid; page-break-inside: avoid; }
      .large { overflow: visible; }
      .large table { table-layout: fixed; width: 100%; font-size: 7pt; }
      .large th, .large td { padding: 1pt 2pt; overflow-wrap: anywhere; }
      .large.suivi table { table-layout: auto; font-size: 9pt; }
      .large.suivi th, .large.suivi td { overflow-wrap: normal; }
      p.note { break-after: avoid; page-break-after: avoid; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
    }
    """

    struct Page {
        var texte = ""
        mutating func ligne(_ l: String) {
            texte += l
            texte += "\n"
        }

        mutating func debut(titre: String) {
            ligne("<!DOCTYPE html>")
            ligne("<html lang=\"fr\">")
            ligne("<head>")
            ligne("<meta charset=\"utf-8\" />")
            ligne("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />")
            ligne("<title>\(echapper(titre))</title>")
            ligne("<style>")
            ligne(style)
            ligne("</style>")
            ligne("</head>")
            ligne("<body>")
            ligne("<main>")
        }

        mutating func fin() {
            ligne("</main>")
            ligne("</body>")
            ligne("</html>")
        }
    }
}
