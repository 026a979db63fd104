import Foundation
import GRDB
import LivretCore

/// A one-time sign-in code as kept: its salt and salted hash, never the code itself.
public struct CodeEspaceGarde: Sendable, Equatable {
    /// The row.
    public var id: Int64
    /// The learner it opens the space of.
    public var apprenantId: Int64
    /// 16 random bytes.
    public var sel: Data
    /// SHA-256 of the salt and the code.
    public var empreinte: Data
    /// When it was given, in seconds since 1970.
    public var donneLe: Int64
    /// The formateur who gave it.
    public var auteurId: Int64
}

/// A learner's request for erasure, made in her space, waiting for the formatrice.
public struct DemandeEffacement: Sendable, Equatable {
    /// The learner's identifier (A-0001).
    public var identifiant: String
    /// The day she asked.
    public var date: Jour
}

/// The learner's own space (issue 21): codes, the CV choices she made, her erasure requests.
extension Base {
    /// Records a new code for the learner (the earlier unused ones stop working), in one transaction.
    public func donnerCodeEspace(apprenantId: Int64, sel: Data, empreinte: Data, donneLe: Int64, auteurId: Int64, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            try db.execute(sql: "DELETE FROM codeEspace WHERE apprenantId = ? OR donneLe < ?",
                           arguments: [apprenantId, donneLe - RegleEspace.validiteCode])
            try db.execute(sql: "INSERT INTO codeEspace (apprenantId, sel, empreinte, donneLe, auteurId) VALUES (?, ?, ?, ?, ?)",
                           arguments: [apprenantId, sel, empreinte, donneLe, auteurId])
            let identifiant = try String.fetchOne(db, sql: "SELECT identifiant FROM apprenant WHERE id = ?", arguments: [apprenantId])
            try Self.journaliser(db, date: date, auteurId: auteurId, action: "code espace", cible: identifiant)
        }
    }

    /// The codes given and not used that may still be valid at `maintenant`.
    public func codesEspaceEnCours(maintenant: Int64) throws(ErreurBase) -> [CodeEspaceGarde] {
        try lire { db in
            try Row.fetchAll(db, sql: """
                SELECT id, apprenantId, sel, empreinte, donneLe, auteurId FROM codeEspace
                WHERE utiliseLe IS NULL AND donneLe > ? AND donneLe <= ?
                """, arguments: [maintenant - RegleEspace.validiteCode, maintenant]).map {
                CodeEspaceGarde(id: $0["id"], apprenantId: $0["apprenantId"], sel: $0["sel"], empreinte: $0["empreinte"], donneLe: $0["donneLe"],
                                 auteurId: $0["auteurId"])
            }
        }
    }

    /// Marks a code used; false when it already was (two sign-ins raced: only the first wins).
    public func utiliserCodeEspace(id: Int64, maintenant: Int64) throws(ErreurBase) -> Bool {
        try ecrire { db in
            try db.execute(sql: "UPDATE codeEspace SET utiliseLe = ? WHERE id = ? AND utiliseLe IS NULL", arguments: [maintenant, id])
            return db.changesCount == 1
        }
    }

    /// The learner's identifier, and whether she was erased (an erased learner has no space).
    public func apprenantEspace(id: Int64) throws(ErreurBase) -> (identifiant: String, efface: Bool)? {
        try lire { db in
            try Row.fetchOne(db, sql: "SELECT identifiant, efface FROM apprenant WHERE id = ?", arguments: [id]).map { ($0["identifiant"], $0["efface"]) }
        }
    }

    /// Records the CV choices the learner made herself (JSON of ``ChoixCV``), in one transaction.
    public func enregistrerChoixCV(apprenantId: Int64, choix: ChoixCV, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            var c = choix
            c.choisiParLaPersonne = true
            let json = String(decoding: try JSONEncoder.trie.encode(c), as: UTF8.self)
            try db.execute(sql: "INSERT INTO choixCV (apprenantId, date, choix) VALUES (?, ?, ?)", arguments: [apprenantId, date, json])
        }
    }

    /// The latest CV choices the learner made herself, with their day; nil when she made none.
    public func choixCV(apprenantId: Int64) throws(ErreurBase) -> (choix: ChoixCV, date: Jour)? {
        try lire { db in
            guard let ligne = try Row.fetchOne(db, sql: "SELECT choix, date FROM choixCV WHERE apprenantId = ? ORDER BY id DESC LIMIT 1",
                                               arguments: [apprenantId]) else { return nil }
            let json: String = ligne["choix"]
            return (try JSONDecoder().decode(ChoixCV.self, from: Data(json.utf8)), ligne["date"])
        }
    }

    /// Records the learner's request for erasure (once: a second request while one waits changes nothing).
    public func demanderEffacement(apprenantId: Int64, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            let enAttente = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM demandeEffacement WHERE apprenantId = ? AND faiteLe IS NULL)",
                                              arguments: [apprenantId]) ?? false
            guard !enAttente else { return }
            try db.execute(sql: "INSERT INTO demandeEffacement (apprenantId, date) VALUES (?, ?)", arguments: [apprenantId, date])
        }
    }

    /// The day of the learner's waiting erasure request; nil when none waits.
    public func demandeEffacementEnAttente(apprenantId: Int64) throws(ErreurBase) -> Jour? {
        try lire { db in
            try Jour.fetchOne(db, sql: "SELECT date FROM demandeEffacement WHERE apprenantId = ? AND faiteLe IS NULL ORDER BY id LIMIT 1",
                              arguments: [apprenantId])
        }
    }

    /// Every erasure request waiting for the formatrice, oldest first.
    public func demandesEffacement() throws(ErreurBase) -> [DemandeEffacement] {
        try lire { db in
            try Row.fetchAll(db, sql: """
                SELECT a.identifiant, d.date FROM demandeEffacement d JOIN apprenant a ON a.id = d.apprenantId
                WHERE d.faiteLe IS NULL ORDER BY d.date, d.id
                """).map { DemandeEffacement(identifiant: $0["identifiant"], date: $0["date"]) }
        }
    }

    /// Everything the learner did in her space, oldest first (the access export).
    public func espaceApprenant(apprenantId: Int64) throws(ErreurBase) -> EspaceApprenant {
        try lire { db in
            let choix = try Row.fetchAll(db, sql: "SELECT date, choix FROM choixCV WHERE apprenantId = ? ORDER BY id", arguments: [apprenantId]).map {
                let json: String = $0["choix"]
                return EspaceApprenant.ChoixDate(date: $0["date"], choix: try JSONDecoder().decode(ChoixCV.self, from: Data(json.utf8)))
            }
            let demandes = try Row.fetchAll(db, sql: "SELECT date, faiteLe FROM demandeEffacement WHERE apprenantId = ? ORDER BY id",
                                            arguments: [apprenantId]).map { EspaceApprenant.Demande(date: $0["date"], faiteLe: $0["faiteLe"]) }
            return EspaceApprenant(choixCV: choix, demandesEffacement: demandes)
        }
    }

    /// What erasing a learner does to her space, inside the erasure's transaction: codes and CV
    /// choices go, her waiting request is marked done.
    static func effacerEspace(_ db: Database, apprenantId: Int64, date: Jour) throws {
        try db.execute(sql: "DELETE FROM codeEspace WHERE apprenantId = ?", arguments: [apprenantId])
        try db.execute(sql: "DELETE FROM choixCV WHERE apprenantId = ?", arguments: [apprenantId])
        try db.execute(sql: "UPDATE demandeEffacement SET faiteLe = ? WHERE apprenantId = ? AND faiteLe IS NULL", arguments: [date, apprenantId])
    }
}

extension JSONEncoder {
    /// Sorted keys: the same choices, the same bytes.
    static var trie: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}

