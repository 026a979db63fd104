import LivretCore

/// A spreadsheet as Livret writes it, independent of the file format: named sheets, a header row,
/// typed cells. ``ClasseurXLSX`` writes it as an Office Open XML workbook. Numbers stay numbers (a
/// funder's formulas work on them), rates are fractions shown as percentages, and a masked cell is the
/// same « s » as in every other format.
public struct Classeur: Sendable, Equatable {
    /// One cell.
    public enum Cellule: Sendable, Equatable {
        case texte(String)
        case entier(Int)
        /// A number shown with `decimales` decimals (hours: 1).
        case decimal(Double, decimales: Int)
        /// A fraction (0.667) shown as a percentage with one decimal (« 66,7 % »).
        case pourcentage(Double)
        /// Masked by the statistical secret: the mark ``SecretStatistique/marque``.
        case masque
        case vide
    }

    /// One column: its header and its width in characters.
    public struct Colonne: Sendable, Equatable {
        public var titre: String
        public var largeur: Double

        public init(_ titre: String, largeur: Double = 12) {
            self.titre = titre
            self.largeur = largeur
        }
    }

    /// Cells merged into one, with the text they show (rows and columns from 0, over the whole sheet).
    public struct Fusion: Sendable, Equatable {
        public var lignes: ClosedRange<Int>
        public var colonnes: ClosedRange<Int>
        public var texte: String

        public init(lignes: ClosedRange<Int>, colonnes: ClosedRange<Int>, texte: String) {
            self.lignes = lignes
            self.colonnes = colonnes
            self.texte = texte
        }
    }

    /// One sheet: rows of text above the header when a format asks for them (`prelude`, bold), the
    /// header row, then the data rows; everything above the data is frozen.
    public struct Feuille: Sendable, Equatable {
        public var nom: String
        public var colonnes: [Colonne]
        public var lignes: [[Cellule]]
        public var prelude: [[String]] = []
        public var fusions: [Fusion] = []

        public init(nom: String, colonnes: [Colonne], lignes: [[Cellule]], prelude: [[String]] = [], fusions: [Fusion] = []) {
            self.nom = nom
            self.colonnes = colonnes
            self.lignes = lignes
            self.prelude = prelude
            self.fusions = fusions
        }
    }

    /// The workbook's title (its document properties).
    public var titre: String
    /// The day written as the document's creation date: the same input gives the same bytes.
    public var date: Jour
    public var feuilles: [Feuille]

    public init(titre: String, date: Jour, feuilles: [Feuille]) {
        self.titre = titre
        self.date = date
        self.feuilles = feuilles
    }

    /// Longest sheet name a spreadsheet accepts.
    public static let longueurNomFeuille = 31

    /// `nom` as a valid sheet name: without `[ ] : * ? / \`, at most 31 characters.
    public static func nomFeuille(_ nom: String) -> String {
        let propre = String(nom.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        return String(propre.prefix(longueurNomFeuille))
    }
}

extension Classeur.Cellule {
    /// A published count: the number, or the mark when masked.
    public static func publiee(_ v: ValeurPubliee) -> Self { v.nombre.map { .entier($0) } ?? .masque }

    /// A published rate: the fraction, the mark when masked, empty without denominator.
    public static func taux(_ t: TauxPublie) -> Self {
        if t.masque { return .masque }
        return t.valeur.map { .pourcentage($0) } ?? .vide
    }
}
