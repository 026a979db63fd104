import GRDB
import LivretCore

extension Base {
    /// What the Coop's activity reports need for a period, in one read: the cohort séances held (with the
    /// people present) and the accompaniments, each person with only sex, year of birth, status, and
    /// the consents in force (``ParticipantCoop``).
    public func activitesCoop(du: Jour, au: Jour) throws(ErreurBase) -> (seances: [SeanceCoop], accompagnements: [(Accompagnement, ParticipantCoop)]) {
        try lire { db in
            // The consent in force: the latest record of each learner.
            let consentements = """
                (SELECT co.apprenantId, co.statistiques, co.coop FROM consentement co
                 WHERE co.id = (SELECT MAX(c2.id) FROM consentement c2 WHERE c2.apprenantId = co.apprenantId))
                """
            // A learner: sex, year of birth and status; named only with the « coop » consent and both names.
            func participant(_ l: Row, sexe colonneSexe: String = "sexe", nom colonneNom: String = "nom") -> ParticipantCoop {
                let annee: Int? = l["anneeNaissance"]
                let efface: Bool = l["efface"] ?? false
                let coop: Bool = l["coop"] ?? false
                return ParticipantCoop(sexe: Sexe(rawValue: l[colonneSexe] ?? "") ?? .nonCommunique, naissance: annee.map { $0...$0 },
                                       statut: StatutSocial(rawValue: l["statutSocial"] ?? "") ?? .nonCommunique,
                                       statistiques: UsageDonnees.statistiques.autorise(portee: l["statistiques"]),
                                       beneficiaire: ExportBeneficiairesCoop.nomBeneficiaire(nom: l[colonneNom], prenom: l["prenom"], coop: coop, efface: efface))
            }
            var seances: [SeanceCoop] = []
            let lignesSeances = try Row.fetchAll(db, sql: """
                SELECT s.id, s.date, s.minutesPrevues, s.theme, c.titre FROM seance s JOIN cohorte c ON c.id = s.cohorteId
                WHERE s.date >= ? AND s.date <= ? ORDER BY s.date, s.id
                """, arguments: [du, au])
            for s in lignesSeances {
                let presents = try Row.fetchAll(db, sql: """
                    SELECT a.sexe, a.anneeNaissance, a.statutSocial, a.prenom, a.nom, a.efface, co.statistiques, co.coop
                    FROM presence p JOIN apprenant a ON a.id = p.apprenantId LEFT JOIN \(consentements) co ON co.apprenantId = a.id
                    WHERE p.seanceId = ? AND p.statut = 'present' ORDER BY a.identifiant
                    """, arguments: [s["id"] as Int64]).map { participant($0) }
                let items = try String.fetchOne(db, sql: "SELECT \(Self.itemsDeLaSeance(seance: "?", date: "?"))",
                                                arguments: [s["id"] as Int64, s["date"] as DatabaseValue])
                    .map { $0.split(separator: ",").map(String.init).sorted() } ?? []
                guard let date = Jour.fromDatabaseValue(s["date"] as DatabaseValue) else { continue }
                seances.append(SeanceCoop(date: date, minutes: s["minutesPrevues"], titre: s["titre"], theme: s["theme"], presents: presents,
                                          itemsAptic: items))
            }
            let lignes = try Row.fetchAll(db, sql: """
                SELECT ac.*, a.sexe AS sexeApprenant, a.anneeNaissance, a.statutSocial, a.prenom, a.nom AS nomApprenant, a.efface,
                       co.statistiques, co.coop,
                       (SELECT group_concat(referentiel || ':' || code, ',') FROM accompagnementTheme t WHERE t.accompagnementId = ac.id) AS themes
                FROM accompagnement ac LEFT JOIN apprenant a ON a.id = ac.apprenantId LEFT JOIN \(consentements) co ON co.apprenantId = a.id
                WHERE ac.date >= ? AND ac.date <= ? ORDER BY ac.date, ac.id
                """, arguments: [du, au])
            let accompagnements = try lignes.map { l -> (Accompagnement, ParticipantCoop) in
                let a = try Self.accompagnement(l)
                if let anonyme = a.anonyme {
                    // An anonymous person gave only sex and age band, to be counted: no status, no name.
                    return (a, ParticipantCoop(sexe: anonyme.sexe, naissance: anonyme.naissance, statut: .nonCommunique, statistiques: true))
                }
                return (a, participant(l, sexe: "sexeApprenant", nom: "nomApprenant"))
            }
            return (seances, accompagnements)
        }
    }

    /// SQL for what a séance worked on, as one comma-separated text (NULL when nothing): the APTIC
    /// items evidenced on its day by the people present, withdrawn evidence left out. The one rule of
    /// the Coop's collective CRA and of the activity review's séances by thématique.
    static func itemsDeLaSeance(seance: String, date: String) -> String {
        """
        (SELECT group_concat(DISTINCT pr.code) FROM preuve pr
         JOIN presence p ON p.apprenantId = pr.apprenantId AND p.seanceId = \(seance) AND p.statut = 'present'
         WHERE pr.referentiel = 'aptic' AND pr.date = \(date) AND pr.retrait = 0
           AND NOT EXISTS (SELECT 1 FROM preuve r WHERE r.remplace = pr.id AND r.retrait = 1))
        """
    }
}
