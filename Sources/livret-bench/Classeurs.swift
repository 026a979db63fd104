import CXlsxWriter
import Foundation
import LivretCore
import LivretExports
import LivretServices

/// Timings of the XLSX workbooks at national scale, against libxlsxwriter alone writing the same cells.
enum BancClasseurs {
    struct Resultat {
        /// Building the classeur from the learners and writing its bytes (Livret's whole path), in seconds.
        var livret: Double
        /// libxlsxwriter alone writing the same cells (strings and numbers, no format), in seconds.
        var brut: Double
        var cellules: Int
        var octets: Int
    }

    /// The learner list of the whole base, as `livret apprenant lister --xlsx` writes it. Each side is
    /// timed `fois` times, alternately, and its best time kept (the least disturbed by the machine).
    static func listeApprenants(_ apprenants: [Apprenant], jour: Jour, fois: Int = 3) throws -> Resultat {
        var classeur: Classeur?
        var octets = 0
        var livret = Double.infinity, brut = Double.infinity
        for _ in 0..<max(1, fois) {
            livret = min(livret, try Chrono.mesurer {
                let c = ListesClasseur.apprenants(apprenants, jour: jour)
                octets = try EcritureClasseur.donnees(c).count
                classeur = c
            })
            guard let classeur else { throw ErreurUtilisateur("classeur vide") }
            brut = min(brut, try Chrono.mesurer { try ecrireBrut(classeur) })
        }
        guard let classeur else { throw ErreurUtilisateur("classeur vide") }
        let cellules = classeur.feuilles.reduce(0) { $0 + $1.lignes.reduce(0) { $0 + $1.count } }
        return Resultat(livret: livret, brut: brut, cellules: cellules, octets: octets)
    }

    /// The same cells written with libxlsxwriter's own calls only: the engine's limit on this machine.
    static func ecrireBrut(_ classeur: Classeur) throws {
        let chemin = NSTemporaryDirectory() + "livret-bench-brut-\(ProcessInfo.processInfo.processIdentifier).xlsx"
        defer { try? FileManager.default.removeItem(atPath: chemin) }
        guard let wb = workbook_new(chemin) else { throw ErreurUtilisateur("libxlsxwriter : classeur non créé") }
        for feuille in classeur.feuilles {
            guard let ws = Classeur.nomFeuille(feuille.nom).withCString({ workbook_add_worksheet(wb, $0) }) else { continue }
            for (i, ligne) in feuille.lignes.enumerated() {
                let r = lxw_row_t(i + 1)
                for (j, cellule) in ligne.enumerated() {
                    let c = lxw_col_t(j)
                    switch cellule {
                    case .texte(let t): worksheet_write_string(ws, r, c, t, nil)
                    case .entier(let n): worksheet_write_number(ws, r, c, Double(n), nil)
                    case .decimal(let x, _), .pourcentage(let x): worksheet_write_number(ws, r, c, x, nil)
                    case .masque: worksheet_write_string(ws, r, c, "s", nil)
                    case .vide: break
                    }
                }
            }
        }
        guard workbook_close(wb) == LXW_NO_ERROR else { throw ErreurUtilisateur("libxlsxwriter : classeur non écrit") }
    }
}
