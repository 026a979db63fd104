import Foundation
import LivretCore
import LivretExports
import LivretStore

/// What Livret hands over to La Coop de la médiation numérique: the beneficiary import file.
public enum ServiceCoop {
    /// The beneficiary file's default name: « coop-beneficiaires-AAAA-MM-JJ.xlsx ».
    public static func nomBeneficiaires(jour: Jour) -> String { "coop-beneficiaires-\(jour.description).xlsx" }

    /// The activity file's default name: « coop-activites-DEBUT-FIN.xlsx ».
    public static func nomActivites(du: Jour, au: Jour) -> String { "coop-activites-\(du.description)-\(au.description).xlsx" }

    /// The beneficiaries the file may hold (``ExportBeneficiairesCoop``), in identifier order, and how many
    /// learners stayed out, by reason.
    public static func beneficiaires(db: Base, anneeCourante: Int) throws -> (beneficiaires: [BeneficiaireCoop],
                                                                               exclus: [ExportBeneficiairesCoop.Exclusion: Int]) {
        let apprenants = try base { () throws(ErreurBase) in try db.apprenants() }
        var lignes: [BeneficiaireCoop] = []
        var exclus: [ExportBeneficiairesCoop.Exclusion: Int] = [:]
        for a in apprenants.sorted(by: { $0.identifiant < $1.identifiant }) {
            let consentement = try base { () throws(ErreurBase) in try db.consentement(apprenantId: a.id!) }
            switch ExportBeneficiairesCoop.beneficiaire(a, consentement: consentement, anneeCourante: anneeCourante) {
            case .success(let b): lignes.append(b)
            case .failure(let raison): exclus[raison, default: 0] += 1
            }
        }
        return (lignes, exclus)
    }

    /// The Coop's beneficiary import workbook, and how many learners stayed out by reason. Refused when
    /// nobody may be passed on.
    public static func fichierBeneficiaires(db: Base, jour: Jour) throws -> (donnees: Data, nombre: Int, exclus: [ExportBeneficiairesCoop.Exclusion: Int]) {
        let (lignes, exclus) = try beneficiaires(db: db, anneeCourante: jour.annee)
        guard !lignes.isEmpty else {
            throw ErreurUtilisateur("aucun apprenant ne peut être transmis à La Coop : il faut son accord « coop » (livret apprenant modifier A-0001 --consentement …,coop) et son nom et son prénom.",
                                    interface: "personne à transmettre à La Coop : il faut l'accord « La Coop » de la fiche, et le nom et le prénom.")
        }
        return (try EcritureClasseur.donnees(CoopClasseur.beneficiaires(lignes, date: jour), quoi: "le fichier pour La Coop"), lignes.count, exclus)
    }

    /// The period's activity as the Coop's CRA (``CRACoop``) and its workbook; refused when nothing happened.
    public static func activites(db: Base, catalogue: Catalogue, du: Jour, au: Jour) throws -> (donnees: Data, collectifs: [CRACollectif], individuels: [CRAIndividuel]) {
        guard du <= au else { throw ErreurUtilisateur("la période commence (\(du.francais)) après sa fin (\(au.francais)).") }
        let (seances, accompagnements) = try base { () throws(ErreurBase) in try db.activitesCoop(du: du, au: au) }
        let collectifs = (CRACoop.collectifs(seances: seances, catalogue: catalogue)
            + CRACoop.collectifs(ateliers: accompagnements, catalogue: catalogue)).sorted { $0.date < $1.date }
        let individuels = CRACoop.individuels(accompagnements, catalogue: catalogue)
        guard !collectifs.isEmpty || !individuels.isEmpty else {
            throw ErreurUtilisateur("aucune activité du \(du.francais) au \(au.francais) : ni séance avec des présents, ni accompagnement.")
        }
        return (try EcritureClasseur.donnees(CoopClasseur.activites(collectifs: collectifs, individuels: individuels, du: du, au: au),
                                             quoi: "le fichier pour La Coop"), collectifs, individuels)
    }
}
