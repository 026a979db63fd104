import ArgumentParser
import Foundation
import LivretCore
import LivretServices
import LivretStore

extension PixCommande {
    /// `livret pix importer FICHIER`: a Pix Orga campaign export or Pix Certif session results.
    struct Importer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importer un export Pix Orga (collecte de profils, évaluation, examen) ou des résultats de session Pix Certif.",
            discussion: """
            Les participants sont rapprochés des apprenants par l'identifiant externe de la campagne \
            (comparé à l'identifiant Livret et à l'e-mail), sinon par le prénom et le nom. Ceux qui ne \
            correspondent à personne, ou à plusieurs apprenants, sont listés et ne sont pas créés \
            (sauf avec --creer-apprenants). Importer deux fois le même fichier n'ajoute rien.
            Une campagne d'examen est reconnue à ses colonnes ; une campagne pour grands débutants ne se \
            distingue pas dans l'export : dites-le avec --grands-debutants. La colonne « Certification CléA \
            Numérique » de Pix Certif et le badge CléA de Pix Orga sont lus pour la préparation à CléA numérique.
            Exemple : livret pix importer Resultats-Campagne-1234-2024-03-18-1012.csv --cohorte fen-2024
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le fichier CSV téléchargé de Pix Orga ou de Pix Certif.") var fichier: String
        @Option(help: "Ne rapprocher qu'avec les apprenants de cette cohorte.") var cohorte: String?
        @Flag(help: "Créer les apprenants introuvables (avec leur seul nom) au lieu de les lister.") var creerApprenants = false
        @Flag(help: "La campagne d'évaluation est une campagne pour grands débutants (l'export Pix Orga ne le dit pas).") var grandsDebutants = false
        @Flag(help: "Écrire le bilan en JSON.") var json = false

        func run() throws {
            let source = try LectureEntree.lire(fichier)
            let catalogue = try ChargementCatalogue.catalogue()
            let db = try options.ouvrir()
            let bilan = try ServicePix.importer(source.donnees, fichier: fichier, db: db, catalogue: catalogue, cohorte: cohorte,
                                                creerApprenants: creerApprenants, grandsDebutants: grandsDebutants,
                                                auteur: try ecriture.auteur(db), jour: try ecriture.jour())
            if json { try Sortie.json(bilan); return }
            Sortie.ligne(AffichagePix.bilan(bilan))
        }
    }

    /// `livret pix preparation COHORTE|APPRENANT`: who is ready for certification, who needs what.
    struct Preparation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Préparer la certification Pix : niveaux actuels, cibles du parcours, écart à l'objectif, qui est prêt.",
            discussion: "Exemples :\n  livret pix preparation fen-2023\n  livret pix preparation A-0004")
        @OptionGroup var options: OptionsBase
        @OptionGroup var jour: OptionsJour
        @Argument(help: "Le code d'une cohorte, ou l'identifiant d'un apprenant.") var cible: String
        @Flag(help: "Écrire la préparation en JSON.") var json = false

        func run() throws {
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue()
            if (try? db.cohorte(cible)) != nil {
                let (groupe, cohorte, modele) = try ServicePix.preparation(cohorte: cible, db: db, catalogue: catalogue)
                if json { try Sortie.json(groupe); return }
                Sortie.ligne(AffichagePix.cohorte(groupe, cohorte: cohorte, modele: modele))
                return
            }
            guard (try? db.apprenant(cible)) != nil else {
                throw ErreurUtilisateur("« \(cible) » n'est ni une cohorte ni un apprenant. Voir « livret cohorte lister » et « livret apprenant lister ».")
            }
            let preparation = try ServicePix.preparation(apprenant: cible, db: db, catalogue: catalogue, au: try jour.jour())
            if json { try Sortie.json(preparation); return }
            Sortie.ligne(AffichagePix.apprenant(preparation))
        }
    }
}
