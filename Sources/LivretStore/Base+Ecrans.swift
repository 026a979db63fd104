import GRDB
import LivretCore

extension Base {
    /// Every cohort with its summary on day `jour`, most recent first: counts by sex and status
    /// (``Decompte``) from the per-inscription summary kept by triggers, planned hours from the séances.
    public func resumesCohortes(au jour: Jour) throws(ErreurBase) -> [ResumeCohorte] {
        try lire { db in
            // One row per cohort and status, read by position: at national scale (100 000 inscriptions)
            // reading named columns of one row per sex cost more than the SQL.
            struct Agregat { var parSexe: [Sexe: Int] = [:]; var suivies = 0; var termines = 0; var abandons = 0 }
            var agregats: [Int64: Agregat] = [:]
            let lignes = try Row.fetchCursor(db, sql: """
                SELECT s.cohorteId, s.statut, SUM(a.sexe = 'feminin'), SUM(a.sexe = 'masculin'), SUM(a.sexe = 'autre'), COUNT(*),
                       SUM(s.minutesSuivies)
                FROM suiviInscription s JOIN apprenant a ON a.id = s.apprenantId
                GROUP BY s.cohorteId, s.statut
                """)
            while let ligne = try lignes.next() {
                let statut = StatutInscription(rawValue: ligne[1]) ?? .inscrit
                let f: Int = ligne[2], m: Int = ligne[3], autre: Int = ligne[4], n: Int = ligne[5]
                var a = agregats[ligne[0]] ?? Agregat()
                for (sexe, nombre) in [(Sexe.feminin, f), (.masculin, m), (.autre, autre), (.nonCommunique, n - f - m - autre)] {
                    a.parSexe[sexe, default: 0] += nombre
                }
                a.suivies += ligne[6] as Int
                // The status decides terminé and abandon for every row of the group (minutes do not).
                let decompte = Decompte(statut: statut, venu: false)
                a.termines += decompte.termine ? n : 0
                a.abandons += decompte.abandon ? n : 0
                agregats[ligne[0]] = a
            }
            let heures = try Self.heuresCohortes(db, au: jour)
            return try Row.fetchAll(db, sql: """
                SELECT cohorte.id AS id, cohorte.code AS code, cohorte.titre AS titre, cohorte.debut AS debut, cohorte.fin AS fin,
                       cohorte.cloturee AS cloturee, parcours.titre AS parcours
                FROM cohorte JOIN parcours ON parcours.id = cohorte.parcoursId
                ORDER BY cohorte.debut DESC, cohorte.code
                """).map { ligne in
                let id: Int64 = ligne[0]
                let a = agregats[id] ?? Agregat()
                return ResumeCohorte(code: ligne[1], titre: ligne[2], parcours: ligne[6], debut: ligne[3],
                                     fin: ligne[4], cloturee: ligne[5], inscritsParSexe: a.parSexe.filter { $0.value > 0 },
                                     termines: a.termines, abandons: a.abandons,
                                     heures: heures[id] ?? HeuresCohorte(), minutesSuivies: a.suivies)
            }
        }
    }

    /// The lines of the attendance sheet of every séance of cohort `code`, counted by inscription
    /// status and recorded status, by séance id: the facts of ``feuilleAppel(seanceId:)`` for the
    /// whole cohort in one query (a séance without a line has no entry).
    public func comptesAppels(cohorte code: String) throws(ErreurBase) -> [Int64: [CompteAppel]] {
        try lire { db in
            guard let cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else {
                throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
            }
            var comptes: [Int64: [CompteAppel]] = [:]
            let lignes = try Row.fetchCursor(db, sql: """
                SELECT se.id, s.statut, p.statut, COUNT(*)
                FROM seance se JOIN inscription i ON i.cohorteId = se.cohorteId
                LEFT JOIN suiviInscription s ON s.inscriptionId = i.id
                LEFT JOIN presence p ON p.seanceId = se.id AND p.apprenantId = i.apprenantId
                WHERE se.cohorteId = ? GROUP BY 1, 2, 3
                """, arguments: [cohorte.id])
            while let ligne = try lignes.next() {
                let inscription: String? = ligne[1]
                let statut: String? = ligne[2]
                comptes[ligne[0], default: []].append(CompteAppel(statutInscription: StatutInscription(rawValue: inscription ?? "inscrit") ?? .inscrit,
                                                                  statut: statut.flatMap(StatutPresence.init(rawValue:)), nombre: ligne[3]))
            }
            return comptes
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
