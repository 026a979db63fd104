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
        for ligne in rapport.totauxParSexe {
            let miennes = lignes.filter { $0.2 && $0.1.sexe == ligne.sexe }
            let decomptes = miennes.map { Decompte(statut: $0.0.statut, venu: $0.0.bilan.minutesSuivies > 0) }
            let contexte = "\(perimetre.libelle), \(ligne.sexe?.libelle ?? "ensemble")"
            #expect(ligne.inscrits.nombre == miennes.count, "\(contexte)")
            #expect(ligne.commences.nombre == decomptes.filter(\.commence).count, "\(contexte)")
            #expect(ligne.termines.nombre == decomptes.filter(\.termine).count, "\(contexte)")
            #expect(ligne.abandons.nombre == decomptes.filter(\.abandon).count, "\(contexte)")
            #expect(ligne.certifies.nombre == miennes.filter { !$0.0.bilan.competencesCertifiees.isEmpty }.count, "\(contexte)")
            let suivies = miennes.reduce(0) { $0 + $1.0.bilan.minutesSuivies }
            let prevues = miennes.reduce(0) { $0 + $1.0.bilan.heures.minutesPrevuesACeJour }
            #expect(ligne.heuresSuivies == (Double(suivies) / 6).rounded() / 10, "\(contexte)")
            #expect(ligne.heuresPrevues == (Double(prevues) / 6).rounded() / 10, "\(contexte)")
        }
    }
}

/// A generated base written through the same API as the front ends: several cohorts of two
/// parcours, some planning more séances than the parcours, make-up séances after the end,
/// cohorts still running, drop-outs, people who never came, people without consent.
enum BaseGeneree {
    /// Fills `db` and returns the day its figures are to be read at.
    static func remplir(_ db: Base, graine: UInt64) throws -> Jour {
        var h = GenerateurDeterministe(graine: graine)
        let debut = Jour("2024-01-08")!
        let jour = Jour("2024-06-03")!
        try db.initialiser(structure: "Générée \(graine)", formateur: "Formatrice", date: debut)
        let auteur = try db.formateur("Formatrice").id!
        let modeles = [catalogueEmbarque.modeleParcours("femmes-et-numerique")!, catalogueEmbarque.modeleParcours("initiation-smartphone")!]
        var numero = 0
        for k in 0..<8 {
            let modele = modeles[k % 2]
            let parcours = try db.parcours(depuis: modele)
            let debutCohorte = debut.ajout(jours: 14 * k)
            let fin = debutCohorte.ajout(jours: 42)
            let code = "c\(k)"
            _ = try db.creerCohorte(Cohorte(code: code, parcoursId: parcours.id!, titre: "Cohorte \(k)", debut: debutCohorte, fin: fin, creePar: auteur))
            var identifiants: [String] = []
            for _ in 0..<(20 + h.entier(0...29)) {
                numero += 1
                let identifiant = String(format: "A-%04d", numero)
                let apprenant = try db.ajouterApprenant(Apprenant(
                    identifiant: identifiant, prenom: "P\(numero)", anneeNaissance: h.tirage(0.1) ? nil : 1950 + h.entier(0...59),
                    sexe: Sexe.allCases[h.entier(0...3)], qpv: ResidenceQPV.allCases[h.entier(0...ResidenceQPV.allCases.count - 1)],
                    statutSocial: StatutSocial.allCases[h.entier(0...StatutSocial.allCases.count - 1)], creeLe: debut, creePar: auteur))
                // Most agree to everything; some to nothing but the follow-up; some gave no consent at all.
                if !h.tirage(0.05) {
                    try db.enregistrerConsentement(Consentement(apprenantId: apprenant.id!, date: debut, suivi: true, badges: h.tirage(0.5),
                                                                statistiques: !h.tirage(0.1), auteurId: auteur))
                }
                identifiants.append(identifiant)
            }
            try db.inscrire(identifiants: identifiants, cohorte: code, auteurId: auteur, date: debutCohorte)
            // Séances: the parcours' hours, sometimes more; a make-up séance after the end; later ones not held yet.
            let nombre = (modele.duree.heures * 60 / 150).rounded(.up) + (k % 3 == 0 ? 4 : 0)
            var seances: [Seance] = []
            for s in 0..<Int(nombre) {
                let date = debutCohorte.ajout(jours: min(42, s * 42 / max(1, Int(nombre) - 1)))
                seances.append(try db.ajouterSeance(cohorte: code, date: date, minutesPrevues: 90 + 30 * h.entier(0...2), theme: nil, auteurId: auteur))
            }
            if k % 4 == 1 {
                seances.append(try db.ajouterSeance(cohorte: code, date: fin.ajout(jours: 3), minutesPrevues: 120, theme: "Rattrapage",
                                                    horsDates: true, auteurId: auteur))
            }
            let jamais = Set(identifiants.filter { _ in h.tirage(0.1) })
            let assidus = Set(identifiants.filter { _ in h.tirage(0.7) })
            for seance in seances where seance.date <= jour {
                if h.tirage(0.1) && seance.date == jour { continue }
                let lignes: [(identifiant: String, statut: StatutPresence, minutes: Int?)] = identifiants.compactMap { id in
                    if jamais.contains(id) { return h.tirage(0.5) ? (id, .absent, nil) : nil }
                    if assidus.contains(id) || h.tirage(0.5) {
                        return (id, .present, h.tirage(0.2) ? 1 + h.entier(0...seance.minutesPrevues - 1) : nil)
                    }
                    return (id, h.tirage(0.5) ? .excuse : .absent, nil)
                }
                if !lignes.isEmpty { try db.saisirPresences(seanceId: seance.id!, lignes, auteurId: auteur, date: seance.date) }
            }
            // Outcomes: drop-outs, then « terminé » where the critère is met (or with a motif), for finished cohorts.
            for identifiant in identifiants {
                let actuel = try db.dossier(identifiant, catalogue: catalogueEmbarque, au: jour).inscriptions.first { $0.cohorte == code }!
                if h.tirage(0.12) {
                    try db.changerStatut(apprenant: identifiant, cohorte: code, statut: .abandon, motif: ["déménagement", "emploi", "santé"][h.entier(0...2)],
                                         sortie: h.tirage(0.3) ? .emploi : nil, auteurId: auteur, date: min(jour, fin))
                } else if fin < jour, actuel.statut == .enCours {
                    let motif = actuel.bilan.critere.atteint ? nil : (h.tirage(0.5) ? "assidue malgré un arrêt maladie" : nil)
                    if actuel.bilan.critere.atteint || motif != nil {
                        try db.changerStatut(apprenant: identifiant, cohorte: code, statut: .termine, motif: motif,
                                             sortie: h.tirage(0.2) ? .formation : nil, auteurId: auteur, date: fin)
                    }
                }
                if h.tirage(0.15), let a = try? db.apprenant(identifiant), try db.consentement(apprenantId: a.id!)?.suivi == true {
                    let niveaux = Dictionary(uniqueKeysWithValues: ["1.1", "2.1", "3.1", "4.1", "5.1"].map { ($0, h.entier(0...2)) })
                    _ = try db.enregistrerCertification(CertificationPix(apprenantId: a.id!, code: nil, date: min(jour, fin), score: 200 + h.entier(0...199),
                                                                         palier: 1, niveaux: niveaux, auteurId: auteur))
                }
            }
        }
        return jour
    }
}
