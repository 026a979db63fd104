import LivretCore

/// Plain-French wording shared by the CV formats.
enum TexteFacile {
    static let mois = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                       "septembre", "octobre", "novembre", "décembre"]

    /// "14 avril 2023", "1er mars 2023": dates written out, easier to read than 14/04/2023.
    static func date(_ jour: Jour) -> String {
        "\(jour.jour == 1 ? "1er" : String(jour.jour)) \(mois[jour.mois - 1]) \(jour.annee)"
    }

    /// "1 heure", "64 heures".
    static func heures(_ n: Int) -> String {
        Accord.nombre(n, "heure")
    }

    /// The short verification code of a badge (``CodeBadge/court(_:)``).
    static func codeCourt(_ id: String) -> String { CodeBadge.court(id) }

    /// The same day `annees` years later (28 February for a 29 February).
    static func ajout(annees: Int, a jour: Jour) -> Jour {
        Jour(annee: jour.annee + annees, mois: jour.mois, jour: jour.jour)
            ?? Jour(annee: jour.annee + annees, mois: jour.mois, jour: jour.jour - 1)!
    }
}

extension String {
    /// The text escaped for HTML and XML: & < > " '.
    var echappeHTML: String { echappeXML }
}
