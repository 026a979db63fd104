/// Everything one publication shows, as an attacker sees it: every figure (a *case*), and every
/// arithmetic relation between figures that anybody can know (sums of sub-rows, of the four sexes,
/// ordering of columns, reasons adding up to drop-outs…). Disclosure control works on this, not on
/// one table at a time (décision 44).
public struct TableauxPublies: Sendable, Equatable {
    /// One published figure.
    public struct Case: Sendable, Equatable {
        /// Where it is shown, in words (« femmes — 18–25 ans, abandons »), for the audit.
        public var libelle: String
        /// The true value (never published when masked).
        public var valeur: Int
        /// A count of people: a true value from 1 to seuil − 1 must be protected. Other figures
        /// (competences, hours) are masked only to protect the counts they are tied to.
        public var sensible: Bool
        /// The line it is shown on, if any: secondary suppressions go first to lines that already
        /// hide something, so that a reader loses a few lines rather than a little of every line.
        public var rangee: Int?
        /// A whole number (counts); false for a figure published rounded (hours in tenths): its
        /// rounding says nothing more, so the attacker's program treats it as real.
        public var entier: Bool = true
    }

    /// `Σ coefficient × case` lies between `minimum` and `maximum` (nil: no lower bound): zero for
    /// a sum, at most zero for an ordering, within a few units for a figure published rounded.
    public struct Relation: Sendable, Equatable {
        public var termes: [Terme]
        public var minimum: Int?
        public var maximum: Int

        public struct Terme: Sendable, Equatable {
            public var cas: Int
            public var coefficient: Int
        }

        /// An exact equation (`Σ = 0`): a total and its parts.
        public var egale: Bool { minimum == maximum }

        /// `Σ parties = total`.
        public static func somme(_ parties: [Int], total: Int) -> Relation {
            Relation(termes: parties.map { Terme(cas: $0, coefficient: 1) } + [Terme(cas: total, coefficient: -1)], minimum: 0, maximum: 0)
        }

        /// `Σ petits ≤ Σ grands`, with a factor on the large side (`k ≤ 16 × c`).
        public static func auPlus(_ petits: [Int], _ grands: [Int], facteur: Int = 1) -> Relation {
            Relation(termes: petits.map { Terme(cas: $0, coefficient: 1) } + grands.map { Terme(cas: $0, coefficient: -facteur) },
                     minimum: nil, maximum: 0)
        }

        /// `Σ poids × case` against a figure published rounded: `|Σ poids × case − pas × arrondi| ≤ marge`
        /// (hours published to 0.1 h are minutes rounded to 6: `pas` 6, `marge` 3).
        public static func arrondi(_ termes: [(cas: Int, poids: Int)], arrondi: Int, pas: Int, marge: Int) -> Relation {
            Relation(termes: termes.map { Terme(cas: $0.cas, coefficient: $0.poids) } + [Terme(cas: arrondi, coefficient: -pas)],
                     minimum: -marge, maximum: marge)
        }

        /// `Σ poids × case ≥ pas × arrondi − marge`: a rounded figure that the weighted cases bound from above.
        public static func auMoinsArrondi(_ termes: [(cas: Int, poids: Int)], arrondi: Int, pas: Int, marge: Int) -> Relation {
            Relation(termes: [Terme(cas: arrondi, coefficient: pas)] + termes.map { Terme(cas: $0.cas, coefficient: -$0.poids) },
                     minimum: nil, maximum: marge)
        }

        /// Whether the true values satisfy it.
        func tenue(_ cases: [Case]) -> Bool {
            let total = termes.reduce(0) { $0 + $1.coefficient * cases[$1.cas].valeur }
            return total <= maximum && (minimum.map { total >= $0 } ?? true)
        }
    }

    public private(set) var cases: [Case] = []
    public private(set) var relations: [Relation] = []

    public init() {}

    /// Adds a figure and returns its index.
    @discardableResult
    public mutating func ajouter(_ libelle: String, valeur: Int, sensible: Bool = true, entier: Bool = true, rangee: Int? = nil) -> Int {
        cases.append(Case(libelle: libelle, valeur: valeur, sensible: sensible, rangee: rangee, entier: entier))
        return cases.count - 1
    }

    /// Relations the figures did not satisfy, left out (counted from the base they always hold;
    /// hand-made figures may not): the audit says how many.
    public private(set) var relationsIgnorees = 0

    /// Adds a relation, when the figures satisfy it (a false one would make the attacker's program
    /// infeasible; it is left out and counted in ``relationsIgnorees``).
    public mutating func relier(_ relation: Relation) {
        guard relation.tenue(cases) else {
            relationsIgnorees += 1
            return
        }
        relations.append(relation)
    }
}
