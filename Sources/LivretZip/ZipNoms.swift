import Foundation

/// Entry-name rules shared by the writer (never write what the reader would refuse),
/// the reader and the extractor, and by callers that build archives of their own
/// (for example a badge bundle checking its names before assembling it).
public enum ZipNoms {
    /// Longest accepted component, in UTF-8 bytes (the usual file-system limit).
    public static let longueurMaximaleComposant = 255
    /// Longest accepted name, in UTF-8 bytes.
    public static let longueurMaximaleNom = 1024

    /// Checks one entry name; returns its path components (without the trailing "/" of a folder).
    ///
    /// Refused with `.nomDangereux`: empty names, names over the length limits, NUL and control
    /// characters, backslashes, absolute paths, a drive letter or scheme in the first component,
    /// empty, "." and ".." components.
    public static func composants(_ nom: String) throws(ErreurPaquet) -> (composants: [String], estDossier: Bool) {
        let affiche = pourAffichage(nom)
        guard !nom.isEmpty else {
            throw ErreurPaquet(.nomDangereux, "Une entrée de l'archive n'a pas de nom.")
        }
        if nom.utf8.count > longueurMaximaleNom {
            throw ErreurPaquet(.nomDangereux, "Le nom de l'entrée « \(affiche.prefix(80))… » est trop long (\(nom.utf8.count) octets, \(longueurMaximaleNom) au plus).")
        }
        for scalaire in nom.unicodeScalars {
            let v = scalaire.value
            if v == 0 {
                throw ErreurPaquet(.nomDangereux, "Le nom de l'entrée « \(affiche) » contient un caractère nul.")
            }
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                throw ErreurPaquet(.nomDangereux, "Le nom de l'entrée « \(affiche) » contient un caractère de contrôle.")
            }
        }
        if nom.contains("\\") {
            throw ErreurPaquet(.nomDangereux, "Le nom de l'entrée « \(affiche) » contient une barre oblique inversée (\\), interdite.")
        }
        if nom.hasPrefix("/") {
            throw ErreurPaquet(.nomDangereux, "Le nom de l'entrée « \(affiche) » est un chemin absolu ; seuls les chemins relatifs sont acceptés.")
        }
        let estDossier = nom.hasSuffix("/")
        var parties = nom.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if estDossier { parties.removeLast() }
        if let premiere = parties.first, premiere.contains(":") {
            throw ErreurPaquet(.nomDangereux, "Le nom de l'entrée « \(affiche) » commence par un lecteur ou un schéma (« \(premiere) »), interdit.")
        }
        for partie in parties {
            switch partie {
            case "":
                throw ErreurPaquet(.nomDangereux, "Le nom de l'entrée « \(affiche) » contient un élément de chemin vide (« // »).")
            case ".", "..":
                throw ErreurPaquet(.nomDangereux, "Le nom de l'entrée « \(affiche) » contient « \(partie) » : il pourrait sortir du dossier de destination.")
            default:
                if partie.utf8.count > longueurMaximaleComposant {
                    throw ErreurPaquet(.nomDangereux, "Un élément du nom de l'entrée « \(affiche.prefix(80))… » dépasse \(longueurMaximaleComposant) octets.")
                }
            }
        }
        return (parties, estDossier)
    }

    /// Key under which two names count as the same file on a case-insensitive,
    /// normalising file system (macOS, Windows): Unicode NFC, then lower case.
    public static func cle(_ nom: String) -> String {
        nom.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// Tracks names already seen; refuses doubles and file/folder clashes ("a" and "a/b").
    public struct Registre: Sendable {
        private var fichiers: [String: String] = [:]   // clé → nom d'origine
        private var dossiers: [String: String] = [:]   // clé de chaque dossier parent → nom qui l'a créé

        /// An empty register.
        public init() {}

        /// Records `nom` (already split by `ZipNoms.composants`); throws `.nomEnDouble` if it
        /// names the same file as an earlier name (after NFC and case folding), or if it is a
        /// file where an earlier name needs a folder, or the reverse.
        public mutating func ajouter(_ nom: String, composants: [String], estDossier: Bool) throws(ErreurPaquet) {
            let cleNom = ZipNoms.cle(composants.joined(separator: "/"))
            // Every proper prefix is a folder.
            var prefixe: [String] = []
            for partie in composants.dropLast() {
                prefixe.append(partie)
                let c = ZipNoms.cle(prefixe.joined(separator: "/"))
                if let autre = fichiers[c] {
                    throw ErreurPaquet(.nomEnDouble, "« \(ZipNoms.pourAffichage(autre)) » est à la fois un fichier et un dossier dans l'archive (voir « \(ZipNoms.pourAffichage(nom)) »).")
                }
                if dossiers[c] == nil { dossiers[c] = nom }
            }
            if estDossier {
                if let autre = fichiers[cleNom] {
                    throw ErreurPaquet(.nomEnDouble, "« \(ZipNoms.pourAffichage(autre)) » est à la fois un fichier et un dossier dans l'archive.")
                }
                if dossiers[cleNom] == nil { dossiers[cleNom] = nom }
                return
            }
            if let autre = fichiers[cleNom] {
                let precision = autre == nom ? "" : " (même nom une fois la casse et les accents normalisés : « \(ZipNoms.pourAffichage(autre)) »)"
                throw ErreurPaquet(.nomEnDouble, "L'entrée « \(ZipNoms.pourAffichage(nom)) » figure deux fois dans l'archive\(precision).")
            }
            if let autre = dossiers[cleNom] {
                throw ErreurPaquet(.nomEnDouble, "« \(ZipNoms.pourAffichage(nom)) » est à la fois un fichier et un dossier dans l'archive (voir « \(ZipNoms.pourAffichage(autre)) »).")
            }
            fichiers[cleNom] = nom
        }
    }

    /// A name safe to print: control characters shown as \u{…}.
    public static func pourAffichage(_ nom: String) -> String {
        var sortie = ""
        for s in nom.unicodeScalars {
            if s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 {
                sortie += "\\u{\(String(s.value, radix: 16))}"
            } else {
                sortie.unicodeScalars.append(s)
            }
        }
        return sortie
    }

    /// Byte order used everywhere an order is needed (stable across platforms and Swift versions).
    public static func avant(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
