import Foundation
import Testing

@testable import LivretZip
import LivretTestSupport

@Suite("Zip reproductible (ZipEcriture) et lecture (ZipLecture)")
struct ZipEcritureTests {
    static let paires: [(String, Data)] = [
        ("badges/aptic-042.jwt", Data("eyJhbGciOiJFUzI1NiJ9.e30.c2ln".utf8)),
        ("LISEZ-MOI.txt", Data("Bonjour Aïcha,\nvoici vos badges.\n".utf8)),
        ("badges/aptic-001.jwt", Data(repeating: 0x41, count: 5_000)),
        ("vide.txt", Data()),
        ("images/badge-é.png", Data((0..<3_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })),
    ]

    @Test("Les mêmes entrées donnent deux fois exactement les mêmes octets, quel que soit l'ordre d'insertion")
    func reproductible() throws {
        let dans = Dictionary(uniqueKeysWithValues: Self.paires)
        var aLEnvers: [String: Data] = [:]
        for (nom, donnees) in Self.paires.reversed() { aLEnvers[nom] = donnees }

        let a = try ZipEcriture.octets(dans, horodatage: nil)
        let b = try ZipEcriture.octets(aLEnvers, horodatage: nil)
        #expect(a == b)

        let dossier = try DossierTemporaire(prefixe: "livret-zip-tests")
        defer { dossier.supprimer() }
        let f1 = dossier.url.appendingPathComponent("un.zip"), f2 = dossier.url.appendingPathComponent("deux.zip")
        try ZipEcriture.ecrire(dans, vers: f1)
        try ZipEcriture.ecrire(aLEnvers, vers: f2)
        #expect(try Data(contentsOf: f1) == a)
        #expect(try Data(contentsOf: f2) == a)
        // Only the two archives: no temporary file left behind.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dossier.url.path)) == ["un.zip", "deux.zip"])
    }

    @Test("En-têtes fixes : ordre des noms, date 2000-01-01, deflate, Unix 0644, aucun champ extra ni commentaire")
    func entetesFixes() throws {
        let octets = try ZipEcriture.octets(Dictionary(uniqueKeysWithValues: Self.paires), horodatage: nil)
        let repertoire = ZipBrut.repertoire(octets)
        #expect(repertoire.map(\.nom) == Self.paires.map(\.0).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for entete in repertoire {
            #expect(entete.date == (20 << 9 | 1 << 5 | 1), "\(entete.nom)")
            #expect(entete.heure == 0, "\(entete.nom)")
            #expect(entete.methode == 8, "\(entete.nom)")
            #expect(entete.longueurExtra == 0, "\(entete.nom)")
            #expect(entete.longueurExtraLocale == 0, "\(entete.nom)")
            #expect(entete.longueurCommentaire == 0, "\(entete.nom)")
            #expect(entete.hote == 3, "\(entete.nom)")
            #expect(entete.attributs == 0o100644 << 16, "\(entete.nom)")
        }
        // The non-ASCII name is flagged UTF-8 (general purpose bit 11).
        let accentue = try #require(repertoire.first { $0.nom == "images/badge-é.png" })
        #expect(accentue.drapeaux & 0x0800 != 0)
    }

    @Test("Une autre date donne d'autres octets, elle aussi reproductible (calculée en UTC)")
    func autreDate() throws {
        let entrees = Dictionary(uniqueKeysWithValues: Self.paires)
        let date = Date(timeIntervalSince1970: 1_718_454_896)   // 2024-06-15T12:34:56Z
        let a = try ZipEcriture.octets(entrees, horodatage: date)
        #expect(a == (try ZipEcriture.octets(entrees, horodatage: date)))
        #expect(a != (try ZipEcriture.octets(entrees, horodatage: nil)))
        let entete = try #require(ZipBrut.repertoire(a).first)
        #expect(entete.date == (44 << 9 | 6 << 5 | 15))
        #expect(entete.heure == (12 << 11 | 34 << 5 | 28))
        #expect(erreurPaquet { _ = try ZipEcriture.octets(entrees, horodatage: Date(timeIntervalSince1970: 0)) }?.genre == .ecriture)
    }

    @Test("Aller-retour : ZipLecture rend exactement les entrées écrites")
    func allerRetour() throws {
        let entrees = Dictionary(uniqueKeysWithValues: Self.paires)
        let dossier = try DossierTemporaire(prefixe: "livret-zip-tests")
        defer { dossier.supprimer() }
        let fichier = dossier.url.appendingPathComponent("paquet.zip")
        try ZipEcriture.ecrire(entrees, vers: fichier)
        #expect(try ZipLecture.lire(fichier) == entrees)
        #expect(try ZipLecture.lire(try Data(contentsOf: fichier)) == entrees)
        #expect(try ZipLecture.lire(try ZipEcriture.octets([:], horodatage: nil)) == [:])
    }

    @Test("L'écriture remplace la cible d'un coup et ne laisse rien en cas d'échec")
    func ecritureAtomique() throws {
        let dossier = try DossierTemporaire(prefixe: "livret-zip-tests")
        defer { dossier.supprimer() }
        let fichier = dossier.url.appendingPathComponent("paquet.zip")
        try Data("ancien".utf8).write(to: fichier)
        try ZipEcriture.ecrire(["a.txt": Data("a".utf8)], vers: fichier)
        #expect(try ZipLecture.lire(fichier) == ["a.txt": Data("a".utf8)])

        // A refused name: the target keeps its previous content, no temporary file remains.
        let avant = try Data(contentsOf: fichier)
        let erreur = erreurPaquet { try ZipEcriture.ecrire(["../evil.txt": Data()], vers: fichier) }
        #expect(erreur?.genre == .nomDangereux)
        #expect(try Data(contentsOf: fichier) == avant)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dossier.url.path) == ["paquet.zip"])

        // A folder that does not exist: nothing is created.
        let ailleurs = dossier.url.appendingPathComponent("absent/paquet.zip")
        #expect(erreurPaquet { try ZipEcriture.ecrire(["a.txt": Data()], vers: ailleurs) }?.genre == .ecriture)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dossier.url.path) == ["paquet.zip"])
    }

    @Test("L'écrivain refuse les noms que le lecteur refuserait", arguments: [
        "../evil.txt", "/etc/passwd", "a\\b", "", "a//b", "./a", "dossier/", "C:/x", "a\u{0}b", "a\nb",
    ])
    func nomsRefusesALEcriture(nom: String) throws {
        let erreur = erreurPaquet { _ = try ZipEcriture.octets([nom: Data("x".utf8)], horodatage: nil) }
        #expect(erreur?.genre == .nomDangereux)
    }

    @Test("L'écrivain refuse deux noms qui ne diffèrent que par la casse ou la forme Unicode")
    func doublesALEcriture() {
        #expect(erreurPaquet { _ = try ZipEcriture.octets(["Badge.jwt": Data(), "badge.jwt": Data()], horodatage: nil) }?.genre == .nomEnDouble)
        #expect(erreurPaquet { _ = try ZipEcriture.octets(["a": Data(), "a/b": Data()], horodatage: nil) }?.genre == .nomEnDouble)
    }
}
