import Foundation
import LivretBadges
import LivretCore
import LivretDemo
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// Badge recipients nobody can recover (issue 16): a learner without e-mail is named by a random
/// identifier, never by her phone or local identifier; after erasure the base keeps no identity
/// material of her badges. Checked as an attacker would: every phone, local identifier and e-mail
/// the base ever knew is tried against every recipient hash the base still holds, and the bytes of
/// the base's files are searched for the hashes and salts her badges carried.
@Suite("Badges : destinataires introuvables, rien après l'effacement")
struct EffacementBadgesTests {
    static let jour = Jour("2024-03-04")!

    /// Every IdentityObject of the credentials stored in the base.
    func identites(_ db: Base, apprenants: [Apprenant]) throws -> [(apprenant: String, identite: IdentiteHachee)] {
        try apprenants.flatMap { a in
            try db.badges(apprenantId: a.id!).compactMap { b -> [(String, IdentiteHachee)]? in
                guard !b.jwt.isEmpty, let jeton = try? JWT.decouper(b.jwt),
                      let objet = try JSONSerialization.jsonObject(with: jeton.chargeUtile) as? [String: Any],
                      let sujet = objet["credentialSubject"] as? [String: Any],
                      let liste = sujet["identifier"] as? [[String: Any]] else { return nil }
                return try liste.map { (a.identifiant, try JSONDecoder().decode(IdentiteHachee.self, from: JSONSerialization.data(withJSONObject: $0))) }
            }.flatMap { $0 }
        }
    }

    @Test("Ni téléphone ni identifiant local dans un badge ; après l'effacement, ni empreinte ni sel dans la base")
    func bruteForce() throws {
        let dossier = try DossierTemporaire(prefixe: "livret-effacement")
        defer { dossier.supprimer() }
        let chemin = dossier.url.appendingPathComponent("base.sqlite").path
        let db = try Base(chemin: chemin)
        _ = try Demo.installer(dans: db, catalogue: catalogueEmbarque)
        let auteur = try db.formateur("Nadia Benali")
        // One learner with e-mail and phone, one with a phone only, one with neither; all agree to badges.
        var apprenants = Array(try db.apprenants().prefix(3))
        try #require(apprenants.count == 3)
        let contacts: [(String?, String?)] = [("samira.h@exemple.fr", "06 11 22 33 44"), (nil, "07 55 66 77 88"), (nil, nil)]
        for (i, (email, telephone)) in contacts.enumerated() {
            apprenants[i].email = email
            apprenants[i].telephone = telephone
            try db.modifierApprenant(apprenants[i], consentement: Consentement(apprenantId: apprenants[i].id!, date: Self.jour, suivi: true,
                                                                               badges: true, statistiques: true, auteurId: auteur.id!))
        }
        let service = ServiceBadges(db: db, catalogue: catalogueEmbarque, dossierCles: dossier.url.appendingPathComponent("cles"))
        _ = try service.nouvelleCle(jour: Self.jour)
        var emis = 0
        for a in apprenants {
            let (d, choisies) = try service.aDelivrer(apprenant: a.identifiant, codes: nil, au: Self.jour)
            emis += try service.emettre(choisies, dossier: d, auteur: auteur, jour: Self.jour).count
        }
        try #require(emis >= 3, "la démo doit donner des badges à ces personnes")
        // Everything the base knew that identifies them, as an attacker would try it.
        let tous = try db.apprenants()
        let essais = tous.flatMap { [$0.identifiant, $0.email, $0.telephone].compactMap { $0 } }
            + (0...9999).map { String(format: "A-%04d", $0) }
        let avant = try identites(db, apprenants: apprenants)
        #expect(Set(avant.map(\.identite.identityType)) == [.email, .identifiant], "l'e-mail, sinon l'identifiant aléatoire")
        // Before erasure: only the e-mail of the one who gave it matches; no phone, no local identifier.
        for (identifiant, identite) in avant {
            let trouves = essais.filter { identite.correspond(a: $0) }
            #expect(trouves == (identite.identityType == .email ? ["samira.h@exemple.fr"] : []), "\(identifiant) : \(trouves)")
        }
        // Erasure: nothing left to match, and the hashes and salts are gone from the files.
        for a in apprenants { _ = try ServiceApprenants.effacer(db: db, a.identifiant, auteur: auteur, jour: Self.jour) }
        let apres = try identites(db, apprenants: tous)
        for (identifiant, identite) in apres {
            #expect(!essais.contains { identite.correspond(a: $0) }, "\(identifiant)")
        }
        #expect(try db.badges(apprenantId: apprenants[0].id!).allSatisfy { $0.jwt.isEmpty }, "le badge reste pour la révocation, sans identité")
        #expect(try db.badges(apprenantId: apprenants[0].id!).count >= 1)
        var octets = Data()
        for suffixe in ["", "-wal"] where FileManager.default.fileExists(atPath: chemin + suffixe) {
            octets += try Data(contentsOf: URL(fileURLWithPath: chemin + suffixe))
        }
        for (identifiant, identite) in avant {
            let empreinte = String(identite.identityHash.dropFirst("sha256$".count))
            #expect(octets.range(of: Data(empreinte.utf8)) == nil, "\(identifiant) : empreinte encore dans les fichiers")
            #expect(octets.range(of: Data(identite.salt.utf8)) == nil, "\(identifiant) : sel encore dans les fichiers")
        }
    }
}
