import GRDB
import LivretCore

extension Base {
    /// Learners not erased whose last activity is before `limite`, oldest first.
    public func inactifs(avant limite: Jour) throws(ErreurBase) -> [ApprenantInactif] {
        try lire { db in
            try Row.fetchAll(db, sql: """
                SELECT a.identifiant AS identifiant, MAX(a.creeLe,
                       COALESCE((SELECT MAX(s.date) FROM presence p JOIN seance s ON s.id = p.seanceId WHERE p.apprenantId = a.id), ''),
                       COALESCE((SELECT MAX(pr.date) FROM preuve pr WHERE pr.apprenantId = a.id), ''),
                       COALESCE((SELECT MAX(e.date) FROM etapeInscription e JOIN inscription i ON i.id = e.inscriptionId WHERE i.apprenantId = a.id), ''),
                       COALESCE((SELECT MAX(c.date) FROM certificationPix c WHERE c.apprenantId = a.id), '')) AS derniere
                FROM apprenant a WHERE a.efface = 0
                """).compactMap { ligne -> ApprenantInactif? in
                guard let jour = Jour(ligne["derniere"] as String), jour < limite else { return nil }
                return ApprenantInactif(identifiant: ligne["identifiant"], derniereActivite: jour)
            }.sorted { ($0.derniereActivite, $0.identifiant) < ($1.derniereActivite, $1.identifiant) }
        }
    }

    /// Erases the identity of every learner inactive since before `limite`, in one transaction;
    /// statistics are unchanged (categories, attendance and evidence stay, without names).
    @discardableResult
    public func anonymiserInactifs(avant limite: Jour, auteurId: Int64, date: Jour) throws(ErreurBase) -> [ApprenantInactif] {
        let liste = try inactifs(avant: limite)
        try ecrire { db in
            for inactif in liste { try Self.effacer(db, inactif.identifiant, auteurId: auteurId, date: date, motif: "inactif depuis le \(inactif.derniereActivite.francais)") }
        }
        try checkpoint()
        return liste
    }
}
