/// Satisfaction and follow-up figures of a scope, shown in its report and its activity review
/// (one set of figures, décision 48), and what ties them:
/// - by sex: the four sexes add up to everybody; satisfied at most respondents;
/// - each question's answers at most the respondents; « plutôt oui » and « tout à fait » to the
///   overall question are the satisfied;
/// - follow-ups, for each delay and sex: the situations add up to the people followed, part-time
///   at most employment, « en lien » at most employment and training;
/// - between scopes: a scope's figures include those of every scope inside it, and are their sum
///   when they split it exactly and it has nothing outside its cohorts.
extension TableauxConjoints {
    /// The cases and values of one scope's questionnaires and follow-ups.
    struct Qualite {
        /// Respondents and satisfied, by sex then everybody.
        var satisfaction: [(repondants: (nombre: Int, cas: Int), satisfaits: (nombre: Int, cas: Int))] = []
        /// Per question, per level of the scale.
        var questions: [[(nombre: Int, cas: Int)]] = []
        /// Per delay: per sex then everybody, the columns of ``colonnesSuivi``.
        var suivis: [(delai: Int, lignes: [[(nombre: Int, cas: Int)]])] = []
        var temoignages: [TemoignagePublie] = []
        var parNom: [(nom: String, cas: Int)] = []
        /// Has facts outside its cohorts (its figures are not the sum of its cohorts').
        var horsCohortes = false

        var toutes: [Int] { parNom.map(\.cas) }
    }

    /// How many questionnaires or follow-ups `elements` stand for (each says how many it counts).
    static func compte<T>(_ elements: [T], _ nombre: KeyPath<T, Int>) -> Int { elements.reduce(0) { $0 + $1[keyPath: nombre] } }

    /// The columns of a follow-up line: followed, each situation, part-time, matching the training.
    static var colonnesSuivi: [String] { ["suivis"] + SituationApresAction.allCases.map(\.libelle) + ["dont temps partiel", "dont en lien avec la formation"] }

    mutating func construireQualite(_ f: FaitsQualite, horsCohortes: Bool, prefixe: String) -> Qualite {
        var q = Qualite()
        q.horsCohortes = horsCohortes
        q.temoignages = f.temoignages
        func ajouter(_ nom: String, _ libelle: String, _ valeur: Int) -> (nombre: Int, cas: Int) {
            let cas = tableaux.ajouter(prefixe + libelle, valeur: valeur)
            q.parNom.append((nom, cas))
            return (valeur, cas)
        }
        let sexes: [Sexe?] = Sexe.allCases + [nil]
        if !f.reponses.isEmpty {
            q.satisfaction = sexes.map { sexe in
                let reponses = f.reponses.filter { sexe == nil || $0.sexe == sexe }
                let nom = sexe?.libelle ?? "ensemble"
                let r = ajouter("satisfaction|\(nom)|répondants", "questionnaires, \(nom), répondants", Self.compte(reponses, \.nombre))
                let s = ajouter("satisfaction|\(nom)|satisfaits", "questionnaires, \(nom), satisfaits",
                                Self.compte(reponses.filter { QuestionnaireSatisfaction.satisfait($0.notes.first ?? nil) }, \.nombre))
                tableaux.relier(.auPlus([s.cas], [r.cas]))
                return (r, s)
            }
            for colonne in 0..<2 {
                let cases = q.satisfaction.map { colonne == 0 ? $0.repondants.cas : $0.satisfaits.cas }
                tableaux.relier(.somme(Array(cases.dropLast()), total: cases.last!))
            }
            let ensemble = q.satisfaction.last!
            q.questions = QuestionnaireSatisfaction.questions.indices.map { k in
                let niveaux = QuestionnaireSatisfaction.echelle.indices.map { n in
                    ajouter("question|\(k)|\(n)", "question \(k + 1), « \(QuestionnaireSatisfaction.echelle[n]) »",
                            Self.compte(f.reponses.filter { $0.notes.count > k && $0.notes[k] == n + 1 }, \.nombre))
                }
                tableaux.relier(.auPlus(niveaux.map(\.cas), [ensemble.repondants.cas]))
                return niveaux
            }
            tableaux.relier(.somme([q.questions[0][2].cas, q.questions[0][3].cas], total: ensemble.satisfaits.cas))
        }
        for delai in Set(f.suivis.map(\.delaiMois)).sorted() {
            let suivis = f.suivis.filter { $0.delaiMois == delai }
            let lignes = sexes.map { sexe -> [(nombre: Int, cas: Int)] in
                let l = suivis.filter { sexe == nil || $0.sexe == sexe }
                let nom = "suivi \(delai) mois|\(sexe?.libelle ?? "ensemble")"
                let valeurs = [Self.compte(l, \.nombre)] + SituationApresAction.allCases.map { s in Self.compte(l.filter { $0.situation == s }, \.nombre) }
                    + [Self.compte(l.filter { $0.situation == .emploi && $0.tempsPartiel }, \.nombre),
                       Self.compte(l.filter { $0.situation.positive && $0.enLien }, \.nombre)]
                let cases = zip(Self.colonnesSuivi, valeurs).map { colonne, valeur in
                    ajouter("\(nom)|\(colonne)", "suivi à \(delai) mois, \(sexe?.libelle ?? "ensemble"), \(colonne)", valeur)
                }
                let emploi = 1 + SituationApresAction.allCases.firstIndex(of: .emploi)!
                let formation = 1 + SituationApresAction.allCases.firstIndex(of: .formation)!
                tableaux.relier(.somme(cases[1...SituationApresAction.allCases.count].map(\.cas), total: cases[0].cas))
                tableaux.relier(.auPlus([cases[cases.count - 2].cas], [cases[emploi].cas]))
                tableaux.relier(.auPlus([cases[cases.count - 1].cas], [cases[emploi].cas, cases[formation].cas]))
                return cases
            }
            for colonne in Self.colonnesSuivi.indices {
                tableaux.relier(.somme(lignes.dropLast().map { $0[colonne].cas }, total: lignes.last![colonne].cas))
            }
            q.suivis.append((delai, lignes))
        }
        return q
    }

    /// Between scopes: inside at most outside; the sum when scopes inside split it exactly.
    mutating func lierLesQualites() {
        let avec = publies.indices.filter { !perimetres[$0].qualite.parNom.isEmpty }
        for p in avec {
            let ensemble = Set(publies[p].cohortes)
            let parent = perimetres[p].qualite
            let casParent = Dictionary(parent.parNom.map { ($0.nom, $0.cas) }, uniquingKeysWith: { a, _ in a })
            let dedans = avec.filter { $0 != p && Set(publies[$0].cohortes).isSubset(of: ensemble) }
            for q in dedans {
                for (nom, petit) in perimetres[q].qualite.parNom {
                    if let grand = casParent[nom] { tableaux.relier(.auPlus([petit], [grand])) }
                }
            }
            guard !parent.horsCohortes else { continue }
            let maximaux = dedans.filter { q in !dedans.contains { r in r != q && Set(publies[q].cohortes).isStrictSubset(of: Set(publies[r].cohortes)) } }
            let couverts = maximaux.flatMap { publies[$0].cohortes }
            guard !maximaux.isEmpty, couverts.count == Set(couverts).count, Set(couverts) == ensemble else { continue }
            for (nom, grand) in parent.parNom {
                // A name missing inside is a zero there.
                let petits = maximaux.compactMap { e in perimetres[e].qualite.parNom.first { $0.nom == nom }?.cas }
                tableaux.relier(.somme(petits, total: grand))
            }
        }
    }
}
