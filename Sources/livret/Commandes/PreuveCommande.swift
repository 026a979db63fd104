import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret preuve ajouter`.
struct PreuveCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preuve",
        abstract: "Noter ce qu'un apprenant a fait ou sait faire, avec son niveau de preuve.",
        subcommands: [Ajouter.self, Retirer.self]
    )

    struct Ajouter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ajouter une preuve (elle ne se modifie jamais : une correction la remplace).",
            discussion: """
            Niveaux de preuve : declaratif (dit par la personne), suivi (avec accompagnement), \
            autonomie (vu faire seul), certifie (certification externe).
            Une preuve vue lors d'une permanence ou d'un rendez-vous (hors cohorte) le dit avec --accompagnement N.
            Exemple : livret preuve ajouter A-0001 aptic:66 --niveau autonomie --note "Courrier mis en page seule"
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Argument(help: "L'item ou la compétence : aptic:CODE ou pix:CODE.") var cible: String
        @Option(help: "Le niveau de preuve : declaratif, suivi, autonomie ou certifie.") var niveau: String
        @Option(help: "Ce qui a été observé.") var note: String?
        @Option(help: "Le numéro de la preuve que celle-ci corrige.") var remplace: Int64?
        @Option(help: ArgumentHelp("Le numéro de l'accompagnement où cela a été vu (une permanence, un rendez-vous de la même personne).",
                                   valueName: "N"))
        var accompagnement: Int64?

        func run() throws {
            let (referentiel, code) = try Saisie.cible(cible)
            guard let niveauPreuve = try Saisie.valeur(niveau, "--niveau", NiveauPreuve.self) else { throw ErreurUtilisateur("indiquez --niveau.") }
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let preuve = try ServiceSuivi.ajouterPreuve(db: db, catalogue: catalogue, apprenant: apprenant, referentiel: referentiel, code: code,
                                                        niveau: niveauPreuve, note: note, remplace: remplace, accompagnement: accompagnement,
                                                        auteur: auteur, jour: jour)
            Sortie.ligne("Preuve n° \(preuve.id!) : \(apprenant), \(referentiel.libelle) \(code), \(niveauPreuve.libelle)"
                         + (accompagnement.map { ", vue à l'accompagnement n° \($0)." } ?? "."))
        }
    }

    struct Retirer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retirer une preuve notée par erreur (elle reste lisible, suivie de son retrait daté).",
            discussion: "Exemple : livret preuve retirer 42 --motif \"notée sur la mauvaise personne\"")
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le numéro de la preuve (voir « livret apprenant montrer »).") var preuve: Int64
        @Option(help: "Pourquoi elle est retirée.") var motif: String?

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let retrait = try ServiceSuivi.retirerPreuve(db: db, id: preuve, motif: motif ?? "", auteur: auteur, jour: jour)
            Sortie.ligne("Preuve n° \(preuve) retirée (retrait n° \(retrait.id!), \(jour.francais)) : \(retrait.referentiel.libelle) \(retrait.code) ne compte plus.")
        }
    }
}
