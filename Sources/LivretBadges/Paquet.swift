import Foundation
import LivretZip

/// The zip a learner takes home: their signed badges, a `LISEZ-MOI.txt` and a `manifeste.json`
/// listing every file with its SHA-256.
public struct Paquet {
    public static let nomLisezMoi = "LISEZ-MOI.txt"
    public static let nomManifeste = Manifeste.nomFichier

    /// What `lire` found: the entries (manifest included), the manifest if it could be decoded,
    /// and the French list of problems (empty when the bundle is intact).
    public struct Contenu: Equatable, Sendable {
        public var entrees: [String: Data]
        public var manifeste: Manifeste?
        public var problemes: [String]

        public var estIntact: Bool { problemes.isEmpty }
    }

    /// `entrees` plus `LISEZ-MOI.txt`, `manifeste.json` (which lists `LISEZ-MOI.txt` too, and
    /// names the holder `titulaire`) and, with `signer`, `manifeste.jws`: `signer` receives the
    /// manifest's exact bytes and returns their compact JWS by the issuer's key.
    public static func assembler(_ entrees: [String: Data], lisezMoi: String, titulaire: String? = nil,
                                 signer: ((Data) throws -> String)? = nil) throws -> [String: Data] {
        var resultat: [String: Data] = [:]
        var registre = ZipNoms.Registre()
        for reserve in [nomLisezMoi, nomManifeste, Manifeste.nomSignature] {
            try registre.ajouter(reserve, composants: [reserve], estDossier: false)
        }
        for (nom, donnees) in entrees {
            let (composants, estDossier) = try ZipNoms.composants(nom)
            if estDossier {
                throw ErreurPaquet(.nomDangereux, "« \(ZipNoms.pourAffichage(nom)) » se termine par « / » : seuls des fichiers peuvent être ajoutés au paquet.")
            }
            do {
                try registre.ajouter(nom, composants: composants, estDossier: false)
            } catch {
                throw ErreurPaquet(.nomEnDouble, "« \(ZipNoms.pourAffichage(nom)) » entre en conflit avec un autre fichier du paquet ou avec « \(nomLisezMoi) » / « \(nomManifeste) » / « \(Manifeste.nomSignature) », réservés.")
            }
            resultat[nom] = donnees
        }
        resultat[nomLisezMoi] = Data(lisezMoi.utf8)
        let manifeste = try Manifeste(entrees: resultat, titulaire: titulaire).json()
        resultat[nomManifeste] = manifeste
        if let signer { resultat[Manifeste.nomSignature] = Data((try signer(manifeste) + "\n").utf8) }
        return resultat
    }

    /// Writes an assembled bundle (see `assembler`) reproducibly and atomically.
    /// Refuses a bundle whose manifest is missing or does not match its files.
    public static func ecrire(_ entrees: [String: Data], vers url: URL, horodatage: Date? = nil) throws {
        guard let json = entrees[nomManifeste] else {
            throw ErreurPaquet(.manifesteInvalide, "Le paquet n'a pas de « \(nomManifeste) » : utilisez Paquet.assembler avant de l'écrire.")
        }
        let manifeste: Manifeste
        do {
            manifeste = try Manifeste.depuisJSON(json)
        } catch {
            throw ErreurPaquet(.manifesteInvalide, "Le « \(nomManifeste) » du paquet est illisible.")
        }
        let problemes = manifeste.verifier(entrees)
        guard problemes.isEmpty else {
            throw ErreurPaquet(.manifesteInvalide, "Le manifeste ne correspond pas au paquet : " + problemes.joined(separator: " "))
        }
        try ZipEcriture.ecrire(entrees, vers: url, horodatage: horodatage)
    }

    /// Reads a bundle defensively (`ZipLecture`) and checks it against its manifest.
    /// Throws `ErreurPaquet` when the zip itself is refused; manifest disagreements are returned
    /// in `problemes`, so that a caller can still show what the bundle holds.
    public static func lire(_ url: URL, limites: ZipLecture.Limites = .parDefaut) throws -> Contenu {
        verifier(try ZipLecture.lire(url, limites: limites))
    }

    public static func lire(_ octets: Data, limites: ZipLecture.Limites = .parDefaut) throws -> Contenu {
        verifier(try ZipLecture.lire(octets, limites: limites))
    }

    static func verifier(_ entrees: [String: Data]) -> Contenu {
        guard let json = entrees[nomManifeste] else {
            return Contenu(entrees: entrees, manifeste: nil, problemes: ["Le paquet n'a pas de manifeste (« \(nomManifeste) ») : son contenu ne peut pas être vérifié."])
        }
        guard let manifeste = try? Manifeste.depuisJSON(json) else {
            return Contenu(entrees: entrees, manifeste: nil, problemes: ["Le manifeste (« \(nomManifeste) ») est illisible : son contenu ne peut pas être vérifié."])
        }
        return Contenu(entrees: entrees, manifeste: manifeste, problemes: manifeste.verifier(entrees))
    }
}
