import Foundation
import LivretCore

/// Shared by the fuzz targets: the repository's files, read once.
public enum FuzzCommun {
    /// The repository's root: this file is `<racine>/Fuzz/Sources/FuzzCommun/FuzzCommun.swift`.
    public static let racine = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped Pix référentiel (`Referentiels/pix/pix.json`); the process stops if it cannot be read.
    public static let pix: ReferentielPix = {
        let url = racine.appendingPathComponent("Referentiels/pix/pix.json")
        guard let donnees = try? Data(contentsOf: url),
              case .pix(let pix)? = DocumentReferentiel.lire(fichier: "pix.json", donnees: donnees).document else {
            fatalError("Référentiel Pix illisible : \(url.path)")
        }
        return pix
    }()

    /// A fixed day and time: the targets never depend on the clock.
    public static let jour = Jour("2024-03-04")!
    public static let maintenant = Date(timeIntervalSince1970: 1_709_596_800)  // 2024-03-05T00:00:00Z, the day after the seeds' issue

    /// The fuzzer's input as `Data`.
    public static func donnees(_ octets: UnsafePointer<UInt8>?, _ taille: Int) -> Data {
        guard let octets, taille > 0 else { return Data() }
        return Data(bytes: octets, count: taille)
    }
}
