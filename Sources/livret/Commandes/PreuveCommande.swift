import ArgumentParser
import LivretCore
import LivretServices
import LivretStore

/// `livret preuve ajouter`.
struct PreuveCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preuve",
        abstract: "Noter ce qu'un apprenant a fait ou sait faire, avec son niveau de preuve.",
        subcommands: [Ajouter.self]
    )

    struct Ajouter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ajouter une preuve (elle ne se modifie jamais : une correction la remplace).",
            discussion: """
            Niveaux de preuve : declaratif (dit par la personne), suivi (avec accompagnement), \
            autonomie (vu faire seul), certifie (certification externe).
            Exemple : livret preuve ajouter A-0001 aptic:66 --niveau autonomie --note "Courrier mis en page seule"
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Argument(help: "L'item ou la compétence : aptic:CODE ou pix:CODE.") var cible: String
        @Option(help: "Le niveau de preuve : declaratif, suivi, autonomie ou certifie.") var niveau: String
        @Option(help: "Ce qui a été observé.") var note: String?
        @Option(help: "Le numéro de la preuve que celle-ci corrige.") var remplace: Int64?

        func run() throws {
            let catalogue = try ChargementCatalogue.catalogue()
            let (referentiel, code) = try Saisie.cible(cible, catalogue: catalogue)
            guard let niveauPreuve = try Saisie.valeur(niveau, "--niveau", NiveauPreuve.self) else { throw ErreurUtilisateur("indiquez --niveau.") }
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let a = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }
            let preuve = try base { () throws(ErreurBase) in
                try db.ajouterPreuve(Preuve(apprenantId: a.id!, referentiel: referentiel, code: code, niveau: niveauPreuve, date: jour,
                                            auteurId: auteur.id!, note: note, remplace: remplace))
            }
            Sortie.ligne("Preuve n° \(preuve.id!) : \(a.identifiant), \(referentiel.libelle) \(code), \(niveauPreuve.libelle).")
        }
    }
}
