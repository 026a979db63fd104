import LivretTerminal

/// A plain text table with aligned columns (widths counted in characters).
enum Tableau {
    /// The table; a cell's line feeds and controls are shown visibly (``TexteVisible/cellule(_:)``),
    /// so that no value can start a row of its own.
    static func texte(entetes: [String], lignes brutes: [[String]]) -> String {
        let lignes = brutes.map { $0.map(TexteVisible.cellule) }
        var largeurs = entetes.map(\.count)
        for ligne in lignes {
            for (indice, cellule) in ligne.enumerated() where indice < largeurs.count {
                largeurs[indice] = max(largeurs[indice], cellule.count)
            }
        }
        func formater(_ cellules: [String]) -> String {
            cellules.enumerated().map { indice, cellule in
                indice == cellules.count - 1 ? cellule : cellule.padding(toLength: largeurs[indice], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let separation = largeurs.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([formater(entetes), separation] + lignes.map(formater)).joined(separator: "\n")
    }
}
