import Foundation
import LivretCore

/// A ``BilanActivite`` as terminal text, CSV, JSON and one printable HTML page. Same review, same bytes.
public enum RenduActivite {
    /// The CSV columns, in order: `rubrique;categorie;beneficiaires;part_pct`.
    ///
    /// Rows, always in this order: `ensemble` (categorie "bénéficiaires distincts"; then "heures délivrées",
    /// "heures par bénéficiaire (moyenne)", "heures par bénéficiaire (médiane)" with the value in `beneficiaires`
    /// and `part_pct` empty), then `heures` (the three attendance levels), `sexe` (the four sexes), `age` (every band,
    /// "non communiqué" last). Counts are « s » when masked; `part_pct` has a decimal comma, « s » when its count is masked.
    public static let colonnesCSV = ["rubrique", "categorie", "beneficiaires", "part_pct"]

    /// UTF-8 with BOM, ";" separated, decimal comma, CRLF line ends; see ``colonnesCSV``.
    public static func csv(_ b: BilanActivite) -> Data {
        let s = b.seuil
        var lignes = [colonnesCSV]
        lignes.append(["ensemble", "bénéficiaires distincts", b.beneficiaires.texte(seuil: s), ""])
        lignes.append(["ensemble", "heures délivrées", Format.nombre(b.heuresDelivrees), ""])
        lignes.append(["ensemble", "heures par bénéficiaire (moyenne)", b.beneficiaires.masque ? TauxPublie.texteMasque : OutilsRapport.nombreCSV(b.heuresParBeneficiaire), ""])
        lignes.append(["ensemble", "heures par bénéficiaire (médiane)", b.beneficiaires.masque ? TauxPublie.texteMasque : OutilsRapport.nombreCSV(b.heuresMediane), ""])
        for (rubrique, repartition) in [("heures", b.repartitionHeures), ("sexe", b.parSexe), ("age", b.parAge)] {
            for l in repartition {
                lignes.append([rubrique, l.libelle, l.nombre.texte(seuil: s), OutilsRapport.pourcentCSV(l.part, seuil: s)])
            }
        }
        return OutilsRapport.csv(lignes)
    }

    /// The review as JSON: sorted keys, pretty.
    public static func json(_ b: BilanActivite) throws -> Data { try OutilsRapport.json(b) }

    static func periode(_ b: BilanActivite) -> String {
        let du = Jour(b.du)?.francais ?? b.du, au = Jour(b.au)?.francais ?? b.au
        return "du \(du) au \(au)"
    }

    /// For the terminal.
    public static func texte(_ b: BilanActivite) -> String {
        let s = b.seuil
        var t = "Bilan d’activité \(periode(b))\n"
        for a in b.avertissements { t += "⚠ \(a)\n" }
        t += "\nHeures délivrées : \(Format.heures(b.heuresDelivrees))\n"
        t += "Bénéficiaires distincts : \(b.beneficiaires.texte(seuil: s))\n"
        t += "Heures par bénéficiaire : moyenne \(b.heuresParBeneficiaire.map(Format.heures) ?? (b.beneficiaires.masque ? TauxPublie.texteMasque : "–")), médiane \(b.heuresMediane.map(Format.heures) ?? (b.beneficiaires.masque ? TauxPublie.texteMasque : "–"))\n"
        for (titre, repartition) in [("Assiduité des bénéficiaires", b.repartitionHeures), ("Par sexe", b.parSexe), ("Par tranche d’âge", b.parAge)] {
            t += "\n\(titre) :\n"
            let largeur = max(28, repartition.map(\.libelle.count).max() ?? 0) + 2
            for l in repartition {
                t += "  " + OutilsRapport.cadrer(l.libelle, largeur) + OutilsRapport.cadrer(l.nombre.texte(seuil: s), 6, droite: true)
                t += OutilsRapport.cadrer(l.part.texte(seuil: s), 9, droite: true) + "  " + OutilsRapport.barre(l.part)
                t = t.replacingOccurrences(of: " +$", with: "", options: .regularExpression) + "\n"
            }
        }
        return t
    }

    /// One self-contained printable page, like ``RenduRapport/html(_:)``.
    public static func html(_ b: BilanActivite) -> String {
        let s = b.seuil
        let e = OutilsRapport.echapper
        var h = OutilsRapport.Page()
        h.debut(titre: "Bilan d’activité \(periode(b))")
        h.ligne("<header>")
        h.ligne("<h1>Bilan d’activité \(e(periode(b)))</h1>")
        for a in b.avertissements { h.ligne("<p class=\"avertissement\" role=\"note\">\(e(a))</p>") }
        h.ligne("</header>")
        h.ligne("<section aria-labelledby=\"chiffres\">")
        h.ligne("<h2 id=\"chiffres\">Chiffres clés</h2>")
        h.ligne("<table>")
        h.ligne("<caption>Activité de la période</caption>")
        h.ligne("<tbody>")
        h.ligne("<tr><th scope=\"row\">Heures délivrées</th><td>\(e(Format.heures(b.heuresDelivrees)))</td></tr>")
        h.ligne("<tr><th scope=\"row\">Bénéficiaires distincts</th><td>\(e(b.beneficiaires.texte(seuil: s)))</td></tr>")
        h.ligne("<tr><th scope=\"row\">Heures par bénéficiaire (moyenne)</th><td>\(e(b.heuresParBeneficiaire.map(Format.heures) ?? (b.beneficiaires.masque ? TauxPublie.texteMasque : "–")))</td></tr>")
        h.ligne("<tr><th scope=\"row\">Heures par bénéficiaire (médiane)</th><td>\(e(b.heuresMediane.map(Format.heures) ?? (b.beneficiaires.masque ? TauxPublie.texteMasque : "–")))</td></tr>")
        h.ligne("</tbody>")
        h.ligne("</table>")
        h.ligne("</section>")
        for (id, titre, repartition) in [("heures", "Assiduité des bénéficiaires", b.repartitionHeures), ("sexe", "Bénéficiaires par sexe", b.parSexe),
                                         ("age", "Bénéficiaires par tranche d’âge", b.parAge)] {
            h.ligne("<section aria-labelledby=\"\(id)\">")
            h.ligne("<h2 id=\"\(id)\">\(e(titre))</h2>")
            let barres = repartition.map { (libelle: $0.libelle, taux: $0.part) }
            h.ligne(OutilsRapport.graphique(id: "graphique-\(id)", titre: "\(titre) (part des bénéficiaires)",
                                            description: RenduRapport.description(barres, seuil: s), barres: barres, seuil: s))
            h.ligne("<table>")
            h.ligne("<caption>\(e(titre))</caption>")
            h.ligne("<thead><tr><th scope=\"col\">Catégorie</th><th scope=\"col\">Bénéficiaires</th><th scope=\"col\">Part</th></tr></thead>")
            h.ligne("<tbody>")
            for l in repartition {
                h.ligne("<tr><th scope=\"row\">\(e(l.libelle))</th><td>\(e(l.nombre.texte(seuil: s)))</td><td>\(e(l.part.texte(seuil: s)))</td></tr>")
            }
            h.ligne("</tbody>")
            h.ligne("</table>")
            h.ligne("</section>")
        }
        h.ligne("<footer>")
        h.ligne("<p>Âges calculés en \(b.anneeReference) à partir de l’année de naissance.</p>")
        h.ligne("</footer>")
        h.fin()
        return h.texte
    }
}
