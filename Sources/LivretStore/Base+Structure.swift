import GRDB
import LivretCore

extension Base {
    /// The structure using this base, if initialised.
    public func structure() throws(ErreurBase) -> (nom: String, creeLe: Jour)? {
        try lire { db in
            try Row.fetchOne(db, sql: "SELECT nom, creeLe FROM structure ORDER BY id LIMIT 1").map { ($0["nom"], $0["creeLe"]) }
        }
    }

    /// How to reach the structure (empty fields nil); nil before `livret init`.
    public func contactStructure() throws(ErreurBase) -> ContactStructure? {
        try lire { db in
            try Row.fetchOne(db, sql: "SELECT adresse, telephone, courriel, site FROM structure ORDER BY id LIMIT 1").map {
                ContactStructure(adresse: $0["adresse"], telephone: $0["telephone"], courriel: $0["courriel"], site: $0["site"])
            }
        }
    }

    /// Replaces the structure's contact with `contact` (checked by ``RegleContact``), and logs it.
    /// Returns the contact as recorded.
    @discardableResult
    public func modifierContactStructure(_ contact: ContactStructure, auteurId: Int64?, date: Jour) throws(ErreurBase) -> ContactStructure {
        try ecrire { db in
            let propre = try RegleContact.normaliser(contact)
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM structure ORDER BY id LIMIT 1") else {
                throw ErreurBase.invalide("la base n'est pas initialisée : lancez d'abord « livret init ».")
            }
            try db.execute(sql: "UPDATE structure SET adresse = ?, telephone = ?, courriel = ?, site = ? WHERE id = ?",
                           arguments: [propre.adresse, propre.telephone, propre.courriel, propre.site, id])
            try Self.journaliser(db, date: date, auteurId: auteurId, action: "contact-structure", cible: nil)
            return propre
        }
    }

    /// The code of the APTIC variant the structure adopted; nil for the national nomenclature
    /// (and before `livret init`).
    public func varianteAptic() throws(ErreurBase) -> String? {
        try lire { db in try String.fetchOne(db, sql: "SELECT variante_aptic FROM structure ORDER BY id LIMIT 1") }
    }

    /// Records that the structure works with APTIC variant `code` (nil: the national nomenclature),
    /// and logs it. The code is checked against the référentiels by the caller.
    public func adopterVarianteAptic(_ code: String?, auteurId: Int64?, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM structure ORDER BY id LIMIT 1") else {
                throw ErreurBase.invalide("la base n'est pas initialisée : lancez d'abord « livret init ».")
            }
            try db.execute(sql: "UPDATE structure SET variante_aptic = ? WHERE id = ?", arguments: [code, id])
            try Self.journaliser(db, date: date, auteurId: auteurId, action: "variante-aptic", cible: code ?? "nationale")
        }
    }

    /// Records the structure and its first formateur (`livret init`). Refused when already done.
    /// The same write as ``initialiser(structure:formateurs:date:)`` with one formateur.
    public func initialiser(structure nom: String, formateur: String, date: Jour) throws(ErreurBase) {
        try initialiser(structure: nom, formateurs: [formateur], date: date)
    }

    /// Adds a formateur; returns it with its id.
    @discardableResult
    public func ajouterFormateur(_ nom: String) throws(ErreurBase) -> Formateur {
        try ecrire { db in
            try RegleTexte.verifier(nom, champ: "le nom du formateur", maximum: RegleTexte.longueurNom)
            if try Formateur.filter(Column("nom").collating(.nocase) == nom).fetchOne(db) != nil {
                throw ErreurBase.dejaExistant(quoi: "Le formateur", code: nom)
            }
            var formateur = Formateur(nom: nom)
            try formateur.insert(db)
            return formateur
        }
    }

    /// The formateur with this name (case ignored).
    public func formateur(_ nom: String) throws(ErreurBase) -> Formateur {
        let trouve = try lire { db in try Formateur.filter(Column("nom").collating(.nocase) == nom).fetchOne(db) }
        guard let trouve else { throw .introuvable(quoi: "Formateur", code: nom) }
        return trouve
    }

    public func formateurs() throws(ErreurBase) -> [Formateur] {
        try lire { db in try Formateur.order(Column("id")).fetchAll(db) }
    }

    static func journaliser(_ db: Database, date: Jour, auteurId: Int64?, action: String, cible: String?, detail: String? = nil) throws {
        try db.execute(sql: "INSERT INTO journal (date, auteurId, action, cible, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [date, auteurId, action, cible, detail])
    }

    /// The log of sensitive acts (init, erasure…), oldest first.
    public func journal() throws(ErreurBase) -> [(date: Jour, action: String, cible: String?, detail: String?)] {
        try lire { db in
            try Row.fetchAll(db, sql: "SELECT date, action, cible, detail FROM journal ORDER BY id").map {
                ($0["date"], $0["action"], $0["cible"], $0["detail"])
            }
        }
    }
}
