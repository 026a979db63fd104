import Foundation
import Testing

@testable import LivretZip
import LivretTestSupport

@Suite("Archives hostiles : chaque zip piégé est refusé avec une raison en français")
struct ZipHostileTests {
    static let badge = Data("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln".utf8)

    /// The error `ZipLecture` throws on `octets`, checked to be a French sentence.
    static func refus(_ octets: Data, limites: ZipLecture.Limites = .parDefaut) -> ErreurPaquet? { refusZip(octets, limites: limites) }

    // MARK: Checksum

    @Test("Un octet changé dans l'archive elle-même : la somme de contrôle le trahit")
    func octetChangeDansLArchive() throws {
        let entrees = ["badge.jwt": Data(repeating: 0x61, count: 64)]
        var octets = ZipBrut.archive([.init("badge.jwt", entrees["badge.jwt"]!)])
        #expect(try ZipLecture.lire(octets) == entrees)
        octets[30 + 9 + 10] ^= 0x01   // inside the stored data
        #expect(Self.refus(octets)?.genre == .incoherente)
    }

    // MARK: Names

    @Test("Noms dangereux", arguments: [
        "../evil.txt", "badges/../../evil.txt", "/etc/passwd", "a\\b", "..\\evil.txt", "", "a//b", "./a",
        "C:/Windows/x", "a\u{1}b", "a\u{7F}", "a\nb",
    ])
    func nomDangereux(nom: String) {
        let octets = ZipBrut.archive([.init("ok.txt", Data("ok".utf8)), .init(nom, Self.badge)])
        let erreur = Self.refus(octets)
        #expect(erreur?.genre == .nomDangereux, "\(nom.debugDescription) → \(String(describing: erreur))")
    }

    @Test("Un NUL au milieu du nom")
    func nomAvecNul() {
        // libzip stops the name at the NUL or keeps it: either way it must not become "a".
        let octets = ZipBrut.archive([.init(octetsDuNom: Array("a\u{0}../../evil".utf8), Self.badge)])
        let erreur = Self.refus(octets)
        #expect(erreur?.genre == .nomDangereux || erreur?.genre == .incoherente || erreur?.genre == .archiveIllisible,
                "\(String(describing: erreur))")
    }

    @Test("Lien symbolique (attributs 0o120777 << 16, hôte Unix)")
    func lienSymbolique() throws {
        let octets = ZipBrut.archive([.init("badge.jwt", Data("/etc/passwd".utf8), attributs: 0o120777 << 16)])
        #expect(Self.refus(octets)?.genre == .lienSymbolique)
        // A FIFO is not a file either.
        #expect(Self.refus(ZipBrut.archive([.init("f", Data(), attributs: 0o010644 << 16)]))?.genre == .typeInterdit)
        // The same bits from an MS-DOS host mean nothing: accepted as a plain file.
        #expect(try ZipLecture.lire(ZipBrut.archive([.init("b.txt", Data("x".utf8), hote: 0, attributs: 0o120777 << 16)])) == ["b.txt": Data("x".utf8)])
    }

    @Test("Deux entrées « badge.jwt »")
    func nomsEnDouble() {
        let octets = ZipBrut.archive([.init("badge.jwt", Self.badge), .init("badge.jwt", Data("autre".utf8))])
        let erreur = Self.refus(octets)
        #expect(erreur?.genre == .nomEnDouble)
        #expect(erreur?.message.contains("badge.jwt") == true)
    }

    @Test("Doubles après normalisation : casse, NFC/NFD, fichier et dossier à la fois")
    func doublesNormalises() {
        let casse = ZipBrut.archive([.init("Badge.jwt", Self.badge), .init("badge.JWT", Self.badge)])
        #expect(Self.refus(casse)?.genre == .nomEnDouble)
        let nfc = "badge-\u{E9}.jwt", nfd = "badge-e\u{301}.jwt"
        let unicode = ZipBrut.archive([.init(nfc, Self.badge), .init(nfd, Self.badge)])
        #expect(Self.refus(unicode)?.genre == .nomEnDouble)
        let fichierEtDossier = ZipBrut.archive([.init("badges", Self.badge), .init("badges/a.jwt", Self.badge)])
        #expect(Self.refus(fichierEtDossier)?.genre == .nomEnDouble)
    }

    @Test("Les dossiers sont vérifiés puis ignorés")
    func dossiersIgnores() throws {
        let octets = ZipBrut.archive([
            .init("badges/", Data(), attributs: 0o040755 << 16),
            .init("badges/a.jwt", Self.badge),
        ])
        #expect(try ZipLecture.lire(octets) == ["badges/a.jwt": Self.badge])
        #expect(Self.refus(ZipBrut.archive([.init("../", Data(), attributs: 0o040755 << 16)]))?.genre == .nomDangereux)
    }

    // MARK: Sizes

    @Test("Entrée trop volumineuse (limite abaissée), trop d'entrées, total dépassé")
    func tropVolumineux() throws {
        let gros = Data((0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        let octets = try ZipEcriture.octets(["gros.bin": gros, "petit.txt": Data("p".utf8)], horodatage: nil)
        #expect(try ZipLecture.lire(octets) == ["gros.bin": gros, "petit.txt": Data("p".utf8)])
        let erreur = Self.refus(octets, limites: .init(octetsParEntree: 1_000))
        #expect(erreur?.genre == .tropVolumineux)
        #expect(erreur?.message.contains("gros.bin") == true)
        #expect(Self.refus(octets, limites: .init(nombreEntrees: 1))?.genre == .tropVolumineux)
        #expect(Self.refus(octets, limites: .init(octetsTotal: 5_000))?.genre == .tropVolumineux)
        #expect(Self.refus(octets, limites: .init(octetsArchive: 100))?.genre == .tropVolumineux)
    }

    @Test("Taille déclarée mensongère : les octets réels font foi")
    func tailleMensongere() {
        var entree = ZipBrut.Entree("badge.jwt", Data(repeating: 0x62, count: 4_000))
        entree.tailleDeclaree = 10
        let erreur = Self.refus(ZipBrut.archive([entree]))
        #expect(erreur != nil, "une taille déclarée fausse doit être refusée")
    }

    @Test("Bombe de décompression : 50 Mo de zéros (limites par défaut)")
    func bombe() throws {
        let zeros = Data(count: 50 * 1_000_000)
        let octets = try ZipEcriture.octets(["badge.jwt": zeros], horodatage: nil)
        #expect(octets.count < 100_000)
        let erreur = Self.refus(octets)
        #expect(erreur?.genre == .bombe)
        #expect(erreur?.message.contains("bombe") == true)
    }

    @Test("Bombe qui ment sur sa taille : arrêtée pendant la décompression")
    func bombeMenteuse() throws {
        // Rewrite the sizes of a deflated 20 MB entry to claim 1 000 bytes, in both headers.
        var octets = [UInt8](try ZipEcriture.octets(["z.bin": Data(count: 20_000_000)], horodatage: nil))
        func ecrire32(_ v: UInt32, _ i: Int) { for k in 0..<4 { octets[i + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        ecrire32(1_000, 22)   // local header, uncompressed size
        let central = octets.count - 22 - (46 + 5)
        #expect(octets[central] == 0x50 && octets[central + 1] == 0x4B && octets[central + 2] == 0x01)
        ecrire32(1_000, central + 24)
        let erreur = Self.refus(Data(octets))
        #expect(erreur?.genre == .incoherente || erreur?.genre == .bombe, "\(String(describing: erreur))")
    }

    // MARK: Not an archive

    @Test("Octets aléatoires, fichier vide, texte")
    func pasUneArchive() {
        var generateur = SystemRandomNumberGenerator()
        let hasard = Data((0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generateur) })
        #expect(Self.refus(hasard)?.genre == .archiveIllisible)
        #expect(Self.refus(Data())?.genre == .archiveIllisible)
        #expect(Self.refus(Data("Ceci n'est pas un zip.".utf8))?.genre == .archiveIllisible)
    }

    // MARK: Extraction

    @Test("extraire n'écrit jamais hors du dossier cible", arguments: [
        "../evil.txt", "../../evil.txt", "/tmp/evil.txt", "a\\..\\..\\evil.txt", "sous/../../evil.txt",
    ])
    func extractionHostile(nom: String) throws {
        let parent = try DossierTemporaire(prefixe: "livret-zip-tests")
        defer { parent.supprimer() }
        let archive = parent.url.appendingPathComponent("hostile.zip")
        try ZipBrut.archive([.init("ok.txt", Data("ok".utf8)), .init(nom, Data("piège".utf8))]).write(to: archive)
        let cible = parent.url.appendingPathComponent("cible")
        try FileManager.default.createDirectory(at: cible, withIntermediateDirectories: false)
        let avant = parent.inventaire()
        let erreur = erreurPaquet { try ZipLecture.extraire(archive, dans: cible) }
        #expect(erreur?.genre == .nomDangereux)
        #expect(parent.inventaire() == avant)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.txt"))
    }

    @Test("extraire refuse de suivre un lien symbolique déjà présent dans le dossier cible")
    func extractionParUnLien() throws {
        let parent = try DossierTemporaire(prefixe: "livret-zip-tests")
        defer { parent.supprimer() }
        let dehors = parent.url.appendingPathComponent("dehors")
        let cible = parent.url.appendingPathComponent("cible")
        try FileManager.default.createDirectory(at: dehors, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: cible, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(at: cible.appendingPathComponent("badges"), withDestinationURL: dehors)
        let archive = parent.url.appendingPathComponent("p.zip")
        try ZipEcriture.ecrire(["badges/a.jwt": Self.badge], vers: archive)
        let avant = parent.inventaire()
        #expect(erreurPaquet { try ZipLecture.extraire(archive, dans: cible) }?.genre == .cheminHorsDossier)
        #expect(parent.inventaire() == avant)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dehors.path).isEmpty)
    }

    @Test("extraire n'écrase rien et n'écrit rien si une seule destination existe")
    func extractionSansEcrasement() throws {
        let parent = try DossierTemporaire(prefixe: "livret-zip-tests")
        defer { parent.supprimer() }
        let cible = parent.url.appendingPathComponent("cible")
        try FileManager.default.createDirectory(at: cible, withIntermediateDirectories: false)
        try Data("à moi".utf8).write(to: cible.appendingPathComponent("z.txt"))
        let archive = parent.url.appendingPathComponent("p.zip")
        try ZipEcriture.ecrire(["a/a.txt": Data("a".utf8), "z.txt": Data("z".utf8)], vers: archive)
        let avant = parent.inventaire()
        #expect(erreurPaquet { try ZipLecture.extraire(archive, dans: cible) }?.genre == .fichierExistant)
        #expect(parent.inventaire() == avant)
        #expect(try Data(contentsOf: cible.appendingPathComponent("z.txt")) == Data("à moi".utf8))
    }

    @Test("extraire d'une archive piégée (lien, bombe) ne crée même pas le dossier cible")
    func extractionArchivePiegee() throws {
        let parent = try DossierTemporaire(prefixe: "livret-zip-tests")
        defer { parent.supprimer() }
        let archive = parent.url.appendingPathComponent("lien.zip")
        try ZipBrut.archive([.init("lien", Data("/etc".utf8), attributs: 0o120777 << 16)]).write(to: archive)
        let avant = parent.inventaire()
        #expect(erreurPaquet { try ZipLecture.extraire(archive, dans: parent.url.appendingPathComponent("cible")) }?.genre == .lienSymbolique)
        #expect(parent.inventaire() == avant)
    }

    @Test("Un tube nommé ou un dossier au lieu du paquet : refusés sans attendre (régression : lecture bloquée sur un tube)")
    func tubeEtDossier() throws {
        let parent = try DossierTemporaire(prefixe: "livret-zip-tests")
        defer { parent.supprimer() }
        let tube = parent.url.appendingPathComponent("paquet.zip")
        try #require(mkfifo(tube.path, 0o600) == 0)
        // Before the fix, open() waited forever for a writer on the pipe.
        let erreur = erreurPaquet { _ = try ZipLecture.lire(tube) }
        #expect(erreur?.message.contains("n'est pas un fichier ordinaire") == true, "\(String(describing: erreur))")
        let dossier = erreurPaquet { _ = try ZipLecture.lire(parent.url) }
        #expect(dossier?.message.contains("est un dossier") == true, "\(String(describing: dossier))")
    }
}
