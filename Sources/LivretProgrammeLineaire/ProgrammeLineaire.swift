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

    /// Like ``etendues(_:relaxation:)``, with the constraints that bind each end. A range whose
    /// real relaxation is already narrower than `largeur` is returned as such (the integer range
    /// is narrower still): the branch and bound runs only where it can change the answer.
    public func etenduesExpliquees(_ variables: [Int], largeur: Double) -> [EtendueExpliquee]? {
        ProgrammeLineaire.verrou.lock()
        defer { ProgrammeLineaire.verrou.unlock() }
        guard let probleme = Probleme(self, relaxation: false) else { return nil }
        defer { probleme.liberer() }
        var resultats: [EtendueExpliquee] = []
        for variable in variables {
            guard let minimumReel = probleme.optimum(variable, maximiser: false, entier: false) else { return nil }
            let liaisonsMinimum = probleme.liaisons
            guard let maximumReel = probleme.optimum(variable, maximiser: true, entier: false) else { return nil }
            let liaisonsMaximum = probleme.liaisons
            var etendue = Etendue(minimum: minimumReel, maximum: maximumReel)
            if etendue.largeur >= largeur - 1e-6 && etendue.bornee && probleme.entier {
                guard let minimum = probleme.optimum(variable, maximiser: false),
                      let maximum = probleme.optimum(variable, maximiser: true) else { return nil }
                etendue = Etendue(minimum: minimum, maximum: maximum)
            }
            resultats.append(EtendueExpliquee(etendue: etendue, liaisonsMinimum: liaisonsMinimum, liaisonsMaximum: liaisonsMaximum))
        }
        return resultats
    }

    /// GLPK keeps state per thread in some builds and globally in others: one solve at a time.
    static let verrou = NSLock()
}

/// One GLPK problem built from a ``ProgrammeLineaire``; the objective changes, the rest is reused
/// (each solve starts from the previous basis).
private final class Probleme {
    let lp: OpaquePointer
    let nombre: Int
    let entier: Bool
    var objectifPrecedent: Int?
    let lignes: Int
    /// After ``optimum(_:maximiser:)``: the constraints binding at the relaxation's optimum.
    var liaisons: [Int] = []
    /// False once a branch and bound stopped at its limit.
    var exact = true
    let solutionConnue: [Double]?

    init?(_ programme: ProgrammeLineaire, relaxation: Bool) {
        glp_term_out(GLP_OFF)
        lp = glp_create_prob()
        nombre = programme.bornes.count
        lignes = programme.contraintes.count
        solutionConnue = programme.solutionConnue
        entier = !relaxation && !programme.entieres.isEmpty
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
    }

    /// The optimum of one variable, or nil when there is no solution.
    func optimum(_ variable: Int, maximiser: Bool, entier avecEntiers: Bool = true) -> Double? {
        if let precedent = objectifPrecedent { glp_set_obj_coef(lp, Int32(precedent + 1), 0) }
        glp_set_obj_coef(lp, Int32(variable + 1), 1)
        objectifPrecedent = variable
        glp_set_obj_dir(lp, maximiser ? GLP_MAX : GLP_MIN)
        var simplexe = glp_smcp()
        glp_init_smcp(&simplexe)
        simplexe.msg_lev = GLP_MSG_OFF
        guard glp_simplex(lp, &simplexe) == 0, glp_get_status(lp) == GLP_OPT else { return nil }
        liaisons = (0..<lignes).filter { abs(glp_get_row_dual(lp, Int32($0 + 1))) > 1e-9 }
        let reel = glp_get_obj_val(lp)
        guard entier && avecEntiers else { return reel }
        // The relaxation's optimum is already whole (usual for sums and orderings): it is the integer optimum.
        if (1...Int32(nombre)).allSatisfy({ j in glp_get_col_kind(lp, j) != GLP_IV || abs(glp_get_col_prim(lp, j).rounded() - glp_get_col_prim(lp, j)) < 1e-9 }) {
            return glp_get_obj_val(lp)
        }
        var branchement = glp_iocp()
        glp_init_iocp(&branchement)
        branchement.msg_lev = GLP_MSG_OFF
        // Most-fractional branching: the default (Driebeck–Tomlin) evaluates rows of the simplex
        // table at every node, most of the time spent on these small, nearly integral programs.
        branchement.br_tech = GLP_BR_MFV
        var noeuds = 0
        let code = withUnsafeMutablePointer(to: &noeuds) { compteur -> Int32 in
            branchement.cb_info = UnsafeMutableRawPointer(compteur)
            branchement.cb_func = { arbre, info in
                guard let arbre, let info, glp_ios_reason(arbre) == GLP_ISELECT else { return }
                let compteur = info.assumingMemoryBound(to: Int.self)
                compteur.pointee += 1
                if compteur.pointee > ProgrammeLineaire.limiteBranchement { glp_ios_terminate(arbre) }
            }
            return glp_intopt(lp, &branchement)
        }
        let statut = glp_mip_status(lp)
        if code == 0 && statut == GLP_OPT { return glp_mip_obj_val(lp) }
        // Stopped at the limit: the best whole solution found, or the known one, whichever reaches
        // further (never beyond the true optimum).
        guard code == 0 || code == GLP_ESTOP else { return nil }
        var candidats: [Double] = []
        if statut == GLP_FEAS { candidats.append(glp_mip_obj_val(lp)) }
        if let connue = solutionConnue, variable < connue.count { candidats.append(connue[variable]) }
        guard !candidats.isEmpty else { return nil }
        exact = false
        return maximiser ? candidats.max()! : candidats.min()!
    }

    func liberer() { glp_delete_prob(lp) }
}
