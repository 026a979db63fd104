/// Where a niveau or sous-thème comes from.
public enum Provenance: String, Sendable, Codable, CaseIterable {
    /// The national #APTIC referential.
    case nationale
    /// Added by a territory (Roubaix's niveau 0 for self-service access).
    case locale
}

/// A former title kept when a variant renames a node.
public struct AncienTitre: Sendable, Equatable, Codable {
    public var titre: String
    /// The référentiel (base or variant) and version that used this title.
    public var version: String
}

/// A place an item held before a variant moved it.
public struct AnciennePlace: Sendable, Equatable, Codable {
    /// The sous-thème it was in.
    public var sousTheme: String
    /// That sous-thème's niveau.
    public var niveau: String
    /// The référentiel and version where it sat there.
    public var version: String

    public init(sousTheme: String, niveau: String, version: String) {
        self.sousTheme = sousTheme
        self.niveau = niveau
        self.version = version
    }
}

/// The APTIC nomenclature: niveaux → sous-thèmes → items.
public struct ReferentielAptic: Sendable, Equatable {
    public var entete: EnteteReferentiel
    public var niveaux: [NiveauAptic]
    /// The variants applied on top of the base, in order (empty for the base itself).
    public var variantes: [String] = []

    /// Every item, in the nomenclature's order.
    public var items: [ItemAptic] { niveaux.flatMap { $0.sousThemes.flatMap(\.items) } }
    /// Every sous-thème, in order.
    public var sousThemes: [SousThemeAptic] { niveaux.flatMap(\.sousThemes) }

    public func niveau(_ code: String) -> NiveauAptic? { niveaux.first { $0.code == code } }
    public func sousTheme(_ code: String) -> SousThemeAptic? { sousThemes.first { $0.code == code } }
    public func item(_ code: String) -> ItemAptic? { items.first { $0.code == code } }

    /// The niveau and sous-thème an item belongs to.
    public func parents(deItem code: String) -> (niveau: NiveauAptic, sousTheme: SousThemeAptic)? {
        for niveau in niveaux {
            for sousTheme in niveau.sousThemes where sousTheme.items.contains(where: { $0.code == code }) {
                return (niveau, sousTheme)
            }
        }
        return nil
    }
}

public struct NiveauAptic: Sendable, Equatable {
    public var code: String
    public var titre: String
    /// The spelling of the source document (capitals without accents), when it differs.
    public var titreSource: String?
    public var provenance: Provenance
    public var sousThemes: [SousThemeAptic]
    public var historique: [AncienTitre] = []
}

public struct SousThemeAptic: Sendable, Equatable {
    public var code: String
    public var titre: String
    public var titreSource: String?
    public var provenance: Provenance
    public var items: [ItemAptic]
    public var historique: [AncienTitre] = []
    /// What the sous-thème covers in words an employer understands (« Utiliser les outils courants :
    /// e-mails, fichiers, traitement de texte, tableur »); nil when the file gives none.
    public var libelleFacile: String? = nil

    /// The file that defined the sous-thème (`aptic`, or the variant that created it).
    public var origine: String = "aptic"

    /// ``libelleFacile``, else the title.
    public var libelleCourant: String { libelleFacile ?? titre }
}

public struct ItemAptic: Sendable, Equatable {
    /// Whether an item can still be worked on.
    public enum Statut: Sendable, Equatable {
        case actif
        /// Retired by a variant: still readable, with the reason.
        case retire(motif: String, par: String)
    }

    public var code: String
    public var titre: String
    /// A plain-language label for learners ("facile à lire et à comprendre").
    public var libelleFacile: String?
    public var motsCles: [String] = []
    public var statut: Statut = .actif
    public var historique: [AncienTitre] = []
    /// Where the item was before a variant moved it (empty when it never moved).
    public var anciennesPlaces: [AnciennePlace] = []
    /// The file that defined the item (`aptic` or a variant's code).
    public var origine: String

    public var estRetire: Bool {
        if case .retire = statut { return true }
        return false
    }
}
