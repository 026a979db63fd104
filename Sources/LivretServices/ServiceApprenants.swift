import Foundation
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

    /// Adds a learner as typed in the terminal UI: the next free identifier, the identity checked
    /// by Core's rules, the consent asked scope by scope, and the enrolment in `cohorte` when
    /// named — one transaction.
    public static func ajouter(db: Base, _ saisie: SaisieApprenant, inscrireDans cohorte: String?, auteur: Formateur, jour: Jour) throws -> Apprenant {
        var apprenant = Apprenant(identifiant: Apprenant.identifiantLocal(numero: 1), creeLe: jour, creePar: auteur.id!)
        saisie.appliquer(a: &apprenant)
        try verifier(apprenant, jour: jour)
        return try base { () throws(ErreurBase) in
            try db.ajouterApprenant(apprenant, consentement: saisie.consentement(apprenantId: 0, auteur: auteur, jour: jour),
                                    inscrireDans: cohorte, auteurId: auteur.id!, date: jour)
        }
    }

    /// Changes a learner as typed in the terminal UI; a new consent is recorded only when the
    /// answers differ from the consent in force.
    public static func modifier(db: Base, identifiant: String, _ saisie: SaisieApprenant, auteur: Formateur, jour: Jour) throws -> Apprenant {
        var apprenant = try base { () throws(ErreurBase) in try db.apprenant(identifiant) }
        if apprenant.efface { throw ErreurUtilisateur("l'identité de cette personne a été effacée : elle ne peut plus être modifiée.") }
        saisie.appliquer(a: &apprenant)
        try verifier(apprenant, jour: jour)
        let enVigueur = try base { () throws(ErreurBase) in try db.consentement(apprenantId: apprenant.id!) }
        var nouveau = saisie.consentement(apprenantId: apprenant.id!, auteur: auteur, jour: jour)
        if let n = nouveau, let e = enVigueur, (n.suivi, n.badges, n.statistiques) == (e.suivi, e.badges, e.statistiques) { nouveau = nil }
        let copie = apprenant
        try base { () throws(ErreurBase) in try db.modifierApprenant(copie, consentement: nouveau) }
        return apprenant
    }

    /// Core's checks of an identity, as one French message.
    static func verifier(_ apprenant: Apprenant, jour: Jour) throws {
        let problemes = apprenant.problemesParChamp(anneeCourante: jour.annee).filter { $0.champ != "identifiant" }
        if !problemes.isEmpty { throw ErreurUtilisateur(problemes.map(\.message).joined(separator: " ; ") + ".") }
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

    /// The access export (RGPD art. 15 and 20): everything the base holds on the learner, with what she
    /// did in her own space, in JSON. The same for `livret apprenant exporter` and her space.
    public static func exportAcces(db: Base, identifiant: String, catalogue: Catalogue, jour: Jour) throws -> Data {
        var dossier = try base { () throws(ErreurBase) in try db.dossier(identifiant, catalogue: catalogue, au: jour) }
        let id = dossier.apprenant.id!
        let espace = try base { () throws(ErreurBase) in try db.espaceApprenant(apprenantId: id) }
        if !espace.choixCV.isEmpty || !espace.demandesEffacement.isEmpty { dossier.espace = espace }
        do { return try ExportReferentiel.json(dossier) } catch { throw ErreurUtilisateur("l'export de \(identifiant) n'a pas pu être écrit : \(error)") }
    }
}
