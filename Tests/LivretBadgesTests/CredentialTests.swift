import Crypto
import Foundation
import LivretCore
import Testing
@testable import LivretBadges

/// Shared fixtures of the badge tests.
enum Exemple {
    static let idEmetteur = "https://espace-numerique.example.fr"
    static let emetteur = ProfilEmetteur(id: idEmetteur, name: "Espace numérique de Roubaix",
                                         url: "https://espace-numerique.example.fr", description: "Structure d'inclusion numérique")
    /// 2024-03-18T00:00:00Z
    static let delivrance = Date(timeIntervalSince1970: 1_710_720_000)

    static func realisation() -> Realisation {
        let nom = "Envoyer un e-mail avec une pièce jointe"
        return Realisation(
            id: "https://espace-numerique.example.fr/badges/aptic/niveau-2/c2-3",
            name: nom,
            description: "Sait rédiger et envoyer un courriel avec une pièce jointe.",
            criteres: "Validé par un médiateur numérique lors d'un atelier, exercice réalisé sans aide.",
            image: ImageOB(svg: ImageBadge.svg(nom: nom, famille: .aptic(niveau: 2), structure: emetteur.name), caption: "Badge : \(nom)"),
            alignements: [.aptic(code: "C2.3", nom: "Communiquer par courriel"),
                          .pix(code: "2.1", nom: "Interagir", description: "Interagir avec des individus et des petits groupes")],
            achievementType: "Competency", tags: ["APTIC", "courriel"])
    }

    static func apprenant(email: String? = "Marie.Dupont@Exemple.FR ", telephone: String? = "06 12 34 56 78") -> Apprenant {
        Apprenant(identifiant: "A-0042", prenom: "Marie", nom: "Dupont", anneeNaissance: 1957, sexe: .feminin, qpv: .oui,
                  statutSocial: .retraite, niveauDiplome: "CAP", email: email, telephone: telephone,
                  creeLe: Jour(annee: 2024, mois: 1, jour: 10)!, creePar: 1)
    }

    /// The random identifier Livret keeps for a learner without e-mail.
    static let titulaire = "urn:uuid:3f1c9a52-8e0b-4d7a-9c61-2b5e7d4a0f18"

    static func demande(apprenant: Apprenant = apprenant(), jusquau: Date? = nil, id: String = "urn:uuid:0b8f3f9c-5d55-4b8e-9a4a-6f2d1c9e7a10") -> DemandeCredential {
        DemandeCredential(
            id: id, emetteur: emetteur, realisation: realisation(),
            identites: [IdentiteHachee(apprenant: apprenant, titulaire: titulaire, sel: "c0ffee0123456789")],
            idSujet: "urn:uuid:7d7e3c1a-1d2f-4c55-8f0e-3b1a2c4d5e6f",
            delivreLe: delivrance, valableJusquau: jusquau,
            preuves: [PreuveOB(name: "Atelier courriel du 18 mars 2024", narrative: "Envoi d'un courriel avec une photo en pièce jointe.")])
    }

    static func objet(_ donnees: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: donnees) as? [String: Any])
    }
}

@Suite("Credential Open Badges 3.0")
struct CredentialTests {
    @Test("Forme JSON : contextes, types, émetteur, dates, sujet, réalisation")
    func forme() throws {
        let json = try EmissionCredential.json(Exemple.demande(jusquau: Date(timeIntervalSince1970: 1_773_792_000)))
        let o = try Exemple.objet(json)
        #expect(o["@context"] as? [String] == LivretBadges.contextes)
        #expect(o["type"] as? [String] == ["VerifiableCredential", "OpenBadgeCredential"])
        #expect(o["id"] as? String == "urn:uuid:0b8f3f9c-5d55-4b8e-9a4a-6f2d1c9e7a10")
        #expect(o["validFrom"] as? String == "2024-03-18T00:00:00Z")
        #expect(o["validUntil"] as? String == "2026-03-18T00:00:00Z")
        #expect(o["name"] as? String == "Envoyer un e-mail avec une pièce jointe")
        #expect(o["credentialStatus"] == nil)
        let issuer = try #require(o["issuer"] as? [String: Any])
        #expect(issuer["type"] as? [String] == ["Profile"])
        #expect(issuer["id"] as? String == Exemple.idEmetteur)
        let sujet = try #require(o["credentialSubject"] as? [String: Any])
        #expect(sujet["type"] as? [String] == ["AchievementSubject"])
        let realisation = try #require(sujet["achievement"] as? [String: Any])
        #expect(realisation["type"] as? [String] == ["Achievement"])
        #expect(realisation["inLanguage"] as? String == "fr")
        #expect((realisation["criteria"] as? [String: Any])?["narrative"] != nil)
        let image = try #require(realisation["image"] as? [String: Any])
        #expect((image["id"] as? String)?.hasPrefix("data:image/svg+xml;base64,") == true)
        #expect(image["type"] as? String == "Image")
        let alignements = try #require(realisation["alignment"] as? [[String: Any]])
        #expect(alignements.map { $0["targetUrl"] as? String } == [Alignement.urlAPTIC, Alignement.urlPix])
        #expect(alignements.allSatisfy { $0["type"] as? [String] == ["Alignment"] })
        let preuves = try #require(o["evidence"] as? [[String: Any]])
        #expect(preuves.first?["type"] as? [String] == ["Evidence"])
        // Stable bytes.
        #expect(try EmissionCredential.json(Exemple.demande(jusquau: Date(timeIntervalSince1970: 1_773_792_000))) == json)
        #expect(String(decoding: json, as: UTF8.self).hasPrefix(#"{"@context":["#))
    }

    @Test("Aucune donnée sensible : ni sexe, ni année de naissance, ni QPV, ni statut social, ni nom en clair")
    func pasDeDonneesSensibles() throws {
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let emis = try EmissionCredential.emettre(Exemple.demande(), cle: cle)
        let charge = try JWT.decouper(emis.jwt).chargeUtile
        let clesInterdites: Set<String> = ["sexe", "sex", "gender", "anneeNaissance", "birthYear", "birthDate", "dateOfBirth",
                                            "qpv", "statutSocial", "socialStatus", "niveauDiplome", "prenom", "nom", "givenName",
                                            "familyName", "email", "telephone", "phone"]
        let valeursInterdites = ["feminin", "féminin", "1957", "retraite", "CAP", "Marie", "Dupont", "marie.dupont",
                                 "06 12", "0612345678", "A-0042"]
        for donnees in [emis.json, charge] {
            var cles: [String] = []
            var valeurs: [String] = []
            func parcourir(_ v: Any) {
                if let o = v as? [String: Any] {
                    for (k, w) in o {
                        cles.append(k)
                        // The badge image is a data URI of our own SVG (base64): not learner data.
                        if k == "id", let t = w as? String, t.hasPrefix("data:image/svg+xml;base64,") { continue }
                        parcourir(w)
                    }
                } else if let t = v as? [Any] {
                    t.forEach(parcourir)
                } else {
                    valeurs.append("\(v)")
                }
            }
            parcourir(try JSONSerialization.jsonObject(with: donnees))
            #expect(Set(cles).isDisjoint(with: clesInterdites), "clés : \(cles.sorted())")
            for interdit in valeursInterdites {
                #expect(!valeurs.contains { $0.contains(interdit) }, "« \(interdit) » ne doit pas apparaître dans le badge")
            }
            #expect(valeurs.count > 20)
        }
    }

    @Test("Identifiant haché et salé : l'e-mail, sinon un identifiant aléatoire — jamais le téléphone ni « A-0042 »")
    func identites() throws {
        let sel = "c0ffee0123456789"
        let avecEmail = IdentiteHachee(apprenant: Exemple.apprenant(), titulaire: Exemple.titulaire, sel: sel)
        #expect(avecEmail.identityType == .email)
        #expect(avecEmail.type == "IdentityObject" && avecEmail.hashed && avecEmail.salt == sel)
        let attendu = SHA256.hash(data: Data(("marie.dupont@exemple.fr" + sel).utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(avecEmail.identityHash == "sha256$" + attendu)
        #expect(avecEmail.correspond(a: "  MARIE.DUPONT@exemple.fr"))
        #expect(!avecEmail.correspond(a: "marie.dupond@exemple.fr"))
        #expect(IdentiteHachee(valeur: "marie.dupont@exemple.fr", type: .email, sel: "autre").identityHash != avecEmail.identityHash)

        // No e-mail: the random identifier, not the phone (10^8 values) nor the local identifier (10^4).
        let sansEmail = IdentiteHachee(apprenant: Exemple.apprenant(email: nil), titulaire: Exemple.titulaire, sel: sel)
        #expect(sansEmail.identityType == .identifiant)
        #expect(sansEmail.correspond(a: Exemple.titulaire))
        #expect(!sansEmail.correspond(a: "06.12.34.56.78") && !sansEmail.correspond(a: "A-0042"))
        #expect(TypeIdentite.telephone.normaliser("+33 6 12 34 56 78") == "+33612345678")

        let json = try EmissionCredential.json(Exemple.demande(apprenant: Exemple.apprenant(email: nil)))
        let o = try Exemple.objet(json)
        let identifiants = try #require((o["credentialSubject"] as? [String: Any])?["identifier"] as? [[String: Any]])
        #expect(identifiants.count == 1)
        #expect(identifiants[0]["identityType"] as? String == "identifier")
        #expect(identifiants[0]["hashed"] as? Bool == true)
        #expect(identifiants[0]["salt"] as? String == sel)
        #expect((identifiants[0]["identityHash"] as? String)?.hasPrefix("sha256$") == true)
        #expect(IdentiteHachee.nouveauSel().count == 32)
        #expect(IdentiteHachee.nouveauSel() != IdentiteHachee.nouveauSel())
    }

    @Test("VC-JWT : revendications iss, jti, sub, nbf, exp")
    func revendications() throws {
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let emis = try EmissionCredential.emettre(Exemple.demande(jusquau: Date(timeIntervalSince1970: 1_773_792_000)), cle: cle)
        #expect(emis.id == "urn:uuid:0b8f3f9c-5d55-4b8e-9a4a-6f2d1c9e7a10")
        let d = try JWT.decouper(emis.jwt)
        #expect(JWT.verifier(d, cle: cle.privee.publicKey))
        let o = try Exemple.objet(d.chargeUtile)
        #expect(o["iss"] as? String == Exemple.idEmetteur)
        #expect(o["jti"] as? String == emis.id)
        #expect(o["sub"] as? String == "urn:uuid:7d7e3c1a-1d2f-4c55-8f0e-3b1a2c4d5e6f")
        #expect((o["credentialSubject"] as? [String: Any])?["id"] as? String == o["sub"] as? String)
        #expect(o["nbf"] as? Int == 1_710_720_000)
        #expect(o["exp"] as? Int == 1_773_792_000)
        #expect(o["@context"] as? [String] == LivretBadges.contextes)
        let sansFin = try Exemple.objet(JWT.decouper(EmissionCredential.emettre(Exemple.demande(), cle: cle).jwt).chargeUtile)
        #expect(sansFin["exp"] == nil)
    }

    @Test("Demandes refusées : sans identité, fin avant début")
    func demandesRefusees() {
        var demande = Exemple.demande()
        demande.identites = []
        #expect(throws: ErreurBadge.self) { try EmissionCredential.json(demande) }
        #expect(throws: ErreurBadge.self) { try EmissionCredential.json(Exemple.demande(jusquau: Exemple.delivrance)) }
    }
}
