/// Durations and age bands as people write them on a sign-in sheet or type them: one reading for
/// the command line, the CSV import and the terminal UI.
public enum SaisieDuree {
    /// Minutes from « 90 », « 90 min », « 1h30 », « 1 h 30 », « 2h », « 1,5 h »; nil when unreadable.
    /// A bare number under 5 (« 2 », « 1,5 ») is hours: an accompaniment lasts at least 5 minutes
    /// (``RegleAccompagnement/dureeMinutes``), so it can only mean hours — what a sign-in sheet says.
    public static func minutes(_ texte: String) -> Int? {
        let t = NormalisationTitre.cle(texte).replacingOccurrences(of: " ", with: "")
        guard !t.isEmpty else { return nil }
        if let heures = Double(t.replacingOccurrences(of: ",", with: ".")), heures > 0,
           heures < Double(RegleAccompagnement.dureeMinutes.lowerBound) {
            return Int((heures * 60).rounded())
        }
        if t.hasSuffix("min") || t.hasSuffix("mn") {
            return Int(t.dropLast(t.hasSuffix("min") ? 3 : 2))
        }
        if let n = Int(t) { return n }
        if let h = t.firstIndex(of: "h") {
            let heures = String(t[..<h]).replacingOccurrences(of: ",", with: ".")
            let reste = String(t[t.index(after: h)...])
            guard let valeur = Double(heures), valeur >= 0 else { return nil }
            let m = reste.isEmpty ? 0 : Int(reste)
            guard let m, (0..<60).contains(m) else { return nil }
            return Int((valeur * 60).rounded()) + m
        }
        return nil
    }

    /// « 1 h 30 », « 45 min », « 2 h ».
    public static func texte(minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        if h == 0 { return "\(m) min" }
        return m == 0 ? "\(h) h" : "\(h) h \(m < 10 ? "0" : "")\(m)"
    }

    /// The years of birth of an anonymous person in `annee`, from what was written: a band of the
    /// default bands (« 18–24 ans », « 18-24 », « moins de 12 », « 70 et plus »), « mineur » or
    /// « adulte », or an age (« 35 »). `.success(nil)`: nothing written (age not given).
    public static func naissances(_ texte: String, annee: Int, tranches: TranchesAge = .parDefaut) -> Result<ClosedRange<Int>?, ErreurRegle> {
        let cle = NormalisationTitre.cle(texte).replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: " ans", with: "")
            .replacingOccurrences(of: " ", with: "")
        if cle.isEmpty || cle == "nc" || cle == "noncommunique" { return .success(nil) }
        if cle.hasPrefix("mineur") { return .success((annee - (RegleAccompagnement.ageMajorite - 1))...annee) }
        if cle.hasPrefix("adulte") || cle.hasPrefix("majeur") { return .success((annee - 120)...(annee - RegleAccompagnement.ageMajorite)) }
        if let age = Int(cle), (0...120).contains(age) { return .success((annee - age)...(annee - age)) }
        for rang in 0...tranches.bornes.count {
            let libelle = NormalisationTitre.cle(tranches.libelles[rang]).replacingOccurrences(of: "–", with: "-")
                .replacingOccurrences(of: " ans", with: "").replacingOccurrences(of: " ", with: "")
            let courts = [libelle, libelle.replacingOccurrences(of: "etplus", with: "+"), libelle.replacingOccurrences(of: "moinsde", with: "-")]
            if courts.contains(cle) { return .success(tranches.naissances(rang: rang, annee: annee)) }
        }
        return .failure(ErreurRegle("« \(RegleTexte.visible(texte, maximum: 30)) » n’est pas une tranche d’âge : écrivez l’une de \(tranches.libelles.dropLast().map { "« \($0) »" }.joined(separator: ", ")), « mineur », « adulte » ou un âge."))
    }
}
