import Foundation
import LivretCore

/// An activity review with everything (issue 18): a cohort, permanences, appointments, workshops, anonymous people
/// with a band of years of birth, Coop thématiques, satisfaction, follow-ups at 3 and 6 months, testimonies, and the
/// same period a year earlier. Reference year 2026.
enum FixtureBilanEtendu {
    typealias Part = ActiviteBeneficiaire.Part

    static let structure = LieuAccompagnement.structure.libelle
    static let cybercafe = "cybercafé"
    static let foyer = "Foyer des jeunes travailleurs"
    static let ccas = "CCAS de Metz"
    static let mediatheque = "médiathèque"

    /// Years of birth of one age band in 2026 (as ``PersonneAnonyme`` records them): 25–39, 40–59, 60–69, 70 and more, 18–24.
    static let bandes: [ClosedRange<Int>?] = [1987...2001, 1967...1986, 1957...1966, 1930...1956, 2002...2008, nil]

    /// 9 women of a cohort (3 h séances, 3 of them at the permanence too), 20 people at the permanences, 7 appointments,
    /// 4 minors and 5 adults at workshops, one person « autre » at the permanence: 46 people.
    static func activites(annee: Int = 2026, echelle: Int = 1) -> [ActiviteBeneficiaire] {
        var a: [ActiviteBeneficiaire] = []
        for i in 0..<9 {
            let seances = 8 + i % 5
            let cohorte = Part(passages: seances, minutes: seances * 180 * echelle)
            var types: [TypeActivite: Part] = [.cohorte: cohorte]
            var lieux = [structure: cohorte]
            if i < 3 {
                types[.permanence] = Part(passages: 2, minutes: 120)
                lieux[cybercafe] = Part(passages: 2, minutes: 120)
            }
            let naissance = annee - 30 - 3 * i
            a.append(ActiviteBeneficiaire(sexe: .feminin, naissance: naissance...naissance, parType: types, parLieu: lieux))
        }
        let sexes: [Sexe] = [.feminin, .masculin, .feminin, .masculin, .feminin, .feminin, .masculin, .nonCommunique]
        for i in 0..<20 {
            let passages = 1 + i % 4
            let part = Part(passages: passages, minutes: passages * (45 + (i % 3) * 30))
            a.append(ActiviteBeneficiaire(sexe: sexes[i % sexes.count], naissance: bandes[i % bandes.count], parType: [.permanence: part],
                                          parLieu: [i % 5 == 4 ? foyer : cybercafe: part]))
        }
        for i in 0..<7 {
            let part = Part(passages: 1, minutes: 30 + 20 * i)
            a.append(ActiviteBeneficiaire(sexe: i % 2 == 0 ? .feminin : .masculin, naissance: bandes[(i + 1) % bandes.count], parType: [.rendezVous: part],
                                          parLieu: [ccas: part]))
        }
        for i in 0..<9 {
            let mineur = i < 4
            let part = Part(passages: mineur ? 2 : 1, minutes: mineur ? 240 : 120)
            a.append(ActiviteBeneficiaire(sexe: i % 3 == 0 ? .masculin : .feminin, naissance: mineur ? 2009...2014 : bandes[i % 4],
                                          parType: [.atelier: part], parLieu: [mineur ? foyer : mediatheque: part]))
        }
        let autre = Part(passages: 3, minutes: 150)
        a.append(ActiviteBeneficiaire(sexe: .autre, naissance: nil, parType: [.permanence: autre], parLieu: [cybercafe: autre]))
        return a
    }


    static let thematiques: [ThematiqueCoop: Int] = [.aideAuxDemarchesAdministratives: 14, .email: 9, .prendreEnMainDuMateriel: 11,
                                                     .securiteNumerique: 3, .insertionProfessionnelle: 6, .familleScolarite: 2]

    /// 16 questionnaires (10 women, 5 men, 1 « autre »), follow-ups of 12 people at 3 months and 7 at 6, two testimonies.
    static var qualite: FaitsQualite {
        var reponses: [FaitsQualite.Reponse] = []
        for i in 0..<16 {
            let sexe: Sexe = i < 10 ? .feminin : i < 15 ? .masculin : .autre
            reponses.append(FaitsQualite.Reponse(sexe: sexe, notes: [i % 7 == 3 ? 2 : 3 + i % 2, 4 - i % 3, i % 5 == 0 ? nil : 3 + (i + 1) % 2, 4]))
        }
        var suivis: [FaitsQualite.Suivi] = []
        let situations: [SituationApresAction] = [.emploi, .formation, .emploi, .sansSolution, .emploi, .autre, .formation, .sansNouvelles, .emploi]
        for i in 0..<9 {
            suivis.append(FaitsQualite.Suivi(sexe: .feminin, delaiMois: 3, situation: situations[i], tempsPartiel: i == 2, enLien: i < 3))
        }
        for s in [SituationApresAction.emploi, .sansNouvelles, .formation] {
            suivis.append(FaitsQualite.Suivi(sexe: .masculin, delaiMois: 3, situation: s, enLien: s == .formation))
        }
        for i in 0..<7 {
            suivis.append(FaitsQualite.Suivi(sexe: .feminin, delaiMois: 6, situation: i < 4 ? .emploi : i < 6 ? .formation : .sansSolution,
                                             tempsPartiel: i == 1, enLien: i % 2 == 0))
        }
        let temoignages = [
            TemoignagePublie(texte: "Maintenant je fais mes démarches de la CAF toute seule, et j’aide ma voisine.",
                             signature: "une personne accompagnée", contexte: "permanence, mars 2026"),
            TemoignagePublie(texte: "J’avais peur de l’ordinateur. J’ai passé la certification Pix & j’ai trouvé un stage « agente d’accueil ».",
                             signature: "Samira", contexte: "parcours Femmes et Numérique"),
        ]
        return FaitsQualite(reponses: reponses, suivis: suivis, temoignages: temoignages)
    }

    /// The review of the first half of 2026, compared with the first half of 2025 when `comparer`.
    static func bilan(seuil: Int? = 5, comparer: Bool = true) -> BilanActivite {
        var b = CalculActivite.calculer(activites: activites(), minutesDelivrees: 54 * 180, du: Jour("2026-01-01")!, au: Jour("2026-06-30")!,
                                        joursOuverture: 37, thematiques: thematiques, qualite: qualite,
                                        anneeReference: 2026, seuil: seuil)
        if comparer { b.precedent = ResumeActivite(precedent(seuil: seuil)) }
        return b
    }

    /// The same months of 2025: fewer people, shorter séances.
    static func precedent(seuil: Int?) -> BilanActivite {
        CalculActivite.calculer(activites: Array(activites(annee: 2025).prefix(30)), minutesDelivrees: 40 * 180, du: Jour("2025-01-01")!,
                                au: Jour("2025-06-30")!, joursOuverture: 31, anneeReference: 2025, seuil: seuil)
    }

    /// Three people: everything under the threshold.
    static func petit(seuil: Int? = 5) -> BilanActivite {
        CalculActivite.calculer(activites: Array(activites().suffix(3)), minutesDelivrees: 0, du: Jour("2026-03-01")!, au: Jour("2026-03-31")!,
                                joursOuverture: 2, thematiques: [.email: 2],
                                qualite: FaitsQualite(reponses: [FaitsQualite.Reponse(sexe: .feminin, notes: [4, 4, 3, 4])],
                                                      suivis: [FaitsQualite.Suivi(sexe: .masculin, delaiMois: 3, situation: .emploi)]),
                                anneeReference: 2026, seuil: seuil)
    }

    /// A funder report with satisfaction and follow-ups: the cohort of ``FixtureRenduRapport`` with this review's questionnaires.
    static func rapport(seuil: Int? = 5) -> Rapport {
        let publication = PublicationConjointe(
            cohortes: [FaitsCohorte(code: "FEN-2026", groupes: FixtureRenduRapport.groupes, qualite: qualite)],
            perimetres: [PerimetrePublie(perimetre: .parcours("femmes-et-numerique"), cohortes: [0], croisements: [.aucun])],
            anneeReference: 2026, seuil: seuil)
        return publication.rapport(0, croisement: .aucun)
    }
}
