import Foundation
import LivretTestSupport
import Testing

/// A throw-away base and the environment that points `livret` at it.
struct Atelier {
    let dossier: URL
    var chemin: URL { dossier.appendingPathComponent("livret.sqlite") }
    var date = Fixe.jour.description
    /// Who writes (`LIVRET_FORMATEUR`), when set; otherwise the base's only formateur.
    var formateur: String? = nil

    /// What points `livret` at this base and date (added to the controlled environment).
    var variables: [String: String] {
        var variables = ["LIVRET_BASE": chemin.path, "LIVRET_DATE": date, "HOME": dossier.path,
                         "XDG_DATA_HOME": dossier.appendingPathComponent("xdg").path]
        if let formateur { variables["LIVRET_FORMATEUR"] = formateur }
        return variables
    }

    /// Runs `livret arguments…` with this base and date, in the temporary folder.
    @discardableResult
    func lancer(_ arguments: [String]) throws -> ExecutableLivret.Resultat {
        try ExecutableLivret.lancer(arguments, dans: dossier, variables: variables)
    }

    /// Runs a command that must succeed, recording an issue with its output otherwise.
    @discardableResult
    func reussir(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> ExecutableLivret.Resultat {
        let resultat = try lancer(arguments)
        #expect(resultat.statut == 0, "\(resultat)", sourceLocation: sourceLocation)
        return resultat
    }

    /// Runs a command that must fail the way a user error fails: exit 1, a French message.
    @discardableResult
    func echouer(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> ExecutableLivret.Resultat {
        let resultat = try lancer(arguments)
        #expect(resultat.statut == 1, "\(resultat)", sourceLocation: sourceLocation)
        #expect(resultat.erreur.hasPrefix("Erreur :"), "\(resultat)", sourceLocation: sourceLocation)
        return resultat
    }

    /// The base file and its SQLite companions (-wal, -shm, -journal) that exist.
    func fichiersDeLaBase() -> [URL] {
        ["", "-wal", "-shm", "-journal"]
            .map { URL(fileURLWithPath: chemin.path + $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    static func avec<T>(_ travail: (Atelier) throws -> T) throws -> T {
        try DossierTemporaire.avec { dossier in try travail(Atelier(dossier: dossier)) }
    }

    /// A throw-away demo base (`livret demo`), written as its formatrice (the demo has two formateurs).
    static func avecDemo<T>(_ travail: (Atelier) throws -> T) throws -> T {
        try avec { vide in
            var atelier = vide
            atelier.formateur = Fixe.formateur
            try atelier.reussir(["demo"])
            return try travail(atelier)
        }
    }
}

