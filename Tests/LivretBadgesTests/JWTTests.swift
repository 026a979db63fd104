import Crypto
import Foundation
import Testing
@testable import LivretBadges

@Suite("JWS compact ES256")
struct JWTTests {
    let cle = CleEmetteur.generer(idEmetteur: "https://structure.example.fr")

    @Test("Signer puis vérifier ; en-tête exact")
    func signerVerifier() throws {
        let jeton = try JWT.signer(payload: Data(#"{"a":1}"#.utf8), cle: cle)
        let d = try JWT.decouper(jeton)
        let enTete = String(decoding: Base64URL.decoder(String(jeton.split(separator: ".")[0]))!, as: UTF8.self)
        #expect(enTete == #"{"alg":"ES256","kid":"\#(cle.kid)","typ":"JWT"}"#)
        #expect(d.alg == "ES256" && d.typ == "JWT" && d.kid == cle.kid)
        #expect(d.chargeUtile == Data(#"{"a":1}"#.utf8))
        #expect(d.signature.count == 64)
        #expect(JWT.verifier(d, cle: cle.privee.publicKey))
        #expect(!JWT.verifier(d, cle: P256.Signing.PrivateKey().publicKey))
    }

    @Test("Un octet modifié dans le contenu fait échouer la signature")
    func falsification() throws {
        let jeton = try JWT.signer(payload: Data(#"{"nom":"Badge"}"#.utf8), cle: cle)
        let parties = jeton.split(separator: ".").map(String.init)
        var contenu = Base64URL.decoder(parties[1])!
        contenu[contenu.startIndex + 3] ^= 0x01
        let falsifie = [parties[0], Base64URL.encoder(contenu), parties[2]].joined(separator: ".")
        #expect(!JWT.verifier(try JWT.decouper(falsifie), cle: cle.privee.publicKey))
        // Signature tampered too.
        var signature = Base64URL.decoder(parties[2])!
        signature[signature.startIndex] ^= 0x80
        let sigFalsifiee = [parties[0], parties[1], Base64URL.encoder(signature)].joined(separator: ".")
        #expect(!JWT.verifier(try JWT.decouper(sigFalsifiee), cle: cle.privee.publicKey))
    }

    @Test("Découpage strict : trois parties, base64url, en-tête objet JSON")
    func decoupageStrict() throws {
        let jeton = try JWT.signer(payload: Data("{}".utf8), cle: cle)
        #expect(throws: ErreurBadge.self) { try JWT.decouper("a.b") }
        #expect(throws: ErreurBadge.self) { try JWT.decouper(jeton + ".x") }
        #expect(throws: ErreurBadge.self) { try JWT.decouper(jeton.replacingOccurrences(of: ".", with: "=.")) }
        #expect(throws: ErreurBadge.self) { try JWT.decouper("W10." + jeton.split(separator: ".")[1] + "." + jeton.split(separator: ".")[2]) }  // header "[]"
        #expect(throws: ErreurBadge.self) { try JWT.decouper("..") }
    }
}
