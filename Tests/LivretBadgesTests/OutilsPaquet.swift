import Foundation
import LivretZip

/// A fresh temporary folder, removed by `supprimer()`.
struct DossierTemporaireZip {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("livret-paquet-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func supprimer() { try? FileManager.default.removeItem(at: url) }

    /// Every path below `url` (links not followed), with file sizes: to prove nothing changed.
    func inventaire() -> [String: Int] {
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

/// Runs `corps` and returns the `ErreurPaquet` it throws (nil if it did not throw one).
func erreurPaquet(_ corps: () throws -> Void) -> ErreurPaquet? {
    do {
        try corps()
        return nil
    } catch let erreur as ErreurPaquet {
        return erreur
    } catch {
        return nil
    }
}

/// French, readable, non-empty: a message for a person.
func estUnMessageFrancais(_ message: String) -> Bool {
    message.count > 20 && message.first!.isUppercase || message.hasPrefix("«")
}
