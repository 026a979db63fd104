import LivretCore
import LivretReferentiels
import LivretServices

/// Reads the files named on the command line and checks them against the embedded référentiels.
enum ValidationFichiers {
    static func valider(_ chemins: [String]) throws -> RapportValidation {
        let fichiers = try chemins.map { try LectureEntree.lire($0) }
        return Catalogue.valider(fichiers, avec: ReferentielsEmbarques.fichiers)
    }
}
