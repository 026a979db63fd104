/// The cell conventions of Pix's CSV exports (reference/pix.md §4): the formula guard, "NA",
/// "Oui"/"Non", decimal commas, "DD/MM/YYYY HH:mm" or "YYYY-MM-DD" dates (Europe/Paris).
enum CellulesPix {
    /// A text cell: the leading quote Pix adds before = + - @ (formula guard) is removed; trimmed.
    static func texte(_ brut: String) -> String {
        let texte = brut.trimmingCharacters(in: .whitespaces)
        if texte.hasPrefix("'"), let suivant = texte.dropFirst().first, "=+-@".contains(suivant) {
            return String(texte.dropFirst())
        }
        return texte
    }

    /// "NA" or empty: the value is not available (not shared, not tested…).
    static func estAbsent(_ brut: String) -> Bool {
        let texte = brut.trimmingCharacters(in: .whitespaces)
        return texte.isEmpty || texte == "NA"
    }

    /// "Oui" / "Non" (also "O"/"N", any case); nil when neither.
    static func booleen(_ brut: String) -> Bool? {
        switch brut.trimmingCharacters(in: .whitespaces).lowercased() {
        case "oui", "o", "yes", "true", "1": true
        case "non", "n", "no", "false", "0": false
        default: nil
        }
    }

    /// An integer ("52"); nil when malformed.
    static func entier(_ brut: String) -> Int? {
        Int(brut.trimmingCharacters(in: .whitespaces))
    }

    /// A decimal with a comma ("0,67") or a point; nil when malformed.
    static func decimal(_ brut: String) -> Double? {
        let texte = brut.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !texte.isEmpty, texte.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        return Double(texte)
    }

    /// The day of a Pix date: "02/03/2019 00:04" (Europe/Paris, the date part is the local day),
    /// "02/03/2019", or the older "2019-03-02"; nil when malformed.
    static func jour(_ brut: String) -> Jour? {
        let texte = brut.trimmingCharacters(in: .whitespaces)
        let date = texte.split(separator: " ").first.map(String.init) ?? texte
        if texte.contains(" ") {
            let heure = texte.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            let parties = heure.split(separator: ":")
            guard parties.count == 2, let h = Int(parties[0]), let m = Int(parties[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        }
        return Jour(date)
    }
}
