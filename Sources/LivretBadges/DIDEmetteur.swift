import Foundation
import Synchronization

/// How the structure names itself and its keys so that any verifier can find them (décision 19):
/// a DID. By default `did:jwk` — the public key itself, base64url-encoded: nothing to publish,
/// works offline, and the official 1EdTech validator resolves it. With a domain, `did:web`
/// (`did:web:exemple.fr`, its keys in `https://exemple.fr/.well-known/did.json`).
///
/// Key identifiers (`kid`, the JWT header):
/// - did:jwk: `did:jwk:<base64url(JWK)>#0` (the DID of one key; a new key is a new DID);
/// - did:web and older issuers (`urn:uuid:…`, an https address): `<issuer>#<RFC 7638 thumbprint>`.
///
/// In both cases the part before `#` is the issuer (the key's controller): a credential is bound
/// to its issuer when its `iss` is that part.
public enum DIDEmetteur {
    /// `did:jwk:` + base64url of the key's public JWK (`crv`, `kty`, `x`, `y`: the members of its
    /// RFC 7638 thumbprint, in that order, nothing private).
    public static func didJWK(_ jwk: JWK) -> String {
        let canonique = #"{"crv":"\#(jwk.crv)","kty":"\#(jwk.kty)","x":"\#(jwk.x)","y":"\#(jwk.y)"}"#
        return "did:jwk:" + Base64URL.encoder(Data(canonique.utf8))
    }

    /// `did:web:<domain>` for a domain name the structure controls (« exemple.fr »); nil when
    /// `domaine` is not a plain host name (no scheme, path, port or space).
    public static func didWeb(domaine: String) -> String? {
        let d = domaine.trimmingCharacters(in: .whitespaces).lowercased()
        let etiquettes = d.split(separator: ".", omittingEmptySubsequences: false)
        guard etiquettes.count >= 2, d.count <= 253,
              etiquettes.allSatisfy({ e in
                  !e.isEmpty && e.count <= 63 && e.first != "-" && e.last != "-"
                      && e.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
              }) else { return nil }
        return "did:web:" + d
    }

    /// The `kid` a key signs with: `<did:jwk of the key>#0`, or `<did:web>#<thumbprint>` with a domain.
    public static func kid(_ jwk: JWK, didWeb: String?) -> String {
        if let didWeb { return "\(didWeb)#\(jwk.empreinte)" }
        return didJWK(jwk) + "#0"
    }

    /// The issuer a key identifier belongs to: the part before `#`.
    public static func controleur(kid: String) -> String {
        String(kid.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// The public key written in a `did:jwk` (with or without its `#0`); nil for any other
    /// identifier, or a did:jwk that is not a public P-256 key (a private member `d` is refused).
    public static func jwk(depuis kid: String) -> JWK? {
        let did = controleur(kid: kid)
        guard kid == did || kid == did + "#0" else { return nil }
        // Every badge of a structure names the same few keys: each is read and checked once.
        if let connue = lues.withLock({ $0[did] }) { return connue }
        guard let jwk = lire(did: did) else { return nil }
        lues.withLock { cache in
            if cache.count > 256 { cache.removeAll() }
            cache[did] = jwk
        }
        return jwk
    }

    private static let lues = Mutex<[String: JWK]>([:])

    /// Decodes and checks the key of a did:jwk (no fragment).
    private static func lire(did: String) -> JWK? {
        guard did.hasPrefix("did:jwk:"),
              let octets = Base64URL.decoder(String(did.dropFirst("did:jwk:".count))),
              let objet = try? JSONSerialization.jsonObject(with: octets) as? [String: Any], objet["d"] == nil,
              var jwk = try? JSONDecoder().decode(JWK.self, from: octets),
              (try? jwk.clePublique()) != nil else { return nil }
        jwk.kid = did + "#0"
        return jwk
    }

    /// Whether `kid` names `jwk` for its issuer: the did:jwk of that very key, or `<issuer>#<its thumbprint>`.
    public static func nomme(kid: String, _ jwk: JWK) -> Bool {
        if let ecrite = DIDEmetteur.jwk(depuis: kid) { return memeCle(ecrite, jwk) }
        return kid == "\(controleur(kid: kid))#\(jwk.empreinte)"
    }

    /// The key `kid` names, resolved as any verifier would: a did:jwk carries its key; any other
    /// kid must be among `connues` (the keys of a did:web document, or those the structure published).
    /// When `connues` is not empty, a did:jwk must also be one of them (a structure's verifier
    /// accepts only the structure's keys). nil: not resolvable.
    public static func resoudre(kid: String, connues: [JWK]) -> JWK? {
        if let ecrite = jwk(depuis: kid) {
            guard connues.isEmpty || connues.contains(where: { memeCle($0, ecrite) }) else { return nil }
            return ecrite
        }
        return connues.first { $0.kid == kid && nomme(kid: kid, $0) }
    }

    /// The same public key (the members of its thumbprint), without hashing.
    static func memeCle(_ a: JWK, _ b: JWK) -> Bool {
        a.kty == b.kty && a.crv == b.crv && a.x == b.x && a.y == b.y
    }

    /// A short, stable name for the issuer, usable inside a URN: the uuid of `urn:uuid:…`, `jwk-`
    /// and the key's thumbprint for a did:jwk, the domain for a did:web, else the id itself.
    public static func nomCourt(emetteur: String) -> String {
        if emetteur.hasPrefix("urn:uuid:") { return String(emetteur.dropFirst("urn:uuid:".count)) }
        if let cle = jwk(depuis: emetteur) { return "jwk-" + cle.empreinte }
        if emetteur.hasPrefix("did:web:") { return String(emetteur.dropFirst("did:web:".count)) }
        return emetteur
    }
}
