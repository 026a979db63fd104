import Foundation
import LivretCore

extension RenduRapport {
    /// The audit of a report's protection (`livret rapport --audit`): what was done, then one line
    /// per masked figure with the range an attacker can deduce, within 80 columns.
    public static func audit(_ a: AuditSecret) -> String {
        var t = "Audit du secret statistique\n"
        t += OutilsRapport.couper("Règle : chaque effectif de 1 à \(a.seuil - 1) personnes masqué doit pouvoir valoir au moins "
                                  + "\(a.seuil) valeurs différentes d'après tout ce qui est publié.", largeur: 80, retrait: "  ")
        t += OutilsRapport.couper("Méthode : \(a.methode).", largeur: 80, retrait: "  ")
        if a.rapports > 1 {
            t += OutilsRapport.couper("Protégé avec les \(a.rapports - 1) autres rapports de la période (la structure et ses parcours, "
                                      + "dans tous leurs croisements, et leurs bilans d'activité) : les chiffres masqués le restent quand "
                                      + "on les lit ensemble.", largeur: 80, retrait: "  ")
        }
        t += "\(Accord.nombre(a.masquees.count, "chiffre masqué", "chiffres masqués")) sur \(Accord.nombre(a.figures, "chiffre publié", "chiffres publiés")) ; "
            + (a.sure ? "tous protégés.\n" : "certains ne peuvent pas être protégés : rapport à usage interne.\n")
        guard !a.masquees.isEmpty else { return t }
        t += "\nChiffre masqué" + String(repeating: " ", count: 52) + "peut valoir\n"
        for ligne in a.masquees {
            let intervalle = ligne.maximum.map { "\(ligne.minimum) à \($0)" } ?? "\(ligne.minimum) ou plus"
            t += "  " + OutilsRapport.cadrer(ligne.libelle, 62) + " " + intervalle + "\n"
        }
        return String(t.dropLast())
    }

    /// The audit as JSON (same keys as ``AuditSecret``).
    public static func json(_ a: AuditSecret) throws -> Data { try OutilsRapport.json(a) }
}
