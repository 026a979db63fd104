import GRDB
import LivretCore

/// For a parcours in a report's scope: how many inscriptions reached each number of certified Pix competences.
public struct CertificationsParcours: Sendable, Equatable {
    public var modele: String
    public var inscrits: Int
    /// Number of competences certified at level ≥ 1 (best validated certification) → inscriptions.
    public var parNombreDeCompetences: [Int: Int]
}

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
    static func filtre(_ perimetre: PerimetreRapport, du: Jour?, au: Jour?) -> (String, StatementArguments) {
        var conditions = ["1 = 1"]
        var arguments: StatementArguments = []
        switch perimetre {
        case .structure: break
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

    /// The groups a report is computed from, aggregated in SQL: one row per combination of
    /// sexe, year of birth, QPV and status present in the scope.
    public func groupesStatistiques(_ perimetre: PerimetreRapport, du: Jour? = nil, au: Jour? = nil) throws(ErreurBase) -> [GroupeStatistique] {
        let (condition, arguments) = Self.filtre(perimetre, du: du, au: au)
        let bornes = "(? IS NULL OR s.date >= ?) AND (? IS NULL OR s.date <= ?)"
        let argumentsPeriode: StatementArguments = [du, du, au, au]
        return try lire { db in
            // Minutes attended: index-only on presence(apprenantId, cohorteId, statut, minutes) when the whole
            // run counts; joined to the séance's date only when a period is asked.
            let suivies = (du == nil && au == nil)
                ? "suivi.minutesSuivies"
                : "SELECT SUM(pr.minutes) FROM presence pr JOIN seance s ON s.id = pr.seanceId WHERE pr.apprenantId = insc.apprenantId AND pr.cohorteId = insc.cohorteId AND pr.statut = 'present' AND \(bornes)"
            let base = """
                WITH insc AS MATERIALIZED (
                    SELECT i.id AS id, i.apprenantId AS apprenantId, i.cohorteId AS cohorteId,
                           p.heuresPrevues AS heures, p.assiduiteMinimale AS assiduiteMin, p.certificationRequise AS certifReq
                    FROM inscription i JOIN cohorte c ON c.id = i.cohorteId JOIN parcours p ON p.id = c.parcoursId
                    WHERE \(condition)
                ), certs AS MATERIALIZED (
                    -- Learners with a validated certification: their best number of competences at level ≥ 1.
                    SELECT apprenantId, MAX(n) AS n FROM (
                        SELECT cp.apprenantId AS apprenantId, COUNT(*) AS n FROM certificationPix cp
                        JOIN certificationPixCompetence cc ON cc.certificationId = cp.id
                        WHERE cp.statut = 'validee' AND cc.niveau >= 1 GROUP BY cp.id
                    ) GROUP BY apprenantId
                ), prevues AS (
                    SELECT s.cohorteId AS cohorteId, SUM(s.minutesPrevues) AS m FROM seance s JOIN cohorte c ON c.id = s.cohorteId
                    WHERE \(condition) AND \(bornes) GROUP BY s.cohorteId
                ), detail AS MATERIALIZED (
                    SELECT insc.*, COALESCE(prevues.m, 0) AS minutesPrevues,
                           -- Latest status and whether it moved on: kept per inscription by triggers (suiviInscription).
                           suivi.statut AS statut, suivi.avance AS avance,
                           COALESCE((\(suivies)), 0) AS minutesSuivies,
                           certs.n AS competences
                    FROM insc LEFT JOIN prevues ON prevues.cohorteId = insc.cohorteId
                    LEFT JOIN certs ON certs.apprenantId = insc.apprenantId
                    JOIN suiviInscription suivi ON suivi.inscriptionId = insc.id
                )
                """
            let argumentsBase: StatementArguments = arguments + arguments + argumentsPeriode + ((du == nil && au == nil) ? [] : argumentsPeriode)
            var groupes: [String: GroupeStatistique] = [:]
            func cle(_ ligne: Row) -> String {
                "\(ligne["sexe"] as String)|\((ligne["annee"] as Int?).map(String.init) ?? "-")|\(ligne["qpv"] as String)|\(ligne["statutSocial"] as String)"
            }
            func groupe(_ ligne: Row) -> GroupeStatistique {
                groupes[cle(ligne)] ?? GroupeStatistique(
                    sexe: Sexe(rawValue: ligne["sexe"]) ?? .nonCommunique, anneeNaissance: ligne["annee"],
                    qpv: ResidenceQPV(rawValue: ligne["qpv"]) ?? .nonCommunique, statut: StatutSocial(rawValue: ligne["statutSocial"]) ?? .nonCommunique)
            }
            let categories = "a.sexe AS sexe, a.anneeNaissance AS annee, a.qpv AS qpv, a.statutSocial AS statutSocial"
            // The per-inscription detail is aggregated once by category; drop-out reasons and outcomes come
            // from their own (small) tables with the same scope.
            let (conditionSeule, argumentsSeuls) = Self.filtre(perimetre, du: du, au: au)
            var lignes = try Row.fetchAll(db, sql: base + """
                SELECT 'groupe' AS genre, \(categories), NULL AS libelle, COUNT(*) AS inscrits,
                       SUM(d.avance > 0 OR d.minutesSuivies > 0) AS commences,
                       SUM(d.statut = 'termine' AND d.minutesSuivies >= d.heures * 60 * d.assiduiteMin
                           AND (d.certifReq = 0 OR COALESCE(d.competences, 0) > 0)) AS termines,
                       SUM(d.statut = 'abandon') AS abandons,
                       SUM(COALESCE(d.competences, 0) > 0) AS certifies,
                       SUM(COALESCE(d.competences, 0)) AS competences,
                       SUM(d.minutesPrevues) AS minutesPrevues, SUM(d.minutesSuivies) AS minutesSuivies
                FROM detail d JOIN apprenant a ON a.id = d.apprenantId
                GROUP BY a.sexe, a.anneeNaissance, a.qpv, a.statutSocial
                """, arguments: argumentsBase)
            lignes += try Row.fetchAll(db, sql: """
                SELECT 'motif' AS genre, \(categories), COALESCE(e.motif, 'non précisé') AS libelle, COUNT(*) AS inscrits
                FROM etapeInscription e JOIN inscription i ON i.id = e.inscriptionId JOIN cohorte c ON c.id = i.cohorteId
                JOIN apprenant a ON a.id = i.apprenantId
                WHERE \(conditionSeule) AND e.statut = 'abandon'
                  AND e.id = (SELECT MAX(x.id) FROM etapeInscription x WHERE x.inscriptionId = i.id)
                GROUP BY a.sexe, a.anneeNaissance, a.qpv, a.statutSocial, libelle
                UNION ALL
                SELECT 'sortie', \(categories), so.type, COUNT(*)
                FROM sortie so JOIN inscription i ON i.id = so.inscriptionId JOIN cohorte c ON c.id = i.cohorteId
                JOIN apprenant a ON a.id = i.apprenantId
                WHERE \(conditionSeule)
                GROUP BY a.sexe, a.anneeNaissance, a.qpv, a.statutSocial, so.type
                """, arguments: argumentsSeuls + argumentsSeuls)
            for ligne in lignes {
                var g = groupe(ligne)
                switch ligne["genre"] as String {
                case "motif":
                    g.motifsAbandon[ligne["libelle"] as String, default: 0] += ligne["inscrits"] as Int
                case "sortie":
                    g.sorties[ligne["libelle"] as String, default: 0] += ligne["inscrits"] as Int
                default:
                    g.inscrits = ligne["inscrits"]
                    g.commences = ligne["commences"] ?? 0
                    g.termines = ligne["termines"] ?? 0
                    g.abandons = ligne["abandons"] ?? 0
                    g.certifies = ligne["certifies"] ?? 0
                    g.competencesCertifiees = ligne["competences"] ?? 0
                    g.minutesPrevues = ligne["minutesPrevues"] ?? 0
                    g.minutesSuivies = ligne["minutesSuivies"] ?? 0
                }
                groupes[cle(ligne)] = g
            }
            return groupes.sorted { $0.key < $1.key }.map(\.value)
        }
    }

    /// Per parcours template in the scope: inscriptions by number of Pix competences certified (for objectives).
    public func certificationsParParcours(_ perimetre: PerimetreRapport, du: Jour? = nil, au: Jour? = nil) throws(ErreurBase) -> [CertificationsParcours] {
        let (condition, arguments) = Self.filtre(perimetre, du: du, au: au)
        return try lire { db in
            var resultat: [String: CertificationsParcours] = [:]
            for ligne in try Row.fetchAll(db, sql: """
                WITH certs AS MATERIALIZED (
                    SELECT apprenantId, MAX(n) AS n FROM (
                        SELECT cp.apprenantId AS apprenantId, COUNT(*) AS n FROM certificationPix cp
                        JOIN certificationPixCompetence cc ON cc.certificationId = cp.id
                        WHERE cp.statut = 'validee' AND cc.niveau >= 1 GROUP BY cp.id
                    ) GROUP BY apprenantId
                )
                SELECT p.modele AS modele, COALESCE(certs.n, 0) AS n, COUNT(*) AS inscriptions
                FROM inscription i JOIN cohorte c ON c.id = i.cohorteId JOIN parcours p ON p.id = c.parcoursId
                LEFT JOIN certs ON certs.apprenantId = i.apprenantId
                WHERE \(condition) GROUP BY p.modele, n ORDER BY p.modele, n
                """, arguments: arguments) {
                let modele: String = ligne["modele"]
                var entree = resultat[modele] ?? CertificationsParcours(modele: modele, inscrits: 0, parNombreDeCompetences: [:])
                entree.inscrits += ligne["inscriptions"] as Int
                entree.parNombreDeCompetences[ligne["n"] as Int, default: 0] += ligne["inscriptions"] as Int
                resultat[modele] = entree
            }
            return resultat.sorted { $0.key < $1.key }.map(\.value)
        }
    }

    /// The activity review over [du, au]: minutes of séances held, and each beneficiary's attendance (categories only).
    public func activite(_ perimetre: PerimetreRapport, du: Jour, au: Jour) throws(ErreurBase) -> (minutesDelivrees: Int, beneficiaires: [ActiviteBeneficiaire]) {
        let (condition, arguments) = Self.filtre(perimetre, du: nil, au: nil)
        return try lire { db in
            let delivrees = try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(s.minutesPrevues), 0) FROM seance s JOIN cohorte c ON c.id = s.cohorteId
                WHERE \(condition) AND s.date BETWEEN ? AND ?
                """, arguments: arguments + [du, au]) ?? 0
            let beneficiaires = try Row.fetchAll(db, sql: """
                SELECT a.sexe AS sexe, a.anneeNaissance AS annee, COUNT(*) AS seances, SUM(pr.minutes) AS minutes
                FROM presence pr JOIN seance s ON s.id = pr.seanceId JOIN cohorte c ON c.id = s.cohorteId JOIN apprenant a ON a.id = pr.apprenantId
                WHERE \(condition) AND pr.statut = 'present' AND s.date BETWEEN ? AND ?
                GROUP BY pr.apprenantId ORDER BY pr.apprenantId
                """, arguments: arguments + [du, au]).map {
                ActiviteBeneficiaire(sexe: Sexe(rawValue: $0["sexe"]) ?? .nonCommunique, anneeNaissance: $0["annee"],
                                     seances: $0["seances"], minutes: $0["minutes"])
            }
            return (delivrees, beneficiaires)
        }
    }
}
