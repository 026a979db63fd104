/// A terminal colour: the 16 ANSI colours (as most themes define them) or an index in the
/// 256-colour palette.
public enum Couleur: Equatable, Sendable {
    /// The terminal's own colour; then the 8 ANSI colours (30–37 / 40–47) and bright black (90 / 100).
    case defaut, noir, rouge, vert, jaune, bleu, magenta, cyan, blanc, gris
    /// A colour of the 256-colour palette (38;5;n / 48;5;n).
    case index(UInt8)
}

/// How a cell looks: colours and attributes. Colours are dropped when NO_COLOR is set,
/// attributes are kept, so nothing may rely on colour alone.
public struct Style: Equatable, Sendable {
    /// Text colour.
    public var avantPlan: Couleur = .defaut
    /// Background colour.
    public var arrierePlan: Couleur = .defaut
    /// Bold.
    public var gras = false
    /// Dim (faint).
    public var attenue = false
    /// Underlined.
    public var souligne = false
    /// Foreground and background swapped.
    public var inverse = false

    /// A style; everything defaults to the terminal's normal look.
    public init(avantPlan: Couleur = .defaut, arrierePlan: Couleur = .defaut, gras: Bool = false,
                attenue: Bool = false, souligne: Bool = false, inverse: Bool = false) {
        self.avantPlan = avantPlan
        self.arrierePlan = arrierePlan
        self.gras = gras
        self.attenue = attenue
        self.souligne = souligne
        self.inverse = inverse
    }

    /// The terminal's normal look.
    public static let normal = Style()
    /// Bold only.
    public static let gras = Style(gras: true)
    /// Inverse video only (the usual selection highlight).
    public static let inverse = Style(inverse: true)
    /// Dim only.
    public static let attenue = Style(attenue: true)
    /// Underlined only.
    public static let souligne = Style(souligne: true)

    /// A copy with some properties replaced.
    public func avec(avantPlan: Couleur? = nil, arrierePlan: Couleur? = nil, gras: Bool? = nil,
                     attenue: Bool? = nil, souligne: Bool? = nil, inverse: Bool? = nil) -> Style {
        var copie = self
        if let avantPlan { copie.avantPlan = avantPlan }
        if let arrierePlan { copie.arrierePlan = arrierePlan }
        if let gras { copie.gras = gras }
        if let attenue { copie.attenue = attenue }
        if let souligne { copie.souligne = souligne }
        if let inverse { copie.inverse = inverse }
        return copie
    }

    /// This style with `autre` laid on top: its colours replace these unless they are `.defaut`,
    /// its attributes are added. Used to highlight a selected row without losing its colours.
    public func superpose(_ autre: Style) -> Style {
        Style(avantPlan: autre.avantPlan == .defaut ? avantPlan : autre.avantPlan,
              arrierePlan: autre.arrierePlan == .defaut ? arrierePlan : autre.arrierePlan,
              gras: gras || autre.gras, attenue: attenue || autre.attenue,
              souligne: souligne || autre.souligne, inverse: inverse || autre.inverse)
    }
}
