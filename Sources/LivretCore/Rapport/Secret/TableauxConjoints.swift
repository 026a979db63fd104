/// Every figure that the reports of one publication show — each scope (structure, parcours,
/// cohorts) in each of its breakdowns, with its drop-out reasons, exits, objectives, hours and
/// activity review — as one ``TableauxPublies``, with every relation a reader knows, within a
/// report and between reports:
/// - in a line: commencés ≤ inscrits, terminés + abandons ≤ commencés, certifiés ≤ inscrits,
///   and on « ensemble » certifiés ≤ compétences ≤ 16 × certifiés;
/// - in a column: the sub-rows of a sex add up to that sex, the four sexes to « ensemble »; the lines
///   of sex and « ensemble » are one set of figures whatever the breakdown (shown once, counted once);
/// - between scopes: a scope is the sum of its cohorts (lines of sex and « ensemble », reasons,
///   exits, objectives); a scope's sub-rows are the sum of the scopes that split it, and at least
///   those of any scope inside it;
/// - reasons add up to drop-outs, exits at most the inscriptions, an objective achieved at most its
///   group and at most the certified;
/// - planned hours (published to 0.1 h) are Σ over cohorts of minutes per inscription × inscriptions,
///   attended hours at most that: competences and hours are published for « ensemble » only (by sex
///   or sub-row they would tie counts through a factor — up to 16 competences a person, each
///   cohort's length —, a hard and revealing arithmetic: décision 44); the share of
///   hours attended (assiduité) is published on every line whose count is, and says no count;
/// - the activity review's breakdowns add up to its beneficiaries, a sex or age band's beneficiaries
///   are at most its inscriptions started, a cohort's at most its scope's and a scope's at most the
///   sum of its cohorts'.
struct TableauxConjoints {
    /// The cases of one line.
    struct Ligne {
        var inscrits, commences, termines, abandons, certifies: Int
        /// Competences certified, planned and attended hours in tenths (nil: not published on this line).
        var competences, heuresPrevues, heuresSuivies: Int?
        /// The counts of people, in the order of ``TableauxConjoints/colonnes``.
        var colonnes: [Int] { [inscrits, commences, termines, abandons, certifies] }
        /// Every case of the line.
        var toutes: [Int] { colonnes + [competences, heuresPrevues, heuresSuivies].compactMap { $0 } }
    }

    /// One scope's figures: values and cases.
    struct Perimetre {
        var totaux: [CalculRapport.Somme] = []
        var ensemble = CalculRapport.Somme()
        var sous: [Croisement: [CalculRapport.Somme]] = [:]
        var lignesTotaux: [Ligne] = []
        var ligneEnsemble = Ligne(inscrits: 0, commences: 0, termines: 0, abandons: 0, certifies: 0)
        var lignesSous: [Croisement: [Ligne]] = [:]
        var motifs: [(motif: String, nombre: Int, cas: Int)] = []
        var sorties: [(nombre: Int, cas: Int)] = []
        var objectifs: [(objectif: ObjectifRealise, realise: Int, effectif: Int)] = []
        var horsStatistiques = 0
        var activite: Activite?
        var qualite = Qualite()
        /// The lines of sex, then « ensemble ».
        var principales: [Ligne] { lignesTotaux + [ligneEnsemble] }
    }

    var tableaux = TableauxPublies()
    var perimetres: [Perimetre] = []
    let publies: [PerimetrePublie]
    let tranches: TranchesAge
    let anneeReference: Int

    /// The counts of a line.
    static let colonnes = ["inscrits", "commencés", "terminés", "abandons", "certifiés"]

    init(cohortes: [FaitsCohorte], perimetres publies: [PerimetrePublie], tranches: TranchesAge, anneeReference: Int) {
        self.publies = publies
        self.tranches = tranches
        self.anneeReference = anneeReference
        var rangee = 0
        // The scope that is exactly one cohort, when published.
        var perimetreDeCohorte: [Int: Int] = [:]
        for (p, publie) in publies.enumerated() where publie.cohortes.count == 1 && perimetreDeCohorte[publie.cohortes[0]] == nil {
            perimetreDeCohorte[publie.cohortes[0]] = p
        }
        for publie in publies { perimetres.append(construire(publie, cohortes: cohortes, rangee: &rangee)) }
        lierAuxCohortes(perimetreDeCohorte: perimetreDeCohorte)
        lierLesSousLignes()
        lierLesHeures(cohortes: cohortes, perimetreDeCohorte: perimetreDeCohorte)
        lierLesActivites(perimetreDeCohorte: perimetreDeCohorte)
        lierLesQualites()
    }

    /// The sub-categories of a breakdown, in order.
    func sousCategories(_ croisement: Croisement) -> [String?] {
        switch croisement {
        case .aucun: [nil]
        case .age: tranches.libelles
        case .qpv: ResidenceQPV.allCases.map(\.libelle)
        case .statut: StatutSocial.allCases.map(\.libelle)
        }
    }

    func rang(_ g: GroupeStatistique, _ croisement: Croisement) -> Int {
        switch croisement {
        case .aucun: 0
        case .age: tranches.rang(anneeNaissance: g.anneeNaissance, anneeReference: anneeReference)
        case .qpv: ResidenceQPV.allCases.firstIndex(of: g.qpv)!
        case .statut: StatutSocial.allCases.firstIndex(of: g.statut)!
        }
    }

    // MARK: - One scope

    private mutating func construire(_ publie: PerimetrePublie, cohortes: [FaitsCohorte], rangee: inout Int) -> Perimetre {
        let sexes = Sexe.allCases
        var p = Perimetre()
        p.totaux = Array(repeating: CalculRapport.Somme(), count: sexes.count)
        let croises = publie.croisements.filter { $0 != .aucun }
        for k in croises { p.sous[k] = Array(repeating: CalculRapport.Somme(), count: sexes.count * sousCategories(k).count) }
        var motifs: [String: Int] = [:]
        var sorties = [Int](repeating: 0, count: TypeSortie.allCases.count)
        var objectifs: [ObjectifRealise] = []
        for c in publie.cohortes {
            for g in cohortes[c].groupes {
                let s = sexes.firstIndex(of: g.sexe)!
                for k in croises where g.marge == nil || g.marge == k { p.sous[k]![s * sousCategories(k).count + rang(g, k)].ajouter(g) }
                guard g.marge == nil || g.marge == .aucun else { continue }
                p.totaux[s].ajouter(g)
                p.ensemble.ajouter(g)
                for (motif, n) in g.motifsAbandon { motifs[motif, default: 0] += n }
                for (type, n) in g.sorties { sorties[TypeSortie.allCases.firstIndex(of: TypeSortie(rawValue: type) ?? .autre)!] += n }
            }
            for o in cohortes[c].objectifs {
                if let k = objectifs.firstIndex(where: { $0.parcours == o.parcours && $0.libelle == o.libelle && $0.vise == o.vise && $0.effectifVise == o.effectifVise }) {
                    objectifs[k].realise += o.realise
                    objectifs[k].effectifReel += o.effectifReel
                } else {
                    objectifs.append(o)
                }
            }
            p.horsStatistiques += cohortes[c].horsStatistiques
        }
        let prefixe = publie.perimetre.libelle + " : "
        // Competences and hours only on « ensemble »: by sex or sub-row they would tie counts through
        // a factor (up to 16 competences a person, each cohort's length), a hard and revealing arithmetic.
        func ligne(_ s: CalculRapport.Somme, _ libelle: String, ensemble: Bool) -> Ligne {
            defer { rangee += 1 }
            let valeurs = [s.inscrits, s.commences, s.termines, s.abandons, s.certifies]
            let cases = zip(Self.colonnes, valeurs).map { colonne in
                tableaux.ajouter(prefixe + libelle + ", " + colonne.0, valeur: colonne.1, rangee: rangee)
            }
            let l = Ligne(inscrits: cases[0], commences: cases[1], termines: cases[2], abandons: cases[3], certifies: cases[4],
                          competences: ensemble ? tableaux.ajouter(prefixe + libelle + ", compétences certifiées", valeur: s.competences,
                                                                 sensible: false, rangee: rangee) : nil,
                          heuresPrevues: ensemble ? tableaux.ajouter(prefixe + libelle + ", heures prévues", valeur: Self.dixiemes(s.minutesPrevues),
                                                                   sensible: false, entier: false, rangee: rangee) : nil,
                          heuresSuivies: ensemble ? tableaux.ajouter(prefixe + libelle + ", heures suivies", valeur: Self.dixiemes(s.minutesSuivies),
                                                                   sensible: false, entier: false, rangee: rangee) : nil)
            tableaux.relier(.auPlus([l.commences], [l.inscrits]))
            tableaux.relier(.auPlus([l.termines, l.abandons], [l.commences]))
            tableaux.relier(.auPlus([l.certifies], [l.inscrits]))
            if let competences = l.competences {
                tableaux.relier(.auPlus([l.certifies], [competences]))
                tableaux.relier(.auPlus([competences], [l.certifies], facteur: 16))
            }
            return l
        }
        let avecCroisement = !croises.isEmpty
        p.lignesTotaux = sexes.indices.map { ligne(p.totaux[$0], sexes[$0].libelle + (avecCroisement ? " (toutes catégories)" : ""), ensemble: false) }
        p.ligneEnsemble = ligne(p.ensemble, "ensemble", ensemble: true)
        for k in croises {
            let sous = sousCategories(k)
            // « non communiqué » exists in every breakdown: named with its breakdown, every figure has one name.
            let nomme = { (libelle: String) in libelle == "non communiqué" ? "\(Self.nomDuCroisement(k)) non communiqué" : libelle }
            p.lignesSous[k] = p.sous[k]!.indices.map { i in
                ligne(p.sous[k]![i], sexes[i / sous.count].libelle + " — " + nomme(sous[i % sous.count] ?? ""), ensemble: false)
            }
            for s in sexes.indices {
                for colonne in Self.colonnes.indices {
                    tableaux.relier(.somme((0..<sous.count).map { p.lignesSous[k]![s * sous.count + $0].colonnes[colonne] },
                                           total: p.lignesTotaux[s].colonnes[colonne]))
                }
            }
        }
        for colonne in Self.colonnes.indices {
            tableaux.relier(.somme(p.lignesTotaux.map { $0.colonnes[colonne] }, total: p.ligneEnsemble.colonnes[colonne]))
        }
        p.motifs = motifs.keys.sorted().map { ($0, motifs[$0]!, tableaux.ajouter(prefixe + "abandons pour le motif « \($0) »", valeur: motifs[$0]!)) }
        if !p.motifs.isEmpty { tableaux.relier(.somme(p.motifs.map(\.cas), total: p.ligneEnsemble.abandons)) }
        p.sorties = TypeSortie.allCases.enumerated().map { (sorties[$0.offset], tableaux.ajouter(prefixe + "sorties : \($0.element.libelle)", valeur: sorties[$0.offset])) }
        tableaux.relier(.auPlus(p.sorties.map(\.cas), [p.ligneEnsemble.inscrits]))
        p.objectifs = objectifs.map { o in
            let r = tableaux.ajouter(prefixe + "\(o.parcours) — \(o.libelle), réalisé", valeur: o.realise)
            let e = tableaux.ajouter(prefixe + "\(o.parcours) — \(o.libelle), effectif", valeur: o.effectifReel)
            tableaux.relier(.auPlus([r], [e]))
            tableaux.relier(.auPlus([r], [p.ligneEnsemble.certifies]))
            tableaux.relier(.auPlus([e], [p.ligneEnsemble.inscrits]))
            return (o, r, e)
        }
        if let activite = publie.activite { p.activite = construireActivite(activite, prefixe: prefixe, perimetre: p, croises: croises) }
        p.qualite = construireQualite(publie.cohortes.map { cohortes[$0].qualite }.reduce(publie.qualiteHorsCohortes, +),
                                      horsCohortes: !publie.qualiteHorsCohortes.estVide, prefixe: prefixe)
        return p
    }

    // MARK: - Between scopes

    /// A scope's lines of sex and « ensemble », reasons, exits and objectives are the sums of its cohorts'.
    private mutating func lierAuxCohortes(perimetreDeCohorte: [Int: Int]) {
        for (p, publie) in publies.enumerated() {
            let enfants = publie.cohortes.compactMap { perimetreDeCohorte[$0] }.filter { $0 != p }
            guard publie.cohortes.count > 1 || enfants.count == 1, enfants.count == publie.cohortes.count else { continue }
            let parent = perimetres[p]
            for (l, ligne) in parent.principales.enumerated() {
                for colonne in Self.colonnes.indices {
                    tableaux.relier(.somme(enfants.map { perimetres[$0].principales[l].colonnes[colonne] }, total: ligne.colonnes[colonne]))
                }
            }
            if let competences = parent.ligneEnsemble.competences {
                tableaux.relier(.somme(enfants.compactMap { perimetres[$0].ligneEnsemble.competences }, total: competences))
            }
            for m in parent.motifs {
                tableaux.relier(.somme(enfants.compactMap { e in perimetres[e].motifs.first { $0.motif == m.motif }?.cas }, total: m.cas))
            }
            for (t, sortie) in parent.sorties.enumerated() { tableaux.relier(.somme(enfants.map { perimetres[$0].sorties[t].cas }, total: sortie.cas)) }
            for o in parent.objectifs {
                let memes = enfants.compactMap { e in perimetres[e].objectifs.first { Self.meme($0.objectif, o.objectif) } }
                tableaux.relier(.somme(memes.map(\.realise), total: o.realise))
                tableaux.relier(.somme(memes.map(\.effectif), total: o.effectif))
            }
        }
    }

    static func meme(_ a: ObjectifRealise, _ b: ObjectifRealise) -> Bool {
        a.parcours == b.parcours && a.libelle == b.libelle && a.vise == b.vise && a.effectifVise == b.effectifVise
    }

    /// Sub-rows of a breakdown: a scope is the sum of the largest scopes inside it when they split it
    /// exactly, and at least each scope inside it otherwise.
    private mutating func lierLesSousLignes() {
        for k in Croisement.allCases where k != .aucun {
            let avec = publies.indices.filter { perimetres[$0].lignesSous[k] != nil }
            for p in avec {
                let ensemble = Set(publies[p].cohortes)
                let dedans = avec.filter { $0 != p && Set(publies[$0].cohortes).isStrictSubset(of: ensemble) }
                let maximaux = dedans.filter { q in !dedans.contains { r in r != q && Set(publies[q].cohortes).isStrictSubset(of: Set(publies[r].cohortes)) } }
                let couverts = maximaux.flatMap { publies[$0].cohortes }
                let partition = !maximaux.isEmpty && couverts.count == Set(couverts).count && Set(couverts) == ensemble
                let lignes = perimetres[p].lignesSous[k]!
                for (i, ligne) in lignes.enumerated() {
                    for colonne in Self.colonnes.indices {
                        if partition {
                            tableaux.relier(.somme(maximaux.map { perimetres[$0].lignesSous[k]![i].colonnes[colonne] }, total: ligne.colonnes[colonne]))
                        }
                        for q in dedans { tableaux.relier(.auPlus([perimetres[q].lignesSous[k]![i].colonnes[colonne]], [ligne.colonnes[colonne]])) }
                    }
                }
            }
        }
    }

    /// Hours published (to 0.1 h) on a line of sex or « ensemble »: planned = Σ over cohorts of minutes
    /// per inscription × the cohort's inscriptions on that line, attended at most the greatest such sum.
    private mutating func lierLesHeures(cohortes: [FaitsCohorte], perimetreDeCohorte: [Int: Int]) {
        for (p, publie) in publies.enumerated() {
            guard perimetres[p].ligneEnsemble.heuresPrevues != nil else { continue }
            // Where a cohort has no report of its own, its inscriptions on the line are unknown: the
            // scope's line is then tied as one cohort whose minutes per inscription lie between the
            // least and the greatest of its cohorts' (what Σ H_c × I_c allows when the I_c are unknown).
            let propres = publie.cohortes.count == 1 || publie.cohortes.allSatisfy { perimetreDeCohorte[$0] != nil }
            let sources = propres ? publie.cohortes.map { perimetreDeCohorte[$0] ?? p } : [p]
            let poids = propres ? publie.cohortes.map { cohortes[$0].minutesParInscription }
                : [(minimum: publie.cohortes.map { cohortes[$0].minutesParInscription.minimum }.min() ?? 0,
                    maximum: publie.cohortes.map { cohortes[$0].minutesParInscription.maximum }.max() ?? 0)]
            for (l, ligne) in perimetres[p].principales.enumerated() {
                guard let prevues = ligne.heuresPrevues, let suivies = ligne.heuresSuivies else { continue }
                let bas = zip(poids, sources).map { (cas: perimetres[$1].principales[l].inscrits, poids: $0.minimum) }
                let haut = zip(poids, sources).map { (cas: perimetres[$1].principales[l].inscrits, poids: $0.maximum) }
                // Planned: Σ bas − 3 ≤ 6 × published and 6 × published ≤ Σ haut + 3; attended: 6 × published ≤ Σ haut + 3.
                tableaux.relier(TableauxPublies.Relation(termes: bas.map { TableauxPublies.Relation.Terme(cas: $0.cas, coefficient: $0.poids) } + [TableauxPublies.Relation.Terme(cas: prevues, coefficient: -6)],
                                                         minimum: nil, maximum: 3))
                tableaux.relier(.auMoinsArrondi(haut, arrondi: prevues, pas: 6, marge: 3))
                tableaux.relier(.auMoinsArrondi(haut, arrondi: suivies, pas: 6, marge: 3))
            }
        }
    }

    /// What a breakdown is by, in a word (« âge »).
    static func nomDuCroisement(_ k: Croisement) -> String {
        switch k {
        case .aucun: "sexe"
        case .age: "âge"
        case .qpv: "QPV"
        case .statut: "statut"
        }
    }

    /// Minutes as tenths of an hour, rounded as published.
    static func dixiemes(_ minutes: Int) -> Int { Int((Double(minutes) / 6).rounded()) }
}
