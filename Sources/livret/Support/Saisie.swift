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
    /// Checks, by Core's rule, that evidence or a level may target `code` of `referentiel`.
    static func verifierCible(_ referentiel: ReferentielCible, _ code: String, catalogue: Catalogue) throws {
        do { try catalogue.verifierCible(referentiel, code) } catch { throw ErreurUtilisateur(error.message) }
    }

    /// Reads « aptic:CODE » or « pix:CODE »; whether the référentiels know it is Core's rule
    /// (``Catalogue/verifierCible(_:_:)``), checked by the service.
    static func cible(_ texte: String) throws -> (ReferentielCible, String) {
        let parties = texte.split(separator: ":", maxSplits: 1).map(String.init)
        guard parties.count == 2, let referentiel = ReferentielCible.depuis(parties[0]) else {
            throw ErreurUtilisateur("« \(texte) » : écrivez aptic:CODE (par exemple aptic:66) ou pix:CODE (par exemple pix:3.1).")
        }
        return (referentiel, parties[1])
    }
}

extension Saisie {
    /// Like ``valeur(_:_:_:)``, the choices listed as they are typed on the command line, with
    /// « - » (« rendez-vous », « non-communique »); « _ », accents and capitals are accepted too.
    static func option<T: ValeurCodee>(_ texte: String?, _ option: String, _ type: T.Type = T.self) throws -> T? {
        guard let texte, !texte.isEmpty else { return nil }
        guard let valeur = T.depuis(texte) else {
            throw ErreurUtilisateur("« \(texte) » n'est pas une valeur possible pour \(option). Choisissez : \(choix(T.self)).")
        }
        return valeur
    }

    /// « permanence, rendez-vous ou atelier ».
    static func choix<T: ValeurCodee>(_: T.Type) -> String {
        let valeurs = T.allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") }
        return valeurs.dropLast().joined(separator: ", ") + " ou " + (valeurs.last ?? "")
    }
}
