/// The header every référentiel file starts with (see docs/REFERENTIELS.md).
public struct EnteteReferentiel: Sendable, Equatable, Codable {
    /// The only format this version of Livret reads.
    public static let formatCourant = "livret.referentiel/1"

    /// What a file holds.
    public enum TypeReferentiel: String, Sendable, Codable, CaseIterable {
        case aptic
        case apticVariante = "aptic-variante"
        case pix
        case correspondances
        case thematiques
        case parcours
    }

    public var type: TypeReferentiel
    public var code: String
    public var version: String
    public var titre: String
    public var description: String?
    public var source: String?

    public init(type: TypeReferentiel, code: String, version: String, titre: String, description: String? = nil, source: String? = nil) {
        self.type = type
        self.code = code
        self.version = version
        self.titre = titre
        self.description = description
        self.source = source
    }
}

extension LecteurJSON {
    /// Reads and checks the common header of a file; `nil` when it cannot be used.
    mutating func entete(_ racine: [String: JSONValeur]) -> EnteteReferentiel? {
        if let format = chaine(racine, "format", "$"), format != EnteteReferentiel.formatCourant {
            signaler(.formatInconnu, "$.format",
                     "le format « \(format) » n'est pas connu de cette version de Livret.",
                     "Utilisez \"\(EnteteReferentiel.formatCourant)\", ou mettez Livret à jour si le fichier vient d'une version plus récente.")
        }
        let typeTexte = chaine(racine, "type", "$")
        var type: EnteteReferentiel.TypeReferentiel?
        if let typeTexte {
            type = EnteteReferentiel.TypeReferentiel(rawValue: typeTexte)
            if type == nil {
                let permis = EnteteReferentiel.TypeReferentiel.allCases.map(\.rawValue).joined(separator: ", ")
                signaler(.valeurInvalide, "$.type", "le type « \(typeTexte) » n'existe pas.", "Choisissez parmi : \(permis).")
            }
        }
        let code = chaine(racine, "code", "$")
        if let code, !Self.codeFichierValide(code) {
            signaler(.codeInvalide, "$.code", "le code « \(code) » n'est pas un identifiant valide.",
                     "Utilisez des lettres minuscules sans accents, des chiffres et des tirets (ex. « aptic-roubaix »).")
        }
        let version = chaine(racine, "version", "$")
        let titre = titre(racine, "$")
        let description = chaineFacultative(racine, "description", "$")
        let source = chaineFacultative(racine, "source", "$")
        guard let type, let code, let version, let titre else { return nil }
        return EnteteReferentiel(type: type, code: code, version: version, titre: titre, description: description, source: source)
    }

    static func codeFichierValide(_ code: String) -> Bool {
        // The grammar of every code (``RegleTexte``), in lower case and without « _ » for file names.
        RegleTexte.estCode(code) && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
