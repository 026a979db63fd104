import LivretBadges
import Testing

@Test("Les contextes Open Badges 3.0 attendus par les vérificateurs")
func contextes() {
    #expect(LivretBadges.contextes == ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"])
}
