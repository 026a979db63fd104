import Crypto
import Foundation
import Testing
@testable import LivretBadges

@Suite("Vérification d'un badge")
struct VerificationCredentialTests {
    let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
    /// 2025-01-01T00:00:00Z
    let maintenant = Date(timeIntervalSince1970: 1_735_689_600)

    @Test("Un badge valide : une ligne par règle, toutes vérifiées")
    func valide() throws {
        let jwt = try EmissionCredential.emettre(Exemple.demande(), cle: cle).jwt
        let liste = ListeRevocation(emetteur: Exemple.idEmetteur, miseAJour: maintenant, revocations: [])
        let rapport = VerificationCredential.verifier(jwt: jwt, clesEmetteur: [cle.jwkPublique], revocations: liste, maintenant: maintenant)
        #expect(rapport.lignes.map(\.regle) == VerificationCredential.Regle.toutes)
        #expect(rapport.valide, "\(rapport.texte)")
        let sansListe = VerificationCredential.verifier(jwt: jwt, clesEmetteur: [cle.jwkPublique], revocations: nil, maintenant: maintenant)
        #expect(sansListe.valide)
        #expect(sansListe.ligne(VerificationCredential.Regle.revocation)?.detail.contains("non vérifiée") == true)
        // Codable report.
        let json = try JSONEncoder().encode(rapport)
        #expect(try JSONDecoder().decode(RapportVerification.self, from: json) == rapport)
    }

    @Test("Un badge révoqué est signalé avec la date et le motif")
    func revoque() throws {
        let emis = try EmissionCredential.emettre(Exemple.demande(), cle: cle)
        let liste = ListeRevocation(emetteur: Exemple.idEmetteur, miseAJour: maintenant, revocations: [
            Revocation(credential: emis.id, motif: "délivré par erreur", date: Date(timeIntervalSince1970: 1_714_608_000)),
        ])
        let verifiee = try ListeRevocation.verifier(liste.signer(cle: cle), clesEmetteur: [cle.jwkPublique])
        let rapport = VerificationCredential.verifier(jwt: emis.jwt, clesEmetteur: [cle.jwkPublique], revocations: verifiee, maintenant: maintenant)
        #expect(!rapport.valide)
        let ligne = try #require(rapport.ligne(VerificationCredential.Regle.revocation))
        #expect(!ligne.ok)
        #expect(ligne.detail == "révoqué le 2024-05-02T00:00:00Z : délivré par erreur")
        #expect(rapport.lignes.filter { !$0.ok }.count == 1)
    }

    @Test("Rotation de clé : un badge signé par l'ancienne clé reste vérifiable si elle est publiée")
    func rotation() throws {
        let ancienne = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let jwt = try EmissionCredential.emettre(Exemple.demande(), cle: ancienne).jwt
        let nouvelle = cle
        let avec = VerificationCredential.verifier(jwt: jwt, clesEmetteur: [nouvelle.jwkPublique, ancienne.jwkPublique], revocations: nil, maintenant: maintenant)
        #expect(avec.valide, "\(avec.texte)")
        let sans = VerificationCredential.verifier(jwt: jwt, clesEmetteur: [nouvelle.jwkPublique], revocations: nil, maintenant: maintenant)
        #expect(!sans.valide)
        #expect(sans.ligne(VerificationCredential.Regle.enTete)?.ok == false)
        #expect(sans.ligne(VerificationCredential.Regle.signature)?.ok == false)
        #expect(sans.lignes.count == VerificationCredential.Regle.toutes.count)
    }

    @Test("Un badge expiré échoue à la règle des dates, et seulement à elle")
    func expire() throws {
        let jwt = try EmissionCredential.emettre(Exemple.demande(jusquau: Date(timeIntervalSince1970: 1_717_200_000)), cle: cle).jwt
        let rapport = VerificationCredential.verifier(jwt: jwt, clesEmetteur: [cle.jwkPublique], revocations: nil, maintenant: maintenant)
        #expect(!rapport.valide)
        #expect(rapport.ligne(VerificationCredential.Regle.dates)?.ok == false)
        #expect(rapport.ligne(VerificationCredential.Regle.dates)?.detail.contains("expiré") == true)
        #expect(rapport.lignes.filter { !$0.ok }.map(\.regle) == [VerificationCredential.Regle.dates])
        // Before its validFrom: not yet valid.
        let avant = VerificationCredential.verifier(jwt: jwt, clesEmetteur: [cle.jwkPublique], revocations: nil,
                                                    maintenant: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(avant.ligne(VerificationCredential.Regle.dates)?.ok == false)
    }

    @Test("Un badge modifié échoue à la signature ; un jeton illisible échoue partout")
    func falsifie() throws {
        let jwt = try EmissionCredential.emettre(Exemple.demande(), cle: cle).jwt
        let parties = jwt.split(separator: ".").map(String.init)
        let texte = String(decoding: Base64URL.decoder(parties[1])!, as: UTF8.self)
            .replacingOccurrences(of: "Envoyer un e-mail", with: "Programmer en Swift")
        let falsifie = [parties[0], Base64URL.encoder(Data(texte.utf8)), parties[2]].joined(separator: ".")
        let rapport = VerificationCredential.verifier(jwt: falsifie, clesEmetteur: [cle.jwkPublique], revocations: nil, maintenant: maintenant)
        #expect(rapport.lignes.filter { !$0.ok }.map(\.regle) == [VerificationCredential.Regle.signature])

        let illisible = VerificationCredential.verifier(jwt: "pas un jeton", clesEmetteur: [cle.jwkPublique], revocations: nil, maintenant: maintenant)
        #expect(illisible.lignes.count == VerificationCredential.Regle.toutes.count)
        #expect(illisible.lignes.allSatisfy { !$0.ok })
    }

    @Test("Une clé dont le kid ne porte pas l'empreinte de l'émetteur est signalée")
    func empreinte() throws {
        // A key whose kid claims the issuer but with another thumbprint.
        let privee = P256.Signing.PrivateKey()
        let fausse = CleEmetteur(privee: privee, idEmetteur: "https://autre.example.fr")
        let jwt = try EmissionCredential.emettre(Exemple.demande(), cle: fausse).jwt
        let rapport = VerificationCredential.verifier(jwt: jwt, clesEmetteur: [fausse.jwkPublique], revocations: nil, maintenant: maintenant)
        #expect(rapport.ligne(VerificationCredential.Regle.empreinte)?.ok == false)
        #expect(rapport.ligne(VerificationCredential.Regle.signature)?.ok == true)
    }
}
