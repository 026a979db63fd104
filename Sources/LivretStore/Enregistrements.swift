import GRDB
import LivretCore

// The domain types of LivretCore, stored as GRDB records. Coded values are stored by their raw value.

extension Jour: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ valeur: DatabaseValue) -> Jour? {
        guard let texte = String.fromDatabaseValue(valeur) else { return nil }
        // The base stores days as « AAAA-MM-JJ » (``description``): read those ten digits and dashes
        // directly (millions of rows are read at national scale); anything else goes through the parser.
        var utf8 = texte.utf8.makeIterator()
        var chiffres: [Int] = []
        chiffres.reserveCapacity(8)
        var position = 0
        while let octet = utf8.next() {
            if position == 4 || position == 7 {
                guard octet == UInt8(ascii: "-") else { return Jour(texte) }
            } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(octet) else { return Jour(texte) }
                chiffres.append(Int(octet - UInt8(ascii: "0")))
            }
            position += 1
        }
        guard position == 10 else { return Jour(texte) }
        return Jour(annee: chiffres[0] * 1000 + chiffres[1] * 100 + chiffres[2] * 10 + chiffres[3],
                    mois: chiffres[4] * 10 + chiffres[5], jour: chiffres[6] * 10 + chiffres[7])
    }
}

extension Sexe: DatabaseValueConvertible {}
extension ResidenceQPV: DatabaseValueConvertible {}
extension StatutSocial: DatabaseValueConvertible {}
extension StatutPresence: DatabaseValueConvertible {}
extension StatutInscription: DatabaseValueConvertible {}
extension TypeSortie: DatabaseValueConvertible {}
extension NiveauPreuve: DatabaseValueConvertible {}
extension ReferentielCible: DatabaseValueConvertible {}

extension Formateur: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "formateur"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Apprenant: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "apprenant"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Consentement: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "consentement"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Parcours: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "parcours"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Cohorte: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "cohorte"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Seance: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "seance"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Read only: presences are written by ``Base/saisirPresences(seanceId:_:auteurId:date:)``, which also stores the cohort.
extension Presence: FetchableRecord, TableRecord {
    public static let databaseTableName = "presence"

    /// Read column by column rather than through `Decodable` (a cohort of 1 000 has 24 000 lines); the same values.
    public init(row: Row) throws {
        let statut: String = row["statut"]
        guard let valeur = StatutPresence(rawValue: statut) else {
            throw ErreurBase.invalide("présence illisible dans la base (statut « \(statut) »).")
        }
        self.init(seanceId: row["seanceId"], apprenantId: row["apprenantId"], statut: valeur, minutes: row["minutes"], auteurId: row["auteurId"])
    }
}

extension Inscription: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "inscription"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension EtapeInscription: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "etapeInscription"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Sortie: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sortie"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Preuve: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "preuve"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Read column by column rather than through `Decodable` (a cohort's screens read tens of
    /// thousands of preuves); the same values.
    public init(row: Row) throws {
        let referentiel: String = row["referentiel"], niveau: String = row["niveau"], date: String = row["date"]
        guard let cible = ReferentielCible(rawValue: referentiel), let force = NiveauPreuve(rawValue: niveau),
              let jour = Jour.fromDatabaseValue(date.databaseValue) else {
            throw ErreurBase.invalide("preuve n° \(row["id"] as Int64? ?? 0) illisible dans la base.")
        }
        self.init(id: row["id"], apprenantId: row["apprenantId"], referentiel: cible, code: row["code"], niveau: force, date: jour,
                  auteurId: row["auteurId"], note: row["note"], remplace: row["remplace"], retrait: row["retrait"] ?? false,
                  accompagnementId: row["accompagnementId"])
    }
}
