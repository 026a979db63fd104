import Foundation
import LivretCore
import LivretReferentiels
import LivretStore

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

    /// The référentiels as structure `db` works with them: ``catalogue()`` with the APTIC variant the
    /// structure adopted (`livret structure nomenclature`). Every command that reads a base uses this one.
    public static func catalogue(pour db: Base) throws -> Catalogue {
        try adopte(try catalogue(), pour: db)
    }

    /// `catalogue` with the APTIC variant structure `db` adopted laid on it (unchanged when none).
    public static func adopte(_ catalogue: Catalogue, pour db: Base) throws -> Catalogue {
        guard let code = try base({ () throws(ErreurBase) in try db.varianteAptic() }) else { return catalogue }
        do {
            return try catalogue.adoptant(variante: code)
        } catch {
            throw ErreurUtilisateur("la structure travaille avec la variante « \(code) » de la nomenclature #APTIC, mais elle ne s'applique pas : "
                                    + "\(error.description)\nRemettez le fichier de la variante dans les référentiels, "
                                    + "ou revenez à la nomenclature nationale : livret structure nomenclature --nationale.")
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
