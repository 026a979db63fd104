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
    ///   - seuil: as in ``CalculRapport``; each breakdown (distribution, sexes, age bands) sums to the published
    ///     number of beneficiaries and gets complementary suppression.
    public static func calculer(activites: [ActiviteBeneficiaire], minutesDelivrees: Int, du: Jour, au: Jour,
                                tranches: TranchesAge = .parDefaut, anneeReference: Int,
                                seuil: Int? = SecretStatistique.seuilParDefaut) -> BilanActivite {
        let total = activites.count
        let totalMasque = SecretStatistique.sousLeSeuil(total, seuil: seuil)
        func repartition(_ libelles: [String], _ rang: (ActiviteBeneficiaire) -> Int) -> [LigneRepartition] {
            var nombres = [Int](repeating: 0, count: libelles.count)
            for a in activites { nombres[rang(a)] += 1 }
            let valeurs = nombres + [total]
            let masque = SecretStatistique.masquer(valeurs, seuil: seuil, contraintes: [Array(valeurs.indices)],
                                                   dejaMasques: totalMasque ? [libelles.count] : [])
            return libelles.indices.map {
                LigneRepartition(libelle: libelles[$0], nombre: ValeurPubliee(nombre: nombres[$0], masque: masque[$0]),
                                 part: TauxPublie(nombres[$0], sur: total, masque: masque[$0] || totalMasque))
            }
        }
        let minutes = activites.map(\.minutes).sorted()
        let moyenne: Double? = minutes.isEmpty || totalMasque ? nil : Double(minutes.reduce(0, +)) / Double(minutes.count)
        let mediane: Double? = minutes.isEmpty || totalMasque ? nil
            : minutes.count % 2 == 1 ? Double(minutes[minutes.count / 2])
            : Double(minutes[minutes.count / 2 - 1] + minutes[minutes.count / 2]) / 2
        func heures(_ minutes: Double) -> Double { (minutes / 6).rounded() / 10 }

        let repartitionHeures = repartition(BilanActivite.libellesHeures) { BilanActivite.rangHeures(minutes: $0.minutes) }
        let parSexe = repartition(Sexe.allCases.map(\.libelle)) { Sexe.allCases.firstIndex(of: $0.sexe)! }
        let parAge = repartition(tranches.libelles) { tranches.rang(anneeNaissance: $0.anneeNaissance, anneeReference: anneeReference) }

        var avertissements: [String] = []
        if let seuil {
            if ([totalMasque] + (repartitionHeures + parSexe + parAge).map(\.nombre.masque)).contains(true) {
                avertissements.append(SecretStatistique.avertissementMasque(seuil: seuil))
            }
        } else {
            avertissements.append(SecretStatistique.avertissementNonMasque)
        }
        return BilanActivite(du: du.description, au: au.description, anneeReference: anneeReference, seuil: seuil,
                             bornesAge: tranches.bornes, heuresDelivrees: heures(Double(minutesDelivrees)),
                             beneficiaires: ValeurPubliee(nombre: total, masque: totalMasque),
                             seances: totalMasque ? nil : activites.map(\.seances).reduce(0, +),
                             heuresParBeneficiaire: moyenne.map(heures), heuresMediane: mediane.map(heures),
                             repartitionHeures: repartitionHeures, parSexe: parSexe, parAge: parAge,
                             avertissements: avertissements)
    }
}
