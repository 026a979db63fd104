import Foundation
import LivretCore

// Open Badges 3.0 data model, as Livret writes it. Property names are those of the
// specification (1EdTech OB 3.0, §B Data model), so that the JSON is exactly an
// OpenBadgeCredential; every property used here is defined by the OB 3.0 JSON-LD context.
// Nothing about the learner is written except salted identity hashes: never sex, year of
// birth, QPV residence or social status.

/// The issuer: the structure (OB 3.0 `Profile`).
public struct ProfilEmetteur: Codable, Equatable, Sendable {
    /// The issuer's id (URL or DID); also the JWT `iss` claim and the prefix of key `kid`s.
    public var id: String
    /// Always `["Profile"]`.
    public var type: [String] = ["Profile"]
    /// The structure's name.
    public var name: String
    /// The structure's web site.
    public var url: String?
    /// A short description of the structure.
    public var description: String?

    /// Creates an issuer profile.
    public init(id: String, name: String, url: String? = nil, description: String? = nil) {
        self.id = id
        self.name = name
        self.url = url
        self.description = description
    }
}

/// An alignment to a competency framework (OB 3.0 `Alignment`).
///
/// `targetUrl` is required by the OB 3.0 schema. Livret points it at the framework itself:
/// ``urlPix`` for Pix competences, ``urlAPTIC`` for APTIC; the code of the competence is in
/// `targetCode`, the framework's name in `targetFramework`.
public struct Alignement: Codable, Equatable, Sendable {
    /// Always `["Alignment"]`.
    public var type: [String] = ["Alignment"]
    /// The competence's name.
    public var targetName: String
    /// A URL of the framework (required by the schema).
    public var targetUrl: String
    /// The competence's code in the framework ("1.1", "C2.3"…).
    public var targetCode: String
    /// The framework's name ("Pix", "APTIC"…).
    public var targetFramework: String
    /// The competence's description.
    public var targetDescription: String?

    /// The Pix competence framework (CRCN), used as `targetUrl` for Pix alignments.
    public static let urlPix = "https://pix.fr/competences"
    /// The APTIC framework's site, used as `targetUrl` for APTIC alignments (a stable URL for
    /// the framework as a whole; APTIC publishes no per-competence URLs).
    public static let urlAPTIC = "https://www.aptic.fr/"

    /// Creates an alignment.
    public init(targetName: String, targetUrl: String, targetCode: String, targetFramework: String,
                targetDescription: String? = nil) {
        self.targetName = targetName
        self.targetUrl = targetUrl
        self.targetCode = targetCode
        self.targetFramework = targetFramework
        self.targetDescription = targetDescription
    }

    /// An alignment to a Pix competence ("1.1 Mener une recherche et une veille d'information").
    public static func pix(code: String, nom: String, description: String? = nil) -> Alignement {
        Alignement(targetName: nom, targetUrl: urlPix, targetCode: code, targetFramework: "Pix", targetDescription: description)
    }

    /// An alignment to an APTIC competence.
    public static func aptic(code: String, nom: String, description: String? = nil) -> Alignement {
        Alignement(targetName: nom, targetUrl: urlAPTIC, targetCode: code, targetFramework: "APTIC", targetDescription: description)
    }
}

/// How the achievement is earned (OB 3.0 `Criteria`).
public struct Criteres: Codable, Equatable, Sendable {
    /// The criteria, in words (Markdown allowed by the spec).
    public var narrative: String

    /// Creates criteria.
    public init(narrative: String) {
        self.narrative = narrative
    }
}

/// An image (OB 3.0 `Image`): Livret embeds the badge's SVG as a data URI.
public struct ImageOB: Codable, Equatable, Sendable {
    /// The image's URI; for Livret a `data:image/svg+xml;base64,…` URI.
    public var id: String
    /// Always "Image".
    public var type: String = "Image"
    /// A text alternative of the image.
    public var caption: String?

    /// Creates an image from its URI.
    public init(id: String, caption: String?) {
        self.id = id
        self.caption = caption
    }

    /// Embeds SVG bytes as a base64 data URI.
    public init(svg: Data, caption: String?) {
        self.init(id: "data:image/svg+xml;base64," + svg.base64EncodedString(), caption: caption)
    }
}

/// What was achieved (OB 3.0 `Achievement`): an APTIC level, a Pix competence, a parcours.
public struct Realisation: Codable, Equatable, Sendable {
    /// A stable URI of the achievement, the same in every credential for it.
    public var id: String
    /// Always `["Achievement"]`.
    public var type: [String] = ["Achievement"]
    /// The achievement's name, shown on the badge.
    public var name: String
    /// What the achievement means.
    public var description: String
    /// How it is earned.
    public var criteria: Criteres
    /// The badge image.
    public var image: ImageOB?
    /// Alignments to frameworks (absent when empty).
    public var alignment: [Alignement]?
    /// The OB 3.0 achievement type ("Competency", "Badge", "CertificateOfCompletion"…).
    public var achievementType: String?
    /// The language of the achievement's texts: "fr".
    public var inLanguage: String = "fr"
    /// Keywords (absent when empty).
    public var tag: [String]?

    /// Creates an achievement.
    public init(id: String, name: String, description: String, criteres: String, image: ImageOB? = nil,
                alignements: [Alignement] = [], achievementType: String? = nil, tags: [String] = []) {
        self.id = id
        self.name = name
        self.description = description
        criteria = Criteres(narrative: criteres)
        self.image = image
        alignment = alignements.isEmpty ? nil : alignements
        self.achievementType = achievementType
        tag = tags.isEmpty ? nil : tags
    }
}

/// The learner's side of the credential (OB 3.0 `AchievementSubject`).
public struct SujetRealisation: Codable, Equatable, Sendable {
    /// An opaque subject id (see ``DemandeCredential/idSujet``): also the JWT `sub` claim.
    public var id: String
    /// Always `["AchievementSubject"]`.
    public var type: [String] = ["AchievementSubject"]
    /// The learner's hashed identities.
    public var identifier: [IdentiteHachee]
    /// What was achieved.
    public var achievement: Realisation

    /// Creates a subject.
    public init(id: String, identifier: [IdentiteHachee], achievement: Realisation) {
        self.id = id
        self.identifier = identifier
        self.achievement = achievement
    }
}

/// A piece of evidence (OB 3.0 `Evidence`): e.g. the session or the Pix result that justifies the badge.
public struct PreuveOB: Codable, Equatable, Sendable {
    /// A URI of the evidence, if it has one.
    public var id: String?
    /// Always `["Evidence"]`.
    public var type: [String] = ["Evidence"]
    /// A short name.
    public var name: String
    /// What happened, in words.
    public var narrative: String
    /// More details.
    public var description: String?

    /// Creates evidence.
    public init(id: String? = nil, name: String, narrative: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.narrative = narrative
        self.description = description
    }
}

/// An Open Badges 3.0 `OpenBadgeCredential` (AchievementCredential), unsigned.
public struct CredentialOB3: Codable, Equatable, Sendable {
    /// ``LivretBadges/contextes``.
    public var context: [String]
    /// `urn:uuid:…`.
    public var id: String
    /// `["VerifiableCredential","OpenBadgeCredential"]`.
    public var type: [String]
    /// The structure.
    public var issuer: ProfilEmetteur
    /// Issue date, `2024-03-18T00:00:00Z` form, UTC.
    public var validFrom: String
    /// Expiry date, same form, if any.
    public var validUntil: String?
    /// The credential's name.
    public var name: String
    /// The credential's description.
    public var description: String?
    /// The learner and the achievement.
    public var credentialSubject: SujetRealisation
    /// Evidence (absent when empty).
    public var evidence: [PreuveOB]?
    /// The credential's entry in the issuer's status list (absent when the issuer publishes none).
    public var credentialStatus: EntreeStatut?

    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, type, issuer, validFrom, validUntil, name, description, credentialSubject, evidence, credentialStatus
    }
}

/// What the structure asks to issue: everything a credential needs, nothing more.
public struct DemandeCredential: Sendable, Equatable {
    /// The credential's id (`urn:uuid:…`), also the JWT `jti`; fresh by default.
    public var id: String
    /// The issuing structure.
    public var emetteur: ProfilEmetteur
    /// The achievement.
    public var realisation: Realisation
    /// The learner's hashed identities (at least one; see ``IdentiteHachee/init(apprenant:sel:)``).
    public var identites: [IdentiteHachee]
    /// The credential subject's id, also the JWT `sub` claim.
    ///
    /// VC-JWT (OB 3.0 §8.2) requires `sub` = `credentialSubject.id`, and a verifier warns when both
    /// are missing. Livret has no learner DID, so by default this is a fresh `urn:uuid:` per
    /// credential: it names the subject inside the credential without linking two credentials of
    /// the same learner. A learner with a wallet DID may give it instead.
    public var idSujet: String
    /// Issue date (`validFrom`, `nbf`); truncated to the second.
    public var delivreLe: Date
    /// Expiry date (`validUntil`, `exp`), if any; truncated to the second.
    public var valableJusquau: Date?
    /// The credential's name; the achievement's name by default.
    public var nom: String?
    /// The credential's description.
    public var description: String?
    /// Evidence.
    public var preuves: [PreuveOB]
    /// The credential's entry in the issuer's status list, if it publishes one.
    public var statut: EntreeStatut?

    /// Creates a request; `id` and `idSujet` default to fresh `urn:uuid:`s.
    public init(id: String = "urn:uuid:" + UUID().uuidString.lowercased(), emetteur: ProfilEmetteur,
                realisation: Realisation, identites: [IdentiteHachee],
                idSujet: String = "urn:uuid:" + UUID().uuidString.lowercased(),
                delivreLe: Date, valableJusquau: Date? = nil, nom: String? = nil, description: String? = nil,
                preuves: [PreuveOB] = [], statut: EntreeStatut? = nil) {
        self.id = id
        self.emetteur = emetteur
        self.realisation = realisation
        self.identites = identites
        self.idSujet = idSujet
        self.delivreLe = delivreLe
        self.valableJusquau = valableJusquau
        self.nom = nom
        self.description = description
        self.preuves = preuves
        self.statut = statut
    }
}

/// A signed credential.
public struct CredentialEmis: Sendable, Equatable {
    /// The credential's id (`urn:uuid:…`).
    public let id: String
    /// The unsigned credential JSON (sorted keys).
    public let json: Data
    /// The VC-JWT (compact JWS, ES256).
    public let jwt: String
}

/// Dates as OB 3.0 writes them: `2024-03-18T00:00:00Z`.
public enum DateOB {
    /// Formats a date in UTC, to the second (computed, not through a date formatter: it is on the signing path).
    public static func texte(_ date: Date) -> String {
        let total = Int(secondes(date).rounded(.down))
        let jours = Int((Double(total) / 86_400).rounded(.down))
        let reste = total - jours * 86_400
        let jour = Jour(numero: jours)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", jour.annee, jour.mois, jour.jour, reste / 3600, (reste % 3600) / 60, reste % 60)
    }

    /// Parses an RFC 3339 date with a time zone (fractional seconds allowed). The common
    /// "AAAA-MM-JJTHH:MM:SSZ" form is read directly; other forms go through ISO8601DateFormatter.
    public static func lire(_ texte: String) -> Date? {
        let octets = Array(texte.utf8)
        if octets.count == 20, octets[4] == UInt8(ascii: "-"), octets[7] == UInt8(ascii: "-"), octets[10] == UInt8(ascii: "T"),
           octets[13] == UInt8(ascii: ":"), octets[16] == UInt8(ascii: ":"), octets[19] == UInt8(ascii: "Z") {
            func nombre(_ debut: Int, _ longueur: Int) -> Int? {
                var valeur = 0
                for o in octets[debut..<debut + longueur] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(o) else { return nil }
                    valeur = valeur * 10 + Int(o - UInt8(ascii: "0"))
                }
                return valeur
            }
            if let a = nombre(0, 4), let m = nombre(5, 2), let j = nombre(8, 2), let h = nombre(11, 2), let mi = nombre(14, 2), let se = nombre(17, 2),
               let jour = Jour(annee: a, mois: m, jour: j), h < 24, mi < 60, se < 61 {
                return Date(timeIntervalSince1970: TimeInterval(jour.numero * 86_400 + h * 3600 + mi * 60 + se))
            }
            return nil
        }
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        if let date = format.date(from: texte) { return date }
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format.date(from: texte)
    }

    /// The JWT NumericDate (whole seconds since 1970, UTC) of a date.
    public static func numerique(_ date: Date) -> Int {
        Int(secondes(date).rounded(.down))
    }

    private static func secondes(_ date: Date) -> Double {
        date.timeIntervalSince1970
    }
}

/// Builds and signs Livret's Open Badges 3.0 credentials.
public enum EmissionCredential {
    /// The credential a request describes.
    public static func credential(_ demande: DemandeCredential) throws -> CredentialOB3 {
        guard !demande.identites.isEmpty else {
            throw ErreurBadge("le badge doit désigner son titulaire : aucune identité (e-mail, téléphone ou identifiant) n'est fournie")
        }
        guard demande.emetteur.id.contains(":") else {
            throw ErreurBadge("l'identifiant de l'émetteur « \(demande.emetteur.id) » doit être une URL ou un DID")
        }
        if let fin = demande.valableJusquau, DateOB.numerique(fin) <= DateOB.numerique(demande.delivreLe) {
            throw ErreurBadge("la date de fin de validité doit être postérieure à la date de délivrance")
        }
        return CredentialOB3(
            context: LivretBadges.contextes,
            id: demande.id,
            type: ["VerifiableCredential", "OpenBadgeCredential"],
            issuer: demande.emetteur,
            validFrom: DateOB.texte(demande.delivreLe),
            validUntil: demande.valableJusquau.map(DateOB.texte),
            name: demande.nom ?? demande.realisation.name,
            description: demande.description,
            credentialSubject: SujetRealisation(id: demande.idSujet, identifier: demande.identites,
                                                achievement: demande.realisation),
            evidence: demande.preuves.isEmpty ? nil : demande.preuves,
            credentialStatus: demande.statut)
    }

    /// The unsigned credential JSON: sorted keys, no escaped slashes, the same bytes for the same request.
    public static func json(_ demande: DemandeCredential) throws -> Data {
        try JWT.encodeur.encode(credential(demande))
    }

    /// Signs the credential as a VC-JWT (OB 3.0 §8.2): the payload is the credential itself plus
    /// `iss` = issuer.id, `jti` = id, `sub` = credentialSubject.id, `nbf` = validFrom and
    /// `exp` = validUntil when present.
    public static func emettre(_ demande: DemandeCredential, cle: CleEmetteur) throws -> CredentialEmis {
        let credential = try credential(demande)
        let json = try JWT.encodeur.encode(credential)
        let charge = ChargeUtileVCJWT(
            credential: credential, iss: credential.issuer.id, jti: credential.id, sub: credential.credentialSubject.id,
            nbf: DateOB.numerique(demande.delivreLe), exp: demande.valableJusquau.map(DateOB.numerique))
        let jwt = try JWT.signer(payload: JWT.encodeur.encode(charge), cle: cle)
        return CredentialEmis(id: credential.id, json: json, jwt: jwt)
    }
}

/// The VC-JWT payload: the credential's own members plus the registered claims, in one object.
struct ChargeUtileVCJWT: Encodable {
    let credential: CredentialOB3
    let iss: String
    let jti: String
    let sub: String
    let nbf: Int
    let exp: Int?

    enum Revendications: String, CodingKey {
        case iss, jti, sub, nbf, exp
    }

    func encode(to encoder: any Encoder) throws {
        try credential.encode(to: encoder)
        var conteneur = encoder.container(keyedBy: Revendications.self)
        try conteneur.encode(iss, forKey: .iss)
        try conteneur.encode(jti, forKey: .jti)
        try conteneur.encode(sub, forKey: .sub)
        try conteneur.encode(nbf, forKey: .nbf)
        try conteneur.encodeIfPresent(exp, forKey: .exp)
    }
}
