/// The days a person may type (an action, a cohort's dates, the day of figures): within this
/// century. A séance dated 1970 or 2200 is a typing mistake, and a day in 2200 would keep a
/// person's data past every retention period.
public enum RegleDates {
    /// From 1 January 2000 to 31 December 2099.
    public static let plage: ClosedRange<Jour> = Jour(annee: 2000, mois: 1, jour: 1)!...Jour(annee: 2099, mois: 12, jour: 31)!

    /// How far outside its cohort's dates a make-up séance may lie (`--hors-dates`): one year.
    public static let margeHorsDates = 366

    /// Checks a typed day; the error names the field.
    public static func verifier(_ jour: Jour, champ: String) throws(ErreurRegle) {
        guard plage.contains(jour) else {
            throw ErreurRegle("le \(jour.francais) (\(champ)) n'est pas une date plausible : écrivez une date entre \(plage.lowerBound.francais) et \(plage.upperBound.francais).")
        }
    }
}
