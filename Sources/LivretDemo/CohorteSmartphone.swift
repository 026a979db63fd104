import LivretCore
import LivretStore

/// The cohort "smartphone-2024": a short, mixed initiation — eight learners of every age band,
/// six Wednesday séances of 2 h, two drop-outs (one back to work).
enum CohorteSmartphone {
    static let code = "smartphone-2024"
    static let debut = Demo.jour(2024, 1, 10)

    /// The eight learners (invented).
    static let apprenants: [(prenom: String?, nom: String?, pseudonyme: String?, annee: Int, sexe: Sexe, qpv: ResidenceQPV,
                             statut: StatutSocial, email: String?)] = [
        ("Lucas", "Moreau", nil, 2008, .masculin, .oui, .scolarise, nil),
        ("Jeanine", "Lambert", nil, 1952, .feminin, .non, .retraite, nil),
        ("Gérard", "Petit", nil, 1955, .masculin, .nonCommunique, .retraite, "gerard.petit@exemple.fr"),
        (nil, nil, "Sam", 1990, .autre, .oui, .sansEmploi, "sam@exemple.fr"),
        ("Odile", "Fontaine", nil, 1958, .feminin, .non, .retraite, nil),
        ("Karim", "Bensaïd", nil, 1985, .masculin, .oui, .sansEmploi, nil),
        ("Claude", "Roussel", nil, 1963, .nonCommunique, .nonCommunique, .nonCommunique, nil),
        ("Inès", "Mercier", nil, 1975, .feminin, .oui, .enEmploi, nil),
    ]

    /// Séance themes with the APTIC items they work on.
    static let seances: [(theme: String, items: [String])] = [
        ("Les gestes de l'écran tactile", ["77"]),
        ("Les fonctionnalités de base", ["78"]),
        ("Réglages et configuration", ["80"]),
        ("Télécharger une application", ["79"]),
        ("Les applications clés", ["76"]),
        ("Android et iOS : s'y retrouver", ["74", "75"]),
    ]

    /// Drop-outs: learner index → (last séance attended, motif).
    static let abandons: [Int: (derniere: Int, motif: String)] = [7: (1, "déménagement"), 5: (2, "reprise d'emploi")]

    static func remplir(_ base: Base, catalogue: Catalogue, formateurs: (Int64, Int64),
                        generateur: inout GenerateurDeterministe, compteur: inout Compteur) throws {
        guard let modele = catalogue.modeleParcours("initiation-smartphone") else {
            throw ErreurDemo(message: "le modèle de parcours « initiation-smartphone » manque au catalogue.")
        }
        let (julien, nadia) = formateurs
        let parcours = try base.parcours(depuis: modele)
        // Planned until early April: the demo's day (04/03/2024) falls inside it, so a séance of the day can be added.
        let fin = debut.ajout(jours: 84)
        _ = try base.creerCohorte(Cohorte(code: code, parcoursId: parcours.id!, titre: "Initiation au smartphone — hiver 2024",
                                          debut: debut, fin: fin, creePar: julien))

        let creation = Demo.jour(2024, 1, 8)
        let premier = compteur.apprenants + 1
        let lignes = apprenants.enumerated().map { index, a in
            (Apprenant(identifiant: CohorteFemmesEtNumerique.identifiant(premier + index), prenom: a.prenom, nom: a.nom,
                       pseudonyme: a.pseudonyme, anneeNaissance: a.annee, sexe: a.sexe, qpv: a.qpv, statutSocial: a.statut,
                       email: a.email, creeLe: creation, creePar: julien),
             Consentement(apprenantId: 0, date: creation, suivi: true, badges: a.email != nil, statistiques: index != 6, auteurId: julien))
        }
        let inscrits = try base.importerApprenants(lignes)
        compteur.apprenants += inscrits.count
        try base.inscrire(identifiants: inscrits.map(\.identifiant), cohorte: code, auteurId: julien, date: creation)

        for apprenant in inscrits {
            try base.enregistrerPositionnement(Positionnement(
                apprenantId: apprenant.id!, date: debut, auteurId: julien,
                eurostat: IndicateurEurostat(information: generateur.entier(0...1), communication: generateur.entier(0...1),
                                             resolution: 0, logiciels: generateur.entier(0...1))))
        }

        // One learner who stays misses one séance, excused.
        var manquees: [Int: Int] = [:]
        for index in inscrits.indices where abandons[index] == nil && generateur.tirage(0.4) {
            manquees[index] = generateur.entier(1...5)
        }
        var preuves: [Preuve] = []
        for (k, prevue) in seances.enumerated() {
            let date = debut.ajout(jours: 7 * k)
            let auteur = k == 3 ? nadia : julien
            let seance = try base.ajouterSeance(cohorte: code, date: date, minutesPrevues: 120, theme: prevue.theme, auteurId: auteur)
            compteur.seances += 1
            var saisies: [(identifiant: String, statut: StatutPresence, minutes: Int?)] = []
            for (index, apprenant) in inscrits.enumerated() {
                if let abandon = abandons[index], k > abandon.derniere { continue }
                if manquees[index] == k {
                    saisies.append((apprenant.identifiant, .excuse, nil))
                    continue
                }
                saisies.append((apprenant.identifiant, .present, nil))
                for item in prevue.items {
                    preuves.append(Preuve(apprenantId: apprenant.id!, referentiel: .aptic, code: item, niveau: .suivi, date: date, auteurId: auteur))
                }
            }
            try base.saisirPresences(seanceId: seance.id!, saisies, auteurId: auteur, date: date)
            compteur.presences += saisies.count
        }

        // Statuses, outcomes and what the learners can now do alone.
        let derniere = debut.ajout(jours: 35)
        for (index, apprenant) in inscrits.enumerated() {
            if index == 1 || index == 3 {
                preuves.append(Preuve(apprenantId: apprenant.id!, referentiel: .aptic, code: "77", niveau: .declaratif, date: debut,
                                      auteurId: julien, note: "Dit savoir déjà utiliser l'écran tactile."))
            }
            if let abandon = abandons[index] {
                let date = debut.ajout(jours: 7 * (abandon.derniere + 1))
                try base.changerStatut(apprenant: apprenant.identifiant, cohorte: code, statut: .abandon, motif: abandon.motif,
                                       auteurId: julien, date: date)
                if abandon.motif == "reprise d'emploi" {
                    try base.enregistrerSortie(apprenant: apprenant.identifiant, cohorte: code, type: .emploi,
                                               note: "Contrat de six mois comme agent de production.", auteurId: julien, date: date)
                }
                continue
            }
            for item in ["77", "78"] + (generateur.tirage(0.5) ? ["79"] : []) {
                preuves.append(Preuve(apprenantId: apprenant.id!, referentiel: .aptic, code: item, niveau: .autonomie, date: derniere,
                                      auteurId: julien, note: "Fait seul(e) pendant la dernière séance."))
            }
            try base.changerStatut(apprenant: apprenant.identifiant, cohorte: code, statut: .termine, auteurId: julien, date: derniere)
        }
        try base.ajouterPreuves(preuves)
        compteur.preuves += preuves.count
    }
}
