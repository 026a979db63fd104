import Foundation
import LivretCore
import LivretStore

/// Where Livret keeps its files when nothing else is said: the same rules for the command
/// line and the terminal UI.
public enum Emplacements {
    /// The base: `explicite` (`--base`), then `$LIVRET_BASE`, then `$XDG_DATA_HOME/livret/livret.sqlite`
    /// (by default `~/.local/share/livret/livret.sqlite`).
    public static func base(explicite: String? = nil, environnement: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicite, !explicite.isEmpty { return explicite }
        if let chemin = environnement[Base.variableChemin], !chemin.isEmpty { return chemin }
        return dossierDonnees(environnement: environnement) + "/livret.sqlite"
    }

    /// Livret's data folder, as the XDG convention says: `$XDG_DATA_HOME/livret` when it is an
    /// absolute path, else `$HOME/.local/share/livret` — `HOME` as the environment gives it, so
    /// that `HOME=/tmp/x livret` never opens the account's real base (only when `HOME` is unset is
    /// the account's home folder looked up).
    public static func dossierDonnees(environnement: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environnement["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/livret" }
        let maison = environnement["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return maison + "/.local/share/livret"
    }

    /// The structure's private keys: `explicite` (`--cles`), then `$LIVRET_CLES`, then the
    /// folder « cles » beside the base.
    public static func cles(explicite: String? = nil, base chemin: String,
                            environnement: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicite, !explicite.isEmpty { return URL(fileURLWithPath: explicite) }
        if let dossier = environnement["LIVRET_CLES"], !dossier.isEmpty { return URL(fileURLWithPath: dossier) }
        return URL(fileURLWithPath: chemin).deletingLastPathComponent().appendingPathComponent("cles")
    }

    /// The demonstration's own base, beside the structure's (`demonstration.sqlite`): trying the
    /// demo never touches the real base.
    public static func demo(base chemin: String) -> String {
        URL(fileURLWithPath: chemin).deletingLastPathComponent().appendingPathComponent("demonstration.sqlite").path
    }

    /// The file where this machine remembers who works on the base at `chemin` (the formateur
    /// chosen at the last start), beside it: `livret.sqlite.poste`.
    public static func memoirePoste(base chemin: String) -> String { chemin + ".poste" }

    /// Where exports go when no file is named: the `Exports` folder of the current directory.
    public static let dossierExports = "Exports"

    /// The default file of a learner's export, `Exports/A-0012-cv.html`: the identifier made a safe
    /// file name (``RegleTexte/nomDeFichier(_:)``), so that no identifier can lead outside `dossier`.
    public static func exportApprenant(_ identifiant: String, suffixe: String, dossier: String = dossierExports) -> String {
        dossier + "/" + nomExportApprenant(identifiant, suffixe: suffixe)
    }

    /// The file name alone of that export: `A-0012-cv.html`.
    public static func nomExportApprenant(_ identifiant: String, suffixe: String) -> String {
        RegleTexte.nomDeFichier(identifiant) + "-" + suffixe
    }

    /// The suffixes of a learner's default exports: the CV in both formats and the badge bundle.
    public static let suffixesExportApprenant = ["cv.html", "cv.json", "badges.zip"]

    /// Whether a `--sortie` value means standard output (« - »).
    public static func estSortieStandard(_ chemin: String?) -> Bool { chemin == "-" }

    /// Opens the base at `chemin`; without `creer`, a missing file is an error that says what to do.
    public static func ouvrir(_ chemin: String, creer: Bool = false) throws -> Base {
        if !FileManager.default.fileExists(atPath: chemin) {
            guard creer else {
                throw ErreurUtilisateur("aucune base à « \(chemin) ». Créez-la avec « livret init » (ou « livret demo » pour essayer), ou indiquez-la avec --base.")
            }
            // The data folder is private (0700), like the base in it (0600): see FichiersPrives.
            try? FichiersPrives.creerDossier(URL(fileURLWithPath: chemin).deletingLastPathComponent())
        }
        do {
            return try Base(chemin: chemin)
        } catch {
            throw ErreurUtilisateur(error.description)
        }
    }
}

/// Who writes, and which day it is: the same rules for the command line and the terminal UI.
public enum Auteurs {
    /// The formateur named `nom` (`--formateur`, `$LIVRET_FORMATEUR`), or the only one of the base.
    public static func auteur(_ db: Base, nom: String?) throws -> Formateur {
        if let nom, !nom.isEmpty {
            do { return try db.formateur(nom) } catch {
                let connus = ((try? db.formateurs()) ?? []).map(\.nom).joined(separator: ", ")
                throw ErreurUtilisateur("le formateur « \(nom) » n'existe pas dans la base. Formateurs connus : \(connus.isEmpty ? "aucun" : connus).")
            }
        }
        let tous = (try? db.formateurs()) ?? []
        if tous.count == 1 { return tous[0] }
        if tous.isEmpty { throw ErreurUtilisateur("la base n'est pas initialisée : lancez d'abord « livret init ».") }
        throw ErreurUtilisateur("plusieurs formateurs utilisent cette base : dites qui fait l'action avec --formateur (\(tous.map(\.nom).joined(separator: ", "))).")
    }

    /// The formateur's name given on the command line, else `$LIVRET_FORMATEUR` (nil: let ``auteur(_:nom:)`` decide).
    public static func nomFormateur(option: String?, environnement: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        option ?? environnement["LIVRET_FORMATEUR"]
    }

    /// The day of the action or of the figures: `--date` (`option`), else `$LIVRET_DATE`, else today.
    /// The only place Livret reads that variable or the clock.
    public static func jourCourant(option: String?, champ: String = "--date",
                                   environnement: [String: String] = ProcessInfo.processInfo.environment) throws -> Jour {
        try jour(option ?? environnement["LIVRET_DATE"], champ: champ)
    }

    /// Now, in seconds since 1970: $LIVRET_MAINTENANT when set (tests: a code given in the past),
    /// else the system clock. Used where minutes count (the learner space's codes and sessions).
    public static func maintenant(environnement: [String: String] = ProcessInfo.processInfo.environment) -> Int64 {
        environnement["LIVRET_MAINTENANT"].flatMap { Int64($0) } ?? Int64(Date().timeIntervalSince1970)
    }

    /// The day named by `texte` (AAAA-MM-JJ or JJ/MM/AAAA), or today.
    public static func jour(_ texte: String?, champ: String) throws -> Jour {
        if let texte, !texte.isEmpty {
            guard let jour = Jour(texte) else {
                throw ErreurUtilisateur("la date « \(Format.extrait(texte)) » (\(champ)) n'est pas valide. Écrivez-la AAAA-MM-JJ ou JJ/MM/AAAA, par exemple 2024-03-18.")
            }
            try regle { () throws(ErreurRegle) in try RegleDates.verifier(jour, champ: champ) }
            return jour
        }
        return Jour(numero: Int(Date().timeIntervalSince1970 / 86_400))
    }
}
