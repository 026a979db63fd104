extension String {
    /// The text escaped for XML and HTML content and attribute values (`& < > " '`).
    /// One place for the SVG badges, the CV and the reports.
    public var echappeXML: String {
        var resultat = ""
        resultat.reserveCapacity(utf8.count)
        for caractere in self {
            switch caractere {
            case "&": resultat += "&amp;"
            case "<": resultat += "&lt;"
            case ">": resultat += "&gt;"
            case "\"": resultat += "&quot;"
            case "'": resultat += "&#39;"
            default: resultat.append(caractere)
            }
        }
        return resultat
    }
}
