extension String {
    /// The text for a page of the space: escaped for HTML, and with French typography's
    /// non-breaking spaces (before « ! ? : ; », inside « guillemets ») so that a narrow phone screen
    /// never leaves a « » or a « ! » alone at the start of a line.
    var html: String {
        var t = self
        for (avant, apres) in [(" !", "\u{a0}!"), (" ?", "\u{a0}?"), (" :", "\u{a0}:"), (" ;", "\u{a0};"), ("« ", "«\u{a0}"), (" »", "\u{a0}»")] {
            t = t.replacingOccurrences(of: avant, with: apres)
        }
        return t.echappeXML
    }
}
