import Crypto
import Foundation
import Testing
@testable import LivretBadges

@Suite("Liste de révocation")
struct RevocationTests {
    let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)

    func liste() -> ListeRevocation {
        ListeRevocation(emetteur: Exemple.idEmetteur, miseAJour: Date(timeIntervalSince1970: 1_714_608_000), revocations: [
            Revocation(credential: "urn:uuid:0b8f3f9c-5d55-4b8e-9a4a-6f2d1c9e7a10", motif: "délivré par erreur à une autre personne",
                       date: Date(timeIntervalSince1970: 1_714_608_000)),
        ])
    }

    @Test("Forme JSON du document")
    func forme() throws {
        let texte = String(decoding: try liste().json(), as: UTF8.self)
        #expect(texte == #"{"emetteur":"https://espace-numerique.example.fr","miseAJour":"2024-05-02T00:00:00Z","revocations":[{"credential":"urn:uuid:0b8f3f9c-5d55-4b8e-9a4a-6f2d1c9e7a10","date":"2024-05-02T00:00:00Z","motif":"délivré par erreur à une autre personne"}],"type":"ListeRevocationLivret"}"#)
    }

    @Test("Signer puis vérifier la liste ; falsification et clé inconnue refusées")
    func signerVerifier() throws {
        let jws = try liste().signer(cle: cle)
        let relue = try ListeRevocation.verifier(jws, clesEmetteur: [cle.jwkPublique])
        #expect(relue == liste())
        #expect(relue.revocation(de: "urn:uuid:0b8f3f9c-5d55-4b8e-9a4a-6f2d1c9e7a10")?.motif == "délivré par erreur à une autre personne")
        #expect(relue.revocation(de: "urn:uuid:autre") == nil)

        let autre = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        #expect(throws: ErreurBadge.self) { try ListeRevocation.verifier(jws, clesEmetteur: [autre.jwkPublique]) }
        // Same kid, other key material: signature fails.
        var usurpee = autre.jwkPublique
        usurpee.kid = cle.kid
        #expect(throws: ErreurBadge.self) { try ListeRevocation.verifier(jws, clesEmetteur: [usurpee]) }
        // Tampered payload: an entry removed.
        let parties = jws.split(separator: ".").map(String.init)
        var vide = liste()
        vide.revocations = []
        let falsifie = [parties[0], Base64URL.encoder(try vide.json()), parties[2]].joined(separator: ".")
        #expect(throws: ErreurBadge.self) { try ListeRevocation.verifier(falsifie, clesEmetteur: [cle.jwkPublique]) }
        // A key of another issuer cannot sign this issuer's list.
        let etrangere = CleEmetteur.generer(idEmetteur: "https://autre.example.fr")
        #expect(throws: ErreurBadge.self) { try liste().signer(cle: etrangere) }
    }
}
