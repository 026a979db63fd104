/// The short code of a badge, printed on paper and typed by hand to reach its verification page.
public enum CodeBadge {
    /// The first 8 hexadecimal characters of the badge's UUID, « A1B2-C3D4 ».
    public static func court(_ id: String) -> String {
        var reste = Substring(id)
        if reste.lowercased().hasPrefix("urn:uuid:") { reste = reste.dropFirst("urn:uuid:".count) }
        let hex = reste.filter(\.isHexDigit).prefix(8).uppercased()
        guard hex.count > 4 else { return hex }
        return String(hex.prefix(4)) + "-" + String(hex.dropFirst(4))
    }

    /// A code as a person may type it (« 0d27 ae02 », « 0D27AE02 ») written the canonical way,
    /// or nil when it is not 8 hexadecimal characters.
    public static func normaliser(_ saisie: String) -> String? {
        let hex = saisie.filter { !$0.isWhitespace && $0 != "-" }.uppercased()
        guard hex.count == 8, hex.allSatisfy(\.isHexDigit) else { return nil }
        return String(hex.prefix(4)) + "-" + String(hex.dropFirst(4))
    }

    /// Folder of the verification pages inside the structure's site.
    public static let dossierPages = "v"

    /// Path of a badge's verification page inside the site: « v/0D27-AE02/ ».
    public static func cheminPage(code: String) -> String { "\(dossierPages)/\(code)/" }

    /// The address of badge `id`'s verification page on the site `site` (« https://exemple.fr »).
    public static func urlPage(id: String, site: String) -> String { "\(site)/" + cheminPage(code: court(id)) }

    /// The address where a code is typed by hand on the site `site`: « https://exemple.fr/v/ ».
    public static func urlSaisie(site: String) -> String { "\(site)/\(dossierPages)/" }
}
