/// The kind of structure a person was sent on to (La Coop's `StructureDeRedirection`, its API values as raw values).
public enum StructureRedirection: String, ValeurCodee {
    case administration
    case mediationNumerique = "mediation_numerique"
    case operateurOuOrganismeEnCharge = "operateur_ou_organisme_en_charge"
    case aideSociale = "aide_sociale"
    case insertionProfessionnelle = "insertion_professionnelle"
    case aideAuxDemarchesAdministratives = "aide_aux_demarches_administratives"
    case autre

    /// Livret's words, read after « orientée vers » (La Coop's own are ``LibellesCoop/structureRedirection(_:)``).
    public var libelle: String {
        switch self {
        case .administration: "une administration (mairie, préfecture…)"
        case .mediationNumerique: "une autre structure de médiation numérique"
        case .operateurOuOrganismeEnCharge: "l’organisme en charge de la démarche"
        case .aideSociale: "une structure d’aide sociale (centre social, CCAS…)"
        case .insertionProfessionnelle: "une structure d’insertion (France Travail…)"
        case .aideAuxDemarchesAdministratives: "une aide aux démarches (France Services…)"
        case .autre: "une autre structure"
        }
    }

    /// One or two words, for a narrow column or a legend: « administration », « France Services »…
    public var court: String {
        switch self {
        case .administration: "administration"
        case .mediationNumerique: "médiation"
        case .operateurOuOrganismeEnCharge: "organisme"
        case .aideSociale: "aide sociale"
        case .insertionProfessionnelle: "insertion"
        case .aideAuxDemarchesAdministratives: "démarches"
        case .autre: "autre"
        }
    }
}

/// Whether the person was sent on to another structure (La Coop's « orienteVersStructure » and
/// « structureDeRedirection » in one value). An accompaniment's orientation is optional: nil is
/// « not said », which is not « pas orientée ».
///
/// Raw values: `pas_orientee`, or the ``StructureRedirection`` raw value.
public enum Orientation: Sendable, Hashable {
    case pasOrientee
    case vers(StructureRedirection)

    /// The kind of structure, nil when not oriented.
    public var structure: StructureRedirection? {
        if case .vers(let s) = self { return s }
        return nil
    }
}

extension Orientation: ValeurCodee {
    public init?(rawValue: String) {
        if rawValue == "pas_orientee" { self = .pasOrientee; return }
        guard let s = StructureRedirection(rawValue: rawValue) else { return nil }
        self = .vers(s)
    }

    public var rawValue: String {
        switch self {
        case .pasOrientee: "pas_orientee"
        case .vers(let s): s.rawValue
        }
    }

    public static var allCases: [Orientation] { [.pasOrientee] + StructureRedirection.allCases.map { .vers($0) } }

    /// « pas orientée », « orientée vers une structure d’aide sociale (centre social, CCAS…) » (the person: feminine).
    public var libelle: String {
        switch self {
        case .pasOrientee: "pas orientée"
        case .vers(let s): "orientée vers " + s.libelle
        }
    }

    public init(from decoder: any Decoder) throws {
        let texte = try decoder.singleValueContainer().decode(String.self)
        guard let valeur = Orientation(rawValue: texte) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "orientation inconnue « \(texte) »"))
        }
        self = valeur
    }

    public func encode(to encoder: any Encoder) throws {
        var conteneur = encoder.singleValueContainer()
        try conteneur.encode(rawValue)
    }
}

extension StructureRedirection {
    /// The kinds as typed (with « - »): « administration, mediation-numerique, … ou autre ».
    public static var choixSaisie: String {
        let valeurs = allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") }
        return valeurs.dropLast().joined(separator: ", ") + " ou " + valeurs.last!
    }
}

extension Orientation {
    /// What may be typed, for help and messages: « non (pas orientée), ou le type de structure : administration, … ou autre ».
    public static let choixSaisie = "non (pas orientée), ou le type de structure : " + StructureRedirection.choixSaisie

    /// An orientation as a person writes it (command line, a cell of a sign-in sheet): a raw value
    /// (with « _ » or « - »), Livret's or La Coop's label, « non », or a word a sheet often holds
    /// (« France Services », « mission locale », « CCAS », « mairie »…); case, accents and spaces
    /// ignored. Empty: nil (not said). « oui » alone is refused: it does not say where to.
    public static func saisie(_ texte: String) -> Result<Orientation?, ErreurRegle> {
        let propre = texte.trimmingCharacters(in: .whitespacesAndNewlines)
        if propre.isEmpty { return .success(nil) }
        let cle = Self.cle(propre)
        if ["non", "aucune", "pasorientee", "no", "n"].contains(cle) { return .success(.pasOrientee) }
        if let synonyme = synonymes[cle] { return .success(.vers(synonyme)) }
        if let valeur = depuis(propre) { return .success(valeur) }
        if let s = StructureRedirection.allCases.first(where: { Self.cle($0.rawValue) == cle || Self.cle($0.libelle) == cle
            || Self.cle(LibellesCoop.structureRedirection($0)) == cle }) {
            return .success(.vers(s))
        }
        if ["oui", "o", "yes", "orientee"].contains(cle) {
            return .failure(ErreurRegle("« \(RegleTexte.visible(propre, maximum: 40)) » ne dit pas vers quelle structure : écrivez le type de structure, "
                + StructureRedirection.choixSaisie + " (ou non si la personne n’a pas été orientée)."))
        }
        return .failure(ErreurRegle("« \(RegleTexte.visible(propre, maximum: 40)) » n’est pas une orientation : écrivez \(choixSaisie) ; "
            + "laissez vide si on ne sait pas."))
    }

    /// Lowercase, no accents, no spaces, « _ », « - » or apostrophes.
    static func cle(_ texte: String) -> String {
        NormalisationTitre.cle(texte).filter { $0.isLetter || $0.isNumber }
    }

    /// Words sheets hold for a kind of structure (keys as ``cle(_:)`` makes them).
    static let synonymes: [String: StructureRedirection] = [
        "mairie": .administration, "prefecture": .administration, "admin": .administration,
        "mediation": .mediationNumerique, "mediationnumerique": .mediationNumerique,
        "operateur": .operateurOuOrganismeEnCharge, "organisme": .operateurOuOrganismeEnCharge,
        "caf": .operateurOuOrganismeEnCharge, "cpam": .operateurOuOrganismeEnCharge, "ameli": .operateurOuOrganismeEnCharge,
        "social": .aideSociale, "aidesociale": .aideSociale, "ccas": .aideSociale, "centresocial": .aideSociale,
        "insertion": .insertionProfessionnelle, "emploi": .insertionProfessionnelle, "francetravail": .insertionProfessionnelle,
        "poleemploi": .insertionProfessionnelle, "missionlocale": .insertionProfessionnelle,
        "demarches": .aideAuxDemarchesAdministratives, "franceservices": .aideAuxDemarchesAdministratives,
        "aideauxdemarches": .aideAuxDemarchesAdministratives,
    ]
}
