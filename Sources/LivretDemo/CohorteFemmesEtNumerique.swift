import LivretCore
import LivretStore

/// The cohort "fen-2023": the Femmes et Numérique story of seed 003 — eleven women, 67 h over six weeks
/// (Monday, Tuesday, Thursday, Friday from 6 March 2023), all certified by Pix.
enum CohorteFemmesEtNumerique {
    static let code = "fen-2023"
    static let debut = Demo.jour(2023, 3, 6)
    static let fin = Demo.jour(2023, 4, 14)

    /// The eleven participants (invented): prénom, nom, pseudonyme, année, QPV, statut, e-mail, diplôme.
    static let participantes: [(prenom: String?, nom: String?, pseudonyme: String?, annee: Int, qpv: ResidenceQPV,
                                 statut: StatutSocial, email: String?, diplome: String?)] = [
        ("Samira", "Haddad", nil, 1979, .oui, .sansEmploi, "samira.haddad@exemple.fr", "CAP"),
        ("Fatou", "Diallo", nil, 1988, .oui, .sansEmploi, nil, "Baccalauréat"),
        ("Christelle", "Lefebvre", nil, 1972, .non, .enEmploi, "c.lefebvre@exemple.fr", "BEP"),
        (nil, nil, "Hirondelle", 1994, .oui, .sansEmploi, nil, nil),
        ("Nathalie", "Dubois", nil, 1968, .non, .sansEmploi, "nathalie.dubois@exemple.fr", "Baccalauréat"),
        ("Yasmina", "Benkhaled", nil, 1985, .oui, .sansEmploi, "yasmina.b@exemple.fr", "BTS"),
        ("Sandrine", "Vandamme", nil, 1976, .nonCommunique, .sansEmploi, nil, "CAP"),
        (nil, nil, "Camomille", 2000, .oui, .sansEmploi, "camomille@exemple.fr", nil),
        ("Mélanie", "Carpentier", nil, 1991, .non, .enEmploi, nil, "Bac pro"),
        ("Aminata", "Traoré", nil, 1983, .oui, .sansEmploi, "aminata.traore@exemple.fr", "Brevet"),
        ("Isabelle", "Deschamps", nil, 1970, .non, .nonCommunique, "isabelle.d@exemple.fr", "Licence"),
    ]

    static let themes = [
        "Diagnostic de niveau", "Clavier, souris et bureau Windows", "Messagerie : organiser ses e-mails",
        "Rechercher une information fiable", "Traitement de texte : la lettre", "Traitement de texte : le CV",
        "Tableur : premiers pas", "Tableur : le budget des vacances en famille", "Tableur : formules et graphiques",
        "Organiser des vacances : réserver en ligne", "Stocker et partager ses documents", "Calendrier partagé : le pot de départ",
        "Graphisme : l'affiche du pot de départ", "Mise en page d'un document", "Sites de recherche d'emploi",
        "Candidater en ligne", "Organiser sa recherche d'emploi", "Sécurité : mots de passe et arnaques",
        "Démarches en ligne", "Entraînement Pix : information et données", "Entraînement Pix : communication",
        "Entraînement Pix : création de contenus", "Entraînement Pix : examen blanc", "Certification Pix",
    ]

    /// 24 séances: 20 of 2 h 45 and 4 of 3 h, 4 020 minutes = 67 h.
    static func calendrier() -> [(date: Jour, minutes: Int, theme: String)] {
        var seances: [(Jour, Int, String)] = []
        for semaine in 0..<6 {
            for decalage in [0, 1, 3, 4] {
                let k = seances.count
                let minutes = [3, 11, 19, 23].contains(k) ? 180 : 165
                seances.append((debut.ajout(jours: semaine * 7 + decalage), minutes, themes[k]))
            }
        }
        return seances
    }

    static func remplir(_ base: Base, catalogue: Catalogue, formateurs: (Int64, Int64),
                        generateur: inout GenerateurDeterministe, compteur: inout Compteur) throws {
        guard let modele = catalogue.modeleParcours("femmes-et-numerique") else {
            throw ErreurDemo(message: "le modèle de parcours « femmes-et-numerique » manque au catalogue.")
        }
        let (nadia, julien) = formateurs
        let parcours = try base.parcours(depuis: modele)
        _ = try base.creerCohorte(Cohorte(code: code, parcoursId: parcours.id!, titre: "Femmes et Numérique — printemps 2023",
                                          debut: debut, fin: fin, creePar: nadia))

        // Learners, with their consent.
        let creation = Demo.jour(2023, 3, 1)
        let lignes = participantes.enumerated().map { index, p in
            (Apprenant(identifiant: identifiant(index + 1), prenom: p.prenom, nom: p.nom, pseudonyme: p.pseudonyme,
                       anneeNaissance: p.annee, sexe: .feminin, qpv: p.qpv, statutSocial: p.statut, niveauDiplome: p.diplome,
                       email: p.email, creeLe: creation, creePar: nadia),
             Consentement(apprenantId: 0, date: creation, suivi: true, badges: p.email != nil, statistiques: true, auteurId: nadia))
        }
        let apprenants = try base.importerApprenants(lignes)
        compteur.apprenants += apprenants.count
        try base.inscrire(identifiants: apprenants.map(\.identifiant), cohorte: code, auteurId: nadia, date: creation)

        // Séances and attendance: a few excused or absent, never below 80 %.
        let calendrier = calendrier()
        var absences: [[Int: StatutPresence]] = []
        var retards: [Int?] = []
        for _ in apprenants {
            var manquees: [Int: StatutPresence] = [:]
            let nombre = generateur.entier(0...3)
            while manquees.count < nombre {
                manquees[generateur.entier(1...22)] = generateur.tirage(0.6) ? .excuse : .absent
            }
            absences.append(manquees)
            retards.append(generateur.tirage(0.3) ? generateur.entier(1...22) : nil)
        }
        for (k, prevue) in calendrier.enumerated() {
            let auteur = k % 2 == 0 ? nadia : julien
            let seance = try base.ajouterSeance(cohorte: code, date: prevue.date, minutesPrevues: prevue.minutes, theme: prevue.theme, auteurId: auteur)
            compteur.seances += 1
            let saisies: [(identifiant: String, statut: StatutPresence, minutes: Int?)] = apprenants.enumerated().map { i, a in
                if let statut = absences[i][k] { return (a.identifiant, statut, nil) }
                if retards[i] == k, absences[i][k] == nil { return (a.identifiant, .present, prevue.minutes - 30) }
                return (a.identifiant, .present, nil)
            }
            try base.saisirPresences(seanceId: seance.id!, saisies, auteurId: auteur, date: prevue.date)
            compteur.presences += saisies.count
        }

        let pix = catalogue.pix
        let alphabet = Array(pix.certification.codeVerification.alphabet)
        var codes: Set<String> = []
        let competences = modele.cibles.pix.map(\.competence)
        let items = modele.cibles.aptic

        for (i, apprenant) in apprenants.enumerated() {
            let id = apprenant.id!
            // Diagnostic at the start.
            var niveauxDepart: [String: Int] = [:]
            for competence in competences { niveauxDepart[competence] = generateur.entier(0...1) }
            try base.enregistrerPositionnement(Positionnement(
                apprenantId: id, date: debut, auteurId: nadia,
                eurostat: IndicateurEurostat(information: generateur.entier(1...2), communication: generateur.entier(1...2),
                                             resolution: generateur.entier(0...1), logiciels: generateur.entier(0...2)),
                niveaux: competences.map { Positionnement.Niveau(referentiel: .pix, code: $0, niveau: niveauxDepart[$0]!) }))
            try base.enregistrerProfilPix(ProfilPix(apprenantId: id, date: debut, source: "saisie", niveaux: niveauxDepart,
                                                    pix: pixDe(niveauxDepart, &generateur)))

            // Before certification: certifiable (≥ 5 competences at level ≥ 1).
            var niveauxAvant: [String: Int] = [:]
            for cible in modele.cibles.pix { niveauxAvant[cible.competence] = cible.niveauVise + generateur.entier(0...1) }
            niveauxAvant["2.2"] = generateur.entier(1...2)
            try base.enregistrerProfilPix(ProfilPix(apprenantId: id, date: calendrier[22].date, source: "saisie", niveaux: niveauxAvant,
                                                    pix: pixDe(niveauxAvant, &generateur)))

            // The certification.
            var codeCertification: String
            repeat {
                codeCertification = pix.certification.codeVerification.prefixe
                    + String((0..<pix.certification.codeVerification.longueur).map { _ in alphabet[generateur.entier(0...(alphabet.count - 1))] })
            } while !codes.insert(codeCertification).inserted
            let score = generateur.entier(260...520)
            guard let palier = pix.palier(pourScore: score) else { throw ErreurDemo(message: "aucun palier Pix pour le score \(score).") }
            var certifies: [String: Int] = [:]
            for (competence, niveau) in niveauxAvant.sorted(by: { $0.key < $1.key }) {
                certifies[competence] = max(0, niveau - generateur.entier(0...1))
            }
            let dateCertification = calendrier[23].date
            try base.enregistrerCertification(CertificationPix(
                apprenantId: id, code: codeCertification, date: dateCertification, centre: "Centre agréé Pix de la Grand-Place (démo)",
                score: score, palier: palier.palier, niveaux: certifies, auteurId: nadia))
            compteur.certifications += 1

            // Evidence at every level.
            var preuves: [Preuve] = []
            for decalage in 0..<3 {
                preuves.append(Preuve(apprenantId: id, referentiel: .aptic, code: items[(i + decalage) % items.count], niveau: .declaratif,
                                      date: debut, auteurId: nadia, note: "Dit savoir le faire lors du diagnostic."))
            }
            for (j, item) in items.enumerated() {
                let k = 1 + j * 20 / items.count
                if absences[i][k] == nil {
                    preuves.append(Preuve(apprenantId: id, referentiel: .aptic, code: item, niveau: .suivi,
                                          date: calendrier[k].date, auteurId: k % 2 == 0 ? nadia : julien))
                }
                if generateur.tirage(0.7) {
                    let plusTard = min(22, k + 6)
                    preuves.append(Preuve(apprenantId: id, referentiel: .aptic, code: item, niveau: .autonomie,
                                          date: calendrier[plusTard].date, auteurId: julien, note: "Fait seule, sans aide."))
                }
            }
            for (j, competence) in competences.enumerated() {
                preuves.append(Preuve(apprenantId: id, referentiel: .pix, code: competence, niveau: .suivi,
                                      date: calendrier[19 + j % 3].date, auteurId: julien, note: "Entraînement Pix accompagné."))
                if j < 2 {
                    preuves.append(Preuve(apprenantId: id, referentiel: .pix, code: competence, niveau: .autonomie,
                                          date: calendrier[22].date, auteurId: julien, note: "Examen blanc réussi seule."))
                }
            }
            for (competence, niveau) in certifies.sorted(by: { $0.key < $1.key }) where niveau >= 1 {
                preuves.append(Preuve(apprenantId: id, referentiel: .pix, code: competence, niveau: .certifie,
                                      date: dateCertification, auteurId: nadia,
                                      note: "Certification Pix \(codeCertification), niveau \(niveau)."))
            }
            try base.ajouterPreuves(preuves)
            compteur.preuves += preuves.count

            // End of the parcours.
            try base.changerStatut(apprenant: apprenant.identifiant, cohorte: code, statut: .termine, auteurId: nadia, date: dateCertification)
            try base.enregistrerSortie(apprenant: apprenant.identifiant, cohorte: code, type: .certification,
                                       note: "Certification Pix obtenue : \(score) pix, palier « \(palier.libelle) ».",
                                       auteurId: nadia, date: dateCertification)
        }
        try base.cloturerCohorte(code, auteurId: nadia, date: fin)
    }

    /// Pix for each level, drawn in competence order (a dictionary's own order changes between runs).
    static func pixDe(_ niveaux: [String: Int], _ generateur: inout GenerateurDeterministe) -> [String: Int] {
        var pix: [String: Int] = [:]
        for (competence, niveau) in niveaux.sorted(by: { $0.key < $1.key }) { pix[competence] = niveau * 8 + generateur.entier(0...7) }
        return pix
    }

    static func identifiant(_ numero: Int) -> String {
        Apprenant.identifiantLocal(numero: numero)
    }
}
