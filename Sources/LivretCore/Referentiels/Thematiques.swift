/// The project's crosswalk from APTIC to the thématiques other tools count by: La Coop de la médiation
/// numérique's (``ThematiqueCoop``) and data·inclusion's `numerique--*` ones. Pix is reached through
/// the APTIC → Pix table (``TableCorrespondances``). A link is made at the sous-thème level (every item
/// of the sous-thème) or for one item (which then takes only its own links).
public struct TableThematiques: Sendable, Equatable {
    /// A thématique of another référentiel, as its schema declares it.
    public struct ThematiqueExterne: Sendable, Equatable, Codable {
        public var code: String
        public var libelle: String
    }

    public struct Lien: Sendable, Equatable {
        /// An APTIC sous-thème (« 2.1 ») or item (« 66 ») code.
        public var aptic: String
        /// La Coop thématiques (its API values, « email »).
        public var coop: [String]
        /// data·inclusion thématiques (« numerique--maitriser-les-fondamentaux-du-numerique »).
        public var dataInclusion: [String]
        /// Why, in one line.
        public var motif: String
        var chemin = ""
    }

    /// An APTIC sous-thème with no Coop thématique, with the reason.
    public struct SansCorrespondance: Sendable, Equatable {
        public var aptic: String
        public var motif: String
        var chemin = ""
    }

    public var entete: EnteteReferentiel
    /// data·inclusion's digital thématiques, with where the list comes from.
    public var dataInclusion: [ThematiqueExterne]
    public var sourceDataInclusion: String
    public var liens: [Lien]
    public var sansCorrespondance: [SansCorrespondance]
    var fichier: String

    /// The Coop thématiques of an APTIC item: its own links when it has some, else its sous-thème's.
    public func thematiquesCoop(item: String, sousTheme: String) -> [ThematiqueCoop] {
        let propres = liens.filter { $0.aptic == item }
        let choisis = propres.isEmpty ? liens.filter { $0.aptic == sousTheme } : propres
        var vus = Set<ThematiqueCoop>()
        return choisis.flatMap(\.coop).compactMap(ThematiqueCoop.init(rawValue:)).filter { vus.insert($0).inserted }
    }

    /// Checks every link against APTIC, La Coop and the declared data·inclusion list: no unknown code on
    /// either side, no pair twice, and every sous-thème of the nomenclature linked to at least one Coop
    /// thématique or listed with its reason, never both.
    public func verifier(aptic: ReferentielAptic) -> [ErreurReferentiel] {
        var erreurs: [ErreurReferentiel] = []
        func erreur(_ genre: ErreurReferentiel.Genre, _ chemin: String, _ message: String, _ conseil: String) {
            erreurs.append(ErreurReferentiel(genre, fichier: fichier, chemin: chemin, message: message, conseil: conseil))
        }
        let sousThemes = Set(aptic.sousThemes.map(\.code))
        let codesDataInclusion = Set(dataInclusion.map(\.code))
        var vus: [String: String] = [:]
        for lien in liens {
            if !sousThemes.contains(lien.aptic) && aptic.item(lien.aptic) == nil {
                erreur(.lienCasse, "\(lien.chemin).aptic", "« \(lien.aptic) » n'est ni un sous-thème ni un item APTIC.", "Corrigez le code (2.1 pour un sous-thème, 66 pour un item).")
            }
            for (i, code) in lien.coop.enumerated() where ThematiqueCoop(rawValue: code) == nil {
                erreur(.lienCasse, "\(lien.chemin).coop[\(i)]", "la thématique de La Coop « \(code) » n'existe pas.",
                       "Choisissez parmi : " + ThematiqueCoop.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            for (i, code) in lien.dataInclusion.enumerated() where !codesDataInclusion.contains(code) {
                erreur(.lienCasse, "\(lien.chemin).dataInclusion[\(i)]", "la thématique data·inclusion « \(code) » n'est pas dans « thematiquesDataInclusion ».",
                       "Choisissez parmi : " + dataInclusion.map(\.code).joined(separator: ", ") + ".")
            }
            if lien.coop.isEmpty && lien.dataInclusion.isEmpty {
                erreur(.valeurInvalide, lien.chemin, "le lien de « \(lien.aptic) » ne mène à rien.", "Donnez au moins une thématique, ou mettez-le dans « sansCorrespondance ».")
            }
            if let premier = vus[lien.aptic] {
                erreur(.codeEnDouble, "\(lien.chemin).aptic", "« \(lien.aptic) » a déjà son lien en \(premier).", "Réunissez les thématiques dans un seul lien.")
            }
            vus[lien.aptic] = vus[lien.aptic] ?? lien.chemin
        }
        var sans: [String: String] = [:]
        for entree in sansCorrespondance {
            if !sousThemes.contains(entree.aptic) {
                erreur(.lienCasse, "\(entree.chemin).aptic", "« \(entree.aptic) » n'est pas un sous-thème APTIC.", "Corrigez le code ou retirez cette ligne.")
            }
            if liens.contains(where: { $0.aptic == entree.aptic && !$0.coop.isEmpty }) {
                erreur(.valeurInvalide, "\(entree.chemin).aptic", "le sous-thème « \(entree.aptic) » a des thématiques de La Coop et figure aussi sans correspondance.",
                       "Gardez l'un ou l'autre.")
            }
            if let premier = sans[entree.aptic] {
                erreur(.codeEnDouble, "\(entree.chemin).aptic", "le sous-thème « \(entree.aptic) » est déjà en \(premier).", "Gardez une seule ligne.")
            }
            sans[entree.aptic] = sans[entree.aptic] ?? entree.chemin
        }
        for sousTheme in aptic.sousThemes where sans[sousTheme.code] == nil
            && !liens.contains(where: { $0.aptic == sousTheme.code && !$0.coop.isEmpty }) {
            erreur(.correspondanceManquante, "$.liens", "le sous-thème \(sousTheme.code) « \(sousTheme.titre) » n'a ni thématique de La Coop ni raison de ne pas en avoir.",
                   "Ajoutez un lien {\"aptic\": \"\(sousTheme.code)\", \"coop\": [\"…\"], \"motif\": \"…\"} ou une entrée dans « sansCorrespondance ».")
        }
        return erreurs
    }
}

extension LecteurJSON {
    mutating func thematiques(_ racine: [String: JSONValeur], entete: EnteteReferentiel) -> TableThematiques {
        var externes: [TableThematiques.ThematiqueExterne] = []
        for (objet, chemin) in objets(racine, "thematiquesDataInclusion", "$") {
            if let code = chaine(objet, "code", chemin), let libelle = chaine(objet, "libelle", chemin) {
                externes.append(.init(code: code, libelle: libelle))
            }
        }
        let source = chaine(racine, "sourceDataInclusion", "$") ?? ""
        var liens: [TableThematiques.Lien] = []
        for (objet, chemin) in objets(racine, "liens", "$") {
            if let aptic = chaine(objet, "aptic", chemin), let motif = motif(objet, chemin) {
                liens.append(.init(aptic: aptic, coop: chaines(objet, "coop", chemin), dataInclusion: chaines(objet, "dataInclusion", chemin),
                                   motif: motif, chemin: chemin))
            }
        }
        var sans: [TableThematiques.SansCorrespondance] = []
        for (objet, chemin) in objets(racine, "sansCorrespondance", "$", obligatoire: false) {
            if let aptic = chaine(objet, "aptic", chemin), let motif = motif(objet, chemin) {
                sans.append(.init(aptic: aptic, motif: motif, chemin: chemin))
            }
        }
        return TableThematiques(entete: entete, dataInclusion: externes, sourceDataInclusion: source, liens: liens, sansCorrespondance: sans,
                                fichier: fichier)
    }
}

extension Catalogue {
    /// The Coop thématiques of one activity: those `notees` (recorded with it) when there are some, else
    /// those of the APTIC items worked on. The one rule of the Coop's activity file and of the activity review.
    public func thematiquesCoop(notees: [ThematiqueCoop], itemsAptic: [String]) -> [ThematiqueCoop] {
        notees.isEmpty ? thematiquesCoop(itemsAptic: itemsAptic) : ThematiqueCoop.allCases.filter(Set(notees).contains)
    }

    /// The Coop thématiques of the APTIC items worked on (``TableThematiques/thematiquesCoop(item:sousTheme:)``),
    /// each once, in the Coop's order; none without the crosswalk. Items are looked up in the nomenclature in use (``aptic``).
    public func thematiquesCoop(itemsAptic: [String]) -> [ThematiqueCoop] {
        guard let thematiques else { return [] }
        var trouvees = Set<ThematiqueCoop>()
        for code in itemsAptic {
            guard let sousTheme = aptic.sousThemes.first(where: { $0.items.contains { $0.code == code } }) else { continue }
            trouvees.formUnion(thematiques.thematiquesCoop(item: code, sousTheme: sousTheme.code))
        }
        return Self.enOrdreCoop(trouvees)
    }

    /// Thématiques found, each once, in the Coop's order.
    static func enOrdreCoop(_ trouvees: Set<ThematiqueCoop>) -> [ThematiqueCoop] {
        ThematiqueCoop.allCases.filter(trouvees.contains)
    }
}

/// ``Catalogue/thematiquesCoop(notees:itemsAptic:)`` with each APTIC item looked up once: an extract
/// asks for the same hundred items for thousands of inscriptions.
public struct ThematiquesParItem {
    public let catalogue: Catalogue
    private var parItem: [String: [ThematiqueCoop]] = [:]

    public init(_ catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// The same answer as ``Catalogue/thematiquesCoop(notees:itemsAptic:)``.
    public mutating func thematiquesCoop(notees: [ThematiqueCoop], itemsAptic: [String]) -> [ThematiqueCoop] {
        guard notees.isEmpty else { return catalogue.thematiquesCoop(notees: notees, itemsAptic: itemsAptic) }
        var trouvees = Set<ThematiqueCoop>()
        for code in itemsAptic {
            if let connues = parItem[code] {
                trouvees.formUnion(connues)
            } else {
                let t = catalogue.thematiquesCoop(itemsAptic: [code])
                parItem[code] = t
                trouvees.formUnion(t)
            }
        }
        return Catalogue.enOrdreCoop(trouvees)
    }
}
