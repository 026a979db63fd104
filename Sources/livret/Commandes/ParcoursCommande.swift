import ArgumentParser
import LivretCore
import LivretServices

/// `livret parcours …`: the parcours templates (Femmes et Numérique…).
struct ParcoursCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcours",
        abstract: "Consulter les modèles de parcours (Femmes et Numérique…).",
        subcommands: [Lister.self, Montrer.self]
    )

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lister les modèles de parcours.")

        @Flag(name: .long, help: "Écrire la liste en JSON.")
        var json = false

        func run() throws {
            let catalogue = try ChargementCatalogue.catalogue()
            if json {
                try Sortie.json(catalogue.parcours)
                return
            }
            Sortie.ligne(Tableau.texte(
                entetes: ["Code", "Titre", "Durée", "Groupe", "Porteur"],
                lignes: catalogue.parcours.map { modele in
                    let semaines = modele.duree.semaines.map { " sur " + Accord.nombre($0, "semaine") } ?? ""
                    return [modele.code, modele.entete.titre, Format.heures(modele.duree.heures) + semaines,
                            modele.tailleGroupe.map { Accord.nombre($0, "personne") } ?? "—", modele.porteur?.nom ?? "—"]
                }))
        }
    }

    struct Montrer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Montrer un modèle de parcours en entier.",
            discussion: "Exemple : livret parcours montrer femmes-et-numerique"
        )

        @Argument(help: "Le code du parcours (voir « livret parcours lister »).")
        var code: String

        @Flag(name: .long, help: "Écrire le modèle en JSON.")
        var json = false

        func run() throws {
            let catalogue = try ChargementCatalogue.catalogue()
            guard let modele = catalogue.modeleParcours(code) else {
                let connus = catalogue.parcours.map(\.code).joined(separator: ", ")
                throw ErreurUtilisateur("le parcours « \(code) » n'existe pas. Parcours connus : \(connus).")
            }
            if json {
                try Sortie.json(modele)
            } else {
                Sortie.ligne(AffichageParcours.fiche(modele, catalogue: catalogue))
            }
        }
    }
}
