import Foundation

/// Writing files so that nothing half-written is ever left where a user would take it for a good one.
public enum EcritureFichier {
    /// Writes to a temporary file beside the target, then renames it over the target.
    public static func ecrireAtomiquement(_ donnees: Data, vers chemin: String) throws {
        let cible = URL(fileURLWithPath: chemin)
        let dossier = cible.deletingLastPathComponent()
        var estDossier: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dossier.path, isDirectory: &estDossier), estDossier.boolValue else {
            throw ErreurUtilisateur("le dossier « \(dossier.path) » n'existe pas. Créez-le ou choisissez un autre chemin.")
        }
        do {
            try donnees.write(to: cible, options: .atomic)
        } catch {
            throw ErreurUtilisateur("impossible d'écrire « \(chemin) » : \(error.localizedDescription). Vérifiez les droits et la place disponible.")
        }
    }
}
