/// The structure as a badge issuer: its stable identifier and public profile.
public struct EmetteurEnregistre: Sendable, Equatable, Codable {
    /// A URI ("urn:uuid:…" or the structure's own https address).
    public var identifiant: String
    public var nom: String
    /// The structure's site (``ContactStructure/site``), read with the profile.
    public var url: String?
    public var description: String?

    public init(identifiant: String, nom: String, url: String? = nil, description: String? = nil) {
        self.identifiant = identifiant
        self.nom = nom
        self.url = url
        self.description = description
    }
}

/// A public signing key of the structure (the private key never enters the base).
public struct ClePubliqueEnregistree: Sendable, Equatable, Codable {
    public var kid: String
    /// The public JWK, as JSON text.
    public var jwk: String
    public var creeeLe: Jour
    /// Set when a newer key replaced it: it still verifies older badges.
    public var retireeLe: Jour?

    public init(kid: String, jwk: String, creeeLe: Jour, retireeLe: Jour? = nil) {
        self.kid = kid
        self.jwk = jwk
        self.creeeLe = creeeLe
        self.retireeLe = retireeLe
    }
}

/// A badge issued to a learner: the signed credential and its revocation, if any.
public struct BadgeEmis: Sendable, Equatable, Codable {
    public var id: String
    public var apprenantId: Int64
    public var reussite: String
    public var emisLe: Jour
    public var kid: String
    public var jwt: String
    public var auteurId: Int64
    public var revoqueLe: Jour?
    public var motifRevocation: String?
    /// The credential's index in the structure's published status list (W3C Bitstring Status List),
    /// nil when the credential carries no `credentialStatus`.
    public var indexStatut: Int?

    public init(id: String, apprenantId: Int64, reussite: String, emisLe: Jour, kid: String, jwt: String, auteurId: Int64,
                revoqueLe: Jour? = nil, motifRevocation: String? = nil, indexStatut: Int? = nil) {
        self.id = id
        self.apprenantId = apprenantId
        self.reussite = reussite
        self.emisLe = emisLe
        self.kid = kid
        self.jwt = jwt
        self.auteurId = auteurId
        self.revoqueLe = revoqueLe
        self.motifRevocation = motifRevocation
        self.indexStatut = indexStatut
    }
}
