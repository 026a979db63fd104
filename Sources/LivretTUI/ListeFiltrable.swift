import LivretTerminal

/// The rows of a list that the formateur filters with `/` (the accueil's cohorts, the people):
/// the folded text of each row (computed once per load), the rows that match the filter, the
/// selection and the scroll. The same behaviour for every such list.
struct ListeFiltrable: Equatable {
    /// Folded searchable text of each row.
    private(set) var cles: [String] = []
    /// The rows that match the filter, by index, in their order.
    private(set) var visibles: [Int] = []
    var defilement = Defilement()
    var filtre = Filtre()

    /// New rows, by their searchable text; the filter is applied again.
    mutating func charger(_ textes: [String]) {
        cles = textes.map(Filtre.plier)
        appliquer()
    }

    /// Keeps the rows whose text contains the filter (case and accents ignored).
    mutating func appliquer() {
        let cherche = Filtre.plier(filtre.texte.trimmingCharacters(in: .whitespaces))
        visibles = cherche.isEmpty ? Array(cles.indices) : cles.indices.filter { cles[$0].contains(cherche) }
        defilement.selection = min(defilement.selection, max(0, visibles.count - 1))
    }

    /// The selected row's index, if any row is shown.
    var selection: Int? { visibles.indices.contains(defilement.selection) ? visibles[defilement.selection] : nil }

    /// Selects `ligne` when it is shown (the row that was selected before a reload).
    mutating func selectionner(_ ligne: Int) {
        if let i = visibles.firstIndex(of: ligne) { defilement.selection = i }
    }

    /// A key while the filter is being typed: it edits the filter (the arrows move in the list).
    /// Returns false when the filter is not being typed.
    mutating func toucheFiltre(_ touche: Touche, hauteur: Int) -> Bool {
        guard filtre.actif else { return false }
        if let change = filtre.saisir(touche) {
            if change { defilement = Defilement(); appliquer() }
        } else {
            _ = defilement.suivre(touche, nombre: visibles.count, hauteur: hauteur)
        }
        return true
    }

    /// Échap with a filter kept: clears it. Returns false when there was none.
    mutating func effacerFiltre() -> Bool {
        guard !filtre.texte.isEmpty else { return false }
        filtre = Filtre()
        appliquer()
        return true
    }
}
