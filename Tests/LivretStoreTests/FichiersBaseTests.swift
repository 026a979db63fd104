import Foundation
import GRDB
@testable import LivretStore
import LivretTestSupport
import Testing

/// Issue 14: private files, erasure next to a reader, anonymisation by batches, self-contained
/// backups, French messages for the disk and the system.
@Suite("Fichiers de la base : droits, effacement, sauvegardes, messages du système")
struct FichiersBaseTests {
    static func mode(_ chemin: String) -> mode_t? {
        var etat = stat()
        return lstat(chemin, &etat) == 0 ? etat.st_mode & 0o777 : nil
    }

    /// The SQLite header's « file format » bytes 18 and 19: 1,1 rollback journal, 2,2 WAL.
    static func formatJournal(_ chemin: String) throws -> [UInt8] {
        let octets = try Data(contentsOf: URL(fileURLWithPath: chemin))
        return [octets[18], octets[19]]
    }

    @Test("La base, son -wal et son -shm sont 0600, une base ancienne plus large est resserrée")
    func baseEtCompagnonsPrives() throws {
        // The usual umask (the test process's is usually the same: nothing else changes).
        let ancien = umask(0o022)
        defer { umask(ancien) }
        let demo = try Demonstration.temporaire()
        for suffixe in ["", "-wal", "-shm"] {
            #expect(Self.mode(demo.chemin + suffixe) == 0o600, "\(suffixe)")
        }
        // A base written by an older version (0644): narrowed at the next opening.
        chmod(demo.chemin, 0o644)
        chmod(demo.chemin + "-wal", 0o644)
        _ = try Base(chemin: demo.chemin)
        #expect(Self.mode(demo.chemin) == 0o600)
        #expect(Self.mode(demo.chemin + "-wal") == 0o600)
    }

    @Test("Une sauvegarde est un seul fichier 0600 au journal classique (pas WAL), sans -wal ni -shm à côté")
    func sauvegardeAutonome() throws {
        let demo = try Demonstration.temporaire()
        let dossier = demo.dossier.fichier("cle")
        try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
        let copie = dossier.appendingPathComponent("s.sqlite").path
        try demo.base.sauvegarder(vers: copie)
        #expect(try Self.formatJournal(copie) == [1, 1])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dossier.path) == ["s.sqlite"])
        #expect(Self.mode(copie) == 0o600)
    }

    @Test("Restaurer ne crée rien à côté de la sauvegarde et ne l'écrit jamais, même une sauvegarde au format WAL d'avant")
    func restaurationSansEcrireACote() throws {
        let demo = try Demonstration.temporaire()
        let dossier = demo.dossier.fichier("cle")
        try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
        let copie = dossier.appendingPathComponent("s.sqlite").path
        try demo.base.sauvegarder(vers: copie)
        // What versions before issue 14 wrote: the same file, header saying WAL.
        let ancienne = dossier.appendingPathComponent("ancienne.sqlite").path
        var octets = try Data(contentsOf: URL(fileURLWithPath: copie))
        octets[18] = 2
        octets[19] = 2
        try octets.write(to: URL(fileURLWithPath: ancienne))
        let avant = try FileManager.default.contentsOfDirectory(atPath: dossier.path).sorted()
        // What a restore killed midway left beside the base (its process has ended): removed.
        let fini = Process()
        fini.executableURL = URL(fileURLWithPath: "/bin/sh")
        fini.arguments = ["-c", "exit 0"]
        try fini.run()
        fini.waitUntilExit()
        let reste = demo.dossier.fichier(".livret.sqlite.\(fini.processIdentifier).restauration")
        try Data("moitié".utf8).write(to: reste)
        for source in [copie, ancienne] {
            let contenu = try Data(contentsOf: URL(fileURLWithPath: source))
            let date = try FileManager.default.attributesOfItem(atPath: source)[.modificationDate] as? Date
            try demo.base.ajouterApprenant(Apprenant(identifiant: "A-9\(source.count)", prenom: "Après", creeLe: Fixe.jour, creePar: 1))
            try demo.base.restaurer(depuis: source, copieAvant: demo.dossier.fichier("avant-\(UUID().uuidString).sqlite").path)
            #expect(try demo.base.apprenants(recherche: "Après").isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dossier.path).sorted() == avant)
            #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == contenu)
            #expect(try FileManager.default.attributesOfItem(atPath: source)[.modificationDate] as? Date == date)
        }
        // Nothing left beside the base either (the private working copy is removed).
        #expect(try FileManager.default.contentsOfDirectory(atPath: demo.dossier.url.path).filter { $0.contains("restauration") }.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: reste.path))
    }

    @Test("Effacer pendant qu'un autre programme lit : succès tout de suite, octets effacés dès qu'il a fini")
    func effacementPendantUneLecture() throws {
        let demo = try Demonstration.temporaire()
        let nom = try demo.base.apprenant("A-0001").prenom!
        let auteur = try demo.base.formateur(Fixe.formateur).id!
        // Another program holds a read transaction open (sqlite3, a spreadsheet's ODBC driver…).
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let lecteur = try DatabaseQueue(path: demo.chemin, configuration: configuration)
        try lecteur.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN")
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM apprenant")
        }
        let debut = Date()
        let effaceDuFichier = try demo.base.effacerApprenant("A-0001", auteurId: auteur, date: Fixe.jour)
        #expect(Date().timeIntervalSince(debut) < 10, "l'effacement a attendu le lecteur")
        #expect(!effaceDuFichier)
        #expect(try demo.base.apprenant("A-0001").efface)
        #expect(FileManager.default.fileExists(atPath: Base.cheminEffacementEnAttente(demo.chemin)))
        // The reader finishes; the next opening of the base by Livret removes the bytes.
        try lecteur.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
        try lecteur.close()
        _ = try Base(chemin: demo.chemin)
        #expect(!FileManager.default.fileExists(atPath: Base.cheminEffacementEnAttente(demo.chemin)))
        let fichiers = try [demo.chemin, demo.chemin + "-wal"].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(fichiers.allSatisfy { $0.range(of: Data(nom.utf8)) == nil }, "« \(nom) » est encore dans le fichier")
    }

    /// A base of `nombre` learners, all inactive since 2020.
    static func baseInactifs(_ nombre: Int, dans dossier: DossierTemporaire) throws -> Base {
        let base = try Base(chemin: dossier.fichier("livret.sqlite").path)
        let debut = Jour("2020-01-06")!
        try base.initialiser(structure: "Test", formateur: Fixe.formateur, date: debut)
        try base.chargerParLots { chargeur in
            for i in 1...nombre {
                _ = try chargeur.apprenant(Apprenant(identifiant: Apprenant.identifiantLocal(numero: i), prenom: "Prénom\(i)",
                                                     nom: "Nom\(i)", creeLe: debut, creePar: 1))
            }
        }
        return base
    }

    @Test("Anonymiser ne garde pas le verrou d'écriture : un autre programme écrit pendant l'anonymisation")
    func anonymiserLaisseEcrire() throws {
        let dossier = try DossierTemporaire()
        defer { dossier.supprimer() }
        let base = try Self.baseInactifs(3_000, dans: dossier)
        var configuration = Configuration()
        configuration.busyMode = .timeout(3)
        let autre = try DatabaseQueue(path: dossier.fichier("livret.sqlite").path, configuration: configuration)
        let fini = ManagedAtomicBool()
        let groupe = DispatchGroup()
        DispatchQueue.global().async(group: groupe) {
            _ = try? base.anonymiserInactifs(avant: Jour("2023-01-01")!, auteurId: 1, date: Jour("2024-01-01")!)
            fini.mettre()
        }
        var ecritures = 0
        var refusees: [String] = []
        while !fini.lire() {
            do {
                try autre.write { db in try db.execute(sql: "UPDATE structure SET nom = nom") }
                ecritures += 1
            } catch {
                refusees.append("\(error)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        groupe.wait()
        #expect(refusees.isEmpty, "écritures refusées : \(refusees.count) sur \(ecritures + refusees.count) (\(refusees.first ?? ""))")
        #expect(try base.inactifs(avant: Jour("2023-01-01")!).isEmpty)
    }

    @Test("Anonymiser par paquets : chaque paquet est validé, la progression est donnée entre deux, une reprise finit le travail")
    func anonymiserParPaquets() throws {
        let dossier = try DossierTemporaire()
        defer { dossier.supprimer() }
        let base = try Self.baseInactifs(10, dans: dossier)
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let autre = try DatabaseQueue(path: dossier.fichier("livret.sqlite").path, configuration: configuration)
        var etapes: [[Int]] = []
        // A stopped run: the first 4 erased by hand, as a killed run would leave them.
        for i in 1...4 { try base.effacerApprenant(Apprenant.identifiantLocal(numero: i), auteurId: 1, date: Jour("2024-01-01")!) }
        let bilan = try base.anonymiserInactifs(avant: Jour("2023-01-01")!, auteurId: 1, date: Jour("2024-01-01")!, taillePaquet: 4) { faits, total in
            etapes.append([faits, total])
            // Between two batches the write lock is free: another program writes at once.
            #expect(throws: Never.self) { try autre.write { db in try db.execute(sql: "UPDATE structure SET nom = nom") } }
        }
        #expect(etapes == [[4, 6], [6, 6]])
        #expect(bilan.apprenants.count == 6)
        #expect(try base.inactifs(avant: Jour("2023-01-01")!).isEmpty)
        #expect(try base.apprenants().allSatisfy(\.efface))
    }

    @Test("Disque plein (SQLITE_FULL) : un message en français qui dit quoi faire, pas celui de SQLite")
    func disquePlein() throws {
        let dossier = try DossierTemporaire()
        defer { dossier.supprimer() }
        let base = try Base(chemin: dossier.fichier("livret.sqlite").path)
        try base.initialiser(structure: "Test", formateur: Fixe.formateur, date: Fixe.jour)
        let pages = try base.lire { db in try Int.fetchOne(db, sql: "PRAGMA page_count") }!
        try base.ecrivain.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let erreur = #expect(throws: ErreurBase.self) {
            // Many learners with names of the longest length allowed: more than the pages left.
            _ = try base.importerApprenants((1...2_000).map { n in
                (Apprenant(identifiant: Apprenant.identifiantLocal(numero: n), prenom: String(repeating: "x", count: RegleTexte.longueurNom),
                           nom: String(repeating: "y", count: RegleTexte.longueurNom), creeLe: Fixe.jour, creePar: 1), nil)
            })
        }
        let message = erreur?.description ?? ""
        #expect(message.contains("le disque est plein"), "\(message)")
        #expect(!message.contains("database or disk is full"), "\(message)")
    }

    @Test("Les erreurs du système (errno) et de SQLite sont en français")
    func messagesDuSysteme() throws {
        // Writing to /dev/full is what a full disk does: ENOSPC.
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let erreur = #expect(throws: ErreurSysteme.self) { try FichiersPrives.ecrireTout(Data("x".utf8), dans: fd, chemin: "export.json") }
        #expect(erreur?.errno == ENOSPC)
        #expect(erreur?.description == "« export.json » : le disque est plein. Libérez de la place ou choisissez un autre emplacement, puis recommencez.")
        for code in [ENOSPC, EACCES, EROFS, ENOENT, EISDIR, ENOTDIR, EFBIG, EIO] {
            #expect(!MessagesSysteme.systeme(code).contains("erreur du système"), "errno \(code)")
        }
        for code in [ResultCode.SQLITE_FULL, .SQLITE_BUSY, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR_WRITE] {
            #expect(MessagesSysteme.sqlite(code) != nil, "\(code)")
            #expect(ErreurBase.depuis(DatabaseError(resultCode: code, message: "not an error")).description.contains("not an error") == false)
        }
    }
}

/// A flag set by one thread and read by another.
final class ManagedAtomicBool: @unchecked Sendable {
    private let verrou = NSLock()
    private var valeur = false
    func mettre() { verrou.lock(); valeur = true; verrou.unlock() }
    func lire() -> Bool { verrou.lock(); defer { verrou.unlock() }; return valeur }
}
