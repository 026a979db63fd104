/// A coded value with its French label, stored by its raw value.
public protocol ValeurCodee: RawRepresentable<String>, CaseIterable, Sendable, Codable, Hashable {
    /// The label shown to people.
    var libelle: String { get }
}

extension ValeurCodee {
    /// The value whose raw value or label matches `texte` (case, accents and spaces ignored).
    public static func depuis(_ texte: String) -> Self? {
        let cle = NormalisationTitre.cle(texte).replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return allCases.first { valeur in
            [valeur.rawValue, valeur.libelle].contains {
                NormalisationTitre.cle($0).replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ") == cle
            }
        }
    }

    /// "a, b ou c" for help and error messages.
    public static var choix: String {
        let valeurs = allCases.map(\.rawValue)
        return valeurs.dropLast().joined(separator: ", ") + " ou " + (valeurs.last ?? "")
    }
}

/// Sex as recorded for funder reports: four categories, none dropped.
public enum Sexe: String, ValeurCodee {
    case feminin, masculin, autre
    case nonCommunique = "non_communique"

    public var libelle: String {
        switch self {
        case .feminin: "féminin"
        case .masculin: "masculin"
        case .autre: "autre"
        case .nonCommunique: "non communiqué"
        }
    }
}

/// Residence in a quartier prioritaire de la politique de la ville.
public enum ResidenceQPV: String, ValeurCodee {
    case oui, non
    case nonCommunique = "non_communique"

    public var libelle: String {
        switch self {
        case .oui: "réside en QPV"
        case .non: "hors QPV"
        case .nonCommunique: "non communiqué"
        }
    }
}

/// Social status, in the national médiation tool's categories.
public enum StatutSocial: String, ValeurCodee {
    case scolarise
    case sansEmploi = "sans_emploi"
    case enEmploi = "en_emploi"
    case retraite
    case nonCommunique = "non_communique"

    public var libelle: String {
        switch self {
        case .scolarise: "scolarisé"
        case .sansEmploi: "sans emploi"
        case .enEmploi: "en emploi"
        case .retraite: "retraité"
        case .nonCommunique: "non communiqué"
        }
    }
}

/// Attendance at one séance.
public enum StatutPresence: String, ValeurCodee {
    case present, excuse, absent

    public var libelle: String {
        switch self {
        case .present: "présent"
        case .excuse: "excusé"
        case .absent: "absent"
        }
    }
}

/// A learner's status in a cohort: inscrit → en cours → terminé | abandon.
public enum StatutInscription: String, ValeurCodee {
    case inscrit
    case enCours = "en_cours"
    case termine
    case abandon

    public var libelle: String {
        switch self {
        case .inscrit: "inscrit"
        case .enCours: "en cours"
        case .termine: "terminé"
        case .abandon: "abandon"
        }
    }

    /// The statuses that may follow this one.
    public var suivants: [StatutInscription] {
        switch self {
        case .inscrit: [.enCours, .abandon]
        case .enCours: [.termine, .abandon]
        case .termine, .abandon: []
        }
    }
}

/// A positive outcome when a learner leaves a cohort.
public enum TypeSortie: String, ValeurCodee {
    case certification, emploi, formation
    case autre

    public var libelle: String {
        switch self {
        case .certification: "certification"
        case .emploi: "emploi"
        case .formation: "formation"
        case .autre: "autre"
        }
    }
}

/// How strongly a piece of evidence proves a skill, weakest first.
public enum NiveauPreuve: String, ValeurCodee, Comparable {
    /// The learner's own statement (or satisfaction).
    case declaratif
    /// Worked on, accompanied by the structure.
    case suivi
    /// Observed doing it alone.
    case autonomie
    /// External certification (Pix…).
    case certifie

    public var libelle: String {
        switch self {
        case .declaratif: "déclaratif"
        case .suivi: "suivi"
        case .autonomie: "autonomie"
        case .certifie: "certifié"
        }
    }

    /// Plain words for learners.
    public var libelleFacile: String {
        switch self {
        case .declaratif: "dit par la personne"
        case .suivi: "avec accompagnement"
        case .autonomie: "en autonomie"
        case .certifie: "certifié"
        }
    }

    var rang: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: NiveauPreuve, b: NiveauPreuve) -> Bool { a.rang < b.rang }
}

/// Which référentiel a piece of evidence or a level refers to.
public enum ReferentielCible: String, ValeurCodee {
    case aptic, pix

    public var libelle: String { self == .aptic ? "APTIC" : "Pix" }
}
