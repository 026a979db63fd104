import LivretCore

/// The CV numérique as one self-contained, accessible, printable HTML page.
///
/// - One file: an inline `<style>` and inline SVG QR codes, no script, no image or style fetched from
///   elsewhere; the only web addresses are the badges' verification pages on the structure's site.
/// - Accessible: `lang="fr"`, headings h1/h2/h3, real lists and tables with `<th scope>`, dark text on
///   white (contrast above WCAG AA), sizes in `rem` so the page holds at 200 % zoom.
/// - Printable on A4: `@page` with margins, compact print type (A-0001 of the demo fits 2 pages), no forced
///   page break, none inside a group, a list item or a table row, none right after a heading nor before the
///   footer. The bundle's file names and links are screen-only: on paper a badge shows a QR code to its
///   verification page and its short code to type by hand, or, when the structure has no site, the structure to ask.
/// - XHTML-compatible (every element closed), so an XML parser reads it without error.
public enum CVHTML {
    /// The page. `liensPaquet`: the page sits in the learner's bundle, next to `badges/`, so each badge
    /// links relatively to its image and signed file.
    public static func rendre(_ cv: CVNumerique, liensPaquet: Bool) -> String {
        var h = Page()
        let nom = cv.identite?.nom
        h.debut(titre: (nom.map { "\($0) — " } ?? "") + cv.titre, styles: [style])
        h.ligne("<main>")
        h.ligne("<header>")
        if let nom {
            h.ligne("<h1>\(nom.echappeHTML)</h1>")
            h.ligne("<p class=\"sous-titre\">\(cv.titre.echappeHTML)</p>")
        } else {
            h.ligne("<h1>\(cv.titre.echappeHTML)</h1>")
        }
        if let identite = cv.identite, identite.email != nil || identite.telephone != nil {
            h.ligne("<ul class=\"contact\">")
            if let email = identite.email { h.ligne("<li>E-mail : \(email.echappeHTML)</li>") }
            if let telephone = identite.telephone { h.ligne("<li>Téléphone : \(telephone.echappeHTML)</li>") }
            h.ligne("</ul>")
        }
        h.ligne("</header>")

        if let groupes = cv.competences, !groupes.isEmpty { competences(groupes, &h) }
        if let pix = cv.pix, !(pix.niveaux.isEmpty && pix.certifications.isEmpty) { self.pix(pix, &h) }
        if let parcours = cv.parcours, !parcours.isEmpty { self.parcours(parcours, &h) }
        if let badges = cv.badges, !badges.isEmpty { self.badges(badges, cv: cv, liensPaquet: liensPaquet, &h) }

        h.ligne("<footer>")
        h.ligne("<p>Document fait le \(TexteFacile.date(cv.date).echappeHTML) avec « \(cv.structure.echappeHTML) ».</p>")
        if let contact = BlocBadge.contact(cv) { h.ligne("<p>\(contact)</p>") }
        if cv.choisiParLaPersonne == true { h.ligne("<p>La personne a choisi ce qui est écrit ici.</p>") }
        h.ligne("</footer>")
        h.ligne("</main>")
        h.ligne("</body>")
        h.ligne("</html>")
        return h.texte
    }

    static func competences(_ groupes: [CVNumerique.GroupeSavoirFaire], _ h: inout Page) {
        h.ligne("<section class=\"bloc\" aria-labelledby=\"competences\">")
        h.ligne("<h2 id=\"competences\">Ce que je sais faire</h2>")
        h.ligne("<p>Pour chaque chose, on dit comment on le sait :</p>")
        h.ligne("<ul class=\"legende\">")
        h.ligne("<li><strong>certifié</strong> : réussi à un examen officiel.</li>")
        h.ligne("<li><strong>en autonomie</strong> : fait sans aide, devant un formateur.</li>")
        h.ligne("<li><strong>avec accompagnement</strong> : fait avec l&#39;aide d&#39;un formateur.</li>")
        h.ligne("<li><strong>dit par la personne</strong> : la personne dit qu&#39;elle sait le faire.</li>")
        h.ligne("</ul>")
        for groupe in groupes {
            h.ligne("<section class=\"groupe\">")
            h.ligne("<h3>\(groupe.titre.echappeHTML) <span class=\"ref\">\(groupe.reference.echappeHTML)</span></h3>")
            h.ligne("<ul>")
            for savoirFaire in groupe.savoirFaire {
                h.ligne("<li>\(savoirFaire.libelle.echappeHTML) : <strong>\(savoirFaire.preuve.echappeHTML)</strong></li>")
            }
            h.ligne("</ul>")
            h.ligne("</section>")
        }
        h.ligne("</section>")
    }

    static func pix(_ pix: CVNumerique.Pix, _ h: inout Page) {
        h.ligne("<section class=\"bloc\" aria-labelledby=\"pix\">")
        h.ligne("<h2 id=\"pix\">Mes résultats Pix</h2>")
        h.ligne("<p>Pix est le test officiel des compétences numériques en France.</p>")
        if !pix.niveaux.isEmpty {
            h.ligne("<section class=\"groupe\">")
            h.ligne("<h3>Mes niveaux Pix</h3>")
            let date = pix.dateProfil.map { " Résultats du \(TexteFacile.date($0))." } ?? ""
            h.ligne("<p>Le niveau va de 1 à \(pix.niveauMax).\(date.echappeHTML)</p>")
            h.ligne("<table>")
            h.ligne("<thead><tr><th scope=\"col\">Compétence</th><th scope=\"col\">Niveau</th></tr></thead>")
            h.ligne("<tbody>")
            for niveau in pix.niveaux {
                h.ligne("<tr><th scope=\"row\">\(niveau.titre.echappeHTML) <span class=\"ref\">\(niveau.reference.echappeHTML)</span></th>"
                        + "<td>\(niveau.libelle.echappeHTML)</td></tr>")
            }
            h.ligne("</tbody>")
            h.ligne("</table>")
            h.ligne("</section>")
        }
        if !pix.certifications.isEmpty {
            h.ligne("<section class=\"groupe\">")
            h.ligne(pix.certifications.count > 1 ? "<h3>Mes certifications Pix</h3>" : "<h3>Ma certification Pix</h3>")
            h.ligne("<ul>")
            for certification in pix.certifications {
                var lignes = ["<strong>\(certification.nom.echappeHTML)</strong>", certification.mention.echappeHTML,
                              "Score : \(certification.score) sur \(certification.scoreMax)."]
                if let verification = certification.verification { lignes.append("\(verification.echappeHTML).") }
                if let adresse = certification.adresseVerification {
                    lignes.append("À vérifier sur le site de Pix : <span class=\"url\">\(RegleContact.siteSansSchema(adresse).echappeHTML)</span>, avec ce code.")
                }
                h.ligne("<li>\(lignes.joined(separator: "<br />"))</li>")
            }
            h.ligne("</ul>")
            if !pix.certifications.contains(where: { $0.adresseVerification != nil }) {
                h.ligne("<p>Un employeur peut vérifier la certification sur le site de Pix (pix.fr), avec le code.</p>")
            }
            h.ligne("</section>")
        }
        h.ligne("</section>")
    }

    static func parcours(_ parcours: [CVNumerique.Parcours], _ h: inout Page) {
        h.ligne("<section class=\"bloc\" aria-labelledby=\"parcours\">")
        h.ligne("<h2 id=\"parcours\">Mes formations</h2>")
        h.ligne("<ul>")
        for p in parcours {
            var texte = p.phrase.echappeHTML
            if let porteur = p.porteur { texte += "<br />Formation créée par \(porteur.echappeHTML)." }
            h.ligne("<li>\(texte)</li>")
        }
        h.ligne("</ul>")
        h.ligne("</section>")
    }

    static func badges(_ badges: [CVNumerique.Badge], cv: CVNumerique, liensPaquet: Bool, _ h: inout Page) {
        h.ligne("<section class=\"bloc\" aria-labelledby=\"badges\">")
        h.ligne("<h2 id=\"badges\">Mes badges</h2>")
        h.ligne("<p>Un badge dit ce que je sais faire. Il est signé par la structure : personne ne peut le changer.</p>")
        h.ligne("<ul class=\"badges\">")
        for badge in badges {
            h.ligne("<li class=\"badge\">\(BlocBadge.html(badge, cv: cv, liensPaquet: liensPaquet))</li>")
        }
        h.ligne("</ul>")
        h.ligne("</section>")
    }

    /// Dark text on white, sizes in rem, A4 print.
    static let style = """
    html { font-size: 100%; }
    body { margin: 0; background: #ffffff; color: #1a1a1a; font-family: Arial, Verdana, sans-serif; font-size: 1.125rem; line-height: 1.6; }
    main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
    h1 { font-size: 2rem; margin: 0 0 0.25rem 0; color: #13294b; }
    h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem 0; color: #13294b; border-bottom: 0.15rem solid #13294b; }
    h3 { font-size: 1.25rem; margin: 1.25rem 0 0.5rem 0; color: #1a1a1a; }
    .sous-titre { font-size: 1.25rem; margin: 0; }
    ul { padding-left: 1.5rem; }
    li { margin-bottom: 0.5rem; }
    ul.contact { list-style: none; padding-left: 0; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border: 0.0625rem solid #595959; }
    thead th { background: #e8edf5; }
    a { color: #0b4a8b; text-decoration: underline; }
    .code { font-family: "Courier New", monospace; font-weight: bold; letter-spacing: 0.05em; }
    .ref { font-size: 0.8em; font-weight: normal; color: #4a4a4a; }
    .url { font-weight: bold; }
    .insecable { white-space: nowrap; }
    ul.badges { list-style: none; padding-left: 0; }
    li.badge { display: flex; gap: 1rem; align-items: flex-start; margin-bottom: 1rem; }
    .qr { flex: none; }
    .qr svg { width: 7rem; height: 7rem; display: block; }
    footer { margin-top: 2rem; font-size: 1rem; color: #333333; }
    @page { size: A4; margin: 1.2cm 1.5cm; }
    @media print {
      body { font-size: 10pt; line-height: 1.25; }
      main { max-width: none; padding: 0; }
      h1 { font-size: 18pt; }
      .sous-titre { font-size: 12pt; }
      h2 { font-size: 13pt; margin: 0.9rem 0 0.3rem 0; }
      h3 { font-size: 11pt; margin: 0.5rem 0 0.15rem 0; }
      p { margin: 0.2rem 0; }
      ul { margin: 0.15rem 0; padding-left: 1.2rem; }
      li { margin-bottom: 0.1rem; }
      th, td { padding: 0.1rem 0.4rem; }
      footer { margin-top: 0.8rem; font-size: 9pt; break-before: avoid; page-break-before: avoid; }
      .groupe, li, tr { break-inside: avoid; page-break-inside: avoid; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      section.bloc { break-before: auto; page-break-before: auto; }
      .ecran-seul { display: none; }
      li.badge { gap: 0.4cm; margin-bottom: 0.25cm; }
      ul.legende { padding-left: 0; }
      ul.legende li { display: inline; margin-right: 0.6em; }
      .qr svg { width: 2.3cm; height: 2.3cm; }
      a { color: #1a1a1a; }
    }
    """

    struct Page {
        var texte = ""
        mutating func ligne(_ l: String) {
            texte += l
            texte += "\n"
        }

        /// The doctype, `lang="fr"`, charset, viewport, title and inline styles, up to `<body>`.
        mutating func debut(titre: String, styles: [String]) {
            ligne("<!DOCTYPE html>")
            ligne("<html lang=\"fr\">")
            ligne("<head>")
            ligne("<meta charset=\"utf-8\" />")
            ligne("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />")
            ligne("<title>\(titre.echappeHTML)</title>")
            ligne("<style>")
            for style in styles { ligne(style) }
            ligne("</style>")
            ligne("</head>")
            ligne("<body>")
        }
    }
}
