import Foundation

/// French formatting of numbers and durations, independent of the machine's locale.
public enum Format {
    /// "67 h", "1,5 h".
    public static func heures(_ heures: Double) -> String {
        "\(nombre(heures)) h"
    }

    /// A number with a decimal comma and no useless zeros: 67 → "67", 1.5 → "1,5".
    public static func nombre(_ valeur: Double, decimales: Int = 1) -> String {
        if valeur == valeur.rounded() { return String(Int(valeur)) }
        let facteur = pow(10.0, Double(decimales))
        let arrondi = (valeur * facteur).rounded() / facteur
        var texte = String(arrondi)
        if texte.hasSuffix(".0") { texte.removeLast(2) }
        return texte.replacingOccurrences(of: ".", with: ",")
    }

    /// A share as a French percentage: 0.8 → "80 %".
    public static func pourcentage(_ part: Double) -> String {
        "\(nombre(part * 100)) %"
    }
}
