/// Where a learner stands on one item or competence, derived from the evidence — never stored.
public struct EtatItem: Sendable, Equatable, Codable {
    public enum Statut: String, Sendable, Codable {
        case nonAborde = "non_aborde"
        case enCours = "en_cours"
        case acquis

        public var libelle: String {
            switch self {
            case .nonAborde: "non abordé"
            case .enCours: "en cours"
            case .acquis: "acquis"
            }
        }
    }

    public var referentiel: ReferentielCible
    public var code: String
    public var statut: Statut
    /// The strongest current evidence, if any.
    public var niveauPreuve: NiveauPreuve?
    /// The date of the latest current evidence.
    public var derniereDate: Jour?
    public var nombrePreuves: Int

    /// The state of every item touched by `preuves`: superseded preuves are ignored; the item is
    /// "acquis" once observed in autonomy or certified, "en cours" with weaker evidence.
    public static func calculer(_ preuves: [Preuve]) -> [EtatItem] {
        let remplacees = Set(preuves.compactMap(\.remplace))
        // Items in the order their first current preuve comes, each updated in place.
        struct Cle: Hashable { var referentiel: ReferentielCible; var code: String }
        var index: [Cle: Int] = [:]
        var etats: [EtatItem] = []
        let avant = { (a: Preuve, b: Preuve) in (a.date, a.id ?? 0) < (b.date, b.id ?? 0) }
        // Preuves are usually read in this order already: sorted only when they are not.
        let triees = zip(preuves, preuves.dropFirst()).allSatisfy { !avant($1, $0) } ? preuves : preuves.sorted(by: avant)
        for preuve in triees {
            if let id = preuve.id, remplacees.contains(id) { continue }
            // A retraction withdraws the preuve it names, and adds nothing.
            if preuve.retrait { continue }
            let cle = Cle(referentiel: preuve.referentiel, code: preuve.code)
            let i: Int
            if let connu = index[cle] {
                i = connu
            } else {
                i = etats.count
                index[cle] = i
                etats.append(EtatItem(referentiel: preuve.referentiel, code: preuve.code, statut: .nonAborde, niveauPreuve: nil, derniereDate: nil, nombrePreuves: 0))
            }
            etats[i].nombrePreuves += 1
            etats[i].niveauPreuve = max(etats[i].niveauPreuve ?? preuve.niveau, preuve.niveau)
            etats[i].derniereDate = max(etats[i].derniereDate ?? preuve.date, preuve.date)
            etats[i].statut = (etats[i].niveauPreuve ?? .declaratif) >= .autonomie ? .acquis : .enCours
        }
        return etats
    }
}
