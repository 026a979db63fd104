import LivretCore

/// The frame of every page: language, title, skip link, the structure's band, the « Terminer »
/// button of a signed-in page. No script anywhere; one style sheet.
enum Gabarit {
    /// The pages of the space, as the home page lists them.
    enum Rubrique: String, CaseIterable, Sendable {
        case savoirFaire = "/savoir-faire", parcours = "/parcours", pix = "/pix", badges = "/badges", cv = "/cv", avis = "/avis",
             donnees = "/donnees"

        /// The words of the menu.
        var titre: String {
            switch self {
            case .savoirFaire: "Ce que je sais faire"
            case .parcours: "Ma formation"
            case .pix: "Mes résultats Pix"
            case .badges: "Mes badges"
            case .cv: "Mon CV"
            case .avis: "Mon avis"
            case .donnees: "Mes données"
            }
        }

        var picto: Pictogramme {
            switch self {
            case .savoirFaire: .savoirFaire
            case .parcours: .parcours
            case .pix: .pix
            case .badges: .badges
            case .cv: .cv
            case .avis: .avis
            case .donnees: .donnees
            }
        }
    }

    /// A whole page. `csrf` is the session's anti-forgery value (nil: not signed in, no « Terminer »).
    static func page(titre: String, picto: Pictogramme?, structure: String, csrf: String?, accueil: Bool = false, corps: String) -> String {
        var h = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="same-origin">
        <title>\(titre.html) — Mon espace</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        <a class="evitement" href="#contenu">Aller au contenu</a>
        <header class="bandeau"><p><strong>Mon espace</strong> · \(structure.html)</p></header>
        <main id="contenu">

        """
        if csrf != nil && !accueil {
            h += "<nav class=\"retour\" aria-label=\"Retour\"><a href=\"/\">\(Pictogramme.accueil.svg) Revenir à l'accueil</a></nav>\n"
        }
        h += "<h1>\(picto?.svg ?? "")<span>\(titre.html)</span></h1>\n"
        h += corps
        h += "\n</main>\n"
        if let csrf {
            h += """
            <footer>
            <form method="post" action="/fin">
            <input type="hidden" name="csrf" value="\(csrf.html)">
            <button type="submit" class="second">\(Pictogramme.sortie.svg) Terminer et fermer mon espace</button>
            </form>
            <p class="aide">Sur un ordinateur partagé, cliquez sur « Terminer » avant de partir. Sans rien faire pendant \(RegleEspace.inactiviteSession / 60) minutes, l'espace se ferme tout seul.</p>
            </footer>

            """
        }
        h += "</body>\n</html>\n"
        return h
    }

    /// A message at the top of a page (after an action): `erreur` in red.
    static func message(_ texte: String?, erreur: Bool = false) -> String {
        guard let texte, !texte.isEmpty else { return "" }
        return erreur ? "<div class=\"erreur\" role=\"alert\"><p>\(texte.html)</p></div>\n"
                      : "<div class=\"message\" role=\"status\"><p>\(texte.html)</p></div>\n"
    }

    /// The hidden anti-forgery field of a form.
    static func champCSRF(_ csrf: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf.html)\">"
    }
}
