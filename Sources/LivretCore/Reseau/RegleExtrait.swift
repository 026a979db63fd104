import Foundation

/// How an extract is written and read: one place for its bytes, its numbering and its LISEZ-MOI.
public enum RegleExtrait {
    /// The archive's members.
    public static let fichierDonnees = "extrait.json"
    public static let fichierSignature = "signature.jws"
    public static let fichierLisezMoi = "LISEZ-MOI.txt"
    /// The `typ` of the signature's header.
    public static let typeSignature = "livret-extrait-reseau+jwt"

    /// Sorts the records by their content and numbers them « i-1 », « a-1 »…: the numbers say
    /// nothing of the base they came from, and the same records give the same numbers.
    public static func numeroter(_ extrait: inout ExtraitReseau) {
        extrait.inscriptions = numerotes(extrait.inscriptions, prefixe: "i") { $0.numero = $1 }
        extrait.accompagnements = numerotes(extrait.accompagnements, prefixe: "a") { $0.numero = $1 }
    }

    private static func numerotes<T: Encodable>(_ enregistrements: [T], prefixe: String, numero: (inout T, String) -> Void) -> [T] {
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.sortedKeys]
        let tries = enregistrements.map { e -> (String, T) in
            var e = e
            numero(&e, "")
            return ((try? encodeur.encode(e)).map { String(decoding: $0, as: UTF8.self) } ?? "", e)
        }.sorted { $0.0 < $1.0 }
        return tries.enumerated().map { i, paire in
            var e = paire.1
            numero(&e, "\(prefixe)-\(i + 1)")
            return e
        }
    }

    /// The bytes of `extrait.json`: keys sorted, one field per line, so that a person can read it and
    /// the same extract always gives the same bytes.
    public static func json(_ extrait: ExtraitReseau) throws -> Data {
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encodeur.encode(extrait) + Data("\n".utf8)
    }

    /// Reads `extrait.json` (``LectureExtrait``); a French message names the file, the field and what is wrong.
    public static func lire(_ donnees: Data, fichier: String) throws(ErreurExtrait) -> ExtraitReseau {
        let extrait: ExtraitReseau
        do {
            extrait = try LectureExtrait.lire(donnees)
        } catch {
            switch error.raison {
            case .manque:
                throw ErreurExtrait("\(fichier) : le champ « \(error.lieu) » manque ; ce n'est pas un extrait de Livret, ou il a été modifié.")
            case .forme(let attendu):
                throw ErreurExtrait("\(fichier) : le champ « \(error.lieu) » n'a pas la forme attendue (\(attendu)).")
            case .valeur(let raison):
                throw ErreurExtrait("\(fichier) : \(error.lieu) illisible (\(raison)).")
            case .syntaxe(let e):
                throw ErreurExtrait("\(fichier) : ce n'est pas un extrait de Livret lisible (JSON attendu ; \(e)).")
            }
        }
        guard extrait.format == ExtraitReseau.formatCourant else {
            throw ErreurExtrait("\(fichier) : format « \(extrait.format) » inconnu (cette version de Livret lit « \(ExtraitReseau.formatCourant) ») ; "
                                + "faites refaire l'extrait avec la même version de Livret.")
        }
        return extrait
    }

    /// What the archive holds and what it does not, in French, for whoever opens it.
    public static func lisezMoi(_ extrait: ExtraitReseau) -> String {
        let refs = extrait.referentiels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let titre = "Extrait statistique pour le réseau — \(extrait.structure), année \(extrait.periode)"
        return """
        \(titre)
        \(String(repeating: "=", count: titre.count))

        Ce fichier a été fait par Livret pour le réseau de structures dont \(extrait.structure) est membre.
        Il sert à compter, avec les autres structures, les inscriptions aux parcours et les accompagnements
        de l'année \(extrait.periode), par sexe, âge, QPV et statut, sans que personne puisse être reconnu.

        Ce qu'il contient (\(RegleExtrait.fichierDonnees)) :
        - \(Accord.nombre(extrait.inscriptions.count, "inscription")) : le parcours, le mois de début et de fin, le sexe, la tranche d'âge,
          la résidence en QPV, le statut, les heures suivies et prévues, la fin (terminé, abandon et son motif),
          les sorties, le suivi après l'action, la satisfaction, la certification Pix (nombre de compétences),
          les thématiques de La Coop ;
        - \(Accord.nombre(extrait.accompagnements.count, "accompagnement")) : le mois, le type, le genre de lieu, la durée, les thématiques,
          le sexe et la tranche d'âge de la personne ;
        - le nombre d'inscriptions de personnes qui n'ont pas accepté d'être comptées : \(extrait.horsStatistiques) ;
        - les versions des référentiels : \(refs).

        Ce qu'il ne contient pas : aucun nom, aucun prénom, aucune adresse, aucun e-mail, aucun téléphone,
        aucune année de naissance, aucun identifiant de la structure. Chaque ligne a un numéro (i-1, a-1…)
        qui ne vaut que dans ce fichier. Les personnes qui ont refusé les statistiques n'y sont pas.

        La signature (\(RegleExtrait.fichierSignature)) est faite avec la clé de la structure
        (\(extrait.emetteur)) : le réseau refuse un extrait modifié, ou signé par une clé qu'il ne connaît pas.

        Tranches d'âge (âge atteint dans l'année) : \(extrait.bornesAge.map(String.init).joined(separator: ", ")).

        """
    }
}

/// A wrong extract: its French message names the file and what to do.
public struct ErreurExtrait: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
