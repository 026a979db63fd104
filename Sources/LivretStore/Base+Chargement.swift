import GRDB
import LivretCore
#if canImport(GRDBSQLite)
import GRDBSQLite
#endif

// Bulk loading, for synthetic data (benchmark, national-scale demos). Rows go in through cached
// prepared statements, in write transactions of `tailleLot` rows each: a failure rolls back the
// current batch only, so this is NOT the all-or-nothing path of ordinary user actions.

/// Inserts rows in bulk; only valid inside the closure given to ``Base/chargerParLots(tailleLot:_:)``.
public final class ChargeurLots {
    /// One table, with its single INSERT.
    enum Table: Int, CaseIterable {
        case apprenant, consentement, cohorte, seance, inscription, etapeInscription, sortie, presence, preuve,
             profilPix, profilPixCompetence, certificationPix, certificationPixCompetence,
             accompagnement, accompagnementTheme, satisfaction, suiviApresAction

        var nom: String { "\(self)" }

        var sql: String {
            switch self {
            case .apprenant: """
                INSERT INTO apprenant (identifiant, prenom, nom, pseudonyme, anneeNaissance, sexe, qpv, statutSocial,
                                       niveauDiplome, email, telephone, efface, creeLe, creePar)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            case .consentement: "INSERT INTO consentement (apprenantId, date, suivi, badges, statistiques, coop, parLaPersonne, auteurId) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            case .cohorte: "INSERT INTO cohorte (code, parcoursId, titre, debut, fin, cloturee, creePar) VALUES (?, ?, ?, ?, ?, ?, ?)"
            case .seance: "INSERT INTO seance (cohorteId, date, minutesPrevues, theme, creePar) VALUES (?, ?, ?, ?, ?)"
            case .inscription: "INSERT INTO inscription (cohorteId, apprenantId) VALUES (?, ?)"
            case .etapeInscription: "INSERT INTO etapeInscription (inscriptionId, statut, motif, date, auteurId) VALUES (?, ?, ?, ?, ?)"
            case .sortie: "INSERT INTO sortie (inscriptionId, type, date, note, auteurId) VALUES (?, ?, ?, NULL, ?)"
            case .presence: "INSERT INTO presence (seanceId, apprenantId, statut, minutes, auteurId, cohorteId) VALUES (?, ?, ?, ?, ?, ?)"
            case .preuve: "INSERT INTO preuve (apprenantId, referentiel, code, niveau, date, auteurId, note, remplace) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            case .profilPix: "INSERT INTO profilPix (apprenantId, date, source, empreinte) VALUES (?, ?, ?, ?)"
            case .profilPixCompetence: "INSERT INTO profilPixCompetence (profilId, competence, niveau, pix) VALUES (?, ?, ?, ?)"
            case .certificationPix: "INSERT INTO certificationPix (apprenantId, code, date, centre, score, palier, auteurId) VALUES (?, ?, ?, ?, ?, ?, ?)"
            case .certificationPixCompetence: "INSERT INTO certificationPixCompetence (certificationId, competence, niveau) VALUES (?, ?, ?)"
            case .accompagnement: """
                INSERT INTO accompagnement (date, minutes, type, lieu, lieuNom, intervenantId, apprenantId, sexe, naissanceMin, naissanceMax,
                                            autonomie, materiel, note, auteurId, orientation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            case .accompagnementTheme: "INSERT INTO accompagnementTheme (accompagnementId, referentiel, code) VALUES (?, ?, ?)"
            case .satisfaction: """
                INSERT INTO satisfaction (date, questionnaire, apprenantId, cohorteId, accompagnementId, mode, q1, q2, q3, q4, auteurId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            case .suiviApresAction: """
                INSERT INTO suiviApresAction (apprenantId, cohorteId, date, delaiMois, situation, contrat, tempsPartiel, enLienFormation, auteurId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            }
        }
    }

    let db: Database
    let tailleLot: Int
    var dansLot = 0
    private var compteurs = [Int](repeating: 0, count: Table.allCases.count)
    /// The prepared statements (from GRDB's statement cache), fetched once per load.
    private var instructions = [Statement?](repeating: nil, count: Table.allCases.count)
    /// Dates are written as "AAAA-MM-JJ"; formatting is cached per day.
    private var dates: [Int: String] = [:]

    init(db: Database, tailleLot: Int) {
        self.db = db
        self.tailleLot = max(1, tailleLot)
    }

    /// Rows inserted so far, per table.
    public var lignes: [String: Int] {
        var resultat: [String: Int] = [:]
        for table in Table.allCases where compteurs[table.rawValue] > 0 { resultat[table.nom] = compteurs[table.rawValue] }
        return resultat
    }

    /// Total rows inserted.
    public var total: Int { compteurs.reduce(0, +) }

    private func texte(_ jour: Jour) -> String {
        if let t = dates[jour.numero] { return t }
        let t = jour.description
        dates[jour.numero] = t
        return t
    }

    /// Commits the current batch and opens the next one.
    public func valider() throws {
        guard dansLot > 0 else { return }
        try db.commit()
        try db.beginTransaction(.immediate)
        dansLot = 0
    }

    private func instruction(_ table: Table) throws -> Statement {
        if let deja = instructions[table.rawValue] { return deja }
        let nouvelle = try db.cachedStatement(sql: table.sql)
        instructions[table.rawValue] = nouvelle
        return nouvelle
    }

    /// Binds the values with `lier`, in column order, runs the INSERT, counts the row, commits every `tailleLot` rows.
    @discardableResult
    private func inserer(_ table: Table, _ lier: (inout Lieur) -> Void) throws -> Int64 {
        let instruction = try instruction(table)
        #if canImport(GRDBSQLite)
        // Straight to SQLite: no argument array per row (the hot path of a multi-million-row load).
        var lieur = Lieur(sqlite: instruction.sqliteStatement)
        lier(&lieur)
        let code = sqlite3_step(instruction.sqliteStatement)
        if code != SQLITE_DONE {
            let connexion = db.sqliteConnection
            let message = connexion.map { String(cString: sqlite3_errmsg($0)) }
            let etendu = connexion.map { sqlite3_extended_errcode($0) } ?? code
            sqlite3_reset(instruction.sqliteStatement)
            throw DatabaseError(resultCode: ResultCode(rawValue: etendu), message: message, sql: table.sql)
        }
        sqlite3_reset(instruction.sqliteStatement)
        #else
        var lieur = Lieur()
        lier(&lieur)
        instruction.setUncheckedArguments(StatementArguments(lieur.valeurs))
        try instruction.execute()
        #endif
        let id = db.lastInsertedRowID
        compteurs[table.rawValue] += 1
        dansLot += 1
        if dansLot >= tailleLot { try valider() }
        return id
    }

    @discardableResult
    public func apprenant(_ a: Apprenant) throws -> Int64 {
        let creeLe = texte(a.creeLe)
        return try inserer(.apprenant) {
            $0.texte(a.identifiant); $0.texte(a.prenom); $0.texte(a.nom); $0.texte(a.pseudonyme); $0.entier(a.anneeNaissance)
            $0.texte(a.sexe.rawValue); $0.texte(a.qpv.rawValue); $0.texte(a.statutSocial.rawValue); $0.texte(a.niveauDiplome)
            $0.texte(a.email); $0.texte(a.telephone); $0.booleen(a.efface); $0.texte(creeLe); $0.entier(a.creePar)
        }
    }

    @discardableResult
    public func consentement(_ c: Consentement) throws -> Int64 {
        let date = texte(c.date)
        return try inserer(.consentement) {
            $0.entier(c.apprenantId); $0.texte(date); $0.booleen(c.suivi); $0.booleen(c.badges); $0.booleen(c.statistiques); $0.booleen(c.coop); $0.booleen(c.parLaPersonne)
            $0.entier(c.auteurId)
        }
    }

    @discardableResult
    public func cohorte(_ c: Cohorte) throws -> Int64 {
        let debut = texte(c.debut)
        let fin = c.fin.map(texte)
        return try inserer(.cohorte) {
            $0.texte(c.code); $0.entier(c.parcoursId); $0.texte(c.titre); $0.texte(debut); $0.texte(fin); $0.booleen(c.cloturee); $0.entier(c.creePar)
        }
    }

    @discardableResult
    public func seance(_ s: Seance) throws -> Int64 {
        let date = texte(s.date)
        return try inserer(.seance) { $0.entier(s.cohorteId); $0.texte(date); $0.entier(s.minutesPrevues); $0.texte(s.theme); $0.entier(s.creePar) }
    }

    /// An inscription with its status history (oldest first), and optional exit outcome.
    @discardableResult
    public func inscription(cohorteId: Int64, apprenantId: Int64,
                            etapes: [(statut: StatutInscription, date: Jour, motif: String?)], auteurId: Int64,
                            sortie: (type: TypeSortie, date: Jour)? = nil) throws -> Int64 {
        let id = try inserer(.inscription) { $0.entier(cohorteId); $0.entier(apprenantId) }
        for etape in etapes {
            let date = texte(etape.date)
            try inserer(.etapeInscription) { $0.entier(id); $0.texte(etape.statut.rawValue); $0.texte(etape.motif); $0.texte(date); $0.entier(auteurId) }
        }
        if let sortie {
            let date = texte(sortie.date)
            try inserer(.sortie) { $0.entier(id); $0.texte(sortie.type.rawValue); $0.texte(date); $0.entier(auteurId) }
        }
        return id
    }

    public func presence(_ p: Presence, cohorteId: Int64) throws {
        try inserer(.presence) {
            $0.entier(p.seanceId); $0.entier(p.apprenantId); $0.texte(p.statut.rawValue); $0.entier(p.minutes); $0.entier(p.auteurId); $0.entier(cohorteId)
        }
    }

    @discardableResult
    public func preuve(_ p: Preuve) throws -> Int64 {
        let date = texte(p.date)
        return try inserer(.preuve) {
            $0.entier(p.apprenantId); $0.texte(p.referentiel.rawValue); $0.texte(p.code); $0.texte(p.niveau.rawValue)
            $0.texte(date); $0.entier(p.auteurId); $0.texte(p.note); $0.entier(p.remplace)
        }
    }

    /// An accompaniment with its themes (checked by ``RegleAccompagnement`` like every other write).
    @discardableResult
    public func accompagnement(_ a: Accompagnement, auteurId: Int64) throws -> Int64 {
        try RegleAccompagnement.verifier(a)
        let date = texte(a.date)
        let id = try inserer(.accompagnement) {
            $0.texte(date); $0.entier(a.minutes); $0.texte(a.type.rawValue); $0.texte(a.lieu.rawValue); $0.texte(a.lieuNom); $0.entier(a.intervenantId)
            $0.entier(a.apprenantId); $0.texte(a.anonyme?.sexe.rawValue); $0.entier(a.anonyme?.naissance?.lowerBound)
            $0.entier(a.anonyme?.naissance?.upperBound); $0.texte(a.autonomie?.rawValue); $0.texte(a.materiel.map(\.rawValue).joined(separator: ","))
            $0.texte(a.note); $0.entier(auteurId); $0.texte(a.orientation?.rawValue)
        }
        for t in Set(a.thematiques).sorted(by: { $0.rawValue < $1.rawValue }) {
            try inserer(.accompagnementTheme) { $0.entier(id); $0.texte("coop"); $0.texte(t.rawValue) }
        }
        for code in Set(a.itemsAptic).sorted() { try inserer(.accompagnementTheme) { $0.entier(id); $0.texte("aptic"); $0.texte(code) } }
        return id
    }

    /// An answered questionnaire, without free text.
    public func satisfaction(_ r: ReponseSatisfaction, auteurId: Int64) throws {
        try RegleAccompagnement.verifier(r)
        let date = texte(r.date)
        try inserer(.satisfaction) {
            $0.texte(date); $0.texte(r.questionnaire); $0.entier(r.apprenantId); $0.entier(r.cohorteId); $0.entier(r.accompagnementId)
            $0.texte(r.mode.rawValue); $0.entier(r.notes[0]); $0.entier(r.notes[1]); $0.entier(r.notes[2]); $0.entier(r.notes[3]); $0.entier(auteurId)
        }
    }

    /// A follow-up after the action, without free text.
    public func suivi(_ s: SuiviApresAction, auteurId: Int64) throws {
        try RegleAccompagnement.verifier(s)
        let date = texte(s.date)
        try inserer(.suiviApresAction) {
            $0.entier(s.apprenantId); $0.entier(s.cohorteId); $0.texte(date); $0.entier(s.delaiMois); $0.texte(s.situation.rawValue)
            $0.texte(s.contrat?.rawValue); $0.entier(s.tempsPartiel.map { $0 ? 1 : 0 }); $0.entier(s.enLienAvecFormation.map { $0 ? 1 : 0 }); $0.entier(auteurId)
        }
    }

    @discardableResult
    public func profilPix(_ p: ProfilPix) throws -> Int64 {
        let date = texte(p.date)
        let id = try inserer(.profilPix) { $0.entier(p.apprenantId); $0.texte(date); $0.texte(p.source); $0.texte(p.empreinte) }
        for (competence, niveau) in p.niveaux.sorted(by: { $0.key < $1.key }) {
            try inserer(.profilPixCompetence) { $0.entier(id); $0.texte(competence); $0.entier(niveau); $0.entier(p.pix[competence]) }
        }
        return id
    }

    @discardableResult
    public func certification(_ c: CertificationPix) throws -> Int64 {
        let date = texte(c.date)
        let id = try inserer(.certificationPix) {
            $0.entier(c.apprenantId); $0.texte(c.code); $0.texte(date); $0.texte(c.centre); $0.entier(c.score); $0.entier(c.palier); $0.entier(c.auteurId)
        }
        for (competence, niveau) in c.niveaux.sorted(by: { $0.key < $1.key }) {
            try inserer(.certificationPixCompetence) { $0.entier(id); $0.texte(competence); $0.entier(niveau) }
        }
        return id
    }
}

/// Binds one row's values, in column order.
struct Lieur {
    #if canImport(GRDBSQLite)
    let sqlite: SQLiteStatement
    var rang: Int32 = 1

    init(sqlite: SQLiteStatement) { self.sqlite = sqlite }

    mutating func entier(_ valeur: Int64?) {
        if let valeur { sqlite3_bind_int64(sqlite, rang, valeur) } else { sqlite3_bind_null(sqlite, rang) }
        rang += 1
    }

    mutating func texte(_ valeur: String?) {
        if let valeur {
            sqlite3_bind_text(sqlite, rang, valeur, -1, Self.transitoire)
        } else {
            sqlite3_bind_null(sqlite, rang)
        }
        rang += 1
    }

    /// SQLite copies the text before the call returns.
    static let transitoire = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    #else
    var valeurs: [DatabaseValue] = []

    mutating func entier(_ valeur: Int64?) { valeurs.append(valeur?.databaseValue ?? .null) }
    mutating func texte(_ valeur: String?) { valeurs.append(valeur?.databaseValue ?? .null) }
    #endif

    mutating func entier(_ valeur: Int?) { entier(valeur.map { Int64($0) }) }
    mutating func booleen(_ valeur: Bool) { entier(Int64(valeur ? 1 : 0)) }
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
                // Rows loaded out of order (presences before their inscription) bypass the summary triggers.
                try Self.reconstruireSuivi(db)
                try db.execute(sql: "ANALYZE")
                return chargeur.lignes
            }
        } catch {
            throw Self.traduire(error)
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
