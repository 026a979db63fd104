import Foundation
import LivretTerminal

/// The `/` filter of lists: what was typed, and the rows that match it (case and accents ignored).
struct Filtre: Equatable {
    var champ = ChampTexte()
    /// True while typing; Entrée keeps the filter, Échap clears it.
    var actif = false

    var texte: String { champ.texte }

    /// A key while the filter is being typed: Entrée keeps it, Échap clears it, other keys edit
    /// it. Returns nil when the key is not for the filter (the arrows: the list moves), else
    /// whether the text changed (then the list is filtered again).
    mutating func saisir(_ touche: Touche) -> Bool? {
        switch touche {
        case .entree: actif = false; return false
        case .echap, .ctrl("c"): self = Filtre(); return true   // Ctrl-C cancels the field, not Livret
        default: return champ.appliquer(touche) ? true : nil
        }
    }

    /// Folds case and accents: "Séance" matches "seance", "Œuvre" matches "oeuvre". Written by hand
    /// for Latin letters (what names and titles use here): Foundation's folding costs ~50 µs a string,
    /// too slow to fold 2 000 cohorts within a key press.
    static func plier(_ texte: String) -> String {
        var resultat = String.UnicodeScalarView()
        for scalaire in texte.unicodeScalars {
            let v = scalaire.value
            if v < 0x80 {
                resultat.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalaire)
            } else if (0x300...0x36F).contains(v) {
                continue  // combining accents
            } else if let remplacement = sansAccent[scalaire] {
                resultat.append(contentsOf: remplacement.unicodeScalars)
            } else {
                resultat.append(contentsOf: String(scalaire).lowercased().unicodeScalars)
            }
        }
        return String(resultat)
    }

    static let sansAccent: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let groupes = ["a": "àáâãäåÀÁÂÃÄÅ", "c": "çÇ", "e": "èéêëÈÉÊË", "i": "ìíîïÌÍÎÏ", "n": "ñÑ", "o": "òóôõöøÒÓÔÕÖØ",
                       "u": "ùúûüÙÚÛÜ", "y": "ýÿÝŸ", "oe": "œŒ", "ae": "æÆ", "'": "’‘", "-": "–—"]
        for (base, lettres) in groupes { for l in lettres.unicodeScalars { table[l] = base } }
        return table
    }()

    /// The indices of `elements` whose `texte` contains the filter.
    func indices<T>(_ elements: [T], texte: (T) -> String) -> [Int] {
        let cherche = Self.plier(champ.texte.trimmingCharacters(in: .whitespaces))
        guard !cherche.isEmpty else { return Array(elements.indices) }
        return elements.indices.filter { Self.plier(texte(elements[$0])).contains(cherche) }
    }
}
