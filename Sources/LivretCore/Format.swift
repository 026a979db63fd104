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

    /// `texte` itself when it has at most `maximum` characters, otherwise its beginning followed by
    /// "… (N caractères)": what a message may repeat of a value read in a file.
    public static func extrait(_ texte: String, maximum: Int = 80) -> String {
        let scalaires = texte.unicodeScalars
        guard scalaires.count > maximum else { return texte }
        return String(String.UnicodeScalarView(scalaires.prefix(maximum))) + "… (\(scalaires.count) caractères)"
    }

    /// `message` with every « quoted value » longer than `maximum` characters cut by ``extrait(_:maximum:)``:
    /// a hostile file must not be echoed back at length in an error message.
    public static func citationsCourtes(_ message: String, maximum: Int = 80) -> String {
        guard message.unicodeScalars.count > maximum else { return message }
        var resultat = ""
        var reste = message[...]
        while let ouvrant = reste.range(of: "« ") {
            resultat += reste[..<ouvrant.upperBound]
            reste = reste[ouvrant.upperBound...]
            guard let fermant = reste.range(of: " »") else { break }
            resultat += extrait(String(reste[..<fermant.lowerBound]), maximum: maximum)
            resultat += " »"
            reste = reste[fermant.upperBound...]
        }
        return resultat + reste
    }
}
