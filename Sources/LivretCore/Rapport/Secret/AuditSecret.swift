/// How a publication was made safe, figure by figure: for each masked figure, the range an
/// attacker who knows every published figure and every relation between them can deduce. This is
/// what a programme lead shows a funder (`livret rapport --audit`); it reveals nothing more than
/// the publication itself (the ranges are what anybody can compute from it).
public struct AuditSecret: Sendable, Codable, Equatable {
    /// One masked figure.
    public struct Ligne: Sendable, Codable, Equatable {
        /// Where it is (« femmes — 18–24 ans, abandons »).
        public let libelle: String
        /// The least value it can take.
        public let minimum: Int
        /// The greatest (nil: nothing published bounds it).
        public let maximum: Int?
    }

    /// Every masked count from 1 to seuil − 1 must have a range of at least seuil.
    public let seuil: Int
    /// How the figures were chosen and checked, in words.
    public let methode: String
    /// Published figures (counts, competences), masked or not.
    public let figures: Int
    /// The masked figures, in the order of the publication.
    public let masquees: [Ligne]
    /// Every masked figure is protected (else the publication is for internal use).
    public let sure: Bool

    /// The method, in plain French.
    public static let methodeTexte = "masquage des effectifs de 1 à seuil − 1 et d’autres chiffres choisis pour les protéger (suppression secondaire), "
        + "puis audit : pour chaque chiffre masqué, le plus petit et le plus grand nombre entier compatibles avec tout ce qui est publié "
        + "et toutes les relations connues (sommes, ordre des colonnes, motifs, heures), calculés par programmation linéaire en nombres entiers (GLPK) ; "
        + "quand la recherche s’arrête avant la preuve, les bornes sont des valeurs atteintes par des solutions trouvées : l’intervalle réel est au moins aussi large"

    /// Reports protected together with this one (1: alone).
    public let rapports: Int

    /// The audit of `cases` (every case: nil), with the ranges computed over the whole publication.
    public init(seuil: Int, tableaux: TableauxPublies, masques: [Bool], etendues: [Int: EtendueDeduite], cases: [Int]? = nil,
                sure: Bool, rapports: Int = 1) {
        self.seuil = seuil
        methode = Self.methodeTexte
        let choisies = cases ?? Array(tableaux.cases.indices)
        figures = Set(choisies).count
        // A figure shown in two places is listed once.
        var vus = Set<Int>()
        masquees = choisies.filter { masques[$0] && vus.insert($0).inserted }.map { i in
            let e = etendues[i]
            return Ligne(libelle: tableaux.cases[i].libelle, minimum: e?.minimum ?? 0, maximum: e?.maximum ?? (e == nil ? 0 : nil))
        }
        self.sure = sure
        self.rapports = rapports
    }
}
