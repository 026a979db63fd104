import Foundation
import GRDB
import LivretCore

extension BadgeEmis: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "badge"
}

extension ClePubliqueEnregistree: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "cleEmetteur"
}

extension Base {
    /// The issuer profile, once configured.
    public func emetteur() throws(ErreurBase) -> EmetteurEnregistre? {
        try lire { db in
            try Row.fetchOne(db, sql: """
                SELECT e.identifiant, e.nom, e.description, (SELECT site FROM structure ORDER BY id LIMIT 1) AS site
                FROM emetteur e WHERE e.id = 1
                """).map {
                EmetteurEnregistre(identifiant: $0["identifiant"], nom: $0["nom"], url: $0["site"], description: $0["description"])
            }
        }
    }

    /// Records (or updates the name and description of) the issuer profile; its identifier never changes once set.
    /// Its `url` is the structure's site (``modifierContactStructure(_:auteurId:date:)``), not written here.
    public func enregistrerEmetteur(_ emetteur: EmetteurEnregistre) throws(ErreurBase) {
        try ecrire { db in
            if let actuel = try String.fetchOne(db, sql: "SELECT identifiant FROM emetteur WHERE id = 1") {
                guard actuel == emetteur.identifiant else {
                    throw ErreurBase.invalide("l'identifiant de l'émetteur ne change jamais (les badges déjà émis le portent).")
                }
                try db.execute(sql: "UPDATE emetteur SET nom = ?, description = ? WHERE id = 1",
                               arguments: [emetteur.nom, emetteur.description])
            } else {
                try db.execute(sql: "INSERT INTO emetteur (id, identifiant, nom, description) VALUES (1, ?, ?, ?)",
                               arguments: [emetteur.identifiant, emetteur.nom, emetteur.description])
            }
        }
    }

    /// Records a new public key as the active one; the previous active key is retired (kept for verification).
    public func enregistrerCle(kid: String, jwk: String, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            try db.execute(sql: "UPDATE cleEmetteur SET retireeLe = ? WHERE retireeLe IS NULL", arguments: [date])
            try ClePubliqueEnregistree(kid: kid, jwk: jwk, creeeLe: date, retireeLe: nil).insert(db)
        }
    }

    /// Every public key, oldest first.
    public func cles() throws(ErreurBase) -> [ClePubliqueEnregistree] {
        try lire { db in try ClePubliqueEnregistree.order(Column("creeeLe"), Column("kid")).fetchAll(db) }
    }

    /// The active key, if any.
    public func cleActive() throws(ErreurBase) -> ClePubliqueEnregistree? {
        try lire { db in try ClePubliqueEnregistree.filter(Column("retireeLe") == nil).fetchOne(db) }
    }

    /// Records badges issued in one action (all or nothing); a learner holds one active badge per achievement.
    /// The random identifier that names learner `apprenantId` in her badges when she gave no
    /// e-mail (`urn:uuid:…`, made the first time): unlike a phone number or « A-0013 », nobody can
    /// find it by trying every value.
    public func identifiantTitulaire(apprenantId: Int64) throws(ErreurBase) -> String {
        try ecrire { db in
            if let connu = try String.fetchOne(db, sql: "SELECT identifiant FROM titulaireBadges WHERE apprenantId = ?", arguments: [apprenantId]) {
                return connu
            }
            let nouveau = "urn:uuid:" + UUID().uuidString.lowercased()
            try db.execute(sql: "INSERT INTO titulaireBadges (apprenantId, identifiant) VALUES (?, ?)", arguments: [apprenantId, nouveau])
            return nouveau
        }
    }

    /// The signature already made of a bundle manifest (SHA-256 `empreinte`) by key `kid`, if any:
    /// the same bundle made twice is then the same bytes (ECDSA signatures are random).
    public func signatureManifeste(empreinte: String, kid: String) throws(ErreurBase) -> String? {
        try lire { db in
            try String.fetchOne(db, sql: "SELECT jws FROM signatureManifeste WHERE empreinte = ? AND kid = ?", arguments: [empreinte, kid])
        }
    }

    /// Keeps the signature of learner `apprenantId`'s bundle manifest for the next time the same
    /// bytes are signed (erased with her identity: the manifest names her holder identifier).
    public func enregistrerSignatureManifeste(empreinte: String, apprenantId: Int64, kid: String, jws: String) throws(ErreurBase) {
        try ecrire { db in
            try db.execute(sql: "INSERT OR REPLACE INTO signatureManifeste (empreinte, apprenantId, kid, jws) VALUES (?, ?, ?, ?)",
                           arguments: [empreinte, apprenantId, kid, jws])
        }
    }

    public func enregistrerBadges(_ badges: [BadgeEmis]) throws(ErreurBase) {
        try ecrire { db in
            for badge in badges {
                if try BadgeEmis.filter(Column("apprenantId") == badge.apprenantId && Column("reussite") == badge.reussite && Column("revoqueLe") == nil).fetchCount(db) > 0 {
                    throw ErreurBase.dejaExistant(quoi: "Le badge", code: badge.reussite)
                }
                try badge.insert(db)
            }
        }
    }

    /// The badges issued to learner `identifiant` (found in the same read).
    public func badges(apprenant identifiant: String) throws(ErreurBase) -> [BadgeEmis] {
        try lire { db in
            let apprenant = try Self.apprenant(db, identifiant)
            return try BadgeEmis.filter(Column("apprenantId") == apprenant.id).order(Column("emisLe"), Column("reussite")).fetchAll(db)
        }
    }

    public func badges(apprenantId: Int64) throws(ErreurBase) -> [BadgeEmis] {
        try lire { db in try BadgeEmis.filter(Column("apprenantId") == apprenantId).order(Column("emisLe"), Column("reussite")).fetchAll(db) }
    }

    /// Every badge whose signed credential the base still holds, revoked ones included, by id: what
    /// the verification site publishes. The badges of a learner whose identity was erased are left
    /// out (their credential is no longer in the base, and nothing of hers is published).
    public func badgesPublies() throws(ErreurBase) -> [BadgeEmis] {
        try lire { db in
            try BadgeEmis.fetchAll(db, sql: """
                SELECT badge.* FROM badge JOIN apprenant ON apprenant.id = badge.apprenantId
                WHERE badge.jwt != '' AND apprenant.efface = 0 ORDER BY badge.id
                """)
        }
    }

    /// Every revoked badge, for the signed revocation list.
    public func badgesRevoques() throws(ErreurBase) -> [BadgeEmis] {
        try lire { db in try BadgeEmis.filter(Column("revoqueLe") != nil).order(Column("revoqueLe"), Column("id")).fetchAll(db) }
    }

    /// The signed revocation list last published (re-signed only when it changes, so bundles are reproducible).
    public func listeRevocationSignee() throws(ErreurBase) -> String? {
        try lire { db in try String.fetchOne(db, sql: "SELECT jwt FROM listeRevocation WHERE id = 1") }
    }

    /// Replaces the published revocation list.
    public func publierListeRevocation(jwt: String, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            try db.execute(sql: "INSERT INTO listeRevocation (id, jwt, miseAJour) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET jwt = excluded.jwt, miseAJour = excluded.miseAJour",
                           arguments: [jwt, date])
        }
    }

    /// The status list indexes already given to a credential.
    public func indexStatutUtilises() throws(ErreurBase) -> Set<Int> {
        try lire { db in Set(try Int.fetchAll(db, sql: "SELECT indexStatut FROM badge WHERE indexStatut IS NOT NULL")) }
    }

    /// The signed status list last published and its URL (re-signed only when a bit, the address or the key changes).
    public func listeStatutsSignee() throws(ErreurBase) -> (url: String, jwt: String)? {
        try lire { db in
            try Row.fetchOne(db, sql: "SELECT url, jwt FROM listeStatuts WHERE id = 1").map { (url: $0["url"], jwt: $0["jwt"]) }
        }
    }

    /// Replaces the published status list.
    public func publierListeStatuts(url: String, jwt: String, date: Jour) throws(ErreurBase) {
        try ecrire { db in try Self.publierListeStatuts(db, url: url, jwt: jwt, date: date) }
    }

    static func publierListeStatuts(_ db: Database, url: String, jwt: String, date: Jour) throws {
        try db.execute(sql: """
            INSERT INTO listeStatuts (id, url, jwt, miseAJour) VALUES (1, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET url = excluded.url, jwt = excluded.jwt, miseAJour = excluded.miseAJour
            """, arguments: [url, jwt, date])
    }

    /// Revokes a badge with a reason and publishes the new signed lists, in one transaction; the act is logged.
    /// `signerListe` receives every revoked badge (this one included) and returns Livret's signed list;
    /// `signerStatuts` receives them and the status list stored so far, and returns the new signed
    /// status list and its URL, or nil when it does not change.
    public func revoquerBadge(id: String, motif: String, auteurId: Int64, date: Jour,
                              signerListe: @Sendable ([BadgeEmis]) throws -> String,
                              signerStatuts: @Sendable ([BadgeEmis], String?) throws -> (url: String, jwt: String)? = { _, _ in nil }) throws(ErreurBase) {
        try ecrire { db in
            guard var badge = try BadgeEmis.fetchOne(db, key: id) else { throw ErreurBase.introuvable(quoi: "Badge", code: id) }
            if badge.revoqueLe != nil { throw ErreurBase.invalide("ce badge est déjà révoqué.") }
            guard !motif.trimmingCharacters(in: .whitespaces).isEmpty else { throw ErreurBase.invalide("une révocation demande un motif (--motif).") }
            badge.revoqueLe = date
            badge.motifRevocation = motif
            try badge.update(db)
            try Self.journaliser(db, date: date, auteurId: auteurId, action: "revocation", cible: id, detail: motif)
            let revoques = try BadgeEmis.filter(Column("revoqueLe") != nil).order(Column("revoqueLe"), Column("id")).fetchAll(db)
            try db.execute(sql: "INSERT INTO listeRevocation (id, jwt, miseAJour) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET jwt = excluded.jwt, miseAJour = excluded.miseAJour",
                           arguments: [try signerListe(revoques), date])
            let actuelle = try String.fetchOne(db, sql: "SELECT jwt FROM listeStatuts WHERE id = 1")
            if let statuts = try signerStatuts(revoques, actuelle) {
                try Self.publierListeStatuts(db, url: statuts.url, jwt: statuts.jwt, date: date)
            }
        }
    }
}
