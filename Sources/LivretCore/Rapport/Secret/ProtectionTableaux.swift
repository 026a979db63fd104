import LivretProgrammeLineaire

/// What an attacker can deduce about one masked figure: the least and greatest value it can take
/// given every published figure and every relation (nil maximum: nothing bounds it).
public struct EtendueDeduite: Sendable, Equatable, Codable {
    public var minimum: Int
    public var maximum: Int?

    public init(minimum: Int, maximum: Int?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// max − min (nil: unbounded, so wide enough).
    public var largeur: Int? { maximum.map { $0 - minimum } }

    /// The widest of two findings for each figure: both ends were reached by whole solutions.
    public static func fusion(_ a: [Int: EtendueDeduite], _ b: [Int: EtendueDeduite]) -> [Int: EtendueDeduite] {
        a.merging(b) { x, y in
            EtendueDeduite(minimum: min(x.minimum, y.minimum), maximum: x.maximum.flatMap { u in y.maximum.map { max(u, $0) } })
        }
    }
}

/// The masked figures of a publication and what can be deduced about each.
public struct ProtectionSecret: Sendable, Equatable {
    /// One per case of the ``TableauxPublies``.
    public var masques: [Bool]
    /// For each masked case, its range as an attacker deduces it (with `audit`; otherwise the
    /// range each count was found safe with).
    public var etendues: [Int: EtendueDeduite]
    /// Every masked count from 1 to seuil − 1 has a range of at least seuil.
    public var sure: Bool
}

/// Cell suppression with an audit, as statistics offices do (τ-Argus, sdcTable), in whole numbers:
/// counts from 1 to seuil − 1 are masked (primary suppression); then, pass after pass, the integer
/// linear program of an attacker who knows every published figure and relation is asked, for each
/// one, for two whole solutions that put it at least seuil apart (found among the solutions already
/// met, or by a branch and bound that stops as soon as it has one); each one without them (its range
/// is narrower, or not shown wide enough within the search's limit) gets one more figure masked
/// (secondary suppression): a published figure of a relation that holds its range where it is (a
/// constraint with a non-zero dual value at the optimum), the cheapest first (a sub-row before a
/// total, a line that already hides something before a whole one, then the smallest).
/// Deterministic: same figures, same masks.
public enum ProtectionTableaux {
    /// Masks `tableaux` so that every masked sensitive count's range is at least `seuil` wide;
    /// with `audit`, also computes the final range of every masked case (``ProtectionSecret/etendues``).
    ///
    /// Masking one more case never narrows another's range (the attacker knows less), so a count
    /// found wide enough stays so: each is checked until it passes, and never again.
    public static func proteger(_ tableaux: TableauxPublies, seuil: Int, audit: Bool = true) -> ProtectionSecret {
        let cases = tableaux.cases
        var masques = cases.map { $0.sensible && SecretStatistique.sousLeSeuil($0.valeur, seuil: seuil) }
        let aProteger = Set(cases.indices.filter { masques[$0] })
        let relationsDe = relationsParCase(tableaux)
        var surs = Set<Int>()
        var sure = true
        // The range each count was found safe with: reached by whole solutions, so still reachable
        // once more figures are masked (the audit keeps the widest it finds).
        var etenduesSures: [Int: EtendueDeduite] = [:]
        while true {
            let groupes = Groupes(tableaux, masques: masques)
            // Every count still to check, group by group: one program each, solved from the previous basis.
            var faibles: [(cas: Int, liaisons: [Int])] = []
            for (cle, membres) in groupes.membres.sorted(by: { $0.key < $1.key }) {
                let aVerifier = membres.filter { aProteger.contains($0) && !surs.contains($0) }
                guard !aVerifier.isEmpty else { continue }
                let relations = groupes.relations[cle] ?? []
                let (p, variable) = programme(tableaux, membres: membres, relations: relations, masques: masques)
                guard let resultats = p.etenduesExpliquees(aVerifier.map { variable[$0]! }, largeur: Double(seuil)) else {
                    // The solver found no answer (never expected: the true values satisfy every
                    // relation kept): not proven safe, so the report says it is for internal use.
                    sure = false
                    surs.formUnion(aVerifier)
                    continue
                }
                for (cas, r) in zip(aVerifier, resultats) {
                    if !r.etendue.bornee || r.etendue.largeur >= Double(seuil) - 1e-6 {
                        surs.insert(cas)
                        etenduesSures[cas] = EtendueDeduite(minimum: Int(r.etendue.minimum.rounded()),
                                                            maximum: r.etendue.bornee ? Int(r.etendue.maximum.rounded()) : nil)
                    } else {
                        faibles.append((cas, (r.liaisonsMaximum + r.liaisonsMinimum).map { relations[$0] }))
                    }
                }
            }
            if faibles.isEmpty { break }
            // One more mask per weak count, but not two for the same relations in one pass: a count
            // whose binding relations were just loosened is checked again first.
            var touchees = Set<Int>()
            var nouveaux: [Int] = []
            // The rows that already hide something, kept up to date as masks are added (not found
            // again for each weak count: a national report has thousands in one pass).
            var rangeesMasquees = Set<Int>()
            for i in tableaux.cases.indices where masques[i] { if let r = tableaux.cases[i].rangee { rangeesMasquees.insert(r) } }
            for faible in faibles {
                if !nouveaux.isEmpty && faible.liaisons.contains(where: touchees.contains) { continue }
                guard let choix = candidat(pour: faible.cas, liaisons: faible.liaisons, tableaux: tableaux, masques: masques, relationsDe: relationsDe,
                                           rangeesMasquees: rangeesMasquees) else {
                    sure = false
                    surs.insert(faible.cas)  // nothing left to mask around it: reported, not retried
                    continue
                }
                if masques[choix] { continue }
                masques[choix] = true
                if let r = tableaux.cases[choix].rangee { rangeesMasquees.insert(r) }
                nouveaux.append(choix)
                touchees.formUnion(relationsDe[choix])
            }
        }
        liberer(tableaux, masques: &masques, proteges: aProteger)
        let etendues = audit ? EtendueDeduite.fusion(auditer(tableaux, masques: masques), etenduesSures) : etenduesSures
        return ProtectionSecret(masques: masques, etendues: etendues.filter { masques[$0.key] }, sure: sure)
    }

    /// Shows again a secondary mask that an exact relation pins (every other figure of a sum
    /// published): the reader computes it anyway, so showing it tells nothing more, and no other
    /// figure's range changes (every solution already had that value). Until nothing changes.
    /// A primary mask is never shown (pinned, it would mean the protection failed, and it says so).
    static func liberer(_ tableaux: TableauxPublies, masques: inout [Bool], proteges: Set<Int>) {
        var change = true
        while change {
            change = false
            for r in tableaux.relations where r.egale {
                let caches = r.termes.filter { masques[$0.cas] }
                guard caches.count == 1, let seul = caches.first, abs(seul.coefficient) == 1, !proteges.contains(seul.cas) else { continue }
                masques[seul.cas] = false
                change = true
            }
        }
    }

    /// The range of every masked case, given the published ones (the attacker's view: a masked
    /// case is any whole number from 0 up), group by group (masked cases linked by relations that
    /// hold two or more of them).
    /// With `seulement`, only those cases' ranges are computed.
    public static func auditer(_ tableaux: TableauxPublies, masques: [Bool], seulement: Set<Int>? = nil) -> [Int: EtendueDeduite] {
        let groupes = Groupes(tableaux, masques: masques)
        var resultat: [Int: EtendueDeduite] = [:]
        for (cle, tous) in groupes.membres.sorted(by: { $0.key < $1.key }) {
            let membres = seulement.map { s in tous.filter { s.contains($0) } } ?? tous
            guard !membres.isEmpty else { continue }
            let (p, variable) = programme(tableaux, membres: tous, relations: groupes.relations[cle] ?? [], masques: masques)
            // No answer from the solver (never expected): those figures get no range in the audit.
            guard let etendues = p.etendues(membres.map { variable[$0]! }) else { continue }
            for (m, e) in zip(membres, etendues) {
                resultat[m] = EtendueDeduite(minimum: Int(e.minimum.rounded()), maximum: e.bornee ? Int(e.maximum.rounded()) : nil)
            }
        }
        return resultat
    }

    /// The published case to mask next to widen `faible`'s range: one of the relations that hold
    /// it (`liaisons`), else any sharing a relation with its group of masked cases, in order of
    /// cost — a sub-row before a total, a line that already hides something before a whole one,
    /// then the smallest. `rangeesMasquees`: the rows (``TableauxPublies/Case/rangee``) holding a masked case.
    static func candidat(pour faible: Int, liaisons: [Int], tableaux: TableauxPublies, masques: [Bool], relationsDe: [[Int]],
                         rangeesMasquees: Set<Int>) -> Int? {
        func estTotal(_ i: Int) -> Bool {
            relationsDe[i].contains { r in tableaux.relations[r].egale && tableaux.relations[r].termes.contains { $0.cas == i && $0.coefficient < 0 } }
        }
        func cout(_ i: Int) -> (Int, Int, Int, Int) {
            (estTotal(i) ? 1 : 0, tableaux.cases[i].rangee.map { rangeesMasquees.contains($0) } == true ? 0 : 1, tableaux.cases[i].valeur, i)
        }
        func publies(_ relations: [Int]) -> [Int] {
            var vus = Set<Int>()
            for r in relations { for t in tableaux.relations[r].termes where !masques[t.cas] { vus.insert(t.cas) } }
            return vus.sorted { cout($0) < cout($1) }
        }
        if let premier = publies(liaisons).first { return premier }
        // No published figure in the binding relations (held by bounds): widen around the group.
        var groupe: Set<Int> = [faible]
        var frontiere = [faible]
        while !frontiere.isEmpty {
            var suivante: [Int] = []
            for c in frontiere {
                for r in relationsDe[c] {
                    for t in tableaux.relations[r].termes where masques[t.cas] && groupe.insert(t.cas).inserted { suivante.append(t.cas) }
                }
            }
            frontiere = suivante
        }
        return publies(relationsDe[faible]).first ?? publies(groupe.flatMap { relationsDe[$0] }).first
    }

    /// The relations each case appears in.
    static func relationsParCase(_ tableaux: TableauxPublies) -> [[Int]] {
        var resultat = [[Int]](repeating: [], count: tableaux.cases.count)
        for (r, relation) in tableaux.relations.enumerated() {
            for t in relation.termes where resultat[t.cas].last != r { resultat[t.cas].append(r) }
        }
        return resultat
    }

    /// The integer program of one group: one variable per masked case, published cases as constants.
    static func programme(_ tableaux: TableauxPublies, membres: [Int], relations: [Int], masques: [Bool]) -> (ProgrammeLineaire, [Int: Int]) {
        var programme = ProgrammeLineaire()
        var variable: [Int: Int] = [:]
        for m in membres { variable[m] = programme.ajouterVariable(entiere: tableaux.cases[m].entier) }
        programme.solutionConnue = membres.map { Double(tableaux.cases[$0].valeur) }
        for r in relations {
            let relation = tableaux.relations[r]
            var termes: [(variable: Int, coefficient: Double)] = []
            var constante = 0
            for t in relation.termes {
                if masques[t.cas] { termes.append((variable[t.cas]!, Double(t.coefficient))) } else { constante += t.coefficient * tableaux.cases[t.cas].valeur }
            }
            programme.contraintes.append(.init(termes: termes, minimum: relation.minimum.map { Double($0 - constante) },
                                               maximum: Double(relation.maximum - constante)))
        }
        return (programme, variable)
    }
}

/// Masked cases in groups: two are in the same group when a relation holds both.
struct Groupes {
    /// Group key (a root case) → its masked cases, in order.
    var membres: [Int: [Int]] = [:]
    /// Group key → the relations holding at least one of its cases.
    var relations: [Int: [Int]] = [:]
    private var parent: [Int]

    init(_ tableaux: TableauxPublies, masques: [Bool]) {
        parent = Array(tableaux.cases.indices)
        var relationsMasquees: [(Int, Int)] = []
        for (r, relation) in tableaux.relations.enumerated() {
            let masquees = relation.termes.map(\.cas).filter { masques[$0] }
            guard let premiere = masquees.first else { continue }
            relationsMasquees.append((r, premiere))
            for autre in masquees.dropFirst() { unir(autre, premiere) }
        }
        for i in tableaux.cases.indices where masques[i] { membres[racine(i), default: []].append(i) }
        for (r, premiere) in relationsMasquees { relations[racine(premiere), default: []].append(r) }
    }

    func racine(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { i = parent[i] }
        return i
    }

    private mutating func unir(_ a: Int, _ b: Int) {
        let (ra, rb) = (racine(a), racine(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
