import ArgumentParser
import Foundation
import LivretCore
import LivretServices

/// `livret referentiel …`: the APTIC and Pix référentiels, their variants and the crosswalk.
struct ReferentielCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referentiel",
        abstract: "Consulter, exporter et valider les référentiels (APTIC, Pix, correspondances).",
        subcommands: [Lister.self, Montrer.self, Exporter.self, Valider.self]
    )

    /// Which référentiel a command is about.
    enum Nom: String, ExpressibleByArgument, CaseIterable {
        case aptic, pix
    }

    struct Lister: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lister les référentiels chargés, avec leur version.")

        @Flag(name: .long, help: "Écrire la liste en JSON.")
        var json = false

        func run() throws {
            let catalogue = try ChargementCatalogue.catalogue()
            let lignes = AffichageReferentiel.inventaire(catalogue)
            if json {
                try Sortie.json(lignes)
            } else {
                Sortie.ligne(AffichageReferentiel.tableau(lignes))
            }
        }
    }

    struct Montrer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Montrer un référentiel en arbre, ou un élément avec ses parents et ses correspondances.",
            discussion: """
            Exemples :
              livret referentiel montrer aptic
              livret referentiel montrer aptic 66
              livret referentiel montrer aptic --variante aptic-roubaix-ateliers
              livret referentiel montrer pix 3.1
            """
        )

        @Argument(help: "Le référentiel : aptic ou pix.")
        var referentiel: Nom

        @Argument(help: "Le code d'un niveau, sous-thème, item (APTIC) ou d'un domaine, d'une compétence (Pix).")
        var code: String?

        @Option(name: .long, help: "Une variante locale à poser sur la base APTIC (voir « livret referentiel lister »).")
        var variante: String?

        func validate() throws {
            if variante != nil && referentiel != .aptic {
                throw ValidationError("L'option --variante ne s'applique qu'au référentiel aptic.")
            }
        }

        func run() throws {
            let catalogue = try ChargementCatalogue.catalogue()
            switch referentiel {
            case .aptic:
                let (aptic, changements) = try Self.aptic(catalogue, variante: variante)
                if let code {
                    guard let texte = AffichageReferentiel.elementAptic(code, aptic: aptic, catalogue: catalogue) else {
                        throw ErreurUtilisateur("le code « \(code) » n'existe pas dans la nomenclature APTIC. Essayez « livret referentiel montrer aptic » pour voir tous les codes.")
                    }
                    Sortie.ligne(texte)
                } else {
                    Sortie.ligne(AffichageReferentiel.arbreAptic(aptic, changements: changements))
                }
            case .pix:
                if let code {
                    guard let texte = AffichageReferentiel.elementPix(code, catalogue: catalogue) else {
                        throw ErreurUtilisateur("le code « \(code) » n'est ni un domaine ni une compétence Pix. Les compétences vont de 1.1 à 5.2.")
                    }
                    Sortie.ligne(texte)
                } else {
                    Sortie.ligne(AffichageReferentiel.arbrePix(catalogue.pix))
                }
            }
        }

        static func aptic(_ catalogue: Catalogue, variante: String?) throws -> (ReferentielAptic, [ChangementReferentiel]) {
            do {
                return try catalogue.aptic(variante: variante)
            } catch {
                throw ErreurUtilisateur(error.description)
            }
        }
    }

    struct Exporter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exporter un référentiel en JSON stable (chaque nœud a un code et un titre, les enfants sous leur parent)."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json
        }

        @Argument(help: "Le référentiel : aptic ou pix.")
        var referentiel: Nom

        @Option(name: .long, help: "Une variante locale à poser sur la base APTIC.")
        var variante: String?

        @Option(name: .long, help: "Le format de sortie (json).")
        var format: Format = .json

        @Option(name: .shortAndLong, help: "Écrire dans ce fichier plutôt qu'à l'écran.")
        var sortie: String?

        func validate() throws {
            if variante != nil && referentiel != .aptic {
                throw ValidationError("L'option --variante ne s'applique qu'au référentiel aptic.")
            }
        }

        func run() throws {
            let catalogue = try ChargementCatalogue.catalogue()
            let donnees: Data
            switch referentiel {
            case .aptic:
                let (aptic, changements) = try Montrer.aptic(catalogue, variante: variante)
                donnees = try ExportReferentiel.json(ExportReferentiel.aptic(aptic, changements: changements, correspondances: catalogue.correspondances))
            case .pix:
                donnees = try ExportReferentiel.json(ExportReferentiel.pix(catalogue.pix, correspondances: catalogue.correspondances))
            }
            try Sortie.ecrire(donnees, vers: sortie) { "Référentiel \(referentiel.rawValue) exporté dans « \($0) »." }
        }
    }

    struct Valider: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifier des fichiers de référentiel (une variante locale, par exemple) avant de les utiliser.",
            discussion: """
            Chaque fichier est vérifié seul, puis avec les référentiels embarqués : un fichier qui a le \
            même code qu'un référentiel embarqué le remplace pour la vérification. Toutes les erreurs \
            sont listées, avec le fichier, le chemin JSON et ce qu'il faut corriger.
            """
        )

        @Argument(help: "Les fichiers JSON à vérifier.")
        var fichiers: [String]

        func validate() throws {
            if fichiers.isEmpty { throw ValidationError("Indiquez au moins un fichier à vérifier.") }
        }

        func run() throws {
            let rapport = try ValidationFichiers.valider(fichiers)
            Sortie.ligne(rapport.texte)
            if !rapport.valide {
                let fautifs = rapport.resultats.filter { !$0.erreurs.isEmpty }.map { "« \($0.fichier) »" }
                let quoi = switch fautifs.count {
                case 0: "les fichiers ne s'accordent pas avec les référentiels embarqués"
                case 1: "\(fautifs[0]) n'est pas valide"
                default: "\(fautifs.joined(separator: ", ")) ne sont pas valides"
                }
                Sortie.erreur(quoi + " : corrigez les erreurs listées ci-dessus, puis relancez la vérification.")
                throw ExitCode(1)
            }
        }
    }
}
