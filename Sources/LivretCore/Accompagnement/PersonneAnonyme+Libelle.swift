extension PersonneAnonyme {
    /// The age as it was given, for lists and confirmations, in `annee` (the accompaniment's year):
    /// « 18–24 ans », « 35 ans », « moins de 18 ans », « 18 ans et plus », « âge non communiqué ».
    /// Worded without gender, as the person's sex is shown beside it.
    public func libelleAge(annee: Int, tranches: TranchesAge = .parDefaut) -> String {
        guard let naissance else { return "âge non communiqué" }
        if naissance.lowerBound == naissance.upperBound { return Accord.nombre(annee - naissance.lowerBound, "an") }
        let rang = tranches.rang(naissances: naissance, anneeReference: annee)
        if rang <= tranches.bornes.count, tranches.naissances(rang: rang, annee: annee) == naissance { return tranches.libelles[rang] }
        switch TranchesAge.rangMajorite(naissances: naissance, anneeReference: annee) {
        case 0: return "moins de \(RegleAccompagnement.ageMajorite) ans"
        case 1: return "\(RegleAccompagnement.ageMajorite) ans et plus"
        default: return "naissance entre \(naissance.lowerBound) et \(naissance.upperBound)"
        }
    }

    /// « personne anonyme (féminin, 18–24 ans) ».
    public func libelle(annee: Int) -> String {
        let sexe = self.sexe == .nonCommunique ? "sexe non communiqué" : self.sexe.libelle
        return "personne anonyme (\(sexe), \(libelleAge(annee: annee)))"
    }
}
