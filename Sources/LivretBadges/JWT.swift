import Crypto
import Foundation
import LivretCore

/// A compact JWS split into its parts (not yet verified).
public struct JetonDecoupe: Sendable, Equatable {
    /// The JOSE header, a JSON object.
    public let enTete: [String: JSONValeur]
    /// The payload bytes (base64url-decoded).
    public let chargeUtile: Data
    /// The signature bytes (for ES256: r || s, 64 bytes).
    public let signature: Data
    /// The signing input: ASCII `header.payload` as it appeared in the token.
    public let entreeSignature: Data

    /// The `alg` header, if it is a string.
    public var alg: String? { enTete["alg"]?.enChaine }
    /// The `kid` header, if it is a string.
    public var kid: String? { enTete["kid"]?.enChaine }
    /// The `typ` header, if it is a string.
    public var typ: String? { enTete["typ"]?.enChaine }
}

extension JSONValeur {
    /// The string, if this value is one.
    var enChaine: String? {
        if case .chaine(let s) = self { return s }
        return nil
    }

    /// The number, if this value is one.
    var enNombre: Double? {
        if case .nombre(let n) = self { return n }
        return nil
    }

    /// The object, if this value is one.
    var enObjet: [String: JSONValeur]? {
        if case .objet(let o) = self { return o }
        return nil
    }

    /// The array, if this value is one.
    var enTableau: [JSONValeur]? {
        if case .tableau(let t) = self { return t }
        return nil
    }

    /// The strings of a string or array-of-strings value (JSON-LD style).
    var enChaines: [String] {
        switch self {
        case .chaine(let s): [s]
        case .tableau(let t): t.compactMap(\.enChaine)
        default: []
        }
    }
}

/// Compact JWS with ES256 (RFC 7515, RFC 7518 §3.4), as used by VC-JWT credentials.
public enum JWT {
    /// The JOSE header Livret writes: exactly `alg`, `kid`, `typ`.
    struct EnTete: Encodable {
        let alg = "ES256"
        let kid: String
        let typ = "JWT"
    }

    /// JSON encoder for everything Livret signs: sorted keys, no escaped slashes (stable bytes).
    static var encodeur: JSONEncoder {
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encodeur
    }

    /// Signs `payload` with `cle`; the header is exactly `{"alg":"ES256","kid":…,"typ":"JWT"}`.
    public static func signer(payload: Data, cle: CleEmetteur) throws -> String {
        let enTete = try encodeur.encode(EnTete(kid: cle.kid))
        let entree = Base64URL.encoder(enTete) + "." + Base64URL.encoder(payload)
        let signature: P256.Signing.ECDSASignature
        do {
            signature = try cle.privee.signature(for: Data(entree.utf8))
        } catch {
            throw ErreurBadge("la signature du jeton a échoué : \(error)")
        }
        return entree + "." + Base64URL.encoder(signature.rawRepresentation)
    }

    /// The token without surrounding spaces and line breaks (byte-level: tokens are long, this is a hot path).
    public static func sansBlancs(_ jeton: String) -> String {
        let octets = Array(jeton.utf8)
        let blanc: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let debut = octets.firstIndex(where: { !blanc($0) }), let fin = octets.lastIndex(where: { !blanc($0) }) else { return "" }
        return String(decoding: octets[debut...fin], as: UTF8.self)
    }

    /// Splits a compact JWS: exactly three strict-base64url parts, a JSON-object header.
    public static func decouper(_ jeton: String) throws -> JetonDecoupe {
        // Split on the bytes, not on Characters: tokens are long and this is on the verification path.
        let parties = jeton.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard parties.count == 3 else {
            throw ErreurBadge("le jeton n'a pas la forme « en-tête.contenu.signature » (\(Accord.nombre(parties.count, "partie")) au lieu de 3)")
        }
        let noms = ["l'en-tête", "le contenu", "la signature"]
        var octets: [Data] = []
        for (i, partie) in parties.enumerated() {
            guard !partie.isEmpty, let d = Base64URL.decoder(partie) else {
                throw ErreurBadge("\(noms[i]) du jeton n'est pas du base64url valide")
            }
            octets.append(d)
        }
        guard let valeur = try? AnalyseurJSON.analyser(octets[0]), let enTete = valeur.enObjet else {
            throw ErreurBadge("l'en-tête du jeton n'est pas un objet JSON")
        }
        return JetonDecoupe(enTete: enTete, chargeUtile: octets[1], signature: octets[2],
                            entreeSignature: Data((parties[0] + "." + parties[1]).utf8))
    }

    /// Checks an ES256 signature (raw r || s, 64 bytes) over the token's signing input.
    public static func verifier(_ jeton: JetonDecoupe, cle: P256.Signing.PublicKey) -> Bool {
        guard jeton.signature.count == 64,
              let signature = try? P256.Signing.ECDSASignature(rawRepresentation: jeton.signature)
        else { return false }
        return cle.isValidSignature(signature, for: jeton.entreeSignature)
    }
}
