import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret init`: creates the base with the structure and its first formateur.
struct InitCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Créer la base de la structure, avec son premier formateur.",
        discussion: "Exemple : livret init --structure \"Espace numérique du centre social\" --formateur \"Nadia\""
    )

    @OptionGroup var options: OptionsBase

    @Option(name: .long, help: "Le nom de la structure.")
    var structure: String

    @Option(name: .long, help: "Le nom du premier formateur.")
    var formateur: String

    @Option(name: .long, help: "La date (AAAA-MM-JJ, sinon aujourd'hui).")
    var date: String?

    func validate() throws {
        if structure.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("Le nom de la structure est vide.") }
        if formateur.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("Le nom du formateur est vide.") }
    }

    func run() throws {
        let db = try options.ouvrir(creer: true)
        let jour = try OptionsEcriture.jour(date, champ: "--date")
        if let existante = try base({ () throws(ErreurBase) in try db.structure() }) {
            throw ErreurUtilisateur("la base « \(options.chemin) » est déjà celle de « \(existante.nom) ». Rien n'a été modifié.")
        }
        try ServiceStructure.initialiser(db: db, structure: structure, formateurs: [formateur], jour: jour)
        Sortie.ligne("Base créée : \(options.chemin)")
        Sortie.ligne("Structure « \(structure) », formateur « \(formateur) ».")
        Sortie.ligne("Ensuite : livret apprenant ajouter --prenom … ; livret cohorte creer …")
    }
}
