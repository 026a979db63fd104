import LivretCore

/// The pages seen before signing in, and the home page.
enum PagesConnexion {
    /// The sign-in page: one field, the code.
    static func connexion(structure: String, jetonFormulaire: String, message: String?, erreur: String?) -> String {
        Gabarit.page(titre: "Entrer dans mon espace", picto: .cle, structure: structure, csrf: nil, corps: """
        \(Gabarit.message(message))\(Gabarit.message(erreur, erreur: true))<p>La formatrice ou le formateur vous donne un code.</p>
        <p>Le code a 6 chiffres.</p>
        <p>Il marche une seule fois, pendant \(RegleEspace.validiteCode / 60) minutes.</p>
        <form method="post" action="/connexion">
        <input type="hidden" name="formulaire" value="\(jetonFormulaire.html)">
        <label class="bloc" for="code">Mon code</label>
        <input class="code" type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="11" required\(erreur == nil ? "" : " aria-invalid=\"true\"")>
        <p><button type="submit">\(Pictogramme.cle.svg) Entrer</button></p>
        </form>
        <p class="aide">Vous n'avez pas besoin d'adresse e-mail ni de mot de passe.</p>
        """)
    }

    /// The home page: hello, and the big buttons of the space.
    static func accueil(_ vue: VueApprenant, structure: String, csrf: String, message: String?) -> String {
        let menu = Gabarit.Rubrique.allCases.map { "<li><a href=\"\($0.rawValue)\">\($0.picto.svg)<span>\($0.titre.html)</span></a></li>" }
            .joined(separator: "\n")
        var corps = Gabarit.message(message) + "<p class=\"salut\">\(vue.salutation.html)</p>\n<p>Choisissez ce que vous voulez voir.</p>\n"
        if let demande = vue.demandeEffacement {
            corps += "<p class=\"aide\">Vous avez demandé l'effacement de vos données le \(demande.francais). La formatrice va le faire.</p>\n"
        }
        corps += "<nav class=\"menu\" aria-label=\"Mon espace\"><ul>\n\(menu)\n</ul></nav>\n"
        return Gabarit.page(titre: "Mon espace", picto: .accueil, structure: structure, csrf: csrf, accueil: true, corps: corps)
    }

    /// A page that does not exist, or is not the learner's.
    static func introuvable(structure: String, csrf: String?) -> String {
        Gabarit.page(titre: "Page introuvable", picto: nil, structure: structure, csrf: csrf, corps: """
        <p>Cette page n'existe pas.</p>
        <p><a href="/">\(Pictogramme.accueil.svg) Revenir à l'accueil</a></p>
        """)
    }
}
