import Foundation
import LivretTestSupport

/// The built `livret` executable, run the way a user runs it: a separate process, a known
/// environment, a throw-away working folder, and everything it prints captured.
enum ExecutableLivret {
    /// What one run of `livret` gave back.
    struct Resultat: CustomStringConvertible {
        var arguments: [String]
        var statut: Int32
        /// Standard output, byte for byte (JSON exports are compared on bytes).
        var sortieOctets: Data
        /// Standard output, decoded as UTF-8.
        var sortie: String
        /// Standard error, decoded as UTF-8.
        var erreur: String

        /// Both streams, for checks that do not care where a message went.
        var toutLeTexte: String { sortie + "\n" + erreur }

        var lignes: [Substring] { sortie.split(separator: "\n", omittingEmptySubsequences: false) }

        /// Printed by failing expectations, so that a red test shows what the command said.
        var description: String {
            """
            livret \(arguments.joined(separator: " ")) → statut \(statut)
            --- sortie standard ---
            \(sortie)
            --- erreur standard ---
            \(erreur)
            """
        }
    }

    enum Probleme: Error, CustomStringConvertible {
        case introuvable(essais: [String])
        case variableInvalide(String)
        case pasDeLUTF8(flux: String)
        case delaiDepasse([String])
        case signal(Int32, [String])

        var description: String {
            switch self {
            case .introuvable(let essais):
                "Exécutable livret introuvable. Lancez « swift build » ou indiquez-le avec LIVRET_EXECUTABLE. Chemins essayés :\n"
                    + essais.joined(separator: "\n")
            case .variableInvalide(let chemin):
                "LIVRET_EXECUTABLE vaut « \(chemin) », qui n'est pas un fichier exécutable."
            case .pasDeLUTF8(let flux):
                "La \(flux) de livret n'est pas de l'UTF-8 valide."
            case .delaiDepasse(let arguments):
                "livret \(arguments.joined(separator: " ")) ne s'est pas terminé à temps."
            case .signal(let numero, let arguments):
                "livret \(arguments.joined(separator: " ")) a été tué par le signal \(numero)."
            }
        }
    }

    /// The package root: this file is `<racine>/Tests/LivretCLITests/ExecutableLivret.swift`.
    static let racineDuPaquet = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A file of the repository, from its path relative to the package root.
    static func fichierDuDepot(_ chemin: String) -> URL {
        racineDuPaquet.appendingPathComponent(chemin)
    }

    static let nom = "livret"

    /// Where the binary is: `LIVRET_EXECUTABLE` when set (and then nothing else), otherwise next
    /// to the test runner (`Bundle.main`, then `CommandLine.arguments[0]`: SwiftPM puts the test
    /// bundle in `.build/debug` beside `livret`), and last `<racine>/.build/debug/livret`.
    static func localiser() throws -> URL {
        if let explicite = ProcessInfo.processInfo.environment["LIVRET_EXECUTABLE"], !explicite.isEmpty {
            let url = URL(fileURLWithPath: explicite)
            guard estExecutable(url) else { throw Probleme.variableInvalide(explicite) }
            return url
        }
        var candidats: [URL] = []
        let bundle = Bundle.main.bundleURL
        // On Linux the main bundle is the folder holding the runner; on macOS it is the
        // `.xctest` bundle itself, whose folder holds `livret`.
        candidats.append(bundle.appendingPathComponent(nom))
        candidats.append(bundle.deletingLastPathComponent().appendingPathComponent(nom))
        if let lanceur = CommandLine.arguments.first, !lanceur.isEmpty {
            candidats.append(URL(fileURLWithPath: lanceur).deletingLastPathComponent().appendingPathComponent(nom))
        }
        candidats.append(racineDuPaquet.appendingPathComponent(".build/debug").appendingPathComponent(nom))
        guard let trouve = candidats.first(where: estExecutable) else {
            throw Probleme.introuvable(essais: candidats.map(\.path))
        }
        return trouve
    }

    private static func estExecutable(_ url: URL) -> Bool {
        var estDossier: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &estDossier)
            && !estDossier.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }

    /// The environment every run gets: nothing from the caller but `PATH`, a UTF-8 locale,
    /// and no `LIVRET_REFERENTIELS` (so the embedded référentiels are used).
    static var environnement: [String: String] {
        var environnement = ["LANG": "C.UTF-8"]
        if let path = ProcessInfo.processInfo.environment["PATH"] { environnement["PATH"] = path }
        return environnement
    }

    /// Runs `livret arguments…` in `dossier` (a fresh temporary folder when nil) and waits for it;
    /// `variables` are added to the controlled ``environnement``.
    static func lancer(_ arguments: [String], dans dossier: URL? = nil, variables: [String: String] = [:]) throws -> Resultat {
        let executable = try localiser()
        let complet = environnement.merging(variables) { $1 }
        return try DossierTemporaire.avec { captures in
            if let dossier {
                return try lancer(executable, arguments, dans: dossier, captures: captures, environnement: complet)
            }
            return try DossierTemporaire.avec { travail in
                try lancer(executable, arguments, dans: travail, captures: captures, environnement: complet)
            }
        }
    }

    private static func lancer(_ executable: URL, _ arguments: [String], dans dossier: URL, captures: URL,
                               environnement: [String: String]) throws -> Resultat {
        // Both streams go to files, not pipes: a full pipe can never block the child, and
        // nothing has to be read while it runs.
        let fichierSortie = captures.appendingPathComponent("sortie")
        let fichierErreur = captures.appendingPathComponent("erreur")
        FileManager.default.createFile(atPath: fichierSortie.path, contents: nil)
        FileManager.default.createFile(atPath: fichierErreur.path, contents: nil)
        let sortie = try FileHandle(forWritingTo: fichierSortie)
        let erreur = try FileHandle(forWritingTo: fichierErreur)
        defer {
            try? sortie.close()
            try? erreur.close()
        }

        let processus = Process()
        processus.executableURL = executable
        processus.arguments = arguments
        processus.environment = environnement
        processus.currentDirectoryURL = dossier
        processus.standardInput = FileHandle.nullDevice
        processus.standardOutput = sortie
        processus.standardError = erreur
        let fin = DispatchSemaphore(value: 0)
        processus.terminationHandler = { _ in fin.signal() }
        try processus.run()
        // A safety net against a hung command, not a performance check.
        if fin.wait(timeout: .now() + .seconds(120)) == .timedOut {
            processus.terminate()
            throw Probleme.delaiDepasse(arguments)
        }
        processus.waitUntilExit()
        if processus.terminationReason == .uncaughtSignal {
            throw Probleme.signal(processus.terminationStatus, arguments)
        }

        let octetsSortie = try Data(contentsOf: fichierSortie)
        let octetsErreur = try Data(contentsOf: fichierErreur)
        // Text must be UTF-8; the only binary livret writes on standard output is a zip asked for with « --sortie - ».
        let estZip = octetsSortie.starts(with: [0x50, 0x4B, 0x03, 0x04])
        guard let texteSortie = estZip ? "" : String(data: octetsSortie, encoding: .utf8) else {
            throw Probleme.pasDeLUTF8(flux: "sortie standard")
        }
        guard let texteErreur = String(data: octetsErreur, encoding: .utf8) else {
            throw Probleme.pasDeLUTF8(flux: "erreur standard")
        }
        return Resultat(arguments: arguments, statut: processus.terminationStatus,
                        sortieOctets: octetsSortie, sortie: texteSortie, erreur: texteErreur)
    }
}
