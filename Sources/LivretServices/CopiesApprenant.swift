import Foundation
import LivretStore

/// Where a learner still is after their erasure from the base: backups made before it, and the
/// files exported about them (CV, learner export, badge bundle).
public struct CopiesApprenant: Sendable, Equatable {
    /// Backups (`livret sauvegarde`, copies made before a migration or a restore): never changed.
    public var sauvegardes: [String]
    /// Exported files that name the learner.
    public var exports: [String]

    /// Looks in the exports folder (`Emplacements.export`'s, relative to the current folder) and beside the base.
    ///
    /// An export names the learner when its name is the default one the commands give
    /// (`A-0001-cv.html`, `A-0001-cv.json`, `A-0001-badges.zip`: ``Emplacements/exportApprenant(_:suffixe:dossier:)``,
    /// exactly — « A-0001 » never takes « A-0001-2 »'s files), or when a small JSON, HTML or CSV file quotes
    /// the identifier (`apprenant exporter -o Exports/…`).
    public static func chercher(identifiant: String, base chemin: String, dossierExports: String = "Exports") -> CopiesApprenant {
        var sauvegardes: [String] = []
        var exports: [String] = []
        let exportsURL = URL(fileURLWithPath: dossierExports)
        for nom in fichiers(exportsURL) {
            let fichier = exportsURL.appendingPathComponent(nom)
            let cheminAffiche = (dossierExports as NSString).appendingPathComponent(nom)
            if nom.hasSuffix(".sqlite") { sauvegardes.append(cheminAffiche); continue }
            if nomme(nom, identifiant) || cite(fichier, identifiant) { exports.append(cheminAffiche) }
        }
        let baseURL = URL(fileURLWithPath: chemin)
        let dossierBase = baseURL.deletingLastPathComponent()
        let prefixe = baseURL.lastPathComponent + ".avant-"
        for nom in fichiers(dossierBase) where nom.hasPrefix(prefixe) && nom.hasSuffix(".sqlite") {
            sauvegardes.append(dossierBase.appendingPathComponent(nom).path)
        }
        return CopiesApprenant(sauvegardes: sauvegardes, exports: exports)
    }

    /// Removes the exported files; returns those that could not be removed, with why (in French).
    public static func supprimer(_ exports: [String]) -> [(fichier: String, cause: String)] {
        exports.compactMap { fichier in unlink(fichier) == 0 ? nil : (fichier, MessagesSysteme.systeme(errno)) }
    }

    /// The visible regular files of `dossier`, sorted.
    static func fichiers(_ dossier: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dossier.path)) ?? []).filter { nom in
            guard !nom.hasPrefix(".") else { return false }
            var etat = stat()
            return lstat(dossier.appendingPathComponent(nom).path, &etat) == 0 && (etat.st_mode & S_IFMT) == S_IFREG
        }.sorted()
    }

    static func nomme(_ nom: String, _ identifiant: String) -> Bool {
        Emplacements.suffixesExportApprenant.contains { Emplacements.nomExportApprenant(identifiant, suffixe: $0) == nom }
    }

    static func cite(_ fichier: URL, _ identifiant: String) -> Bool {
        guard ["json", "html", "csv"].contains(fichier.pathExtension.lowercased()),
              let taille = (try? FileManager.default.attributesOfItem(atPath: fichier.path))?[.size] as? Int, taille <= 8 << 20,
              let donnees = FileManager.default.contents(atPath: fichier.path) else { return false }
        return donnees.range(of: Data("\"\(identifiant)\"".utf8)) != nil
    }
}
