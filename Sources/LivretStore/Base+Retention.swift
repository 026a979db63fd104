import Foundation
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

    /// The pause between two batches of ``anonymiserInactifs(avant:auteurId:date:taillePaquet:progression:)``, in µs.
    static let pauseEntrePaquets: UInt32 = 150_000

    /// Erases the identity of every learner inactive since before `limite`, by batches of
    /// `taillePaquet` learners, each its own transaction: other programs write between two batches
    /// (a single transaction held the write lock for a minute at 30 000 learners), and a run
    /// stopped midway is finished by the next one (those erased are no longer in the list).
    /// `progression(faits, total)` is called after each batch, outside any transaction.
    /// Statistics are unchanged (categories, attendance and evidence stay, without names).
    @discardableResult
    public func anonymiserInactifs(avant limite: Jour, auteurId: Int64, date: Jour, taillePaquet: Int = 250,
                                   progression: (_ faits: Int, _ total: Int) -> Void = { _, _ in }) throws(ErreurBase) -> BilanAnonymisation {
        let liste = try inactifs(avant: limite)
        var faits = 0
        while faits < liste.count {
            let paquet = Array(liste[faits..<min(faits + max(taillePaquet, 1), liste.count)])
            if faits > 0 {
                // Other writers wait with SQLite's busy handler, which polls every 100 ms at most:
                // without a pause the next batch would take the lock again before they wake up.
                usleep(Self.pauseEntrePaquets)
            }
            try ecrire { db in
                try Self.avecPreuvesModifiables(db) {
                    for inactif in paquet {
                        // Erased meanwhile (by hand, or by another run): nothing left to do.
                        guard try Bool.fetchOne(db, sql: "SELECT efface FROM apprenant WHERE identifiant = ?",
                                                arguments: [inactif.identifiant]) == false else { continue }
                        try Self.effacer(db, inactif.identifiant, auteurId: auteurId, date: date,
                                         motif: "inactif depuis le \(inactif.derniereActivite.francais)")
                    }
                }
            }
            faits += paquet.count
            progression(faits, liste.count)
        }
        return BilanAnonymisation(apprenants: liste, octetsEffaces: liste.isEmpty || checkpointSansAttendre())
    }
}

/// What `rgpd anonymiser` did.
public struct BilanAnonymisation: Sendable {
    /// The learners whose identity was erased, oldest activity first.
    public var apprenants: [ApprenantInactif]
    /// Whether the erased bytes are already gone from the files (false: another program was reading).
    public var octetsEffaces: Bool
}
