import GRDB
import LivretCore

extension Base {
    /// Recomputes every inscription's summary (latest status, progress, minutes attended) from the
    /// history; the triggers keep it current afterwards. Used after a bulk load, and to check it.
    static func reconstruireSuivi(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM suiviInscription;
            INSERT INTO suiviInscription (inscriptionId, cohorteId, apprenantId, statut, avance, minutesSuivies)
            SELECT i.id, i.cohorteId, i.apprenantId,
                   COALESCE((SELECT e.statut FROM etapeInscription e WHERE e.inscriptionId = i.id ORDER BY e.id DESC LIMIT 1), 'inscrit'),
                   EXISTS (SELECT 1 FROM etapeInscription e WHERE e.inscriptionId = i.id AND e.statut <> 'inscrit'),
                   COALESCE((SELECT SUM(pr.minutes) FROM presence pr
                             WHERE pr.apprenantId = i.apprenantId AND pr.cohorteId = i.cohorteId AND pr.statut = 'present'), 0)
            FROM inscription i;
            """)
    }

    /// Whether the kept summaries match the history (for tests and checks): the inscriptions that differ.
    public func ecartsSuivi() throws(ErreurBase) -> Int {
        try lire { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM inscription i LEFT JOIN suiviInscription s ON s.inscriptionId = i.id
                WHERE s.inscriptionId IS NULL
                   OR s.statut IS NOT COALESCE((SELECT e.statut FROM etapeInscription e WHERE e.inscriptionId = i.id ORDER BY e.id DESC LIMIT 1), 'inscrit')
                   OR s.avance <> EXISTS (SELECT 1 FROM etapeInscription e WHERE e.inscriptionId = i.id AND e.statut <> 'inscrit')
                   OR s.minutesSuivies <> COALESCE((SELECT SUM(pr.minutes) FROM presence pr
                                                    WHERE pr.apprenantId = i.apprenantId AND pr.cohorteId = i.cohorteId AND pr.statut = 'present'), 0)
                """) ?? 0
        }
    }

    /// The SQL condition and arguments selecting the inscriptions of a scope (alias `i` for inscription, `c` for cohorte).
    /// The « statistiques » flag of the consent in force for the learner whose id is the SQL
    /// expression `apprenant` (NULL: no consent recorded); Core decides what it allows
    /// (``UsageDonnees/statistiques``).
    static func accordStatistiques(apprenant: String) -> String {
        "(SELECT co.statistiques FROM consentement co WHERE co.apprenantId = \(apprenant) ORDER BY co.id DESC LIMIT 1)"
    }

    static func filtre(_ perimetre: PerimetreRapport, du: Jour?, au: Jour?) -> (String, StatementArguments) {
        var conditions = ["1 = 1"]
        var arguments: StatementArguments = []
        switch perimetre {
        case .structure, .reseau: break
        case .cohorte(let code):
            conditions.append("c.code = ?")
            _ = arguments.append(contentsOf: [code])
        case .parcours(let code):
            conditions.append("c.parcoursId IN (SELECT id FROM parcours WHERE code = ? OR modele = ?)")
            _ = arguments.append(contentsOf: [code, code])
        }
        if let au {
            conditions.append("c.debut <= ?")
            _ = arguments.append(contentsOf: [au])
        }
        if let du {
            conditions.append("(c.fin IS NULL OR c.fin >= ?)")
            _ = arguments.append(contentsOf: [du])
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// The codes of the cohorts a report of `perimetre` over the period covers.
    public func codesCohortes(_ perimetre: PerimetreRapport, du: Jour? = nil, au: Jour? = nil) throws(ErreurBase) -> [String] {
        let (condition, arguments) = Self.filtre(perimetre, du: du, au: au)
        return try lire { db in try String.fetchAll(db, sql: "SELECT c.code FROM cohorte c WHERE \(condition) ORDER BY c.code", arguments: arguments) }
    }

    /// The groups a report is computed from: the store aggregates the facts the rules look at (one
    /// row per combination of categories, status, « came », certified competences and consent
    /// present in the scope), and Core applies the rules (``RegroupementStatistique/regrouper``).
    ///
    /// - Parameters:
    ///   - jour: the day « heures prévues à ce jour » are measured at (``SeanceComptee/tenue``).
    ///   - niveauCertifie: the Pix level a certified competence must reach.
    public func groupesStatistiques(_ perimetre: PerimetreRapport, du: Jour? = nil, au: Jour? = nil, jour: Jour,
                                    niveauCertifie: Int) throws(ErreurBase) -> RegroupementStatistique {
        try groupesStatistiquesParCohorte(perimetre, du: du, au: au, jour: jour, niveauCertifie: niveauCertifie, parCohorte: false)[""]
            ?? RegroupementStatistique(groupes: [], horsStatistiques: 0)
    }

    /// The same groups, cohort by cohort (by code), for reports published together: every cohort of
    /// the scope is listed, even without inscriptions.
    public func groupesStatistiquesParCohorte(_ perimetre: PerimetreRapport, du: Jour? = nil, au: Jour? = nil, jour: Jour,
                                              niveauCertifie: Int) throws(ErreurBase) -> [String: RegroupementStatistique] {
        try groupesStatistiquesParCohorte(perimetre, du: du, au: au, jour: jour, niveauCertifie: niveauCertifie, parCohorte: true)
    }

    private func groupesStatistiquesParCohorte(_ perimetre: PerimetreRapport, du: Jour?, au: Jour?, jour: Jour, niveauCertifie: Int,
                                               parCohorte: Bool) throws(ErreurBase) -> [String: RegroupementStatistique] {
        let (condition, arguments) = Self.filtre(perimetre, du: du, au: au)
        let code = parCohorte ? "c.code" : "''"
        let bornes = "(? IS NULL OR s.date >= ?) AND (? IS NULL OR s.date <= ?)"
        let argumentsPeriode: StatementArguments = [du, du, au, au]
        return try lire { db in
            // Planned hours so far per cohort, by Core's rule, handed to SQL as a JSON object.
            let heures = try Self.heuresCohortes(db, condition: ("\(condition) AND \(bornes)", arguments + argumentsPeriode), au: jour)
            let prevues = "{" + heures.map { "\"\($0.key)\":\($0.value.minutesPrevuesACeJour)" }.joined(separator: ",") + "}"
            // Minutes attended: index-only on presence(apprenantId, cohorteId, statut, minutes) when the whole
            // run counts; joined to the séance's date only when a period is asked.
            let suivies = (du == nil && au == nil)
                ? "suivi.minutesSuivies"
                : "SELECT SUM(pr.minutes) FROM presence pr JOIN seance s ON s.id = pr.seanceId WHERE pr.apprenantId = insc.apprenantId AND pr.cohorteId = insc.cohorteId AND pr.statut = 'present' AND \(bornes)"
            let accord = Self.accordStatistiques(apprenant: "a.id")
            let sql = """
                WITH prevues(cohorteId, m) AS (SELECT CAST(key AS INTEGER), value FROM json_each(?)),
                insc AS MATERIALIZED (
                    SELECT i.id AS id, i.apprenantId AS apprenantId, i.cohorteId AS cohorteId, \(code) AS code
                    FROM inscription i JOIN cohorte c ON c.id = i.cohorteId WHERE \(condition)
                ), certs AS MATERIALIZED (
                    -- Learners with a validated certification: their best number of competences at the level asked.
                    SELECT apprenantId, MAX(n) AS n FROM (
                        SELECT cp.apprenantId AS apprenantId, COUNT(*) AS n FROM certificationPix cp
                        JOIN certificationPixCompetence cc ON cc.certificationId = cp.id
                        WHERE cp.statut = 'validee' AND cc.niveau >= ? GROUP BY cp.id
                    ) GROUP BY apprenantId
                ), detail AS MATERIALIZED (
                    SELECT insc.apprenantId AS apprenantId, insc.code AS code, COALESCE(prevues.m, 0) AS minutesPrevues,
                           suivi.statut AS statut, COALESCE((\(suivies)), 0) AS minutesSuivies, COALESCE(certs.n, 0) AS competences
                    FROM insc LEFT JOIN prevues ON prevues.cohorteId = insc.cohorteId
                    LEFT JOIN certs ON certs.apprenantId = insc.apprenantId
                    JOIN suiviInscription suivi ON suivi.inscriptionId = insc.id
                )
                SELECT a.sexe, a.anneeNaissance, a.qpv, a.statutSocial, d.statut, d.minutesSuivies > 0, d.competences, \(accord),
                       d.minutesPrevues, d.minutesSuivies, d.code
                FROM detail d JOIN apprenant a ON a.id = d.apprenantId
                """
            let argumentsSQL: StatementArguments = [prevues] + arguments + [niveauCertifie] + ((du == nil && au == nil) ? [] : argumentsPeriode)
            func categories(_ ligne: Row) -> CategoriesStatistiques {
                CategoriesStatistiques(sexe: Sexe(rawValue: ligne[0]) ?? .nonCommunique, anneeNaissance: ligne[1],
                                       qpv: ResidenceQPV(rawValue: ligne[2]) ?? .nonCommunique, statut: StatutSocial(rawValue: ligne[3]) ?? .nonCommunique)
            }
            // One row per inscription, summed here by the facts the rules look at (a hash beats SQLite's
            // sort on eight text columns: measured 1.0 s against 0.3 s at national scale).
            struct Cle: Hashable {
                var sexe: String, annee: Int?, qpv: String, statutSocial: String, statut: String, venu: Bool, competences: Int, accord: Bool?
                var code: String
            }
            var sommes: [Cle: (nombre: Int, prevues: Int, suivies: Int)] = [:]
            let curseur = try Row.fetchCursor(db, sql: sql, arguments: argumentsSQL)
            while let ligne = try curseur.next() {
                let cle = Cle(sexe: ligne[0], annee: ligne[1], qpv: ligne[2], statutSocial: ligne[3], statut: ligne[4], venu: ligne[5],
                              competences: ligne[6], accord: ligne[7], code: ligne[10])
                let prevues: Int = ligne[8], suivies: Int = ligne[9]
                sommes[cle, default: (0, 0, 0)].nombre += 1
                sommes[cle]!.prevues += prevues
                sommes[cle]!.suivies += suivies
            }
            var faits: [String: [FaitsInscriptions]] = [:]
            for (cle, somme) in sommes {
                faits[cle.code, default: []].append(FaitsInscriptions(categories: CategoriesStatistiques(sexe: Sexe(rawValue: cle.sexe) ?? .nonCommunique, anneeNaissance: cle.annee,
                                                                     qpv: ResidenceQPV(rawValue: cle.qpv) ?? .nonCommunique,
                                                                     statut: StatutSocial(rawValue: cle.statutSocial) ?? .nonCommunique),
                                  statutInscription: StatutInscription(rawValue: cle.statut) ?? .inscrit, venu: cle.venu,
                                  competencesCertifiees: cle.competences, accordStatistiques: cle.accord, nombre: somme.nombre,
                                  minutesPrevues: somme.prevues, minutesSuivies: somme.suivies))
            }
            // Drop-out reasons and exits come from their own (small) tables with the same scope.
            let colonnes = "a.sexe, a.anneeNaissance, a.qpv, a.statutSocial, \(accord)"
            var motifs: [String: [FaitsLibelles]] = [:], sorties: [String: [FaitsLibelles]] = [:]
            for ligne in try Row.fetchAll(db, sql: """
                SELECT \(colonnes), 'motif', COALESCE(e.motif, 'non précisé') AS libelle, COUNT(*), \(code)
                FROM etapeInscription e JOIN inscription i ON i.id = e.inscriptionId JOIN cohorte c ON c.id = i.cohorteId
                JOIN apprenant a ON a.id = i.apprenantId
                WHERE \(condition) AND e.statut = 'abandon'
                  AND e.id = (SELECT MAX(x.id) FROM etapeInscription x WHERE x.inscriptionId = i.id)
                GROUP BY 1, 2, 3, 4, 5, 7, 9
                UNION ALL
                SELECT \(colonnes), 'sortie', so.type, COUNT(*), \(code)
                FROM sortie so JOIN inscription i ON i.id = so.inscriptionId JOIN cohorte c ON c.id = i.cohorteId
                JOIN apprenant a ON a.id = i.apprenantId
                WHERE \(condition)
                GROUP BY 1, 2, 3, 4, 5, 7, 9
                """, arguments: arguments + arguments) {
                let fait = FaitsLibelles(categories: categories(ligne), accordStatistiques: ligne[4], libelle: ligne[6], nombre: ligne[7])
                if (ligne[5] as String) == "motif" { motifs[ligne[8], default: []].append(fait) } else { sorties[ligne[8], default: []].append(fait) }
            }
            var codes = Set(faits.keys).union(motifs.keys).union(sorties.keys)
            if parCohorte {
                codes.formUnion(try String.fetchAll(db, sql: "SELECT c.code FROM cohorte c WHERE \(condition)", arguments: arguments))
            } else {
                codes.insert("")
            }
            return Dictionary(uniqueKeysWithValues: codes.map { code in
                (code, RegroupementStatistique.regrouper(faits[code] ?? [], motifsAbandon: motifs[code] ?? [], sorties: sorties[code] ?? []))
            })
        }
    }

    /// Per parcours template in the scope: inscriptions by number of Pix competences certified (for
    /// objectives), counting only people who agreed to statistics.
    public func certificationsParParcours(_ perimetre: PerimetreRapport, du: Jour? = nil, au: Jour? = nil, niveauCertifie: Int) throws(ErreurBase) -> [CertificationsParcours] {
        try certificationsParCohorte(perimetre, du: du, au: au, niveauCertifie: niveauCertifie, parCohorte: false)[""] ?? []
    }

    /// The same, cohort by cohort (by code).
    public func certificationsParCohorte(_ perimetre: PerimetreRapport, du: Jour? = nil, au: Jour? = nil,
                                         niveauCertifie: Int) throws(ErreurBase) -> [String: [CertificationsParcours]] {
        try certificationsParCohorte(perimetre, du: du, au: au, niveauCertifie: niveauCertifie, parCohorte: true)
    }

    private func certificationsParCohorte(_ perimetre: PerimetreRapport, du: Jour?, au: Jour?, niveauCertifie: Int,
                                          parCohorte: Bool) throws(ErreurBase) -> [String: [CertificationsParcours]] {
        let (condition, arguments) = Self.filtre(perimetre, du: du, au: au)
        let code = parCohorte ? "c.code" : "''"
        return try lire { db in
            var resultat: [String: [String: CertificationsParcours]] = [:]
            for ligne in try Row.fetchAll(db, sql: """
                WITH certs AS MATERIALIZED (
                    SELECT apprenantId, MAX(n) AS n FROM (
                        SELECT cp.apprenantId AS apprenantId, COUNT(*) AS n FROM certificationPix cp
                        JOIN certificationPixCompetence cc ON cc.certificationId = cp.id
                        WHERE cp.statut = 'validee' AND cc.niveau >= ? GROUP BY cp.id
                    ) GROUP BY apprenantId
                )
                SELECT \(code) AS code, p.modele AS modele, COALESCE(certs.n, 0) AS n, COUNT(*) AS inscriptions,
                       \(Self.accordStatistiques(apprenant: "i.apprenantId")) AS accord
                FROM inscription i JOIN cohorte c ON c.id = i.cohorteId JOIN parcours p ON p.id = c.parcoursId
                LEFT JOIN certs ON certs.apprenantId = i.apprenantId
                WHERE \(condition) GROUP BY 1, p.modele, n, accord ORDER BY 1, p.modele, n
                """, arguments: [niveauCertifie] + arguments) {
                // Only people who agreed to be counted (the same rule as the report's groups).
                guard UsageDonnees.statistiques.autorise(portee: ligne["accord"]) else { continue }
                let modele: String = ligne["modele"], code: String = ligne["code"]
                var entree = resultat[code]?[modele] ?? CertificationsParcours(modele: modele, inscrits: 0, parNombreDeCompetences: [:])
                entree.inscrits += ligne["inscriptions"] as Int
                entree.parNombreDeCompetences[ligne["n"] as Int, default: 0] += ligne["inscriptions"] as Int
                resultat[code, default: [:]][modele] = entree
            }
            return resultat.mapValues { $0.sorted { $0.key < $1.key }.map(\.value) }
        }
    }

    /// The activity review over [du, au]: minutes of séances held, and each beneficiary's activity
    /// (categories only) — cohorts' séances for every scope, and for the structure also its
    /// accompaniments (each anonymous one is one person) — for the people who agreed to statistics
    /// (``UsageDonnees/statistiques``).
    public func activite(_ perimetre: PerimetreRapport, du: Jour, au: Jour) throws(ErreurBase) -> ActivitePeriode {
        let (condition, arguments) = Self.filtre(perimetre, du: nil, au: nil)
        let avecAccompagnements = perimetre == .structure
        return try lire { db in
            let delivrees = try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(s.minutesPrevues), 0) FROM seance s JOIN cohorte c ON c.id = s.cohorteId
                WHERE \(condition) AND s.date BETWEEN ? AND ?
                """, arguments: arguments + [du, au]) ?? 0
            struct Cumul {
                var sexe: Sexe
                var naissance: ClosedRange<Int>?
                var parType: [TypeActivite: ActiviteBeneficiaire.Part] = [:]
                var parLieu: [String: ActiviteBeneficiaire.Part] = [:]
                mutating func ajouter(_ type: TypeActivite, _ lieu: String, passages: Int, minutes: Int) {
                    let p = parType[type] ?? .init(passages: 0, minutes: 0), l = parLieu[lieu] ?? .init(passages: 0, minutes: 0)
                    parType[type] = .init(passages: p.passages + passages, minutes: p.minutes + minutes)
                    parLieu[lieu] = .init(passages: l.passages + passages, minutes: l.minutes + minutes)
                }
            }
            var cumuls: [Int64: Cumul] = [:]
            var ordre: [Int64] = []
            let accord = Self.accordStatistiques(apprenant: "a.id")
            func cumul(_ l: Row, id: Int64) -> Cumul {
                if let c = cumuls[id] { return c }
                ordre.append(id)
                let annee: Int? = l["annee"]
                return Cumul(sexe: Sexe(rawValue: l["sexe"]) ?? .nonCommunique, naissance: annee.map { $0...$0 })
            }
            // Only people who agreed to be counted: the rule of every report.
            for l in try Row.fetchAll(db, sql: """
                SELECT pr.apprenantId AS id, a.sexe AS sexe, a.anneeNaissance AS annee, COUNT(*) AS seances, SUM(pr.minutes) AS minutes,
                       \(accord) AS accord
                FROM presence pr JOIN seance s ON s.id = pr.seanceId JOIN cohorte c ON c.id = s.cohorteId JOIN apprenant a ON a.id = pr.apprenantId
                WHERE \(condition) AND pr.statut = 'present' AND s.date BETWEEN ? AND ?
                GROUP BY pr.apprenantId ORDER BY pr.apprenantId
                """, arguments: arguments + [du, au]) where UsageDonnees.statistiques.autorise(portee: l["accord"]) {
                let id: Int64 = l["id"]
                var c = cumul(l, id: id)
                c.ajouter(.cohorte, LieuAccompagnement.structure.libelle, passages: l["seances"], minutes: l["minutes"])
                cumuls[id] = c
            }
            var anonymes: [ActiviteBeneficiaire] = []
            var sujetsAccompagnements: [SujetsActivite] = []
            var joursOuverture = 0
            if avecAccompagnements {
                for l in try Row.fetchAll(db, sql: """
                    SELECT ac.apprenantId AS id, COALESCE(a.sexe, ac.sexe) AS sexe, a.anneeNaissance AS annee, ac.naissanceMin AS nmin,
                           ac.naissanceMax AS nmax, ac.type AS type, COALESCE(ac.lieuNom, ac.lieu) AS lieu, ac.lieuNom IS NOT NULL AS nomme,
                           COUNT(*) AS passages, SUM(ac.minutes) AS minutes, CASE WHEN a.id IS NULL THEN 1 ELSE \(accord) END AS accord
                    FROM accompagnement ac LEFT JOIN apprenant a ON a.id = ac.apprenantId
                    WHERE ac.date BETWEEN ? AND ?
                    GROUP BY CASE WHEN ac.apprenantId IS NULL THEN -ac.id ELSE ac.apprenantId END, ac.type, COALESCE(ac.lieuNom, ac.lieu)
                    ORDER BY ac.apprenantId, MIN(ac.id)
                    """, arguments: [du, au]) where UsageDonnees.statistiques.autorise(portee: l["accord"]) {
                    let type = TypeActivite(TypeAccompagnement(rawValue: l["type"]) ?? .permanence)
                    let brut: String = l["lieu"]
                    let lieu = (l["nomme"] as Bool) ? brut : LieuAccompagnement(rawValue: brut)?.libelle ?? brut
                    if let id = l["id"] as Int64? {
                        var c = cumul(l, id: id)
                        c.ajouter(type, lieu, passages: l["passages"], minutes: l["minutes"])
                        cumuls[id] = c
                    } else {
                        let min: Int? = l["nmin"], max: Int? = l["nmax"]
                        let part = ActiviteBeneficiaire.Part(passages: l["passages"], minutes: l["minutes"])
                        anonymes.append(ActiviteBeneficiaire(sexe: Sexe(rawValue: l["sexe"]) ?? .nonCommunique,
                                                             naissance: min.flatMap { a in max.map { a...$0 } },
                                                             parType: [type: part], parLieu: [lieu: part]))
                    }
                }
                // What each accompaniment counted worked on; the thématiques are counted from it with the
                // catalogue (``ActivitePeriode/compterThematiques(catalogue:)``).
                for l in try Row.fetchAll(db, sql: """
                    SELECT (SELECT group_concat(t.referentiel || ':' || t.code, ',') FROM accompagnementTheme t WHERE t.accompagnementId = ac.id) AS themes
                    FROM accompagnement ac LEFT JOIN apprenant a ON a.id = ac.apprenantId
                    WHERE ac.date BETWEEN ? AND ? AND (a.id IS NULL OR COALESCE(\(accord), 0) = 1)
                    ORDER BY ac.date, ac.id
                    """, arguments: [du, au]) {
                    let themes = (l["themes"] as String?)?.split(separator: ",").map { $0.split(separator: ":", maxSplits: 1).map(String.init) } ?? []
                    sujetsAccompagnements.append(SujetsActivite(
                        thematiques: themes.filter { $0.first == "coop" }.compactMap { ThematiqueCoop(rawValue: $0.last!) },
                        itemsAptic: themes.filter { $0.first == "aptic" }.map { $0.last! }.sorted()))
                }
                joursOuverture = try Int.fetchOne(db, sql: """
                    SELECT COUNT(DISTINCT date) FROM accompagnement WHERE type = 'permanence' AND date BETWEEN ? AND ?
                    """, arguments: [du, au]) ?? 0
            }
            let beneficiaires = ordre.map { id in
                let c = cumuls[id]!
                return ActiviteBeneficiaire(sexe: c.sexe, naissance: c.naissance, parType: c.parType, parLieu: c.parLieu)
            } + anonymes
            // The séances held in the scope with somebody present, and what each worked on.
            let sujetsSeances = try String?.fetchAll(db, sql: """
                SELECT \(Self.itemsDeLaSeance(seance: "s.id", date: "s.date")) FROM seance s JOIN cohorte c ON c.id = s.cohorteId
                WHERE \(condition) AND s.date BETWEEN ? AND ?
                  AND EXISTS (SELECT 1 FROM presence p WHERE p.seanceId = s.id AND p.statut = 'present')
                ORDER BY s.date, s.id
                """, arguments: arguments + [du, au]).map { SujetsActivite(itemsAptic: $0?.split(separator: ",").map(String.init).sorted() ?? []) }
            // The counts by thématique need the catalogue: the service fills them (``ActivitePeriode/compterThematiques(catalogue:)``).
            var periode = ActivitePeriode(du: du, au: au, minutesDelivrees: delivrees, beneficiaires: beneficiaires, joursOuverture: joursOuverture)
            periode.sujetsAccompagnements = sujetsAccompagnements
            periode.sujetsSeances = sujetsSeances
            return periode
        }
    }
}
