/// One row of La Coop de la médiation numérique's beneficiary import file
/// (`coop-numerique_import-beneficiaires.xlsx`, sheet « Bénéficiaires », data from row 4, ten
/// columns): what Livret may pass on for a learner who agreed to it.
public struct BeneficiaireCoop: Sendable, Equatable, Codable {
    public var nom: String
    public var prenom: String
    public var anneeNaissance: Int?
    public var telephone: String?
    public var email: String?
    /// The Coop's label: « Féminin », « Masculin » or « Non communiqué ».
    public var genre: String
    /// « Livret A-0001 »: how the conseiller finds the person back in Livret.
    public var notes: String

    public init(nom: String, prenom: String, anneeNaissance: Int?, telephone: String?, email: String?, genre: String, notes: String) {
        self.nom = nom
        self.prenom = prenom
        self.anneeNaissance = anneeNaissance
        self.telephone = telephone
        self.email = email
        self.genre = genre
        self.notes = notes
    }
}

/// Who goes into the Coop's beneficiary file, and how a learner's record becomes a row: one rule
/// for the command line and the terminal UI.
///
/// - Only with the « coop » consent in force (``UsageDonnees/coop``), never for an erased identity.
/// - The Coop's importer requires a last name and a first name (`analyseImportBeneficiairesExcel`):
///   a learner known by a first name or a pseudonym only stays out, said, never invented.
/// - Sex: the Coop knows « Féminin », « Masculin » and « Non communiqué » (its `Genre` enum);
///   Livret's « autre » becomes « Non communiqué » — the Coop has no other value, and guessing would be
///   worse than saying nothing.
/// - A year of birth outside the Coop's range (1900 to the current year) is left empty.
/// - No commune: Livret does not record where people live (only QPV residence, which the Coop does not import).
public enum ExportBeneficiairesCoop {
    /// Why a learner is not in the file.
    public enum Exclusion: String, Error, Sendable, Equatable, CaseIterable {
        case sansAccord = "sans accord « coop »"
        case sansNomEtPrenom = "sans nom et prénom (La Coop exige les deux)"
        case identiteEffacee = "identité effacée"
    }

    /// The Coop's label for a sex.
    public static func genre(_ sexe: Sexe) -> String {
        switch sexe {
        case .feminin: "Féminin"
        case .masculin: "Masculin"
        case .autre, .nonCommunique: "Non communiqué"
        }
    }

    /// « Nom Prénom » as the Coop knows a beneficiary, or nil when the person may not be named there:
    /// without the « coop » consent, erased, or without both names.
    public static func nomBeneficiaire(nom: String?, prenom: String?, coop: Bool, efface: Bool) -> String? {
        guard coop, !efface, let nom = propre(nom), let prenom = propre(prenom) else { return nil }
        return "\(nom) \(prenom)"
    }

    static func propre(_ t: String?) -> String? {
        guard let t = t?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// The row of learner `a` given the consent in force, or why there is none.
    public static func beneficiaire(_ a: Apprenant, consentement: Consentement?, anneeCourante: Int) -> Result<BeneficiaireCoop, Exclusion> {
        if a.efface { return .failure(.identiteEffacee) }
        guard UsageDonnees.coop.autorise(consentement) else { return .failure(.sansAccord) }
        guard nomBeneficiaire(nom: a.nom, prenom: a.prenom, coop: true, efface: false) != nil, let nom = propre(a.nom), let prenom = propre(a.prenom) else {
            return .failure(.sansNomEtPrenom)
        }
        let annee = a.anneeNaissance.flatMap { (1900...anneeCourante).contains($0) ? $0 : nil }
        return .success(BeneficiaireCoop(nom: nom, prenom: prenom, anneeNaissance: annee, telephone: propre(a.telephone), email: propre(a.email),
                                         genre: genre(a.sexe), notes: "Livret \(a.identifiant)"))
    }
}
