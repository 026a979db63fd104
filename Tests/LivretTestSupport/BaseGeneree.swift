import Foundation
import LivretCore
import LivretStore

/// A generated base written through the same API as the front ends: several cohorts of two
/// parcours, some planning more séances than the parcours, make-up séances after the end,
/// cohorts still running, drop-outs, people who never came, people without consent.
public enum BaseGeneree {
    /// Fills `db` and returns the day its figures are to be read at.
    public static func remplir(_ db: Base, graine: UInt64) throws -> Jour {
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
