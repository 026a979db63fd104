import Foundation
import GRDB

/// A failed system call on a file: what the system said (errno) and which file.
public struct ErreurSysteme: Error, Sendable, CustomStringConvertible {
    public var errno: Int32
    public var chemin: String

    public init(errno: Int32, chemin: String) {
        self.errno = errno
        self.chemin = chemin
    }

    /// « fichier » : what happened and what to do, in French.
    public var description: String { "« \(chemin) » : \(MessagesSysteme.systeme(errno))" }
}

/// The one place where what SQLite and the system report (result codes, errno) becomes French,
/// with what to do. Every path that writes or opens a file goes through here, so no English from
/// SQLite, Foundation or `strerror` reaches the user.
public enum MessagesSysteme {
    /// The French text for a system error number.
    public static func systeme(_ code: Int32) -> String {
        switch code {
        case ENOSPC: disquePlein
        case EDQUOT: "le quota d'espace disque est atteint. Libérez de la place, puis recommencez."
        case EACCES, EPERM: "accès refusé. Vérifiez les droits du fichier et de son dossier."
        case EROFS: lectureSeule
        case ENOENT: "ce fichier ou ce dossier n'existe pas. Vérifiez le chemin."
        case ENOTDIR: "un élément du chemin n'est pas un dossier. Vérifiez le chemin."
        case EISDIR: "c'est un dossier, pas un fichier. Indiquez un nom de fichier."
        case EEXIST: "un fichier de ce nom existe déjà. Choisissez un autre nom."
        case EFBIG: "le fichier dépasserait la taille maximale permise par le système ou le support."
        case EIO: entreeSortie
        case ENAMETOOLONG: "le nom ou le chemin est trop long."
        case ELOOP: "le chemin contient trop de liens symboliques (ou une boucle)."
        case EMFILE, ENFILE: "trop de fichiers sont ouverts. Fermez d'autres programmes, puis recommencez."
        case ENOMEM: "la mémoire manque. Fermez d'autres programmes, puis recommencez."
        case EBUSY, ETXTBSY: "le fichier est utilisé par un autre programme. Réessayez dans un instant."
        case EXDEV: "le fichier ne peut pas être déplacé d'un support à l'autre."
        default: "erreur du système (code \(code)). Vérifiez le chemin, les droits et la place disponible."
        }
    }

    static let disquePlein = "le disque est plein. Libérez de la place ou choisissez un autre emplacement, puis recommencez."
    static let lectureSeule = "le support est en lecture seule (clé USB protégée, disque monté en lecture seule ?). Choisissez un autre emplacement."
    static let entreeSortie = "erreur de lecture ou d'écriture sur le support (disque plein, clé retirée ou abîmée ?). Vérifiez-le, puis recommencez."
    /// What a lock held too long by another program says.
    public static let occupee = "la base est occupée par un autre programme depuis trop longtemps. Réessayez dans un instant."

    /// The French text for an SQLite result code about the file or the system, or nil for the
    /// others (constraints, SQL errors: the caller says what they mean).
    public static func sqlite(_ code: ResultCode) -> String? {
        switch code.primaryResultCode {
        case .SQLITE_FULL: disquePlein
        case .SQLITE_BUSY, .SQLITE_LOCKED: occupee
        case .SQLITE_READONLY:
            "la base ne peut pas être modifiée : le fichier, son dossier ou le support sont en lecture seule. Vérifiez les droits, ou copiez la base ailleurs."
        case .SQLITE_CANTOPEN: "le fichier ne peut être ni ouvert ni créé. Vérifiez le chemin et les droits du dossier."
        case .SQLITE_PERM, .SQLITE_AUTH: "accès refusé. Vérifiez les droits du fichier et de son dossier."
        case .SQLITE_CORRUPT: "le fichier est endommagé. Restaurez la dernière sauvegarde (livret restaurer)."
        case .SQLITE_NOTADB: "ce fichier n'est pas une base Livret (ce n'est pas une base SQLite)."
        case .SQLITE_IOERR: entreeSortie
        case .SQLITE_NOMEM: "la mémoire manque. Fermez d'autres programmes, puis recommencez."
        case .SQLITE_NOLFS: "le support ne permet pas un fichier de cette taille."
        case .SQLITE_PROTOCOL: "le verrou de la base n'a pas pu être pris (support réseau ?). Réessayez, ou copiez la base sur un disque local."
        default: nil
        }
    }

    /// The system error number behind `erreur` (Foundation, POSIX or ``ErreurSysteme``), if any.
    public static func numero(_ erreur: any Error) -> Int32? {
        if let erreur = erreur as? ErreurSysteme { return erreur.errno }
        if let erreur = erreur as? POSIXError { return erreur.code.rawValue }
        let ns = erreur as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let sous = ns.userInfo[NSUnderlyingErrorKey] as? NSError, sous.domain == NSPOSIXErrorDomain { return Int32(sous.code) }
        guard ns.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        case .fileReadTooLarge: return EFBIG
        default: return nil
        }
    }

    /// Any error met on a file or the base, as French text (never English from the system).
    public static func cause(_ erreur: any Error) -> String {
        switch erreur {
        case let erreur as ErreurSysteme: return erreur.description
        case let erreur as DatabaseError:
            return sqlite(erreur.extendedResultCode) ?? "erreur de la base (code \(erreur.resultCode.rawValue))."
        case let erreur as ErreurBase: return erreur.description
        default:
            if let numero = numero(erreur) { return systeme(numero) }
            return "\(erreur)"
        }
    }
}
