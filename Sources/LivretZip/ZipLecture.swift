import CZip
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Defensive zip reader (libzip, `ZIP_RDONLY | ZIP_CHECKCONS`), entirely in memory.
///
/// Refuses, with a French reason: anything that is not a consistent zip archive, truncated
/// archives, dangerous names (absolute, "..", ".", "\\", NUL, control characters, empty,
/// drive letters), symbolic links and other special files, names in double (after Unicode NFC
/// and case folding) or both file and folder, encryption and methods other than store/deflate,
/// too many entries, entries or totals over the limits, compression ratios of a zip bomb.
/// Sizes declared by the archive are checked, but never trusted: every entry is inflated through
/// a bounded buffer and the limits are enforced on the bytes actually produced.
/// Folder entries are checked and then ignored. `lire` never writes to disk.
public enum ZipLecture {
    /// Bounds on what a read accepts; every one is enforced on the bytes actually seen.
    public struct Limites: Sendable, Equatable {
        /// Largest uncompressed entry.
        public var octetsParEntree: Int
        /// Largest sum of uncompressed entries.
        public var octetsTotal: Int
        /// Most entries (folders included).
        public var nombreEntrees: Int
        /// Largest accepted ratio uncompressed / compressed…
        public var ratioMaximal: Int
        /// …checked once an entry has produced more than this many bytes (small, very repetitive
        /// files such as JSON full of spaces legitimately compress beyond 100:1).
        public var seuilRatio: Int
        /// Largest archive file accepted at all.
        public var octetsArchive: Int

        /// Limits with the default values, each overridable.
        public init(octetsParEntree: Int = 16 << 20, octetsTotal: Int = 64 << 20, nombreEntrees: Int = 1_000,
                    ratioMaximal: Int = 100, seuilRatio: Int = 1 << 20, octetsArchive: Int = 80 << 20) {
            self.octetsParEntree = octetsParEntree
            self.octetsTotal = octetsTotal
            self.nombreEntrees = nombreEntrees
            self.ratioMaximal = ratioMaximal
            self.seuilRatio = seuilRatio
            self.octetsArchive = octetsArchive
        }

        /// 16 Mio par entrée, 64 Mio au total, 1 000 entrées, 100:1 au-delà de 1 Mio, archive de 80 Mio au plus.
        public static let parDefaut = Limites()
    }

    /// Reads the archive at `url` (bounded by `limites.octetsArchive`) and returns its files.
    public static func lire(_ url: URL, limites: Limites = .parDefaut) throws -> [String: Data] {
        try lire(try lireFichier(url, limites: limites), limites: limites)
    }

    /// Reads an archive held in memory and returns its files.
    public static func lire(_ octets: Data, limites: Limites = .parDefaut) throws -> [String: Data] {
        if octets.isEmpty {
            throw ErreurPaquet(.archiveIllisible, "Le fichier est vide : ce n'est pas une archive zip.")
        }
        if octets.count > limites.octetsArchive {
            throw ErreurPaquet(.tropVolumineux, "L'archive pèse \(octets.count) octets, au-delà de la limite de \(limites.octetsArchive) octets.")
        }
        // Contiguous copy whose address stays valid for the whole read.
        let copie = [UInt8](octets)
        return try copie.withUnsafeBytes { tampon throws -> [String: Data] in
            var erreur = zip_error_t()
            zip_error_init(&erreur)
            defer { zip_error_fini(&erreur) }
            guard let source = zip_source_buffer_create(tampon.baseAddress, zip_uint64_t(tampon.count), 0, &erreur) else {
                throw ErreurPaquet(.archiveIllisible, "Impossible de lire l'archive : \(String(cString: zip_error_strerror(&erreur))).")
            }
            guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &erreur) else {
                zip_source_free(source)
                throw diagnostic(code: zip_error_code_zip(&erreur), message: String(cString: zip_error_strerror(&erreur)), octets: copie)
            }
            defer { zip_discard(archive) }
            return try lireEntrees(archive, limites: limites)
        }
    }

    /// Extracts the archive's files inside `dossier` (created if missing).
    ///
    /// The archive is first read and checked entirely in memory (`lire`); then every destination is
    /// checked before anything is written: none may exist already, no existing path element may be a
    /// symbolic link or a file, and each resolved parent folder must stay inside `dossier`. Files are
    /// created with `O_EXCL | O_NOFOLLOW`. On failure, what this call created is removed.
    public static func extraire(_ url: URL, dans dossier: URL, limites: Limites = .parDefaut) throws {
        try extraire(lire(url, limites: limites), dans: dossier)
    }

    /// Extracts already-read entries (for example those of `Paquet.lire`) inside `dossier`.
    public static func extraire(_ entrees: [String: Data], dans dossier: URL) throws {
        try ZipExtraction.extraire(entrees, dans: dossier)
    }

    // MARK: - Internals

    static func lireFichier(_ url: URL, limites: Limites) throws -> Data {
        let chemin = url.path
        // Non-blocking open: a named pipe would otherwise wait forever for a writer. It is
        // refused just below, and a regular file goes back to blocking reads.
        let fd = open(chemin, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw ErreurPaquet(.archiveIllisible, "Impossible d'ouvrir « \(chemin) » : \(String(cString: strerror(errno))).")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ErreurPaquet(.archiveIllisible, "Impossible de lire « \(chemin) » : \(String(cString: strerror(errno))).")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw ErreurPaquet(.archiveIllisible, "« \(chemin) » est un dossier, pas un paquet : indiquez le fichier .zip lui-même.")
            }
            throw ErreurPaquet(.archiveIllisible, "« \(chemin) » n'est pas un fichier ordinaire (tube, périphérique ou prise) : "
                               + "indiquez le fichier .zip du paquet.")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var resultat = Data()
        var tampon = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = tampon.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ErreurPaquet(.archiveIllisible, "Impossible de lire « \(chemin) » : \(String(cString: strerror(errno))).")
            }
            if n == 0 { break }
            resultat.append(contentsOf: tampon[0..<n])
            if resultat.count > limites.octetsArchive {
                throw ErreurPaquet(.tropVolumineux, "L'archive « \(url.lastPathComponent) » dépasse la limite de \(limites.octetsArchive) octets.")
            }
        }
        return resultat
    }

    private static let typeFichier: UInt32 = 0o170000
    private static let typeOrdinaire: UInt32 = 0o100000
    private static let typeDossier: UInt32 = 0o040000
    private static let typeLien: UInt32 = 0o120000

    private struct Entree {
        var index: zip_uint64_t
        var nom: String
        var taille: UInt64
        var tailleCompressee: UInt64
    }

    private static func lireEntrees(_ archive: OpaquePointer, limites: Limites) throws -> [String: Data] {
        let nombre = zip_get_num_entries(archive, 0)
        guard nombre >= 0 else {
            throw ErreurPaquet(.archiveIllisible, "Impossible de lire le sommaire de l'archive.")
        }
        if nombre > Int64(limites.nombreEntrees) {
            throw ErreurPaquet(.tropVolumineux, "L'archive contient \(nombre) entrées, au-delà de la limite de \(limites.nombreEntrees).")
        }

        // 1. Everything the central directory declares, before inflating a single byte.
        var registre = ZipNoms.Registre()
        var fichiers: [Entree] = []
        var totalDeclare: UInt64 = 0
        for i in 0..<zip_uint64_t(nombre) {
            guard let nomC = zip_get_name(archive, i, 0) else {
                throw ErreurPaquet(.archiveIllisible, "Le nom de l'entrée n° \(i + 1) est illisible.")
            }
            let nom = String(cString: nomC)
            var (composants, estDossier) = try ZipNoms.composants(nom)

            var systeme: zip_uint8_t = 0
            var attributs: zip_uint32_t = 0
            guard zip_file_get_external_attributes(archive, i, 0, &systeme, &attributs) == 0 else {
                throw ErreurPaquet(.archiveIllisible, "Les attributs de « \(ZipNoms.pourAffichage(nom)) » sont illisibles.")
            }
            if systeme == zip_uint8_t(ZIP_OPSYS_UNIX) || systeme == zip_uint8_t(ZIP_OPSYS_OS_X) {
                let type = (attributs >> 16) & typeFichier
                switch type {
                case 0, typeOrdinaire:
                    break
                case typeDossier:
                    estDossier = true
                case typeLien:
                    throw ErreurPaquet(.lienSymbolique, "L'entrée « \(ZipNoms.pourAffichage(nom)) » est un lien symbolique : les liens sont refusés, ils pourraient pointer hors du dossier de destination.")
                default:
                    throw ErreurPaquet(.typeInterdit, "L'entrée « \(ZipNoms.pourAffichage(nom)) » n'est pas un fichier ordinaire (type \(String(type, radix: 8))) : refusée.")
                }
            }
            if estDossier, !nom.hasSuffix("/") { composants = try ZipNoms.composants(nom + "/").composants }
            try registre.ajouter(nom, composants: composants, estDossier: estDossier)
            if estDossier { continue }

            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat_index(archive, i, 0, &st) == 0 else {
                throw ErreurPaquet(.archiveIllisible, "Impossible de lire la description de « \(ZipNoms.pourAffichage(nom)) ».")
            }
            let requis = zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD)
            guard st.valid & requis == requis else {
                throw ErreurPaquet(.incoherente, "La description de « \(ZipNoms.pourAffichage(nom)) » est incomplète.")
            }
            if st.encryption_method != zip_uint16_t(ZIP_EM_NONE) {
                throw ErreurPaquet(.nonPrisEnCharge, "L'entrée « \(ZipNoms.pourAffichage(nom)) » est chiffrée : les paquets Livret ne le sont jamais.")
            }
            if st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE {
                throw ErreurPaquet(.nonPrisEnCharge, "L'entrée « \(ZipNoms.pourAffichage(nom)) » utilise une méthode de compression non prise en charge (\(st.comp_method)) ; seules « store » et « deflate » sont acceptées.")
            }
            let entree = Entree(index: i, nom: nom, taille: st.size, tailleCompressee: st.comp_size)
            if depasseRatio(produits: entree.taille, compresses: entree.tailleCompressee, limites: limites) {
                throw erreurBombe(entree, produits: entree.taille, limites: limites)
            }
            if entree.taille > UInt64(limites.octetsParEntree) {
                throw erreurEntreeTropGrosse(entree, octets: entree.taille, limites: limites)
            }
            totalDeclare += entree.taille
            if totalDeclare > UInt64(limites.octetsTotal) {
                throw erreurTotal(limites)
            }
            fichiers.append(entree)
        }

        // 2. Inflate, bounded by the limits, whatever the archive declared.
        var resultat: [String: Data] = [:]
        var total: UInt64 = 0
        var tampon = [UInt8](repeating: 0, count: 64 * 1024)
        for entree in fichiers {
            guard let fichier = zip_fopen_index(archive, entree.index, 0) else {
                let erreur = zip_get_error(archive)!
                throw erreurLecture(entree, code: zip_error_code_zip(erreur), message: String(cString: zip_error_strerror(erreur)))
            }
            defer { zip_fclose(fichier) }
            var donnees = Data()
            donnees.reserveCapacity(Int(min(entree.taille, 1 << 20)))
            var produits: UInt64 = 0
            while true {
                let n = tampon.withUnsafeMutableBytes { zip_fread(fichier, $0.baseAddress!, zip_uint64_t($0.count)) }
                if n < 0 {
                    let erreur = zip_file_get_error(fichier)!
                    throw erreurLecture(entree, code: zip_error_code_zip(erreur), message: String(cString: zip_error_strerror(erreur)))
                }
                if n == 0 { break }
                produits += UInt64(n)
                total += UInt64(n)
                if depasseRatio(produits: produits, compresses: entree.tailleCompressee, limites: limites) {
                    throw erreurBombe(entree, produits: produits, limites: limites)
                }
                if produits > UInt64(limites.octetsParEntree) {
                    throw erreurEntreeTropGrosse(entree, octets: produits, limites: limites)
                }
                if total > UInt64(limites.octetsTotal) {
                    throw erreurTotal(limites)
                }
                if produits > entree.taille {
                    throw ErreurPaquet(.incoherente, "L'entrée « \(ZipNoms.pourAffichage(entree.nom)) » produit plus d'octets que sa taille déclarée (\(entree.taille)) : archive falsifiée ou abîmée.")
                }
                donnees.append(contentsOf: tampon[0..<Int(n)])
            }
            if produits != entree.taille {
                throw ErreurPaquet(.incoherente, "L'entrée « \(ZipNoms.pourAffichage(entree.nom)) » fait \(produits) octets au lieu des \(entree.taille) déclarés.")
            }
            resultat[entree.nom] = donnees
        }
        return resultat
    }

    private static func depasseRatio(produits: UInt64, compresses: UInt64, limites: Limites) -> Bool {
        guard produits > UInt64(limites.seuilRatio) else { return false }
        let (plafond, debordement) = compresses.multipliedReportingOverflow(by: UInt64(limites.ratioMaximal))
        return !debordement && produits > plafond
    }

    private static func erreurBombe(_ entree: Entree, produits: UInt64, limites: Limites) -> ErreurPaquet {
        let ratio = entree.tailleCompressee == 0 ? "infini" : "\(produits / entree.tailleCompressee):1"
        return ErreurPaquet(.bombe, "L'entrée « \(ZipNoms.pourAffichage(entree.nom)) » se décompresse de \(entree.tailleCompressee) octets en plus de \(produits) octets (taux \(ratio), \(limites.ratioMaximal):1 au plus) : c'est une bombe de décompression, archive refusée.")
    }

    private static func erreurEntreeTropGrosse(_ entree: Entree, octets: UInt64, limites: Limites) -> ErreurPaquet {
        ErreurPaquet(.tropVolumineux, "L'entrée « \(ZipNoms.pourAffichage(entree.nom)) » dépasse la taille permise (\(octets) octets, \(limites.octetsParEntree) au plus).")
    }

    private static func erreurTotal(_ limites: Limites) -> ErreurPaquet {
        ErreurPaquet(.tropVolumineux, "Le contenu décompressé de l'archive dépasse la limite totale de \(limites.octetsTotal) octets.")
    }

    private static func erreurLecture(_ entree: Entree, code: Int32, message: String) -> ErreurPaquet {
        let nom = ZipNoms.pourAffichage(entree.nom)
        switch code {
        case ZIP_ER_CRC:
            return ErreurPaquet(.incoherente, "L'entrée « \(nom) » est abîmée : sa somme de contrôle (CRC) ne correspond pas.")
        case ZIP_ER_EOF, ZIP_ER_READ, ZIP_ER_SEEK:
            return ErreurPaquet(.tronquee, "L'entrée « \(nom) » est coupée : l'archive semble tronquée (\(message)).")
        case ZIP_ER_COMPNOTSUPP, ZIP_ER_ENCRNOTSUPP, ZIP_ER_NOPASSWD:
            return ErreurPaquet(.nonPrisEnCharge, "L'entrée « \(nom) » ne peut pas être lue : \(message).")
        default:
            return ErreurPaquet(.incoherente, "L'entrée « \(nom) » est illisible : \(message).")
        }
    }

    /// Turns libzip's refusal to open into a precise French reason.
    private static func diagnostic(code: Int32, message: String, octets: [UInt8]) -> ErreurPaquet {
        let signatureLocale: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        switch code {
        case ZIP_ER_NOZIP:
            if octets.starts(with: signatureLocale) {
                return ErreurPaquet(.tronquee, "L'archive est tronquée : elle commence comme un fichier zip mais sa fin (le répertoire central) est absente. Le fichier a sans doute été mal copié ou mal téléchargé.")
            }
            return ErreurPaquet(.archiveIllisible, "Ce fichier n'est pas une archive zip.")
        case ZIP_ER_EXISTS:
            if let double = ZipAnalyse.premierNomEnDouble(octets) {
                return ErreurPaquet(.nomEnDouble, "L'entrée « \(ZipNoms.pourAffichage(double)) » figure deux fois dans l'archive.")
            }
            return ErreurPaquet(.nomEnDouble, "L'archive contient deux entrées portant le même nom.")
        case ZIP_ER_EOF, ZIP_ER_READ, ZIP_ER_SEEK:
            return ErreurPaquet(.tronquee, "L'archive est tronquée (\(message)).")
        case ZIP_ER_INCONS:
            if let refus = ZipAnalyse.premierNomRefuse(octets) { return refus }
            if ZipAnalyse.repertoireHorsFichier(octets) {
                return ErreurPaquet(.tronquee, "L'archive est tronquée : son répertoire central pointe au-delà de la fin du fichier.")
            }
            return ErreurPaquet(.incoherente, "L'archive est incohérente : ses en-têtes se contredisent (\(message)).")
        case ZIP_ER_MULTIDISK, ZIP_ER_COMPNOTSUPP, ZIP_ER_ENCRNOTSUPP:
            return ErreurPaquet(.nonPrisEnCharge, "Cette archive zip n'est pas prise en charge : \(message).")
        case ZIP_ER_MEMORY:
            return ErreurPaquet(.tropVolumineux, "L'archive demande trop de mémoire pour être lue.")
        default:
            return ErreurPaquet(.archiveIllisible, "Archive illisible : \(message).")
        }
    }
}

/// A minimal look at the end of a zip file, used only to explain why libzip refused it
/// (never to decide what the archive contains: that is libzip's view, checked above).
enum ZipAnalyse {
    private static func u16(_ o: [UInt8], _ i: Int) -> Int { Int(o[i]) | Int(o[i + 1]) << 8 }
    private static func u32(_ o: [UInt8], _ i: Int) -> Int { u16(o, i) | u16(o, i + 2) << 16 }

    /// Offset of the end-of-central-directory record.
    static func finDeRepertoire(_ o: [UInt8]) -> Int? {
        guard o.count >= 22 else { return nil }
        let plusBas = max(0, o.count - 22 - 0xFFFF)
        var i = o.count - 22
        while i >= plusBas {
            if o[i] == 0x50, o[i + 1] == 0x4B, o[i + 2] == 0x05, o[i + 3] == 0x06 { return i }
            i -= 1
        }
        return nil
    }

    static func repertoireHorsFichier(_ o: [UInt8]) -> Bool {
        guard let fin = finDeRepertoire(o) else { return false }
        let taille = u32(o, fin + 12), debut = u32(o, fin + 16)
        return debut + taille > fin
    }

    /// Raw names of the central directory, or nil if it cannot be walked.
    static func nomsCentraux(_ o: [UInt8]) -> [[UInt8]]? {
        guard let fin = finDeRepertoire(o) else { return nil }
        let nombre = u16(o, fin + 10)
        var i = u32(o, fin + 16)
        var noms: [[UInt8]] = []
        for _ in 0..<nombre {
            guard i + 46 <= o.count, u32(o, i) == 0x0201_4B50 else { return nil }
            let longueurNom = u16(o, i + 28), longueurExtra = u16(o, i + 30), longueurCommentaire = u16(o, i + 32)
            guard i + 46 + longueurNom <= o.count else { return nil }
            noms.append(Array(o[(i + 46)..<(i + 46 + longueurNom)]))
            i += 46 + longueurNom + longueurExtra + longueurCommentaire
        }
        return noms
    }

    static func premierNomEnDouble(_ o: [UInt8]) -> String? {
        var vus = Set<[UInt8]>()
        for nom in nomsCentraux(o) ?? [] where !vus.insert(nom).inserted {
            return String(decoding: nom, as: UTF8.self)
        }
        return nil
    }

    /// The first central-directory name that `ZipNoms` refuses, as that refusal.
    static func premierNomRefuse(_ o: [UInt8]) -> ErreurPaquet? {
        for nom in nomsCentraux(o) ?? [] {
            do {
                _ = try ZipNoms.composants(String(decoding: nom, as: UTF8.self))
            } catch {
                return error
            }
        }
        return nil
    }
}
