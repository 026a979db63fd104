import ArgumentParser
import Foundation
import LivretCore
import LivretServices
import LivretStore

/// `livret espace …`: the learner's own space (issue 21): the local web server, the one-time codes,
/// the erasure requests made there.
struct EspaceCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "espace",
        abstract: "L'espace de l'apprenant : ouvrir le site local, donner un code de connexion, voir les demandes d'effacement.",
        discussion: """
        L'apprenant voit ce qu'il sait faire, choisit ce que montre son CV et le télécharge, donne son avis, \
        gère ses accords et ses données, dans un navigateur de la structure ou sur son téléphone.
        Exemples :
          livret espace ouvrir                  (sur cet ordinateur seulement : http://127.0.0.1:8080)
          livret espace ouvrir --reseau-local   (aussi pour les téléphones sur le Wi-Fi de la structure)
          livret espace code A-0001             (le code à 6 chiffres à donner à la personne)
        """,
        subcommands: [Ouvrir.self, Code.self, Demandes.self]
    )

    struct Code: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Donner à un apprenant un code de connexion à son espace (6 chiffres, \(RegleEspace.validiteCode / 60) minutes, une seule fois).",
            discussion: "Un nouveau code remplace le précédent s'il n'a pas servi. Exemple : livret espace code A-0001")
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de l'apprenant.") var identifiant: String

        func run() throws {
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let code = try ServiceEspace.donnerCode(db: db, identifiant: identifiant, auteur: auteur, jour: jour,
                                                    maintenant: Auteurs.maintenant())
            Sortie.ligne("Code de connexion de \(identifiant) : \(RegleEspace.affichage(code))")
            Sortie.ligne("À taper sur la page de l'espace, dans les \(RegleEspace.validiteCode / 60) minutes. Il ne sert qu'une fois.")
        }
    }

    struct Demandes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Les demandes d'effacement faites par les apprenants dans leur espace, en attente.",
            discussion: "Pour en faire une : livret apprenant effacer IDENTIFIANT --confirmer")
        @OptionGroup var options: OptionsBase

        func run() throws {
            let db = try options.ouvrir()
            let demandes = try base { () throws(ErreurBase) in try db.demandesEffacement() }
            guard !demandes.isEmpty else { return Sortie.ligne("Aucune demande d'effacement en attente.") }
            Sortie.ligne(demandes.count > 1 ? "\(demandes.count) demandes d'effacement en attente :" : "1 demande d'effacement en attente :")
            for d in demandes { Sortie.ligne("  \(d.identifiant), demandé le \(d.date.francais) : livret apprenant effacer \(d.identifiant) --confirmer") }
        }
    }
}
