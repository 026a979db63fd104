import Foundation

/// The DID document a structure publishes for its `did:web` (`https://<domain>/.well-known/did.json`):
/// every key it ever signed with under that DID (retired ones too, so that the badges they signed
/// stay verifiable), each as a `JsonWebKey` verification method usable for assertions.
public enum DocumentDID {
    /// The document of `did` (a `did:web:…`) listing the keys of `cles` it controls, in order;
    /// nil when none is.
    public static func json(did: String, cles: [JWK]) throws -> Data? {
        let siennes = cles.filter { c in c.kid.map { DIDEmetteur.controleur(kid: $0) == did && DIDEmetteur.nomme(kid: $0, c) } ?? false }
        guard did.hasPrefix("did:web:"), !siennes.isEmpty else { return nil }
        let methodes: [[String: Any]] = siennes.map { c in
            ["id": c.kid!, "type": "JsonWebKey", "controller": did,
             "publicKeyJwk": ["kty": c.kty, "crv": c.crv, "x": c.x, "y": c.y, "alg": "ES256", "use": "sig"]]
        }
        let document: [String: Any] = [
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"],
            "id": did,
            "verificationMethod": methodes,
            "assertionMethod": siennes.map { $0.kid! },
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + Data("\n".utf8)
    }

    /// Where a `did:web` document lives: `https://<domain>/.well-known/did.json`.
    public static func adresse(did: String) -> String? {
        guard did.hasPrefix("did:web:") else { return nil }
        return "https://" + did.dropFirst("did:web:".count) + "/.well-known/did.json"
    }
}
