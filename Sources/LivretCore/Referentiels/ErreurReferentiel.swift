/// One problem found in a référentiel file: where it is and what to do about it.
///
/// Errors are data: a stable ``Genre`` that callers and tests can match, the file,
/// the JSON path of the faulty node, a French message and advice.
public struct ErreurReferentiel: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, stable across versions.
    public enum Genre: String, Sendable, CaseIterable {
        case fichierIllisible
        case formatInconnu
        case champManquant
        case typeIncorrect
        case titreManquant
        case codeEnDouble
        case codeInvalide
        case referenceInconnue
        case lienCasse
        case correspondanceManquante
        case niveauHorsBornes
        case valeurInvalide
    }

    public var genre: Genre
    /// The file's name as the user gave it.
    public var fichier: String
    /// JSON path of the faulty node, e.g. `$.niveaux[1].sousThemes[0].items[3].titre`.
    public var chemin: String
    /// What is wrong, in French.
    public var message: String
    /// What to do, in French.
    public var conseil: String

    public init(_ genre: Genre, fichier: String, chemin: String, message: String, conseil: String) {
        self.genre = genre
        self.fichier = fichier
        self.chemin = Format.extrait(chemin, maximum: 200)
        self.message = Format.citationsCourtes(message)
        self.conseil = Format.citationsCourtes(conseil)
    }

    public var description: String {
        "\(fichier), \(chemin) : \(message) \(conseil)"
    }
}

/// Every problem found while loading one or more référentiel files.
public struct ErreursReferentiel: Error, Sendable, Equatable, CustomStringConvertible {
    public var erreurs: [ErreurReferentiel]

    public init(_ erreurs: [ErreurReferentiel]) {
        self.erreurs = erreurs
    }

    public var description: String {
        let entete = erreurs.count == 1
            ? "1 erreur dans les référentiels :"
            : "\(erreurs.count) erreurs dans les référentiels :"
        return ([entete] + erreurs.map { "  - \($0.description)" }).joined(separator: "\n")
    }
}
