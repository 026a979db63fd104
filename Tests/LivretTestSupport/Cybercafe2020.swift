import LivretCore

/// The 2020 activity of miXYtés' cybercafé (seed 000), rebuilt visit by visit so that the bilan
/// d'activité prints the seed's figures:
/// - permanences on 37 days of opening (Mondays and Tuesdays, January–March and September–October):
///   44 beneficiaries, 207 visits (5,6 a day), 552 h (12,5 h each) — half of them coming once or
///   twice, half regulars with 14 to 24 h (22 regulars, 15 of them unaccompanied minors of the
///   Ecole interne, 11 coming twice, 11 walk-ins seen once and not identified);
/// - 24 appointments at the CCAS de Metz, 24 people, 23 h, from 30 minutes to 2 h 30;
/// - in all 575 h for 68 people: 45 women (66 %) and 23 men, 15 minors (22 %).
public enum Cybercafe2020 {
    /// A learner of the permanences: identifier, sex, year of birth.
    public struct Personne: Sendable {
        public var identifiant: String
        public var sexe: Sexe
        public var anneeNaissance: Int
        /// Minutes of each visit.
        public var visites: [Int]
    }

    /// An anonymous visit: sex, age band as written on the sheet, minutes.
    public struct Anonyme: Sendable {
        public var sexe: Sexe
        public var age: String
        public var minutes: Int
    }

    /// The 37 days of opening.
    public static let jours: [Jour] = {
        var jours: [Jour] = []
        var j = Jour("2020-01-06")!
        while j <= Jour("2020-03-10")! { jours.append(j); jours.append(j.ajout(jours: 1)); j = j.ajout(jours: 7) }
        jours.append(Jour("2020-03-16")!)
        j = Jour("2020-09-07")!
        while j <= Jour("2020-10-27")! { jours.append(j); jours.append(j.ajout(jours: 1)); j = j.ajout(jours: 7) }
        return jours
    }()

    /// The 33 identified learners: 22 regulars (15 minors) then 11 coming twice.
    public static let apprenants: [Personne] = {
        var personnes: [Personne] = []
        var deuxHeures = 25   // 25 visits of 2 h, 149 of 3 h among the regulars: 497 h
        for r in 0..<22 {
            let sexe: Sexe = r < 15 ? .masculin : .feminin
            let annee = r < 15 ? 2003 + r % 3 : (r % 2 == 0 ? 1985 : 1970)
            let visites = (0..<(r < 20 ? 8 : 7)).map { _ -> Int in
                if deuxHeures > 0 { deuxHeures -= 1; return 120 }
                return 180
            }
            personnes.append(Personne(identifiant: String(format: "C-%03d", r + 1), sexe: sexe, anneeNaissance: annee, visites: visites))
        }
        for d in 0..<11 {
            personnes.append(Personne(identifiant: String(format: "C-%03d", 23 + d), sexe: d < 2 ? .masculin : .feminin,
                                      anneeNaissance: d % 2 == 0 ? 1990 : 1965, visites: [90, 90]))
        }
        return personnes
    }()

    /// The 11 walk-ins seen once, not identified (2 h each).
    public static let passagesAnonymes: [Anonyme] = (0..<11).map { i in
        Anonyme(sexe: .feminin, age: i < 5 ? "25-39 ans" : "40-59 ans", minutes: 120)
    }

    /// The 24 appointments at the CCAS: 1 380 minutes.
    public static let rendezVousCCAS: [(jour: Jour, personne: Anonyme)] = {
        let durees = Array(repeating: 30, count: 8) + Array(repeating: 45, count: 6) + Array(repeating: 60, count: 5)
            + Array(repeating: 90, count: 3) + [150, 150]
        let ages = Array(repeating: "18-24 ans", count: 5) + Array(repeating: "25-39 ans", count: 6) + Array(repeating: "40-59 ans", count: 7)
            + Array(repeating: "60-69 ans", count: 6)
        let mois = [1, 2, 10, 11, 12]
        return durees.indices.map { i in
            let jour = Jour(annee: 2020, mois: mois[i % mois.count], jour: 3 + i)!
            return (jour, Anonyme(sexe: i % 4 == 3 ? .masculin : .feminin, age: ages[i], minutes: durees[i]))
        }
    }()

    /// Every permanence visit, spread over the days of opening (one person at most once a day):
    /// the learners' then the walk-ins', visit k on day k mod 37.
    public static var visites: [(jour: Jour, identifiant: String?, anonyme: Anonyme?, minutes: Int)] {
        var liste: [(jour: Jour, identifiant: String?, anonyme: Anonyme?, minutes: Int)] = []
        var k = 0
        for p in apprenants {
            for m in p.visites { liste.append((jours[k % jours.count], p.identifiant, nil, m)); k += 1 }
        }
        for a in passagesAnonymes { liste.append((jours[k % jours.count], nil, a, a.minutes)); k += 1 }
        return liste
    }

    /// The learners as `livret apprenant importer` reads them (consent to statistics given).
    public static var csvApprenants: String {
        (["identifiant;pseudonyme;année de naissance;sexe;consentement suivi;consentement statistiques"]
            + apprenants.map { "\($0.identifiant);\($0.identifiant);\($0.anneeNaissance);\($0.sexe.rawValue);oui;oui" })
            .joined(separator: "\n") + "\n"
    }

    /// The paper sign-in sheets of the permanences, typed into a spreadsheet.
    public static var csvPermanences: String {
        (["date;identifiant;sexe;âge;durée;type;lieu"] + visites.map { v in
            "\(v.jour);\(v.identifiant ?? "");\(v.anonyme?.sexe.rawValue ?? "");\(v.anonyme?.age ?? "");\(v.minutes) min;permanence;structure"
        }).joined(separator: "\n") + "\n"
    }
}
