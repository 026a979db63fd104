import LivretCore

/// The « attestation de compétences numériques »: one A4 page an employer keeps, listing the badges the
/// learner chose, each with its QR code to its verification page and its short code, the structure's name
/// and contact. It needs no signature: every badge is checked online. Built from the same ``CVNumerique``
/// as the CV (the learner's choices apply: name shown, badges shown).
public enum AttestationHTML {
    /// The page; empty badge list gives a page that says so (the service refuses it before).
    public static func rendre(_ cv: CVNumerique) -> String {
        let badges = cv.badges ?? []
        var h = CVHTML.Page()
        let nom = cv.identite?.nom
        h.debut(titre: "Attestation de compétences numériques" + (nom.map { " — \($0)" } ?? ""), styles: [CVHTML.style, style])
        h.ligne("<main>")
        h.ligne("<header>")
        h.ligne("<p class=\"emetteur\">\(cv.structure.echappeHTML)</p>")
        h.ligne("<h1>Attestation de compétences numériques</h1>")
        h.ligne("</header>")
        let qui = nom.map { "<strong>\($0.echappeHTML)</strong>" } ?? "la personne qui présente ce document"
        let nombre = badges.count > 1 ? "les \(badges.count) badges suivants" : "le badge suivant"
        h.ligne("<p>« \(cv.structure.echappeHTML) » atteste que \(qui) a obtenu \(nombre), délivrés et signés par la structure.</p>")
        h.ligne("<ul class=\"badges\">")
        for badge in badges {
            h.ligne("<li class=\"badge\">\(BlocBadge.html(badge, cv: cv, liensPaquet: false))</li>")
        }
        h.ligne("</ul>")
        h.ligne("<footer>")
        if cv.urlSaisie != nil {
            h.ligne("<p>Ce document n&#39;a pas besoin de tampon ni de signature : chaque badge se vérifie en ligne, avec son code QR ou son code.</p>")
        } else {
            h.ligne("<p>Chaque badge est un fichier signé que la personne garde ; la structure confirme chaque code sur demande.</p>")
        }
        h.ligne("<p>Fait le \(TexteFacile.date(cv.date).echappeHTML) par « \(cv.structure.echappeHTML) ».</p>")
        if let contact = BlocBadge.contact(cv) { h.ligne("<p>\(contact)</p>") }
        h.ligne("</footer>")
        h.ligne("</main>")
        h.ligne("</body>")
        h.ligne("</html>")
        return h.texte
    }

    /// Larger QR codes than the CV's (the page holds only badges), still one page for up to six badges.
    static let style = """
    .emetteur { font-size: 1.125rem; font-weight: bold; color: #13294b; margin: 0 0 0.5rem 0; }
    @media print {
      .qr svg { width: 2.8cm; height: 2.8cm; }
      li.badge { margin-bottom: 0.4cm; }
    }
    """
}
