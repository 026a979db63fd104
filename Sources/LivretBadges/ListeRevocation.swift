import Foundation
import LivretCore

/// One revoked credential.
public struct Revocation: Codable, Equatable, Sendable {
    /// The revoked credential's id (`urn:uuid:…`).
    public var credential: String
    /// Why it was revoked, in French ("délivré par erreur").
    public var motif: String
    /// When, `2024-03-18T00:00:00Z` form.
    public var date: String

    /// Creates a revocation entry.
    public init(credential: String, motif: String, date: Date) {
        self.credential = credential
        self.motif = motif
        self.date = DateOB.texte(date)
    }
}

/// The structure's revocation list, published (and shipped in offline bundles) as a compact JWS
/// signed with the issuer's key.
///
/// Livret's credentials carry no `credentialStatus` (an offline OB 3.0 verifier cannot fetch it
/// and reports it as unchecked); revocation is this separate signed document instead:
/// `{"emetteur":…,"miseAJour":…,"revocations":[{"credential":…,"date":…,"motif":…}],"type":"ListeRevocationLivret"}`.
public struct ListeRevocation: Codable, Equatable, Sendable {
    /// The document type, always "ListeRevocationLivret".
    public var type: String
    /// The issuer's id (the credentials' `issuer.id`).
    public var emetteur: String
    /// When the list was last updated.
    public var miseAJour: String
    /// The revoked credentials.
    public var revocations: [Revocation]

    /// The value of `type`.
    public static let typeDocument = "ListeRevocationLivret"

    /// Creates a list.
    public init(emetteur: String, miseAJour: Date, revocations: [Revocation]) {
        type = Self.typeDocument
        self.emetteur = emetteur
        self.miseAJour = DateOB.texte(miseAJour)
        self.revocations = revocations
    }

    /// The revocation of the credential `id`, if it is revoked.
    public func revocation(de id: String) -> Revocation? {
        revocations.first { $0.credential == id }
    }

    /// The list's JSON (sorted keys).
    public func json() throws -> Data {
        try JWT.encodeur.encode(self)
    }

    /// Signs the list with the issuer's key (compact JWS, ES256).
    public func signer(cle: CleEmetteur) throws -> String {
        guard cle.kid.hasPrefix(emetteur + "#") else {
            throw ErreurBadge("la clé \(cle.kid) n'est pas une clé de l'émetteur \(emetteur)")
        }
        return try JWT.signer(payload: json(), cle: cle)
    }

    /// Reads and verifies a signed list: ES256, a `kid` among the issuer's keys whose thumbprint
    /// matches, a valid signature, a `ListeRevocationLivret` document from that issuer.
    /// Throws a French error otherwise.
    public static func verifier(_ jws: String, clesEmetteur: [JWK]) throws -> ListeRevocation {
        let jeton = try JWT.decouper(jws)
        guard jeton.alg == "ES256" else {
            throw ErreurBadge("liste de révocation : algorithme \(jeton.alg ?? "absent"), ES256 attendu")
        }
        guard let kid = jeton.kid, let jwk = DIDEmetteur.resoudre(kid: kid, connues: clesEmetteur) else {
            throw ErreurBadge("liste de révocation : signée par une clé inconnue (\(jeton.kid ?? "sans kid"))")
        }
        let cle = try jwk.clePublique()
        guard JWT.verifier(jeton, cle: cle) else {
            throw ErreurBadge("liste de révocation : signature invalide, le document a pu être modifié")
        }
        let liste: ListeRevocation
        do {
            liste = try JSONDecoder().decode(ListeRevocation.self, from: jeton.chargeUtile)
        } catch {
            throw ErreurBadge("liste de révocation : le contenu n'est pas une liste de révocation Livret")
        }
        guard liste.type == typeDocument else {
            throw ErreurBadge("liste de révocation : type « \(liste.type) », « \(typeDocument) » attendu")
        }
        guard DIDEmetteur.controleur(kid: kid) == liste.emetteur, DIDEmetteur.nomme(kid: kid, jwk) else {
            throw ErreurBadge("liste de révocation : la clé \(kid) n'appartient pas à l'émetteur \(liste.emetteur)")
        }
        return liste
    }
}
