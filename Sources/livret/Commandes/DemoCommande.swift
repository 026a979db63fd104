import ArgumentParser
import Foundation
import LivretCore
import LivretDemo
import LivretServices
import LivretStore

/// `livret demo`: a deterministic demo base to explore.
struct DemoCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Créer une base de démonstration : une cohorte Femmes et Numérique et une initiation au smartphone.",
        discussion: "Exemple : livret demo --base demo.sqlite, puis livret cohorte montrer fen-2023 --base demo.sqlite"
    )

    @OptionGroup var options: OptionsBase

    /// The demo's file: the one named (--base, $LIVRET_BASE), else its own file beside the
    /// structure's base — never the structure's base itself.
    var chemin: String {
        if let base = options.base, !base.isEmpty { return base }
        if let base = ProcessInfo.processInfo.environment[Base.variableChemin], !base.isEmpty { return base }
        return Emplacements.demo(base: Emplacements.base())
    }

    func run() throws {
        let chemin = self.chemin
        let db = try Emplacements.ouvrir(chemin, creer: true)
        if let existante = try base({ () throws(ErreurBase) in try db.structure() }) {
            throw ErreurUtilisateur("la base « \(chemin) » contient déjà les données de « \(existante.nom) ». La démonstration s'installe dans une base neuve : choisissez un autre fichier avec --base.")
        }
        let catalogue = try ChargementCatalogue.catalogue()
        let resume: ResumeDemo
        do {
            resume = try Demo.installer(dans: db, catalogue: catalogue)
        } catch let erreur as ErreurBase {
            throw ErreurUtilisateur.depuis(erreur)
        }
        Sortie.ligne("Base de démonstration créée : \(chemin)")
        if chemin == Emplacements.demo(base: Emplacements.base()) {
            Sortie.ligne("C'est un fichier à part : la base de votre structure n'est pas touchée. Pour l'ouvrir : livret --base \(chemin)")
        }
        resume.lignes.forEach { Sortie.ligne($0) }
    }
}
