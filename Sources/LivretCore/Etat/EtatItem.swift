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
        var etats: [String: EtatItem] = [:]
        var ordre: [String] = []
        for preuve in preuves.sorted(by: { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }) {
            if let id = preuve.id, remplacees.contains(id) { continue }
            // A retraction withdraws the preuve it names, and adds nothing.
            if preuve.retrait { continue }
            let cle = "\(preuve.referentiel.rawValue)|\(preuve.code)"
            var etat = etats[cle] ?? {
                ordre.append(cle)
                return EtatItem(referentiel: preuve.referentiel, code: preuve.code, statut: .nonAborde, niveauPreuve: nil, derniereDate: nil, nombrePreuves: 0)
            }()
            etat.nombrePreuves += 1
            etat.niveauPreuve = max(etat.niveauPreuve ?? preuve.niveau, preuve.niveau)
            etat.derniereDate = max(etat.derniereDate ?? preuve.date, preuve.date)
            etat.statut = (etat.niveauPreuve ?? .declaratif) >= .autonomie ? .acquis : .enCours
            etats[cle] = etat
        }
        return ordre.compactMap { etats[$0] }
    }
}
