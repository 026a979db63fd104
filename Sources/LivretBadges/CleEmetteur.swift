import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error of the badge layer, with a French message meant for the person running Livret.
public struct ErreurBadge: Error, CustomStringConvertible, Equatable, Sendable {
    /// The French message.
    public let message: String

    /// Creates an error with its French message.
    public init(_ message: String) {
        self.message = message
    }

    /// The French message.
    public var description: String { message }
}

/// The structure's signing key (ECDSA P-256, ES256): private key plus its `kid`.
///
/// The `kid` names the key so that any verifier can resolve it (``DIDEmetteur``): by default
/// `did:jwk:<the public key>#0`; with a domain `did:web:<domain>#<RFC 7638 thumbprint>`; keys
/// made before DIDs keep `"<issuer id>#<thumbprint>"`. A key rotation never reuses a `kid`.
///
/// `@unchecked Sendable`: swift-crypto does not mark `P256.Signing.PrivateKey` Sendable on Linux,
/// but it is an immutable value (its BoringSSL key is never mutated after creation).
public struct CleEmetteur: @unchecked Sendable {
    /// Key identifier written in every JWT header this key signs.
    public let kid: String
    /// The private key. Never leaves the structure's machine.
    public let privee: P256.Signing.PrivateKey

    /// The public half, as a JWK carrying `kid`, ready to publish.
    public var jwkPublique: JWK {
        JWK(cle: privee.publicKey, kid: kid)
    }

    /// The RFC 7638 thumbprint of the public key (also the key file's name, without `.pem`).
    public var empreinte: String {
        jwkPublique.empreinte
    }

    /// The issuer this key signs for (its `kid` before `#`): the credentials' `issuer.id` and `iss`.
    public var emetteur: String { DIDEmetteur.controleur(kid: kid) }

    /// Wraps an existing private key for the issuer `idEmetteur` (an https address or a DID whose
    /// document lists its keys): `kid` = `"<idEmetteur>#<thumbprint>"`.
    public init(privee: P256.Signing.PrivateKey, idEmetteur: String) {
        self.privee = privee
        let empreinte = JWK(cle: privee.publicKey, kid: nil).empreinte
        kid = "\(idEmetteur)#\(empreinte)"
    }

    /// Wraps an existing private key under its own did:jwk (`didWeb` nil) or the structure's did:web.
    public init(privee: P256.Signing.PrivateKey, didWeb: String?) {
        self.privee = privee
        kid = DIDEmetteur.kid(JWK(cle: privee.publicKey, kid: nil), didWeb: didWeb)
    }

    /// Wraps an existing private key under the `kid` it was published with; throws when that
    /// `kid` does not name this key.
    public init(privee: P256.Signing.PrivateKey, kid: String) throws {
        guard DIDEmetteur.nomme(kid: kid, JWK(cle: privee.publicKey, kid: nil)) else {
            throw ErreurBadge("la clé privée ne correspond pas à la clé publiée \(kid)")
        }
        self.privee = privee
        self.kid = kid
    }

    /// Generates a fresh key for the issuer `idEmetteur` (an https address or a DID).
    public static func generer(idEmetteur: String) -> CleEmetteur {
        CleEmetteur(privee: P256.Signing.PrivateKey(), idEmetteur: idEmetteur)
    }

    /// Generates a fresh key named by its own did:jwk (the default: nothing to publish) or, with
    /// `didWeb`, by the structure's did:web.
    public static func generer(didWeb: String? = nil) -> CleEmetteur {
        CleEmetteur(privee: P256.Signing.PrivateKey(), didWeb: didWeb)
    }

    /// Writes the private key to `dossier/<thumbprint>.pem` (PEM, PKCS#8), mode 0600.
    ///
    /// The file is created with `open(2)` `O_CREAT|O_EXCL` and mode 0600 under a temporary name in the
    /// same folder, written and synced, then hard-linked to its final name (which fails if that name
    /// exists: an existing key is never overwritten) and the temporary name removed. At no time is
    /// the key readable by anyone but the owner. Returns the file's URL.
    @discardableResult
    public func ecrire(dans dossier: URL) throws -> URL {
        let final = dossier.appendingPathComponent("\(empreinte).pem")
        if FileManager.default.fileExists(atPath: final.path) {
            throw ErreurBadge("le fichier de clé \(final.path) existe déjà : Livret ne remplace jamais une clé existante")
        }
        let temporaire = dossier.appendingPathComponent(".\(empreinte).\(UUID().uuidString).tmp")
        let octets = Array(privee.pemRepresentation.utf8)

        let fd = open(temporaire.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
        guard fd >= 0 else {
            throw ErreurBadge("impossible de créer le fichier de clé dans \(dossier.path) : \(String(cString: strerror(errno)))")
        }
        var fermeture = true
        defer {
            if fermeture { close(fd) }
            unlink(temporaire.path)
        }
        // The umask can only remove bits, but force 0600 anyway in case the folder has default ACLs.
        guard fchmod(fd, mode_t(0o600)) == 0 else {
            throw ErreurBadge("impossible de restreindre les droits du fichier de clé : \(String(cString: strerror(errno)))")
        }
        var ecrits = 0
        while ecrits < octets.count {
            let n = octets[ecrits...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ErreurBadge("écriture du fichier de clé impossible : \(String(cString: strerror(errno)))")
            }
            ecrits += n
        }
        guard fsync(fd) == 0 else {
            throw ErreurBadge("écriture du fichier de clé impossible (fsync) : \(String(cString: strerror(errno)))")
        }
        fermeture = false
        guard close(fd) == 0 else {
            throw ErreurBadge("écriture du fichier de clé impossible (close) : \(String(cString: strerror(errno)))")
        }
        guard link(temporaire.path, final.path) == 0 else {
            if errno == EEXIST {
                throw ErreurBadge("le fichier de clé \(final.path) existe déjà : Livret ne remplace jamais une clé existante")
            }
            throw ErreurBadge("impossible de nommer le fichier de clé \(final.path) : \(String(cString: strerror(errno)))")
        }
        return final
    }

    /// Reads a key written by ``ecrire(dans:)``, published under `kid`.
    public static func lire(_ url: URL, kid: String) throws -> CleEmetteur {
        try CleEmetteur(privee: lirePrivee(url), kid: kid)
    }

    /// Reads a key written by ``ecrire(dans:)`` for the issuer `idEmetteur` (`kid` = `"<idEmetteur>#<thumbprint>"`).
    public static func lire(_ url: URL, idEmetteur: String) throws -> CleEmetteur {
        CleEmetteur(privee: try lirePrivee(url), idEmetteur: idEmetteur)
    }

    /// Reads a private key file.
    ///
    /// Refuses a file that the group or others may read or write: a private key must be mode 0600.
    private static func lirePrivee(_ url: URL) throws -> P256.Signing.PrivateKey {
        var etat = stat()
        guard stat(url.path, &etat) == 0 else {
            throw ErreurBadge("fichier de clé \(url.path) introuvable ou illisible : \(String(cString: strerror(errno)))")
        }
        guard (etat.st_mode & S_IFMT) == S_IFREG else {
            throw ErreurBadge("\(url.path) n'est pas un fichier ordinaire")
        }
        let droits = etat.st_mode & 0o777
        if droits & 0o077 != 0 {
            throw ErreurBadge(
                "le fichier de clé \(url.path) est accessible à d'autres utilisateurs (droits \(String(droits, radix: 8))) : "
                    + "restreignez-le avec « chmod 600 \(url.path) » avant de l'utiliser")
        }
        let texte: String
        do {
            texte = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ErreurBadge("lecture du fichier de clé \(url.path) impossible : \(error.localizedDescription)")
        }
        let privee: P256.Signing.PrivateKey
        do {
            privee = try P256.Signing.PrivateKey(pemRepresentation: texte)
        } catch {
            throw ErreurBadge("le fichier \(url.path) ne contient pas une clé privée P-256 au format PEM")
        }
        return privee
    }
}
