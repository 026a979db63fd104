import Crypto
import Foundation
import LivretCore
import LivretStore

/// The learner's own space, the same for the command line, the terminal UI and the web server
/// (issue 21): one-time codes, and what the learner decides herself. Each action one transaction.
public enum ServiceEspace {
    /// The learner a code opened the space of, and the formatrice who gave the code (written as
    /// the author of what the learner records: the base names a formateur for every write).
    public struct Ouverture: Sendable, Equatable {
        /// The learner's row.
        public var apprenantId: Int64
        /// Her identifier (A-0001), never shown in a URL.
        public var identifiant: String
        /// The formateur who gave the code.
        public var auteurId: Int64
    }

    /// Gives `identifiant` a new one-time code (the earlier unused one stops working) and returns it,
    /// to be shown once: only its salted hash is kept.
    public static func donnerCode(db: Base, identifiant: String, auteur: Formateur, jour: Jour, maintenant: Int64) throws -> String {
        var tirage = SystemRandomNumberGenerator()
        return try donnerCode(db: db, identifiant: identifiant, auteur: auteur, jour: jour, maintenant: maintenant, tirage: &tirage)
    }

    /// ``donnerCode(db:identifiant:auteur:jour:maintenant:)`` with a chosen source of randomness (tests).
    public static func donnerCode<G: RandomNumberGenerator>(db: Base, identifiant: String, auteur: Formateur, jour: Jour, maintenant: Int64,
                                                            tirage: inout G) throws -> String {
        let apprenant = try base { () throws(ErreurBase) in try db.apprenant(identifiant) }
        if apprenant.efface {
            throw ErreurUtilisateur("« \(identifiant) » a été effacé : son espace n'existe plus.")
        }
        let code = RegleEspace.nouveauCode(&tirage)
        let sel = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &tirage) })
        try base { () throws(ErreurBase) in
            try db.donnerCodeEspace(apprenantId: apprenant.id!, sel: sel, empreinte: empreinte(code, sel: sel), donneLe: maintenant,
                                    auteurId: auteur.id!, date: jour)
        }
        return code
    }

    /// SHA-256 of the salt and the code.
    static func empreinte(_ code: String, sel: Data) -> Data {
        var h = SHA256()
        h.update(data: sel)
        h.update(data: Data(code.utf8))
        return Data(h.finalize())
    }

    /// Opens the space a code gives, and uses the code up. Throws ``RegleEspace/Refus/malTape`` or
    /// ``RegleEspace/Refus/inconnu`` (wrong, expired, used, or its learner erased since); the limits on
    /// wrong codes are the caller's (it knows where they come from).
    public static func ouvrir(db: Base, codeSaisi: String, maintenant: Int64) throws -> Ouverture {
        guard let code = RegleEspace.code(saisi: codeSaisi) else { throw RegleEspace.Refus.malTape }
        let enCours = try base { () throws(ErreurBase) in try db.codesEspaceEnCours(maintenant: maintenant) }
        // Every candidate is hashed and compared in full, whichever matches: the time taken says nothing.
        var trouve: CodeEspaceGarde?
        for garde in enCours where egalEnTempsConstant(empreinte(code, sel: garde.sel), garde.empreinte) { trouve = garde }
        guard let garde = trouve, RegleEspace.codeValide(donneLe: garde.donneLe, maintenant: maintenant),
              try base({ () throws(ErreurBase) in try db.utiliserCodeEspace(id: garde.id, maintenant: maintenant) }),
              let apprenant = try base({ () throws(ErreurBase) in try db.apprenantEspace(id: garde.apprenantId) }), !apprenant.efface
        else { throw RegleEspace.Refus.inconnu }
        return Ouverture(apprenantId: garde.apprenantId, identifiant: apprenant.identifiant, auteurId: garde.auteurId)
    }

    static func egalEnTempsConstant(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Records the CV choices the learner made herself.
    public static func choisirCV(db: Base, _ ouverture: Ouverture, choix: ChoixCV, jour: Jour) throws {
        try base { () throws(ErreurBase) in try db.enregistrerChoixCV(apprenantId: ouverture.apprenantId, choix: choix, date: jour) }
    }

    /// Records the consent the learner gave herself, scope by scope (a new dated record, by her).
    public static func consentir(db: Base, _ ouverture: Ouverture, suivi: Bool, badges: Bool, statistiques: Bool, coop: Bool, jour: Jour) throws {
        let c = Consentement(apprenantId: ouverture.apprenantId, date: jour, suivi: suivi, badges: badges, statistiques: statistiques, coop: coop,
                             parLaPersonne: true, auteurId: ouverture.auteurId)
        try base { () throws(ErreurBase) in try db.enregistrerConsentement(c) }
    }

    /// Records the learner's request for erasure; the formatrice confirms it (`livret apprenant effacer`).
    public static func demanderEffacement(db: Base, _ ouverture: Ouverture, jour: Jour) throws {
        try base { () throws(ErreurBase) in try db.demanderEffacement(apprenantId: ouverture.apprenantId, date: jour) }
    }
}
