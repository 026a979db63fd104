import Foundation
import Testing
@testable import LivretBadges

@Suite("Liste de statuts (W3C Bitstring Status List)")
struct ListeStatutsTests {
    @Test("L'index 0 est le bit le plus à gauche du premier octet")
    func ordreDesBits() {
        var liste = ListeStatuts()
        liste[0] = true
        #expect(liste.octets[0] == 0x80)
        liste[7] = true
        #expect(liste.octets[0] == 0x81)
        liste[8] = true
        #expect(liste.octets[1] == 0x80)
        liste[131_071] = true
        #expect(liste.octets.last == 0x01)
        #expect(liste[0] && liste[7] && liste[8] && liste[131_071])
        #expect(!liste[1] && !liste[9] && !liste[131_070])
        liste[7] = false
        #expect(liste.octets[0] == 0x80)
    }

    @Test("Au moins 131 072 entrées, même quand on en demande moins")
    func tailleMinimale() {
        #expect(ListeStatuts().taille == 131_072)
        #expect(ListeStatuts(taille: 10).taille == 131_072)
        #expect(ListeStatuts().octets.count == 16_384)
    }

    @Test("GZIP par zlib : aller-retour, en-tête GZIP, mêmes octets pour les mêmes bits")
    func gzipAllerRetour() throws {
        var liste = ListeStatuts()
        for i in [0, 3, 94_567, 131_071] { liste[i] = true }
        let gz = try GZIP.compresser(liste.octets)
        #expect(gz.prefix(2) == [0x1f, 0x8b])
        #expect(gz.count < 1_000)
        #expect(try GZIP.decompresser(gz, maximum: 1 << 20) == liste.octets)
        #expect(try GZIP.compresser(liste.octets) == gz)
        #expect(throws: ErreurBadge.self) { try GZIP.decompresser(Array(gz.dropLast(10)), maximum: 1 << 20) }
        #expect(throws: ErreurBadge.self) { try GZIP.decompresser(gz, maximum: 1_000) }
        #expect(throws: ErreurBadge.self) { try GZIP.decompresser([1, 2, 3, 4], maximum: 1_000) }
    }

    @Test("encodedList : multibase base64url (« u »), relu à l'identique ; trop courte refusée")
    func listeEncodee() throws {
        var liste = ListeStatuts()
        liste[42] = true
        let texte = try liste.listeEncodee()
        #expect(texte.hasPrefix("u"))
        #expect(!texte.contains("=") && !texte.contains("+") && !texte.contains("/"))
        let relue = try ListeStatuts(listeEncodee: texte)
        #expect(relue == liste && relue[42] && !relue[41])
        let courte = "u" + Base64URL.encoder(Data(try GZIP.compresser([UInt8](repeating: 0, count: 1_000))))
        #expect(throws: ErreurBadge.self) { try ListeStatuts(listeEncodee: courte) }
        #expect(throws: ErreurBadge.self) { try ListeStatuts(listeEncodee: String(texte.dropFirst())) }
    }

    @Test("Index tiré au hasard parmi les index libres")
    func indexLibre() {
        var generateur = SystemRandomNumberGenerator()
        let utilises = Set(0..<100)
        for _ in 0..<100 {
            let i = ListeStatuts.indexLibre(utilises: utilises, generateur: &generateur)
            #expect(i != nil && !utilises.contains(i!) && i! < 131_072)
        }
        #expect(ListeStatuts.indexLibre(taille: 8, utilises: Set(0..<8), generateur: &generateur) == nil)
        #expect(ListeStatuts.indexLibre(taille: 8, utilises: Set(0..<7), generateur: &generateur) == 7)
    }

    @Test("Credential de liste signé (VC-JWT) puis vérifié ; autre clé refusée")
    func credentialSigne() throws {
        let cle = CleEmetteur.generer(didWeb: "did:web:exemple.fr")
        #expect(CredentialListeStatuts.url(emetteur: ProfilEmetteur(id: "did:web:exemple.fr", name: "X")) == "https://exemple.fr/badges/statuts.jwt")
        #expect(CredentialListeStatuts.url(emetteur: ProfilEmetteur(id: "did:jwk:abc", name: "X", url: "https://site.fr/")) == "https://site.fr/badges/statuts.jwt")
        #expect(CredentialListeStatuts.url(emetteur: ProfilEmetteur(id: "did:jwk:abc", name: "X", url: "http://site.fr")) == nil)
        #expect(CredentialListeStatuts.url(emetteur: ProfilEmetteur(id: "did:jwk:abc", name: "X")) == nil)
        var liste = ListeStatuts()
        liste[1234] = true
        let credential = CredentialListeStatuts(url: "https://exemple.fr/badges/statuts.jwt", emetteur: "did:web:exemple.fr",
                                                signeeLe: Date(timeIntervalSince1970: 1_714_608_000), liste: liste)
        let jws = try credential.signer(cle: cle)
        let charge = try JSONSerialization.jsonObject(with: try JWT.decouper(jws).chargeUtile) as? [String: Any]
        #expect(charge?["type"] as? [String] == ["VerifiableCredential", "BitstringStatusListCredential"])
        #expect(charge?["jti"] as? String == "https://exemple.fr/badges/statuts.jwt")
        #expect((charge?["credentialSubject"] as? [String: Any])?["id"] as? String == "https://exemple.fr/badges/statuts.jwt#list")
        #expect(try CredentialListeStatuts.verifier(jws, clesEmetteur: [cle.jwkPublique]) == credential)
        let autre = CleEmetteur.generer(didWeb: "did:web:exemple.fr")
        #expect(throws: ErreurBadge.self) { try CredentialListeStatuts.verifier(jws, clesEmetteur: [autre.jwkPublique]) }
        #expect(EntreeStatut(url: credential.url, index: 1234).id == "https://exemple.fr/badges/statuts.jwt#1234")
    }
}
