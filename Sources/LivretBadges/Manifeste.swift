import Crypto
import Foundation
import LivretZip

/// The list of a bundle's files with their SHA-256, stored in the bundle as `manifeste.json`,
/// and signed by the issuer in `manifeste.jws` (a compact JWS whose payload is exactly the bytes
/// of `manifeste.json`): nobody can add, remove or change a file, nor re-hash the list, unseen.
public struct Manifeste: Codable, Equatable, Sendable {
    /// Version 2: signed, and names its holder. Version 1 (unsigned) is no longer accepted.
    public static let formatActuel = "livret.paquet/2"
    /// Name of the manifest inside a bundle; never listed in itself.
    public static let nomFichier = "manifeste.json"
    /// Name of the manifest's signature inside a bundle; never listed either.
    public static let nomSignature = "manifeste.jws"

    public var format: String
    /// Sorted by name (UTF-8 byte order).
    public var entrees: [EntreeManifeste]
    /// The random identifier that names the bundle's learner in each of its badges (each badge
    /// carries a salted hash of it): a badge of someone else does not match.
    public var titulaire: String?

    public init(format: String = Manifeste.formatActuel, entrees: [EntreeManifeste], titulaire: String? = nil) {
        self.format = format
        self.entrees = entrees.sorted { ZipNoms.avant($0.nom, $1.nom) }
        self.titulaire = titulaire
    }

    /// The manifest of `entrees`, the manifest and its signature excluded.
    public init(entrees: [String: Data], titulaire: String? = nil) {
        self.init(entrees: entrees
            .filter { $0.key != Manifeste.nomFichier && $0.key != Manifeste.nomSignature }
            .map { EntreeManifeste(nom: $0.key, donnees: $0.value) }, titulaire: titulaire)
    }

    /// French descriptions of every disagreement between the manifest and `entrees`
    /// (the manifest file itself excluded); empty when everything matches.
    public func verifier(_ entrees: [String: Data]) -> [String] {
        var problemes: [String] = []
        if format != Manifeste.formatActuel {
            problemes.append(format == "livret.paquet/1"
                ? "Le paquet a été fait par une version de Livret qui ne le signait pas : demandez-en un nouveau à la structure."
                : "Le manifeste est au format « \(format) », or seul « \(Manifeste.formatActuel) » est reconnu.")
        }
        var attendues: [String: EntreeManifeste] = [:]
        for entree in self.entrees {
            if attendues[entree.nom] != nil {
                problemes.append("Le manifeste cite deux fois « \(entree.nom) ».")
            }
            attendues[entree.nom] = entree
        }
        for nom in attendues.keys.sorted(by: ZipNoms.avant) {
            let attendue = attendues[nom]!
            guard let donnees = entrees[nom] else {
                problemes.append("Le fichier « \(nom) » est cité dans le manifeste mais manque dans le paquet.")
                continue
            }
            let reelle = EntreeManifeste(nom: nom, donnees: donnees)
            if reelle.sha256 != attendue.sha256.lowercased() {
                problemes.append("Le fichier « \(nom) » a été modifié : son empreinte SHA-256 ne correspond pas au manifeste.")
            } else if reelle.octets != attendue.octets {
                problemes.append("Le fichier « \(nom) » fait \(reelle.octets) octets au lieu des \(attendue.octets) annoncés par le manifeste.")
            }
        }
        for nom in entrees.keys.sorted(by: ZipNoms.avant) where nom != Manifeste.nomFichier && nom != Manifeste.nomSignature && attendues[nom] == nil {
            problemes.append("Le fichier « \(nom) » a été ajouté au paquet : il ne figure pas dans le manifeste.")
        }
        return problemes
    }

    /// Stable JSON: sorted keys, two-space indentation, final newline.
    public func json() throws -> Data {
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var donnees = try encodeur.encode(self)
        donnees.append(0x0A)
        return donnees
    }

    public static func depuisJSON(_ donnees: Data) throws -> Manifeste {
        try JSONDecoder().decode(Manifeste.self, from: donnees)
    }
}

public struct EntreeManifeste: Codable, Equatable, Sendable {
    public var nom: String
    /// Lower-case hexadecimal SHA-256 of the file's bytes.
    public var sha256: String
    public var octets: Int

    public init(nom: String, sha256: String, octets: Int) {
        self.nom = nom
        self.sha256 = sha256
        self.octets = octets
    }

    public init(nom: String, donnees: Data) {
        self.nom = nom
        self.sha256 = SHA256.hash(data: donnees).map { String(format: "%02x", $0) }.joined()
        self.octets = donnees.count
    }
}
