import Foundation
import LivretCore

extension RenduActivite {
    /// One self-contained printable page (A4), like ``RenduRapport/html(_:)``: lang="fr", headings in
    /// order, real tables, inline SVG charts with a title, a description and the table of their figures;
    /// values written on the charts, so that they read in black and white. No script, no link.
    public static func html(_ b: BilanActivite) -> String {
        let s = b.seuil
        let e = OutilsRapport.echapper
        var h = OutilsRapport.Page()
        h.debut(titre: "Bilan d’activité \(periode(b))")
        h.ligne("<header>")
        h.ligne("<h1>Bilan d’activité \(e(periode(b)))</h1>")
        if s != nil { h.ligne("<p>« s » : secret statistique (chiffre masqué).</p>") }
        for a in b.avertissements { h.ligne("<p class=\"avertissement\" role=\"note\">\(e(a))</p>") }
        h.ligne("</header>")

        h.ligne("<section aria-labelledby=\"chiffres\">")
        h.ligne("<h2 id=\"chiffres\">Chiffres clés</h2>")
        h.ligne("<table>")
        var entetes = ["Indicateur", "Cette période"]
        if let p = b.precedent {
            h.ligne("<caption>Chiffres clés \(e(periode(b))), et de la période précédente (\(e(periode(du: p.du, au: p.au))))</caption>")
            entetes.append("Période précédente")
        } else {
            h.ligne("<caption>Chiffres clés \(e(periode(b)))</caption>")
        }
        h.ligne("<thead><tr>" + entetes.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>")
        h.ligne("<tbody>")
        for c in chiffresCles(b) {
            h.ligne("<tr><th scope=\"row\">\(e(c.libelle))</th><td>\(e(c.texte))</td>" + (c.precedent.map { "<td>\(e($0.texte))</td>" } ?? "") + "</tr>")
        }
        h.ligne("</tbody>")
        h.ligne("</table>")
        h.ligne("</section>")

        for (id, titre, premiere, activites) in [("activites", "Par type d’activité", "Type d’activité", b.parActivite), ("lieux", "Par lieu", "Lieu", b.parLieu)]
        where !activites.isEmpty {
            h.ligne("<section aria-labelledby=\"\(id)\">")
            h.ligne("<h2 id=\"\(id)\">\(e(titre))</h2>")
            h.ligne("<table>")
            h.ligne("<caption>Heures, passages et personnes, \(e(titre.lowercased()))</caption>")
            let colonnes = [premiere, "Heures", "Passages", "Personnes", "Part des personnes", "Heures par personne"]
            h.ligne("<thead><tr>" + colonnes.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>")
            h.ligne("<tbody>")
            for l in activites {
                h.ligne("<tr><th scope=\"row\">\(e(l.libelle))</th>" + cases(l, seuil: s).map { "<td>\(e($0))</td>" }.joined() + "</tr>")
            }
            h.ligne("</tbody>")
            h.ligne("</table>")
            h.ligne("</section>")
        }

        if !vide(b.histogramme) {
            h.ligne("<section aria-labelledby=\"histogramme\">")
            h.ligne("<h2 id=\"histogramme\">Heures passées par personne</h2>")
            let colonnes = b.histogramme.map { (libelle: $0.libelle, nombre: $0.nombre) }
            let description = "Nombre de personnes selon les heures passées sur la période : "
                + b.histogramme.map { "\($0.libelle) : \($0.nombre.texte(seuil: s))" }.joined(separator: " ; ") + "."
            h.ligne(OutilsRapport.colonnes(id: "graphique-histogramme", titre: "Nombre de personnes selon les heures passées",
                                           description: description, legende: "heures passées par chaque personne sur la période",
                                           colonnes: colonnes, seuil: s))
            tableRepartition(&h, legende: "Personnes selon les heures passées", premiere: "Heures passées", b.histogramme, seuil: s)
            tableRepartition(&h, legende: "Assiduité : les mêmes personnes en trois groupes", premiere: "Assiduité", b.repartitionHeures, seuil: s)
            h.ligne("</section>")
        }

        for r in repartitions(b) where !vide(r.lignes) {
            section(&h, id: r.id, titre: r.titre, premiere: "Catégorie", colonne: "Personnes", part: "part des personnes", r.lignes, seuil: s)
        }
        if !b.thematiques.isEmpty {
            section(&h, id: "thematiques", titre: "Thématiques des accompagnements", premiere: "Thématique (La Coop de la médiation numérique)",
                    colonne: "Accompagnements", part: "part des accompagnements", b.thematiques, seuil: s)
        }
        if !b.thematiquesSeances.isEmpty {
            section(&h, id: "thematiques-seances", titre: "Thématiques des séances", premiere: "Thématique (La Coop de la médiation numérique)",
                    colonne: "Séances", part: "part des séances", b.thematiquesSeances, seuil: s)
        }
        if let satisfaction = b.satisfaction { RenduQualite.html(satisfaction, seuil: s, into: &h) }
        if !b.suivis.isEmpty { RenduQualite.html(b.suivis, seuil: s, into: &h) }
        if !b.temoignages.isEmpty { RenduQualite.html(b.temoignages, into: &h) }

        h.ligne("<footer>")
        h.ligne("<p>Heures de formation et d’accompagnement : le temps passé par chaque personne (permanences, rendez-vous, ateliers, "
            + "séances des parcours), additionné. Heures de séances collectives délivrées : la durée des séances des cohortes, comptée une fois "
            + "par séance. Une personne venue à plusieurs activités compte une fois parmi les personnes accompagnées.</p>")
        if !b.thematiques.isEmpty || !b.thematiquesSeances.isEmpty {
            h.ligne("<p>Thématiques : celles de La Coop de la médiation numérique, notées avec l’accompagnement, sinon déduites des "
                + "savoir-faire #APTIC travaillés (pour une séance, ceux que les présents y ont montrés). Une activité compte dans chacune "
                + "de ses thématiques : les parts ne font pas 100 %.</p>")
        }
        h.ligne("<p>Âges calculés en \(b.anneeReference) à partir de l’année de naissance.</p>")
        h.ligne("</footer>")
        h.fin()
        return h.texte
    }

    /// A section: its heading, a bar chart of the shares, and their table.
    static func section(_ h: inout OutilsRapport.Page, id: String, titre: String, premiere: String, colonne: String, part: String,
                        _ lignes: [LigneRepartition], seuil: Int?) {
        h.ligne("<section aria-labelledby=\"\(id)\">")
        h.ligne("<h2 id=\"\(id)\">\(OutilsRapport.echapper(titre))</h2>")
        let barres = lignes.map { (libelle: $0.libelle, taux: $0.part) }
        h.ligne(OutilsRapport.graphique(id: "graphique-\(id)", titre: "\(titre) (\(part))",
                                        description: RenduRapport.description(barres, seuil: seuil), barres: barres, seuil: seuil))
        tableRepartition(&h, legende: titre, premiere: premiere, colonne: colonne, lignes, seuil: seuil)
        h.ligne("</section>")
    }

    /// A table of counts and shares.
    static func tableRepartition(_ h: inout OutilsRapport.Page, legende: String, premiere: String, colonne: String = "Personnes",
                                 _ lignes: [LigneRepartition], seuil: Int?) {
        let e = OutilsRapport.echapper
        h.ligne("<table class=\"etroite\">")
        h.ligne("<caption>\(e(legende))</caption>")
        h.ligne("<thead><tr><th scope=\"col\">\(e(premiere))</th><th scope=\"col\">\(e(colonne))</th><th scope=\"col\">Part</th></tr></thead>")
        h.ligne("<tbody>")
        for l in lignes {
            h.ligne("<tr><th scope=\"row\">\(e(l.libelle))</th><td>\(e(l.nombre.texte(seuil: seuil)))</td><td>\(e(l.part.texte(seuil: seuil)))</td></tr>")
        }
        h.ligne("</tbody>")
        h.ligne("</table>")
    }
}
