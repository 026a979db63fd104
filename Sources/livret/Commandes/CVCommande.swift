import ArgumentParser
import Foundation
import LivretCore
import LivretExports
import LivretServices
import LivretStore

/// `livret cv exporter`: the learner's CV numérique.
struct CVCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cv",
        abstract: "Le CV numérique d'un apprenant : ce qu'il sait faire, ses résultats Pix, ses formations, ses badges.",
        subcommands: [Exporter.self, Attestation.self]
    )

    /// What the learner chooses to show.
    struct OptionsChoix: ParsableArguments {
        @Option(help: ArgumentHelp("Les parties à montrer, séparées par des virgules : identite, competences, pix, parcours, badges (toutes par défaut).", valueName: "LISTE"))
        var inclure: String?

        @Option(help: "Le nom affiché : prenom (par défaut ; le pseudonyme si la personne en a un), complete, pseudonyme ou aucune.")
        var identite: String = "prenom"

        @Flag(help: "Montrer aussi l'e-mail et le téléphone (seulement si la personne le veut).")
        var contact = false

        @Flag(name: .customLong("choisi-par-la-personne"), help: "La personne a choisi elle-même ce qui figure sur le CV (le document le dira).")
        var choisiParLaPersonne = false
        @Option(help: ArgumentHelp("Les badges à montrer (codes séparés par des virgules ; tous les badges valides par défaut).", valueName: "CODES"))
        var badges: String?

        func choix() throws -> ChoixCV {
            var sections = Set(SectionCV.allCases)
            if let inclure {
                sections = Set(try inclure.split(separator: ",").map { texte in
                    let nom = texte.trimmingCharacters(in: .whitespaces).lowercased()
                    guard let section = SectionCV(rawValue: nom.replacingOccurrences(of: "é", with: "e")) else {
                        throw ErreurUtilisateur("« \(nom) » (--inclure) : choisissez parmi identite, competences, pix, parcours, badges.")
                    }
                    return section
                })
            }
            guard let identite = IdentiteCV(rawValue: identite.lowercased()) else {
                throw ErreurUtilisateur("« \(identite) » (--identite) : choisissez prenom, complete, pseudonyme ou aucune.")
            }
            let choixBadges = badges.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            var choix = ChoixCV(sections: sections, identite: identite, contact: contact, badges: choixBadges)
            choix.choisiParLaPersonne = choisiParLaPersonne
            return choix
        }
    }

    struct Exporter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Écrire le CV numérique en HTML (une page autonome, imprimable) ou en JSON Resume.",
            discussion: "Exemples : livret cv exporter A-0001 ; livret cv exporter A-0001 --format json-resume --identite pseudonyme --inclure competences,pix")

        typealias FormatCV = ServiceCV.Format

        @OptionGroup var options: OptionsBase
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Option(help: "html (par défaut) ou json-resume.") var format: FormatCV = .html
        @OptionGroup var choix: OptionsChoix
        @Option(name: .shortAndLong, help: "Le fichier à écrire (sinon Exports/IDENTIFIANT-cv.html ou .json ; « - » : à l'écran).") var sortie: String?
        @Option(help: "La date du jour pour le CV (AAAA-MM-JJ ; sinon aujourd'hui).") var date: String?

        func run() throws {
            let choixCV = try choix.choix()
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            let jour = try Auteurs.jourCourant(option: date)
            if Emplacements.estSortieStandard(sortie) {
                let (donnees, _) = try ServiceCV.cv(db: db, apprenant: apprenant, catalogue: catalogue, choix: choixCV, jour: jour,
                                                    format: format, liensPaquet: false)
                return Sortie.octets(donnees)
            }
            let cible = sortie ?? Emplacements.exportApprenant(apprenant, suffixe: "cv.\(format.extensionFichier)")
            try ServiceCV.exporter(db: db, apprenant: apprenant, catalogue: catalogue, choix: choixCV, jour: jour, format: format, vers: cible)
            Sortie.ligne("CV numérique de \(apprenant) écrit : \(cible)")
        }

    }
}

extension CVCommande {
    struct Attestation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Écrire l'attestation de compétences numériques : une page A4 avec les badges, leurs codes QR et leurs codes.",
            discussion: """
            L'employeur scanne le code QR d'un badge (ou tape son code sur le site de la structure) pour le vérifier :             publiez d'abord le site (livret badge publier) et donnez son adresse (livret structure modifier --site).             Exemples : livret cv attestation A-0001 ; livret cv attestation A-0001 --badges parcours-femmes-et-numerique
            """)

        @OptionGroup var options: OptionsBase
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @OptionGroup var choix: CVCommande.OptionsChoix
        @Option(name: .shortAndLong, help: "Le fichier à écrire (sinon Exports/IDENTIFIANT-attestation.html ; « - » : à l'écran).") var sortie: String?
        @Option(help: "La date de l'attestation (AAAA-MM-JJ ; sinon aujourd'hui).") var date: String?

        func run() throws {
            let db = try options.ouvrir()
            let donnees = try ServiceCV.attestation(db: db, apprenant: apprenant, catalogue: try ChargementCatalogue.catalogue(pour: db),
                                                    choix: try choix.choix(), jour: try Auteurs.jourCourant(option: date))
            if Emplacements.estSortieStandard(sortie) { return Sortie.octets(donnees) }
            let cible = sortie ?? Emplacements.exportApprenant(apprenant, suffixe: "attestation.html")
            try EcritureFichier.creerDossier(URL(fileURLWithPath: cible).deletingLastPathComponent())
            try EcritureFichier.ecrireAtomiquement(donnees, vers: cible)
            Sortie.ligne("Attestation de \(apprenant) écrite : \(cible) (à imprimer sur une page A4).")
        }
    }
}

extension ServiceCV.Format: ExpressibleByArgument {}
