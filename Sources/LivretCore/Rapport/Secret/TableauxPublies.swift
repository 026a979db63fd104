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
    }

    /// `Σ coefficient × case` is zero (`egale`) or at most zero.
    public struct Relation: Sendable, Equatable {
        public var termes: [Terme]
        public var egale: Bool

        public struct Terme: Sendable, Equatable {
            public var cas: Int
            public var coefficient: Int
        }

        /// `Σ parties = total`.
        public static func somme(_ parties: [Int], total: Int) -> Relation {
            Relation(termes: parties.map { Terme(cas: $0, coefficient: 1) } + [Terme(cas: total, coefficient: -1)], egale: true)
        }

        /// `Σ petits ≤ Σ grands`, with a factor on the large side (`k ≤ 16 × c`).
        public static func auPlus(_ petits: [Int], _ grands: [Int], facteur: Int = 1) -> Relation {
            Relation(termes: petits.map { Terme(cas: $0, coefficient: 1) } + grands.map { Terme(cas: $0, coefficient: -facteur) }, egale: false)
        }

        /// Whether the true values satisfy it.
        func tenue(_ valeurs: [Int]) -> Bool {
            let total = termes.reduce(0) { $0 + $1.coefficient * valeurs[$1.cas] }
            return egale ? total == 0 : total <= 0
        }
    }

    public private(set) var cases: [Case] = []
    public private(set) var relations: [Relation] = []

    public init() {}

    /// Adds a figure and returns its index.
    @discardableResult
    public mutating func ajouter(_ libelle: String, valeur: Int, sensible: Bool = true, rangee: Int? = nil) -> Int {
        cases.append(Case(libelle: libelle, valeur: valeur, sensible: sensible, rangee: rangee))
        return cases.count - 1
    }

    /// Relations the figures did not satisfy, left out (counted from the base they always hold;
    /// hand-made figures may not): the audit says how many.
    public private(set) var relationsIgnorees = 0

    /// Adds a relation, when the figures satisfy it (a false one would make the attacker's program
    /// infeasible; it is left out and counted in ``relationsIgnorees``).
    public mutating func relier(_ relation: Relation) {
        guard relation.tenue(cases.map(\.valeur)) else {
            relationsIgnorees += 1
            return
        }
        relations.append(relation)
    }
}
