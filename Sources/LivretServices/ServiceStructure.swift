import LivretCore
import LivretStore

/// Setting up a structure's base, the same for `livret init` and the terminal UI's first run.
public enum ServiceStructure {
    /// Records the structure and its formateurs (names trimmed; empty ones ignored), in one
    /// transaction. Refused, with nothing written, when the base already belongs to a structure.
    public static func initialiser(db: Base, structure: String, formateurs: [String], jour: Jour) throws {
        let nom = structure.trimmingCharacters(in: .whitespaces)
        let noms = formateurs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !nom.isEmpty else { throw ErreurUtilisateur("le nom de la structure est vide : écrivez-le (par exemple « Espace numérique du centre social »).") }
        guard !noms.isEmpty else { throw ErreurUtilisateur("le nom du formateur est vide : écrivez votre nom ou votre prénom.") }
        if let existante = try base({ () throws(ErreurBase) in try db.structure() }) {
            throw ErreurUtilisateur("cette base est déjà celle de « \(existante.nom) ». Rien n'a été modifié.")
        }
        try base { () throws(ErreurBase) in try db.initialiser(structure: nom, formateurs: noms, date: jour) }
    }
}
