/// Open Badges 3.0 for Livret: the structure's keys, signed credentials (VC-JWT, ES256),
/// baked images, revocation, and zip bundles that verify offline.
public enum LivretBadges {
    /// The Open Badges 3.0 JSON-LD contexts every credential names.
    public static let contextes = [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
}
