import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes checked entries inside one folder, and nowhere else.
enum ZipExtraction {
    static func extraire(_ entrees: [String: Data], dans dossier: URL) throws {
        // Names are re-checked here: this entry point also takes dictionaries built by callers.
        var registre = ZipNoms.Registre()
        var plan: [(nom: String, composants: [String])] = []
        for nom in entrees.keys.sorted(by: ZipNoms.avant) {
            let (composants, estDossier) = try ZipNoms.composants(nom)
            guard !estDossier else {
                throw ErreurPaquet(.nomDangereux, "« \(ZipNoms.pourAffichage(nom)) » désigne un dossier, pas un fichier.")
            }
            try registre.ajouter(nom, composants: composants, estDossier: false)
            plan.append((nom, composants))
        }

        try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
        guard let racine = cheminReel(dossier.path) else {
            throw ErreurPaquet(.ecriture, "Le dossier « \(dossier.path) » est inaccessible : \(String(cString: strerror(errno))).")
        }

        // 1. Check every destination before writing anything.
        for (nom, composants) in plan {
            var chemin = racine
            for (rang, partie) in composants.enumerated() {
                chemin += "/" + partie
                var info = stat()
                if lstat(chemin, &info) != 0 { break }   // absent: it and everything below will be created
                let type = info.st_mode & S_IFMT
                let dernier = rang == composants.count - 1
                if type == S_IFLNK {
                    throw ErreurPaquet(.cheminHorsDossier, "« \(chemin) » est un lien symbolique : « \(ZipNoms.pourAffichage(nom)) » pourrait être écrit hors de « \(racine) ». Extraction refusée.")
                }
                if dernier {
                    throw ErreurPaquet(.fichierExistant, "« \(chemin) » existe déjà : l'extraction n'écrase jamais un fichier.")
                }
                if type != S_IFDIR {
                    throw ErreurPaquet(.fichierExistant, "« \(chemin) » existe déjà et n'est pas un dossier : impossible d'y placer « \(ZipNoms.pourAffichage(nom)) ».")
                }
            }
        }

        // 2. Write, undoing everything on failure.
        var crees: [String] = []
        do {
            for (nom, composants) in plan {
                var parent = racine
                for partie in composants.dropLast() {
                    parent += "/" + partie
                    if mkdir(parent, 0o755) == 0 {
                        crees.append(parent)
                    } else if errno != EEXIST {
                        throw ErreurPaquet(.ecriture, "Impossible de créer le dossier « \(parent) » : \(String(cString: strerror(errno))).")
                    }
                }
                // Re-check where the parent really is, after resolving every link.
                guard let parentReel = cheminReel(parent), parentReel == racine || parentReel.hasPrefix(racine + "/") else {
                    throw ErreurPaquet(.cheminHorsDossier, "« \(ZipNoms.pourAffichage(nom)) » sortirait du dossier « \(racine) » : extraction refusée.")
                }
                let destination = parentReel + "/" + composants.last!
                let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                guard fd >= 0 else {
                    if errno == EEXIST {
                        throw ErreurPaquet(.fichierExistant, "« \(destination) » existe déjà : l'extraction n'écrase jamais un fichier.")
                    }
                    throw ErreurPaquet(.ecriture, "Impossible de créer « \(destination) » : \(String(cString: strerror(errno))).")
                }
                crees.append(destination)
                defer { close(fd) }
                try entrees[nom]!.withUnsafeBytes { (octets: UnsafeRawBufferPointer) throws in
                    var ecrits = 0
                    while ecrits < octets.count {
                        let n = write(fd, octets.baseAddress! + ecrits, octets.count - ecrits)
                        if n < 0 {
                            if errno == EINTR { continue }
                            throw ErreurPaquet(.ecriture, "Écriture impossible dans « \(destination) » : \(String(cString: strerror(errno))).")
                        }
                        ecrits += n
                    }
                }
            }
        } catch {
            for chemin in crees.reversed() {
                if unlink(chemin) != 0 { rmdir(chemin) }
            }
            throw error
        }
    }

    static func cheminReel(_ chemin: String) -> String? {
        guard let c = realpath(chemin, nil) else { return nil }
        defer { free(c) }
        return String(cString: c)
    }
}
