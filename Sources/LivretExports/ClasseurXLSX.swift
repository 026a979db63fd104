import CXlsxWriter
import Foundation
import LivretCore

/// Writes a ``Classeur`` as an XLSX workbook with libxlsxwriter (Debian's `libxlsxwriter-dev`, through
/// the `CXlsxWriter` system library). Bold frozen header row (repeated on printed pages; A4, one page
/// wide, landscape beyond six columns), column widths, « 0 », « 0.0 » and
/// « 0.0% » number formats (shown with the reader's decimal comma), masked cells as the text « s » in
/// italics. The creation date is the classeur's day and libxlsxwriter dates every zip entry 1980-01-01:
/// the same classeur gives the same bytes.
public enum ClasseurXLSX {
    /// Why a workbook could not be written.
    public struct Erreur: Error, CustomStringConvertible, Equatable, Sendable {
        public var description: String
    }

    /// The workbook's bytes.
    public static func donnees(_ classeur: Classeur) throws(Erreur) -> Data {
        let dossier = FileManager.default.temporaryDirectory.appendingPathComponent("livret-xlsx-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Erreur(description: "le dossier temporaire du classeur n'a pas pu être créé : \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: dossier) }
        let fichier = dossier.appendingPathComponent("classeur.xlsx")
        try ecrire(classeur, vers: fichier.path, temporaire: dossier.path)
        guard let donnees = try? Data(contentsOf: fichier) else {
            throw Erreur(description: "le classeur écrit n'a pas pu être relu")
        }
        return donnees
    }

    static func ecrire(_ classeur: Classeur, vers chemin: String, temporaire: String) throws(Erreur) {
        var noms = Set<String>()
        for feuille in classeur.feuilles {
            let nom = Classeur.nomFeuille(feuille.nom)
            guard !nom.isEmpty, noms.insert(nom.lowercased()).inserted else {
                throw Erreur(description: "deux feuilles du classeur s'appelleraient « \(nom) »")
            }
        }
        let classeurC: UnsafeMutablePointer<lxw_workbook>? = temporaire.withCString { tmp in
            var options = lxw_workbook_options()
            options.tmpdir = UnsafeMutablePointer(mutating: tmp)
            return chemin.withCString { workbook_new_opt($0, &options) }
        }
        guard let wb = classeurC else { throw Erreur(description: "libxlsxwriter n'a pas pu créer le classeur") }
        var ferme = false
        defer { if !ferme { workbook_close(wb) } }

        let titre = strdup(classeur.titre), auteur = strdup("Livret")
        defer { free(titre); free(auteur) }
        var proprietes = lxw_doc_properties()
        proprietes.title = titre
        proprietes.author = auteur
        proprietes.created = time_t(classeur.date.numero * 86_400 + 12 * 3600)
        workbook_set_properties(wb, &proprietes)

        let entete = workbook_add_format(wb)
        format_set_bold(entete)
        format_set_text_wrap(entete)
        format_set_align(entete, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let entier = workbook_add_format(wb)
        format_set_num_format(entier, "0")
        let pourcent = workbook_add_format(wb)
        format_set_num_format(pourcent, "0.0%")
        let masque = workbook_add_format(wb)
        format_set_italic(masque)
        format_set_align(masque, UInt8(LXW_ALIGN_RIGHT.rawValue))
        var decimaux: [Int: UnsafeMutablePointer<lxw_format>] = [:]
        func formatDecimal(_ n: Int) -> UnsafeMutablePointer<lxw_format>? {
            if let f = decimaux[n] { return f }
            let f = workbook_add_format(wb)
            format_set_num_format(f, n <= 0 ? "0" : "0." + String(repeating: "0", count: n))
            decimaux[n] = f
            return f
        }

        for feuille in classeur.feuilles {
            guard let ws = Classeur.nomFeuille(feuille.nom).withCString({ workbook_add_worksheet(wb, $0) }) else {
                throw Erreur(description: "libxlsxwriter a refusé la feuille « \(feuille.nom) »")
            }
            for (r, ligne) in feuille.prelude.enumerated() {
                for (c, texte) in ligne.enumerated() where !texte.isEmpty {
                    _ = texte.withCString { worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), $0, entete) }
                }
                let lignesDeTexte = ligne.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }.max() ?? 1
                if lignesDeTexte > 1 { worksheet_set_row(ws, lxw_row_t(r), 15 * Double(lignesDeTexte), nil) }
            }
            let ligneEntete = feuille.prelude.count
            for (i, colonne) in feuille.colonnes.enumerated() {
                worksheet_set_column(ws, lxw_col_t(i), lxw_col_t(i), colonne.largeur, nil)
                if !colonne.titre.isEmpty {
                    _ = colonne.titre.withCString { worksheet_write_string(ws, lxw_row_t(ligneEntete), lxw_col_t(i), $0, entete) }
                }
            }
            for fusion in feuille.fusions {
                _ = fusion.texte.withCString {
                    worksheet_merge_range(ws, lxw_row_t(fusion.lignes.lowerBound), lxw_col_t(fusion.colonnes.lowerBound),
                                          lxw_row_t(fusion.lignes.upperBound), lxw_col_t(fusion.colonnes.upperBound), $0, entete)
                }
            }
            let debutDonnees = ligneEntete + (feuille.colonnes.isEmpty ? 0 : 1)
            if debutDonnees > 0 {
                worksheet_freeze_panes(ws, lxw_row_t(debutDonnees), 0)
                worksheet_repeat_rows(ws, 0, lxw_row_t(debutDonnees - 1))
            }
            // Printed: A4, as wide as one page (landscape for wide tables), the header on every page.
            worksheet_set_paper(ws, 9)
            if feuille.colonnes.count > 6 { worksheet_set_landscape(ws) }
            worksheet_fit_to_pages(ws, 1, 0)
            for (r, ligne) in feuille.lignes.enumerated() {
                let rangee = lxw_row_t(r + debutDonnees)
                for (c, cellule) in ligne.enumerated() {
                    let col = lxw_col_t(c)
                    switch cellule {
                    case .texte(let t): _ = t.withCString { worksheet_write_string(ws, rangee, col, $0, nil) }
                    case .entier(let n): worksheet_write_number(ws, rangee, col, Double(n), entier)
                    case .decimal(let x, let d): worksheet_write_number(ws, rangee, col, x, formatDecimal(d))
                    case .pourcentage(let x): worksheet_write_number(ws, rangee, col, x, pourcent)
                    case .masque: _ = SecretStatistique.marque.withCString { worksheet_write_string(ws, rangee, col, $0, masque) }
                    case .vide: break
                    }
                }
            }
        }
        ferme = true
        let statut = workbook_close(wb)
        guard statut == LXW_NO_ERROR else {
            throw Erreur(description: "libxlsxwriter n'a pas pu écrire le classeur : \(String(cString: lxw_strerror(statut)))")
        }
    }
}
