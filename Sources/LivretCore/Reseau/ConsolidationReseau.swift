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

    /// The facts of one unit (one member's inscriptions in one parcours), as a structure's report reads them.
    public static func faits(_ agregats: [AgregatReseau], code: String, catalogue: Catalogue, tranches: TranchesAge,
                             annee: Int, horsStatistiques: Int) -> FaitsCohorte {
        var faits: [FaitsInscriptions] = [], motifs: [FaitsLibelles] = [], sorties: [FaitsLibelles] = []
        var certifications: [String: CertificationsParcours] = [:]
        var reponses: [FaitsQualite.Reponse] = [], suivis: [FaitsQualite.Suivi] = []
        for a in agregats {
            let categories = CategoriesStatistiques(sexe: a.sexe, anneeNaissance: anneeRepresentative(tranche: a.trancheAge, tranches: tranches, annee: annee),
                                                    qpv: a.qpv, statut: a.statut)
            switch a.genre {
            case .inscriptions:
                // Records only hold people who agreed to statistics.
                faits.append(FaitsInscriptions(categories: categories, statutInscription: a.etat, venu: a.venu, competencesCertifiees: a.competences,
                                               accordStatistiques: true, nombre: a.nombre, minutesPrevues: a.minutesPrevues, minutesSuivies: a.minutesSuivies))
                var c = certifications[a.parcours] ?? CertificationsParcours(modele: a.parcours, inscrits: 0, parNombreDeCompetences: [:])
                c.inscrits += a.nombre
                c.parNombreDeCompetences[a.competences, default: 0] += a.nombre
                certifications[a.parcours] = c
            case .motif:
                motifs.append(FaitsLibelles(categories: categories, accordStatistiques: true, libelle: a.libelle, nombre: a.nombre))
            case .sorties:
                for s in AgregatReseau.liste(a.libelle) {
                    sorties.append(FaitsLibelles(categories: categories, accordStatistiques: true, libelle: s, nombre: a.nombre))
                }
            case .suivis:
                for s in AgregatReseau.liste(a.libelle) {
                    let parts = s.split(separator: ":").map(String.init)
                    guard parts.count >= 2, let delai = Int(parts[0]), let situation = SituationApresAction(rawValue: parts[1]) else { continue }
                    let suivi = FaitsQualite.Suivi(sexe: a.sexe, delaiMois: delai, situation: situation,
                                                   tempsPartiel: parts.dropFirst(2).contains("temps_partiel"), enLien: parts.dropFirst(2).contains("en_lien"))
                    suivis += Array(repeating: suivi, count: a.nombre)
                }
            case .satisfaction:
                for notes in AgregatReseau.satisfaction(a.libelle) {
                    let reponse = FaitsQualite.Reponse(sexe: a.sexe, notes: notes.map { $0 == 0 ? nil : $0 })
                    reponses += Array(repeating: reponse, count: a.nombre)
                }
            }
        }
        let groupes = RegroupementStatistique.regrouper(faits, motifsAbandon: motifs, sorties: sorties).groupes
        return FaitsCohorte(code: code, groupes: groupes,
                            objectifs: catalogue.objectifsRealises(certifications.values.sorted { $0.modele < $1.modele }),
                            horsStatistiques: horsStatistiques, qualite: FaitsQualite(reponses: reponses, suivis: suivis))
    }

    /// The network's publication for a period.
    ///
    /// - Parameters:
    ///   - sources: the extracts in force, one per member (any order).
    ///   - parStructure: also publish each structure's report (protected with all the others).
    ///   - seuil: nil: nothing masked (internal use only, as for a structure).
    public static func publication(_ agregats: [AgregatReseau], membres: [MembreReseau], horsStatistiques: [String: Int], periode: PeriodeReseau,
                                   catalogue: Catalogue, parStructure: Bool, seuil: Int? = SecretStatistique.seuilParDefaut) -> Resultat {
        let tranches = TranchesAge.parDefaut
        let parMembre = Dictionary(grouping: agregats, by: \.membre)
        let triees = membres.filter { parMembre[$0.nom] != nil || horsStatistiques[$0.nom] != nil }.sorted { $0.nom < $1.nom }
        // Units: one per member and parcours when structures are published, else one per
        // département and parcours (nothing finer is published: fewer units, the same figures).
        // A unit without inscriptions keeps the count of people without consent.
        let membreDe = Dictionary(uniqueKeysWithValues: triees.map { ($0.nom, $0) })
        func groupe(_ membre: String) -> String {
            guard !parStructure, let m = membreDe[membre] else { return membre }
            return "département \(m.departement)" + (m.reseau.map { " · \($0)" } ?? "")
        }
        var parGroupe: [String: [String: [AgregatReseau]]] = [:], horsParGroupe: [String: Int] = [:]
        var departementDuGroupe: [String: String] = [:], sousReseauDuGroupe: [String: String] = [:]
        for m in triees {
            let g = groupe(m.nom)
            departementDuGroupe[g] = m.departement
            sousReseauDuGroupe[g] = m.reseau
            horsParGroupe[g, default: 0] += horsStatistiques[m.nom] ?? 0
            for a in parMembre[m.nom] ?? [] { parGroupe[g, default: [:]][a.parcours, default: []].append(a) }
        }
        var cohortes: [FaitsCohorte] = []
        var unites: [(groupe: String, departement: String, sousReseau: String?, parcours: String?)] = []
        for g in Set(departementDuGroupe.keys).sorted() {
            let codes = (parGroupe[g] ?? [:]).keys.sorted()
            let hors = horsParGroupe[g] ?? 0
            if codes.isEmpty {
                cohortes.append(faits([], code: g, catalogue: catalogue, tranches: tranches, annee: periode.annee, horsStatistiques: hors))
                unites.append((g, departementDuGroupe[g]!, sousReseauDuGroupe[g], nil))
            }
            for (i, code) in codes.enumerated() {
                cohortes.append(faits(parGroupe[g]![code]!, code: "\(g) · \(code)", catalogue: catalogue, tranches: tranches,
                                      annee: periode.annee, horsStatistiques: i == 0 ? hors : 0))
                unites.append((g, departementDuGroupe[g]!, sousReseauDuGroupe[g], code))
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
        let presents = Set(triees.map(\.nom))
        let sansExtrait = membres.filter { m in !presents.contains(m.nom) && (m.revoqueLe.map { $0 > periode.au } ?? true) }
            .sorted { $0.nom < $1.nom }
        return Resultat(publication: publication, index: index, perimetres: perimetres.map { ($0.niveau, $0.libelle) },
                        horsStatistiques: triees.map { horsStatistiques[$0.nom] ?? 0 }.reduce(0, +), sansExtrait: sansExtrait)
    }
}
