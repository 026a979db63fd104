import Foundation

/// The one rule for files that hold personal data: the base and its SQLite companions, backups,
/// exports (CV, learner export, bundles) are readable by their owner only (0600), and the folders
/// Livret creates for them (data folder, keys, Exports, bundle folders) are 0700, whatever the umask.
///
/// Files are created with that mode (never created wider then narrowed); SQLite gives its
/// -wal, -shm and -journal the mode of the main file, so a base file created 0600 keeps them 0600.
public enum FichiersPrives {
    /// Files: read and write for the owner only.
    public static let modeFichier: mode_t = 0o600
    /// Folders: the owner only.
    public static let modeDossier: mode_t = 0o700
    /// The files SQLite keeps beside a base.
    public static let compagnons = ["-wal", "-shm", "-journal"]

    /// Creates `dossier` and its missing parents, each 0700; folders that already exist are left as they are.
    public static func creerDossier(_ dossier: URL) throws {
        var manquants: [URL] = []
        var courant = dossier.standardizedFileURL
        while !FileManager.default.fileExists(atPath: courant.path) {
            manquants.append(courant)
            let parent = courant.deletingLastPathComponent()
            if parent.path == courant.path { break }
            courant = parent
        }
        for dossier in manquants.reversed() {
            if mkdir(dossier.path, modeDossier) != 0 && errno != EEXIST {
                throw ErreurSysteme(errno: errno, chemin: dossier.path)
            }
            chmod(dossier.path, modeDossier)
        }
    }

    /// Narrows an existing file to 0600 (a file written by an older version, or by SQLite before
    /// this rule); nothing when it does not exist or is not ours.
    public static func proteger(_ chemin: String) {
        var etat = stat()
        guard lstat(chemin, &etat) == 0, (etat.st_mode & S_IFMT) == S_IFREG, etat.st_mode & 0o077 != 0 else { return }
        chmod(chemin, modeFichier)
    }

    /// Before SQLite opens the base at `chemin`: creates the file empty and 0600 when missing, and
    /// narrows an existing one and its companions, so that every file of the base is 0600.
    /// Returns true when it created the file.
    @discardableResult
    public static func preparerBase(_ chemin: String) -> Bool {
        let fd = open(chemin, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, modeFichier)
        if fd >= 0 {
            fchmod(fd, modeFichier)
            close(fd)
        }
        for suffixe in [""] + compagnons { proteger(chemin + suffixe) }
        return fd >= 0
    }

    /// Creates the new file `chemin` (it must not exist) with mode 0600 and returns its descriptor.
    public static func creerFichier(_ chemin: String) throws -> Int32 {
        let fd = open(chemin, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, modeFichier)
        guard fd >= 0 else { throw ErreurSysteme(errno: errno, chemin: chemin) }
        fchmod(fd, modeFichier)
        return fd
    }

    /// Writes all of `donnees` to `fd`; a failure is an ``ErreurSysteme`` naming `chemin`.
    public static func ecrireTout(_ donnees: Data, dans fd: Int32, chemin: String) throws {
        try donnees.withUnsafeBytes { (octets: UnsafeRawBufferPointer) throws in
            var ecrits = 0
            while ecrits < octets.count {
                let n = write(fd, octets.baseAddress! + ecrits, octets.count - ecrits)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ErreurSysteme(errno: errno, chemin: chemin)
                }
                ecrits += n
            }
        }
    }

    /// Copies the file `source` to the new file `destination` (0600), reading `source` only.
    public static func copier(_ source: String, vers destination: String) throws {
        let entree = open(source, O_RDONLY | O_CLOEXEC)
        guard entree >= 0 else { throw ErreurSysteme(errno: errno, chemin: source) }
        defer { close(entree) }
        let sortie = try creerFichier(destination)
        var reussi = false
        defer {
            close(sortie)
            if !reussi { unlink(destination) }
        }
        var tampon = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let lus = tampon.withUnsafeMutableBytes { read(entree, $0.baseAddress!, $0.count) }
            if lus < 0 {
                if errno == EINTR { continue }
                throw ErreurSysteme(errno: errno, chemin: source)
            }
            if lus == 0 { break }
            try ecrireTout(Data(tampon[0..<lus]), dans: sortie, chemin: destination)
        }
        guard fsync(sortie) == 0 else { throw ErreurSysteme(errno: errno, chemin: destination) }
        reussi = true
    }
}
