import Crypto
import Foundation
import Testing
@testable import LivretBadges
import LivretTestSupport

func droits(_ url: URL) throws -> Int {
    let attributs = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributs[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

@Suite("Clés de l'émetteur")
struct ClesTests {
    @Test("Base64url sans remplissage, décodage strict")
    func base64url() {
        #expect(Base64URL.encoder(Data([0xfb, 0xff])) == "-_8")
        #expect(Base64URL.decoder("-_8") == Data([0xfb, 0xff]))
        #expect(Base64URL.decoder("-_8=") == nil)
        #expect(Base64URL.decoder("+/8") == nil)
        #expect(Base64URL.decoder("a") == nil)
        #expect(Base64URL.decoder("-_9") == nil)  // non-canonical trailing bits
    }

    @Test("JWK : aller-retour de la clé publique et empreinte RFC 7638")
    func jwk() throws {
        let cle = CleEmetteur.generer(idEmetteur: "https://structure.example.fr")
        let jwk = cle.jwkPublique
        #expect(jwk.kty == "EC" && jwk.crv == "P-256" && jwk.alg == "ES256" && jwk.use == "sig")
        #expect(try jwk.clePublique().rawRepresentation == cle.privee.publicKey.rawRepresentation)
        #expect(cle.kid == "https://structure.example.fr#\(jwk.empreinte)")
        // The thumbprint does not depend on kid/alg/use.
        var autre = jwk
        autre.kid = nil
        autre.use = nil
        #expect(autre.empreinte == jwk.empreinte)
        #expect(Base64URL.decoder(jwk.empreinte)?.count == 32)
    }

    @Test("Empreinte RFC 7638 : vecteur calculé indépendamment (Python cryptography)")
    func empreinteConnue() throws {
        let privee = try P256.Signing.PrivateKey(rawRepresentation: Data(repeating: 1, count: 32))
        let jwk = JWK(cle: privee.publicKey, kid: "https://s.example.fr#x")
        #expect(jwk.x == "b_A7lJJBzh2t1DUZ5pYOCoW0GmmgXDKBA6orzhWUyhY")
        #expect(jwk.y == "PE91OlW_AdxT9sCwx-7ni0DG_30lqW4igrmJzvccFEo")
        #expect(jwk.empreinte == "Nrqg3-M_Xwtx-1tbtc1J7Xul2DyeC0bUSy9u_5NSG6g")
    }

    @Test("Une JWK invalide est refusée avec un message en français")
    func jwkInvalide() {
        var jwk = CleEmetteur.generer(idEmetteur: "https://s.example.fr").jwkPublique
        jwk.y = jwk.x
        #expect(throws: ErreurBadge.self) { try jwk.clePublique() }
        jwk.crv = "P-384"
        #expect(throws: ErreurBadge.self) { try jwk.clePublique() }
    }

    @Test("Le fichier de clé est écrit en 0600, relu, et jamais écrasé")
    func fichierCle() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-badges")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let cle = CleEmetteur.generer(idEmetteur: "https://structure.example.fr")
        let url = try cle.ecrire(dans: dossier)
        #expect(url.lastPathComponent == "\(cle.empreinte).pem")
        #expect(try droits(url) == 0o600)
        let texte = try String(contentsOf: url, encoding: .utf8)
        #expect(texte.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let relue = try CleEmetteur.lire(url, idEmetteur: "https://structure.example.fr")
        #expect(relue.kid == cle.kid)
        #expect(relue.privee.rawRepresentation == cle.privee.rawRepresentation)
        // No temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dossier.path) == [url.lastPathComponent])
        // Never overwritten.
        #expect(throws: ErreurBadge.self) { try cle.ecrire(dans: dossier) }
        #expect(try String(contentsOf: url, encoding: .utf8) == texte)
    }

    @Test("Un fichier de clé lisible par d'autres (0644) est refusé, avec le conseil chmod 600")
    func fichierTropOuvert() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-badges")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let cle = CleEmetteur.generer(idEmetteur: "https://structure.example.fr")
        let url = try cle.ecrire(dans: dossier)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        do {
            _ = try CleEmetteur.lire(url, idEmetteur: "https://structure.example.fr")
            Issue.record("un fichier en 0644 aurait dû être refusé")
        } catch let erreur as ErreurBadge {
            #expect(erreur.message.contains("chmod 600"))
            #expect(erreur.message.contains("644"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        #expect(throws: ErreurBadge.self) { try CleEmetteur.lire(url, idEmetteur: "https://structure.example.fr") }
    }

    @Test("Un fichier qui n'est pas une clé PEM est refusé")
    func fichierPasUneCle() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-badges")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let url = dossier.appendingPathComponent("x.pem")
        try Data("bonjour".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        #expect(throws: ErreurBadge.self) { try CleEmetteur.lire(url, idEmetteur: "https://s.example.fr") }
        #expect(throws: ErreurBadge.self) { try CleEmetteur.lire(dossier.appendingPathComponent("absent.pem"), idEmetteur: "https://s.example.fr") }
    }
}
