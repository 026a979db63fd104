import ArgumentParser
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

    func run() throws {
        let db = try options.ouvrir(creer: true)
        if let existante = try base({ () throws(ErreurBase) in try db.structure() }) {
            throw ErreurUtilisateur("la base « \(options.chemin) » contient déjà les données de « \(existante.nom) ». La démonstration s'installe dans une base neuve : choisissez un autre fichier avec --base.")
        }
        let catalogue = try ChargementCatalogue.catalogue()
        let resume: ResumeDemo
        do {
            resume = try Demo.installer(dans: db, catalogue: catalogue)
        } catch let erreur as ErreurBase {
            throw ErreurUtilisateur.depuis(erreur)
        }
        Sortie.ligne("Base de démonstration créée : \(options.chemin)")
        resume.lignes.forEach { Sortie.ligne($0) }
    }
}
