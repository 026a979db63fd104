import GRDB
import LivretCore

/// What can go wrong with the base, in French, with what to do.
public enum ErreurBase: Error, Sendable, Equatable, CustomStringConvertible {
    case ouverture(chemin: String, cause: String)
    case versionPlusRecente(migration: String)
    case migration(cause: String)
    case introuvable(quoi: String, code: String)
    case dejaExistant(quoi: String, code: String)
    case invalide(String)
    /// A rule of Core said no, inside a transaction (its UI wording kept: ``ErreurRegle/interface``).
    case refus(ErreurRegle)
    case sql(cause: String)
    /// The disk, the file or the system failed: French text with what to do (``MessagesSysteme``).
    case systeme(String)

    public var description: String {
        switch self {
        case .ouverture(let chemin, let cause):
            "impossible d'ouvrir la base « \(chemin) » : \(cause)"
        case .versionPlusRecente(let migration):
            "cette base a été écrite par une version plus récente de Livret (étape « \(migration) » inconnue). Mettez Livret à jour avant de l'ouvrir."
        case .migration(let cause):
            "la mise à jour de la base a échoué (\(cause)). Rien n'a été modifié ; faites une copie du fichier et signalez le problème."
        case .introuvable(let quoi, let code):
            "\(quoi) « \(code) » introuvable."
        case .dejaExistant(let quoi, let code):
            "\(quoi) « \(code) » existe déjà."
        case .invalide(let message):
            message
        case .refus(let regle):
            regle.message
        case .sql(let cause):
            "erreur de la base (\(cause))."
        case .systeme(let message):
            message
        }
    }

    static func depuis(_ erreur: DatabaseError) -> ErreurBase {
        switch erreur.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            .invalide("cet enregistrement existe déjà (\(erreur.message ?? "contrainte d'unicité")).")
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            .invalide("cet enregistrement fait référence à un élément qui n'existe pas.")
        default:
            // Disk full, read-only, busy, damaged…: one French text per result code, never SQLite's
            // English (a failed backup step even says « not an error »).
            if let message = MessagesSysteme.sqlite(erreur.extendedResultCode) { .systeme(message) } else {
                .sql(cause: erreur.message ?? "code \(erreur.resultCode.rawValue)")
            }
        }
    }
}
