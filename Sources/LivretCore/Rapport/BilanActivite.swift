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
    ///     number of beneficiaries, and all are protected together (``ProtectionTableaux``).
    public static func calculer(activites: [ActiviteBeneficiaire], minutesDelivrees: Int, du: Jour, au: Jour,
                                tranches: TranchesAge = .parDefaut, anneeReference: Int,
                                seuil: Int? = SecretStatistique.seuilParDefaut) -> BilanActivite {
        let total = activites.count
        // The three breakdowns each add up to the number of beneficiaries: protected together.
        var tableaux = TableauxPublies()
        let caseTotal = tableaux.ajouter("bénéficiaires", valeur: total)
        func nombres(_ libelles: [String], _ rang: (ActiviteBeneficiaire) -> Int) -> [Int] {
            var nombres = [Int](repeating: 0, count: libelles.count)
            for a in activites { nombres[rang(a)] += 1 }
            return nombres
        }
        let rubriques: [(libelles: [String], nombres: [Int])] = [
            (BilanActivite.libellesHeures, nombres(BilanActivite.libellesHeures) { BilanActivite.rangHeures(minutes: $0.minutes) }),
            (Sexe.allCases.map(\.libelle), nombres(Sexe.allCases.map(\.libelle)) { Sexe.allCases.firstIndex(of: $0.sexe)! }),
            (tranches.libelles, nombres(tranches.libelles) { tranches.rang(anneeNaissance: $0.anneeNaissance, anneeReference: anneeReference) }),
        ]
        let cases = rubriques.map { rubrique in
            let parties = zip(rubrique.libelles, rubrique.nombres).map { tableaux.ajouter("bénéficiaires : \($0)", valeur: $1) }
            tableaux.relier(.somme(parties, total: caseTotal))
            return parties
        }
        let protection = seuil.map { ProtectionTableaux.proteger(tableaux, seuil: $0) }
        func masque(_ cas: Int) -> Bool { protection?.masques[cas] ?? false }
        let totalMasque = masque(caseTotal)
        let lignes = zip(rubriques, cases).map { rubrique, parties in
            rubrique.libelles.indices.map {
                LigneRepartition(libelle: rubrique.libelles[$0], nombre: ValeurPubliee(nombre: rubrique.nombres[$0], masque: masque(parties[$0])),
                                 part: TauxPublie(rubrique.nombres[$0], sur: total, masque: masque(parties[$0]) || totalMasque))
            }
        }
        let minutes = activites.map(\.minutes).sorted()
        let moyenne: Double? = minutes.isEmpty || totalMasque ? nil : Double(minutes.reduce(0, +)) / Double(minutes.count)
        let mediane: Double? = minutes.isEmpty || totalMasque ? nil
            : minutes.count % 2 == 1 ? Double(minutes[minutes.count / 2])
            : Double(minutes[minutes.count / 2 - 1] + minutes[minutes.count / 2]) / 2
        func heures(_ minutes: Double) -> Double { (minutes / 6).rounded() / 10 }

        let repartitionHeures = lignes[0], parSexe = lignes[1], parAge = lignes[2]

        var avertissements: [String] = []
        if let seuil, let protection {
            let nombre = protection.masques.filter { $0 }.count
            if nombre > 0 { avertissements.append(SecretStatistique.avertissementMasque(seuil: seuil, nombre: nombre)) }
            if !protection.sure { avertissements.append(SecretStatistique.avertissementNonProtegeable) }
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
