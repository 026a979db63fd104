import Foundation
import LivretStore
import LivretCore

/// Reads a file the user named (CSV, JSON, badge, référentiel) without trusting it: a folder,
/// a pipe, a device (`/dev/zero`) or an oversized file is refused with a French message before
/// anything is read, and a pipe never blocks (opened non-blocking, then refused).
public enum LectureEntree {
    /// The largest input accepted: about 1 million learners in a CSV, far more than any
    /// Pix export or référentiel.
    public static let octetsMaximum = 32 * 1024 * 1024

    public static func lire(_ chemin: String, octetsMaximum: Int = octetsMaximum) throws -> Catalogue.Fichier {
        let fd = open(chemin, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR:
                throw ErreurUtilisateur("le fichier « \(chemin) » est introuvable. Vérifiez le chemin et le nom.")
            case EACCES, EPERM:
                throw ErreurUtilisateur("le fichier « \(chemin) » ne peut pas être lu : droits d'accès insuffisants. "
                                        + "Vérifiez ses droits (ls -l) ou copiez-le dans un dossier à vous.")
            case ELOOP:
                throw ErreurUtilisateur("« \(chemin) » est un lien symbolique qui tourne en rond. Indiquez le fichier lui-même.")
            default:
                throw ErreurUtilisateur("le fichier « \(chemin) » ne peut pas être ouvert : \(MessagesSysteme.systeme(code))")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ErreurUtilisateur("le fichier « \(chemin) » ne peut pas être lu : \(MessagesSysteme.systeme(errno))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            throw ErreurUtilisateur("« \(chemin) » est un dossier, pas un fichier. Indiquez le fichier à lire, qui est dans ce dossier.")
        default:
            throw ErreurUtilisateur("« \(chemin) » n'est pas un fichier ordinaire (tube, périphérique ou prise). "
                                    + "Enregistrez d'abord son contenu dans un fichier, puis indiquez ce fichier.")
        }
        guard Int(info.st_size) <= octetsMaximum else {
            throw ErreurUtilisateur("le fichier « \(chemin) » fait \(Int(info.st_size) / 1_048_576) Mo : c'est trop gros pour un fichier "
                                    + "à lire (\(octetsMaximum / 1_048_576) Mo au plus). Vérifiez que c'est le bon fichier ; "
                                    + "s'il l'est, découpez-le en plusieurs fichiers.")
        }
        // The file is regular: back to blocking reads, then read at most one byte past the limit
        // (a file that grows while it is read is refused too).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let donnees: Data
        do {
            donnees = try FileHandle(fileDescriptor: fd, closeOnDealloc: false).read(upToCount: octetsMaximum + 1) ?? Data()
        } catch {
            throw ErreurUtilisateur("le fichier « \(chemin) » ne peut pas être lu : \(MessagesSysteme.cause(error))")
        }
        guard donnees.count <= octetsMaximum else {
            throw ErreurUtilisateur("le fichier « \(chemin) » dépasse \(octetsMaximum / 1_048_576) Mo : c'est trop gros pour un fichier "
                                    + "à lire. Vérifiez que c'est le bon fichier.")
        }
        return Catalogue.Fichier(nom: chemin, donnees: donnees)
    }
}

/// The problems of a file as lines for the terminal: the first `maximum`, then how many more.
/// A file with a wrong separator can have 100 000 faulty lines; the first ones say what to fix.
public enum ListeErreurs {
    public static func lignes(_ erreurs: [some CustomStringConvertible], maximum: Int = 20) -> String {
        var lignes = erreurs.prefix(maximum).map { "  \($0.description)" }
        if erreurs.count > maximum {
            let reste = erreurs.count - maximum
            lignes.append("  … et \(Accord.nombre(reste, "autre erreur", "autres erreurs")) du même fichier, \(Accord.forme(reste, "non affichée", "non affichées")) : corrigez d'abord celles-ci.")
        }
        return lignes.joined(separator: "\n")
    }
}
