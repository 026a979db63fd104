import Foundation
import LivretBadges
import LivretCore
import LivretStore

/// What issuing, revoking and packaging badges need from the base: the issuer, its public
/// keys, and the active private key read from the keys folder.
public struct ContexteBadges: Sendable {
    public let db: Base
    public let profil: ProfilEmetteur
    public let cles: [JWK]

    /// The issuer, created from the structure's name the first time.
    public static func ouvrir(_ db: Base) throws -> ContexteBadges {
        var emetteur = try base { () throws(ErreurBase) in try db.emetteur() }
        if emetteur == nil {
            guard let structure = try base({ () throws(ErreurBase) in try db.structure() }) else {
                throw ErreurUtilisateur("la base n'est pas initialisée : lancez d'abord « livret init ».")
            }
            let nouveau = EmetteurEnregistre(identifiant: "urn:uuid:" + UUID().uuidString.lowercased(), nom: structure.nom)
            try base { () throws(ErreurBase) in try db.enregistrerEmetteur(nouveau) }
            emetteur = nouveau
        }
        let e = emetteur!
        let cles = try base { () throws(ErreurBase) in try db.cles() }.compactMap { try? JSONDecoder().decode(JWK.self, from: Data($0.jwk.utf8)) }
        return ContexteBadges(db: db, profil: ProfilEmetteur(id: e.identifiant, name: e.nom, url: e.url, description: e.description), cles: cles)
    }

    /// The active private key, read from the keys folder.
    public func cleActive(dans dossier: URL) throws -> CleEmetteur {
        guard let active = try base({ () throws(ErreurBase) in try db.cleActive() }),
              let jwk = try? JSONDecoder().decode(JWK.self, from: Data(active.jwk.utf8)) else {
            throw ErreurUtilisateur("la structure n'a pas encore de clé de signature. Créez-la avec « livret badge cle creer ».")
        }
        let fichier = dossier.appendingPathComponent("\(jwk.empreinte).pem")
        guard FileManager.default.fileExists(atPath: fichier.path) else {
            throw ErreurUtilisateur("la clé privée « \(fichier.path) » est introuvable. Indiquez le bon dossier avec --cles (ou $LIVRET_CLES).")
        }
        do {
            return try CleEmetteur.lire(fichier, idEmetteur: profil.id)
        } catch {
            throw ErreurUtilisateur("\(error)")
        }
    }

    /// Signs the current revocation list with `cle`.
    public func signerListe(_ revoques: [BadgeEmis], cle: CleEmetteur, date: Jour) throws -> String {
        try ListeRevocation(emetteur: profil.id, miseAJour: date.dateUTC,
                            revocations: revoques.map { Revocation(credential: $0.id, motif: $0.motifRevocation ?? "", date: ($0.revoqueLe ?? date).dateUTC) })
            .signer(cle: cle)
    }
}
