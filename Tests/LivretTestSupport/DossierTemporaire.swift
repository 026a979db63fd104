import Foundation

/// A fresh folder under the system's temporary directory, for one test.
///
/// Remove it with `supprimer()` (usually in a `defer`), or use `DossierTemporaire.avec`, which
/// removes it whatever the work does.
public struct DossierTemporaire: Sendable {
    /// The folder, created empty.
    public let url: URL

    /// Creates `<tmp>/<prefixe>-<UUID>`.
    public init(prefixe: String = "livret-tests") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefixe)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Runs `travail` with a fresh folder, removed afterwards (also when `travail` throws).
    public static func avec<T>(prefixe: String = "livret-tests", _ travail: (URL) throws -> T) throws -> T {
        let dossier = try DossierTemporaire(prefixe: prefixe)
        defer { dossier.supprimer() }
        return try travail(dossier.url)
    }

    /// Removes the folder and everything in it.
    public func supprimer() {
        try? FileManager.default.removeItem(at: url)
    }

    /// `nom` inside the folder (nothing is created).
    public func fichier(_ nom: String) -> URL {
        url.appendingPathComponent(nom)
    }

    /// Every path below the folder (links not followed), with file sizes: to prove nothing changed.
    public func inventaire() -> [String: Int] {
        var resultat: [String: Int] = [:]
        let fm = FileManager.default
        guard let enumerateur = fm.enumerator(atPath: url.path) else { return [:] }
        while let relatif = enumerateur.nextObject() as? String {
            let attributs = try? fm.attributesOfItem(atPath: url.appendingPathComponent(relatif).path)
            resultat[relatif] = (attributs?[.size] as? NSNumber)?.intValue ?? -1
        }
        return resultat
    }
}
