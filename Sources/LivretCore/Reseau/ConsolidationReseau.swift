/// A network's report: every structure's records of a period added up, then protected **after**
/// consolidation (``PublicationConjointe``): masks are chosen on the network's own figures, never
/// summed from masked cells. The scopes published together are the network, each département,
/// each parcours and, when asked, each structure.
public enum ConsolidationReseau {
    /// The scopes of a network's publication.
    public enum Niveau: String, Sendable, CaseIterable, Codable {
        case reseau, departement, sousReseau, parcours, structure
    }

    /// The label of the whole network's scope.
    public static let libelleReseau = "tout le réseau"

    /// The publication of a period, and the label of each scope (same order as its ``PublicationConjointe/perimetres``).
    public struct Resultat: Sendable {
        public var publication: PublicationConjointe
        /// Scope label → index in the publication (scopes with the same records share one index).
        public var index: [String: Int]
        /// Labels in publication order, by level.
        public var perimetres: [(niveau: Niveau, libelle: String)]
        public var horsStatistiques: Int
        /// Members (name, département) with no extract in force for the period, not revoked before it ended.
        public var sansExtrait: [MembreReseau] = []

        /// The warning a scope's report carries when members are missing from it; nil when none is.
        public func avertissementManquants(perimetre libelle: String) -> String? {
            let departement = libelle.hasPrefix("département ") ? String(libelle.dropFirst("département ".count)) : nil
            let sousReseau = libelle.hasPrefix("sous-réseau ") ? String(libelle.dropFirst("sous-réseau ".count)) : nil
            guard !libelle.hasPrefix("structure ") else { return nil }
            let manquants = sansExtrait.filter { m in
                (departement == nil || m.departement == departement) && (sousReseau == nil || m.reseau == sousReseau)
            }.map(\.nom)
            guard !manquants.isEmpty else { return nil }
            return "ce rapport ne compte pas \(manquants.count == 1 ? "une structure membre" : "\(manquants.count) structures membres"), "
                + "dont le réseau n'a pas d'extrait pour cette année : \(manquants.joined(separator: ", "))."
        }
    }

    /// The age band's representative year of birth: the network never knows a year of birth, only
    /// the band reached in the period's year; any year of the band gives the same band.
    static func anneeRepresentative(tranche: String, tranches: TranchesAge, annee: Int) -> Int? {
        guard let rang = tranches.libelles.firstIndex(of: tranche) else { return nil }
        return tranches.naissances(rang: rang, annee: annee)?.upperBound
    }

    /// The facts of one unit (one member's or one territory's inscriptions in one parcours), as a
    /// structure's report reads them: each breakdown's margin is a group counted in that breakdown
    /// only (``GroupeStatistique/marge``); answers and follow-ups are rebuilt from their counts.
    public static func faits(_ faits: [FaitReseau], code: String, catalogue: Catalogue, tranches: TranchesAge,
                             annee: Int, horsStatistiques: Int) -> FaitsCohorte {
        var groupes: [GroupeStatistique] = [], ensembles: [Sexe: Int] = [:]
        var certifications: [String: CertificationsParcours] = [:]
        var questionnaires: [Sexe: Int] = [:], notes: [Sexe: [Int: [Int: Int]]] = [:]
        var suivis: [FaitsQualite.Suivi] = []
        var motifs: [(Sexe, String, Int)] = [], sorties: [(Sexe, String, Int)] = []
        for f in faits {
            if let marge = f.rubrique.croisement {
                let naissance = f.rubrique == .age ? anneeRepresentative(tranche: f.valeur, tranches: tranches, annee: annee) : nil
                let qpv = f.rubrique == .qpv ? ResidenceQPV(rawValue: f.valeur) ?? .nonCommunique : .nonCommunique
                let statut = f.rubrique == .statut ? StatutSocial(rawValue: f.valeur) ?? .nonCommunique : .nonCommunique
                if marge == .aucun { ensembles[f.sexe] = groupes.count }
                groupes.append(GroupeStatistique(sexe: f.sexe, anneeNaissance: naissance, qpv: qpv, statut: statut, inscrits: f.nombre,
                                                 commences: f.commences, termines: f.termines, abandons: f.abandons, certifies: f.certifies,
                                                 competencesCertifiees: f.competences, minutesPrevues: f.minutesPrevues,
                                                 minutesSuivies: f.minutesSuivies, marge: marge))
                continue
            }
            switch f.rubrique {
            case .competences:
                var c = certifications[f.parcours] ?? CertificationsParcours(modele: f.parcours, inscrits: 0, parNombreDeCompetences: [:])
                c.inscrits += f.nombre
                c.parNombreDeCompetences[Int(f.valeur) ?? 0, default: 0] += f.nombre
                certifications[f.parcours] = c
            case .motif: motifs.append((f.sexe, f.valeur, f.nombre))
            case .sortie: sorties.append((f.sexe, f.valeur, f.nombre))
            case .suivi:
                let parts = f.valeur.split(separator: ":").map(String.init)
                guard parts.count >= 2, let delai = Int(parts[0]), let situation = SituationApresAction(rawValue: parts[1]) else { continue }
                suivis.append(FaitsQualite.Suivi(sexe: f.sexe, delaiMois: delai, situation: situation,
                                                 tempsPartiel: parts.dropFirst(2).contains("temps_partiel"),
                                                 enLien: parts.dropFirst(2).contains("en_lien"), nombre: f.nombre))
            case .questionnaires: questionnaires[f.sexe, default: 0] += f.nombre
            case .note:
                let parts = f.valeur.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 2 else { continue }
                notes[f.sexe, default: [:]][parts[0], default: [:]][parts[1], default: 0] += f.nombre
            default: continue
            }
        }
        // Drop-out reasons and outcomes are published for the whole scope: on the lines of sex.
        func ensemble(_ sexe: Sexe) -> Int {
            if let i = ensembles[sexe] { return i }
            ensembles[sexe] = groupes.count
            groupes.append(GroupeStatistique(sexe: sexe, anneeNaissance: nil, qpv: .nonCommunique, statut: .nonCommunique, marge: .aucun))
            return groupes.count - 1
        }
        for (sexe, motif, n) in motifs { groupes[ensemble(sexe)].motifsAbandon[motif, default: 0] += n }
        for (sexe, sortie, n) in sorties { groupes[ensemble(sexe)].sorties[sortie, default: 0] += n }
        return FaitsCohorte(code: code, groupes: groupes,
                            objectifs: catalogue.objectifsRealises(certifications.values.sorted { $0.modele < $1.modele }),
                            horsStatistiques: horsStatistiques,
                            qualite: FaitsQualite(reponses: reponses(questionnaires: questionnaires, notes: notes), suivis: suivis))
    }

    /// Questionnaires with the counts of each answer: what a report publishes of them (by sex: how
    /// many, how many satisfied with question 1; by question: how many at each level) is exactly
    /// what these counts give. The n-th questionnaire of a sex gets, for each question, the n-th
    /// answer in order of level (the pairing of answers between questions is not kept); runs of
    /// questionnaires answered alike come as one ``FaitsQualite/Reponse`` with their number.
    static func reponses(questionnaires: [Sexe: Int], notes: [Sexe: [Int: [Int: Int]]]) -> [FaitsQualite.Reponse] {
        let nombreDeQuestions = QuestionnaireSatisfaction.questions.count
        return Sexe.allCases.flatMap { sexe -> [FaitsQualite.Reponse] in
            let total = questionnaires[sexe] ?? 0
            guard total > 0 else { return [] }
            // For each question, the levels as consecutive runs over the questionnaires 0..<total.
            var bornes: Set<Int> = [0, total]
            var niveaux: [[(fin: Int, niveau: Int)]] = []
            for k in 0..<nombreDeQuestions {
                var fin = 0, runs: [(fin: Int, niveau: Int)] = []
                for (niveau, n) in (notes[sexe]?[k] ?? [:]).sorted(by: { $0.key < $1.key }) where n > 0 {
                    fin = min(total, fin + n)
                    runs.append((fin, niveau))
                    bornes.insert(fin)
                }
                niveaux.append(runs)
            }
            let points = bornes.sorted()
            return zip(points, points.dropFirst()).map { debut, fin in
                let notes = niveaux.map { runs in runs.first { $0.fin > debut }?.niveau }
                return FaitsQualite.Reponse(sexe: sexe, notes: notes, nombre: fin - debut)
            }
        }
    }

    /// The network's publication for a period.
    ///
    /// - Parameters:
    ///   - agregats: the store's sums of facts, by member when `parStructure`, else by territory (any order).
    ///   - horsStatistiques: every member with an extract in force → the people its extract only counts (no consent).
    ///   - parStructure: also publish each structure's report (protected with all the others).
    ///   - seuil: nil: nothing masked (internal use only, as for a structure).
    public static func publication(_ agregats: [AgregatReseau], membres: [MembreReseau], horsStatistiques: [String: Int], periode: PeriodeReseau,
                                   catalogue: Catalogue, parStructure: Bool, seuil: Int? = SecretStatistique.seuilParDefaut) -> Resultat {
        let tranches = TranchesAge.parDefaut
        // Units: one per member and parcours when structures are published, else one per
        // département (and sous-réseau) and parcours, as the store summed the facts (nothing finer is
        // published: fewer units, the same figures). A unit without inscriptions keeps the count of
        // people without consent.
        let triees = membres.filter { horsStatistiques[$0.nom] != nil }.sorted { $0.nom < $1.nom }
        var parUnite: [String: (unite: UniteReseau, parParcours: [String: [FaitReseau]])] = [:], horsParUnite: [String: Int] = [:]
        for m in triees {
            let u = UniteReseau(m, parStructure: parStructure)
            if parUnite[u.libelle] == nil { parUnite[u.libelle] = (u, [:]) }
            horsParUnite[u.libelle, default: 0] += horsStatistiques[m.nom] ?? 0
        }
        for a in agregats {
            if parUnite[a.unite.libelle] == nil { parUnite[a.unite.libelle] = (a.unite, [:]) }
            parUnite[a.unite.libelle]!.parParcours[a.fait.parcours, default: []].append(a.fait)
        }
        var cohortes: [FaitsCohorte] = []
        var unites: [(groupe: String, departement: String, sousReseau: String?, parcours: String?)] = []
        for g in parUnite.keys.sorted() {
            let (unite, parParcours) = parUnite[g]!
            let codes = parParcours.keys.sorted()
            let hors = horsParUnite[g] ?? 0
            if codes.isEmpty {
                cohortes.append(faits([], code: g, catalogue: catalogue, tranches: tranches, annee: periode.annee, horsStatistiques: hors))
                unites.append((g, unite.departement, unite.sousReseau, nil))
            }
            for (i, code) in codes.enumerated() {
                cohortes.append(faits(parParcours[code]!, code: "\(g) · \(code)", catalogue: catalogue, tranches: tranches,
                                      annee: periode.annee, horsStatistiques: i == 0 ? hors : 0))
                unites.append((g, unite.departement, unite.sousReseau, code))
            }
        }
        var perimetres: [(niveau: Niveau, libelle: String, unites: Set<Int>)] = [(.reseau, libelleReseau, Set(unites.indices))]
        for d in Set(unites.map(\.departement)).sorted() {
            perimetres.append((.departement, "département \(d)", Set(unites.indices.filter { unites[$0].departement == d })))
        }
        for r in Set(unites.compactMap(\.sousReseau)).sorted() {
            perimetres.append((.sousReseau, "sous-réseau \(r)", Set(unites.indices.filter { unites[$0].sousReseau == r })))
        }
        for p in Set(unites.compactMap(\.parcours)).sorted() {
            let titre = catalogue.modeleParcours(p)?.entete.titre ?? p
            perimetres.append((.parcours, "parcours \(titre)", Set(unites.indices.filter { unites[$0].parcours == p })))
        }
        if parStructure {
            for m in triees {
                perimetres.append((.structure, "structure \(m.nom)", Set(unites.indices.filter { unites[$0].groupe == m.nom })))
            }
        }
        // Each set of units is published once: two scopes with the same records are the same report.
        var publies: [PerimetrePublie] = [], index: [String: Int] = [:], parEnsemble: [Set<Int>: Int] = [:]
        for p in perimetres {
            if let deja = parEnsemble[p.unites] {
                index[p.libelle] = deja
                continue
            }
            parEnsemble[p.unites] = publies.count
            index[p.libelle] = publies.count
            publies.append(PerimetrePublie(perimetre: .reseau(p.libelle), cohortes: Array(p.unites), croisements: Croisement.allCases))
        }
        let publication = PublicationConjointe(cohortes: cohortes, perimetres: publies, tranches: tranches, anneeReference: periode.annee, seuil: seuil)
        let sansExtrait = membres.filter { m in horsStatistiques[m.nom] == nil && (m.revoqueLe.map { $0 > periode.au } ?? true) }
            .sorted { $0.nom < $1.nom }
        return Resultat(publication: publication, index: index, perimetres: perimetres.map { ($0.niveau, $0.libelle) },
                        horsStatistiques: triees.map { horsStatistiques[$0.nom] ?? 0 }.reduce(0, +), sansExtrait: sansExtrait)
    }
}
