import Foundation
import LivretCore
import LivretServices
import LivretStore
import LivretTestSupport
import LivretTUI
import Testing

/// One rule, one place: on the demo and on generated bases, every inscription's status, hours,
/// rates and critère are the same in the dashboard, the learner file, the terminal UI and the
/// funder report, whose counts by sex are exactly the sums of the learner files.
@Suite("Les mêmes chiffres partout")
struct CoherenceChiffresTests {
    @Test("Base de démonstration")
    func demo() throws {
        let banc = try Banc()
        try verifier(db: try banc.db, poste: banc.poste, jour: Banc.jour)
    }

    @Test("Bases générées : séances en trop, après la fin, abandons, personnes jamais venues, sans accord", arguments: [1, 2, 3] as [UInt64])
    func generee(graine: UInt64) throws {
        let banc = try Banc(demo: false)
        let db = try Base(chemin: banc.cheminBase)
        let jour = try BaseGeneree.remplir(db, graine: graine)
        let poste = try Poste(cheminBase: banc.cheminBase, catalogue: catalogueEmbarque, dossierCles: banc.dossierCles,
                              dossierExports: banc.dossierExports.path, nomFormateur: "Formatrice", jour: jour)
        try verifier(db: db, poste: poste, jour: jour)
    }

    /// Everything computed four ways, compared.
    func verifier(db: Base, poste: Poste, jour: Jour) throws {
        let executeur = Executeur(poste: poste)
        guard case .accueil(_, let resumes) = executeur.executer(.accueil) else { Issue.record("accueil"); return }
        var parParcours: [String: [(LigneTableauDeBord, Apprenant, Bool)]] = [:]
        var tout: [(LigneTableauDeBord, Apprenant, Bool)] = []
        for cohorte in try db.cohortes() {
            let lignes = try db.tableauDeBord(cohorte: cohorte.code, catalogue: catalogueEmbarque, au: jour)
            // The terminal UI shows the same lines.
            guard case .cohorte(_, _, let ecran) = executeur.executer(.cohorte(cohorte.code)) else { Issue.record("cohorte"); return }
            #expect(ecran.map(\.bilan) == lignes.map(\.bilan))
            #expect(ecran.map(\.statut) == lignes.map(\.statut))
            var lignesCohorte: [(LigneTableauDeBord, Apprenant, Bool)] = []
            for ligne in lignes {
                // The learner file says the same of this inscription.
                let dossier = try db.dossier(ligne.identifiant, catalogue: catalogueEmbarque, au: jour)
                let inscription = try #require(dossier.inscriptions.first { $0.cohorte == cohorte.code })
                #expect(inscription.statut == ligne.statut, "\(ligne.identifiant) \(cohorte.code)")
                #expect(inscription.bilan == ligne.bilan, "\(ligne.identifiant) \(cohorte.code)")
                let compte = UsageDonnees.statistiques.autorise(dossier.consentements.last)
                lignesCohorte.append((ligne, dossier.apprenant, compte))
            }
            // The home screen's counts and assiduité.
            let resume = try #require(resumes.first { $0.code == cohorte.code })
            #expect(resume.inscrits == lignes.count)
            #expect(resume.termines == lignes.filter { Decompte(statut: $0.statut, venu: $0.bilan.minutesSuivies > 0).termine }.count)
            #expect(resume.abandons == lignes.filter { $0.statut == .abandon }.count)
            #expect(resume.minutesSuivies == lignes.reduce(0) { $0 + $1.bilan.minutesSuivies })
            #expect(lignes.allSatisfy { $0.bilan.heures.minutesPrevuesACeJour == resume.heures.minutesPrevuesACeJour })
            try comparerRapport(.cohorte(cohorte.code), lignesCohorte, db: db, jour: jour)
            let parcours = try db.parcours(id: cohorte.parcoursId)
            parParcours[parcours.code, default: []] += lignesCohorte
            tout += lignesCohorte
        }
        for (code, lignes) in parParcours { try comparerRapport(.parcours(code), lignes, db: db, jour: jour) }
        try comparerRapport(.structure, tout, db: db, jour: jour)
    }

    /// The report of `perimetre`, unmasked, against the sums of the learner files by sex.
    func comparerRapport(_ perimetre: PerimetreRapport, _ lignes: [(LigneTableauDeBord, Apprenant, Bool)], db: Base, jour: Jour) throws {
        let rapport = try ServiceRapport.synthese(db: db, catalogue: catalogueEmbarque, perimetre: perimetre, anneeReference: jour.annee,
                                                  seuil: nil, jour: jour)
        #expect(rapport.horsStatistiques == lignes.filter { !$0.2 }.count, "\(perimetre.libelle)")
        for ligne in rapport.totauxParSexe + [rapport.total] {
            let miennes = lignes.filter { $0.2 && (ligne.sexe == nil || $0.1.sexe == ligne.sexe) }
            let decomptes = miennes.map { Decompte(statut: $0.0.statut, venu: $0.0.bilan.minutesSuivies > 0) }
            let contexte = "\(perimetre.libelle), \(ligne.sexe?.libelle ?? "ensemble")"
            #expect(ligne.inscrits.nombre == miennes.count, "\(contexte)")
            #expect(ligne.commences.nombre == decomptes.filter(\.commence).count, "\(contexte)")
            #expect(ligne.termines.nombre == decomptes.filter(\.termine).count, "\(contexte)")
            #expect(ligne.abandons.nombre == decomptes.filter(\.abandon).count, "\(contexte)")
            #expect(ligne.certifies.nombre == miennes.filter { !$0.0.bilan.competencesCertifiees.isEmpty }.count, "\(contexte)")
            let suivies = miennes.reduce(0) { $0 + $1.0.bilan.minutesSuivies }
            let prevues = miennes.reduce(0) { $0 + $1.0.bilan.heures.minutesPrevuesACeJour }
            // Hours are published on « ensemble » only.
            #expect(ligne.heuresSuivies == (ligne.sexe == nil ? (Double(suivies) / 6).rounded() / 10 : nil), "\(contexte)")
            #expect(ligne.heuresPrevues == (ligne.sexe == nil ? (Double(prevues) / 6).rounded() / 10 : nil), "\(contexte)")
        }
    }
}
