import GRDB
import LivretCore

// The domain types of LivretCore, stored as GRDB records. Coded values are stored by their raw value.

extension Jour: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ valeur: DatabaseValue) -> Jour? {
        String.fromDatabaseValue(valeur).flatMap(Jour.init)
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
}
