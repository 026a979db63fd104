import CZip
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reproducible zip writer (libzip).
///
/// The same entries always give the same bytes: entries in UTF-8 byte order of their names,
/// one fixed modification time (DOS date/time computed in UTC, so the time zone does not matter),
/// deflate level 9 for every entry, Unix host with mode 0644, no comment, no extra fields.
public enum ZipEcriture {
    /// 2000-01-01T00:00:00Z — the modification time given to every entry by default.
    public static let horodatageParDefaut = Date(timeIntervalSince1970: 946_684_800)

    /// The archive, in memory.
    ///
    /// `entrees` maps each entry name (checked by `ZipNoms`: a name `ZipLecture` would refuse is
    /// never written) to its bytes. `horodatage` (default `horodatageParDefaut`) must fall between
    /// 1980 and 2107. Throws `ErreurPaquet`.
    public static func octets(_ entrees: [String: Data], horodatage: Date? = nil) throws -> Data {
        let (heureDOS, dateDOS) = try dateDOS(horodatage ?? horodatageParDefaut)

        // Validate every name first: never write what `ZipLecture` would refuse.
        var registre = ZipNoms.Registre()
        for nom in entrees.keys {
            let (composants, estDossier) = try ZipNoms.composants(nom)
            if estDossier {
                throw ErreurPaquet(.nomDangereux, "« \(ZipNoms.pourAffichage(nom)) » se termine par « / » : seuls des fichiers peuvent être ajoutés au paquet.")
            }
            try registre.ajouter(nom, composants: composants, estDossier: false)
        }
        let noms = entrees.keys.sorted(by: ZipNoms.avant)
        if noms.isEmpty {
            // libzip writes nothing at all for an archive without entries: the empty zip is
            // its end-of-central-directory record alone.
            return Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        }

        var erreur = zip_error_t()
        zip_error_init(&erreur)
        defer { zip_error_fini(&erreur) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &erreur) else {
            throw ErreurPaquet(.ecriture, "Impossible de préparer l'archive en mémoire : \(String(cString: zip_error_strerror(&erreur))).")
        }
        guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &erreur) else {
            zip_source_free(source)
            throw ErreurPaquet(.ecriture, "Impossible de créer l'archive : \(String(cString: zip_error_strerror(&erreur))).")
        }
        // Keep the buffer source alive after zip_close so that its bytes can be read back.
        zip_source_keep(source)
        defer { zip_source_free(source) }

        func echec(_ quoi: String) -> ErreurPaquet {
            let raison = String(cString: zip_error_strerror(zip_get_error(archive)))
            zip_discard(archive)
            return ErreurPaquet(.ecriture, "\(quoi) : \(raison).")
        }

        for nom in noms {
            let donnees = entrees[nom]!
            // libzip takes ownership of a malloc'd copy (freep = 1), so nothing dangles until zip_close.
            guard let copie = malloc(max(donnees.count, 1)) else {
                zip_discard(archive)
                throw ErreurPaquet(.ecriture, "Mémoire insuffisante pour « \(nom) ».")
            }
            donnees.withUnsafeBytes { octets in
                if let base = octets.baseAddress, octets.count > 0 { copie.copyMemory(from: base, byteCount: octets.count) }
            }
            guard let sourceEntree = zip_source_buffer(archive, copie, UInt64(donnees.count), 1) else {
                free(copie)
                throw echec("Impossible d'ajouter « \(nom) »")
            }
            let index = zip_file_add(archive, nom, sourceEntree, zip_flags_t(ZIP_FL_ENC_UTF_8))
            if index < 0 {
                zip_source_free(sourceEntree)
                throw echec("Impossible d'ajouter « \(nom) »")
            }
            let i = zip_uint64_t(index)
            guard zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) == 0,
                  zip_file_set_dostime(archive, i, heureDOS, dateDOS, 0) == 0,
                  zip_file_set_external_attributes(archive, i, 0, zip_uint8_t(ZIP_OPSYS_UNIX), zip_uint32_t(0o100644) << 16) == 0
            else {
                throw echec("Impossible de régler « \(nom) »")
            }
        }
        if zip_close(archive) != 0 {
            throw echec("Impossible de terminer l'archive")
        }

        // Read the finished archive back from the buffer source.
        guard zip_source_open(source) == 0 else {
            throw ErreurPaquet(.ecriture, "Impossible de relire l'archive produite : \(String(cString: zip_error_strerror(zip_source_error(source)))).")
        }
        defer { zip_source_close(source) }
        var resultat = Data()
        var tampon = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let lus = tampon.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress!, zip_uint64_t($0.count)) }
            if lus < 0 {
                throw ErreurPaquet(.ecriture, "Impossible de relire l'archive produite : \(String(cString: zip_error_strerror(zip_source_error(source)))).")
            }
            if lus == 0 { break }
            resultat.append(contentsOf: tampon[0..<Int(lus)])
        }
        return resultat
    }

    /// Removes temporary files an earlier write of the same target left when its process was killed
    /// between writing and renaming (older than a minute, so a concurrent write is never touched).
    static func nettoyerRestes(de cible: URL) {
        let dossier = cible.deletingLastPathComponent()
        let prefixe = ".\(cible.lastPathComponent)."
        guard let noms = try? FileManager.default.contentsOfDirectory(atPath: dossier.path) else { return }
        for nom in noms where nom.hasPrefix(prefixe) && nom.hasSuffix(".tmp") {
            let chemin = dossier.appendingPathComponent(nom).path
            if let date = (try? FileManager.default.attributesOfItem(atPath: chemin))?[.modificationDate] as? Date,
               date.timeIntervalSinceNow < -60 {
                try? FileManager.default.removeItem(atPath: chemin)
            }
        }
    }

    /// Writes the archive to `url` atomically: a temporary file in the same folder, flushed,
    /// then renamed over the target. On failure the temporary file is removed and `url` is untouched.
    public static func ecrire(_ entrees: [String: Data], vers url: URL, horodatage: Date? = nil) throws {
        let donnees = try octets(entrees, horodatage: horodatage)
        try ecrireAtomiquement(donnees, vers: url)
    }

    static func ecrireAtomiquement(_ donnees: Data, vers url: URL) throws {
        let cible = url.standardizedFileURL
        let dossier = cible.deletingLastPathComponent()
        nettoyerRestes(de: cible)
        let temporaire = dossier.appendingPathComponent(".\(cible.lastPathComponent).\(UUID().uuidString).tmp")
        let cheminTemporaire = temporaire.path

        // 0600: Livret's archives are learners' bundles, personal data (the rule of LivretStore's FichiersPrives).
        let fd = open(cheminTemporaire, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ErreurPaquet(.ecriture, "Impossible de créer un fichier temporaire dans « \(dossier.path) » : \(String(cString: strerror(errno))).")
        }
        var reussi = false
        defer {
            if !reussi { unlink(cheminTemporaire) }
        }
        do {
            defer { close(fd) }
            try donnees.withUnsafeBytes { (octets: UnsafeRawBufferPointer) throws in
                var ecrits = 0
                while ecrits < octets.count {
                    let n = write(fd, octets.baseAddress! + ecrits, octets.count - ecrits)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw ErreurPaquet(.ecriture, "Écriture impossible dans « \(dossier.path) » : \(String(cString: strerror(errno))).")
                    }
                    ecrits += n
                }
            }
            guard fsync(fd) == 0 else {
                throw ErreurPaquet(.ecriture, "Impossible de mettre l'archive sur disque : \(String(cString: strerror(errno))).")
            }
        }
        guard rename(cheminTemporaire, cible.path) == 0 else {
            throw ErreurPaquet(.ecriture, "Impossible de placer l'archive en « \(cible.path) » : \(String(cString: strerror(errno))).")
        }
        reussi = true
        // Make the rename itself durable (best effort).
        let fdDossier = open(dossier.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fdDossier >= 0 {
            _ = fsync(fdDossier)
            close(fdDossier)
        }
    }

    /// MS-DOS time and date fields for `date`, computed in UTC.
    static func dateDOS(_ date: Date) throws -> (heure: UInt16, date: UInt16) {
        var calendrier = Calendar(identifier: .gregorian)
        calendrier.timeZone = TimeZone(identifier: "UTC")!
        let c = calendrier.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let annee = c.year, (1980...2107).contains(annee),
              let mois = c.month, let jour = c.day, let h = c.hour, let m = c.minute, let s = c.second
        else {
            throw ErreurPaquet(.ecriture, "La date des entrées doit être comprise entre 1980 et 2107 (format zip).")
        }
        let heure = UInt16(h) << 11 | UInt16(m) << 5 | UInt16(s / 2)
        let jourDOS = UInt16(annee - 1980) << 9 | UInt16(mois) << 5 | UInt16(jour)
        return (heure, jourDOS)
    }
}
