import Foundation
import GRDB
import LivretCore

extension Base {
    /// Writes a consistent copy of the base to `destination` while it may be in use (SQLite's online
    /// backup, from a read snapshot), checks the copy's integrity, then renames it into place:
    /// a half-written copy is never left under the chosen name.
    public func sauvegarder(vers destination: String) throws(ErreurBase) {
        let cible = URL(fileURLWithPath: destination)
        let temporaire = cible.deletingLastPathComponent()
            .appendingPathComponent(".\(cible.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partiel")
        do {
            if FileManager.default.fileExists(atPath: destination) {
                throw ErreurBase.dejaExistant(quoi: "Le fichier", code: destination)
            }
            Self.nettoyerCopiesPartielles(de: cible)
            try? FileManager.default.removeItem(at: temporaire)
            let copie = try DatabaseQueue(path: temporaire.path)
            try ecrivain.backup(to: copie)
            let verdict = try copie.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            try copie.close()
            guard verdict == "ok" else { throw ErreurBase.invalide("la copie ne passe pas le contrôle d'intégrité (\(verdict ?? "?")).") }
            try FileManager.default.moveItem(at: temporaire, to: cible)
        } catch {
            try? FileManager.default.removeItem(at: temporaire)
            throw Self.traduire(error)
        }
    }

    /// Removes what a backup to `cible` killed midway left: `.<nom>.<pid>.partiel` (and its
    /// `-wal`, `-shm`, `-journal`) whose process no longer runs. Never the final file.
    static func nettoyerCopiesPartielles(de cible: URL) {
        let dossier = cible.deletingLastPathComponent()
        let prefixe = ".\(cible.lastPathComponent)."
        guard let noms = try? FileManager.default.contentsOfDirectory(atPath: dossier.path) else { return }
        for nom in noms where nom.hasPrefix(prefixe) {
            let reste = nom.dropFirst(prefixe.count)
            guard let point = reste.firstIndex(of: "."), reste[point...].hasPrefix(".partiel"),
                  let pid = Int32(reste[..<point]), pid != ProcessInfo.processInfo.processIdentifier,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: dossier.appendingPathComponent(nom))
        }
    }

    /// Replaces the base's content with the backup at `source`, after checking that the backup is
    /// a sound Livret base no newer than this version, and after saving the current content to
    /// `copieAvant`. One SQLite backup step: other processes see the old or the new content, never a mix.
    public func restaurer(depuis source: String, copieAvant: String) throws(ErreurBase) {
        guard FileManager.default.fileExists(atPath: source) else { throw ErreurBase.introuvable(quoi: "Sauvegarde", code: source) }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let sauvegarde = try DatabaseQueue(path: source, configuration: configuration)
            try sauvegarde.read { db in
                guard try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" else {
                    throw ErreurBase.invalide("« \(source) » est endommagée (contrôle d'intégrité en échec) : rien n'a été restauré.")
                }
                guard try db.tableExists("grdb_migrations") else {
                    throw ErreurBase.invalide("« \(source) » n'est pas une base Livret : rien n'a été restauré.")
                }
                let connues = Set(Self.migrateur.migrations)
                if let inconnue = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").first(where: { !connues.contains($0) }) {
                    throw ErreurBase.versionPlusRecente(migration: inconnue)
                }
            }
            try sauvegarder(vers: copieAvant)
            try sauvegarde.backup(to: ecrivain)
            try sauvegarde.close()
        } catch {
            throw Self.traduire(error)
        }
        // The restored file may predate migrations of this version.
        try migrer()
    }
}
