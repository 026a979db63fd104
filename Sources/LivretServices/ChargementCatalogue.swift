import Foundation
import LivretCore
import LivretReferentiels

/// Where the CLI and the terminal UI get its référentiels: the embedded ones, or the JSON files of the folder
/// named by `LIVRET_REFERENTIELS` (a structure's own copy, with its local variants).
public enum ChargementCatalogue {
    public static let variableDossier = "LIVRET_REFERENTIELS"

    public static func catalogue() throws -> Catalogue {
        let fichiers: [Catalogue.Fichier]
        if let dossier = ProcessInfo.processInfo.environment[variableDossier], !dossier.isEmpty {
            fichiers = try lireDossier(dossier)
        } else {
            fichiers = ReferentielsEmbarques.fichiers
        }
        do {
            return try Catalogue.charger(fichiers)
        } catch {
            throw ErreurUtilisateur("les référentiels ne sont pas valides.\n\(error.description)")
        }
    }

    /// Reads every `.json` file under `dossier`, in a stable order.
    public static func lireDossier(_ dossier: String) throws -> [Catalogue.Fichier] {
        let racine = URL(fileURLWithPath: dossier)
        guard let enumerateur = FileManager.default.enumerator(at: racine, includingPropertiesForKeys: nil) else {
            throw ErreurUtilisateur("le dossier de référentiels « \(dossier) » (\(variableDossier)) est introuvable. Vérifiez le chemin.")
        }
        let chemins = enumerateur.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .map(\.path).sorted()
        return try chemins.map { try lireFichier($0) }
    }

    /// Reads one file, with a French message when it cannot be read (a folder, a pipe, a device
    /// or an oversized file is refused before anything is read: see ``LectureEntree``).
    public static func lireFichier(_ chemin: String) throws -> Catalogue.Fichier {
        try LectureEntree.lire(chemin)
    }
}
