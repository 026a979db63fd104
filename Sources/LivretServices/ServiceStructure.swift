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

extension ServiceStructure {
    /// The structure's contact, empty before any is given.
    public static func contact(db: Base) throws -> ContactStructure {
        guard let contact = try base({ () throws(ErreurBase) in try db.contactStructure() }) else {
            throw ErreurUtilisateur("la base n'est pas initialisée : lancez d'abord « livret init ».")
        }
        return contact
    }

    /// Changes the given fields of the structure's contact (nil: unchanged; an empty text: removed),
    /// in one transaction; returns the contact as recorded.
    public static func modifierContact(db: Base, adresse: String?, telephone: String?, courriel: String?, site: String?,
                                       auteur: Formateur, jour: Jour) throws -> ContactStructure {
        var contact = try self.contact(db: db)
        if let adresse { contact.adresse = adresse }
        if let telephone { contact.telephone = telephone }
        if let courriel { contact.courriel = courriel }
        if let site { contact.site = site }
        return try base { () throws(ErreurBase) in try db.modifierContactStructure(contact, auteurId: auteur.id, date: jour) }
    }
}

extension ServiceStructure {
    /// Makes the structure work with APTIC variant `code` of `catalogue` (nil: the national
    /// nomenclature), in one transaction. The variant is applied first: an unknown or invalid one is
    /// refused with nothing written. Returns the catalogue as it now works and what the variant changes.
    public static func adopterVariante(db: Base, catalogue: Catalogue, code: String?, auteur: Formateur,
                                       jour: Jour) throws -> (catalogue: Catalogue, changements: [ChangementReferentiel]) {
        let adopte: Catalogue
        let changements: [ChangementReferentiel]
        do {
            adopte = try catalogue.adoptant(variante: code)
            changements = try catalogue.aptic(variante: code).changements
        } catch {
            throw ErreurUtilisateur("\(error.description)\nRien n'a été modifié.")
        }
        try base { () throws(ErreurBase) in try db.adopterVarianteAptic(code, auteurId: auteur.id, date: jour) }
        return (adopte, changements)
    }
}
