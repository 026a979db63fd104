import LivretCore
import LivretServices

/// Reading what the formateur typed into domain values, with French messages.
enum Saisie {
    static func valeur<T: ValeurCodee>(_ texte: String?, _ option: String, _ type: T.Type = T.self) throws -> T? {
        guard let texte, !texte.isEmpty else { return nil }
        guard let valeur = T.depuis(texte) else {
            throw ErreurUtilisateur("« \(texte) » n'est pas une valeur possible pour \(option). Choisissez : \(T.choix).")
        }
        return valeur
    }

    /// "1.1=2,3.1=3" → ["1.1": 2, "3.1": 3].
    static func niveaux(_ texte: String?, _ option: String) throws -> [String: Int] {
        guard let texte, !texte.isEmpty else { return [:] }
        var resultat: [String: Int] = [:]
        for morceau in texte.split(separator: ",") {
            let parties = morceau.split(separator: "=")
            guard parties.count == 2, let niveau = Int(parties[1].trimmingCharacters(in: .whitespaces)) else {
                throw ErreurUtilisateur("« \(morceau) » (\(option)) : écrivez CODE=NIVEAU, par exemple 1.1=2,3.1=3.")
            }
            resultat[parties[0].trimmingCharacters(in: .whitespaces)] = niveau
        }
        return resultat
    }

    /// "aptic:66" or "pix:3.1" → (référentiel, code), checked against the catalogue.
    static func cible(_ texte: String, catalogue: Catalogue) throws -> (ReferentielCible, String) {
        let parties = texte.split(separator: ":", maxSplits: 1).map(String.init)
        guard parties.count == 2, let referentiel = ReferentielCible.depuis(parties[0]) else {
            throw ErreurUtilisateur("« \(texte) » : écrivez aptic:CODE (par exemple aptic:66) ou pix:CODE (par exemple pix:3.1).")
        }
        let code = parties[1]
        switch referentiel {
        case .aptic:
            let connus = catalogue.variantes.compactMap { try? catalogue.aptic(variante: $0.entete.code).referentiel }
            guard catalogue.apticBase.item(code) != nil || connus.contains(where: { $0.item(code) != nil }) else {
                throw ErreurUtilisateur("l'item APTIC « \(code) » n'existe pas. Voir « livret referentiel montrer aptic ».")
            }
        case .pix:
            guard catalogue.pix.competence(code) != nil else {
                throw ErreurUtilisateur("la compétence Pix « \(code) » n'existe pas (de 1.1 à 5.2).")
            }
        }
        return (referentiel, code)
    }
}
