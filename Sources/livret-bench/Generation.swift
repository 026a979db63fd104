import LivretCore
import LivretStore

/// What the generator produced, for the query timings.
struct Donnees {
    var identifiants: [String] = []
    var cohortes: [String] = []
}

/// The synthetic national-scale population: deterministic for a given seed.
struct Generateur {
    let options: Options
    /// Cohorts go to each parcours in turn (a structure runs several: its reports are protected together).
    let parcoursIds: [Int64]
    let formateurId: Int64
    let codesAptic: [String]
    let codesPix: [String]
    let pix: ReferentielPix
    var hasard: Hasard

    /// The first cohort starts on this Monday; cohorts spread over two years.
    static let origine = Jour(annee: 2024, mois: 9, jour: 2)!
    static let seancesParCohorte = 24
    static let niveauxPreuve: [(NiveauPreuve, Int)] = [(.declaratif, 30), (.suivi, 40), (.autonomie, 25), (.certifie, 5)]
    static let statutsPresence: [(StatutPresence, Int)] = [(.present, 80), (.excuse, 8), (.absent, 12)]

    static let prenoms = ["Amina", "Fatou", "Nadia", "Sophie", "Marie", "Leïla", "Chantal", "Yasmine", "Claire", "Aïcha",
                          "Karim", "Jean", "Mohamed", "Pierre", "Sami", "Lucie", "Inès", "Monique", "Josiane", "Awa"]
    static let noms = ["Martin", "Bernard", "Diallo", "Nguyen", "Haddad", "Petit", "Durand", "Benali", "Traoré", "Moreau",
                       "Lefebvre", "Mendy", "Garcia", "Roux", "Fournier", "Kone", "Mercier", "Bouzid", "Faure", "Lambert"]
    static let themes = ["Allumer et prendre en main", "Clavier et souris", "Internet", "Messagerie", "Démarches en ligne",
                         "Sécurité", "Smartphone", "Visio", "Ameli et CAF", "France Travail", "Photos", "Bilan"]

    init(options: Options, parcoursIds: [Int64], formateurId: Int64, catalogue: Catalogue) {
        self.options = options
        self.parcoursIds = parcoursIds
        self.formateurId = formateurId
        codesAptic = catalogue.apticBase.items.filter { !$0.estRetire }.map(\.code)
        codesPix = catalogue.pix.competences.map(\.code)
        pix = catalogue.pix
        hasard = Hasard(graine: options.graine)
    }

    static func identifiant(_ i: Int) -> String { Apprenant.identifiantLocal(numero: i) }

    static func codeCohorte(_ c: Int) -> String {
        var chiffres = String(c)
        while chiffres.count < 5 { chiffres = "0" + chiffres }
        return "FN-" + chiffres
    }

    func debut(cohorte c: Int) -> Jour {
        // Mondays, spread over ~2 years.
        Self.origine.ajout(jours: 7 * (c * 104 / max(1, options.cohortes)))
    }

    // MARK: learners

    mutating func apprenants(_ chargeur: ChargeurLots, _ donnees: inout Donnees) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(options.apprenants)
        for i in 1...options.apprenants {
            let identifiant = Self.identifiant(i)
            let anonyme = hasard.chance(0.12)
            let sexe = hasard.pondere([(Sexe.feminin, 72), (.masculin, 20), (.autre, 2), (.nonCommunique, 6)])
            let annee: Int? = hasard.chance(0.08) ? nil
                : hasard.pondere([(1940...1954, 15), (1955...1969, 30), (1970...1989, 35), (1990...2008, 20)]).randomElement(&hasard)
            let apprenant = Apprenant(
                identifiant: identifiant,
                prenom: anonyme ? nil : hasard.element(Self.prenoms),
                nom: anonyme ? nil : hasard.element(Self.noms),
                pseudonyme: anonyme ? "Pseudo\(i)" : nil,
                anneeNaissance: annee,
                sexe: sexe,
                qpv: hasard.pondere([(ResidenceQPV.oui, 35), (.non, 50), (.nonCommunique, 15)]),
                statutSocial: hasard.pondere([(StatutSocial.sansEmploi, 45), (.retraite, 22), (.enEmploi, 18), (.scolarise, 4), (.nonCommunique, 11)]),
                niveauDiplome: hasard.chance(0.5) ? hasard.element(["aucun", "CAP-BEP", "bac", "bac+2", "bac+3 et plus"]) : nil,
                email: hasard.chance(0.3) ? "apprenant\(i)@exemple.fr" : nil,
                creeLe: debut(cohorte: (i - 1) % options.cohortes).ajout(jours: -7),
                creePar: formateurId)
            let id = try chargeur.apprenant(apprenant)
            ids.append(id)
            try chargeur.consentement(Consentement(apprenantId: id, date: apprenant.creeLe, suivi: true,
                                                   badges: hasard.chance(0.6), statistiques: hasard.chance(0.9), auteurId: formateurId))
            donnees.identifiants.append(identifiant)
        }
        return ids
    }

    // MARK: cohorts and séances

    /// Returns, per cohort, its id and séances (id, date, minutes).
    mutating func cohortes(_ chargeur: ChargeurLots, _ donnees: inout Donnees) throws -> [(id: Int64, seances: [(Int64, Jour, Int)])] {
        var resultat: [(id: Int64, seances: [(Int64, Jour, Int)])] = []
        for c in 0..<options.cohortes {
            let debut = debut(cohorte: c)
            let code = Self.codeCohorte(c + 1)
            let id = try chargeur.cohorte(Cohorte(code: code, parcoursId: parcoursIds[c % parcoursIds.count], titre: "Groupe \(c + 1)",
                                                  debut: debut, fin: debut.ajout(jours: 7 * Self.seancesParCohorte), creePar: formateurId))
            var seances: [(Int64, Jour, Int)] = []
            for s in 0..<Self.seancesParCohorte {
                let date = debut.ajout(jours: 7 * s + hasard.entier(3))
                let minutes = hasard.pondere([(150, 25), (165, 50), (180, 25)])
                let sid = try chargeur.seance(Seance(cohorteId: id, date: date, minutesPrevues: minutes,
                                                     theme: Self.themes[s % Self.themes.count], creePar: formateurId))
                seances.append((sid, date, minutes))
            }
            resultat.append((id, seances))
            donnees.cohortes.append(code)
        }
        return resultat
    }

    // MARK: inscriptions, attendance

    /// Each learner in one cohort (3 % in a second one). Attendance is typed for the séances already held,
    /// enough of them to reach `--presences` rows overall (the later séances are still to come).
    mutating func inscriptionsEtPresences(_ chargeur: ChargeurLots, apprenants: [Int64],
                                          cohortes: [(id: Int64, seances: [(Int64, Jour, Int)])],
                                          chronoPresences: inout Double) throws {
        var membres = Array(repeating: [Int64](), count: cohortes.count)
        for (i, id) in apprenants.enumerated() {
            membres[i % cohortes.count].append(id)
            if hasard.chance(0.03) && cohortes.count > 1 { membres[(i + 1 + hasard.entier(cohortes.count - 1)) % cohortes.count].append(id) }
        }
        // "Today" is the first week by which the séances already held reach the `--presences` target:
        // the oldest cohorts are finished, the recent ones under way, the last ones still to start.
        let semaines = (0..<cohortes.count).map { (debut(cohorte: $0).numero - Self.origine.numero) / 7 }
        func tenues(_ c: Int, _ aujourdhui: Int) -> Int { max(0, min(Self.seancesParCohorte, aujourdhui - semaines[c])) }
        var aujourdhui = 0
        while aujourdhui < (semaines.last ?? 0) + Self.seancesParCohorte {
            let total = membres.indices.reduce(0) { $0 + membres[$1].count * tenues($1, aujourdhui) }
            if total >= options.presences { break }
            aujourdhui += 1
        }
        for (c, cohorte) in cohortes.enumerated() {
            let k = tenues(c, aujourdhui)
            let terminee = k == Self.seancesParCohorte
            var minutes: [Int64: Int] = [:]
            let debutPresences = Chrono.horloge.now
            for (sid, _, prevues) in cohorte.seances.prefix(k) {
                for a in membres[c] {
                    let statut = hasard.pondere(Self.statutsPresence)
                    let m = statut == .present ? (hasard.chance(0.85) ? prevues : hasard.entier(30...prevues)) : 0
                    try chargeur.presence(Presence(seanceId: sid, apprenantId: a, statut: statut, minutes: m, auteurId: formateurId), cohorteId: cohorte.id)
                    if statut == .present { minutes[a, default: 0] += m }
                }
            }
            chronoPresences += Chrono.secondes(Chrono.horloge.now - debutPresences)
            let debut = cohorte.seances[0].1
            let premiere = k > 0 ? cohorte.seances[0].1 : debut
            let derniere = k > 0 ? cohorte.seances[k - 1].1 : debut
            for a in membres[c] {
                var etapes: [(statut: StatutInscription, date: Jour, motif: String?)] = [(.inscrit, debut.ajout(jours: -7), nil)]
                var sortie: (type: TypeSortie, date: Jour)?
                if minutes[a, default: 0] > 0 {
                    etapes.append((.enCours, premiere, nil))
                    if hasard.chance(0.12) {
                        etapes.append((.abandon, derniere, hasard.element(["déménagement", "reprise d'emploi", "santé", "garde d'enfants"])))
                    } else if terminee && hasard.chance(0.85) {
                        etapes.append((.termine, derniere, nil))
                        if hasard.chance(0.3) { sortie = (hasard.pondere([(TypeSortie.formation, 50), (.emploi, 30), (.autre, 20)]), derniere) }
                    }
                } else if k > 2 && hasard.chance(0.5) {
                    etapes.append((.abandon, derniere, "jamais venue"))
                }
                try chargeur.inscription(cohorteId: cohorte.id, apprenantId: a, etapes: etapes, auteurId: formateurId, sortie: sortie)
            }
        }
    }

    // MARK: accompaniments, questionnaires, follow-ups

    /// `--accompagnements` visits over the two years of cohorts: two thirds by learners (each visit
    /// a random learner), a third anonymous; 1 in 5 with a questionnaire; 1 learner in 10 followed at 3 months.
    mutating func accompagnements(_ chargeur: ChargeurLots, apprenants: [Int64]) throws {
        let thematiques = ThematiqueCoop.allCases
        let tranches = TranchesAge.parDefaut
        for i in 0..<options.accompagnements {
            let date = Self.origine.ajout(jours: hasard.entier(0...(7 * 104)))
            let anonyme = i % 3 == 2
            let type: TypeAccompagnement = hasard.chance(0.8) ? .permanence : hasard.chance(0.7) ? .rendezVous : .atelier
            let lieu: LieuAccompagnement = type == .rendezVous && hasard.chance(0.5) ? .partenaire : hasard.chance(0.95) ? .structure : .distance
            let a = Accompagnement(
                date: date, minutes: hasard.element([30, 45, 60, 90, 120, 150, 180]), type: type, lieu: lieu,
                lieuNom: lieu == .partenaire ? hasard.element(["CCAS", "France Services", "Médiathèque"]) : nil, intervenantId: formateurId,
                apprenantId: anonyme ? nil : hasard.element(apprenants),
                anonyme: anonyme ? PersonneAnonyme(sexe: hasard.pondere([(.feminin, 60), (.masculin, 35), (.nonCommunique, 5)]),
                                                   naissance: tranches.naissances(rang: hasard.entier(0...tranches.bornes.count), annee: date.annee)) : nil,
                thematiques: [hasard.element(thematiques)] + (hasard.chance(0.3) ? [hasard.element(thematiques)] : []),
                autonomie: hasard.element(Autonomie.allCases), materiel: [hasard.element([Materiel.ordinateur, .telephone, .tablette])])
            let id = try chargeur.accompagnement(a, auteurId: formateurId)
            if i % 5 == 0 {
                try chargeur.satisfaction(ReponseSatisfaction(date: date, apprenantId: a.apprenantId, accompagnementId: id, mode: .avecFormateur,
                                                              notes: (0..<4).map { _ in hasard.pondere([(4, 50), (3, 35), (2, 10), (1, 5)]) }),
                                          auteurId: formateurId)
            }
        }
        for (i, apprenantId) in apprenants.enumerated() where i % 10 == 0 {
            let situation = hasard.pondere([(SituationApresAction.emploi, 30), (.formation, 20), (.autre, 15), (.sansSolution, 20), (.sansNouvelles, 15)])
            try chargeur.suivi(SuiviApresAction(apprenantId: apprenantId, date: Self.origine.ajout(jours: hasard.entier(90...(7 * 104))), delaiMois: 3,
                                                situation: situation, contrat: situation == .emploi ? hasard.element(TypeContrat.allCases) : nil,
                                                tempsPartiel: situation == .emploi ? hasard.chance(0.4) : nil,
                                                enLienAvecFormation: situation.positive ? hasard.chance(0.6) : nil), auteurId: formateurId)
        }
    }

    // MARK: evidence, Pix

    /// `--preuves` preuves spread over learners (±40 % around the mean), APTIC items and Pix competences.
    mutating func preuves(_ chargeur: ChargeurLots, apprenants: [Int64]) throws {
        let n = apprenants.count
        let moyenne = options.preuves / n
        let reste = options.preuves % n
        var i = 0
        while i < n {
            // Pairs of learners: one gets +d, the other −d, so the total is exact.
            let d = moyenne > 0 ? hasard.entier(0...(moyenne * 2 / 5)) : 0
            for (j, delta) in [(i, d), (i + 1, -d)] where j < n {
                let nombre = moyenne + (j < reste ? 1 : 0) + (i + 1 < n ? delta : 0)
                try preuvesDe(chargeur, apprenantId: apprenants[j], rang: j, nombre: nombre)
            }
            i += 2
        }
    }

    private mutating func preuvesDe(_ chargeur: ChargeurLots, apprenantId: Int64, rang: Int, nombre: Int) throws {
        let debut = debut(cohorte: rang % options.cohortes)
        var precedente: (id: Int64, referentiel: ReferentielCible, code: String)?
        for _ in 0..<nombre {
            var referentiel: ReferentielCible = hasard.chance(0.7) ? .aptic : .pix
            var code = referentiel == .aptic ? hasard.element(codesAptic) : hasard.element(codesPix)
            var remplace: Int64?
            if let p = precedente, hasard.chance(0.005) {
                // A correction of the previous preuve.
                referentiel = p.referentiel
                code = p.code
                remplace = p.id
            }
            var niveau = hasard.pondere(Self.niveauxPreuve)
            if niveau == .certifie && referentiel == .aptic { niveau = .autonomie }
            let id = try chargeur.preuve(Preuve(apprenantId: apprenantId, referentiel: referentiel, code: code, niveau: niveau,
                                                date: debut.ajout(jours: hasard.entier(0...7 * Self.seancesParCohorte)),
                                                auteurId: formateurId, note: hasard.chance(0.02) ? "observé en atelier" : nil,
                                                remplace: remplace))
            precedente = (id, referentiel, code)
        }
    }

    /// Pix profiles for 25 % of learners (a third of them with two), certifications for 4 %.
    mutating func pix(_ chargeur: ChargeurLots, apprenants: [Int64]) throws {
        let alphabet = Array(pix.certification.codeVerification.alphabet)
        let longueur = pix.certification.codeVerification.longueur
        let prefixe = pix.certification.codeVerification.prefixe
        var numeroCertification = 0
        for (rang, id) in apprenants.enumerated() {
            let debut = debut(cohorte: rang % options.cohortes)
            if hasard.chance(0.25) {
                for p in 0..<(hasard.chance(0.33) ? 2 : 1) {
                    var niveaux: [String: Int] = [:]
                    var points: [String: Int] = [:]
                    for c in codesPix {
                        let n = hasard.pondere([(0, 30), (1, 35), (2, 25), (3, 8), (4, 2)])
                        niveaux[c] = n
                        points[c] = n * 8 + hasard.entier(8)
                    }
                    try chargeur.profilPix(ProfilPix(apprenantId: id, date: debut.ajout(jours: 30 + 90 * p), source: "saisie",
                                                     niveaux: niveaux, pix: points))
                }
            }
            if hasard.chance(0.04) {
                numeroCertification += 1
                var reste = numeroCertification
                var code = ""
                for _ in 0..<longueur {
                    code.append(alphabet[reste % alphabet.count])
                    reste /= alphabet.count
                }
                let score = hasard.entier(64...512)
                var niveaux: [String: Int] = [:]
                for c in codesPix { niveaux[c] = hasard.pondere([(0, 25), (1, 45), (2, 25), (3, 5)]) }
                try chargeur.certification(CertificationPix(
                    apprenantId: id, code: prefixe + code, date: debut.ajout(jours: 7 * Self.seancesParCohorte + 14),
                    centre: "Centre agréé", score: score, palier: pix.palier(pourScore: score)?.palier ?? 1,
                    niveaux: niveaux, auteurId: formateurId))
            }
        }
    }
}

extension ClosedRange<Int> {
    func randomElement(_ hasard: inout Hasard) -> Int { hasard.entier(self) }
}

/// A base holding one big cohort (issue 17): `apprenants` learners in a single Femmes et Numérique
/// cohort, finished (every séance's attendance taken), 50 preuves per person as in the national
/// base, Pix profiles and certifications in the same proportions. The screens of one cohort are
/// timed on it.
enum BaseGrandeCohorte {
    static func creer(chemin: String, apprenants: Int, graine: UInt64, catalogue: Catalogue) throws {
        var options = Options()
        options.apprenants = apprenants
        options.cohortes = 1
        options.preuves = 50 * apprenants
        options.presences = Generateur.seancesParCohorte * apprenants
        options.graine = graine
        let base = try Base(chemin: chemin)
        try base.initialiser(structure: "Grande cohorte (synthétique)", formateur: "Formatrice Banc", date: Jour(annee: 2024, mois: 8, jour: 26)!)
        let formateurId = try base.formateur("Formatrice Banc").id!
        guard let modele = catalogue.modeleParcours("femmes-et-numerique") else { throw MessageErreur("modèle « femmes-et-numerique » absent du catalogue.") }
        let parcours = try base.parcours(depuis: modele)
        var generateur = Generateur(options: options, parcoursIds: [parcours.id!], formateurId: formateurId, catalogue: catalogue)
        var donnees = Donnees()
        _ = try base.chargerParLots { chargeur in
            let ids = try generateur.apprenants(chargeur, &donnees)
            let cohortes = try generateur.cohortes(chargeur, &donnees)
            var secondes = 0.0
            try generateur.inscriptionsEtPresences(chargeur, apprenants: ids, cohortes: cohortes, chronoPresences: &secondes)
            try generateur.preuves(chargeur, apprenants: ids)
            try generateur.pix(chargeur, apprenants: ids)
        }
        try base.checkpoint()
    }
}
