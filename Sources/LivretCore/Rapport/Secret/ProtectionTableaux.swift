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
}

/// The masked figures of a publication and what can be deduced about each.
public struct ProtectionSecret: Sendable, Equatable {
    /// One per case of the ``TableauxPublies``.
    public var masques: [Bool]
    /// For each masked case, its range as an attacker deduces it.
    public var etendues: [Int: EtendueDeduite]
    /// Every masked count from 1 to seuil − 1 has a range of at least seuil.
    public var sure: Bool
}

/// Cell suppression with an exact audit, as statistics offices do (τ-Argus, sdcTable):
/// counts from 1 to seuil − 1 are masked (primary suppression); then, while the integer linear
/// program of an attacker who knows every published figure and relation pins one of them to a
/// range narrower than seuil, one more figure tied to it is masked (secondary suppression),
/// the cheapest first (the smallest value, then the one in fewest relations: a sub-row before a
/// total). Deterministic: same figures, same masks.
public enum ProtectionTableaux {
    /// Masks `tableaux` so that every masked sensitive count's range is at least `seuil` wide;
    /// with `audit`, also computes the final range of every masked case (``ProtectionSecret/etendues``).
    ///
    /// Masking one more case never narrows another's range (the attacker knows less), so a count
    /// found wide enough stays so: each is checked until it passes, and never again.
    public static func proteger(_ tableaux: TableauxPublies, seuil: Int, audit: Bool = true) -> ProtectionSecret {
        let cases = tableaux.cases
        var masques = cases.map { $0.sensible && SecretStatistique.sousLeSeuil($0.valeur, seuil: seuil) }
        let aProteger = cases.indices.filter { masques[$0] }
        let relationsDe = relationsParCase(tableaux)
        var surs = Set<Int>()
        var sure = true
        iterations: while true {
            let groupes = Groupes(tableaux, masques: masques)
            var programmes: [Int: (ProgrammeLineaire, [Int: Int])] = [:]
            for cas in aProteger where !surs.contains(cas) {
                let cle = groupes.racine(cas)
                if programmes[cle] == nil { programmes[cle] = programme(tableaux, membres: groupes.membres[cle]!, relations: groupes.relations[cle] ?? [], masques: masques) }
                let (p, variable) = programmes[cle]!
                guard let etendue = p.etendues([variable[cas]!])?.first else {
                    // The solver found no answer (never expected: the true values satisfy every
                    // relation kept): not proven safe, so the report says it is for internal use.
                    sure = false
                    surs.insert(cas)
                    continue
                }
                if !etendue.bornee || etendue.largeur >= Double(seuil) - 1e-6 {
                    surs.insert(cas)
                    continue
                }
                guard let choix = candidat(pour: cas, tableaux: tableaux, masques: masques, relationsDe: relationsDe, seuil: seuil) else {
                    sure = false
                    surs.insert(cas)  // nothing left to mask around it: reported, not retried
                    continue
                }
                masques[choix] = true
                continue iterations
            }
            break
        }
        return ProtectionSecret(masques: masques, etendues: audit ? auditer(tableaux, masques: masques) : [:], sure: sure)
    }

    /// The range of every masked case, given the published ones (the attacker's view: a masked
    /// case is any whole number from 0 up), group by group (masked cases linked by relations that
    /// hold two or more of them).
    public static func auditer(_ tableaux: TableauxPublies, masques: [Bool]) -> [Int: EtendueDeduite] {
        let groupes = Groupes(tableaux, masques: masques)
        var resultat: [Int: EtendueDeduite] = [:]
        for (cle, membres) in groupes.membres.sorted(by: { $0.key < $1.key }) {
            let (p, variable) = programme(tableaux, membres: membres, relations: groupes.relations[cle] ?? [], masques: masques)
            // No answer from the solver (never expected): those figures get no range in the audit.
            guard let etendues = p.etendues(membres.map { variable[$0]! }) else { continue }
            for (m, e) in zip(membres, etendues) {
                resultat[m] = EtendueDeduite(minimum: Int(e.minimum.rounded()), maximum: e.bornee ? Int(e.maximum.rounded()) : nil)
            }
        }
        return resultat
    }

    /// The published case to mask next to widen `faible`'s range: among those sharing a relation
    /// with its group of masked cases (its own relations first), in order of cost — a sub-row before
    /// a total, a line that already hides something before a whole one, then the smallest — the
    /// first that makes its range wide enough in the real
    /// relaxation, else the one that widens it most.
    static func candidat(pour faible: Int, tableaux: TableauxPublies, masques: [Bool], relationsDe: [[Int]], seuil: Int) -> Int? {
        let estTotal = { (i: Int) in relationsDe[i].contains { r in tableaux.relations[r].egale && tableaux.relations[r].termes.contains { $0.cas == i && $0.coefficient < 0 } } }
        let rangeesMasquees = Set(tableaux.cases.indices.filter { masques[$0] }.compactMap { tableaux.cases[$0].rangee })
        func cout(_ i: Int) -> (Int, Int, Int, Int) {
            (estTotal(i) ? 1 : 0, tableaux.cases[i].rangee.map { rangeesMasquees.contains($0) } == true ? 0 : 1, tableaux.cases[i].valeur, i)
        }
        func voisins(_ depart: [Int]) -> [Int] {
            var vus = Set<Int>()
            for c in depart {
                for r in relationsDe[c] {
                    for t in tableaux.relations[r].termes where !masques[t.cas] { vus.insert(t.cas) }
                }
            }
            return vus.sorted { cout($0) < cout($1) }
        }
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
        let directs = voisins([faible])
        let candidats = directs + voisins(Array(groupe)).filter { !directs.contains($0) }
        var meilleur: (cas: Int, largeur: Double)?
        for candidat in candidats.prefix(16) {
            var essai = masques
            essai[candidat] = true
            let groupes = Groupes(tableaux, masques: essai)
            let cle = groupes.racine(faible)
            let (p, variable) = programme(tableaux, membres: groupes.membres[cle]!, relations: groupes.relations[cle] ?? [], masques: essai)
            guard let e = p.etendues([variable[faible]!], relaxation: true)?.first else { continue }
            let largeur = e.bornee ? e.largeur : .infinity
            if largeur >= Double(seuil) { return candidat }
            if meilleur == nil || largeur > meilleur!.largeur { meilleur = (candidat, largeur) }
        }
        return meilleur?.cas ?? candidats.first
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
        for m in membres { variable[m] = programme.ajouterVariable() }
        for r in relations {
            let relation = tableaux.relations[r]
            var termes: [(variable: Int, coefficient: Double)] = []
            var constante = 0
            for t in relation.termes {
                if masques[t.cas] { termes.append((variable[t.cas]!, Double(t.coefficient))) } else { constante += t.coefficient * tableaux.cases[t.cas].valeur }
            }
            let droite = Double(-constante)
            programme.contraintes.append(.init(termes: termes, minimum: relation.egale ? droite : nil, maximum: droite))
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
