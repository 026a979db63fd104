import CZlib
import Foundation
import LivretCore

/// A W3C Bitstring Status List v1.0 (décision 19): one bit per issued credential, set when it is
/// revoked. Index 0 is the left-most (most significant) bit of the first byte. The list is at
/// least ``tailleMinimale`` bits long (herd privacy: a verifier fetching the list learns nothing
/// about which credential it checks), GZIP-compressed, then multibase base64url without padding
/// (prefix "u") in `encodedList`.
public struct ListeStatuts: Sendable, Equatable {
    /// 131 072 bits (16 KiB), the minimum the specification requires.
    public static let tailleMinimale = 131_072
    /// The largest list Livret reads (bits), against decompression bombs: 16 Mi entries.
    public static let tailleMaximale = 16 * 1_048_576

    /// The bits, index 0 = bit 7 of `octets[0]`.
    public private(set) var octets: [UInt8]

    /// A list of `taille` clear bits (rounded up to whole bytes, at least ``tailleMinimale``).
    public init(taille: Int = tailleMinimale) {
        octets = [UInt8](repeating: 0, count: (max(taille, Self.tailleMinimale) + 7) / 8)
    }

    /// A list made of these bytes (as decompressed).
    public init(octets: [UInt8]) {
        self.octets = octets
    }

    /// How many entries the list holds.
    public var taille: Int { octets.count * 8 }

    /// The bit at `index` (false beyond the list).
    public subscript(index: Int) -> Bool {
        get {
            guard index >= 0, index < taille else { return false }
            return octets[index / 8] & (0x80 >> UInt8(index % 8)) != 0
        }
        set {
            precondition(index >= 0 && index < taille, "index \(index) hors de la liste de statuts")
            if newValue { octets[index / 8] |= 0x80 >> UInt8(index % 8) } else { octets[index / 8] &= ~(0x80 >> UInt8(index % 8)) }
        }
    }

    /// `encodedList`: "u" + base64url (no padding) of the GZIP of the bits. The same bits give the same text
    /// (zlib writes no time stamp in the GZIP header unless asked).
    public func listeEncodee() throws -> String {
        "u" + Base64URL.encoder(Data(try GZIP.compresser(octets)))
    }

    /// Reads an `encodedList`; throws a French error when it is not multibase base64url GZIP, or too short.
    public init(listeEncodee: String) throws {
        guard listeEncodee.hasPrefix("u"), let gz = Base64URL.decoder(String(listeEncodee.dropFirst())) else {
            throw ErreurBadge("liste de statuts : encodedList n'est pas du base64url multibase (préfixe « u »)")
        }
        let octets = try GZIP.decompresser([UInt8](gz), maximum: Self.tailleMaximale / 8)
        guard octets.count * 8 >= Self.tailleMinimale else {
            throw ErreurBadge("liste de statuts : \(octets.count * 8) entrées, au moins \(Self.tailleMinimale) attendues")
        }
        self.octets = octets
    }

    /// A random index in `0..<taille` that is not in `utilises`; nil when the list is full.
    public static func indexLibre<G: RandomNumberGenerator>(taille: Int = tailleMinimale, utilises: Set<Int>, generateur: inout G) -> Int? {
        guard utilises.count < taille else { return nil }
        // The list is mostly empty: a few random draws find a free index; a full scan only when nearly full.
        for _ in 0..<64 {
            let i = Int.random(in: 0..<taille, using: &generateur)
            if !utilises.contains(i) { return i }
        }
        let libres = (0..<taille).filter { !utilises.contains($0) }
        return libres.randomElement(using: &generateur)
    }
}

/// GZIP (RFC 1952) through zlib.
public enum GZIP {
    /// Compresses `octets` as a GZIP member (best compression, no file name, time stamp 0).
    public static func compresser(_ octets: [UInt8]) throws -> [UInt8] {
        var flux = z_stream()
        guard deflateInit2_(&flux, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ErreurBadge("compression GZIP impossible (zlib)")
        }
        defer { deflateEnd(&flux) }
        var entree = octets
        var sortie = [UInt8](repeating: 0, count: Int(deflateBound(&flux, uLong(octets.count))) + 32)
        let resultat = entree.withUnsafeMutableBufferPointer { e in
            sortie.withUnsafeMutableBufferPointer { s in
                flux.next_in = e.baseAddress
                flux.avail_in = uInt(e.count)
                flux.next_out = s.baseAddress
                flux.avail_out = uInt(s.count)
                return deflate(&flux, Z_FINISH)
            }
        }
        guard resultat == Z_STREAM_END else { throw ErreurBadge("compression GZIP interrompue (zlib \(resultat))") }
        return Array(sortie.prefix(Int(flux.total_out)))
    }

    /// Decompresses a GZIP member; throws a French error when it is not GZIP, is truncated, or would exceed `maximum` bytes.
    public static func decompresser(_ octets: [UInt8], maximum: Int) throws -> [UInt8] {
        var flux = z_stream()
        guard inflateInit2_(&flux, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ErreurBadge("décompression GZIP impossible (zlib)")
        }
        defer { inflateEnd(&flux) }
        var entree = octets
        var sortie: [UInt8] = []
        var morceau = [UInt8](repeating: 0, count: 65_536)
        var resultat: Int32 = Z_OK
        try entree.withUnsafeMutableBufferPointer { e in
            flux.next_in = e.baseAddress
            flux.avail_in = uInt(e.count)
            while resultat == Z_OK {
                let produit: Int = morceau.withUnsafeMutableBufferPointer { m in
                    flux.next_out = m.baseAddress
                    flux.avail_out = uInt(m.count)
                    resultat = inflate(&flux, Z_NO_FLUSH)
                    return m.count - Int(flux.avail_out)
                }
                sortie += morceau.prefix(produit)
                guard sortie.count <= maximum else { throw ErreurBadge("liste de statuts : plus de \(maximum) octets une fois décompressée") }
                if resultat == Z_BUF_ERROR && flux.avail_in == 0 { break }
            }
        }
        guard resultat == Z_STREAM_END else { throw ErreurBadge("liste de statuts : GZIP invalide ou tronqué") }
        return sortie
    }
}

/// A credential's `credentialStatus`: its entry in the issuer's status list.
public struct EntreeStatut: Codable, Equatable, Sendable {
    /// `<list url>#<index>`.
    public var id: String
    /// Always "BitstringStatusListEntry".
    public var type: String = "BitstringStatusListEntry"
    /// Always "revocation" in Livret.
    public var statusPurpose: String = "revocation"
    /// The index, as a string of digits (as the specification writes it).
    public var statusListIndex: String
    /// The URL of the status list credential.
    public var statusListCredential: String

    /// The entry at `index` in the list published at `url`.
    public init(url: String, index: Int) {
        id = "\(url)#\(index)"
        statusListIndex = String(index)
        statusListCredential = url
    }

    /// The index, when it is a string of digits.
    public var index: Int? {
        statusListIndex.allSatisfy(\.isASCII) ? Int(statusListIndex) : nil
    }
}

/// The signed status list credential (`BitstringStatusListCredential`, VC-JWT ES256) the structure
/// publishes at ``url(emetteur:)`` and ships in every bundle.
public struct CredentialListeStatuts: Sendable, Equatable {
    /// Where the list is published; also the credential's `id` and `jti`.
    public var url: String
    /// The issuer's id (`iss`).
    public var emetteur: String
    /// When it was signed (`validFrom`, `nbf`).
    public var signeeLe: Date
    /// The bits.
    public var liste: ListeStatuts

    /// The file name the list is published and shipped under.
    public static let nomFichier = "statuts.jwt"

    /// Creates a status list credential.
    public init(url: String, emetteur: String, signeeLe: Date, liste: ListeStatuts) {
        self.url = url
        self.emetteur = emetteur
        self.signeeLe = signeeLe
        self.liste = liste
    }

    /// Where the structure publishes its status list, or nil when it has no web address: a status list
    /// is only useful to others if they can fetch it. `https://<domaine>/badges/statuts.jwt` for a
    /// did:web issuer, else `<its https address>/badges/statuts.jwt`; a did:jwk issuer without an
    /// https address gets none (its credentials then carry no `credentialStatus`, and revocation is
    /// Livret's own signed list only).
    public static func url(emetteur: ProfilEmetteur) -> String? {
        SiteVerification.adresseSite(emetteur: emetteur).map { "\($0)/\(SiteVerification.dossierBadges)/\(nomFichier)" }
    }

    struct Sujet: Codable {
        var id: String
        var type: String
        var statusPurpose: String
        var encodedList: String
    }

    struct Charge: Codable {
        var context: [String]
        var id: String
        var type: [String]
        var issuer: String
        var validFrom: String
        var credentialSubject: Sujet
        var iss: String
        var jti: String
        var nbf: Int

        enum CodingKeys: String, CodingKey {
            case context = "@context"
            case id, type, issuer, validFrom, credentialSubject, iss, jti, nbf
        }
    }

    /// Signs the list as a VC-JWT with the issuer's key (same header and claims as the badges).
    public func signer(cle: CleEmetteur) throws -> String {
        guard cle.emetteur == emetteur else {
            throw ErreurBadge("la clé \(cle.kid) n'est pas une clé de l'émetteur \(emetteur)")
        }
        let charge = Charge(
            context: ["https://www.w3.org/ns/credentials/v2"], id: url,
            type: ["VerifiableCredential", "BitstringStatusListCredential"], issuer: emetteur,
            validFrom: DateOB.texte(signeeLe),
            credentialSubject: Sujet(id: url + "#list", type: "BitstringStatusList", statusPurpose: "revocation",
                                     encodedList: try liste.listeEncodee()),
            iss: emetteur, jti: url, nbf: DateOB.numerique(signeeLe))
        return try JWT.signer(payload: JWT.encodeur.encode(charge), cle: cle)
    }

    /// Reads a signed list without checking its signature (what the structure itself stored).
    public static func lire(_ jws: String) throws -> CredentialListeStatuts {
        let jeton = try JWT.decouper(JWT.sansBlancs(jws))
        let charge: Charge
        do {
            charge = try JSONDecoder().decode(Charge.self, from: jeton.chargeUtile)
        } catch {
            throw ErreurBadge("liste de statuts : le contenu n'est pas une liste de statuts (BitstringStatusListCredential)")
        }
        guard charge.type.contains("BitstringStatusListCredential"), charge.credentialSubject.type == "BitstringStatusList",
              charge.credentialSubject.statusPurpose == "revocation" else {
            throw ErreurBadge("liste de statuts : type ou usage inattendu (BitstringStatusList de révocation attendue)")
        }
        guard charge.iss == charge.issuer, charge.jti == charge.id, let date = DateOB.lire(charge.validFrom) else {
            throw ErreurBadge("liste de statuts : iss, jti ou validFrom incohérents")
        }
        return CredentialListeStatuts(url: charge.id, emetteur: charge.issuer, signeeLe: date,
                                      liste: try ListeStatuts(listeEncodee: charge.credentialSubject.encodedList))
    }

    /// Reads and verifies a signed list: ES256, a `kid` of the list's issuer among `clesEmetteur`
    /// (or a did:jwk among them), a valid signature. Throws a French error otherwise.
    public static func verifier(_ jws: String, clesEmetteur: [JWK]) throws -> CredentialListeStatuts {
        let jeton = try JWT.decouper(JWT.sansBlancs(jws))
        guard jeton.alg == "ES256" else {
            throw ErreurBadge("liste de statuts : algorithme \(jeton.alg ?? "absent"), ES256 attendu")
        }
        guard let kid = jeton.kid, let jwk = DIDEmetteur.resoudre(kid: kid, connues: clesEmetteur) else {
            throw ErreurBadge("liste de statuts : signée par une clé inconnue (\(jeton.kid ?? "sans kid"))")
        }
        guard JWT.verifier(jeton, cle: try jwk.clePublique()) else {
            throw ErreurBadge("liste de statuts : signature invalide, le document a pu être modifié")
        }
        let liste = try lire(jws)
        guard DIDEmetteur.controleur(kid: kid) == liste.emetteur, DIDEmetteur.nomme(kid: kid, jwk) else {
            throw ErreurBadge("liste de statuts : la clé \(kid) n'appartient pas à l'émetteur \(liste.emetteur)")
        }
        return liste
    }
}
