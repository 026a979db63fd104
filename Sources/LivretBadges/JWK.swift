import Crypto
import Foundation

/// Base64url without padding (RFC 7515 §2), the only encoding JOSE uses. Kept in one place.
public enum Base64URL {
    /// Encodes bytes as base64url, without `=` padding.
    public static func encoder(_ donnees: Data) -> String {
        var octets = Array(donnees.base64EncodedData())
        while octets.last == UInt8(ascii: "=") { octets.removeLast() }
        for i in octets.indices {
            if octets[i] == UInt8(ascii: "+") { octets[i] = UInt8(ascii: "-") } else if octets[i] == UInt8(ascii: "/") { octets[i] = UInt8(ascii: "_") }
        }
        return String(decoding: octets, as: UTF8.self)
    }

    /// Decodes strict base64url: only `A–Z a–z 0–9 - _`, no padding, no whitespace.
    /// Returns nil for anything else (including a length that no encoding can produce).
    public static func decoder(_ texte: String) -> Data? {
        var octets = Array(texte.utf8)
        guard octets.count % 4 != 1 else { return nil }
        for i in octets.indices {
            switch octets[i] {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-"): octets[i] = UInt8(ascii: "+")
            case UInt8(ascii: "_"): octets[i] = UInt8(ascii: "/")
            default: return nil
            }
        }
        octets += Array(repeating: UInt8(ascii: "="), count: (4 - octets.count % 4) % 4)
        guard let donnees = Data(base64Encoded: Data(octets)) else { return nil }
        // Reject non-canonical encodings (unused trailing bits set): re-encoding must give the input back.
        guard encoder(donnees) == texte else { return nil }
        return donnees
    }
}

/// A public P-256 signing key as a JSON Web Key (RFC 7517/7518), as published by the issuer.
public struct JWK: Codable, Equatable, Sendable {
    /// Key type: always "EC".
    public var kty: String
    /// Curve: always "P-256".
    public var crv: String
    /// X coordinate, 32 bytes, base64url.
    public var x: String
    /// Y coordinate, 32 bytes, base64url.
    public var y: String
    /// Key identifier, as it appears in the `kid` header of the JWTs it verifies.
    public var kid: String?
    /// Algorithm: "ES256".
    public var alg: String?
    /// Use: "sig".
    public var use: String?

    /// Builds the JWK of a public key.
    public init(cle: P256.Signing.PublicKey, kid: String?) {
        let brut = cle.rawRepresentation  // x || y, 64 bytes
        kty = "EC"
        crv = "P-256"
        x = Base64URL.encoder(brut.prefix(32))
        y = Base64URL.encoder(brut.suffix(32))
        self.kid = kid
        alg = "ES256"
        use = "sig"
    }

    /// The public key this JWK describes; throws a French error if it is not a valid P-256 point.
    public func clePublique() throws -> P256.Signing.PublicKey {
        guard kty == "EC", crv == "P-256" else {
            throw ErreurBadge("la clé \(kid ?? "sans identifiant") n'est pas une clé EC P-256 (kty \(kty), crv \(crv))")
        }
        if let alg, alg != "ES256" {
            throw ErreurBadge("la clé \(kid ?? "sans identifiant") annonce l'algorithme \(alg), seul ES256 est accepté")
        }
        guard let bx = Base64URL.decoder(x), let by = Base64URL.decoder(y), bx.count == 32, by.count == 32 else {
            throw ErreurBadge("la clé \(kid ?? "sans identifiant") a des coordonnées x/y mal encodées")
        }
        do {
            return try P256.Signing.PublicKey(rawRepresentation: bx + by)
        } catch {
            throw ErreurBadge("la clé \(kid ?? "sans identifiant") n'est pas un point valide de la courbe P-256")
        }
    }

    /// RFC 7638 thumbprint: SHA-256 of `{"crv":…,"kty":…,"x":…,"y":…}` (required members, sorted,
    /// no whitespace), base64url. Independent of `kid`, `alg` and `use`.
    public var empreinte: String {
        let canonique = #"{"crv":"\#(crv)","kty":"\#(kty)","x":"\#(x)","y":"\#(y)"}"#
        return Base64URL.encoder(Data(SHA256.hash(data: Data(canonique.utf8))))
    }
}

/// A JWK Set (RFC 7517 §5): the issuer's published public keys, current and past.
public struct JWKS: Codable, Equatable, Sendable {
    /// The keys, in publication order.
    public var keys: [JWK]

    /// Creates a set.
    public init(keys: [JWK]) {
        self.keys = keys
    }

    /// The key whose `kid` is `kid`, if any.
    public func cle(kid: String) -> JWK? {
        keys.first { $0.kid == kid }
    }
}
