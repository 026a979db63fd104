import LivretCore
import LivretStore

/// The reports for programme leads and funders (`livret rapport`, the terminal UI): every report a
/// structure can publish for a period is protected together (``PublicationConjointe``), so that
/// whichever of them are read side by side, no masked count can be recovered.
public enum ServiceRapport {
    /// Computes the report of `perimetre` from the base on day `jour` (« heures prévues à ce jour »
    /// are those of the séances held by then); `seuil` nil means nothing is suppressed.
    public static func synthese(db: Base, catalogue: Catalogue, perimetre: PerimetreRapport, croisement: Croisement = .aucun,
                                tranches: TranchesAge = .parDefaut, anneeReference: Int, seuil: Int? = SecretStatistique.seuilParDefaut,
                                du debut: Jour? = nil, au fin: Jour? = nil, jour: Jour) throws -> Rapport {
        try syntheseAuditee(db: db, catalogue: catalogue, perimetre: perimetre, croisement: croisement, tranches: tranches,
                            anneeReference: anneeReference, seuil: seuil, du: debut, au: fin, jour: jour, audit: false).rapport
    }

    /// The report and, with `audit`, how its masked figures were protected (``AuditSecret``: each
    /// one's range as an attacker who reads every report of the publication deduces it; nil without masking).
    public static func syntheseAuditee(db: Base, catalogue: Catalogue, perimetre: PerimetreRapport, croisement: Croisement = .aucun,
                                       tranches: TranchesAge = .parDefaut, anneeReference: Int, seuil: Int? = SecretStatistique.seuilParDefaut,
                                       du debut: Jour? = nil, au fin: Jour? = nil, jour: Jour,
                                       audit: Bool = true) throws -> (rapport: Rapport, audit: AuditSecret?) {
        let (publication, index) = try publicationDe(db: db, catalogue: catalogue, perimetre: perimetre, croisement: croisement, tranches: tranches,
                                                     anneeReference: anneeReference, seuil: seuil, du: debut, au: fin, jour: jour)
        return (publication.rapport(index, croisement: croisement, perimetre: perimetre),
                audit ? publication.audit(index, croisement: croisement) : nil)
    }

    /// The activity review of `perimetre` over [du, au], protected with every report of that period.
    ///
    /// With `comparer`, the review says the key figures of the same period a year earlier
    /// (``BilanActivite/precedent``), as that period's own publication protects them.
    public static func activite(db: Base, catalogue: Catalogue, perimetre: PerimetreRapport, tranches: TranchesAge = .parDefaut,
                                anneeReference: Int, seuil: Int? = SecretStatistique.seuilParDefaut, du debut: Jour, au fin: Jour,
                                comparer: Bool = false, audit: Bool = false) throws -> (bilan: BilanActivite, audit: AuditSecret?) {
        let (publication, index) = try publicationDe(db: db, catalogue: catalogue, perimetre: perimetre, croisement: .aucun, tranches: tranches,
                                                     anneeReference: anneeReference, seuil: seuil, du: debut, au: fin, jour: fin)
        var bilan = publication.bilan(index)!
        if comparer {
            let (avant, apres) = (debut.anneePrecedente, fin.anneePrecedente)
            // The year before must not overlap the period: two overlapping periods, each protected
            // on its own, could be subtracted one from the other (décision 44).
            guard apres < debut else {
                throw ErreurUtilisateur("la comparaison se fait avec la même période un an plus tôt : la période demandée dépasse un an, "
                                        + "elles se chevaucheraient. Choisissez une période d'un an au plus.")
            }
            let precedent = try activite(db: db, catalogue: catalogue, perimetre: perimetre, tranches: tranches, anneeReference: anneeReference - 1,
                                         seuil: seuil, du: avant, au: apres).bilan
            bilan.precedent = ResumeActivite(precedent)
        }
        return (bilan, audit ? publication.auditActivite(index) : nil)
    }

    /// Every report the structure publishes for the period, protected together: the structure and each
    /// parcours (by its code and by its template's) in every breakdown and, when the period has both
    /// ends, their activity reviews over [du, au] (always: a report and a review of the same period
    /// are protected together, whichever is asked). A cohort that is a whole parcours is that parcours' report;
    /// the others are protected alone and say they are for internal use (décision 44: with many
    /// cohorts, protecting them all together is out of reach of an exact audit in reasonable time).
    public static func publication(db: Base, catalogue: Catalogue, tranches: TranchesAge = .parDefaut, anneeReference: Int,
                                   seuil: Int? = SecretStatistique.seuilParDefaut, du debut: Jour? = nil, au fin: Jour? = nil,
                                   jour: Jour) throws -> PublicationConjointe {
        try construire(db: db, catalogue: catalogue, tranches: tranches, anneeReference: anneeReference, seuil: seuil, du: debut, au: fin,
                       jour: jour).publication
    }

    private static func publicationDe(db: Base, catalogue: Catalogue, perimetre: PerimetreRapport, croisement: Croisement, tranches: TranchesAge,
                                      anneeReference: Int, seuil: Int?, du debut: Jour?, au fin: Jour?, jour: Jour) throws -> (PublicationConjointe, Int) {
        if case .cohorte(let code) = perimetre { _ = try base { () throws(ErreurBase) in try db.cohorte(code) } }
        // Which scopes the period publishes together is known from the cohorts and parcours alone;
        // every cohort's facts are read, and the whole publication protected, only when `perimetre` is one of them.
        let plan = try plan(db: db, du: debut, au: fin)
        let cohortes = try base { () throws(ErreurBase) in try db.codesCohortes(perimetre, du: debut, au: fin) }
        let ensemble = Set(cohortes.compactMap { plan.indexCohorte[$0] })
        // The structure is always the first scope; another scope is the structure's report only
        // when they have the same cohorts and the structure nothing outside them.
        let trouve = perimetre == .structure ? 0
            : plan.perimetres.firstIndex { $0.cohortes == ensemble && ($0.perimetre != .structure || !plan.horsCohortes) }
        if let index = trouve, plan.perimetres[index].croisements.contains(croisement) {
            let construite = try construire(db: db, catalogue: catalogue, plan: plan, tranches: tranches, anneeReference: anneeReference, seuil: seuil,
                                            du: debut, au: fin, jour: jour)
            return (construite.publication, index)
        }
        // A cohort of a parcours that has several: protected alone, and said to be for internal use.
        // Only its own facts are read (a publication reads the facts of its scopes' cohorts only).
        let codes = plan.dansLaPeriode.map(\.code).filter { plan.indexCohorte[$0].map(ensemble.contains) ?? false }
        let faits = try faitsCohortes(db: db, catalogue: catalogue, perimetre: perimetre, codes: codes, du: debut, au: fin, jour: jour)
        let seule = PerimetrePublie(perimetre: perimetre, cohortes: Array(faits.indices), croisements: [croisement],
                                    activite: try activiteDe(db: db, catalogue: catalogue, perimetre: perimetre, du: debut, au: fin), seul: true)
        return (PublicationConjointe(cohortes: faits, perimetres: [seule], tranches: tranches, anneeReference: anneeReference, seuil: seuil), 0)
    }

    /// The scopes published together for a period: the cohorts in the period (by code), each one's
    /// index, and each scope with its set of cohorts — the structure, then parcours codes and templates.
    private struct Plan {
        var dansLaPeriode: [Cohorte]
        var indexCohorte: [String: Int]
        var perimetres: [(perimetre: PerimetreRapport, cohortes: Set<Int>, croisements: [Croisement])]
        /// The structure has activity outside its cohorts in the period (accompaniments, follow-ups).
        var horsCohortes: Bool
    }

    private static func plan(db: Base, du debut: Jour?, au fin: Jour?) throws -> Plan {
        let (codes, toutesCohortes, parcoursParId, horsCohortes) = try base { () throws(ErreurBase) in
            (Set(try db.codesCohortes(.structure, du: debut, au: fin)), try db.cohortes(),
             Dictionary(uniqueKeysWithValues: try db.tousLesParcours().compactMap { p in p.id.map { ($0, p) } }),
             try db.aDesActivitesHorsCohortes(du: debut, au: fin))
        }
        let dansLaPeriode = toutesCohortes.filter { codes.contains($0.code) }.sorted { $0.code < $1.code }
        let indexCohorte = Dictionary(uniqueKeysWithValues: dansLaPeriode.enumerated().map { ($1.code, $0) })
        // Scopes, each set of cohorts once: the structure, then parcours codes and templates, then cohorts.
        var perimetres: [(perimetre: PerimetreRapport, cohortes: Set<Int>, croisements: [Croisement])] = []
        func ajouter(_ perimetre: PerimetreRapport, _ cohortes: Set<Int>, _ croisements: [Croisement]) {
            if perimetres.contains(where: { $0.cohortes == cohortes && ($0.perimetre != .structure || !horsCohortes) }) { return }
            perimetres.append((perimetre, cohortes, croisements))
        }
        ajouter(.structure, Set(dansLaPeriode.indices), Croisement.allCases)
        let noms = Set(dansLaPeriode.flatMap { c in parcoursParId[c.parcoursId].map { [$0.code, $0.modele] } ?? [] }).sorted()
        for nom in noms {
            ajouter(.parcours(nom), Set(dansLaPeriode.indices.filter { i in
                parcoursParId[dansLaPeriode[i].parcoursId].map { $0.code == nom || $0.modele == nom } ?? false
            }), Croisement.allCases)
        }
        return Plan(dansLaPeriode: dansLaPeriode, indexCohorte: indexCohorte, perimetres: perimetres, horsCohortes: horsCohortes)
    }

    /// The facts of the cohorts `codes` of `perimetre`, in that order.
    private static func faitsCohortes(db: Base, catalogue: Catalogue, perimetre: PerimetreRapport, codes: [String], du debut: Jour?, au fin: Jour?,
                                      jour: Jour) throws -> [FaitsCohorte] {
        let niveau = catalogue.pix.certifiabilite.niveauMin
        let (groupes, certifications, qualite) = try base { () throws(ErreurBase) in
            (try db.groupesStatistiquesParCohorte(perimetre, du: debut, au: fin, jour: jour, niveauCertifie: niveau),
             try db.certificationsParCohorte(perimetre, du: debut, au: fin, niveauCertifie: niveau),
             try db.qualiteParCohorte(perimetre, du: debut, au: fin))
        }
        return codes.map { code in
            let g = groupes[code] ?? RegroupementStatistique(groupes: [], horsStatistiques: 0)
            return FaitsCohorte(code: code, groupes: g.groupes, objectifs: objectifs(certifications[code] ?? [], catalogue: catalogue),
                                horsStatistiques: g.horsStatistiques, qualite: qualite[code] ?? FaitsQualite())
        }
    }

    /// The activity of `perimetre` over the period, its thématiques counted with `catalogue`.
    private static func activiteDe(db: Base, catalogue: Catalogue, perimetre: PerimetreRapport, du debut: Jour?, au fin: Jour?) throws -> ActivitePeriode? {
        guard let debut, let fin else { return nil }
        var periode = try base { () throws(ErreurBase) in try db.activite(perimetre, du: debut, au: fin) }
        periode.compterThematiques(catalogue: catalogue)
        return periode
    }

    private static func construire(db: Base, catalogue: Catalogue, plan: Plan? = nil, tranches: TranchesAge, anneeReference: Int, seuil: Int?,
                                   du debut: Jour?, au fin: Jour?, jour: Jour) throws -> (publication: PublicationConjointe, indexCohorte: [String: Int], cohortes: [FaitsCohorte]) {
        let plan = try plan ?? self.plan(db: db, du: debut, au: fin)
        let faits = try faitsCohortes(db: db, catalogue: catalogue, perimetre: .structure, codes: plan.dansLaPeriode.map(\.code), du: debut, au: fin, jour: jour)
        var publies: [PerimetrePublie] = []
        for (perimetre, cohortes, croisements) in plan.perimetres {
            let horsCohortes = perimetre == .structure && plan.horsCohortes
                ? try base { () throws(ErreurBase) in try db.qualiteHorsCohortes(du: debut, au: fin) } : FaitsQualite()
            publies.append(PerimetrePublie(perimetre: perimetre, cohortes: Array(cohortes), croisements: croisements,
                                           activite: try activiteDe(db: db, catalogue: catalogue, perimetre: perimetre, du: debut, au: fin),
                                           qualiteHorsCohortes: horsCohortes))
        }
        return (PublicationConjointe(cohortes: faits, perimetres: publies, tranches: tranches, anneeReference: anneeReference, seuil: seuil),
                plan.indexCohorte, faits)
    }

    /// The certification objectives against what the inscriptions achieved (``Catalogue/objectifsRealises(_:)``).
    static func objectifs(_ certifications: [CertificationsParcours], catalogue: Catalogue) -> [ObjectifRealise] {
        catalogue.objectifsRealises(certifications)
    }
}
