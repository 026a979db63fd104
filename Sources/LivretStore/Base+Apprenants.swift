import GRDB
import LivretCore

extension Base {
    /// Adds a learner, with their consent when given; one transaction.
    @discardableResult
    public func ajouterApprenant(_ apprenant: Apprenant, consentement: Consentement? = nil) throws(ErreurBase) -> Apprenant {
        try ecrire { db in try Self.inserer(db, apprenant, consentement: consentement) }
    }

    /// Adds many learners at once: all or nothing.
    public func importerApprenants(_ lignes: [(Apprenant, Consentement?)]) throws(ErreurBase) -> [Apprenant] {
        try ecrire { db in try lignes.map { try Self.inserer(db, $0.0, consentement: $0.1) } }
    }

    static func inserer(_ db: Database, _ apprenant: Apprenant, consentement: Consentement?) throws -> Apprenant {
        try apprenant.verifier(anneeCourante: apprenant.creeLe.annee)
        if try Apprenant.filter(Column("identifiant") == apprenant.identifiant).fetchCount(db) > 0 {
            throw ErreurBase.dejaExistant(quoi: "L'apprenant", code: apprenant.identifiant)
        }
        var copie = apprenant
        try copie.insert(db)
        if var consentement {
            consentement.apprenantId = copie.id!
            try consentement.insert(db)
        }
        return copie
    }

    /// The next free learner number (its identifier is ``Apprenant/identifiantLocal(numero:)``).
    public func prochainNumero() throws(ErreurBase) -> Int {
        try lire { db in try Self.prochainNumero(db) }
    }

    static func prochainNumero(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM apprenant") ?? 1
    }

    /// The next free identifier "A-0001", "A-0002"…
    public func prochainIdentifiant() throws(ErreurBase) -> String {
        Apprenant.identifiantLocal(numero: try prochainNumero())
    }

    /// The learner with this structure-local identifier.
    public func apprenant(_ identifiant: String) throws(ErreurBase) -> Apprenant {
        let trouve = try lire { db in try Apprenant.filter(Column("identifiant") == identifiant).fetchOne(db) }
        guard let trouve else { throw .introuvable(quoi: "Apprenant", code: identifiant) }
        return trouve
    }

    /// Learners, optionally those whose name, pseudonym or identifier contains `recherche`.
    public func apprenants(recherche: String? = nil, limite: Int? = nil) throws(ErreurBase) -> [Apprenant] {
        try lire { db in
            var requete = Apprenant.order(Column("identifiant"))
            if let recherche, !recherche.isEmpty {
                let motif = "%\(recherche)%"
                requete = requete.filter(sql: "identifiant LIKE ? OR prenom LIKE ? OR nom LIKE ? OR pseudonyme LIKE ?",
                                         arguments: [motif, motif, motif, motif])
            }
            if let limite { requete = requete.limit(limite) }
            return try requete.fetchAll(db)
        }
    }

    /// Replaces a learner's record (same id), with a new consent when given; one transaction.
    public func modifierApprenant(_ apprenant: Apprenant, consentement: Consentement? = nil) throws(ErreurBase) {
        try ecrire { db in
            guard apprenant.id != nil, try apprenant.exists(db) else {
                throw ErreurBase.introuvable(quoi: "Apprenant", code: apprenant.identifiant)
            }
            if apprenant.efface { throw ErreurBase.invalide("l'identité de cet apprenant a été effacée ; elle ne peut plus être modifiée.") }
            // An identifier recorded before its grammar existed stays usable; a new one must follow it.
            let ancien = try String.fetchOne(db, sql: "SELECT identifiant FROM apprenant WHERE id = ?", arguments: [apprenant.id])
            let problemes = apprenant.problemesParChamp(anneeCourante: apprenant.creeLe.annee)
                .filter { $0.champ != "identifiant" || ancien != apprenant.identifiant }
            if !problemes.isEmpty { throw ErreurRegle(problemes.map(\.message).joined(separator: " ; ") + ".") }
            try apprenant.update(db)
            if var consentement {
                consentement.apprenantId = apprenant.id!
                try consentement.insert(db)
            }
        }
    }

    /// Records a new consent (the latest one counts).
    public func enregistrerConsentement(_ consentement: Consentement) throws(ErreurBase) {
        try ecrire { db in
            var copie = consentement
            try copie.insert(db)
        }
    }

    /// The learner's latest consent.
    public func consentement(apprenantId: Int64) throws(ErreurBase) -> Consentement? {
        try lire { db in
            try Consentement.filter(Column("apprenantId") == apprenantId).order(Column("id").desc).fetchOne(db)
        }
    }

    /// Erases a learner's identity and contact (RGPD): name, pseudonym, e-mail, phone, diploma,
    /// free-text notes and the credentials of her badges (which name her by a hash) are removed;
    /// categories used by statistics and what revocation needs stay; the act is logged.
    /// Returns whether the erased bytes are already gone from the files: false when another program
    /// was reading the base (the erasure is committed all the same; see ``checkpointSansAttendre()``).
    @discardableResult
    public func effacerApprenant(_ identifiant: String, auteurId: Int64, date: Jour) throws(ErreurBase) -> Bool {
        try ecrire { db in try Self.avecPreuvesModifiables(db) { try Self.effacer(db, identifiant, auteurId: auteurId, date: date, motif: nil) } }
        // secure_delete is on for every connection: freed bytes are zeroed; the checkpoint empties the WAL.
        return checkpointSansAttendre()
    }

    /// Runs `action` with the append-only trigger of preuves lifted, inside the caller's transaction
    /// (erasure only: free-text notes may name the person). A failure rolls the transaction back,
    /// trigger included.
    static func avecPreuvesModifiables<T>(_ db: Database, _ action: () throws -> T) throws -> T {
        try db.execute(sql: "DROP TRIGGER preuve_sans_modification")
        let resultat = try action()
        try db.execute(sql: """
            CREATE TRIGGER preuve_sans_modification BEFORE UPDATE ON preuve
            BEGIN SELECT RAISE(ABORT, 'les preuves ne se modifient pas : ajoutez une preuve qui remplace'); END
            """)
        return resultat
    }

    /// Erases one learner's identity inside the caller's transaction, within ``avecPreuvesModifiables(_:_:)``.
    static func effacer(_ db: Database, _ identifiant: String, auteurId: Int64, date: Jour, motif: String?) throws {
        guard var apprenant = try Apprenant.filter(Column("identifiant") == identifiant).fetchOne(db) else {
            throw ErreurBase.introuvable(quoi: "Apprenant", code: identifiant)
        }
        if apprenant.efface { throw ErreurBase.invalide("l'apprenant « \(identifiant) » est déjà effacé.") }
        apprenant.prenom = nil
        apprenant.nom = nil
        apprenant.pseudonyme = nil
        apprenant.email = nil
        apprenant.telephone = nil
        apprenant.niveauDiplome = nil
        apprenant.efface = true
        try apprenant.update(db)
        // Free-text notes may name the person; preuves are append-only, so the caller lifted the
        // trigger inside the erasure transaction only.
        try db.execute(sql: "UPDATE preuve SET note = NULL WHERE apprenantId = ?", arguments: [apprenant.id])
        try db.execute(sql: "UPDATE sortie SET note = NULL WHERE inscriptionId IN (SELECT id FROM inscription WHERE apprenantId = ?)",
                       arguments: [apprenant.id])
        // Accompaniments, questionnaires and follow-ups keep their categories for statistics; what
        // was written about her goes (notes, free answers and testimonies, what she did after).
        try db.execute(sql: "UPDATE accompagnement SET note = NULL WHERE apprenantId = ?", arguments: [apprenant.id])
        try db.execute(sql: "UPDATE satisfaction SET aide = NULL, temoignage = NULL, retenu = 0, citation = 'non' WHERE apprenantId = ?",
                       arguments: [apprenant.id])
        try db.execute(sql: "UPDATE suiviApresAction SET precision = NULL, motif = NULL WHERE apprenantId = ?", arguments: [apprenant.id])
        // The badges kept for revocation keep no identity material: the signed credential (its
        // salted hash of the e-mail, or of a phone in badges made before issue 16) goes, and so
        // do the random identifier and the signed manifests of her bundles (which name it);
        // id, achievement, dates, key and revocation stay.
        try db.execute(sql: "UPDATE badge SET jwt = '' WHERE apprenantId = ?", arguments: [apprenant.id])
        try db.execute(sql: "DELETE FROM titulaireBadges WHERE apprenantId = ?", arguments: [apprenant.id])
        try db.execute(sql: "DELETE FROM signatureManifeste WHERE apprenantId = ?", arguments: [apprenant.id])
        try effacerEspace(db, apprenantId: apprenant.id!, date: date)
        try journaliser(db, date: date, auteurId: auteurId, action: "effacement", cible: identifiant,
                        detail: motif.map { "identité et coordonnées effacées (\($0))" } ?? "identité et coordonnées effacées")
    }
}
