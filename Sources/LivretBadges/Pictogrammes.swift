import Foundation

/// The pictogram at the top of a badge image: one per APTIC sous-thème, per Pix domain, for the
/// Pix certification milestones and per parcours, so that badges are told apart before their
/// text is read — down to 64 px, where the text no longer is. Simple geometric shapes in white
/// (holes in the badge's colour), drawn on a 24-unit grid with strokes of 2 units or more.
public enum Pictogramme: String, CaseIterable, Sendable {
    // APTIC sous-thèmes.
    /// 0.1 Accéder à une connexion.
    case connexion
    /// 0.2 Accéder à un terminal.
    case ordinateur
    /// 0.3 Accéder à des outils périphériques.
    case imprimante
    /// 1.1 S'informer.
    case loupe
    /// 1.2 Comprendre.
    case ampoule
    /// 2.1 Utiliser.
    case pointeur
    /// 2.2 Faire ses démarches en ligne.
    case formulaire
    /// 3.1 Identité numérique.
    case carteIdentite
    /// 3.2 Contribuer.
    case bulle
    /// 3.3 Contrôler ses données.
    case cadenas
    /// 3.4 Explorer de nouvelles possibilités.
    case boussole
    /// 3.5 S'insérer professionnellement.
    case mallette
    /// An APTIC sous-thème the table does not know (a structure's variant).
    case etoile
    // Pix domains.
    /// 1 Informations et données.
    case graphique
    /// 2 Communication et collaboration.
    case enveloppe
    /// 3 Création de contenu.
    case crayon
    /// 4 Protection et sécurité.
    case bouclier
    /// 5 Environnement numérique.
    case engrenage
    /// Pix milestones across domains: the certification obtained.
    case medaille
    /// Pix milestones across domains: a profile ready for the certification.
    case drapeau
    // Parcours.
    /// A parcours (a path of sessions).
    case toque
    /// The « Initiation smartphone » parcours.
    case smartphone

    /// What it shows, in French.
    public var nom: String {
        switch self {
        case .connexion: "ondes Wi-Fi"
        case .ordinateur: "écran d'ordinateur"
        case .imprimante: "imprimante"
        case .loupe: "loupe"
        case .ampoule: "ampoule"
        case .pointeur: "pointeur de souris"
        case .formulaire: "formulaire coché"
        case .carteIdentite: "carte d'identité"
        case .bulle: "bulle de dialogue"
        case .cadenas: "cadenas"
        case .boussole: "boussole"
        case .mallette: "mallette"
        case .etoile: "étoile"
        case .graphique: "graphique en barres"
        case .enveloppe: "enveloppe"
        case .crayon: "crayon"
        case .bouclier: "bouclier"
        case .engrenage: "engrenage"
        case .medaille: "médaille"
        case .drapeau: "drapeau"
        case .toque: "toque de diplômé"
        case .smartphone: "smartphone"
        }
    }

    /// The pictogram of an APTIC sous-thème, by its code in the base référentiel; nil when unknown.
    public static func aptic(sousTheme code: String) -> Pictogramme? {
        [
            "0.1": .connexion, "0.2": .ordinateur, "0.3": .imprimante,
            "1.1": .loupe, "1.2": .ampoule,
            "2.1": .pointeur, "2.2": .formulaire,
            "3.1": .carteIdentite, "3.2": .bulle, "3.3": .cadenas, "3.4": .boussole, "3.5": .mallette,
        ][code]
    }

    /// The pictogram of a Pix domain (1 to 5); nil for another number.
    public static func pix(domaine: Int) -> Pictogramme? {
        [1: .graphique, 2: .enveloppe, 3: .crayon, 4: .bouclier, 5: .engrenage][domaine]
    }

    /// The pictogram of a Pix milestone across domains, by its code: the flag for a profile ready
    /// for the certification (« pix-certifiable »), the medal for a certification obtained.
    public static func pix(jalon code: String) -> Pictogramme {
        code == "pix-certifiable" ? .drapeau : .medaille
    }

    /// The pictogram of a parcours, by its code ("initiation-smartphone"): the smartphone for a
    /// parcours about it, the graduation cap for the others.
    public static func parcours(code: String) -> Pictogramme {
        code.contains("smartphone") ? .smartphone : .toque
    }

    /// The pictogram a family shows when the achievement says no more: the Pix domain's, the
    /// medal across domains, the cap for a parcours, the star for an APTIC sous-thème.
    public static func parDefaut(_ famille: FamilleBadge) -> Pictogramme {
        switch famille {
        case .aptic: .etoile
        case .pix(let domaine?, _): pix(domaine: domaine) ?? .medaille
        case .pix(nil, _): .medaille
        case .parcours: .toque
        }
    }

    /// The SVG elements, on the 24 × 24 grid: white shapes (`fill-rule="evenodd"` holes), and
    /// lines in `fond`, the badge's colour, drawn over them.
    func elements(fond: String) -> String {
        switch self {
        case .connexion:
            return #"<circle cx="12" cy="19" r="2"/>"#
                + #"<path d="M7.5 14.5A6.4 6.4 0 0 1 16.5 14.5M4 11A11.3 11.3 0 0 1 20 11M1 7.5A15.6 15.6 0 0 1 23 7.5" fill="none" stroke="white" stroke-width="2.4" stroke-linecap="round"/>"#
        case .ordinateur:
            return #"<path fill-rule="evenodd" d="M2 3h20v14H2zM4.5 5.5v9h15v-9z"/><path d="M10 17h4v3h3.5v2h-11v-2H10z"/>"#
        case .imprimante:
            return #"<path d="M6 2h12v5h-2.2V4.2H8.2V7H6z"/>"#
                + #"<path fill-rule="evenodd" d="M2 8h20v9h-3v-4H5v4H2zM17 10h2v1.6h-2z"/>"#
                + #"<path fill-rule="evenodd" d="M6.5 14h11v8h-11zM8.5 16.2v1.4h7v-1.4zM8.5 18.8v1.4h7v-1.4z"/>"#
        case .loupe:
            return #"<path fill-rule="evenodd" d="M2.5 10a7.5 7.5 0 1 0 15 0a7.5 7.5 0 1 0 -15 0zM5.2 10a4.8 4.8 0 1 0 9.6 0a4.8 4.8 0 1 0 -9.6 0z"/>"#
                + #"<path d="M14.6 16.4l1.8-1.8 6.2 6.2-1.8 1.8z"/>"#
        case .ampoule:
            return #"<path d="M12 1.5a7.5 7.5 0 0 0 -4.2 13.7V18h8.4v-2.8A7.5 7.5 0 0 0 12 1.5z"/>"#
                + #"<path d="M7.8 19.2h8.4v1.6H7.8zM9.5 21.8h5v1.6h-5z"/>"#
        case .pointeur:
            return #"<path d="M5 1.5v18l4.6-4.3 3.2 7.1 3.2-1.4-3.2-7H19z"/>"#
        case .formulaire:
            return #"<path fill-rule="evenodd" d="M4 1.5h11l5 5v16H4zM6.3 3.8v16.4h11.4V8h-4.5V3.8z"/>"#
                + #"<path d="M8 14l3 3 5.5-6" fill="none" stroke="white" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>"#
        case .carteIdentite:
            return #"<path fill-rule="evenodd" d="M1.5 4.5h21v15h-21zM3.8 6.8v10.4h16.4V6.8z"/>"#
                + #"<circle cx="8.5" cy="10.5" r="2.2"/><path d="M5 16a3.5 3.5 0 0 1 7 0z"/>"#
                + #"<path d="M13.5 9.5h5v1.8h-5zM13.5 13h5v1.8h-5z"/>"#
        case .bulle:
            return #"<path fill-rule="evenodd" d="M2 3.5h20v13H10.5L5 21.5v-5H2z"#
                + #"M6.3 10a1.7 1.7 0 1 0 3.4 0a1.7 1.7 0 1 0 -3.4 0zM10.3 10a1.7 1.7 0 1 0 3.4 0a1.7 1.7 0 1 0 -3.4 0zM14.3 10a1.7 1.7 0 1 0 3.4 0a1.7 1.7 0 1 0 -3.4 0z"/>"#
        case .cadenas:
            return #"<path d="M7.5 10.5V7a4.5 4.5 0 0 1 9 0v3.5" fill="none" stroke="white" stroke-width="2.6"/>"#
                + #"<path fill-rule="evenodd" d="M4 10h16v12.5H4zM10.8 14h2.4v5h-2.4z"/>"#
        case .boussole:
            return #"<path fill-rule="evenodd" d="M1.5 12a10.5 10.5 0 1 0 21 0a10.5 10.5 0 1 0 -21 0zM4 12a8 8 0 1 0 16 0a8 8 0 1 0 -16 0z"/>"#
                + #"<path d="M17 7l-3.2 6.8L7 17l3.2-6.8z"/>"#
        case .mallette:
            return #"<path d="M8.5 8V4h7v4h-2.2V6.2h-2.6V8z"/>"#
                + #"<path fill-rule="evenodd" d="M2 8h20v13H2zM2 12.5v1.8h20v-1.8z"/>"#
        case .etoile:
            return #"<path d="M12 1.5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L12 17.6l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z"/>"#
        case .graphique:
            return #"<path d="M2 20.5h20v2H2zM4 12h4v7H4zM10 6.5h4V19h-4zM16 2h4v17h-4z"/>"#
        case .enveloppe:
            return #"<path d="M1.5 4.5h21v15h-21z"/>"#
                + #"<path d="M2.5 5.5L12 13l9.5-7.5" fill="none" stroke="\#(fond)" stroke-width="2" stroke-linejoin="round"/>"#
        case .crayon:
            return #"<path d="M3 18v3.5h3.5L17.2 10.8l-3.5-3.5zM15.2 5.8l3.5 3.5 2.6-2.6-3.5-3.5z"/>"#
        case .bouclier:
            return #"<path d="M12 1.5l8.5 3.2v6.3c0 5.5-3.6 9.8-8.5 11.5-4.9-1.7-8.5-6-8.5-11.5V4.7z"/>"#
                + #"<path d="M8 12l3 3 5-5.5" fill="none" stroke="\#(fond)" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>"#
        case .engrenage:
            return (0..<4).map { #"<rect x="10" y="1.5" width="4" height="21" rx="0.8" transform="rotate(\#($0 * 45) 12 12)"/>"# }.joined()
                + #"<circle cx="12" cy="12" r="7.5"/><circle cx="12" cy="12" r="3.2" fill="\#(fond)"/>"#
        case .medaille:
            return #"<path d="M7.5 12.5L4.5 22l3.3-1.4 2 2.9 2.2-8.5zM16.5 12.5l3 9.5-3.3-1.4-2 2.9-2.2-8.5z"/>"#
                + #"<circle cx="12" cy="8.5" r="7"/><circle cx="12" cy="8.5" r="4" fill="none" stroke="\#(fond)" stroke-width="1.6"/>"#
        case .drapeau:
            return #"<path d="M4 1.5h2.4v21H4zM7.5 3h13l-3.5 5 3.5 5h-13z"/>"#
        case .toque:
            return #"<path d="M12 3.5L0.8 9 12 14.5l8.2-4V17h2V9z"/>"#
                + #"<path d="M5.5 12.5v4c0 1.9 2.9 3.5 6.5 3.5s6.5-1.6 6.5-3.5v-4L12 15.7z"/>"#
        case .smartphone:
            return #"<path fill-rule="evenodd" d="M7 1h10a1.5 1.5 0 0 1 1.5 1.5v19A1.5 1.5 0 0 1 17 23H7a1.5 1.5 0 0 1 -1.5 -1.5v-19A1.5 1.5 0 0 1 7 1z"#
                + #"M7.8 4v13.5h8.4V4zM10.8 19.3h2.4v1.8h-2.4z"/>"#
        }
    }

    /// The pictogram as an SVG group, `cote` units wide, its top-left corner at (`x`, `y`),
    /// hidden from screen readers (the title and description say what the badge is).
    func svg(x: Double, y: Double, cote: Double, fond: String) -> String {
        let echelle = cote / 24
        return #"<g aria-hidden="true" fill="white" transform="translate(\#(nombre(x)) \#(nombre(y))) scale(\#(nombre(echelle)))">"#
            + elements(fond: fond) + "</g>"
    }

    private func nombre(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.4g", v)
    }
}
