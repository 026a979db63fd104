import Foundation
import LivretCore
import LivretReferentiels

/// Shared helpers for the Core tests.
enum Fixtures {
    /// The embedded catalogue; every test of the shipped data starts here.
    static func catalogue() throws -> Catalogue {
        try ReferentielsEmbarques.catalogue()
    }

    /// The package's root folder, found from this file's path.
    static let racinePaquet: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file built from a JSON literal.
    static func fichier(_ nom: String, _ json: String) -> Catalogue.Fichier {
        Catalogue.Fichier(nom: nom, donnees: Data(json.utf8))
    }

    /// The embedded files with one replaced by `remplacant` (same path).
    static func fichiersAvec(_ remplacant: Catalogue.Fichier) -> [Catalogue.Fichier] {
        ReferentielsEmbarques.fichiers.map { $0.nom == remplacant.nom ? remplacant : $0 }
    }

    /// The embedded file at `nom`, decoded as a mutable JSON object.
    static func objetEmbarque(_ nom: String) throws -> [String: Any] {
        let donnees = try #require(ReferentielsEmbarques.fichiers.first { $0.nom == nom }).donnees
        return try #require(try JSONSerialization.jsonObject(with: donnees) as? [String: Any])
    }

    static func fichier(_ nom: String, objet: [String: Any]) throws -> Catalogue.Fichier {
        Catalogue.Fichier(nom: nom, donnees: try JSONSerialization.data(withJSONObject: objet, options: [.sortedKeys]))
    }
}

import Testing
