import ArgumentParser
import LivretServices
import LivretStore

/// `livret formateur`: the people who work in the structure — formateurs and volunteers.
struct FormateurCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formateur",
        abstract: "Ajouter ou lister les personnes qui travaillent dans la structure (formatrices, formateurs, bénévoles).",
        subcommands: [Ajouter.self, Lister.self]
    )

    struct Ajouter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ajouter une formatrice, un formateur ou une ou un bénévole.",
            discussion: """
            Chaque écriture de Livret est attribuée à l'une de ces personnes (--formateur), et un accompagnement \
            nomme qui a accompagné (--intervenant). Exemple : livret formateur ajouter "Claire Martin"
            """)
        @OptionGroup var options: OptionsBase
        @Argument(help: "Le nom, tel qu'on le dira dans Livret.") var nom: String

        func run() throws {
            let db = try options.ouvrir()
            let formateur = try base { () throws(ErreurBase) in try db.ajouterFormateur(nom) }
            Sortie.ligne("« \(formateur.nom) » peut maintenant travailler dans Livret.")
        }
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lister les personnes qui travaillent dans la structure.")
        @OptionGroup var options: OptionsBase
        @Flag(help: "Écrire la liste en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let formateurs = try base { () throws(ErreurBase) in try db.formateurs() }
            if json { try Sortie.json(formateurs.map(\.nom)); return }
            for f in formateurs { Sortie.ligne(f.nom) }
        }
    }
}
