import Foundation
import LivretCore
import LivretServices
import LivretStore

/// The formateur's workstation: the open base, the référentiels, who writes and which day it
/// is. Built once when the UI starts; every write of the UI goes through it.
public final class Poste: @unchecked Sendable {
    /// The open base, or nil when the file does not exist yet (the UI then offers the demo).
    public private(set) var db: Base?
    public let cheminBase: String
    public let catalogue: Catalogue
    /// The folder of the structure's private signing keys.
    public let dossierCles: URL
    /// Where bundles and CVs are written.
    public let dossierExports: String
    /// The formateur named at start (`--formateur`, `$LIVRET_FORMATEUR`), else the only one.
    public let nomFormateur: String?
    /// The day of every write (`--date`, `$LIVRET_DATE`, else today).
    public let jour: Jour

    public init(cheminBase: String, catalogue: Catalogue, dossierCles: URL, dossierExports: String = "Exports",
                nomFormateur: String?, jour: Jour) throws {
        self.cheminBase = cheminBase
        self.catalogue = catalogue
        self.dossierCles = dossierCles
        self.dossierExports = dossierExports
        self.nomFormateur = nomFormateur
        self.jour = jour
        if FileManager.default.fileExists(atPath: cheminBase) {
            db = try Emplacements.ouvrir(cheminBase)
        }
    }

    /// The open base; creates the file when `creer` (for the demo).
    func base(creer: Bool = false) throws -> Base {
        if let db { return db }
        guard creer else {
            throw ErreurUtilisateur("aucune base à « \(cheminBase) ». Créez-la avec « livret init » ou choisissez la démonstration.")
        }
        let ouverte = try Emplacements.ouvrir(cheminBase, creer: true)
        db = ouverte
        return ouverte
    }

    /// The author of writes.
    func auteur() throws -> Formateur { try Auteurs.auteur(try base(), nom: nomFormateur) }

    /// The badge service on this base.
    func badges() throws -> ServiceBadges { ServiceBadges(db: try base(), catalogue: catalogue, dossierCles: dossierCles) }
}

extension Poste {
    /// The formateur's name for the title bar: the one named, else the only one of the base.
    public var nomAffiche: String? {
        if let nomFormateur, !nomFormateur.isEmpty { return nomFormateur }
        guard let db, let tous = try? db.formateurs(), tous.count == 1 else { return nil }
        return tous[0].nom
    }
}
