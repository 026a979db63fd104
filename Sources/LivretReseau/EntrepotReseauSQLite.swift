import Foundation
import GRDB
import LivretCore

/// The embedded network store: one SQLite file (`--base reseau.sqlite`), for a small network on
/// one laptop. Readable by its owner only (the extracts are pseudonymised, but they are the
/// network's and nobody else's).
public final class EntrepotReseauSQLite: EntrepotReseau, @unchecked Sendable {
    // `@unchecked`: GRDB's DatabaseQueue serialises every access itself.
    private let file: DatabaseQueue

    /// Opens (creating it when absent) the network file at `chemin`.
    public init(chemin: String) throws {
        let existait = FileManager.default.fileExists(atPath: chemin)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            file = try DatabaseQueue(path: chemin, configuration: configuration)
        } catch {
            throw ErreurReseau("\(chemin) : impossible d'ouvrir la base du réseau (\(error.localizedDescription)).")
        }
        if !existait { chmod(chemin, 0o600) }
    }

    private static var migrations: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-reseau") { db in
            try db.execute(sql: """
                CREATE TABLE membre (nom TEXT PRIMARY KEY, cle TEXT NOT NULL, departement TEXT NOT NULL, commune TEXT, reseau TEXT, revoque_le TEXT);
                CREATE TABLE extrait (
                    id INTEGER PRIMARY KEY, membre TEXT NOT NULL REFERENCES membre(nom), periode INTEGER NOT NULL, empreinte TEXT NOT NULL,
                    fait_le TEXT NOT NULL, recu_le TEXT NOT NULL, inscriptions INTEGER NOT NULL, accompagnements INTEGER NOT NULL,
                    hors_statistiques INTEGER NOT NULL, remplace_par TEXT, UNIQUE (membre, empreinte));
                CREATE UNIQUE INDEX extrait_en_vigueur ON extrait (periode, membre) WHERE remplace_par IS NULL;
                """)
            for sql in SchemaReseau.tablesEnregistrements(id: "INTEGER") { try db.execute(sql: sql) }
        }
        return m
    }

    public func migrer() async throws {
        try Self.migrations.migrate(file)
    }

    public func ajouterMembre(_ membre: MembreReseau) async throws {
        try await file.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM membre WHERE nom = ?", arguments: [membre.nom]) == true {
                throw ErreurReseau("« \(membre.nom) » est déjà membre du réseau (voir : livret reseau membre lister).")
            }
            try db.execute(sql: "INSERT INTO membre (nom, cle, departement, commune, reseau, revoque_le) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [membre.nom, membre.cle, membre.departement, membre.commune, membre.reseau, membre.revoqueLe?.description])
        }
    }

    public func revoquerMembre(_ nom: String, le jour: Jour) async throws {
        try await file.write { db in
            try db.execute(sql: "UPDATE membre SET revoque_le = ? WHERE nom = ?", arguments: [jour.description, nom])
            if db.changesCount == 0 { throw ErreurReseau("« \(nom) » n'est pas membre du réseau (voir : livret reseau membre lister).") }
        }
    }

    public func membres() async throws -> [MembreReseau] {
        try await file.read { db in
            try Row.fetchAll(db, sql: "SELECT nom, cle, departement, commune, reseau, revoque_le FROM membre ORDER BY nom").map { l in
                MembreReseau(nom: l[0], cle: l[1], departement: l[2], commune: l[3], reseau: l[4], revoqueLe: (l[5] as String?).flatMap(Jour.init))
            }
        }
    }

    public func enregistrer(_ lot: [ExtraitAEnregistrer], recuLe: Jour) async throws {
        try ExtraitAEnregistrer.verifierLot(lot)
        try await file.write { db in
            for e in lot { try Self.enregistrer(e.extrait, membre: e.membre, empreinte: e.empreinte, recuLe: recuLe, db: db) }
        }
    }

    /// One extract of a lot, in the lot's transaction.
    private static func enregistrer(_ extrait: ExtraitReseau, membre: String, empreinte: String, recuLe: Jour, db: Database) throws {
        let periode = extrait.periode.annee
        // The extract in force is replaced: its records go, its line stays in the history.
        let anciens = try Int64.fetchAll(db, sql: "SELECT id FROM extrait WHERE membre = ? AND periode = ? AND remplace_par IS NULL",
                                         arguments: [membre, periode])
        for id in anciens {
            try db.execute(sql: "DELETE FROM inscription_reseau WHERE extrait_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM accompagnement_reseau WHERE extrait_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM fait_reseau WHERE extrait_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE extrait SET remplace_par = ? WHERE id = ?", arguments: [empreinte, id])
        }
        try db.execute(sql: """
            INSERT INTO extrait (membre, periode, empreinte, fait_le, recu_le, inscriptions, accompagnements, hors_statistiques)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [membre, periode, empreinte, extrait.faitLe.description, recuLe.description, extrait.inscriptions.count,
                             extrait.accompagnements.count, extrait.horsStatistiques])
        let id = db.lastInsertedRowID
        func inserer<L>(_ table: String, _ colonnes: [String], _ lignes: [L], _ ecrire: (L, inout ValeursLigne) -> Void) throws {
            let sql = "INSERT INTO \(table) (\(colonnes.joined(separator: ", "))) VALUES (\(colonnes.map { _ in "?" }.joined(separator: ", ")))"
            let instruction = try db.cachedStatement(sql: sql)
            for ligne in lignes {
                let tout: [(any DatabaseValueConvertible)?] = [id, membre, periode] + SchemaReseau.valeurs(ligne, ecrire).map { v in
                    switch v {
                    case .texte(let t): t
                    case .entier(let n): n
                    case .nul: nil
                    }
                }
                try instruction.execute(arguments: StatementArguments(tout))
            }
        }
        try inserer("inscription_reseau", SchemaReseau.colonnesInscription, extrait.inscriptions, SchemaReseau.ecrire)
        try inserer("accompagnement_reseau", SchemaReseau.colonnesAccompagnement, extrait.accompagnements, SchemaReseau.ecrire)
        try inserer("fait_reseau", SchemaReseau.colonnesFait, FaitReseau.depuis(extrait), SchemaReseau.ecrire)
    }

    public func historique(periode: PeriodeReseau?) async throws -> [ExtraitRecu] {
        try await file.read { db in
            try Row.fetchAll(db, sql: """
                SELECT membre, periode, empreinte, recu_le, inscriptions, accompagnements, remplace_par, fait_le FROM extrait
                WHERE ? IS NULL OR periode = ? ORDER BY id DESC
                """, arguments: [periode?.annee, periode?.annee]).map { l in
                guard let recuLe = Jour(l[3] as String), let faitLe = Jour(l[7] as String) else {
                    throw ErreurReseau("Base du réseau : jour illisible « \(l[3] as String) » ou « \(l[7] as String) ».")
                }
                return ExtraitRecu(membre: l[0], periode: PeriodeReseau(annee: l[1]), empreinte: l[2], faitLe: faitLe, recuLe: recuLe,
                                   inscriptions: l[4], accompagnements: l[5], remplacePar: l[6])
            }
        }
    }

    public func enVigueur(membre: String, periode: PeriodeReseau) async throws -> (faitLe: Jour, empreinte: String)? {
        try await file.read { db in
            try Row.fetchOne(db, sql: "SELECT fait_le, empreinte FROM extrait WHERE membre = ? AND periode = ? AND remplace_par IS NULL",
                             arguments: [membre, periode.annee]).map { (Jour($0[0] as String)!, $0[1]) }
        }
    }

    public func dejaRecu(membre: String, empreinte: String) async throws -> Bool {
        try await file.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM extrait WHERE membre = ? AND empreinte = ?", arguments: [membre, empreinte]) ?? false
        }
    }

    public func agregats(periode: PeriodeReseau, parStructure: Bool) async throws -> (agregats: [AgregatReseau], horsStatistiques: [String: Int]) {
        try await file.read { db in
            let sql = SchemaReseau.agregats(parametre: "?1", parStructure: parStructure)
            let lignes = try Row.fetchAll(db, sql: sql, arguments: [periode.annee]).compactMap { l in
                SchemaReseau.agregat((0..<7).map { l[$0] as String }, (7..<15).map { l[$0] as Int })
            }
            let hors = try Row.fetchAll(db, sql: "SELECT membre, hors_statistiques FROM extrait WHERE periode = ? AND remplace_par IS NULL",
                                        arguments: [periode.annee])
            return (lignes, Dictionary(hors.map { ($0[0] as String, $0[1] as Int) }, uniquingKeysWith: +))
        }
    }

    public func fermer() async throws {
        try file.close()
    }
}
