import GRDB
import LivretCore

/// One cohort as the formateur's home screen shows it: parcours, dates, who is enrolled
/// (by sex), how far the sessions are, attendance so far.
public struct ResumeCohorte: Sendable, Equatable {
    public var code: String
    public var titre: String
    public var parcours: String
    public var debut: Jour
    public var fin: Jour?
    public var cloturee: Bool
    /// Enrolled people by sex.
    public var inscritsParSexe: [Sexe: Int]
    public var termines: Int
    public var abandons: Int
    /// Sessions held (before the day asked, or that day once attendance is taken) and planned in all.
    public var seancesPassees: Int
    public var seancesTotal: Int
    /// Minutes attended by the people still following (not dropped out), and minutes planned by
    /// the sessions held × those people.
    public var minutesSuivies: Int
    public var minutesAttendues: Int

    public var inscrits: Int { inscritsParSexe.values.reduce(0, +) }
    /// Sessions held / planned, 0 when nothing is planned.
    public var avancement: Double { seancesTotal == 0 ? 0 : Double(seancesPassees) / Double(seancesTotal) }
    /// Minutes attended / minutes expected so far; nil before the first session.
    public var assiduite: Double? { minutesAttendues == 0 ? nil : min(1, Double(minutesSuivies) / Double(minutesAttendues)) }
}

/// The attendance sheet of one session: every person enrolled in its cohort, with what was
/// already recorded.
public struct FeuilleAppel: Sendable, Equatable {
    public struct Ligne: Sendable, Equatable {
        public var identifiant: String
        public var nom: String
        public var statutInscription: StatutInscription
        /// nil: nothing recorded yet for this session.
        public var statut: StatutPresence?
        public var minutes: Int?
    }

    public var seance: Seance
    public var cohorte: String
    public var lignes: [Ligne]
}

extension Base {
    /// Every cohort with its summary, most recent first, in three aggregate queries (the
    /// per-inscription summary kept by triggers makes this independent of the number of presences).
    public func resumesCohortes(au jour: Jour) throws(ErreurBase) -> [ResumeCohorte] {
        try lire { db in
            // One row per cohort (scanned in cohort order: no sort), read by position: at national
            // scale (100 000 inscriptions) reading named columns of one row per sex cost more than the SQL.
            struct Agregat { var parSexe: [Sexe: Int]; var suivies: Int; var termines: Int; var abandons: Int; var actifs: Int }
            var agregats: [Int64: Agregat] = [:]
            let lignes = try Row.fetchCursor(db, sql: """
                SELECT s.cohorteId, SUM(a.sexe = 'feminin'), SUM(a.sexe = 'masculin'), SUM(a.sexe = 'autre'), COUNT(*),
                       SUM(CASE WHEN s.statut <> 'abandon' THEN s.minutesSuivies ELSE 0 END),
                       SUM(s.statut = 'termine'), SUM(s.statut = 'abandon')
                FROM suiviInscription s JOIN apprenant a ON a.id = s.apprenantId
                GROUP BY s.cohorteId
                """)
            while let ligne = try lignes.next() {
                let f: Int = ligne[1], m: Int = ligne[2], autre: Int = ligne[3], n: Int = ligne[4], abandons: Int = ligne[7]
                agregats[ligne[0]] = Agregat(parSexe: [.feminin: f, .masculin: m, .autre: autre, .nonCommunique: n - f - m - autre],
                                             suivies: ligne[5], termines: ligne[6], abandons: abandons, actifs: n - abandons)
            }
            // Sessions held: before the day asked, plus that day's once attendance is taken (read
            // apart: folding that test into the aggregate made SQLite evaluate it for every session).
            var seances: [Int64: (passees: Int, total: Int, minutesPassees: Int)] = [:]
            for ligne in try Row.fetchAll(db, sql: """
                SELECT cohorteId, COUNT(*), SUM(date < ?), SUM(CASE WHEN date < ? THEN minutesPrevues ELSE 0 END)
                FROM seance GROUP BY cohorteId
                """, arguments: [jour, jour]) {
                seances[ligne[0]] = (ligne[2] ?? 0, ligne[1], ligne[3] ?? 0)
            }
            for ligne in try Row.fetchAll(db, sql: """
                SELECT cohorteId, minutesPrevues FROM seance
                WHERE date = ? AND EXISTS (SELECT 1 FROM presence p WHERE p.seanceId = seance.id)
                """, arguments: [jour]) {
                let cohorte: Int64 = ligne[0]
                let minutes: Int = ligne[1]
                seances[cohorte]?.passees += 1
                seances[cohorte]?.minutesPassees += minutes
            }
            return try Row.fetchAll(db, sql: """
                SELECT cohorte.id AS id, cohorte.code AS code, cohorte.titre AS titre, cohorte.debut AS debut, cohorte.fin AS fin,
                       cohorte.cloturee AS cloturee, parcours.titre AS parcours
                FROM cohorte JOIN parcours ON parcours.id = cohorte.parcoursId
                ORDER BY cohorte.debut DESC, cohorte.code
                """).map { ligne in
                let id: Int64 = ligne[0]
                let s = seances[id] ?? (0, 0, 0)
                let a = agregats[id] ?? Agregat(parSexe: [:], suivies: 0, termines: 0, abandons: 0, actifs: 0)
                return ResumeCohorte(code: ligne[1], titre: ligne[2], parcours: ligne[6], debut: ligne[3],
                                     fin: ligne[4], cloturee: ligne[5], inscritsParSexe: a.parSexe.filter { $0.value > 0 },
                                     termines: a.termines, abandons: a.abandons,
                                     seancesPassees: s.passees, seancesTotal: s.total,
                                     minutesSuivies: a.suivies, minutesAttendues: s.minutesPassees * a.actifs)
            }
        }
    }

    /// The sessions of the cohort for which attendance has been taken (at least one line).
    public func seancesSaisies(cohorteId: Int64) throws(ErreurBase) -> Set<Int64> {
        try lire { db in
            Set(try Int64.fetchAll(db, sql: "SELECT s.id FROM seance s WHERE s.cohorteId = ? AND EXISTS (SELECT 1 FROM presence p WHERE p.seanceId = s.id)", arguments: [cohorteId]))
        }
    }

    /// The attendance sheet of session `seanceId`.
    public func feuilleAppel(seanceId: Int64) throws(ErreurBase) -> FeuilleAppel {
        let resultat: FeuilleAppel? = try lire { db in
            guard let seance = try Seance.fetchOne(db, key: seanceId),
                  let cohorte = try Cohorte.fetchOne(db, key: seance.cohorteId) else { return nil }
            let lignes = try Row.fetchAll(db, sql: """
                SELECT a.identifiant AS identifiant, a.prenom AS prenom, a.nom AS nom, a.pseudonyme AS pseudonyme, a.efface AS efface,
                       s.statut AS inscription, p.statut AS statut, p.minutes AS minutes
                FROM inscription i JOIN apprenant a ON a.id = i.apprenantId
                LEFT JOIN suiviInscription s ON s.inscriptionId = i.id
                LEFT JOIN presence p ON p.seanceId = ? AND p.apprenantId = a.id
                WHERE i.cohorteId = ? ORDER BY a.identifiant
                """, arguments: [seanceId, seance.cohorteId]).map { ligne in
                let apprenant = Apprenant(identifiant: ligne["identifiant"], prenom: ligne["prenom"], nom: ligne["nom"],
                                          pseudonyme: ligne["pseudonyme"], efface: ligne["efface"], creeLe: Jour(numero: 0), creePar: 0)
                let statut: String? = ligne["statut"]
                return FeuilleAppel.Ligne(identifiant: apprenant.identifiant, nom: apprenant.nomAffiche,
                                          statutInscription: StatutInscription(rawValue: ligne["inscription"] ?? "inscrit") ?? .inscrit,
                                          statut: statut.flatMap(StatutPresence.init(rawValue:)), minutes: ligne["minutes"])
            }
            return FeuilleAppel(seance: seance, cohorte: cohorte.code, lignes: lignes)
        }
        guard let resultat else { throw .introuvable(quoi: "Séance", code: String(seanceId)) }
        return resultat
    }
}
