import LivretCore
import LivretStore

/// Learners' identity and consent, the same for the command line and (soon) the terminal UI:
/// each one transaction; a consent given is a new dated record, never an overwrite.
public enum ServiceApprenants {
    /// Adds a learner, with the consent they gave (nil: none recorded).
    public static func ajouter(db: Base, _ apprenant: Apprenant, consentement: Consentement?) throws -> Apprenant {
        try base { () throws(ErreurBase) in try db.ajouterApprenant(apprenant, consentement: consentement) }
    }

    /// Changes a learner's identity or categories, and records a new consent when one is given.
    public static func modifier(db: Base, _ apprenant: Apprenant, consentement: Consentement?) throws {
        try base { () throws(ErreurBase) in try db.modifierApprenant(apprenant, consentement: consentement) }
    }

    /// Imports learners read from a CSV file, all or nothing.
    public static func importer(db: Base, _ lignes: [(Apprenant, Consentement?)]) throws -> [Apprenant] {
        try base { () throws(ErreurBase) in try db.importerApprenants(lignes) }
    }

    /// Erases a learner's identity and contacts (RGPD), recorded in the journal. Returns whether
    /// the erased bytes are already gone from the base's files (false: another program was reading;
    /// the erasure is committed all the same, and the next opening of the base finishes the job).
    @discardableResult
    public static func effacer(db: Base, _ identifiant: String, auteur: Formateur, jour: Jour) throws -> Bool {
        try base { () throws(ErreurBase) in try db.effacerApprenant(identifiant, auteurId: auteur.id!, date: jour) }
    }
}
