import Crypto
import Foundation
import Testing
@testable import LivretBadges
import LivretTestSupport

/// Keys and issuers any verifier can resolve (issue 16): did:jwk by default, did:web with a domain.
@Suite("Émetteur en DID : did:jwk par défaut, did:web avec un domaine")
struct DIDEmetteurTests {
    /// 2025-01-01T00:00:00Z
    let maintenant = Date(timeIntervalSince1970: 1_735_689_600)

    func demande(_ cle: CleEmetteur) -> DemandeCredential {
        var d = Exemple.demande()
        d.emetteur = ProfilEmetteur(id: cle.emetteur, name: Exemple.emetteur.name, url: Exemple.emetteur.url)
        return d
    }

    @Test("did:jwk : la clé publique est dans l'identifiant, le kid finit par #0, rien de privé")
    func didJWK() throws {
        let cle = CleEmetteur.generer()
        #expect(cle.kid.hasPrefix("did:jwk:") && cle.kid.hasSuffix("#0"))
        #expect(cle.emetteur == DIDEmetteur.didJWK(cle.jwkPublique))
        let lue = try #require(DIDEmetteur.jwk(depuis: cle.kid))
        #expect(lue.empreinte == cle.empreinte && lue.kid == cle.kid)
        let json = try #require(Base64URL.decoder(String(cle.emetteur.dropFirst("did:jwk:".count))))
        let objet = try #require(try JSONSerialization.jsonObject(with: json) as? [String: String])
        #expect(Set(objet.keys) == ["crv", "kty", "x", "y"])
        // A did:jwk carrying a private member is refused.
        let privee = #"{"crv":"P-256","d":"AAAA","kty":"EC","x":"\#(objet["x"]!)","y":"\#(objet["y"]!)"}"#
        #expect(DIDEmetteur.jwk(depuis: "did:jwk:" + Base64URL.encoder(Data(privee.utf8)) + "#0") == nil)
        #expect(DIDEmetteur.jwk(depuis: cle.emetteur + "#1") == nil)
        #expect(DIDEmetteur.nomCourt(emetteur: cle.emetteur) == "jwk-" + cle.empreinte)
    }

    @Test("Un badge signé en did:jwk se vérifie sans connaître la clé ; avec les clés de la structure, il doit en être une")
    func verificationSansCle() throws {
        let cle = CleEmetteur.generer()
        let jwt = try EmissionCredential.emettre(demande(cle), cle: cle).jwt
        let seul = VerificationCredential.verifier(jwt: jwt, clesEmetteur: [], revocations: nil, maintenant: maintenant)
        #expect(seul.valide, "\(seul.texte)")
        let avec = VerificationCredential.verifier(jwt: jwt, clesEmetteur: [cle.jwkPublique], revocations: nil, maintenant: maintenant)
        #expect(avec.valide, "\(avec.texte)")
        // Signed by someone else's did:jwk: not one of the structure's keys.
        let etrangere = CleEmetteur.generer()
        let faux = try EmissionCredential.emettre(demande(etrangere), cle: etrangere).jwt
        let refuse = VerificationCredential.verifier(jwt: faux, clesEmetteur: [cle.jwkPublique], revocations: nil, maintenant: maintenant)
        #expect(!refuse.valide && refuse.ligne(VerificationCredential.Regle.enTete)?.ok == false)
        // The issuer named in the credential must be the key's DID.
        var autre = demande(cle)
        autre.emetteur = ProfilEmetteur(id: etrangere.emetteur, name: "Autre")
        let usurpe = VerificationCredential.verifier(jwt: try JWT.signer(payload: try EmissionCredential.emettre(autre, cle: etrangere).jwt
            .split(separator: ".").dropFirst().first.flatMap { Base64URL.decoder(String($0)) } ?? Data(), cle: cle),
            clesEmetteur: [], revocations: nil, maintenant: maintenant)
        #expect(!usurpe.valide && usurpe.ligne(VerificationCredential.Regle.empreinte)?.ok == false, "\(usurpe.texte)")
    }

    @Test("did:web : le domaine devient l'émetteur, la clé se trouve dans le document publié")
    func didWeb() throws {
        #expect(DIDEmetteur.didWeb(domaine: "Exemple.FR") == "did:web:exemple.fr")
        for mauvais in ["https://exemple.fr", "exemple", "exemple.fr/badges", "exe mple.fr", "-x.fr", "exemple.fr:8443"] {
            #expect(DIDEmetteur.didWeb(domaine: mauvais) == nil, "\(mauvais)")
        }
        let cle = CleEmetteur.generer(didWeb: "did:web:exemple.fr")
        #expect(cle.kid == "did:web:exemple.fr#\(cle.empreinte)" && cle.emetteur == "did:web:exemple.fr")
        let jwt = try EmissionCredential.emettre(demande(cle), cle: cle).jwt
        #expect(VerificationCredential.verifier(jwt: jwt, clesEmetteur: [cle.jwkPublique], revocations: nil, maintenant: maintenant).valide)
        #expect(!VerificationCredential.verifier(jwt: jwt, clesEmetteur: [], revocations: nil, maintenant: maintenant).valide,
                "une clé did:web ne se lit pas dans le badge : il faut le document publié")
    }

    @Test("Rotation : l'ancienne clé vérifie ses badges, mais pas un badge daté après son retrait")
    func retrait() throws {
        let ancienne = CleEmetteur.generer()
        let nouvelle = CleEmetteur.generer()
        let cles = [ancienne.jwkPublique, nouvelle.jwkPublique]
        let avant = try EmissionCredential.emettre(demande(ancienne), cle: ancienne).jwt  // dated 2024-03-18
        let retraitApres = ["\(ancienne.kid)": Date(timeIntervalSince1970: 1_714_608_000)]  // 2024-05-02
        #expect(VerificationCredential.verifier(jwt: avant, clesEmetteur: cles, revocations: nil, retraits: retraitApres, maintenant: maintenant).valide)
        let retraitAvant = ["\(ancienne.kid)": Date(timeIntervalSince1970: 1_704_067_200)]  // 2024-01-01
        let refuse = VerificationCredential.verifier(jwt: avant, clesEmetteur: cles, revocations: nil, retraits: retraitAvant, maintenant: maintenant)
        #expect(!refuse.valide)
        #expect(refuse.ligne(VerificationCredential.Regle.empreinte)?.detail.contains("retirée") == true, "\(refuse.texte)")
    }

    @Test("Une clé relue de son fichier garde le kid publié ; un kid d'une autre clé est refusé")
    func relecture() throws {
        let dossier = try DossierTemporaire(prefixe: "livret-did")
        defer { dossier.supprimer() }
        let cle = CleEmetteur.generer()
        let url = try cle.ecrire(dans: dossier.url)
        #expect(try CleEmetteur.lire(url, kid: cle.kid).kid == cle.kid)
        #expect(throws: ErreurBadge.self) { try CleEmetteur.lire(url, kid: CleEmetteur.generer().kid) }
    }
}
