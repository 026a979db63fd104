import CGLPK
import Foundation

/// A linear program in integers: variables with bounds, linear constraints, and the least and
/// greatest value each variable can take — what an attacker who knows every published figure and
/// every relation between them can deduce about a masked one. GLPK (GNU Linear Programming Kit)
/// does the arithmetic: simplex for the relaxation, then branch and bound for exact integer bounds.
public struct ProgrammeLineaire: Sendable {
    /// `Σ coefficient × variable`, between `minimum` and `maximum` (nil: no bound on that side).
    public struct Contrainte: Sendable, Equatable {
        public var termes: [(variable: Int, coefficient: Double)]
        public var minimum: Double?
        public var maximum: Double?

        public init(termes: [(variable: Int, coefficient: Double)], minimum: Double?, maximum: Double?) {
            self.termes = termes
            self.minimum = minimum
            self.maximum = maximum
        }

        /// `Σ termes = valeur`.
        public static func egalite(_ termes: [(variable: Int, coefficient: Double)], _ valeur: Double) -> Contrainte {
            Contrainte(termes: termes, minimum: valeur, maximum: valeur)
        }

        public static func == (a: Contrainte, b: Contrainte) -> Bool {
            a.minimum == b.minimum && a.maximum == b.maximum && a.termes.map(\.variable) == b.termes.map(\.variable)
                && a.termes.map(\.coefficient) == b.termes.map(\.coefficient)
        }
    }

    /// The greatest value any variable may take: a masked count no published figure bounds
    /// reaches it (``Etendue/bornee`` false).
    public static let plafond = 1_000_000.0

    /// Lower and upper bound of each variable (the upper one at most ``plafond``).
    public var bornes: [(minimum: Double, maximum: Double)]
    public var contraintes: [Contrainte]
    /// Variables that take whole values (counts of people); the others are real (hours).
    public var entieres: Set<Int>
    /// A whole solution known to satisfy every constraint (the true figures), if any: when the
    /// branch and bound stops at its limit, each end of a range is at least as far as this
    /// solution and the best one found — a range never wider than the true one.
    public var solutionConnue: [Double]?
    /// Subproblems one branch and bound may select before it stops (a count, not a time: the same
    /// answer on every machine).
    public static let limiteBranchement = 100

    public init(bornes: [(minimum: Double, maximum: Double)] = [], contraintes: [Contrainte] = [], entieres: Set<Int> = []) {
        self.bornes = bornes
        self.contraintes = contraintes
        self.entieres = entieres
    }

    /// Adds a variable and returns its index.
    public mutating func ajouterVariable(minimum: Double = 0, maximum: Double = plafond, entiere: Bool = true) -> Int {
        bornes.append((minimum, min(maximum, Self.plafond)))
        if entiere { entieres.insert(bornes.count - 1) }
        return bornes.count - 1
    }

    /// The range a variable can take.
    public struct Etendue: Sendable, Equatable {
        public var minimum: Double
        public var maximum: Double
        /// False when the maximum is only the ceiling, less what published figures take from it
        /// (nothing published bounds it).
        public var bornee: Bool { maximum < ProgrammeLineaire.plafond / 2 }
        /// max − min.
        public var largeur: Double { maximum - minimum }
    }

    /// The least and greatest value of each of `variables` over the integer solutions, in that
    /// order; nil for all when the constraints have no solution (the figures contradict each other).
    /// With `relaxation`, over the real solutions: a wider range, found faster (a quick first look).
    public func etendues(_ variables: [Int], relaxation: Bool = false) -> [Etendue]? {
        ProgrammeLineaire.verrou.lock()
        defer { ProgrammeLineaire.verrou.unlock() }
        guard let probleme = Probleme(self, relaxation: relaxation) else { return nil }
        defer { probleme.liberer() }
        var resultats: [Etendue] = []
        for variable in variables {
            guard let minimum = probleme.optimum(variable, maximiser: false),
                  let maximum = probleme.optimum(variable, maximiser: true) else { return nil }
            resultats.append(Etendue(minimum: minimum, maximum: maximum))
        }
        return resultats
    }

    /// A range and, for each end, the constraints that hold it there (those with a non-zero dual
    /// value in the real relaxation's optimum): to widen the range, loosen one of them.
    public struct EtendueExpliquee: Sendable, Equatable {
        public var etendue: Etendue
        public var liaisonsMinimum: [Int]
        public var liaisonsMaximum: [Int]
    }

    /// For each of `variables`, whether it can take values at least `largeur` apart, and the range
    /// that shows it: when wide enough, both ends are values reached by whole solutions (the range
    /// is at least that wide); otherwise the range found, narrower than `largeur`, with the
    /// constraints that bind it. nil when the constraints have no solution.
    ///
    /// Built for speed on large, linked programs: every whole solution met (the known one, each
    /// whole vertex of the relaxation, each one the branch and bound finds) is kept and read for
    /// every variable, so most are settled without a solve of their own; the branch and bound only
    /// looks for one solution far enough from those already met, and stops as soon as it has it or
    /// knows it does not exist. A range not settled within ``limiteBranchement`` subproblems counts
    /// as too narrow (the caller masks more: never unsafe, only sometimes more than needed).
    public func etenduesExpliquees(_ variables: [Int], largeur: Double) -> [EtendueExpliquee]? {
        ProgrammeLineaire.verrou.lock()
        defer { ProgrammeLineaire.verrou.unlock() }
        guard let probleme = Probleme(self, relaxation: false) else { return nil }
        defer { probleme.liberer() }
        let marge = 1e-6
        var resultats: [EtendueExpliquee] = []
        for variable in variables {
            if let vus = probleme.temoins(variable), vus.largeur >= largeur - marge {
                resultats.append(EtendueExpliquee(etendue: vus, liaisonsMinimum: [], liaisonsMaximum: []))
                continue
            }
            guard let minimumReel = probleme.relaxation(variable, maximiser: false) else { return nil }
            let liaisonsMinimum = probleme.liaisons
            guard let maximumReel = probleme.relaxation(variable, maximiser: true) else { return nil }
            let liaisonsMaximum = probleme.liaisons
            let reelle = Etendue(minimum: minimumReel, maximum: maximumReel)
            func resultat(_ e: Etendue) -> EtendueExpliquee {
                EtendueExpliquee(etendue: e, liaisonsMinimum: liaisonsMinimum, liaisonsMaximum: liaisonsMaximum)
            }
            // Narrower than `largeur` in real numbers: narrower still in whole ones.
            guard reelle.largeur >= largeur - marge, reelle.bornee, probleme.entier, bornes.indices.contains(variable),
                  entieres.contains(variable) else {
                resultats.append(resultat(reelle))
                continue
            }
            // One whole solution far enough from those met, above, then below.
            if let vus = probleme.temoins(variable), maximumReel >= vus.minimum + largeur - marge {
                probleme.brancher(variable, maximiser: true, cible: vus.minimum + largeur)
            }
            if let vus = probleme.temoins(variable), vus.largeur < largeur - marge, minimumReel <= vus.maximum - largeur + marge {
                probleme.brancher(variable, maximiser: false, cible: vus.maximum - largeur)
            }
            // Both ends reached by whole solutions: wide enough, or the widest found (then masked more).
            guard let vus = probleme.temoins(variable) else { return nil }
            resultats.append(resultat(vus))
        }
        return resultats
    }

    /// GLPK keeps state per thread in some builds and globally in others: one solve at a time.
    static let verrou = NSLock()
}

/// One GLPK problem built from a ``ProgrammeLineaire``; the objective changes, the rest is reused
/// (each solve starts from the previous basis). Every whole solution met is kept, as the least and
/// greatest value it gave each variable (``temoins(_:)``).
private final class Probleme {
    let lp: OpaquePointer
    let nombre: Int
    let entier: Bool
    var objectifPrecedent: Int?
    let lignes: Int
    /// After ``relaxation(_:maximiser:)``: the constraints binding at the relaxation's optimum.
    var liaisons: [Int] = []
    /// The least and greatest value of each variable over the whole solutions met (empty: none yet).
    private var plusPetits: [Double] = []
    private var plusGrands: [Double] = []
    private let colonnesEntieres: [Int32]

    init?(_ programme: ProgrammeLineaire, relaxation: Bool) {
        glp_term_out(GLP_OFF)
        lp = glp_create_prob()
        nombre = programme.bornes.count
        lignes = programme.contraintes.count
        entier = !relaxation && !programme.entieres.isEmpty
        colonnesEntieres = programme.entieres.sorted().map { Int32($0 + 1) }
        guard nombre > 0 else {
            glp_delete_prob(lp)
            return nil
        }
        glp_add_cols(lp, Int32(nombre))
        for (indice, borne) in programme.bornes.enumerated() {
            let j = Int32(indice + 1)
            glp_set_col_bnds(lp, j, borne.minimum == borne.maximum ? GLP_FX : GLP_DB, borne.minimum, borne.maximum)
            if programme.entieres.contains(indice) { glp_set_col_kind(lp, j, GLP_IV) }
        }
        if !programme.contraintes.isEmpty {
            glp_add_rows(lp, Int32(programme.contraintes.count))
            var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
            for (indice, contrainte) in programme.contraintes.enumerated() {
                let i = Int32(indice + 1)
                let type: Int32 = switch (contrainte.minimum, contrainte.maximum) {
                case let (a?, b?) where a == b: GLP_FX
                case (_?, _?): GLP_DB
                case (_?, nil): GLP_LO
                case (nil, _?): GLP_UP
                case (nil, nil): GLP_FR
                }
                glp_set_row_bnds(lp, i, type, contrainte.minimum ?? 0, contrainte.maximum ?? 0)
                // Terms on the same variable are added up (GLPK refuses duplicates).
                var parVariable: [Int: Double] = [:]
                for terme in contrainte.termes { parVariable[terme.variable, default: 0] += terme.coefficient }
                for (variable, coefficient) in parVariable.sorted(by: { $0.key < $1.key }) where coefficient != 0 {
                    ia.append(i)
                    ja.append(Int32(variable + 1))
                    ar.append(coefficient)
                }
            }
            glp_load_matrix(lp, Int32(ia.count - 1), &ia, &ja, &ar)
        }
        if let connue = programme.solutionConnue, connue.count == nombre { noter(connue) }
    }

    /// The least and greatest value `variable` took in the whole solutions met.
    func temoins(_ variable: Int) -> ProgrammeLineaire.Etendue? {
        plusPetits.isEmpty ? nil : ProgrammeLineaire.Etendue(minimum: plusPetits[variable], maximum: plusGrands[variable])
    }

    private func noter(_ solution: [Double]) {
        if plusPetits.isEmpty {
            plusPetits = solution
            plusGrands = solution
            return
        }
        for j in solution.indices {
            plusPetits[j] = min(plusPetits[j], solution[j])
            plusGrands[j] = max(plusGrands[j], solution[j])
        }
    }

    /// Keeps the relaxation's current optimum when it is whole (usual for sums and orderings).
    private func noterSiEntiere() {
        guard entier else { return }
        for j in colonnesEntieres {
            let x = glp_get_col_prim(lp, j)
            if abs(x.rounded() - x) > 1e-9 { return }
        }
        noter((1...Int32(nombre)).map { glp_get_col_prim(lp, $0).rounded() })
    }

    private func objectif(_ variable: Int, maximiser: Bool) {
        if let precedent = objectifPrecedent { glp_set_obj_coef(lp, Int32(precedent + 1), 0) }
        glp_set_obj_coef(lp, Int32(variable + 1), 1)
        objectifPrecedent = variable
        glp_set_obj_dir(lp, maximiser ? GLP_MAX : GLP_MIN)
    }

    /// The optimum of one variable over the real solutions (nil: none), recording the binding
    /// constraints and the solution when it is whole.
    func relaxation(_ variable: Int, maximiser: Bool) -> Double? {
        objectif(variable, maximiser: maximiser)
        var simplexe = glp_smcp()
        glp_init_smcp(&simplexe)
        simplexe.msg_lev = GLP_MSG_OFF
        guard glp_simplex(lp, &simplexe) == 0, glp_get_status(lp) == GLP_OPT else { return nil }
        liaisons = (0..<lignes).filter { abs(glp_get_row_dual(lp, Int32($0 + 1))) > 1e-9 }
        noterSiEntiere()
        return glp_get_obj_val(lp)
    }

    /// The optimum of one variable over the whole solutions (nil: none), exact when the branch and
    /// bound ends; stopped at its limit, the furthest value reached by a solution met.
    func optimum(_ variable: Int, maximiser: Bool) -> Double? {
        guard let reel = relaxation(variable, maximiser: maximiser) else { return nil }
        guard entier else { return reel }
        // The relaxation's optimum is whole (usual for sums and orderings): it is the whole optimum.
        if let vus = temoins(variable), (maximiser ? vus.maximum : vus.minimum) == reel.rounded(), abs(reel.rounded() - reel) < 1e-9 {
            return reel.rounded()
        }
        let exact = brancher(variable, maximiser: maximiser, cible: nil)
        if let exact { return exact }
        guard let vus = temoins(variable) else { return nil }
        return maximiser ? vus.maximum : vus.minimum
    }

    /// What the branch and bound's callback reads and writes.
    private final class Suivi {
        var noeuds = 0
        let cible: Double?
        let maximiser: Bool
        init(cible: Double?, maximiser: Bool) {
            self.cible = cible
            self.maximiser = maximiser
        }
    }

    /// Branch and bound on one variable, from the relaxation just solved in the same direction.
    /// With `cible`, it stops as soon as a whole solution reaches it or none can. Every whole
    /// solution it ends with is kept. Returns the proven optimum, nil when not proven.
    @discardableResult
    func brancher(_ variable: Int, maximiser: Bool, cible: Double?) -> Double? {
        // GLPK starts from the relaxation's optimum for this objective.
        guard relaxation(variable, maximiser: maximiser) != nil else { return nil }
        var branchement = glp_iocp()
        glp_init_iocp(&branchement)
        branchement.msg_lev = GLP_MSG_OFF
        // Most-fractional branching: the default (Driebeck–Tomlin) evaluates rows of the simplex
        // table at every node, most of the time spent on these small, nearly integral programs.
        branchement.br_tech = GLP_BR_MFV
        let suivi = Suivi(cible: cible, maximiser: maximiser)
        branchement.cb_info = Unmanaged.passUnretained(suivi).toOpaque()
        branchement.cb_func = { arbre, info in
            guard let arbre, let info else { return }
            let suivi = Unmanaged<Suivi>.fromOpaque(info).takeUnretainedValue()
            switch glp_ios_reason(arbre) {
            case GLP_IBINGO:
                // A better whole solution: far enough?
                if let cible = suivi.cible {
                    let valeur = glp_mip_obj_val(glp_ios_get_prob(arbre))
                    if suivi.maximiser ? valeur >= cible - 1e-9 : valeur <= cible + 1e-9 { glp_ios_terminate(arbre) }
                }
            case GLP_ISELECT:
                suivi.noeuds += 1
                if suivi.noeuds > ProgrammeLineaire.limiteBranchement { glp_ios_terminate(arbre); return }
                // No open subproblem can reach the target any more.
                if let cible = suivi.cible {
                    let meilleur = glp_ios_best_node(arbre)
                    if meilleur != 0 {
                        let borne = glp_ios_node_bound(arbre, meilleur)
                        if suivi.maximiser ? borne < cible - 1e-9 : borne > cible + 1e-9 { glp_ios_terminate(arbre) }
                    }
                }
            default:
                break
            }
        }
        let code = withExtendedLifetime(suivi) { glp_intopt(lp, &branchement) }
        let statut = glp_mip_status(lp)
        guard code == 0 || code == GLP_ESTOP, statut == GLP_OPT || statut == GLP_FEAS else { return nil }
        noter((1...Int32(nombre)).map { glp_mip_col_val(lp, $0) })
        return code == 0 && statut == GLP_OPT ? glp_mip_obj_val(lp) : nil
    }

    func liberer() { glp_delete_prob(lp) }
}

