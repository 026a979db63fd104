import Foundation
import LivretExports

/// A workbook's bytes for the command line and the terminal UI alike, its failure in French.
public enum EcritureClasseur {
    /// ``ClasseurXLSX/donnees(_:)``, with the reason in a French ``ErreurUtilisateur`` (`quoi`: « le classeur »,
    /// « le fichier pour La Coop »).
    public static func donnees(_ classeur: Classeur, quoi: String = "le classeur") throws -> Data {
        do { return try ClasseurXLSX.donnees(classeur) } catch { throw ErreurUtilisateur("\(quoi) n'a pas pu être écrit : \(error)") }
    }
}
