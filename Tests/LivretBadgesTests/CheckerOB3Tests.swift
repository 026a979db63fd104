import Foundation
import Testing
@testable import LivretBadges
import LivretTestSupport

/// The independent Open Badges 3.0 checker (`../shared/tools/openbadges/check_ob3.sh`), when present.
enum CheckerOB3 {
    /// `<package root>/../shared/tools/openbadges`.
    static let dossier = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/tools/openbadges")

    static var present: Bool {
        FileManager.default.isExecutableFile(atPath: dossier.appendingPathComponent("check_ob3.sh").path)
    }

    /// The checker's Python, built once by `setup.sh`.
    static var python: String {
        let base = ProcessInfo.processInfo.environment["OB_VENVS"]
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/ob-checkers").path
        return base + "/ob3/bin/python"
    }

    static func lancer(_ executable: String, _ arguments: [String]) throws -> (code: Int32, sortie: String) {
        let processus = Process()
        processus.executableURL = URL(fileURLWithPath: executable)
        processus.arguments = arguments
        let tuyau = Pipe()
        processus.standardOutput = tuyau
        processus.standardError = tuyau
        try processus.run()
        let donnees = tuyau.fileHandleForReading.readDataToEndOfFile()
        processus.waitUntilExit()
        return (processus.terminationStatus, String(decoding: donnees, as: UTF8.self))
    }

    /// Builds the checker's environment if needed; returns an error message if that fails.
    static func preparer() -> String? {
        if FileManager.default.isExecutableFile(atPath: python) { return nil }
        do {
            let (code, sortie) = try lancer("/bin/bash", [dossier.appendingPathComponent("setup.sh").path])
            if code != 0 || !FileManager.default.isExecutableFile(atPath: python) {
                return "setup.sh du vérificateur OB 3.0 a échoué (code \(code), accès à PyPI nécessaire une fois) :\n\(sortie)"
            }
            return nil
        } catch {
            return "setup.sh du vérificateur OB 3.0 n'a pas pu être lancé : \(error)"
        }
    }

    /// Runs `check_ob3.sh FICHIER --strict --keys CLES.json`.
    static func verifier(_ fichier: URL, cles: URL) throws -> (code: Int32, sortie: String) {
        try lancer("/bin/bash", [dossier.appendingPathComponent("check_ob3.sh").path, fichier.path, "--strict", "--keys", cles.path])
    }
}

@Suite("Vérificateur indépendant Open Badges 3.0 (check_ob3.sh --strict)", .serialized,
       .enabled(if: CheckerOB3.present, "../shared/tools/openbadges absent : vérification externe non lancée"))
struct CheckerOB3Tests {
    func ecrireCles(_ cle: CleEmetteur, dans dossier: URL) throws -> URL {
        let url = dossier.appendingPathComponent("cles.json")
        try JWT.encodeur.encode([cle.kid: cle.jwkPublique]).write(to: url)
        return url
    }

    @Test("Le VC-JWT émis par Livret passe check_ob3.sh --strict, sans avertissement",
          arguments: [nil, Date(timeIntervalSince1970: 4_102_444_800)] as [Date?])
    func jwt(jusquau: Date?) throws {
        if let erreur = CheckerOB3.preparer() {
            Issue.record(Comment(rawValue: erreur))
            return
        }
        let temporaire = try DossierTemporaire(prefixe: "livret-badges")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let emis = try EmissionCredential.emettre(Exemple.demande(jusquau: jusquau), cle: cle)
        let fichier = dossier.appendingPathComponent("badge.jwt")
        try Data(emis.jwt.utf8).write(to: fichier)
        let (code, sortie) = try CheckerOB3.verifier(fichier, cles: ecrireCles(cle, dans: dossier))
        print(sortie)
        #expect(code == 0, "\(sortie)")
        #expect(sortie.hasPrefix("VALID"), "\(sortie)")
        #expect(sortie.contains("errors=0 warnings=0"), "\(sortie)")
    }

    @Test("Le SVG cuit passe check_ob3.sh --strict")
    func svg() throws {
        if let erreur = CheckerOB3.preparer() {
            Issue.record(Comment(rawValue: erreur))
            return
        }
        let temporaire = try DossierTemporaire(prefixe: "livret-badges")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let emis = try EmissionCredential.emettre(Exemple.demande(apprenant: Exemple.apprenant(email: nil, telephone: nil)), cle: cle)
        let image = ImageBadge.svg(nom: Exemple.realisation().name, famille: .aptic(niveau: 2), structure: Exemple.emetteur.name)
        let fichier = dossier.appendingPathComponent("badge.svg")
        try ImageBadge.bake(svg: image, jwt: emis.jwt).write(to: fichier)
        let (code, sortie) = try CheckerOB3.verifier(fichier, cles: ecrireCles(cle, dans: dossier))
        print(sortie)
        #expect(code == 0, "\(sortie)")
        #expect(sortie.contains("OK   unbake"), "\(sortie)")
        #expect(sortie.contains("errors=0 warnings=0"), "\(sortie)")
    }

    @Test("Contre-épreuve : le vérificateur refuse un badge signé par une autre clé")
    func mauvaiseCle() throws {
        if let erreur = CheckerOB3.preparer() {
            Issue.record(Comment(rawValue: erreur))
            return
        }
        let temporaire = try DossierTemporaire(prefixe: "livret-badges")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let cle = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let autre = CleEmetteur.generer(idEmetteur: Exemple.idEmetteur)
        let emis = try EmissionCredential.emettre(Exemple.demande(), cle: cle)
        let fichier = dossier.appendingPathComponent("badge.jwt")
        try Data(emis.jwt.utf8).write(to: fichier)
        let cles = dossier.appendingPathComponent("cles.json")
        var jwk = autre.jwkPublique
        jwk.kid = cle.kid
        try JWT.encodeur.encode([cle.kid: jwk]).write(to: cles)
        let (code, sortie) = try CheckerOB3.verifier(fichier, cles: cles)
        #expect(code == 1, "\(sortie)")
    }
}
