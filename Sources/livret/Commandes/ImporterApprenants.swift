import ArgumentParser
import Foundation
import LivretCore
import LivretServices
import LivretStore

extension ApprenantCommande {
    /// `livret apprenant importer FICHIER.csv`: all or nothing, every bad line reported.
    struct Importer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importer des apprenants depuis un CSV (en-têtes en français, « ; » ou « , ») : tout ou rien.",
            discussion: """
            Colonnes reconnues : identifiant, prénom, nom, pseudonyme, année de naissance, sexe, qpv, \
            statut social, niveau de diplôme, email, téléphone, consentement suivi, consentement badges, \
            consentement statistiques. Seules les colonnes présentes sont lues. Si une ligne est fausse, \
            rien n'est importé et chaque ligne fautive est signalée.
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "Le fichier CSV.") var fichier: String

        func run() throws {
            let source = try LectureEntree.lire(fichier)
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let depart = try base { () throws(ErreurBase) in try db.prochainNumero() }
            let lignes: [(Apprenant, Consentement?)]
            do {
                lignes = try ImportApprenantsCSV.lire(source.donnees, fichier: fichier, creeLe: jour, creePar: auteur.id!,
                                                      anneeCourante: jour.annee, identifiantSuivant: { Apprenant.identifiantLocal(numero: depart + $0) })
            } catch {
                let n = error.erreurs.count
                throw ErreurUtilisateur("rien n'a été importé : \(Accord.nombre(n, "erreur")) dans « \(fichier) ».\n"
                                        + ListeErreurs.lignes(error.erreurs)
                                        + "\nCorrigez ces lignes puis relancez l'import.")
            }
            let importes = try ServiceApprenants.importer(db: db, lignes)
            Sortie.ligne("\(Accord.nombre(importes.count, "apprenant importé", "apprenants importés")) depuis « \(fichier) ».")
        }
    }
}
