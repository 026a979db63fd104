/// Matching the participants of a Pix export to the structure's learners.
///
/// By the external identifier when the export has one (compared with the learner's identifier
/// and e-mail), else by first and last name (accents, case and spaces ignored). Nobody is ever
/// created here: unmatched and ambiguous participants are reported.
public enum Rapprochement {
    /// The outcome for one participant.
    public enum Resultat: Sendable, Equatable {
        case trouve(Apprenant)
        /// Several learners fit: the formateur must choose.
        case ambigu([Apprenant])
        case introuvable
    }

    /// Whether a Pix « identifiant externe » can be compared: a Livret identifier (``RegleTexte``'s
    /// grammar) or an e-mail address without control characters. Anything else is ignored (and
    /// reported): the participant is then matched by name.
    public static func externeUtilisable(_ externe: String) -> Bool {
        if RegleTexte.estCode(externe) { return true }
        return externe.contains("@") && RegleTexte.probleme(externe, champ: "", maximum: RegleTexte.longueurEmail) == nil
    }

    /// Matches one participant among `apprenants` (erased learners are never matched).
    public static func rapprocher(prenom: String, nom: String, identifiantExterne: String?, parmi apprenants: [Apprenant]) -> Resultat {
        let candidats = apprenants.filter { !$0.efface }
        if let externe = identifiantExterne.map(cle), !externe.isEmpty {
            let parIdentifiant = candidats.filter { cle($0.identifiant) == externe || $0.email.map(cle) == externe }
            if parIdentifiant.count == 1 { return .trouve(parIdentifiant[0]) }
            if parIdentifiant.count > 1 { return .ambigu(parIdentifiant) }
        }
        let nomComplet = cle(prenom + " " + nom)
        guard !nomComplet.isEmpty else { return .introuvable }
        let parNom = candidats.filter { apprenant in
            guard let prenomA = apprenant.prenom, let nomA = apprenant.nom else { return false }
            return cle(prenomA + " " + nomA) == nomComplet
        }
        switch parNom.count {
        case 0: return .introuvable
        case 1: return .trouve(parNom[0])
        default: return .ambigu(parNom)
        }
    }

    static func cle(_ texte: String) -> String {
        NormalisationTitre.cle(texte.replacingOccurrences(of: "-", with: " "))
    }
}
