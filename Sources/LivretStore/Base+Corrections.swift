import GRDB
import LivretCore

/// What a deleted séance held, for the message and the journal.
public struct SeanceSupprimee: Sendable, Equatable {
    public var seance: Seance
    public var cohorte: String
    /// Presence lines deleted with it.
    public var presences: Int
}

extension Base {
    /// Deletes a séance created by mistake, with its attendance, in one transaction; the journal
    /// records what was deleted, by whom and when. The per-inscription summary follows (triggers).
    public func supprimerSeance(id seanceId: Int64, motif: String, auteurId: Int64, date: Jour) throws(ErreurBase) -> SeanceSupprimee {
        try ecrire { db in
            guard let seance = try Seance.fetchOne(db, key: seanceId),
                  let cohorte = try Cohorte.fetchOne(db, key: seance.cohorteId) else {
                throw ErreurBase.introuvable(quoi: "Séance", code: String(seanceId))
            }
            guard !motif.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ErreurBase.invalide("dites pourquoi la séance est supprimée (--motif), pour l'historique.")
            }
            let presences = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM presence WHERE seanceId = ?", arguments: [seanceId]) ?? 0
            try db.execute(sql: "DELETE FROM presence WHERE seanceId = ?", arguments: [seanceId])
            try db.execute(sql: "DELETE FROM seance WHERE id = ?", arguments: [seanceId])
            try Self.journaliser(db, date: date, auteurId: auteurId, action: "seance-supprimee", cible: cohorte.code,
                                 detail: "séance n° \(seanceId) du \(seance.date.francais), \(seance.minutesPrevues) min, \(presences) présence(s) : \(motif)")
            return SeanceSupprimee(seance: seance, cohorte: cohorte.code, presences: presences)
        }
    }

    /// Withdraws preuve `id`: appends a retraction naming it (``Preuve/retrait``), with the motif;
    /// the preuve itself stays readable. One transaction.
    @discardableResult
    public func retirerPreuve(id: Int64, motif: String, auteurId: Int64, date: Jour) throws(ErreurBase) -> Preuve {
        try ecrire { db in
            guard let preuve = try Preuve.fetchOne(db, key: id) else { throw ErreurBase.introuvable(quoi: "Preuve", code: String(id)) }
            if preuve.retrait { throw ErreurBase.invalide("la preuve n° \(id) est elle-même un retrait.") }
            if try Preuve.filter(Column("remplace") == id).fetchCount(db) > 0 {
                throw ErreurBase.invalide("la preuve n° \(id) a déjà été remplacée ou retirée.")
            }
            guard !motif.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ErreurBase.invalide("dites pourquoi la preuve est retirée (--motif).")
            }
            var retrait = Preuve(apprenantId: preuve.apprenantId, referentiel: preuve.referentiel, code: preuve.code, niveau: preuve.niveau,
                                 date: date, auteurId: auteurId, note: motif, remplace: id, retrait: true)
            try retrait.insert(db)
            return retrait
        }
    }

    /// The consent in force for a learner inside a transaction (the latest record; nil when none).
    static func consentementEnVigueur(_ db: Database, apprenantId: Int64) throws -> Consentement? {
        try Consentement.filter(Column("apprenantId") == apprenantId).order(Column("id").desc).fetchOne(db)
    }
}
