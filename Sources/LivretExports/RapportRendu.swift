import Foundation
import LivretCore

/// A ``Rapport`` as terminal text, CSV, JSON and one printable HTML page. Same report, same bytes.
public enum RenduRapport {
    /// The CSV columns, in order:
    ///
    /// `niveau;sexe;sous_categorie;inscrits;commences;termines;taux_completion_pct;abandons;taux_abandon_pct;certifies;taux_certification_pct;competences_certifiees;heures_prevues;heures_suivies;assiduite_pct;indicateur;nombre;part_pct`
    ///
    /// - `niveau`: `ligne` (one per sex, or per sex and sub-category), `total_sexe` (per sex, only when crossed),
    ///   `ensemble` (everybody); then, when the report has them, `satisfaction`, `satisfaction_question` and
    ///   `suivi_3_mois` (one `niveau` per delay), whose figures are in the last three columns only.
    /// - `sexe`: "féminin", "masculin", "autre", "non communiqué" (always all four, in that order), "ensemble".
    /// - `sous_categorie`: the age band, QPV residence or social status label; empty without crossing or on totals;
    ///   the question on `satisfaction_question` rows.
    /// - counts: integers, or « s » when masked (secret statistique, whatever the reason).
    /// - `*_pct`: percentages with a decimal comma ("66,7"), « s » when computed from a masked count, empty when
    ///   there is nothing to divide by. `heures_*`: hours with a decimal comma, « s » when the line's inscrits are.
    /// - `indicateur`, `nombre`, `part_pct` (satisfaction and follow-up rows only): what is counted — « répondants »,
    ///   « satisfaits » (`part_pct` of the respondents), an answer of the scale (`part_pct` of all respondents), « suivis »,
    ///   each situation, « dont à temps partiel (emploi) », « dont en lien avec la formation », « part de sorties
    ///   positives » (`part_pct` only) — and its count.
    public static let colonnesCSV = ["niveau", "sexe", "sous_categorie", "inscrits", "commences", "termines", "taux_completion_pct",
                                     "abandons", "taux_abandon_pct", "certifies", "taux_certification_pct", "competences_certifiees",
                                     "heures_prevues", "heures_suivies", "assiduite_pct", "indicateur", "nombre", "part_pct"]

    /// The lines in publication order with their `niveau`: lines, per-sex totals when crossed, overall total.
    static func lignesOrdonnees(_ r: Rapport) -> [(niveau: String, ligne: LigneRapport)] {
        r.lignes.map { ("ligne", $0) } + (r.croisement == .aucun ? [] : r.totauxParSexe.map { ("total_sexe", $0) }) + [("ensemble", r.total)]
    }

    /// UTF-8 with BOM, ";" separated, decimal comma, CRLF line ends; columns ``colonnesCSV``; rows in report order,
    /// then satisfaction and follow-ups. (Drop-out reasons, outcomes, objectives and the gap are in the other formats.)
    public static func csv(_ r: Rapport) -> Data {
        let s = r.seuil
        var lignes = [colonnesCSV]
        for (niveau, l) in lignesOrdonnees(r) {
            lignes.append([niveau, l.sexe?.libelle ?? "ensemble", l.sousCategorie ?? "",
                           l.inscrits.texte(seuil: s), l.commences.texte(seuil: s), l.termines.texte(seuil: s),
                           OutilsRapport.pourcentCSV(l.tauxCompletion, seuil: s), l.abandons.texte(seuil: s),
                           OutilsRapport.pourcentCSV(l.tauxAbandon, seuil: s), l.certifies.texte(seuil: s),
                           OutilsRapport.pourcentCSV(l.tauxCertification, seuil: s), l.texteCompetences(seuil: s),
                           l.texteHeures(l.heuresPrevues) { Format.nombre($0) }, l.texteHeures(l.heuresSuivies) { Format.nombre($0) },
                           OutilsRapport.pourcentCSV(l.assiduite, seuil: s), "", "", ""])
        }
        let vides = Array(repeating: "", count: colonnesCSV.count - 6)
        for l in (r.satisfaction.map { RenduQualite.lignesCSV($0, seuil: s) } ?? []) + RenduQualite.lignesCSV(r.suivis ?? [], seuil: s) {
            let question = l.rubrique == "satisfaction_question"
            lignes.append([l.rubrique, question ? "ensemble" : l.categorie, question ? l.categorie : ""] + vides + [l.sousCategorie, l.nombre, l.part])
        }
        return OutilsRapport.csv(lignes)
    }

    /// The report as JSON: sorted keys, pretty.
    public static func json(_ r: Rapport) throws -> Data { try OutilsRapport.json(r) }

    /// For the terminal and a plain e-mail, within 80 columns: a summary in plain French first,
    /// then the counts and the rates by category, the gap between women and men in words (the
    /// method's name in a note), reasons, exits and objectives.
    public static func texte(_ r: Rapport) -> String {
        let s = r.seuil
        var t = "Rapport — \(r.perimetre)\n"
        t += OutilsRapport.couper("Année de référence : \(r.anneeReference) · ventilation : \(r.croisement.libelle)"
                                      + (s.map { _ in " · s : secret statistique" } ?? " · aucun masquage"), largeur: 80, retrait: "  ")
        for a in r.avertissements { t += OutilsRapport.couper("⚠ " + a, largeur: 80, retrait: "  ") }
        t += "\nEn bref :\n" + OutilsRapport.couper(resume(r), largeur: 80, retrait: "  ", premier: "  ")
        let largeurLibelle = min(32, max(18, lignesOrdonnees(r).map { $0.ligne.libelle.count + 6 }.max() ?? 0) + 1)
        // Columns of 8 with headers of at most 7 characters: 32 + 6 × 8 = 80.
        func rangee(_ libelle: String, _ cases: [String]) -> String {
            var ligne = OutilsRapport.cadrer(libelle, largeurLibelle)
            for c in cases { ligne += OutilsRapport.cadrer(c, 8, droite: true) }
            return ligne.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        func tableau(_ titre: String, _ entetes: [String], _ cases: (LigneRapport) -> [String]) -> String {
            var t = "\n" + OutilsRapport.couper(titre, largeur: 80, retrait: "  ") + rangee("", entetes)
            for (niveau, l) in lignesOrdonnees(r) {
                if niveau != "ligne" && (niveau == "ensemble" || l.sexe == .feminin) { t += String(repeating: "─", count: largeurLibelle + 8 * entetes.count) + "\n" }
                t += rangee(niveau == "total_sexe" ? "total \(l.libelle)" : l.libelle, cases(l))
            }
            return t
        }
        t += tableau("Effectifs (inscr. : inscrits ; comm. : commencés ; term. : terminés ; aband. : abandons)",
                     ["inscr.", "comm.", "term.", "aband.", "certif.", "compét."]) { l in
            [l.inscrits, l.commences, l.termines, l.abandons, l.certifies].map { $0.texte(seuil: s) } + [l.texteCompetences(seuil: s)]
        }
        t += tableau("Taux (sur les inscrits) et heures ; assiduité : heures suivies sur heures prévues",
                     ["compl.", "aband.", "certif.", "h prév.", "h suiv.", "assid."]) { l in
            [l.tauxCompletion.texte(seuil: s), l.tauxAbandon.texte(seuil: s), l.tauxCertification.texte(seuil: s),
             l.texteHeures(l.heuresPrevues) { Format.nombre($0) }, l.texteHeures(l.heuresSuivies) { Format.nombre($0) },
             l.assiduite.texte(seuil: s)]
        }
        t += "\n" + OutilsRapport.couper("Écart de taux de complétion femmes − hommes : \(r.ecart.texte)", largeur: 80, retrait: "  ")
        t += OutilsRapport.couper("Méthode : \(r.methodeIntervalle).", largeur: 80, retrait: "  ")
        if !r.motifsAbandon.isEmpty {
            t += "\nAbandons par motif :\n"
            for m in r.motifsAbandon { t += "  \(m.motif) : \(m.nombre.texte(seuil: s))\n" }
        }
        t += "\nSorties positives :\n"
        for sortie in r.sorties { t += "  \(sortie.type.libelle) : \(sortie.nombre.texte(seuil: s))\n" }
        if !r.objectifs.isEmpty {
            t += "\nObjectifs :\n"
            for o in r.objectifs {
                t += OutilsRapport.couper("\(o.parcours) : \(o.texte(seuil: s))\(o.atteint.map { $0 ? " (atteint)" : " (non atteint)" } ?? "")",
                                          largeur: 80, retrait: "    ", premier: "  ")
            }
        }
        if let satisfaction = r.satisfaction { t += RenduQualite.texte(satisfaction, seuil: s) }
        t += RenduQualite.texte(r.suivis ?? [], seuil: s)
        return t
    }

    /// The report in a few plain sentences: how many, how many finished, dropped out, were
    /// certified, and the gap between women and men in words.
    static func resume(_ r: Rapport) -> String {
        let s = r.seuil
        let total = r.total
        func part(_ taux: TauxPublie) -> String { taux.valeur.map { " (\(Format.pourcentage($0)))" } ?? "" }
        var phrases = [total.inscrits.nombre.map { "\(Accord.nombre($0, "inscription", "inscriptions")) dans ce rapport." }
            ?? "Nombre d'inscriptions : s (secret statistique)."]
        phrases.append("Parcours terminés : \(total.termines.texte(seuil: s))\(part(total.tauxCompletion)) ; abandons : \(total.abandons.texte(seuil: s))\(part(total.tauxAbandon)) ; certifiés Pix : \(total.certifies.texte(seuil: s))\(part(total.tauxCertification)).")
        let e = r.ecart
        if e.calculable, let points = e.points, let bas = e.bas, let haut = e.haut {
            let sens = points >= 0 ? "de plus" : "de moins"
            phrases.append("Les femmes ont terminé leur parcours \(Format.nombre(abs(points))) points \(sens) que les hommes ; avec si peu de personnes, "
                + "l'écart réel se situe probablement entre \(Format.nombre(bas)) et \(Format.nombre(haut)) points (95 chances sur 100).")
        } else {
            phrases.append("L'écart entre femmes et hommes : \(e.raison ?? "non calculable.")")
        }
        return phrases.joined(separator: " ")
    }

    /// One self-contained printable page: lang="fr", headings, real tables, inline SVG bar charts with title and
    /// description, no script, no link, no web address.
    public static func html(_ r: Rapport) -> String {
        let s = r.seuil
        let e = OutilsRapport.echapper
        var h = OutilsRapport.Page()
        h.debut(titre: "Rapport — \(r.perimetre)")
        h.ligne("<header>")
        h.ligne("<h1>Rapport — \(e(r.perimetre))</h1>")
        h.ligne("<p>Année de référence des âges : \(r.anneeReference). Ventilation : \(e(r.croisement.libelle)). "
            + (s.map { _ in "« s » : secret statistique (chiffre masqué)." } ?? "Aucun masquage.") + "</p>")
        for a in r.avertissements { h.ligne("<p class=\"avertissement\" role=\"note\">\(e(a))</p>") }
        h.ligne("</header>")

        h.ligne("<section aria-labelledby=\"completion\">")
        h.ligne("<h2 id=\"completion\">Taux de complétion par sexe</h2>")
        let parSexe = r.totauxParSexe.map { (libelle: $0.libelle, taux: $0.tauxCompletion) }
        h.ligne(OutilsRapport.graphique(id: "graphique-sexe", titre: "Taux de complétion par sexe",
                                        description: description(parSexe, seuil: s), barres: parSexe, seuil: s))
        if r.croisement != .aucun {
            let parSous = r.lignes.map { (libelle: $0.libelle, taux: $0.tauxCompletion) }
            let titre = "Taux de complétion par \(r.croisement.libelle)"
            h.ligne("<h3>\(e(titre))</h3>")
            h.ligne(OutilsRapport.graphique(id: "graphique-croise", titre: titre, description: description(parSous, seuil: s), barres: parSous, seuil: s))
        }
        let ecart = r.ecart.texte.hasSuffix(".") ? r.ecart.texte : r.ecart.texte + "."
        h.ligne("<p>Écart de taux de complétion femmes − hommes : <strong>\(e(ecart))</strong></p>")
        h.ligne("<p>Méthode : \(e(r.methodeIntervalle)).</p>")
        h.ligne("</section>")

        h.ligne("<section aria-labelledby=\"indicateurs\">")
        h.ligne("<h2 id=\"indicateurs\">Indicateurs</h2>")
        // A wide table scrolls sideways: the keyboard must reach it (focusable region, named by the heading).
        h.ligne("<div class=\"large\" tabindex=\"0\" role=\"region\" aria-label=\"Tableau des indicateurs (défile de côté)\">")
        h.ligne("<table>")
        h.ligne("<caption>Indicateurs par \(e(r.croisement.libelle))</caption>")
        let entetes = ["Catégorie", "Inscrits", "Commencés", "Terminés", "Taux de complétion", "Abandons", "Taux d’abandon", "Certifiés",
                       "Taux de certification", "Compétences Pix certifiées", "Heures prévues", "Heures suivies", "Assiduité"]
        h.ligne("<thead><tr>" + entetes.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>")
        h.ligne("<tbody>")
        for (niveau, l) in lignesOrdonnees(r) {
            let libelle = niveau == "total_sexe" ? "total \(l.libelle)" : l.libelle
            let cases = [l.inscrits.texte(seuil: s), l.commences.texte(seuil: s), l.termines.texte(seuil: s), l.tauxCompletion.texte(seuil: s),
                         l.abandons.texte(seuil: s), l.tauxAbandon.texte(seuil: s), l.certifies.texte(seuil: s), l.tauxCertification.texte(seuil: s),
                         l.texteCompetences(seuil: s), l.texteHeures(l.heuresPrevues, Format.heures),
                         l.texteHeures(l.heuresSuivies, Format.heures), l.assiduite.texte(seuil: s)]
            let classe = niveau == "ligne" ? "" : " class=\"total\""
            h.ligne("<tr\(classe)><th scope=\"row\">\(e(libelle))</th>" + cases.map { "<td>\(e($0))</td>" }.joined() + "</tr>")
        }
        h.ligne("</tbody>")
        h.ligne("</table>")
        h.ligne("</div>")
        h.ligne("</section>")

        h.ligne("<section aria-labelledby=\"abandons\">")
        h.ligne("<h2 id=\"abandons\">Abandons et sorties positives</h2>")
        if r.motifsAbandon.isEmpty {
            h.ligne("<p>Aucun motif d’abandon renseigné.</p>")
        } else {
            h.ligne("<table>")
            h.ligne("<caption>Abandons par motif</caption>")
            h.ligne("<thead><tr><th scope=\"col\">Motif</th><th scope=\"col\">Abandons</th></tr></thead>")
            h.ligne("<tbody>")
            for m in r.motifsAbandon { h.ligne("<tr><th scope=\"row\">\(e(m.motif))</th><td>\(e(m.nombre.texte(seuil: s)))</td></tr>") }
            h.ligne("</tbody>")
            h.ligne("</table>")
        }
        h.ligne("<table>")
        h.ligne("<caption>Sorties positives par type</caption>")
        h.ligne("<thead><tr><th scope=\"col\">Type</th><th scope=\"col\">Personnes</th></tr></thead>")
        h.ligne("<tbody>")
        for sortie in r.sorties { h.ligne("<tr><th scope=\"row\">\(e(sortie.type.libelle))</th><td>\(e(sortie.nombre.texte(seuil: s)))</td></tr>") }
        h.ligne("</tbody>")
        h.ligne("</table>")
        h.ligne("</section>")

        if !r.objectifs.isEmpty {
            h.ligne("<section aria-labelledby=\"objectifs\">")
            h.ligne("<h2 id=\"objectifs\">Objectifs et réalisé</h2>")
            h.ligne("<ul>")
            for o in r.objectifs {
                let atteint = o.atteint.map { $0 ? " (atteint)" : " (non atteint)" } ?? ""
                h.ligne("<li><strong>\(e(o.parcours))</strong> : \(e(o.texte(seuil: s) + atteint))</li>")
            }
            h.ligne("</ul>")
            h.ligne("</section>")
        }
        if let satisfaction = r.satisfaction { RenduQualite.html(satisfaction, seuil: s, into: &h) }
        if let suivis = r.suivis, !suivis.isEmpty { RenduQualite.html(suivis, seuil: s, into: &h) }
        h.ligne("<footer>")
        h.ligne("<p>Les âges sont calculés en \(r.anneeReference) à partir de l’année de naissance. Les quatre catégories de sexe "
            + "sont toujours présentes, même à zéro.</p>")
        h.ligne("</footer>")
        h.fin()
        return h.texte
    }

    static func description(_ barres: [(libelle: String, taux: TauxPublie)], seuil: Int?) -> String {
        barres.map { "\($0.libelle) : \($0.taux.texte(seuil: seuil))" }.joined(separator: " ; ") + "."
    }
}
