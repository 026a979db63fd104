/// The facts of one cohort, for the reports a structure publishes together (décision 44).
public struct FaitsCohorte: Sendable, Equatable {
    /// The cohort's code (its own report is « cohorte CODE »).
    public var code: String
    /// Its inscriptions, aggregated by categories (``RegroupementStatistique``).
    public var groupes: [GroupeStatistique]
    /// Its parcours' objectives against what its inscriptions achieved.
    public var objectifs: [ObjectifRealise]
    /// Inscriptions left out for lack of consent.
    public var horsStatistiques: Int
    /// Its satisfaction questionnaires and follow-ups.
    public var qualite: FaitsQualite

    public init(code: String, groupes: [GroupeStatistique], objectifs: [ObjectifRealise] = [], horsStatistiques: Int = 0,
                qualite: FaitsQualite = FaitsQualite()) {
        self.code = code
        self.groupes = groupes
        self.objectifs = objectifs
        self.horsStatistiques = horsStatistiques
        self.qualite = qualite
    }

    /// The least and greatest planned minutes of one inscription (the same for everyone of a
    /// cohort when read from the base): published hours are tied to counts through them.
    var minutesParInscription: (minimum: Int, maximum: Int) {
        var minimum = Int.max, maximum = 0
        for g in groupes where g.inscrits > 0 && (g.marge == nil || g.marge == .aucun) {
            minimum = min(minimum, g.minutesPrevues / g.inscrits)
            maximum = max(maximum, (g.minutesPrevues + g.inscrits - 1) / g.inscrits)
        }
        return minimum == Int.max ? (0, 0) : (minimum, maximum)
    }
}

/// Satisfaction answers and follow-ups, with categories only (people who agreed to statistics, and
/// anonymous people).
public struct FaitsQualite: Sendable, Equatable {
    /// One answered questionnaire.
    public struct Reponse: Sendable, Equatable {
        public var sexe: Sexe
        /// One per question, 1 to 4 or nil.
        public var notes: [Int?]
        /// How many questionnaires were answered so (a network's facts come counted).
        public var nombre: Int

        public init(sexe: Sexe, notes: [Int?], nombre: Int = 1) {
            self.sexe = sexe
            self.notes = notes
            self.nombre = nombre
        }
    }

    /// One follow-up.
    public struct Suivi: Sendable, Equatable {
        public var sexe: Sexe
        public var delaiMois: Int
        public var situation: SituationApresAction
        public var tempsPartiel: Bool
        public var enLien: Bool
        /// How many people were followed with this result (a network's facts come counted).
        public var nombre: Int

        public init(sexe: Sexe, delaiMois: Int, situation: SituationApresAction, tempsPartiel: Bool = false, enLien: Bool = false, nombre: Int = 1) {
            self.sexe = sexe
            self.delaiMois = delaiMois
            self.situation = situation
            self.tempsPartiel = tempsPartiel
            self.enLien = enLien
            self.nombre = nombre
        }
    }

    public var reponses: [Reponse]
    public var suivis: [Suivi]
    /// Testimonies the structure chose (texts only, quoted as agreed).
    public var temoignages: [TemoignagePublie]

    public init(reponses: [Reponse] = [], suivis: [Suivi] = [], temoignages: [TemoignagePublie] = []) {
        self.reponses = reponses
        self.suivis = suivis
        self.temoignages = temoignages
    }

    /// Both together.
    public static func + (a: FaitsQualite, b: FaitsQualite) -> FaitsQualite {
        FaitsQualite(reponses: a.reponses + b.reponses, suivis: a.suivis + b.suivis, temoignages: a.temoignages + b.temoignages)
    }

    public var estVide: Bool { reponses.isEmpty && suivis.isEmpty && temoignages.isEmpty }
}

/// The activity review of a scope over a period: what ``CalculActivite`` reads.
public struct ActivitePeriode: Sendable, Equatable {
    public var du: Jour
    public var au: Jour
    /// Duration of the séances held in the period.
    public var minutesDelivrees: Int
    /// One per distinct person who came (each anonymous accompaniment is one person).
    public var beneficiaires: [ActiviteBeneficiaire]
    /// Days with at least one permanence visit: the days of opening.
    public var joursOuverture: Int
    /// Accompaniments per Coop thématique (an accompaniment may have several).
    public var thematiques: [ThematiqueCoop: Int]
    /// What each accompaniment counted worked on, as recorded (read from the base; see ``compterThematiques(catalogue:)``).
    public var sujetsAccompagnements: [SujetsActivite] = []
    /// What each séance held in the scope worked on: the APTIC evidence of that day of the people present.
    public var sujetsSeances: [SujetsActivite] = []
    /// Séances held per Coop thématique (a séance may have several); filled by ``compterThematiques(catalogue:)``.
    public var thematiquesSeances: [ThematiqueCoop: Int] = [:]

    public init(du: Jour, au: Jour, minutesDelivrees: Int, beneficiaires: [ActiviteBeneficiaire], joursOuverture: Int = 0,
                thematiques: [ThematiqueCoop: Int] = [:]) {
        self.du = du
        self.au = au
        self.minutesDelivrees = minutesDelivrees
        self.beneficiaires = beneficiaires
        self.joursOuverture = joursOuverture
        self.thematiques = thematiques
    }

    /// Counts accompaniments and séances by Coop thématique, with the rule the Coop's activity file uses
    /// (``Catalogue/thematiquesCoop(notees:itemsAptic:)``): the thématiques recorded, else those of the
    /// APTIC items worked on, through the crosswalk and the nomenclature in use.
    public mutating func compterThematiques(catalogue: Catalogue) {
        func compter(_ sujets: [SujetsActivite]) -> [ThematiqueCoop: Int] {
            var comptes: [ThematiqueCoop: Int] = [:]
            for sujet in sujets {
                for t in catalogue.thematiquesCoop(notees: sujet.thematiques, itemsAptic: sujet.itemsAptic) { comptes[t, default: 0] += 1 }
            }
            return comptes
        }
        thematiques = compter(sujetsAccompagnements)
        thematiquesSeances = compter(sujetsSeances)
    }
}

/// What one accompaniment or one séance worked on: the Coop thématiques recorded and the APTIC items.
public struct SujetsActivite: Sendable, Equatable {
    public var thematiques: [ThematiqueCoop]
    public var itemsAptic: [String]

    public init(thematiques: [ThematiqueCoop] = [], itemsAptic: [String] = []) {
        self.thematiques = thematiques
        self.itemsAptic = itemsAptic
    }
}

/// One report of a publication: its scope, the cohorts it adds up, the breakdowns it is published
/// in, and its activity review if the publication has a period.
public struct PerimetrePublie: Sendable, Equatable {
    public var perimetre: PerimetreRapport
    /// Indices into the publication's cohorts.
    public var cohortes: [Int]
    /// Always ``Croisement/aucun`` first (the lines of sex are shared by every breakdown).
    public var croisements: [Croisement]
    public var activite: ActivitePeriode?
    /// Protected alone although other reports of the period are published: it says it is for
    /// internal use (``SecretStatistique/avertissementProtegeSeul``).
    public var seul: Bool
    /// Questionnaires and follow-ups outside its cohorts (after accompaniments): the structure's only.
    public var qualiteHorsCohortes: FaitsQualite

    public init(perimetre: PerimetreRapport, cohortes: [Int], croisements: [Croisement], activite: ActivitePeriode? = nil, seul: Bool = false,
                qualiteHorsCohortes: FaitsQualite = FaitsQualite()) {
        self.perimetre = perimetre
        self.cohortes = cohortes.sorted()
        self.croisements = [.aucun] + croisements.filter { $0 != .aucun }
        self.activite = activite
        self.seul = seul
        self.qualiteHorsCohortes = qualiteHorsCohortes
    }
}
