/// One row of a breakdown of beneficiaries: a category, its count and its share of all beneficiaries.
public struct LigneRepartition: Sendable, Codable, Equatable {
    public let libelle: String
    public let nombre: ValeurPubliee
    /// nombre / beneficiaires; masked with the count.
    public let part: TauxPublie
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
    /// "occasionnel : moins de 3 h", "régulier : 3 à 10 h", "assidu : plus de 10 h".
    public let repartitionHeures: [LigneRepartition]
    /// The four sexes, in ``Sexe`` order.
    public let parSexe: [LigneRepartition]
    /// Every age band, "non communiqué" last.
    public let parAge: [LigneRepartition]
    public let avertissements: [String]

    /// The labels of the hours distribution, in order.
    public static let libellesHeures = ["occasionnel : moins de 3 h", "régulier : 3 à 10 h", "assidu : plus de 10 h"]

    /// The distribution row of `minutes` of attendance: under 180, 180 to 600 inclusive, above 600.
    public static func rangHeures(minutes: Int) -> Int {
        minutes < 180 ? 0 : minutes <= 600 ? 1 : 2
    }
}

/// Computes a ``BilanActivite``. Pure.
public enum CalculActivite {
    /// The review.
    ///
    /// - Parameters:
    ///   - activites: one entry per distinct beneficiary of the period.
    ///   - minutesDelivrees: duration of the sessions delivered in the period (given, not summed per person).
    ///   - seuil: as in ``CalculRapport``; each breakdown (distribution, sexes, age bands) sums to the
    ///     number of beneficiaries, and all are protected together (``PublicationConjointe``); reviews published with reports are protected with them.
    public static func calculer(activites: [ActiviteBeneficiaire], minutesDelivrees: Int, du: Jour, au: Jour,
                                tranches: TranchesAge = .parDefaut, anneeReference: Int,
                                seuil: Int? = SecretStatistique.seuilParDefaut) -> BilanActivite {
        // One review alone: a publication of one scope with no inscriptions, only its activity.
        let publication = PublicationConjointe(
            cohortes: [], perimetres: [PerimetrePublie(perimetre: .structure, cohortes: [], croisements: [],
                                                       activite: ActivitePeriode(du: du, au: au, minutesDelivrees: minutesDelivrees, beneficiaires: activites))],
            tranches: tranches, anneeReference: anneeReference, seuil: seuil)
        return publication.bilan(0)!
    }
}
