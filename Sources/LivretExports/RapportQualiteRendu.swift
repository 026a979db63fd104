import Foundation
import LivretCore

/// Satisfaction, follow-ups after the action and testimonies, as the funder report and the
/// activity review both show them: the same words, the same tables, every figure as published.
enum RenduQualite {
    /// One CSV row of satisfaction or follow-up: `rubrique` (`satisfaction`, `satisfaction_question`,
    /// `suivi_3_mois`…), `categorie` (a sex, « ensemble », or a question), `sousCategorie` (what is counted).
    struct LigneCSV {
        var rubrique: String
        var categorie: String
        var sousCategorie: String
        var nombre: String
        var part: String
    }

    /// « plutôt oui » or « tout à fait » to the first question.
    static let definitionSatisfaits = "personnes satisfaites : « plutôt oui » ou « tout à fait » à la question « \(QuestionnaireSatisfaction.questions[0]) »"

    /// What the follow-up columns mean.
    static let definitionSuivi = "sorties positives : emploi ou formation ; en lien : l’emploi ou la formation correspond à ce qui a été appris"

    /// The follow-up columns, in the order of ``SuiviPublie/Ligne``'s values.
    static var colonnesSuivi: [String] {
        ["suivis"] + SituationApresAction.allCases.map(\.libelle) + ["dont à temps partiel (emploi)", "dont en lien avec la formation", "part de sorties positives"]
    }

    /// The cases of one follow-up line, in ``colonnesSuivi`` order.
    static func cases(_ l: SuiviPublie.Ligne, seuil: Int?) -> [String] {
        ([l.suivis] + l.situations + [l.tempsPartiel, l.enLien]).map { $0.texte(seuil: seuil) } + [l.partPositive.texte(seuil: seuil)]
    }

    /// « suivi_3_mois ».
    static func rubrique(_ s: SuiviPublie) -> String { "suivi_\(s.delaiMois)_mois" }

    // MARK: - CSV

    /// Respondents and satisfied by sex, then each question's answers by level.
    static func lignesCSV(_ satisfaction: SatisfactionPubliee, seuil: Int?) -> [LigneCSV] {
        var lignes: [LigneCSV] = []
        for l in satisfaction.lignes {
            lignes.append(LigneCSV(rubrique: "satisfaction", categorie: l.libelle, sousCategorie: "répondants", nombre: l.repondants.texte(seuil: seuil), part: ""))
            lignes.append(LigneCSV(rubrique: "satisfaction", categorie: l.libelle, sousCategorie: "satisfaits", nombre: l.satisfaits.texte(seuil: seuil),
                                   part: OutilsRapport.pourcentCSV(l.part, seuil: seuil)))
        }
        for q in satisfaction.questions {
            for (niveau, (nombre, part)) in zip(QuestionnaireSatisfaction.echelle, zip(q.reponses, q.parts)) {
                lignes.append(LigneCSV(rubrique: "satisfaction_question", categorie: q.question, sousCategorie: niveau, nombre: nombre.texte(seuil: seuil),
                                       part: OutilsRapport.pourcentCSV(part, seuil: seuil)))
            }
        }
        return lignes
    }

    /// For each delay and sex: each column of ``colonnesSuivi`` (the share of positive outcomes in `part`).
    static func lignesCSV(_ suivis: [SuiviPublie], seuil: Int?) -> [LigneCSV] {
        var lignes: [LigneCSV] = []
        for s in suivis {
            for l in s.lignes {
                let valeurs = [l.suivis] + l.situations + [l.tempsPartiel, l.enLien]
                for (colonne, valeur) in zip(colonnesSuivi, valeurs) {
                    lignes.append(LigneCSV(rubrique: rubrique(s), categorie: l.libelle, sousCategorie: colonne, nombre: valeur.texte(seuil: seuil), part: ""))
                }
                lignes.append(LigneCSV(rubrique: rubrique(s), categorie: l.libelle, sousCategorie: colonnesSuivi.last!, nombre: "",
                                       part: OutilsRapport.pourcentCSV(l.partPositive, seuil: seuil)))
            }
        }
        return lignes
    }

    // MARK: - Text (80 columns)

    /// Respondents and satisfied by sex, then each question with its four answers.
    static func texte(_ satisfaction: SatisfactionPubliee, seuil: Int?) -> String {
        var t = "\nSatisfaction :\n"
        t += OutilsRapport.couper(OutilsRapport.majuscule(definitionSatisfaits) + ".", largeur: 80, retrait: "  ", premier: "  ")
        let colonnes = [12, 12, 10]
        t += OutilsRapport.rangee("", ["répondants", "satisfaits", "part"], largeur: 16, colonnes: colonnes)
        for l in satisfaction.lignes {
            if l.sexe == nil { t += "  " + String(repeating: "─", count: 16 + colonnes.reduce(0, +)) + "\n" }
            t += OutilsRapport.rangee(l.libelle, [l.repondants.texte(seuil: seuil), l.satisfaits.texte(seuil: seuil), l.part.texte(seuil: seuil)],
                                      largeur: 16, colonnes: colonnes)
        }
        t += "\n  Réponses à chaque question (nombre et part des répondants) :\n"
        let niveaux = Array(repeating: 13, count: QuestionnaireSatisfaction.echelle.count)
        for q in satisfaction.questions {
            t += OutilsRapport.couper(q.question, largeur: 80, retrait: "    ", premier: "  ")
            t += OutilsRapport.rangee("", QuestionnaireSatisfaction.echelle, largeur: 2, colonnes: niveaux)
            t += OutilsRapport.rangee("", zip(q.reponses, q.parts).map { OutilsRapport.nombreEtPart($0, $1, seuil: seuil) }, largeur: 2, colonnes: niveaux)
        }
        return t
    }

    /// One table per delay, sexes as columns (so that it holds in 80 columns).
    static func texte(_ suivis: [SuiviPublie], seuil: Int?) -> String {
        var t = ""
        let colonnes = Array(repeating: 9, count: Sexe.allCases.count + 1)
        let entetes = Sexe.allCases.map { $0 == .nonCommunique ? "non com." : $0.libelle } + ["ensemble"]
        for s in suivis {
            t += "\n" + OutilsRapport.couper("Suivi après l’action, \(s.titre) (non com. : non communiqué) :", largeur: 80, retrait: "  ")
            t += OutilsRapport.rangee("", entetes, largeur: 33, colonnes: colonnes)
            let parSexe = s.lignes.map { cases($0, seuil: seuil) }
            for (i, colonne) in colonnesSuivi.enumerated() {
                t += OutilsRapport.rangee(colonne, parSexe.map { $0[i] }, largeur: 33, colonnes: colonnes)
            }
        }
        if !suivis.isEmpty { t += OutilsRapport.couper(OutilsRapport.majuscule(definitionSuivi) + ".", largeur: 80, retrait: "  ", premier: "  ") }
        return t
    }

    /// « text » then « — signature, context », each quote wrapped.
    static func texte(_ temoignages: [TemoignagePublie]) -> String {
        guard !temoignages.isEmpty else { return "" }
        var t = "\nTémoignages :\n"
        for (i, temoin) in temoignages.enumerated() {
            if i > 0 { t += "\n" }
            t += OutilsRapport.couper(guillemets(temoin.texte), largeur: 80, retrait: "    ", premier: "  ")
            t += OutilsRapport.couper(signature(temoin), largeur: 80, retrait: "      ", premier: "    ")
        }
        return t
    }

    /// « texte », with non-breaking spaces inside the quotes.
    static func guillemets(_ texte: String) -> String { "«\u{00A0}\(texte)\u{00A0}»" }

    /// « — une personne accompagnée, permanence, mars 2026 ».
    static func signature(_ t: TemoignagePublie) -> String {
        "— " + ([t.signature, t.contexte].filter { !$0.isEmpty }.joined(separator: ", "))
    }

    // MARK: - HTML

    /// The satisfaction section: a table by sex, a chart of each question's answers and its table.
    static func html(_ satisfaction: SatisfactionPubliee, seuil: Int?, into h: inout OutilsRapport.Page) {
        let e = OutilsRapport.echapper
        h.ligne("<section aria-labelledby=\"satisfaction\">")
        h.ligne("<h2 id=\"satisfaction\">Satisfaction</h2>")
        h.ligne("<p class=\"note\">\(e(OutilsRapport.majuscule(definitionSatisfaits))).</p>")
        h.ligne("<table class=\"etroite\">")
        h.ligne("<caption>Personnes satisfaites, par sexe</caption>")
        h.ligne("<thead><tr><th scope=\"col\">Sexe</th><th scope=\"col\">Répondants</th><th scope=\"col\">Satisfaits</th>"
            + "<th scope=\"col\">Part des satisfaits</th></tr></thead>")
        h.ligne("<tbody>")
        for l in satisfaction.lignes {
            let classe = l.sexe == nil ? " class=\"total\"" : ""
            h.ligne("<tr\(classe)><th scope=\"row\">\(e(l.libelle))</th><td>\(e(l.repondants.texte(seuil: seuil)))</td>"
                + "<td>\(e(l.satisfaits.texte(seuil: seuil)))</td><td>\(e(l.part.texte(seuil: seuil)))</td></tr>")
        }
        h.ligne("</tbody>")
        h.ligne("</table>")
        h.ligne("<h3>Réponses à chaque question</h3>")
        let groupes = satisfaction.questions.map { q in
            (titre: q.question, barres: zip(QuestionnaireSatisfaction.echelle, q.parts).map { (libelle: $0, taux: $1) })
        }
        let description = satisfaction.questions.map { q in
            q.question + " " + zip(QuestionnaireSatisfaction.echelle, q.parts).map { "\($0) : \($1.texte(seuil: seuil))" }.joined(separator: ", ")
        }.joined(separator: " ; ") + "."
        h.ligne(OutilsRapport.graphiqueGroupes(id: "graphique-questions", titre: "Réponses à chaque question (part des répondants)",
                                               description: description, groupes: groupes, seuil: seuil))
        h.ligne("<table>")
        h.ligne("<caption>Réponses à chaque question : nombre de personnes (part des répondants)</caption>")
        h.ligne("<thead><tr><th scope=\"col\">Question</th>" + QuestionnaireSatisfaction.echelle.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>")
        h.ligne("<tbody>")
        for q in satisfaction.questions {
            h.ligne("<tr><th scope=\"row\">\(e(q.question))</th>"
                + zip(q.reponses, q.parts).map { "<td>\(e(OutilsRapport.nombreEtPart($0, $1, seuil: seuil)))</td>" }.joined() + "</tr>")
        }
        h.ligne("</tbody>")
        h.ligne("</table>")
        h.ligne("</section>")
    }

    /// The follow-up section: one table per delay, sexes as rows.
    static func html(_ suivis: [SuiviPublie], seuil: Int?, into h: inout OutilsRapport.Page) {
        let e = OutilsRapport.echapper
        h.ligne("<section aria-labelledby=\"suivi\">")
        h.ligne("<h2 id=\"suivi\">Suivi après l’action</h2>")
        h.ligne("<p class=\"note\">\(e(OutilsRapport.majuscule(definitionSuivi))).</p>")
        for s in suivis {
            let titre = "Situation \(s.titre) après l’action"
            h.ligne("<h3 id=\"\(rubrique(s))\">\(e(OutilsRapport.majuscule(s.titre)))</h3>")
            // Ten columns: on a narrow screen the table scrolls sideways, reachable from the keyboard.
            h.ligne("<div class=\"large suivi\" tabindex=\"0\" role=\"region\" aria-label=\"\(e(titre)) (défile de côté)\">")
            h.ligne("<table>")
            h.ligne("<caption>\(e(titre)), par sexe</caption>")
            h.ligne("<thead><tr><th scope=\"col\">Sexe</th>" + colonnesSuivi.map { "<th scope=\"col\">\(e(OutilsRapport.majuscule($0)))</th>" }.joined()
                + "</tr></thead>")
            h.ligne("<tbody>")
            for l in s.lignes {
                let classe = l.sexe == nil ? " class=\"total\"" : ""
                h.ligne("<tr\(classe)><th scope=\"row\">\(e(l.libelle))</th>" + cases(l, seuil: seuil).map { "<td>\(e($0))</td>" }.joined() + "</tr>")
            }
            h.ligne("</tbody>")
            h.ligne("</table>")
            h.ligne("</div>")
        }
        h.ligne("</section>")
    }

    /// Each testimony as a quotation with its signature.
    static func html(_ temoignages: [TemoignagePublie], into h: inout OutilsRapport.Page) {
        let e = OutilsRapport.echapper
        h.ligne("<section aria-labelledby=\"temoignages\">")
        h.ligne("<h2 id=\"temoignages\">Témoignages</h2>")
        for t in temoignages {
            h.ligne("<figure class=\"temoignage\">")
            h.ligne("<blockquote><p>\(e(guillemets(t.texte)))</p></blockquote>")
            h.ligne("<figcaption>\(e(signature(t)))</figcaption>")
            h.ligne("</figure>")
        }
        h.ligne("</section>")
    }
}
