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
    /// The day each retired key was retired (`kid` → « AAAA-MM-JJ »).
    public let retraits: [String: String]

    /// ``retraits`` as instants (start of the day, UTC), as the verifiers take them.
    public var datesRetrait: [String: Date] {
        PaquetApprenant.DocumentEmetteur(profil: profil, cles: JWKS(keys: cles), retraits: retraits).datesRetrait
    }

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
        let enregistrees = try base { () throws(ErreurBase) in try db.cles() }
        let cles = enregistrees.compactMap { try? JSONDecoder().decode(JWK.self, from: Data($0.jwk.utf8)) }
        let retraits = Dictionary(enregistrees.compactMap { c in c.retireeLe.map { (c.kid, $0.description) } }, uniquingKeysWith: min)
        // The issuer credentials name is that of the active key (a did:jwk is one key; décision 19);
        // before any key, the structure's own identifier.
        let active = try base { () throws(ErreurBase) in try db.cleActive() }
        let id = active.map { DIDEmetteur.controleur(kid: $0.kid) } ?? e.identifiant
        return ContexteBadges(db: db, profil: ProfilEmetteur(id: id, name: e.nom, url: e.url, description: e.description), cles: cles,
                              retraits: retraits)
    }

    /// The active private key, read from the keys folder.
    public func cleActive(dans dossier: URL) throws -> CleEmetteur {
        guard let active = try base({ () throws(ErreurBase) in try db.cleActive() }),
              let jwk = try? JSONDecoder().decode(JWK.self, from: Data(active.jwk.utf8)) else {
            throw ErreurUtilisateur("la structure n'a pas encore de clé de signature. Créez-la avec « livret badge cle creer ».")
        }
        let fichier = dossier.appendingPathComponent("\(jwk.empreinte).pem")
        guard FileManager.default.fileExists(atPath: fichier.path) else {
            throw ErreurUtilisateur("la clé privée « \(fichier.path) » est introuvable. Indiquez le bon dossier avec --cles (ou $LIVRET_CLES).",
                                    interface: "la clé privée « \(fichier.path) » est introuvable : remettez le dossier des clés de la structure à sa place, ou créez une nouvelle clé (touche k).")
        }
        do {
            return try CleEmetteur.lire(fichier, kid: active.kid)
        } catch {
            throw ErreurUtilisateur("\(error)")
        }
    }

    /// Signs the current revocation list with `cle`.
    public func signerListe(_ revoques: [BadgeEmis], cle: CleEmetteur, date: Jour) throws -> String {
        try ListeRevocation(emetteur: cle.emetteur, miseAJour: date.dateUTC,
                            revocations: revoques.map { Revocation(credential: $0.id, motif: $0.motifRevocation ?? "", date: ($0.revoqueLe ?? date).dateUTC) })
            .signer(cle: cle)
    }

    /// Where the structure publishes its status list (``CredentialListeStatuts/url(emetteur:)``), nil when it has no web address.
    public var urlStatuts: String? { CredentialListeStatuts.url(emetteur: profil) }

    /// The status list for the revoked badges `revoques`, signed with `cle`, or nil when `actuelle`
    /// (the list stored so far) already says exactly that, at the same address, with the same key:
    /// the list is re-signed only when it changes, so the same bundle made twice is the same bytes.
    /// Nil too when the structure has no web address (nothing to publish).
    public func signerStatuts(_ revoques: [BadgeEmis], cle: CleEmetteur, date: Jour, actuelle: String?) throws -> (url: String, jwt: String)? {
        guard let url = urlStatuts else { return nil }
        var liste = ListeStatuts()
        for badge in revoques {
            if let i = badge.indexStatut, i < liste.taille { liste[i] = true }
        }
        if let actuelle, let lue = try? CredentialListeStatuts.lire(actuelle), lue.url == url, lue.emetteur == cle.emetteur,
           lue.liste == liste, (try? JWT.decouper(actuelle))?.kid == cle.kid {
            return nil
        }
        return (url, try CredentialListeStatuts(url: url, emetteur: cle.emetteur, signeeLe: date.dateUTC, liste: liste).signer(cle: cle))
    }
}
