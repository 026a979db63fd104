import Foundation
import LivretBadges
import LivretCore
import LivretDemo
import LivretServices
import LivretStore
import LivretTestSupport
import LivretZip
import Testing

/// The tampering tried on Livret's bundles (issue 16), each class rejected with its reason by the
/// verifier `livret badge verifier` uses — with the structure's base at hand and without.
@Suite("Paquets altérés : chacun refusé, avec sa raison")
struct PaquetsAlteresTests {
    static let jour = Jour("2024-03-04")!

    /// A demo base with a key, two learners' bundles, and the structure's keys.
    struct Banc {
        let dossier: DossierTemporaire
        let a: [String: Data]
        let b: [String: Data]
        let cles: [JWK]
        let maintenant = Jour("2024-03-04")!.dateUTC.addingTimeInterval(12 * 3600)

        init() throws {
            dossier = try DossierTemporaire(prefixe: "livret-alteres")
            let db = try Base(chemin: dossier.url.appendingPathComponent("base.sqlite").path)
            _ = try Demo.installer(dans: db, catalogue: catalogueEmbarque)
            let auteur = try db.formateur("Nadia Benali")
            let service = ServiceBadges(db: db, catalogue: catalogueEmbarque, dossierCles: dossier.url.appendingPathComponent("cles"))
            _ = try service.nouvelleCle(jour: PaquetsAlteresTests.jour)
            var paquets: [[String: Data]] = []
            for identifiant in try db.apprenants().map(\.identifiant) where paquets.count < 2 {
                guard let (d, choisies) = try? service.aDelivrer(apprenant: identifiant, codes: nil, au: PaquetsAlteresTests.jour),
                      !choisies.isEmpty else { continue }
                _ = try service.emettre(choisies, dossier: d, auteur: auteur, jour: PaquetsAlteresTests.jour)
                let url = dossier.url.appendingPathComponent("\(identifiant).zip")
                try service.ecrirePaquet(apprenant: identifiant, vers: url, cv: nil, jour: PaquetsAlteresTests.jour)
                paquets.append(try ZipLecture.lire(url))
            }
            try #require(paquets.count == 2)
            a = paquets[0]
            b = paquets[1]
            cles = try ContexteBadges.ouvrir(db).cles
        }

        /// The verifier's report on `entrees`, with the structure's keys (`base`) or without.
        func verifier(_ entrees: [String: Data], base: Bool) throws -> VerificationPaquet.Rapport {
            let url = dossier.url.appendingPathComponent("essai-\(UUID().uuidString).zip")
            try ZipEcriture.ecrire(entrees, vers: url)
            return VerificationPaquet.verifier(url, clesDeConfiance: base ? cles : nil, maintenant: maintenant)
        }
    }

    @Test("Un badge signé par une clé retirée, daté après son retrait, est refusé")
    func cleRetiree() throws {
        let banc = try Banc()
        let db = try Base(chemin: banc.dossier.url.appendingPathComponent("base.sqlite").path)
        let service = ServiceBadges(db: db, catalogue: catalogueEmbarque, dossierCles: banc.dossier.url.appendingPathComponent("cles"))
        // The key is replaced on 1 April: the old one is retired that day.
        let retrait = Jour("2024-04-01")!
        _ = try service.nouvelleCle(jour: retrait)
        let contexte = try ContexteBadges.ouvrir(db)
        // Someone who kept the old private key signs a badge dated 1 May, for the same holder.
        let nomJWT = banc.a.keys.filter { $0.hasPrefix("badges/") && $0.hasSuffix(".jwt") }.sorted()[0]
        let ancien = try JWT.decouper(String(decoding: banc.a[nomJWT]!, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        let kid = try #require(ancien.kid)
        let fichier = try #require(try FileManager.default.contentsOfDirectory(at: banc.dossier.url.appendingPathComponent("cles"),
                                                                               includingPropertiesForKeys: nil)
            .first { (try? CleEmetteur.lire($0, kid: kid)) != nil })
        let ancienneCle = try CleEmetteur.lire(fichier, kid: kid)
        var charge = try #require(try JSONSerialization.jsonObject(with: ancien.chargeUtile) as? [String: Any])
        let mai = Jour("2024-05-01")!.dateUTC
        charge["validFrom"] = "2024-05-01T00:00:00Z"
        charge["nbf"] = Int(mai.timeIntervalSince1970)
        charge["id"] = "urn:uuid:" + UUID().uuidString.lowercased()
        charge["jti"] = charge["id"]
        charge.removeValue(forKey: "credentialStatus")
        let faux = try JWT.signer(payload: JSONSerialization.data(withJSONObject: charge, options: [.sortedKeys]), cle: ancienneCle)
        let seul = VerificationCredential.verifier(jwt: faux, clesEmetteur: contexte.cles, revocations: nil, retraits: contexte.datesRetrait,
                                                   maintenant: Jour("2024-06-01")!.dateUTC)
        #expect(!seul.valide)
        #expect(seul.ligne(VerificationCredential.Regle.empreinte)?.detail.contains("retirée le") == true, "\(seul.texte)")
        // Slipped into the holder's bundle, the manifest re-hashed: refused for the key's retirement too.
        var e = banc.a
        e["badges/apres-retrait.jwt"] = Data(faux.utf8)
        let url = banc.dossier.url.appendingPathComponent("retrait.zip")
        try ZipEcriture.ecrire(try Self.rehacher(e), vers: url)
        let r = VerificationPaquet.verifier(url, clesDeConfiance: contexte.cles, retraits: contexte.datesRetrait, maintenant: Jour("2024-06-01")!.dateUTC)
        #expect(!r.valide)
        #expect(Self.echecs(r).contains { $0.contains("retirée le") }, "\(Self.echecs(r))")
    }

    /// The manifest recomputed over the altered files, as an attacker would (the signature cannot follow).
    static func rehacher(_ entrees: [String: Data]) throws -> [String: Data] {
        var e = entrees
        let ancien = try Manifeste.depuisJSON(e[Manifeste.nomFichier]!)
        e[Manifeste.nomFichier] = try Manifeste(entrees: e, titulaire: ancien.titulaire).json()
        return e
    }

    /// Every failed rule, « règle : détail », over the bundle and its badges.
    static func echecs(_ r: VerificationPaquet.Rapport) -> [String] {
        (r.lignes + r.badges.values.flatMap(\.lignes)).filter { !$0.ok }.map { "\($0.regle) : \($0.detail)" }
    }

    @Test("Le paquet tel que remis est valide, avec ou sans la base de la structure")
    func intact() throws {
        let banc = try Banc()
        for base in [true, false] {
            let r = try banc.verifier(banc.a, base: base)
            #expect(r.valide, "\(r.texte)")
        }
    }

    @Test("Chaque altération est refusée, et la raison le dit")
    func corpus() throws {
        let banc = try Banc()
        let premierJWT = banc.a.keys.filter { $0.hasPrefix("badges/") && $0.hasSuffix(".jwt") }.sorted()[0]
        let premierSVG = String(premierJWT.dropLast(4)) + ".svg"
        let premierPNG = String(premierJWT.dropLast(4)) + ".png"
        let jwtB = banc.b.keys.filter { $0.hasPrefix("badges/") && $0.hasSuffix(".jwt") }.sorted()[0]
        var cas: [(nom: String, entrees: [String: Data], raison: String)] = []

        // A badge of another learner moved in, the manifest re-hashed.
        var e = banc.a
        e["badges/autre.jwt"] = banc.b[jwtB]
        cas.append(("badge d'une autre personne, manifeste recalculé", try Self.rehacher(e), "titulaire : délivré à une autre personne"))
        cas.append(("badge d'une autre personne (signature)", try Self.rehacher(e), "signature du manifeste : la signature porte sur un autre manifeste"))
        // The issuer's name edited in emetteur.json.
        e = banc.a
        e["emetteur.json"] = Data(String(decoding: banc.a["emetteur.json"]!, as: UTF8.self)
            .replacingOccurrences(of: "Espace numérique", with: "Académie prestigieuse").utf8)
        cas.append(("nom de l'émetteur modifié", try Self.rehacher(e), "émetteur du paquet : le badge signé nomme"))
        // An extra image with no signed badge beside it.
        e = banc.a
        e["badges/en-plus.svg"] = banc.a[premierSVG]
        cas.append(("image en plus, sans badge signé", try Self.rehacher(e), "images : image sans badge signé"))
        // A signed badge removed, its image re-baked with a foreign key's credential.
        e = banc.a
        e[premierJWT] = nil
        let etrangere = CleEmetteur.generer()
        let faux = try JWT.signer(payload: Data(#"{"iss":"\#(etrangere.emetteur)"}"#.utf8), cle: etrangere)
        e[premierSVG] = try ImageBadge.bake(svg: ImageBadge.svg(nom: "Faux", famille: .parcours, structure: "Ailleurs"), jwt: faux)
        e[premierPNG] = try ImageBadge.bake(png: banc.a[premierPNG]!, jwt: faux)
        cas.append(("badge retiré, images recuites avec une autre clé", try Self.rehacher(e), "images : images sans badge signé à côté : \(premierPNG), \(premierSVG)"))
        // The PNG re-baked with another credential, or one more PNG with no signed badge beside it.
        e = banc.a
        e[premierPNG] = try ImageBadge.bake(png: banc.a[premierPNG]!, jwt: faux)
        cas.append(("image PNG recuite avec un autre badge", try Self.rehacher(e), "image PNG : l'image PNG contient un autre badge"))
        e = banc.a
        e["badges/en-plus.png"] = banc.a[premierPNG]
        cas.append(("image PNG en plus, sans badge signé", try Self.rehacher(e), "images : image sans badge signé à côté : badges/en-plus.png"))
        // A PNG whose picture was changed by one byte: a chunk's CRC gives it away.
        e = banc.a
        var png = banc.a[premierPNG]!
        png[png.count / 2] ^= 0x01
        e[premierPNG] = png
        cas.append(("image PNG altérée", try Self.rehacher(e), "image PNG : l'image PNG a été altérée"))
        // An image holding two credentials.
        e = banc.a
        let vrai = String(decoding: banc.a[premierJWT]!, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        e[premierSVG] = Data(String(decoding: banc.a[premierSVG]!, as: UTF8.self)
            .replacingOccurrences(of: "</svg>", with: "<openbadges:credential>\(faux)</openbadges:credential></svg>").utf8)
        cas.append(("image à deux badges", try Self.rehacher(e), "image : l'image contient 2 badges"))
        // The real credential only inside a comment.
        e = banc.a
        e[premierSVG] = Data(String(decoding: banc.a[premierSVG]!, as: UTF8.self)
            .replacingOccurrences(of: "<openbadges:credential>\(vrai)</openbadges:credential>",
                                  with: "<!-- <openbadges:credential>\(vrai)</openbadges:credential> -->").utf8)
        // (A JWT may hold « -- », which XML forbids in a comment: then the image is not even well-formed; refused either way.)
        cas.append(("badge seulement dans un commentaire", try Self.rehacher(e), "image : "))
        // The manifest's signature removed, or made by another key.
        e = banc.a
        e[Manifeste.nomSignature] = nil
        cas.append(("manifeste non signé", e, "signature du manifeste : manifeste.jws absent"))
        e = banc.a
        e[Manifeste.nomSignature] = Data(try JWT.signer(payload: banc.a[Manifeste.nomFichier]!, cle: etrangere).utf8)
        cas.append(("manifeste signé par une autre clé", e, "signature du manifeste : signé par une clé qui n'est pas une clé de la structure"))
        // A file added, one changed (without re-hashing).
        e = banc.a
        e["notes.txt"] = Data("ajout".utf8)
        cas.append(("fichier ajouté", e, "a été ajouté au paquet"))
        e = banc.a
        e["LISEZ-MOI.txt"] = Data("modifié".utf8)
        cas.append(("fichier modifié", e, "a été modifié"))

        for c in cas {
            for base in [true, false] {
                let r = try banc.verifier(c.entrees, base: base)
                #expect(!r.valide, "\(c.nom) (base : \(base)) accepté :\n\(r.texte)")
                let echecs = Self.echecs(r)
                #expect(echecs.contains { $0.contains(c.raison) }, "\(c.nom) (base : \(base)) : « \(c.raison) » attendu parmi \(echecs)")
            }
        }
    }
}
