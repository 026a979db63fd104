import Foundation

/// Every référentiel Livret works with, loaded together and checked against each other.
///
/// ```swift
/// let catalogue = try Catalogue.charger(fichiers)
/// let (amende, changements) = try catalogue.aptic(variante: "aptic-roubaix-ateliers")
/// ```
public struct Catalogue: Sendable, Equatable {
    /// A file to load: its name (for messages) and its bytes.
    public struct Fichier: Sendable, Equatable {
        public var nom: String
        public var donnees: Data

        public init(nom: String, donnees: Data) {
            self.nom = nom
            self.donnees = donnees
        }
    }

    /// The national APTIC nomenclature, as its file says. Changing it lays the adopted variant again,
    /// so that ``aptic`` never lags behind it.
    public var apticBase: ReferentielAptic {
        didSet { aptic = (try? aptic(variante: varianteAdoptee).referentiel) ?? apticBase }
    }
    /// The APTIC nomenclature in use: the national one, or the variant the structure adopted laid
    /// on it (``adoptant(variante:)``). Badges, the CV, reports and the screens read this one.
    public private(set) var aptic: ReferentielAptic
    /// The code of the adopted variant, nil when the structure works with the national nomenclature.
    public private(set) var varianteAdoptee: String? = nil
    /// Local variants of the APTIC nomenclature, by code.
    public var variantes: [VarianteAptic]
    public var pix: ReferentielPix
    public var correspondances: TableCorrespondances
    /// APTIC → La Coop and data·inclusion thématiques, when shipped.
    public var thematiques: TableThematiques? = nil
    /// Parcours templates, in code order.
    public var parcours: [ModeleParcours]

    /// Loads and checks a set of files: each on its own, then against each other
    /// (variants on their base, crosswalk links, parcours targets).
    ///
    /// - Throws: ``ErreursReferentiel`` with every problem of every file.
    public static func charger(_ fichiers: [Fichier]) throws(ErreursReferentiel) -> Catalogue {
        var erreurs: [ErreurReferentiel] = []
        var documents: [(fichier: String, document: DocumentReferentiel)] = []
        var codes: [String: String] = [:]
        var typesLus: Set<EnteteReferentiel.TypeReferentiel> = []
        for fichier in fichiers {
            let (document, erreursFichier) = DocumentReferentiel.lire(fichier: fichier.nom, donnees: fichier.donnees)
            erreurs += erreursFichier
            if let type = document?.entete.type { typesLus.insert(type) }
            guard let document, erreursFichier.isEmpty else { continue }
            if let premier = codes[document.entete.code] {
                erreurs.append(.init(.codeEnDouble, fichier: fichier.nom, chemin: "$.code",
                                     message: "le code « \(document.entete.code) » est déjà celui de \(premier).",
                                     conseil: "Chaque fichier de référentiel a son propre code."))
                continue
            }
            codes[document.entete.code] = fichier.nom
            documents.append((fichier.nom, document))
        }

        func unique<T>(_ type: EnteteReferentiel.TypeReferentiel, _ extraire: (DocumentReferentiel) -> T?) -> T? {
            let trouves = documents.compactMap { extraire($0.document) }
            if trouves.isEmpty && !typesLus.contains(type) && erreurs.isEmpty {
                erreurs.append(.init(.champManquant, fichier: "(référentiels)", chemin: "$",
                                     message: "aucun fichier de type « \(type.rawValue) » n'a été fourni.",
                                     conseil: "Ajoutez le fichier « \(type.rawValue) » au dossier des référentiels."))
            }
            return trouves.first
        }
        let aptic = unique(.aptic) { if case .aptic(let r) = $0 { r } else { nil } }
        let pix = unique(.pix) { if case .pix(let p) = $0 { p } else { nil } }
        let table = unique(.correspondances) { if case .correspondances(let c) = $0 { c } else { nil } }
        let thematiques = documents.lazy.compactMap { if case .thematiques(let t) = $0.document { t } else { nil } }.first
        let variantes = documents.compactMap { if case .variante(let v) = $0.document { v } else { nil } }
        let parcours = documents.compactMap { if case .parcours(let m) = $0.document { m } else { nil } }
            .sorted { $0.code < $1.code }

        if let aptic, let pix {
            if let table { erreurs += table.verifier(aptic: aptic, pix: pix) }
            if let thematiques { erreurs += thematiques.verifier(aptic: aptic) }
            for variante in variantes {
                do { _ = try variante.appliquer(a: aptic) } catch { erreurs += error.erreurs }
            }
            for modele in parcours { erreurs += modele.verifier(aptic: aptic, pix: pix) }
        }
        guard erreurs.isEmpty, let aptic, let pix, let table else { throw ErreursReferentiel(erreurs) }
        return Catalogue(apticBase: aptic, aptic: aptic, variantes: variantes, pix: pix, correspondances: table,
                         thematiques: thematiques, parcours: parcours)
    }

    /// The same catalogue working with variant `code` laid on the national nomenclature (nil: the
    /// national one). Everything computed from ``aptic`` then follows the amended tree: moved items
    /// count in their new sous-thème, created sous-thèmes become achievements.
    ///
    /// - Throws: ``ErreurCatalogue`` when the variant is unknown or does not apply.
    public func adoptant(variante code: String?) throws(ErreurCatalogue) -> Catalogue {
        var copie = self
        copie.aptic = try aptic(variante: code).referentiel
        copie.varianteAdoptee = code
        return copie
    }

    /// The APTIC nomenclature, with a variant laid on it when one is named.
    ///
    /// - Returns: the referential and what the variant changed (empty for the base).
    public func aptic(variante code: String?) throws(ErreurCatalogue) -> (referentiel: ReferentielAptic, changements: [ChangementReferentiel]) {
        guard let code else { return (apticBase, []) }
        guard let variante = variantes.first(where: { $0.entete.code == code }) else {
            throw .varianteInconnue(code, connues: variantes.map(\.entete.code))
        }
        do {
            return try variante.appliquer(a: apticBase)
        } catch {
            throw .varianteInvalide(error)
        }
    }

    /// The parcours template with this code.
    public func modeleParcours(_ code: String) -> ModeleParcours? {
        parcours.first { $0.code == code }
    }
}

/// A request the catalogue cannot answer.
public enum ErreurCatalogue: Error, Sendable, Equatable, CustomStringConvertible {
    case varianteInconnue(String, connues: [String])
    case varianteInvalide(ErreursReferentiel)

    public var description: String {
        switch self {
        case .varianteInconnue(let code, let connues):
            "La variante « \(code) » n'existe pas. Variantes connues : \(connues.isEmpty ? "aucune" : connues.joined(separator: ", "))."
        case .varianteInvalide(let erreurs):
            erreurs.description
        }
    }
}
