import LivretCore

/// Files for La Coop de la médiation numérique, laid out exactly as its own templates.
public enum CoopClasseur {
    /// The instructions of the Coop's template (row 1, merged over A1:J1), word for word.
    public static let instructions = [
        "Instructions d'utilisation :  ",
        "- Nom et Prénom sont obligatoires ",
        "- Année de naissance est fortement conseillé pour différencier les homonymes ",
        "- Les autres champs sont optionnels ",
        "- Pour compléter le champ commune, renseignez le nom de la commune. Le code INSEE et le code postal seront automatiquement complétés",
    ].joined(separator: "\n")

    /// Row 2 of the template (merged down to row 3, « Commune » over D2:F2).
    public static let entete = ["Nom", "Prénom", "Année de naissance", "Commune", "", "", "N° de téléphone", "E-mail", "Genre", "Notes supplémentaires"]
    /// Row 3 of the template: the three columns of the commune.
    public static let sousEntete = ["", "", "", "Nom", "Code INSEE", "Code postal", "", "", "", ""]

    /// The beneficiary import file (`coop-numerique_import-beneficiaires.xlsx`): sheet « Bénéficiaires »,
    /// the template's three header rows and merged cells, one row per beneficiary from row 4, no empty
    /// row in between (the Coop's importer stops at the first empty one). Phone numbers stay text.
    public static func beneficiaires(_ beneficiaires: [BeneficiaireCoop], date: Jour) -> Classeur {
        let largeurs: [Double] = [20, 20, 12, 20, 11, 11, 16, 28, 14, 30]
        let colonnes = zip(sousEntete, largeurs).map { Classeur.Colonne($0, largeur: $1) }
        var fusions = [Classeur.Fusion(lignes: 0...0, colonnes: 0...9, texte: instructions)]
        for (c, titre) in entete.enumerated() where c < 3 || c > 5 {
            fusions.append(.init(lignes: 1...2, colonnes: c...c, texte: titre))
        }
        fusions.append(.init(lignes: 1...1, colonnes: 3...5, texte: "Commune"))
        let lignes: [[Classeur.Cellule]] = beneficiaires.map { b in
            [.texte(b.nom), .texte(b.prenom), b.anneeNaissance.map { .entier($0) } ?? .vide, .vide, .vide, .vide,
             b.telephone.map { .texte($0) } ?? .vide, b.email.map { .texte($0) } ?? .vide, .texte(b.genre), .texte(b.notes)]
        }
        return Classeur(titre: "Import bénéficiaires La Coop", date: date, feuilles: [
            .init(nom: "Bénéficiaires", colonnes: colonnes, lignes: lignes, prelude: [[instructions], entete], fusions: fusions),
        ])
    }
}
