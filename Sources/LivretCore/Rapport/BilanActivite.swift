/// One row of a breakdown of beneficiaries: a category, its count and its share of all beneficiaries.
public struct LigneRepartition: Sendable, Codable, Equatable {
    public let libelle: String
    public let nombre: ValeurPubliee
    /// nombre / beneficiaires; masked with the count.
    public let part: TauxPublie
}

/// One kind of activity, or one place, in the activity review.
public struct LigneActivite: Sendable, Codable, Equatable {
    public let libelle: String
    /// Hours the beneficiaries spent there (each person's minutes, summed), to 0.1 h; nil when masked.
    public let heures: Double?
    /// Visits and séances attended; masked with small counts.
    public let passages: ValeurPubliee
    /// Distinct people.
    public let beneficiaires: ValeurPubliee
    /// beneficiaires / all beneficiaries of the review.
    public let part: TauxPublie
    /// heures / beneficiaires, to 0.1 h; nil when either is masked.
    public let heuresParBeneficiaire: Double?
}

/// Key figures of another period, for comparison (« cette année, l’an dernier »).
public struct ResumeActivite: Sendable, Codable, Equatable {
    public let du: String
    public let au: String
    public let heures: Double?
    public let beneficiaires: ValeurPubliee
    public let passages: ValeurPubliee
    public let joursOuverture: Int
    public let heuresParBeneficiaire: Double?

    public init(du: String, au: String, heures: Double?, beneficiaires: ValeurPubliee, passages: ValeurPubliee, joursOuverture: Int,
                heuresParBeneficiaire: Double?) {
        self.du = du
        self.au = au
        self.heures = heures
        self.beneficiaires = beneficiaires
        self.passages = passages
        self.joursOuverture = joursOuverture
        self.heuresParBeneficiaire = heuresParBeneficiaire
    }

    /// The key figures of `bilan`, as it published them (masked where it masked them).
    public init(_ bilan: BilanActivite) {
        self.init(du: bilan.du, au: bilan.au, heures: bilan.heuresBeneficiaires, beneficiaires: bilan.beneficiaires, passages: bilan.passages,
                  joursOuverture: bilan.joursOuverture, heuresParBeneficiaire: bilan.heuresParBeneficiaire)
    }
}

/// The activity review over a period: hours delivered, distinct beneficiaries, hours per beneficiary,
/// shares by sex and age band. Publishable as is (see ``Rapport``).
public struct BilanActivite: Sendable, Codable, Equatable {
    /// First and last day, "AAAA-MM-JJ".
    public let du: String
    public let au: String
    public let anneeReference: Int
    public let seuil: Int?
    public let bornesAge: [Int]
    /// Hours of sessions delivered (given), to 0.1 h.
    public let heuresDelivrees: Double
    /// Distinct beneficiaries.
    public let beneficiaires: ValeurPubliee
    /// Sessions attended, summed over beneficiaries; nil when ``beneficiaires`` is masked.
    public let seances: Int?
    /// Hours attended per beneficiary (mean), to 0.1 h; nil when masked or no beneficiary.
    public let heuresParBeneficiaire: Double?
    /// Median hours per beneficiary, to 0.1 h; nil when masked or no beneficiary.
    public let heuresMediane: Double?
    /// "occasionnel : moins de 3 h", "régulier : de 3 h à moins de 10 h", "assidu : 10 h et plus".
    public let repartitionHeures: [LigneRepartition]
    /// The four sexes, in ``Sexe`` order.
    public let parSexe: [LigneRepartition]
    /// Every age band, "non communiqué" last.
    public let parAge: [LigneRepartition]
    /// Hours the beneficiaries spent in every activity (each person's minutes summed: « 575 heures
    /// de formation et d’accompagnement »), to 0.1 h; nil when masked.
    public var heuresBeneficiaires: Double? = nil
    /// Visits and séances attended, summed over beneficiaries.
    public var passages = ValeurPubliee(nombre: 0, masque: false)
    /// People who came more than once.
    public var plusieursFois = LigneRepartition(libelle: "venues plusieurs fois", nombre: ValeurPubliee(nombre: 0, masque: false),
                                                part: TauxPublie(valeur: nil, masque: false))
    /// Days with at least one permanence visit.
    public var joursOuverture = 0
    /// Visits to permanences per day of opening, to 0.1; nil when masked or no day.
    public var beneficiairesParJour: Double? = nil
    /// Permanences, appointments, workshops, cohorts: only those with activity.
    public var parActivite: [LigneActivite] = []
    /// By place, in order of hours.
    public var parLieu: [LigneActivite] = []
    /// Beneficiaries by hours spent (the seed's chart), in ``classesHistogramme`` order.
    public var histogramme: [LigneRepartition] = []
    /// « mineurs », « adultes », « non communiqué ».
    public var parMajorite: [LigneRepartition] = []
    /// Accompaniments by Coop thématique (counts of accompaniments, shares of all accompaniments).
    public var thematiques: [LigneRepartition] = []
    /// Séances held by Coop thématique, from what the people present proved that day (counts of
    /// séances, shares of the séances held with somebody present).
    public var thematiquesSeances: [LigneRepartition] = []
    /// The scope's satisfaction questionnaires; nil when none.
    public var satisfaction: SatisfactionPubliee? = nil
    /// The scope's follow-ups, by delay.
    public var suivis: [SuiviPublie] = []
    /// Testimonies the structure chose.
    public var temoignages: [TemoignagePublie] = []
    /// The same period a year earlier, when asked.
    public var precedent: ResumeActivite? = nil
    public let avertissements: [String]

    /// The classes of the histogram of hours per beneficiary: lower bound in minutes (inclusive) and label.
    public static let classesHistogramme: [(minutes: Int, libelle: String)] = [
        (0, "moins d’1 h"), (60, "1 à 3 h"), (180, "3 à 5 h"), (300, "5 à 10 h"), (600, "10 à 20 h"),
        (1200, "20 à 30 h"), (1800, "30 à 50 h"), (3000, "50 h et plus"),
    ]

    /// The class of `minutes` in ``classesHistogramme``.
    public static func classeHistogramme(minutes: Int) -> Int {
        (classesHistogramme.lastIndex { minutes >= $0.minutes }) ?? 0
    }

    /// The labels of the hours distribution, in order.
    public static let libellesHeures = ["occasionnel : moins de 3 h", "régulier : de 3 h à moins de 10 h", "assidu : 10 h et plus"]

    /// The distribution row of `minutes` of attendance: under 180, 180 to under 600, 600 and more
    /// (each row is a sum of classes of ``classesHistogramme``).
    public static func rangHeures(minutes: Int) -> Int {
        minutes < 180 ? 0 : minutes < 600 ? 1 : 2
    }
}

/// Computes a ``BilanActivite``. Pure.
public enum CalculActivite {
    /// The review.
    ///
    /// - Parameters:
    ///   - activites: one entry per distinct beneficiary of the period.
    ///   - minutesDelivrees: duration of the sessions delivered in the period (given, not summed per person).
    ///   - joursOuverture, thematiques: as in ``ActivitePeriode``.
    ///   - qualite: the scope's questionnaires, follow-ups and testimonies (outside any cohort).
    ///   - seuil: as in ``CalculRapport``; each breakdown (distribution, sexes, age bands) sums to the
    ///     number of beneficiaries, and all are protected together (``PublicationConjointe``); reviews published with reports are protected with them.
    public static func calculer(activites: [ActiviteBeneficiaire], minutesDelivrees: Int, du: Jour, au: Jour,
                                joursOuverture: Int = 0, thematiques: [ThematiqueCoop: Int] = [:],
                                qualite: FaitsQualite = FaitsQualite(), tranches: TranchesAge = .parDefaut, anneeReference: Int,
                                seuil: Int? = SecretStatistique.seuilParDefaut) -> BilanActivite {
        // One review alone: a publication of one scope with no inscriptions, only its activity.
        let activite = ActivitePeriode(du: du, au: au, minutesDelivrees: minutesDelivrees, beneficiaires: activites, joursOuverture: joursOuverture,
                                       thematiques: thematiques)
        let publication = PublicationConjointe(
            cohortes: [], perimetres: [PerimetrePublie(perimetre: .structure, cohortes: [], croisements: [], activite: activite,
                                                       qualiteHorsCohortes: qualite)],
            tranches: tranches, anneeReference: anneeReference, seuil: seuil)
        return publication.bilan(0)!
    }
}
