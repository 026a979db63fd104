/// One fact of an extract as the network's report reads it: the inscriptions of one parcours and
/// one sex in one sub-category of one breakdown, already counted by Core's rules (``Decompte``,
/// certification, consent) when the extract is imported; or, for the other rubriques, how many
/// drop-outs, outcomes, follow-ups and satisfaction answers of that parcours and sex carry one label.
///
/// The stores keep these facts beside the records and only add them up (`SUM … GROUP BY`): the
/// report of a national network reads some ten thousand rows, not millions (décision 62). A
/// network's report is published by breakdown (``Croisement``): it never needs two categories
/// other than sex together, so each breakdown's margin is kept, not the full cross of categories.
public struct FaitReseau: Sendable, Equatable, Hashable, Codable {
    /// What a fact counts.
    public enum Rubrique: String, Sendable, Codable, CaseIterable {
        /// Inscriptions by sex (``FaitReseau/valeur`` empty).
        case ensemble
        /// Inscriptions by sex and age band (the band's label).
        case age
        /// Inscriptions by sex and QPV residence (raw value of ``ResidenceQPV``).
        case qpv
        /// Inscriptions by sex and social status (raw value of ``StatutSocial``).
        case statut
        /// Inscriptions by number of certified Pix competences (« 0 », « 3 »…), for the objectives.
        case competences
        /// Drop-outs by reason.
        case motif
        /// Inscriptions by positive outcome (raw value of ``TypeSortie``).
        case sortie
        /// Follow-ups « délai:situation[:temps_partiel][:en_lien] ».
        case suivi
        /// Satisfaction questionnaires answered (``FaitReseau/valeur`` empty).
        case questionnaires
        /// Answers « k:n »: level n (1–4) to question k (from 0).
        case note

        /// The breakdown an inscription rubrique is a margin of; nil for the others.
        public var croisement: Croisement? {
            switch self {
            case .ensemble: .aucun
            case .age: .age
            case .qpv: .qpv
            case .statut: .statut
            default: nil
            }
        }
    }

    public var parcours: String
    public var sexe: Sexe
    public var rubrique: Rubrique
    public var valeur: String
    /// Inscriptions (or drop-outs, outcomes, follow-ups, questionnaires, answers: what the rubrique counts).
    public var nombre: Int
    /// For the inscription rubriques (``Rubrique/croisement`` not nil): the counts of ``GroupeStatistique``.
    public var commences: Int
    public var termines: Int
    public var abandons: Int
    public var certifies: Int
    public var competences: Int
    public var minutesPrevues: Int
    public var minutesSuivies: Int

    public init(parcours: String, sexe: Sexe, rubrique: Rubrique, valeur: String = "", nombre: Int, commences: Int = 0, termines: Int = 0,
                abandons: Int = 0, certifies: Int = 0, competences: Int = 0, minutesPrevues: Int = 0, minutesSuivies: Int = 0) {
        self.parcours = parcours
        self.sexe = sexe
        self.rubrique = rubrique
        self.valeur = valeur
        self.nombre = nombre
        self.commences = commences
        self.termines = termines
        self.abandons = abandons
        self.certifies = certifies
        self.competences = competences
        self.minutesPrevues = minutesPrevues
        self.minutesSuivies = minutesSuivies
    }

    /// What identifies a fact (its counts set aside): facts with the same key add up.
    public struct Cle: Sendable, Hashable, Comparable {
        public var parcours: String
        public var sexe: Sexe
        public var rubrique: Rubrique
        public var valeur: String

        public static func < (a: Cle, b: Cle) -> Bool {
            (a.parcours, a.sexe.rawValue, a.rubrique.rawValue, a.valeur) < (b.parcours, b.sexe.rawValue, b.rubrique.rawValue, b.valeur)
        }
    }

    public var cle: Cle { Cle(parcours: parcours, sexe: sexe, rubrique: rubrique, valeur: valeur) }

    /// Adds another fact's counts (same key).
    public mutating func ajouter(_ f: FaitReseau) {
        nombre += f.nombre
        commences += f.commences
        termines += f.termines
        abandons += f.abandons
        certifies += f.certifies
        competences += f.competences
        minutesPrevues += f.minutesPrevues
        minutesSuivies += f.minutesSuivies
    }

    /// Facts with the same key added up (in no particular order).
    public static func sommes(_ faits: some Sequence<FaitReseau>) -> [FaitReseau] {
        var parCle: [Cle: FaitReseau] = [:]
        for f in faits { parCle[f.cle, default: FaitReseau(parcours: f.parcours, sexe: f.sexe, rubrique: f.rubrique, valeur: f.valeur, nombre: 0)].ajouter(f) }
        return Array(parCle.values)
    }

    /// The facts of an extract: its records counted by the report's rules, the same the structure's
    /// own report applies (``RegroupementStatistique/regrouper(_:motifsAbandon:sorties:)``), then
    /// added up by breakdown (in no particular order). Records only hold people who agreed to statistics.
    public static func depuis(_ extrait: ExtraitReseau) -> [FaitReseau] {
        var parCle: [Cle: FaitReseau] = [:]
        func compter(_ parcours: String, _ sexe: Sexe, _ rubrique: Rubrique, _ valeur: String, _ n: Int = 1) {
            parCle[Cle(parcours: parcours, sexe: sexe, rubrique: rubrique, valeur: valeur),
                   default: FaitReseau(parcours: parcours, sexe: sexe, rubrique: rubrique, valeur: valeur, nombre: 0)].nombre += n
        }
        // Categories as the rules read them; the age band's number travels in place of the year of birth.
        let tranches = Set(extrait.inscriptions.map(\.trancheAge)).sorted()
        let numeroDeTranche = Dictionary(uniqueKeysWithValues: tranches.enumerated().map { ($1, $0) })
        var parParcours: [String: (inscrits: [FaitsInscriptions], motifs: [FaitsLibelles], sorties: [FaitsLibelles])] = [:]
        // Counted first by numbers (parcours, sex, question, level…), made into labelled facts once:
        // an extract holds thousands of answers and a few hundred distinct facts.
        var entiers: [CompteEntier: Int] = [:]
        var numeroDeParcours: [String: Int] = [:]
        var parcoursNumerotes: [String] = []
        for e in extrait.inscriptions {
            let p: Int
            if let n = numeroDeParcours[e.parcours] {
                p = n
            } else {
                p = parcoursNumerotes.count
                numeroDeParcours[e.parcours] = p
                parcoursNumerotes.append(e.parcours)
            }
            let c = CategoriesStatistiques(sexe: e.sexe, anneeNaissance: numeroDeTranche[e.trancheAge], qpv: e.qpv, statut: e.statut)
            parParcours[e.parcours, default: ([], [], [])].inscrits.append(
                FaitsInscriptions(categories: c, statutInscription: e.etat, venu: e.venu, competencesCertifiees: e.competencesCertifiees,
                                  accordStatistiques: true, nombre: 1, minutesPrevues: e.minutesPrevues, minutesSuivies: e.minutesSuivies))
            if let m = e.motifAbandon { parParcours[e.parcours]!.motifs.append(FaitsLibelles(categories: c, accordStatistiques: true, libelle: m, nombre: 1)) }
            for s in e.sorties { parParcours[e.parcours]!.sorties.append(FaitsLibelles(categories: c, accordStatistiques: true, libelle: s, nombre: 1)) }
            entiers[CompteEntier(parcours: p, sexe: e.sexe, rubrique: .competences, a: e.competencesCertifiees, b: 0), default: 0] += 1
            for s in e.suivis { compter(e.parcours, e.sexe, .suivi, s) }
            for notes in e.satisfaction {
                entiers[CompteEntier(parcours: p, sexe: e.sexe, rubrique: .questionnaires, a: 0, b: 0), default: 0] += 1
                for (k, n) in notes.enumerated() where n > 0 {
                    entiers[CompteEntier(parcours: p, sexe: e.sexe, rubrique: .note, a: k, b: n), default: 0] += 1
                }
            }
        }
        for (c, n) in entiers {
            let valeur = switch c.rubrique {
            case .competences: String(c.a)
            case .note: "\(c.a):\(c.b)"
            default: ""
            }
            compter(parcoursNumerotes[c.parcours], c.sexe, c.rubrique, valeur, n)
        }
        for (parcours, faits) in parParcours {
            for g in RegroupementStatistique.regrouper(faits.inscrits, motifsAbandon: faits.motifs, sorties: faits.sorties).groupes {
                let somme = FaitReseau(parcours: parcours, sexe: g.sexe, rubrique: .ensemble, nombre: g.inscrits, commences: g.commences,
                                       termines: g.termines, abandons: g.abandons, certifies: g.certifies, competences: g.competencesCertifiees,
                                       minutesPrevues: g.minutesPrevues, minutesSuivies: g.minutesSuivies)
                for (rubrique, valeur) in [(Rubrique.ensemble, ""), (.age, g.anneeNaissance.map { tranches[$0] } ?? ""), (.qpv, g.qpv.rawValue),
                                           (.statut, g.statut.rawValue)] {
                    var f = somme
                    (f.rubrique, f.valeur) = (rubrique, valeur)
                    parCle[f.cle, default: FaitReseau(parcours: parcours, sexe: g.sexe, rubrique: rubrique, valeur: valeur, nombre: 0)].ajouter(f)
                }
                for (motif, n) in g.motifsAbandon { compter(parcours, g.sexe, .motif, motif, n) }
                for (sortie, n) in g.sorties { compter(parcours, g.sexe, .sortie, sortie, n) }
            }
        }
        return Array(parCle.values)
    }

    /// A count whose label is made of numbers (certified competences, questionnaires, answers), by
    /// the parcours' number in the extract.
    private struct CompteEntier: Hashable {
        var parcours: Int
        var sexe: Sexe
        var rubrique: Rubrique
        var a: Int
        var b: Int
    }
}

/// Where a store's sum of facts belongs: one member (when structures are published) or one
/// territory (département and sous-réseau), the units a network's report is built from.
public struct UniteReseau: Sendable, Hashable, Codable, Comparable {
    /// The member, when facts are summed by structure; nil when by territory.
    public var membre: String?
    public var departement: String
    public var sousReseau: String?

    public init(membre: String?, departement: String, sousReseau: String?) {
        self.membre = membre
        self.departement = departement
        self.sousReseau = sousReseau
    }

    /// The unit of `m`'s facts.
    public init(_ m: MembreReseau, parStructure: Bool) {
        self.init(membre: parStructure ? m.nom : nil, departement: m.departement, sousReseau: m.reseau)
    }

    /// How the report names it: the structure, or « département 75 · sous-réseau ».
    public var libelle: String { membre ?? ("département \(departement)" + (sousReseau.map { " · \($0)" } ?? "")) }

    public static func < (a: UniteReseau, b: UniteReseau) -> Bool {
        (a.membre ?? "", a.departement, a.sousReseau ?? "") < (b.membre ?? "", b.departement, b.sousReseau ?? "")
    }
}

/// One row a network store gives for a period: the facts of one key added up over one unit's
/// extracts in force (`SUM … GROUP BY`). Both stores (SQLite, PostgreSQL) give exactly these rows.
public struct AgregatReseau: Sendable, Equatable, Hashable, Codable {
    public var unite: UniteReseau
    public var fait: FaitReseau

    public init(unite: UniteReseau, fait: FaitReseau) {
        self.unite = unite
        self.fait = fait
    }

    /// The rows the stores must give for these extracts (the reference of the stores' tests).
    public static func depuis(_ extraits: [(ExtraitReseau, MembreReseau)], parStructure: Bool) -> [AgregatReseau] {
        Dictionary(grouping: extraits, by: { UniteReseau($0.1, parStructure: parStructure) }).flatMap { unite, sources in
            FaitReseau.sommes(sources.flatMap { FaitReseau.depuis($0.0) }).map { AgregatReseau(unite: unite, fait: $0) }
        }.sorted { ($0.unite, $0.fait.cle) < ($1.unite, $1.fait.cle) }
    }

    /// A list (outcomes, follow-ups, thématiques) as stored in one column: sorted, « , » between.
    public static func texte(liste: [String]) -> String {
        // Most lists are empty or hold one element: nothing to sort or join.
        liste.count < 2 ? liste.first ?? "" : liste.sorted().joined(separator: ",")
    }

    /// The list back from its column.
    public static func liste(_ texte: String) -> [String] { texte.isEmpty ? [] : texte.split(separator: ",").map(String.init) }

    /// Satisfaction answers as stored: questionnaires separated by « ; », notes by « , » (0: no answer).
    public static func texte(satisfaction: [[Int]]) -> String {
        if satisfaction.isEmpty { return "" }
        return satisfaction.map { $0.map(String.init).joined(separator: ",") }.joined(separator: ";")
    }

    /// The answers back from their column.
    public static func satisfaction(_ texte: String) -> [[Int]] {
        texte.isEmpty ? [] : texte.split(separator: ";", omittingEmptySubsequences: false).map { q in
            q.split(separator: ",").map { Int($0) ?? 0 }
        }
    }
}
