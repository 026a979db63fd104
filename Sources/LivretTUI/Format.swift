import LivretCore

/// Numbers and dates as the UI writes them, in French.
enum Format {
    static let jours = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]

    /// "lun. 4 mars 2024".
    static func jourCourt(_ jour: Jour) -> String {
        // 1970-01-01 was a Thursday (index 3).
        let indice = ((jour.numero % 7) + 7 + 3) % 7
        return "\(jours[indice]) \(jour.francais)"
    }

    /// "04/03/2024".
    static func date(_ jour: Jour) -> String { jour.francais }

    /// 0.873 → "87 %".
    static func pourcentage(_ valeur: Double?) -> String {
        guard let valeur else { return "—" }
        return "\(Int((valeur * 100).rounded())) %"
    }

    /// 67.0 → "67 h", 4.5 → "4,5 h".
    static func heures(_ heures: Double) -> String {
        let arrondi = (heures * 10).rounded() / 10
        if arrondi == arrondi.rounded() { return "\(Int(arrondi)) h" }
        return String(arrondi).replacingOccurrences(of: ".", with: ",") + " h"
    }

    /// 90 → "1 h 30", 120 → "2 h", 45 → "45 min".
    static func duree(minutes: Int) -> String {
        if minutes < 60 { return "\(minutes) min" }
        let reste = minutes % 60
        return reste == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(reste < 10 ? "0" : "")\(reste)"
    }
}
