import Crypto
import Foundation
import LivretCore

/// What kind of identity an ``IdentiteHachee`` hashes.
public enum TypeIdentite: String, Codable, Sendable, CaseIterable {
    /// An e-mail address (normalised: trimmed, lowercase).
    case email = "emailAddress"
    /// A phone number (normalised: digits, with a leading `+` kept), in badges made before issue 16
    /// only: its space is small enough to try every number, so Livret no longer hashes one.
    case telephone = "ext:phone"
    /// An identifier: since issue 16, the random one Livret keeps for a learner without e-mail
    /// (never the structure-local « A-0001 », found in 10 000 tries).
    case identifiant = "identifier"

    /// Normalises a value of this kind before hashing, so that « Marie@Exemple.fr » and
    /// « marie@exemple.fr » — or « 06 12 34 56 78 » and « 06.12.34.56.78 » — match.
    public func normaliser(_ valeur: String) -> String {
        let nette = valeur.trimmingCharacters(in: .whitespacesAndNewlines)
        switch self {
        case .email:
            return nette.lowercased()
        case .telephone:
            let plus = nette.hasPrefix("+") ? "+" : ""
            return plus + nette.filter { $0.isASCII && $0.isNumber }
        case .identifiant:
            return nette
        }
    }
}

/// An OB 3.0 IdentityObject with a salted SHA-256 hash: the badge names its recipient without
/// revealing the e-mail, phone or identifier to anyone who does not already know it.
///
/// JSON: `{"type":"IdentityObject","hashed":true,"identityHash":"sha256$<hex>","identityType":…,"salt":…}`,
/// where `<hex>` is the lowercase hex SHA-256 of the UTF-8 bytes of (normalised identity + salt).
public struct IdentiteHachee: Codable, Equatable, Sendable {
    /// Always "IdentityObject".
    public let type: String
    /// Always true: Livret never writes a plaintext identity.
    public let hashed: Bool
    /// `sha256$` followed by 64 lowercase hex digits.
    public let identityHash: String
    /// What was hashed.
    public let identityType: TypeIdentite
    /// The salt appended to the identity before hashing.
    public let salt: String

    /// Hashes `valeur` (normalised according to `type`) with `sel`.
    public init(valeur: String, type: TypeIdentite, sel: String) {
        self.type = "IdentityObject"
        hashed = true
        identityType = type
        salt = sel
        identityHash = Self.hacher(type.normaliser(valeur), sel: sel)
    }

    /// The identity a badge names for `apprenant`: the e-mail if she gave one, else `titulaire`,
    /// the random identifier Livret keeps for her (a phone number or a local identifier has too
    /// few possible values: a salted hash of one is recovered by trying them all). Nothing else
    /// about the learner is used.
    public init(apprenant: Apprenant, titulaire: String, sel: String) {
        if let email = apprenant.email, !email.trimmingCharacters(in: .whitespaces).isEmpty {
            self.init(valeur: email, type: .email, sel: sel)
        } else {
            self.init(valeur: titulaire, type: .identifiant, sel: sel)
        }
    }

    /// Every identity a badge of `apprenant` carries, each with its own salt: the e-mail if she gave
    /// one (what an employer can check), and always `titulaire`, the random identifier Livret keeps
    /// for her — what her bundle names, so that a badge of someone else put in it does not match.
    public static func identites(apprenant: Apprenant, titulaire: String) -> [IdentiteHachee] {
        var resultat: [IdentiteHachee] = []
        if let email = apprenant.email, !email.trimmingCharacters(in: .whitespaces).isEmpty {
            resultat.append(IdentiteHachee(valeur: email, type: .email, sel: nouveauSel()))
        }
        resultat.append(IdentiteHachee(valeur: titulaire, type: .identifiant, sel: nouveauSel()))
        return resultat
    }

    /// A fresh random salt: 16 bytes, lowercase hex.
    public static func nouveauSel() -> String {
        var generateur = SystemRandomNumberGenerator()
        return hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generateur) })
    }

    static func hacher(_ identite: String, sel: String) -> String {
        let empreinte = SHA256.hash(data: Data((identite + sel).utf8))
        return "sha256$" + hex(Array(empreinte))
    }

    /// Lowercase hexadecimal, two digits a byte.
    static func hex(_ octets: [UInt8]) -> String {
        let chiffres = Array("0123456789abcdef".utf8)
        var sortie: [UInt8] = []
        sortie.reserveCapacity(octets.count * 2)
        for o in octets {
            sortie.append(chiffres[Int(o >> 4)])
            sortie.append(chiffres[Int(o & 0x0F)])
        }
        return String(decoding: sortie, as: UTF8.self)
    }

    /// Whether `valeur` (normalised as this identity's type) is the hashed identity.
    public func correspond(a valeur: String) -> Bool {
        guard hashed else { return false }
        return Self.hacher(identityType.normaliser(valeur), sel: salt).lowercased() == identityHash.lowercased()
    }
}
