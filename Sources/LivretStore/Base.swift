import Foundation
import GRDB
import LivretCore

/// The Livret database: one SQLite file (WAL, foreign keys, busy timeout) or an in-memory base for tests.
///
/// The only type that owns a connection. Every user action is one write transaction, through
/// the intent-named methods of its extensions (`Base+Apprenants.swift`…).
public final class Base: Sendable {
    /// The environment variable that names the database file.
    public static let variableChemin = "LIVRET_BASE"
    /// The default file, relative to the current folder.
    public static let cheminParDefaut = "livret.sqlite"

    let ecrivain: any DatabaseWriter
    /// Where the file is, or nil in memory.
    public let chemin: String?

    /// Opens (creating if needed) and migrates the base at `chemin`.
    public init(chemin: String) throws(ErreurBase) {
        let compagnonsAvant = FichiersPrives.compagnons.filter { FileManager.default.fileExists(atPath: chemin + $0) }
        let cree = FichiersPrives.preparerBase(chemin)
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(30)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Erased identities must not linger in free pages.
                try db.execute(sql: "PRAGMA secure_delete = ON")
            }
            ecrivain = try DatabasePool(path: chemin, configuration: configuration)
        } catch {
            Self.nettoyerOuvertureRatee(chemin, compagnonsAvant: compagnonsAvant, fichierCree: cree)
            throw .ouverture(chemin: chemin, cause: MessagesSysteme.cause(error))
        }
        self.chemin = chemin
        try migrer()
        // An erasure whose bytes could not be removed from the file at once (another program was reading).
        if FileManager.default.fileExists(atPath: Self.cheminEffacementEnAttente(chemin)) { _ = checkpointSansAttendre() }
    }

    /// After a failed open (disk full, read-only medium…), removes what this attempt created:
    /// the empty base file, an -shm smaller than SQLite's first block (SQLite leaves 3 bytes), an empty -wal.
    static func nettoyerOuvertureRatee(_ chemin: String, compagnonsAvant: [String], fichierCree: Bool) {
        func taille(_ f: String) -> Int? { (try? FileManager.default.attributesOfItem(atPath: f))?[.size] as? Int }
        if let t = taille(chemin + "-shm"), t < 32_768, !compagnonsAvant.contains("-shm") { unlink(chemin + "-shm") }
        if taille(chemin + "-wal") == 0, !compagnonsAvant.contains("-wal") { unlink(chemin + "-wal") }
        if fichierCree, taille(chemin) == 0 { unlink(chemin) }
    }

    /// An in-memory base, for tests.
    public init() throws(ErreurBase) {
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            ecrivain = try DatabaseQueue(configuration: configuration)
        } catch {
            throw .ouverture(chemin: ":memory:", cause: "\(error)")
        }
        chemin = nil
        try migrer()
    }

    func migrer() throws(ErreurBase) {
        do {
            let migrateur = Self.migrateur
            let aFaire: [String] = try ecrivain.read { db in
                let connues = Set(migrateur.migrations)
                let appliquees = try migrateur.appliedIdentifiers(db)
                if let inconnue = appliquees.first(where: { !connues.contains($0) }) {
                    throw ErreurBase.versionPlusRecente(migration: inconnue)
                }
                return appliquees.isEmpty ? [] : migrateur.migrations.filter { !appliquees.contains($0) }
            }
            // An older base is copied before it is changed: the copy opens with the previous version.
            if let chemin, let prochaine = aFaire.first {
                var copie = "\(chemin).avant-\(prochaine).sqlite"
                var n = 2
                while FileManager.default.fileExists(atPath: copie) { copie = "\(chemin).avant-\(prochaine)-\(n).sqlite"; n += 1 }
                try sauvegarder(vers: copie)
            }
            try migrateur.migrate(ecrivain)
        } catch let erreur as ErreurBase {
            throw erreur
        } catch {
            throw .migration(cause: "\(error)")
        }
    }

    /// One write transaction; errors from SQLite become ``ErreurBase``.
    func ecrire<T>(_ action: @Sendable (Database) throws -> T) throws(ErreurBase) -> T {
        do { return try ecrivain.write(action) } catch { throw Self.traduire(error) }
    }

    /// A read.
    func lire<T>(_ action: @Sendable (Database) throws -> T) throws(ErreurBase) -> T {
        do { return try ecrivain.read(action) } catch { throw Self.traduire(error) }
    }

    /// Any error met while using the base, as an ``ErreurBase``.
    static func traduire(_ erreur: any Error) -> ErreurBase {
        switch erreur {
        case let erreur as ErreurBase: erreur
        case let erreur as ErreurRegle: erreur.interface == nil ? .invalide(erreur.message) : .refus(erreur)
        case let erreur as DatabaseError: .depuis(erreur)
        default: MessagesSysteme.numero(erreur) != nil ? .systeme(MessagesSysteme.cause(erreur)) : .sql(cause: "\(erreur)")
        }
    }

    /// Runs SQLite's integrity check; returns "ok" when the file is sound.
    public func verifierIntegrite() throws(ErreurBase) -> String {
        try lire { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?" }
    }

    /// Writes the WAL back into the main file and empties it (after an erasure, so that the erased
    /// bytes are gone from both files), without waiting: true when done; false when another
    /// program is reading or writing the base (then the next opening of the base by Livret retries,
    /// see ``cheminEffacementEnAttente(_:)``). Never throws: what was committed stays committed.
    @discardableResult
    public func checkpointSansAttendre() -> Bool {
        guard let chemin else { return true }
        let marque = Self.cheminEffacementEnAttente(chemin)
        let fait: Bool
        do {
            fait = try ecrivain.writeWithoutTransaction { db in
                // TRUNCATE waits for readers through the busy handler: not here (30 s for nothing).
                try db.execute(sql: "PRAGMA busy_timeout = 0")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = 30000") }
                do {
                    try db.checkpoint(.truncate)
                    return true
                } catch let erreur as DatabaseError where erreur.resultCode == .SQLITE_BUSY || erreur.resultCode == .SQLITE_LOCKED {
                    return false
                }
            }
        } catch {
            fait = false
        }
        if fait {
            unlink(marque)
        } else if !FileManager.default.fileExists(atPath: marque) {
            // Remembered in a file beside the base (not in it: writing would need the lock again).
            if let fd = try? FichiersPrives.creerFichier(marque) { close(fd) }
        }
        return fait
    }

    /// Writes the WAL back into the main file and empties it, waiting for readers (benchmarks).
    public func checkpoint() throws(ErreurBase) {
        do {
            try ecrivain.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw Self.traduire(error)
        }
    }

    /// The file that says an erasure still waits for its checkpoint: `<base>.effacement-en-attente`.
    public static func cheminEffacementEnAttente(_ chemin: String) -> String { chemin + ".effacement-en-attente" }
}

extension Base {
    /// Marks the file as migrated by a future version (tests of the refusal only).
    package static func ajouterMigrationInconnuePourTest(chemin: String) throws {
        let file = try DatabaseQueue(path: chemin)
        try file.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-futur')")
        }
    }
}

extension Base {
    /// Makes the file look written by the previous version (tests of the migration backup only).
    package static func retirerDerniereMigrationPourTest(chemin: String) throws {
        let file = try DatabaseQueue(path: chemin)
        try file.write { db in
            try db.execute(sql: "DROP TABLE listeStatuts; DROP TABLE listeRevocation; DROP TABLE badge; DROP TABLE cleEmetteur; DROP TABLE emetteur")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v2-badges', 'v6-listes-statuts')")
        }
    }
}

extension Base {
    /// Creates a file migrated up to `migration` included, as that version of Livret left it
    /// (tests of a later migration only).
    package static func creerJusquaPourTest(chemin: String, migration: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let file = try DatabaseQueue(path: chemin, configuration: configuration)
        try migrateur.migrate(file, upTo: migration)
    }
}
