import Foundation
import LivretCore

/// The référentiels shipped with Livret, embedded in the binary at build time
/// (SwiftPM `.embedInCode`), so `livret` works from any folder and offline.
///
/// The JSON files beside this one are the source of truth; docs/REFERENTIELS.md describes them.
public enum ReferentielsEmbarques {
    /// The embedded files, with their paths relative to `Referentiels/`.
    public static let fichiers: [Catalogue.Fichier] = [
        .init(nom: "aptic/aptic.json", donnees: Data(PackageResources.aptic_json)),
        .init(nom: "aptic/variantes/aptic-roubaix-ateliers.json", donnees: Data(PackageResources.aptic_roubaix_ateliers_json)),
        .init(nom: "pix/pix.json", donnees: Data(PackageResources.pix_json)),
        .init(nom: "correspondances/aptic-pix.json", donnees: Data(PackageResources.aptic_pix_json)),
        .init(nom: "correspondances/aptic-thematiques.json", donnees: Data(PackageResources.aptic_thematiques_json)),
        .init(nom: "parcours/femmes-et-numerique.json", donnees: Data(PackageResources.femmes_et_numerique_json)),
        .init(nom: "parcours/initiation-smartphone.json", donnees: Data(PackageResources.initiation_smartphone_json)),
    ]

    /// Loads and checks the embedded catalogue.
    public static func catalogue() throws(ErreursReferentiel) -> Catalogue {
        try Catalogue.charger(fichiers)
    }
}
