import Foundation

/// Walks a ``JSONValeur`` tree and collects every problem instead of stopping at the first.
///
/// Each accessor takes the JSON path of the node it reads, records a French error when
/// the node is missing or of the wrong kind, and returns `nil` so reading can go on.
public struct LecteurJSON: Sendable {
    /// The file being read, as named in error messages.
    public let fichier: String
    /// Every problem found so far, in reading order.
    public private(set) var erreurs: [ErreurReferentiel] = []

    public init(fichier: String) {
        self.fichier = fichier
    }

    /// Parses bytes as JSON, recording an error when they are not valid UTF-8 JSON.
    public mutating func analyser(_ donnees: Data) -> JSONValeur? {
        guard String(data: donnees, encoding: .utf8) != nil else {
            signaler(.fichierIllisible, "$", "le fichier n'est pas du texte UTF-8.",
                     "Enregistrez-le en UTF-8 (sans autre encodage) puis réessayez.")
            return nil
        }
        do {
            return try AnalyseurJSON.analyser(donnees)
        } catch {
            signaler(.fichierIllisible, "$", "le fichier n'est pas un JSON valide (\(error.raison), à l'octet \(error.position)).",
                     "Vérifiez les virgules, guillemets et accolades, par exemple avec un validateur JSON.")
            return nil
        }
    }

    /// Records a problem.
    public mutating func signaler(_ genre: ErreurReferentiel.Genre, _ chemin: String, _ message: String, _ conseil: String) {
        erreurs.append(ErreurReferentiel(genre, fichier: fichier, chemin: chemin, message: message, conseil: conseil))
    }

    // MARK: Typed access

    /// The object at `chemin`, or `nil` with an error.
    public mutating func objet(_ valeur: JSONValeur?, _ chemin: String) -> [String: JSONValeur]? {
        guard let valeur else { return nil }
        if case .objet(let objet) = valeur { return objet }
        typeIncorrect(chemin, attendu: "un objet { … }", trouve: valeur)
        return nil
    }

    /// The required string field `cle` of `objet`.
    public mutating func chaine(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String) -> String? {
        guard let valeur = objet[cle] else {
            manquant(chemin, cle)
            return nil
        }
        return chaineValeur(valeur, "\(chemin).\(cle)")
    }

    /// The optional string field `cle` of `objet`.
    public mutating func chaineFacultative(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String) -> String? {
        guard let valeur = objet[cle], valeur != .nul else { return nil }
        return chaineValeur(valeur, "\(chemin).\(cle)")
    }

    /// A required, non-empty title (`titre` by default).
    public mutating func titre(_ objet: [String: JSONValeur], _ chemin: String, cle: String = "titre") -> String? {
        guard let valeur = objet[cle] else {
            signaler(.titreManquant, chemin, "le champ « \(cle) » manque.",
                     "Ajoutez un titre lisible, par exemple \"\(cle)\": \"…\".")
            return nil
        }
        guard let texte = chaineValeur(valeur, "\(chemin).\(cle)") else { return nil }
        if texte.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            signaler(.titreManquant, "\(chemin).\(cle)", "le titre est vide.", "Écrivez le titre de cet élément.")
            return nil
        }
        return texte
    }

    /// The required integer field `cle` of `objet`.
    public mutating func entier(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String) -> Int? {
        guard let valeur = objet[cle] else {
            manquant(chemin, cle)
            return nil
        }
        return entierValeur(valeur, "\(chemin).\(cle)")
    }

    /// The optional integer field `cle` of `objet`.
    public mutating func entierFacultatif(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String) -> Int? {
        guard let valeur = objet[cle], valeur != .nul else { return nil }
        return entierValeur(valeur, "\(chemin).\(cle)")
    }

    /// The optional decimal field `cle` of `objet`.
    public mutating func nombreFacultatif(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String) -> Double? {
        guard let valeur = objet[cle], valeur != .nul else { return nil }
        if case .nombre(let nombre) = valeur { return nombre }
        typeIncorrect("\(chemin).\(cle)", attendu: "un nombre", trouve: valeur)
        return nil
    }

    /// The required list field `cle` of `objet` (an empty list when absent and `obligatoire` is false).
    public mutating func tableau(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String, obligatoire: Bool = true) -> [JSONValeur] {
        guard let valeur = objet[cle], valeur != .nul else {
            if obligatoire { manquant(chemin, cle) }
            return []
        }
        if case .tableau(let elements) = valeur { return elements }
        typeIncorrect("\(chemin).\(cle)", attendu: "une liste [ … ]", trouve: valeur)
        return []
    }

    /// A list of strings (empty when absent).
    public mutating func chaines(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String, obligatoire: Bool = false) -> [String] {
        tableau(objet, cle, chemin, obligatoire: obligatoire).enumerated().compactMap { indice, valeur in
            chaineValeur(valeur, "\(chemin).\(cle)[\(indice)]")
        }
    }

    /// Each element of the list field `cle` as an object, with its path.
    public mutating func objets(_ objet: [String: JSONValeur], _ cle: String, _ chemin: String, obligatoire: Bool = true) -> [(objet: [String: JSONValeur], chemin: String)] {
        tableau(objet, cle, chemin, obligatoire: obligatoire).enumerated().compactMap { indice, valeur in
            let cheminElement = "\(chemin).\(cle)[\(indice)]"
            return self.objet(valeur, cheminElement).map { ($0, cheminElement) }
        }
    }

    // MARK: Helpers

    private mutating func chaineValeur(_ valeur: JSONValeur, _ chemin: String) -> String? {
        if case .chaine(let texte) = valeur { return texte }
        typeIncorrect(chemin, attendu: "une chaîne entre guillemets", trouve: valeur)
        return nil
    }

    private mutating func entierValeur(_ valeur: JSONValeur, _ chemin: String) -> Int? {
        if case .nombre(let nombre) = valeur, nombre.rounded() == nombre, abs(nombre) < 1e15 {
            return Int(nombre)
        }
        typeIncorrect(chemin, attendu: "un nombre entier", trouve: valeur)
        return nil
    }

    private mutating func manquant(_ chemin: String, _ cle: String) {
        signaler(.champManquant, chemin, "le champ obligatoire « \(cle) » manque.",
                 "Ajoutez \"\(cle)\" à cet objet (voir docs/REFERENTIELS.md).")
    }

    private mutating func typeIncorrect(_ chemin: String, attendu: String, trouve: JSONValeur) {
        signaler(.typeIncorrect, chemin, "on attend \(attendu), le fichier contient \(trouve.genre).",
                 "Corrigez la valeur de ce champ.")
    }
}
