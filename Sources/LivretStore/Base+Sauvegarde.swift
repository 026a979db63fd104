import Foundation
import GRDB
import LivretCore

extension Base {
    /// Writes a consistent copy of the base to `destination` while it may be in use (SQLite's online
    /// backup, from a read snapshot), checks the copy's integrity, then renames it into place:
    /// a half-written copy is never left under the chosen name. The copy is one self-contained file
    /// (rollback journal, not WAL: it opens from read-only media without -wal or -shm), mode 0600.
    public func sauvegarder(vers destination: String) throws(ErreurBase) {
        let cible = URL(fileURLWithPath: destination)
        let temporaire = cible.deletingLastPathComponent()
            .appendingPathComponent(".\(cible.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partiel")
        do {
            if FileManager.default.fileExists(atPath: destination) {
                throw ErreurBase.dejaExistant(quoi: "Le fichier", code: destination)
            }
            Self.nettoyerCopiesPartielles(de: cible)
            Self.supprimerAvecCompagnons(temporaire.path)
            // Created 0600 first: SQLite keeps that mode and gives it to the copy's journal.
            close(try FichiersPrives.creerFichier(temporaire.path))
            let copie = try DatabaseQueue(path: temporaire.path)
            try ecrivain.backup(to: copie)
            // The backup copies the header of a WAL base, which says WAL: back to a rollback journal.
            try copie.writeWithoutTransaction { db in
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")?.lowercased() == "delete" else {
                    throw ErreurBase.invalide("la copie n'a pas pu être rendue autonome (journal).")
                }
            }
            let verdict = try copie.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            try copie.close()
            guard verdict == "ok" else { throw ErreurBase.invalide("la copie ne passe pas le contrôle d'intégrité (\(verdict ?? "?")).") }
            guard rename(temporaire.path, cible.path) == 0 else { throw ErreurSysteme(errno: errno, chemin: destination) }
        } catch {
            Self.supprimerAvecCompagnons(temporaire.path)
            throw Self.erreurDeFichier(error, ecriture: destination)
        }
    }

    /// An error met while writing the file `chemin`, saying which file (disk full, read-only…).
    static func erreurDeFichier(_ erreur: any Error, ecriture chemin: String) -> ErreurBase {
        switch Self.traduire(erreur) {
        case .systeme(let message): .systeme("impossible d'écrire « \(chemin) » : \(message)")
        case let autre: autre
        }
    }

    /// Removes a file and the -wal, -shm, -journal SQLite may have left beside it.
    static func supprimerAvecCompagnons(_ chemin: String) {
        for suffixe in [""] + FichiersPrives.compagnons { unlink(chemin + suffixe) }
    }

    /// Removes what a backup to `cible` killed midway left: `.<nom>.<pid>.partiel` (and its
    /// `-wal`, `-shm`, `-journal`) whose process no longer runs. Never the final file.
    /// With `suffixe` ".restauration": the private copies of a restore of the base `cible`.
    static func nettoyerCopiesPartielles(de cible: URL, suffixe: String = ".partiel") {
        let dossier = cible.deletingLastPathComponent()
        let prefixe = ".\(cible.lastPathComponent)."
        guard let noms = try? FileManager.default.contentsOfDirectory(atPath: dossier.path) else { return }
        for nom in noms where nom.hasPrefix(prefixe) {
            let reste = nom.dropFirst(prefixe.count)
            guard let point = reste.firstIndex(of: "."), reste[point...].hasPrefix(suffixe),
                  let pid = Int32(reste[..<point]), pid != ProcessInfo.processInfo.processIdentifier,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: dossier.appendingPathComponent(nom))
        }
    }

    /// Replaces the base's content with the backup at `source`, after checking that the backup is
    /// a sound Livret base no newer than this version, and after saving the current content to
    /// `copieAvant`. One SQLite backup step: other processes see the old or the new content, never a mix.
    ///
    /// `source` is only read, byte by byte, into a private copy beside the base: nothing is ever
    /// written beside it (no -wal, no -shm), so a backup restores from a read-only USB key, and a
    /// backup of an older version (WAL header) restores too.
    public func restaurer(depuis source: String, copieAvant: String) throws(ErreurBase) {
        guard FileManager.default.fileExists(atPath: source) else { throw ErreurBase.introuvable(quoi: "Sauvegarde", code: source) }
        guard let chemin else { throw ErreurBase.invalide("une base en mémoire ne se restaure pas.") }
        let dossier = URL(fileURLWithPath: chemin).deletingLastPathComponent()
        let locale = dossier.appendingPathComponent(".\(URL(fileURLWithPath: chemin).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).restauration").path
        Self.nettoyerCopiesPartielles(de: URL(fileURLWithPath: chemin), suffixe: ".restauration")
        Self.supprimerAvecCompagnons(locale)
        defer { Self.supprimerAvecCompagnons(locale) }
        do {
            do {
                try FichiersPrives.copier(source, vers: locale)
            } catch let erreur as ErreurSysteme where erreur.chemin == source {
                throw ErreurBase.systeme("impossible de lire la sauvegarde « \(source) » : \(MessagesSysteme.systeme(erreur.errno))")
            }
            let sauvegarde = try DatabaseQueue(path: locale)
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
        } catch let erreur as DatabaseError where erreur.resultCode == .SQLITE_NOTADB || erreur.resultCode == .SQLITE_CORRUPT {
            throw ErreurBase.invalide("« \(source) » n'est pas une base Livret, ou elle est endommagée : rien n'a été restauré.")
        } catch {
            throw Self.traduire(error)
        }
        // The restored file may predate migrations of this version.
        try migrer()
    }
}

extension Base {
    /// Puts the whole content of `source` (a base filled elsewhere, e.g. in memory) into this base,
    /// which must not be initialised, in one SQLite backup step: a process killed midway leaves this
    /// base as it was, never half filled.
    public func remplir(depuis source: Base) throws(ErreurBase) {
        guard try structure() == nil else { throw ErreurBase.invalide("la base n'est pas vide.") }
        do { try source.ecrivain.backup(to: ecrivain) } catch { throw Self.traduire(error) }
    }
}
