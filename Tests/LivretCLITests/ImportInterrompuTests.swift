import Foundation
import LivretStore
import LivretTestSupport
import Testing

/// Killing `livret apprenant importer` in the middle of a large import leaves a sound base
/// where the import is entirely absent.
@Suite("Import interrompu")
struct ImportInterrompuTests {
    @Test("Un import tué en cours de route ne laisse rien")
    func importTue() throws {
        try DossierTemporaire.avec { dossier in
            let base = dossier.appendingPathComponent("b.sqlite").path
            let initialisation = try ExecutableLivret.lancer(["init", "--base", base, "--structure", "S", "--formateur", "Nadia", "--date", "2024-03-04"], dans: dossier)
            #expect(initialisation.statut == 0, "\(initialisation)")
            var csv = "prénom;nom;année de naissance;sexe\n"
            for n in 0..<150_000 { csv += "Prénom\(n);Nom\(n);\(1950 + n % 50);\(n % 2 == 0 ? "féminin" : "masculin")\n" }
            let fichier = dossier.appendingPathComponent("gros.csv")
            try Data(csv.utf8).write(to: fichier)

            var tues = 0
            for tentative in 0..<3 {
                let processus = Process()
                processus.executableURL = try ExecutableLivret.localiser()
                processus.arguments = ["apprenant", "importer", fichier.path, "--base", base, "--date", "2024-03-04"]
                processus.environment = ExecutableLivret.environnement
                processus.standardOutput = FileHandle.nullDevice
                processus.standardError = FileHandle.nullDevice
                try processus.run()
                Thread.sleep(forTimeInterval: 0.3 + 0.2 * Double(tentative))
                if processus.isRunning {
                    kill(processus.processIdentifier, SIGKILL)
                    tues += 1
                }
                processus.waitUntilExit()
                if processus.terminationReason == .uncaughtSignal {
                    let relue = try Base(chemin: base)
                    #expect(try relue.verifierIntegrite() == "ok")
                    #expect(try relue.apprenants().isEmpty, "l'import interrompu a laissé des apprenants")
                }
            }
            #expect(tues > 0, "l'import a fini avant d'être interrompu : agrandir le fichier")
        }
    }
}
