import Foundation
import LivretStore

/// Writing files so that nothing half-written is ever left where a user would take it for a good one.
public enum EcritureFichier {
    /// Writes to a temporary file beside the target (created 0600: exports hold personal data, see
    /// ``FichiersPrives``), flushes it, then renames it over the target. Errors are in French.
    public static func ecrireAtomiquement(_ donnees: Data, vers chemin: String) throws {
        let cible = URL(fileURLWithPath: chemin)
        let dossier = cible.deletingLastPathComponent()
        var estDossier: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dossier.path, isDirectory: &estDossier), estDossier.boolValue else {
            throw ErreurUtilisateur("le dossier « \(dossier.path) » n'existe pas. Créez-le ou choisissez un autre chemin.")
        }
        var etat = stat()
        if lstat(chemin, &etat) == 0 {
            switch etat.st_mode & S_IFMT {
            case S_IFDIR: throw ErreurUtilisateur("impossible d'écrire « \(chemin) » : \(MessagesSysteme.systeme(EISDIR))")
            case S_IFREG, S_IFLNK: break
            default: throw ErreurUtilisateur("impossible d'écrire « \(chemin) » : ce n'est pas un fichier ordinaire (périphérique, tube ou prise). Indiquez un nom de fichier.")
            }
        }
        let temporaire = dossier.appendingPathComponent(".\(cible.lastPathComponent).\(UUID().uuidString).tmp").path
        do {
            let fd = try FichiersPrives.creerFichier(temporaire)
            var renomme = false
            defer { if !renomme { unlink(temporaire) } }
            do {
                defer { close(fd) }
                try FichiersPrives.ecrireTout(donnees, dans: fd, chemin: chemin)
                guard fsync(fd) == 0 else { throw ErreurSysteme(errno: errno, chemin: chemin) }
            }
            guard rename(temporaire, chemin) == 0 else { throw ErreurSysteme(errno: errno, chemin: chemin) }
            renomme = true
        } catch let erreur as ErreurSysteme {
            throw ErreurUtilisateur("impossible d'écrire « \(chemin) » : \(MessagesSysteme.systeme(erreur.errno))")
        }
    }

    /// Creates `dossier` (and its parents) 0700 when missing, saying in French why it could not.
    public static func creerDossier(_ dossier: URL) throws {
        do { try FichiersPrives.creerDossier(dossier) } catch {
            throw ErreurUtilisateur("impossible de créer le dossier « \(dossier.path) » : \(MessagesSysteme.cause(error))")
        }
    }
}
