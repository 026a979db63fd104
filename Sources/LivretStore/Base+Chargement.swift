import GRDB
import LivretCore

// Bulk loading, for synthetic data (benchmark, national-scale demos). Rows go in through cached
// prepared statements, in write transactions of `tailleLot` rows each: a failure rolls back the
// current batch only, so this is NOT the all-or-nothing path of ordinary user actions.

/// Inserts rows in bulk; only valid inside the closure given to ``Base/chargerParLots(tailleLot:_:)``.
public final class ChargeurLots {
    let db: Database
    let tailleLot: Int
    var dansLot = 0
    /// Rows inserted so far, per table.
    public private(set) var lignes: [String: Int] = [:]
    /// Dates are written as "AAAA-MM-JJ"; formatting is cached per day.
    private var dates: [Int: String] = [:]

    init(db: Database, tailleLot: Int) {
        self.db = db
        self.tailleLot = max(1, tailleLot)
    }

    /// Total rows inserted.
    public var total: Int { lignes.values.reduce(0, +) }

    private func texte(_ jour: Jour) -> String {
        if let t = dates[jour.numero] { return t }
        let t = jour.description
        dates[jour.numero] = t
        return t
    }

    private func compter(_ table: String, _ n: Int = 1) throws {
        lignes[table, default: 0] += n
        dansLot += n
        if dansLot >= tailleLot { try valider() }
    }

    /// Commits the current batch and opens the next one.
    public func valider() throws {
        guard dansLot > 0 else { return }
        try db.commit()
        try db.beginTransaction(.immediate)
        dansLot = 0
    }

    private func inserer(_ sql: String, _ arguments: StatementArguments, table: String) throws -> Int64 {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        let id = db.lastInsertedRowID
        try compter(table)
        return id
    }

    @discardableResult
    public func apprenant(_ a: Apprenant) throws -> Int64 {
        try inserer("""
            INSERT INTO apprenant (identifiant, prenom, nom, pseudonyme, anneeNaissance, sexe, qpv, statutSocial,
                                   niveauDiplome, email, telephone, efface, creeLe, creePar)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [a.identifiant, a.prenom, a.nom, a.pseudonyme, a.anneeNaissance, a.sexe.rawValue, a.qpv.rawValue,
                  a.statutSocial.rawValue, a.niveauDiplome, a.email, a.telephone, a.efface, texte(a.creeLe), a.creePar],
            table: "apprenant")
    }

    @discardableResult
    public func consentement(_ c: Consentement) throws -> Int64 {
        try inserer("INSERT INTO consentement (apprenantId, date, suivi, badges, statistiques, auteurId) VALUES (?, ?, ?, ?, ?, ?)",
                    [c.apprenantId, texte(c.date), c.suivi, c.badges, c.statistiques, c.auteurId], table: "consentement")
    }

    @discardableResult
    public func cohorte(_ c: Cohorte) throws -> Int64 {
        try inserer("INSERT INTO cohorte (code, parcoursId, titre, debut, fin, cloturee, creePar) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [c.code, c.parcoursId, c.titre, texte(c.debut), c.fin.map(texte), c.cloturee, c.creePar], table: "cohorte")
    }

    @discardableResult
    public func seance(_ s: Seance) throws -> Int64 {
        try inserer("INSERT INTO seance (cohorteId, date, minutesPrevues, theme, creePar) VALUES (?, ?, ?, ?, ?)",
                    [s.cohorteId, texte(s.date), s.minutesPrevues, s.theme, s.creePar], table: "seance")
    }

    /// An inscription with its status history (oldest first), and optional exit outcome.
    @discardableResult
    public func inscription(cohorteId: Int64, apprenantId: Int64,
                            etapes: [(statut: StatutInscription, date: Jour, motif: String?)], auteurId: Int64,
                            sortie: (type: TypeSortie, date: Jour)? = nil) throws -> Int64 {
        let id = try inserer("INSERT INTO inscription (cohorteId, apprenantId) VALUES (?, ?)", [cohorteId, apprenantId], table: "inscription")
        for etape in etapes {
            _ = try inserer("INSERT INTO etapeInscription (inscriptionId, statut, motif, date, auteurId) VALUES (?, ?, ?, ?, ?)",
                            [id, etape.statut.rawValue, etape.motif, texte(etape.date), auteurId], table: "etapeInscription")
        }
        if let sortie {
            _ = try inserer("INSERT INTO sortie (inscriptionId, type, date, note, auteurId) VALUES (?, ?, ?, NULL, ?)",
                            [id, sortie.type.rawValue, texte(sortie.date), auteurId], table: "sortie")
        }
        return id
    }

    public func presence(_ p: Presence) throws {
        try db.cachedStatement(sql: "INSERT INTO presence (seanceId, apprenantId, statut, minutes, auteurId) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [p.seanceId, p.apprenantId, p.statut.rawValue, p.minutes, p.auteurId])
        try compter("presence")
    }

    @discardableResult
    public func preuve(_ p: Preuve) throws -> Int64 {
        try inserer("INSERT INTO preuve (apprenantId, referentiel, code, niveau, date, auteurId, note, remplace) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [p.apprenantId, p.referentiel.rawValue, p.code, p.niveau.rawValue, texte(p.date), p.auteurId, p.note, p.remplace],
                    table: "preuve")
    }

    @discardableResult
    public func profilPix(_ p: ProfilPix) throws -> Int64 {
        let id = try inserer("INSERT INTO profilPix (apprenantId, date, source, empreinte) VALUES (?, ?, ?, ?)",
                             [p.apprenantId, texte(p.date), p.source, p.empreinte], table: "profilPix")
        for (competence, niveau) in p.niveaux.sorted(by: { $0.key < $1.key }) {
            _ = try inserer("INSERT INTO profilPixCompetence (profilId, competence, niveau, pix) VALUES (?, ?, ?, ?)",
                            [id, competence, niveau, p.pix[competence]], table: "profilPixCompetence")
        }
        return id
    }

    @discardableResult
    public func certification(_ c: CertificationPix) throws -> Int64 {
        let id = try inserer("INSERT INTO certificationPix (apprenantId, code, date, centre, score, palier, auteurId) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             [c.apprenantId, c.code, texte(c.date), c.centre, c.score, c.palier, c.auteurId], table: "certificationPix")
        for (competence, niveau) in c.niveaux.sorted(by: { $0.key < $1.key }) {
            _ = try inserer("INSERT INTO certificationPixCompetence (certificationId, competence, niveau) VALUES (?, ?, ?)",
                            [id, competence, niveau], table: "certificationPixCompetence")
        }
        return id
    }
}

extension Base {
    /// Bulk-loads synthetic data: `remplir` inserts through the ``ChargeurLots``, which commits every
    /// `tailleLot` rows (and at the end). Returns the rows inserted per table.
    ///
    /// Not all or nothing: batches already committed stay if a later one fails. For generated data only.
    @discardableResult
    public func chargerParLots(tailleLot: Int = 50_000, _ remplir: (ChargeurLots) throws -> Void) throws(ErreurBase) -> [String: Int] {
        do {
            return try ecrivain.writeWithoutTransaction { db in
                // A larger page cache for the load only (index pages of the big tables stay in memory).
                let cacheAvant = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -262144")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheAvant)") }
                let chargeur = ChargeurLots(db: db, tailleLot: tailleLot)
                try db.beginTransaction(.immediate)
                do {
                    try remplir(chargeur)
                    try db.commit()
                } catch {
                    if db.isInsideTransaction { try? db.rollback() }
                    throw error
                }
                try db.execute(sql: "ANALYZE")
                return chargeur.lignes
            }
        } catch let erreur as ErreurBase {
            throw erreur
        } catch let erreur as DatabaseError {
            throw ErreurBase.depuis(erreur)
        } catch {
            throw .sql(cause: "\(error)")
        }
    }

    /// Size in bytes of the database file (after a checkpoint, the WAL is empty).
    public func tailleFichier() throws(ErreurBase) -> Int64 {
        try lire { db in
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let taille = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return pages * taille
        }
    }

}
