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
}
