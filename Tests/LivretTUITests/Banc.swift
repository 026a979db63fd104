import Foundation
import LivretCore
import LivretDemo
import LivretReferentiels
import LivretStore
import LivretTerminal
import LivretTUI
import LivretTestSupport
import Testing

/// A formateur's workstation for one test: a fresh base in a temporary folder (the demo, or
/// nothing), a fixed day and formateur, keys and exports in the same folder, and the UI driven
/// headlessly at 80×24 (or another size). Nothing depends on the clock, the locale, the network or the terminal.
final class Banc {
    static let jour = Fixe.jour
    static let formateur = Fixe.formateur
    /// The UI's clock: 4 March 2024 at 10:00 UTC, the fixed day (sign-in codes are timed to the second).
    static let instant = Int64(Fixe.jour.numero) * 86_400 + 10 * 3600

    let dossier: URL
    let cheminBase: String
    var dossierCles: URL { dossier.appendingPathComponent("cles") }
    var dossierExports: URL { dossier.appendingPathComponent("Exports") }
    /// Where the demo was written (another connection to the same file, as another `livret`
    /// process would have).
    let base: Base?
    private(set) var poste: Poste
    var session: SessionScriptee

    /// - Parameters:
    ///   - demo: fills the base with `Demo.remplir` (else no file at all: the UI offers the demo).
    ///   - structure: without the demo, a base with this structure and nothing else.
    ///   - preparer: runs on the filled base before the UI opens (a séance of the day…).
    ///   - formateur: the name the UI writes as.
    ///   - taille: the size of the terminal.
    init(demo: Bool = true, structure: String? = nil, formateur: String? = Banc.formateur, taille: Taille = Taille(largeur: 80, hauteur: 24),
         preparer: (Base) throws -> Void = { _ in }) throws {
        dossier = try DossierTemporaire(prefixe: "livret-tui-tests").url
        cheminBase = dossier.appendingPathComponent("livret.sqlite").path
        if demo {
            let base = try Demonstration.dansFichier(cheminBase).base
            try preparer(base)
            self.base = base
        } else if let structure {
            let base = try Base(chemin: cheminBase)
            try base.initialiser(structure: structure, formateur: formateur ?? "Formatrice", date: Self.jour)
            try preparer(base)
            self.base = base
        } else {
            base = nil
        }
        poste = try Poste(cheminBase: cheminBase, catalogue: catalogueEmbarque, dossierCles: dossier.appendingPathComponent("cles"),
                          dossierExports: dossier.appendingPathComponent("Exports").path, nomFormateur: formateur, jour: Self.jour,
                          horloge: { Banc.instant }, tirage: Poste.tirageDeterministe(graine: Fixe.graine))
        session = SessionScriptee(poste: poste, taille: taille)
    }

    deinit {
        try? FileManager.default.removeItem(at: dossier)
    }

    /// The base as the UI sees it (the workstation's connection).
    var db: Base {
        get throws {
            guard let db = poste.db else { throw ProblemeBanc("le poste n'a pas de base ouverte") }
            return db
        }
    }

    // MARK: - Keys

    func taper(_ touches: Touche...) { session.taper(touches) }

    /// Each character is a key, "\n" is Entrée.
    func ecrire(_ texte: String) { session.ecrire(texte) }

    var ecran: String { session.ecran }
    var application: Application { session.application }
    var titre: String { session.application.ecran.titre }

    /// The whole message of the message line (the row may cut it), "" when there is none.
    var message: String { session.application.message?.texte ?? "" }

    /// True when the message is an error.
    var erreur: Bool { session.application.message?.erreur == true }

    /// The message as drawn, trimmed: the second to last row, or the two rows above the status
    /// line when the message is too long for one.
    var ligneMessage: String {
        let lignes = ecran.split(separator: "\n", omittingEmptySubsequences: false)
        let derniere = lignes[lignes.count - 2].trimmingCharacters(in: .whitespaces)
        let avant = lignes[lignes.count - 3].trimmingCharacters(in: .whitespaces)
        if let message = session.application.message, avant.hasPrefix(message.erreur ? "Erreur" : String(message.texte.prefix(8))) {
            return avant + " " + derniere
        }
        return derniere
    }

    /// People in the order the UI lists them: by name, case and accents ignored.
    static func parNom(_ apprenants: [Apprenant]) -> [Apprenant] {
        apprenants.sorted {
            ($0.nomAffiche.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), $0.identifiant)
                < ($1.nomAffiche.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), $1.identifiant)
        }
    }

    /// The row that contains `texte`, trimmed, or nil.
    func ligne(contenant texte: String) -> String? {
        ecran.split(separator: "\n").first { $0.contains(texte) }.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// The lines of an attendance sheet in the order the appel screen shows them: by name, case
/// and accents ignored, then identifier (the base gives them by identifier).
func ordreAppel(_ feuille: FeuilleAppel) -> [FeuilleAppel.Ligne] {
    func cle(_ l: FeuilleAppel.Ligne) -> (String, String) {
        (l.nom.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), l.identifiant)
    }
    return feuille.lignes.sorted { cle($0) < cle($1) }
}

struct ProblemeBanc: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
