import GRDB
import LivretCore

/// The reads and writes the formateur's week needs beyond the command line's: the structure
/// set up with several formateurs at once, a learner added and enrolled in one go, a search
/// across cohorts, the people who can still join a cohort.
extension Base {
    /// Records the structure and its formateurs (the first one named is the first formateur), in
    /// one transaction. Refused when the base is already set up.
    public func initialiser(structure nom: String, formateurs: [String], date: Jour) throws(ErreurBase) {
        try ecrire { db in
            try RegleTexte.verifier(nom, champ: "le nom de la structure", maximum: RegleTexte.longueurNom)
            guard !formateurs.isEmpty else { throw ErreurBase.invalide("indiquez le nom d'au moins un formateur.") }
            for formateur in formateurs {
                try RegleTexte.verifier(formateur, champ: "le nom du formateur", maximum: RegleTexte.longueurNom)
            }
            if Set(formateurs.map { $0.lowercased() }).count < formateurs.count {
                throw ErreurBase.invalide("deux formateurs portent le même nom : donnez-leur des noms différents.")
            }
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM structure") ?? 0 > 0 {
                throw ErreurBase.invalide("la base est déjà initialisée.")
            }
            try db.execute(sql: "INSERT INTO structure (nom, creeLe) VALUES (?, ?)", arguments: [nom, date])
            var premierId: Int64?
            for nomFormateur in formateurs {
                var formateur = Formateur(nom: nomFormateur)
                try formateur.insert(db)
                premierId = premierId ?? formateur.id
            }
            try Self.journaliser(db, date: date, auteurId: premierId, action: "init", cible: nom)
        }
    }

    /// Adds a learner with the next free identifier (``Apprenant/identifiantLocal(numero:)``),
    /// their consent when given, and enrols them in `cohorte` when named — all in one transaction.
    public func ajouterApprenant(_ modele: Apprenant, consentement: Consentement?, inscrireDans cohorte: String?,
                                 auteurId: Int64, date: Jour) throws(ErreurBase) -> Apprenant {
        try ecrire { db in
            var apprenant = modele
            apprenant.identifiant = Apprenant.identifiantLocal(numero: try Self.prochainNumero(db))
            let cree = try Self.inserer(db, apprenant, consentement: consentement)
            if let cohorte { try Self.inscrire(db, apprenantId: cree.id!, identifiant: cree.identifiant, cohorte: cohorte, auteurId: auteurId, date: date) }
            return cree
        }
    }

    /// Enrols a learner found by its code's cohort (refused when closed) — for a learner just added.
    static func inscrire(_ db: Database, apprenantId: Int64, identifiant: String, cohorte code: String, auteurId: Int64, date: Jour) throws {
        guard let cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else {
            throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
        }
        if cohorte.cloturee { throw ErreurBase.invalide("la cohorte « \(code) » est clôturée.") }
        try inscrire(db, apprenantId: apprenantId, identifiant: identifiant, cohorte: cohorte, auteurId: auteurId, date: date)
    }

    /// The one enrolment write: refused twice for the same person, first step « inscrit ».
    static func inscrire(_ db: Database, apprenantId: Int64, identifiant: String, cohorte: Cohorte, auteurId: Int64, date: Jour) throws {
        if try Inscription.filter(Column("cohorteId") == cohorte.id && Column("apprenantId") == apprenantId).fetchCount(db) > 0 {
            throw ErreurBase.dejaExistant(quoi: "L'inscription de", code: identifiant)
        }
        var inscription = Inscription(cohorteId: cohorte.id!, apprenantId: apprenantId)
        try inscription.insert(db)
        var etape = EtapeInscription(inscriptionId: inscription.id!, statut: .inscrit, date: date, auteurId: auteurId)
        try etape.insert(db)
    }

    /// Every learner with the cohorts they are enrolled in (search across cohorts), by identifier.
    /// The current status of each inscription is its latest step.
    public func apprenantsAvecInscriptions() throws(ErreurBase) -> [ApprenantTrouve] {
        try lire { db in
            let apprenants = try Apprenant.order(Column("identifiant")).fetchAll(db)
            var inscriptions: [Int64: [(cohorte: String, statut: StatutInscription)]] = [:]
            let lignes = try Row.fetchAll(db, sql: """
                SELECT i.apprenantId, c.code, (SELECT e.statut FROM etapeInscription e WHERE e.inscriptionId = i.id
                                               ORDER BY e.id DESC LIMIT 1) AS statut
                FROM inscription i JOIN cohorte c ON c.id = i.cohorteId
                ORDER BY c.debut, c.code
                """)
            for ligne in lignes {
                let statut = StatutInscription(rawValue: ligne["statut"] ?? "") ?? .inscrit
                inscriptions[ligne["apprenantId"], default: []].append((ligne["code"], statut))
            }
            return apprenants.map { ApprenantTrouve(apprenant: $0, inscriptions: inscriptions[$0.id!] ?? []) }
        }
    }

    /// The preuve with this id.
    public func preuve(id: Int64) throws(ErreurBase) -> Preuve {
        let trouvee = try lire { db in try Preuve.fetchOne(db, key: id) }
        guard let trouvee else { throw .introuvable(quoi: "Preuve", code: String(id)) }
        return trouvee
    }
}

extension Base {
    /// The learner with this row id.
    public func apprenant(id: Int64) throws(ErreurBase) -> Apprenant {
        let trouve = try lire { db in try Apprenant.fetchOne(db, key: id) }
        guard let trouve else { throw .introuvable(quoi: "Apprenant", code: String(id)) }
        return trouve
    }
}
