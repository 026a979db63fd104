import Foundation
import Testing

/// `livret espace ouvrir …` started in the background on a test base, its output in a file, stopped
/// when the value is released (or by ``arreter()``).
final class ServeurEspaceLance {
    let processus = Process()
    let sortie: URL
    private let fichier: FileHandle

    /// Starts `livret espace ouvrir` with `arguments` in `atelier`'s folder, `variables` added to its environment,
    /// and waits (up to 30 s) until it says where it listens.
    init(_ atelier: Atelier, arguments: [String], variables: [String: String]) throws {
        sortie = atelier.dossier.appendingPathComponent("serveur-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: sortie.path, contents: nil)
        fichier = try FileHandle(forWritingTo: sortie)
        processus.executableURL = try ExecutableLivret.localiser()
        processus.arguments = ["espace", "ouvrir"] + arguments
        processus.environment = ExecutableLivret.environnement.merging(atelier.variables) { $1 }.merging(variables) { $1 }
        processus.currentDirectoryURL = atelier.dossier
        processus.standardInput = FileHandle.nullDevice
        processus.standardOutput = fichier
        processus.standardError = fichier
        try processus.run()
        for _ in 0..<300 where !texte.contains("Ctrl-C") && processus.isRunning { Thread.sleep(forTimeInterval: 0.1) }
    }

    /// What the server printed so far.
    var texte: String { (try? String(contentsOf: sortie, encoding: .utf8)) ?? "" }

    /// « http://127.0.0.1:PORT », as the server printed it.
    func adresseLocale() throws -> String {
        try #require(texte.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+/).map { String($0.0) }, "le serveur n'a pas dit son adresse : \(texte)")
    }

    /// Stops the server (SIGTERM) and waits for it.
    func arreter() {
        if processus.isRunning { processus.terminate() }
        processus.waitUntilExit()
    }

    deinit {
        arreter()
        try? fichier.close()
    }
}
