import Foundation
import Testing

@testable import LivretBadges
import LivretTestSupport
import LivretZip

@Suite("Paquets hostiles : chaque archive piégée est refusée avec une raison en français")
struct PaquetHostileTests {
    static let badge = Data("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln".utf8)

    static func paquetValide() throws -> [String: Data] {
        try Paquet.assembler(["badges/a.jwt": badge, "badges/b.jwt": Data("autre badge".utf8)], lisezMoi: "Lisez-moi.\n")
    }

    /// The error `ZipLecture` throws on `octets`, checked to be a French sentence.
    static func refus(_ octets: Data, limites: ZipLecture.Limites = .parDefaut) -> ErreurPaquet? { refusZip(octets, limites: limites) }

    // MARK: Manifest

    @Test("Un octet changé dans un badge : le manifeste le nomme")
    func octetChange() throws {
        var entrees = try Self.paquetValide()
        entrees["badges/a.jwt"]![0] ^= 0x20
        let contenu = try Paquet.lire(try ZipEcriture.octets(entrees, horodatage: nil))
        #expect(!contenu.estIntact)
        #expect(contenu.problemes == ["Le fichier « badges/a.jwt » a été modifié : son empreinte SHA-256 ne correspond pas au manifeste."])
    }

    @Test("Un badge retiré, un fichier ajouté, un manifeste absent ou illisible")
    func retraitAjout() throws {
        var retire = try Self.paquetValide()
        retire["badges/b.jwt"] = nil
        #expect(try Paquet.lire(try ZipEcriture.octets(retire, horodatage: nil)).problemes
            == ["Le fichier « badges/b.jwt » est cité dans le manifeste mais manque dans le paquet."])

        var ajoute = try Self.paquetValide()
        ajoute["badges/intrus.jwt"] = Data("intrus".utf8)
        #expect(try Paquet.lire(try ZipEcriture.octets(ajoute, horodatage: nil)).problemes
            == ["Le fichier « badges/intrus.jwt » a été ajouté au paquet : il ne figure pas dans le manifeste."])

        var sansManifeste = try Self.paquetValide()
        sansManifeste["manifeste.json"] = nil
        let contenu = try Paquet.lire(try ZipEcriture.octets(sansManifeste, horodatage: nil))
        #expect(contenu.manifeste == nil)
        #expect(contenu.problemes.count == 1)

        var illisible = try Self.paquetValide()
        illisible["manifeste.json"] = Data("{pas du json".utf8)
        #expect(try Paquet.lire(try ZipEcriture.octets(illisible, horodatage: nil)).problemes.count == 1)
    }

    // MARK: Not an archive

    @Test("Archive tronquée (coupée de moitié)")
    func tronquee() throws {
        let octets = try ZipEcriture.octets(try Self.paquetValide(), horodatage: nil)
        let erreur = Self.refus(octets.prefix(octets.count / 2))
        #expect(erreur?.genre == .tronquee)
        #expect(erreur?.message.contains("tronquée") == true)
    }

    @Test("Fichiers sur disque : vide, absent, dossier")
    func fichiersSurDisque() throws {
        let dossier = try DossierTemporaire(prefixe: "livret-paquet-tests")
        defer { dossier.supprimer() }
        let vide = dossier.url.appendingPathComponent("vide.zip")
        try Data().write(to: vide)
        #expect(erreurPaquet { _ = try Paquet.lire(vide) }?.genre == .archiveIllisible)
        #expect(erreurPaquet { _ = try ZipLecture.lire(dossier.url.appendingPathComponent("absent.zip")) }?.genre == .archiveIllisible)
        #expect(erreurPaquet { _ = try ZipLecture.lire(dossier.url) }?.genre == .archiveIllisible)
    }
}
