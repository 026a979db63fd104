import Foundation
import Testing

@testable import LivretBadges
import LivretTestSupport
import LivretZip

@Suite("Paquet : manifeste, assemblage, écriture, lecture vérifiée")
struct PaquetTests {
    static let badges: [String: Data] = [
        "badges/aptic-001.jwt": Data("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnLTE".utf8),
        "badges/aptic-042.jwt": Data("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJiIn0.c2lnLTI".utf8),
        "badges/aptic-042.png": Data((0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }),
    ]
    static let lisezMoi = "Vos badges Livret.\nChaque fichier .jwt est un badge signé.\n"

    @Test("Le manifeste liste chaque fichier (sauf lui-même) avec son SHA-256, trié, en JSON stable")
    func manifeste() throws {
        let paquet = try Paquet.assembler(Self.badges, lisezMoi: Self.lisezMoi)
        #expect(Set(paquet.keys) == Set(Self.badges.keys).union(["LISEZ-MOI.txt", "manifeste.json"]))
        let manifeste = try Manifeste.depuisJSON(try #require(paquet["manifeste.json"]))
        #expect(manifeste.format == "livret.paquet/2")
        #expect(manifeste.entrees.map(\.nom) == ["LISEZ-MOI.txt", "badges/aptic-001.jwt", "badges/aptic-042.jwt", "badges/aptic-042.png"])
        #expect(manifeste.entrees[0].octets == Data(Self.lisezMoi.utf8).count)
        // SHA-256("") is well known; check the digest format on an empty file.
        #expect(EntreeManifeste(nom: "x", donnees: Data()).sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(manifeste.verifier(paquet).isEmpty)
        #expect(manifeste == Manifeste(entrees: paquet))

        let json = try #require(String(data: paquet["manifeste.json"]!, encoding: .utf8))
        #expect(json.hasPrefix("{\n  \"entrees\" : [\n    {\n      \"nom\" : \"LISEZ-MOI.txt\",\n      \"octets\" : "))
        #expect(json.hasSuffix("\"format\" : \"livret.paquet/2\"\n}\n"))
        #expect(try Paquet.assembler(Self.badges, lisezMoi: Self.lisezMoi) == paquet)
    }

    @Test("Le manifeste nomme chaque problème : fichier modifié, manquant, ajouté")
    func verificationDuManifeste() throws {
        let paquet = try Paquet.assembler(Self.badges, lisezMoi: Self.lisezMoi)
        let manifeste = Manifeste(entrees: paquet)

        var modifie = paquet
        modifie["badges/aptic-042.jwt"]![3] ^= 0x01
        #expect(manifeste.verifier(modifie) == ["Le fichier « badges/aptic-042.jwt » a été modifié : son empreinte SHA-256 ne correspond pas au manifeste."])

        var amputé = paquet
        amputé["badges/aptic-001.jwt"] = nil
        #expect(manifeste.verifier(amputé) == ["Le fichier « badges/aptic-001.jwt » est cité dans le manifeste mais manque dans le paquet."])

        var augmente = paquet
        augmente["badges/faux.jwt"] = Data("faux".utf8)
        #expect(manifeste.verifier(augmente) == ["Le fichier « badges/faux.jwt » a été ajouté au paquet : il ne figure pas dans le manifeste."])

        var autreFormat = manifeste
        autreFormat.format = "livret.paquet/9"
        #expect(autreFormat.verifier(paquet).count == 1)
    }

    @Test("Les noms réservés et dangereux sont refusés à l'assemblage")
    func assemblageRefuse() {
        #expect(erreurPaquet { _ = try Paquet.assembler(["manifeste.json": Data()], lisezMoi: "") }?.genre == .nomEnDouble)
        #expect(erreurPaquet { _ = try Paquet.assembler(["lisez-moi.TXT": Data()], lisezMoi: "") }?.genre == .nomEnDouble)
        #expect(erreurPaquet { _ = try Paquet.assembler(["../x.jwt": Data()], lisezMoi: "") }?.genre == .nomDangereux)
    }

    @Test("Écrire puis lire : paquet intact, octets reproductibles")
    func ecrireLire() throws {
        let dossier = try DossierTemporaire(prefixe: "livret-paquet-tests")
        defer { dossier.supprimer() }
        let paquet = try Paquet.assembler(Self.badges, lisezMoi: Self.lisezMoi)
        let f1 = dossier.url.appendingPathComponent("a.zip"), f2 = dossier.url.appendingPathComponent("b.zip")
        try Paquet.ecrire(paquet, vers: f1)
        try Paquet.ecrire(try Paquet.assembler(Self.badges, lisezMoi: Self.lisezMoi), vers: f2)
        #expect(try Data(contentsOf: f1) == (try Data(contentsOf: f2)))

        let contenu = try Paquet.lire(f1)
        #expect(contenu.estIntact)
        #expect(contenu.problemes == [])
        #expect(contenu.entrees == paquet)
        #expect(contenu.manifeste == Manifeste(entrees: paquet))
    }

    @Test("Paquet.ecrire refuse un paquet sans manifeste ou dont le manifeste ne correspond pas")
    func ecritureRefusee() throws {
        let dossier = try DossierTemporaire(prefixe: "livret-paquet-tests")
        defer { dossier.supprimer() }
        let cible = dossier.url.appendingPathComponent("p.zip")
        #expect(erreurPaquet { try Paquet.ecrire(Self.badges, vers: cible) }?.genre == .manifesteInvalide)
        var paquet = try Paquet.assembler(Self.badges, lisezMoi: Self.lisezMoi)
        paquet["badges/aptic-001.jwt"] = Data("autre".utf8)
        let erreur = erreurPaquet { try Paquet.ecrire(paquet, vers: cible) }
        #expect(erreur?.genre == .manifesteInvalide)
        #expect(erreur?.message.contains("badges/aptic-001.jwt") == true)
        #expect(!FileManager.default.fileExists(atPath: cible.path))
    }

    @Test("Extraction d'un paquet intact dans un dossier neuf, rien à côté")
    func extraction() throws {
        let parent = try DossierTemporaire(prefixe: "livret-paquet-tests")
        defer { parent.supprimer() }
        let archive = parent.url.appendingPathComponent("paquet.zip")
        let paquet = try Paquet.assembler(Self.badges, lisezMoi: Self.lisezMoi)
        try Paquet.ecrire(paquet, vers: archive)
        let cible = parent.url.appendingPathComponent("extrait")
        try ZipLecture.extraire(archive, dans: cible)
        for (nom, donnees) in paquet {
            #expect(try Data(contentsOf: cible.appendingPathComponent(nom)) == donnees)
        }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: parent.url.path)) == ["paquet.zip", "extrait"])
        // A second extraction would overwrite: refused, and nothing changes.
        let avant = parent.inventaire()
        #expect(erreurPaquet { try ZipLecture.extraire(archive, dans: cible) }?.genre == .fichierExistant)
        #expect(parent.inventaire() == avant)
    }
}
