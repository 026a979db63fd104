/// How ready a learner is for the Pix certification, from their shared Pix profiles and the
/// parcours' targets and objective. No I/O.
public struct PreparationCertification: Sendable, Equatable, Codable {
    /// The readiness, from the latest shared profile.
    public enum Etat: String, Sendable, Codable, CaseIterable {
        /// Certifiable, and the parcours' objective is reached on the profile.
        case prete = "prete"
        /// Two competences or fewer away (certifiability plus objective).
        case proche
        /// Further away.
        case aAccompagner = "a_accompagner"
        /// No shared Pix profile yet.
        case sansProfil = "sans_profil"

        public var libelle: String {
            switch self {
            case .prete: "à présenter"
            case .proche: "proche"
            case .aAccompagner: "à accompagner"
            case .sansProfil: "sans profil Pix partagé"
            }
        }
    }

    /// One of the 16 competences, as it stands on the latest shared profile.
    public struct Competence: Sendable, Equatable, Codable {
        public var code: String
        public var titre: String
        /// The level on the latest shared profile; nil when there is none or it does not give this competence.
        public var niveau: Int?
        /// The parcours' target level, when the competence is a target.
        public var niveauVise: Int?
        /// Level change since the previous shared snapshot, when both levels are known.
        public var evolution: Int?
        /// Whether the target is reached (nil when the competence is not a target).
        public var cibleAtteinte: Bool?

        public init(code: String, titre: String, niveau: Int? = nil, niveauVise: Int? = nil, evolution: Int? = nil, cibleAtteinte: Bool? = nil) {
            self.code = code
            self.titre = titre
            self.niveau = niveau
            self.niveauVise = niveauVise
            self.evolution = evolution
            self.cibleAtteinte = cibleAtteinte
        }
    }

    public var identifiant: String
    public var nom: String
    /// The day of the latest shared profile.
    public var dateProfil: Jour?
    /// The day of the shared profile before it.
    public var dateProfilPrecedent: Jour?
    /// The 16 competences, in référentiel order.
    public var competences: [Competence]
    /// At least `certifiabilite.competencesMin` competences at `certifiabilite.niveauMin` or more.
    public var certifiable: Bool
    /// Competences at the objective's level or more (default: the certifiability level).
    public var competencesAuNiveau: Int
    /// The parcours objective's number of competences (e.g. 3), nil when it has none.
    public var objectifCompetences: Int?
    /// Competences still missing for the objective; 0 when there is none.
    public var ecartObjectif: Int
    /// Competences still missing to be certifiable.
    public var manquePourCertifiable: Int
    public var ciblesAtteintes: Int
    public var ciblesTotal: Int
    public var etat: Etat
    /// What is left to do, in plain French, most specific first.
    public var besoins: [String]
    /// Where the learner stands for CléA numérique (``PreparationCleA``).
    public var clea: PreparationCleA

    public init(identifiant: String, nom: String, dateProfil: Jour?, dateProfilPrecedent: Jour?, competences: [Competence],
                certifiable: Bool, competencesAuNiveau: Int, objectifCompetences: Int?, ecartObjectif: Int,
                manquePourCertifiable: Int, ciblesAtteintes: Int, ciblesTotal: Int, etat: Etat, besoins: [String],
                clea: PreparationCleA = PreparationCleA(etat: .pasEncore)) {
        self.identifiant = identifiant
        self.nom = nom
        self.dateProfil = dateProfil
        self.dateProfilPrecedent = dateProfilPrecedent
        self.competences = competences
        self.certifiable = certifiable
        self.competencesAuNiveau = competencesAuNiveau
        self.objectifCompetences = objectifCompetences
        self.ecartObjectif = ecartObjectif
        self.manquePourCertifiable = manquePourCertifiable
        self.ciblesAtteintes = ciblesAtteintes
        self.ciblesTotal = ciblesTotal
        self.etat = etat
        self.besoins = besoins
        self.clea = clea
    }

    /// Evaluates one learner.
    ///
    /// Only positioning snapshots count (``ProfilPix/positionne``: shared, not an exam); the latest
    /// by (date, id) is the current profile and the one before it the previous one.
    ///
    /// - Parameters:
    ///   - profils: the learner's Pix snapshots, in any order.
    ///   - modele: the parcours template, for targets (`cibles.pix`) and the "certification" objective.
    ///   - certifications: the learner's Pix certifications, for CléA numérique.
    public static func calculer(identifiant: String, nom: String, profils: [ProfilPix], modele: ModeleParcours?,
                                pix: ReferentielPix, certifications: [CertificationPix] = []) -> PreparationCertification {
        let partages = profils.filter(\.positionne).sorted { a, b in
            if a.date != b.date { return a.date < b.date }
            return (a.id ?? Int64.min) < (b.id ?? Int64.min)
        }
        let actuel = partages.last
        let precedent = partages.count >= 2 ? partages[partages.count - 2] : nil

        var vises: [String: Int] = [:]
        for cible in modele?.cibles.pix ?? [] { vises[cible.competence] = max(vises[cible.competence] ?? 0, cible.niveauVise) }

        let competences = pix.competences.map { competence in
            let niveau = actuel?.niveaux[competence.code]
            let avant = precedent?.niveaux[competence.code]
            let vise = vises[competence.code]
            return Competence(
                code: competence.code, titre: competence.titre, niveau: niveau, niveauVise: vise,
                evolution: niveau.flatMap { n in avant.map { n - $0 } },
                cibleAtteinte: vise.map { (niveau ?? 0) >= $0 })
        }

        let regle = pix.certifiabilite
        let objectif = modele?.objectifs.first { $0.type == "certification" }
        let niveauObjectif = objectif?.niveauMin ?? regle.niveauMin
        let auNiveauCertifiable = competences.filter { ($0.niveau ?? 0) >= regle.niveauMin }.count
        let competencesAuNiveau = competences.filter { ($0.niveau ?? 0) >= niveauObjectif }.count
        let certifiable = actuel != nil && auNiveauCertifiable >= regle.competencesMin
        let manque = max(0, regle.competencesMin - auNiveauCertifiable)
        let objectifCompetences = objectif?.competencesMin
        let ecart = objectifCompetences.map { max(0, $0 - competencesAuNiveau) } ?? 0
        let ciblees = competences.filter { $0.niveauVise != nil }

        let etat: Etat
        if actuel == nil {
            etat = .sansProfil
        } else if certifiable && ecart == 0 {
            etat = .prete
        } else if max(manque, ecart) <= 2 {
            // The same competences raised to the level count for both gaps: the larger gap is what is left.
            etat = .proche
        } else {
            etat = .aAccompagner
        }

        var besoins: [String] = []
        if actuel == nil {
            besoins.append("aucun profil Pix partagé : inviter la personne à envoyer son profil depuis une campagne Pix Orga")
        } else {
            for competence in ciblees where competence.cibleAtteinte == false {
                besoins.append("\(competence.code) \(competence.titre) : niveau \(competence.niveau ?? 0), viser \(competence.niveauVise ?? 0)")
            }
            if !certifiable {
                besoins.append("encore \(Self.compter(manque)) au niveau \(regle.niveauMin) pour être certifiable")
            }
            // The objective's gap, unless the certifiability need above already covers it.
            let couvert = !certifiable && niveauObjectif <= regle.niveauMin && ecart <= manque
            if ecart > 0 && !couvert {
                besoins.append("encore \(Self.compter(ecart)) au niveau \(niveauObjectif) pour l'objectif du parcours")
            }
        }

        return PreparationCertification(
            identifiant: identifiant, nom: nom, dateProfil: actuel?.date, dateProfilPrecedent: precedent?.date,
            competences: competences, certifiable: certifiable, competencesAuNiveau: competencesAuNiveau,
            objectifCompetences: objectifCompetences, ecartObjectif: ecart, manquePourCertifiable: manque,
            ciblesAtteintes: ciblees.filter { $0.cibleAtteinte == true }.count, ciblesTotal: ciblees.count,
            etat: etat, besoins: besoins, clea: PreparationCleA.calculer(profils: profils, certifications: certifications))
    }

    /// "1 compétence", "3 compétences".
    static func compter(_ nombre: Int) -> String {
        nombre > 1 ? "\(nombre) compétences" : "\(nombre) compétence"
    }
}

/// A cohort's readiness for certification: the learners grouped by ``PreparationCertification/Etat``.
public struct PreparationCohorte: Sendable, Equatable, Codable {
    /// Identifiers of the learners in each state, in the order of ``apprenants``.
    public var pretes: [String]
    public var proches: [String]
    public var aAccompagner: [String]
    public var sansProfil: [String]
    /// Every learner, sorted by name (case and accents ignored), then identifier.
    public var apprenants: [PreparationCertification]

    public init(pretes: [String], proches: [String], aAccompagner: [String], sansProfil: [String], apprenants: [PreparationCertification]) {
        self.pretes = pretes
        self.proches = proches
        self.aAccompagner = aAccompagner
        self.sansProfil = sansProfil
        self.apprenants = apprenants
    }

    public static func regrouper(_ apprenants: [PreparationCertification]) -> PreparationCohorte {
        // Each name's key computed once, not at every comparison (a cohort of 1 000: 20 000 comparisons).
        let tries = apprenants.map { (cle: NormalisationTitre.cle($0.nom), apprenant: $0) }.sorted { a, b in
            if a.cle != b.cle { return a.cle < b.cle }
            return a.apprenant.identifiant < b.apprenant.identifiant
        }.map(\.apprenant)
        func identifiants(_ etat: PreparationCertification.Etat) -> [String] {
            tries.filter { $0.etat == etat }.map(\.identifiant)
        }
        return PreparationCohorte(pretes: identifiants(.prete), proches: identifiants(.proche),
                                  aAccompagner: identifiants(.aAccompagner), sansProfil: identifiants(.sansProfil),
                                  apprenants: tries)
    }
}
