/// The activity review's figures and what ties them (décision 48):
/// - each breakdown of beneficiaries (levels of hours, sexes, age bands, minors and adults, the
///   histogram of hours) adds up to the beneficiaries; each level of hours is a sum of classes;
/// - people who came several times are at most the beneficiaries, and beneficiaries plus them at
///   most the visits;
/// - by kind of activity and by place: beneficiaries at most the visits, at most everybody, and
///   everybody at most their sum; the visits add up to all visits; an accompaniment lasts at least
///   5 minutes, so 5 × its beneficiaries ≤ its minutes (published in tenths of hours);
/// - accompaniments by thématique are at most the accompaniments;
/// - somebody who came to a cohort started an inscription of the scope.
extension TableauxConjoints {
    /// One kind of activity or one place: its beneficiaries, visits and hours.
    struct GroupeActivite {
        var libelle: String
        var beneficiaires: (nombre: Int, cas: Int)
        var passages: (nombre: Int, cas: Int)
        var minutes: Int
        /// Tenths of hours, not a count of people.
        var heures: Int
    }

    /// One breakdown of the beneficiaries.
    struct RubriqueActivite {
        var id: String
        var libelles: [String]
        var nombres: [Int]
        var cases: [Int]
    }

    /// The activity review's cases.
    struct Activite {
        var total: Int
        /// « heures », « sexe », « âge », « majorité », « histogramme », in that order.
        var rubriques: [RubriqueActivite]
        var plusieursFois: (nombre: Int, cas: Int)
        var passages: (nombre: Int, cas: Int)
        var heures: Int
        var types: [GroupeActivite]
        var lieux: [GroupeActivite]
        var thematiques: [(thematique: ThematiqueCoop, nombre: Int, cas: Int)]
        /// Somebody came to an accompaniment (not only to cohorts).
        var avecAccompagnements: Bool
        /// Every case, by a name shared between scopes.
        var parNom: [(nom: String, cas: Int)]

        func rubrique(_ id: String) -> RubriqueActivite { rubriques.first { $0.id == id }! }
        /// Every case of the review.
        var toutes: [Int] { parNom.map(\.cas) }
    }

    mutating func construireActivite(_ a: ActivitePeriode, prefixe: String, perimetre p: Perimetre, croises: [Croisement]) -> Activite {
        var noms: [(nom: String, cas: Int)] = []
        func ajouter(_ nom: String, _ libelle: String, valeur: Int, sensible: Bool = true, entier: Bool = true) -> Int {
            let cas = tableaux.ajouter(prefixe + libelle, valeur: valeur, sensible: sensible, entier: entier)
            noms.append((nom, cas))
            return cas
        }
        let total = ajouter("total", "bénéficiaires", valeur: a.beneficiaires.count)
        func nombres(_ n: Int, _ rang: (ActiviteBeneficiaire) -> Int) -> [Int] {
            var nombres = [Int](repeating: 0, count: n)
            for b in a.beneficiaires { nombres[rang(b)] += 1 }
            return nombres
        }
        let annee = anneeReference
        let definitions: [(String, [String], [Int])] = [
            ("heures", BilanActivite.libellesHeures, nombres(3) { BilanActivite.rangHeures(minutes: $0.minutes) }),
            ("sexe", Sexe.allCases.map(\.libelle), nombres(Sexe.allCases.count) { Sexe.allCases.firstIndex(of: $0.sexe)! }),
            ("âge", tranches.libelles, nombres(tranches.libelles.count) { tranches.rang(naissances: $0.naissance, anneeReference: annee) }),
            ("majorité", TranchesAge.libellesMajorite, nombres(3) { TranchesAge.rangMajorite(naissances: $0.naissance, anneeReference: annee) }),
            ("histogramme", BilanActivite.classesHistogramme.map(\.libelle),
             nombres(BilanActivite.classesHistogramme.count) { BilanActivite.classeHistogramme(minutes: $0.minutes) }),
        ]
        let rubriques = definitions.map { id, libelles, valeurs in
            let cases = zip(libelles, valeurs).map { libelle, valeur in
                ajouter("\(id)|\(libelle)", "bénéficiaires : " + (libelle == TranchesAge.nonCommunique ? "\(id) non communiqué" : id == "histogramme" ? "\(libelle) passées" : libelle),
                        valeur: valeur)
            }
            tableaux.relier(.somme(cases, total: total))
            return RubriqueActivite(id: id, libelles: libelles, nombres: valeurs, cases: cases)
        }
        // Each level of hours is a sum of classes of the histogram (both start at 3 h and 10 h).
        let classes = rubriques[4].cases
        for (niveau, indices) in [(0, 0...1), (1, 2...3), (2, 4...7)] {
            tableaux.relier(.somme(indices.map { classes[$0] }, total: rubriques[0].cases[niveau]))
        }
        let nombrePlusieurs = a.beneficiaires.filter { $0.seances > 1 }.count
        let plusieurs = ajouter("plusieurs", "bénéficiaires venus plusieurs fois", valeur: nombrePlusieurs)
        let nombrePassages = a.beneficiaires.map(\.seances).reduce(0, +)
        let passages = ajouter("passages", "passages (visites et séances suivies)", valeur: nombrePassages)
        let minutes = a.beneficiaires.map(\.minutes).reduce(0, +)
        let heures = ajouter("heures", "heures passées par les bénéficiaires", valeur: Self.dixiemes(minutes), sensible: false, entier: false)
        tableaux.relier(.auPlus([plusieurs], [total]))
        tableaux.relier(.auPlus([total, plusieurs], [passages]))

        func groupes(_ rubrique: String, _ cles: [String], libelle: (String) -> String, accompagnement: (String) -> Bool,
                     part: (ActiviteBeneficiaire, String) -> ActiviteBeneficiaire.Part?) -> [GroupeActivite] {
            let resultat = cles.compactMap { cle -> GroupeActivite? in
                let parts = a.beneficiaires.compactMap { part($0, cle) }.filter { $0.passages > 0 }
                guard !parts.isEmpty else { return nil }
                let nom = libelle(cle)
                let m = parts.map(\.minutes).reduce(0, +), v = parts.map(\.passages).reduce(0, +)
                let g = GroupeActivite(
                    libelle: nom,
                    beneficiaires: (parts.count, ajouter("\(rubrique)|\(nom)|bénéficiaires", "\(nom), bénéficiaires", valeur: parts.count)),
                    passages: (v, ajouter("\(rubrique)|\(nom)|passages", "\(nom), passages", valeur: v)),
                    minutes: m,
                    heures: ajouter("\(rubrique)|\(nom)|heures", "\(nom), heures", valeur: Self.dixiemes(m), sensible: false, entier: false))
                tableaux.relier(.auPlus([g.beneficiaires.cas], [g.passages.cas]))
                tableaux.relier(.auPlus([g.beneficiaires.cas], [total]))
                if accompagnement(cle) {
                    // 5 minutes at least each: 5 × people ≤ minutes ≤ 6 × tenths + 3.
                    tableaux.relier(TableauxPublies.Relation(termes: [.init(cas: g.beneficiaires.cas, coefficient: 5), .init(cas: g.heures, coefficient: -6)],
                                                             minimum: nil, maximum: 3))
                }
                return g
            }
            if !resultat.isEmpty {
                tableaux.relier(.auPlus([total], resultat.map(\.beneficiaires.cas)))
                tableaux.relier(.somme(resultat.map(\.passages.cas), total: passages))
            }
            return resultat
        }
        let types = groupes("type", TypeActivite.allCases.map(\.rawValue), libelle: { TypeActivite(rawValue: $0)!.libelle },
                            accompagnement: { $0 != TypeActivite.cohorte.rawValue },
                            part: { b, cle in b.part(TypeActivite(rawValue: cle)!) })
        let cleLieux = Set(a.beneficiaires.flatMap(\.parLieu.keys))
        let minutesLieu = Dictionary(grouping: a.beneficiaires.flatMap { $0.parLieu.map { ($0.key, $0.value.minutes) } }, by: \.0).mapValues { $0.map(\.1).reduce(0, +) }
        let lieux = groupes("lieu", cleLieux.sorted { (minutesLieu[$0] ?? 0, $1) > (minutesLieu[$1] ?? 0, $0) }, libelle: { $0 },
                            accompagnement: { _ in false }, part: { b, cle in b.parLieu[cle] })
        let accompagnements = types.filter { $0.libelle != TypeActivite.cohorte.libelle }
        let thematiques = ThematiqueCoop.allCases.compactMap { t -> (ThematiqueCoop, Int, Int)? in
            guard let n = a.thematiques[t], n > 0 else { return nil }
            let cas = ajouter("thématique|\(t.rawValue)", "accompagnements « \(t.libelle) »", valeur: n)
            tableaux.relier(.auPlus([cas], accompagnements.map(\.passages.cas)))
            return (t, n, cas)
        }
        // Somebody who came to a cohort started an inscription of the scope (the relation is left
        // out, and counted, where the base says otherwise: a séance outside its cohort's dates).
        let avecAccompagnements = !accompagnements.isEmpty
        if let cohortes = types.first(where: { $0.libelle == TypeActivite.cohorte.libelle }) {
            tableaux.relier(.auPlus([cohortes.beneficiaires.cas], [p.ligneEnsemble.commences]))
        }
        if !avecAccompagnements {
            for s in Sexe.allCases.indices { tableaux.relier(.auPlus([rubriques[1].cases[s]], [p.lignesTotaux[s].commences])) }
            if croises.contains(.age), let lignes = p.lignesSous[.age] {
                let n = tranches.libelles.count
                for i in 0..<n {
                    tableaux.relier(.auPlus([rubriques[2].cases[i]], Sexe.allCases.indices.map { lignes[$0 * n + i].commences }))
                }
            }
        }
        return Activite(total: total, rubriques: rubriques, plusieursFois: (nombrePlusieurs, plusieurs), passages: (nombrePassages, passages),
                        heures: heures, types: types, lieux: lieux, thematiques: thematiques, avecAccompagnements: avecAccompagnements, parNom: noms)
    }

    /// Activity reviews: a scope's figures include those of every scope inside it, and, when it has
    /// no accompaniment, are at most the sum of its cohorts' (a person can come to two cohorts).
    mutating func lierLesActivites(perimetreDeCohorte: [Int: Int]) {
        let avec = publies.indices.filter { perimetres[$0].activite != nil }
        for p in avec {
            let ensemble = Set(publies[p].cohortes)
            let parent = perimetres[p].activite!
            let casParent = Dictionary(parent.parNom.map { ($0.nom, $0.cas) }, uniquingKeysWith: { a, _ in a })
            for q in avec where q != p && Set(publies[q].cohortes).isSubset(of: ensemble) {
                for (nom, petit) in perimetres[q].activite!.parNom {
                    if let grand = casParent[nom] { tableaux.relier(.auPlus([petit], [grand])) }
                }
            }
            let enfants = publies[p].cohortes.compactMap { perimetreDeCohorte[$0] }.filter { $0 != p && perimetres[$0].activite != nil }
            guard !parent.avecAccompagnements, publies[p].cohortes.count > 1, enfants.count == publies[p].cohortes.count else { continue }
            for (nom, grand) in parent.parNom where nom != "heures" && !nom.hasSuffix("|heures") {
                let petits = enfants.compactMap { e in perimetres[e].activite!.parNom.first { $0.nom == nom }?.cas }
                tableaux.relier(.auPlus([grand], petits))
            }
        }
    }
}
