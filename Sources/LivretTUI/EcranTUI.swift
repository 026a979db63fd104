import LivretTerminal

/// A key the status line and the help overlay show: the key as printed, what it does.
public struct AideTouche: Sendable, Equatable {
    public var touche: String
    public var action: String

    public init(_ touche: String, _ action: String) {
        self.touche = touche
        self.action = action
    }
}

/// What a screen asks the application to do after a key or a response.
public enum Commande {
    /// Push a screen, and run its loading request.
    case ouvrir(any EcranTUI)
    /// Back to the previous screen (reloaded: something may have been written).
    case retour
    /// Run a request; its response comes back to the top screen.
    case demander(Demande)
    /// Leave the UI.
    case quitter
    /// Show a message on the message line.
    case info(String)
    /// Show what to correct on the message line, as an error (nothing was written).
    case erreur(String)
}

/// One screen of the UI: value-type state, a pure drawing function, keys turned into commands.
public protocol EcranTUI {
    /// The screen's name in the breadcrumb.
    var titre: String { get }
    /// The keys that work here, most useful first (the status line shows what fits).
    var touches: [AideTouche] { get }
    /// The request that (re)loads the screen's data.
    var chargement: Demande? { get }
    /// True while the formateur types text (a filter, minutes): global keys (q, ?) are then
    /// given to the screen as characters.
    var saisieEnCours: Bool { get }
    /// What was typed and not recorded yet, if anything (then quitting is refused with this message).
    var nonEnregistre: String? { get }
    /// A question waiting for its answer (« Clôturer la cohorte ? »), drawn over the screen: its
    /// title and lines; nil when none.
    var question: (titre: String, lignes: [String])? { get }
    /// Handles a key; `hauteur` is the number of rows of the screen's content.
    /// Returns nil when the screen does not use the key (then q quits, Échap goes back, ? helps).
    mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]?
    /// Receives the response to a request.
    mutating func recevoir(_ reponse: Reponse) -> [Commande]
    /// Draws the screen's content in `zone`.
    func dessiner(dans zone: Zone, tampon: inout Tampon)
}

extension EcranTUI {
    public var saisieEnCours: Bool { false }
    public var nonEnregistre: String? { nil }
    public var question: (titre: String, lignes: [String])? { nil }
}

/// The styles of the UI, in one place (all readable without colours).
enum Styles {
    static let titre = Style(gras: true, inverse: true)
    static let entete = Style(gras: true)
    static let attenue = Style.attenue
    static let selection = Style.inverse
    static let erreur = Style(avantPlan: .rouge, gras: true)
    static let succes = Style(avantPlan: .vert)
    static let touche = Style(gras: true)
    static let barre = Style(avantPlan: .cyan)
    static let acquis = Style(avantPlan: .vert)
    static let enCours = Style(avantPlan: .jaune)
}
