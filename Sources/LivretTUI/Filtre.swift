import Foundation

/// The `/` filter of lists: what was typed, and the rows that match it (case and accents ignored).
struct Filtre: Equatable {
    var champ = ChampTexte()
    /// True while typing; Entrée keeps the filter, Échap clears it.
    var actif = false

    var texte: String { champ.texte }

    /// Folds case and accents: "Séance" matches "seance".
    static func plier(_ texte: String) -> String {
        texte.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The indices of `elements` whose `texte` contains the filter.
    func indices<T>(_ elements: [T], texte: (T) -> String) -> [Int] {
        let cherche = Self.plier(champ.texte.trimmingCharacters(in: .whitespaces))
        guard !cherche.isEmpty else { return Array(elements.indices) }
        return elements.indices.filter { Self.plier(texte(elements[$0])).contains(cherche) }
    }
}
