import Foundation
import LivretCore
import LivretExports
import LivretTestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The tables of an HTML page: caption, then each row's cells (header cells included), as text.
final class LecteurTableaux: NSObject, XMLParserDelegate {
    struct Tableau {
        var legende = ""
        var lignes: [[String]] = []

        /// The row whose first cell is `libelle`.
        func ligne(_ libelle: String) -> [String]? { lignes.first { $0.first == libelle } }
    }

    var tableaux: [Tableau] = []
    private var actuel: Tableau?
    private var legende = false
    private var ligne: [String]?
    private var cellule: String?

    static func lire(_ html: String) -> [Tableau] {
        let lecteur = LecteurTableaux()
        let analyseur = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        analyseur.delegate = lecteur
        _ = analyseur.parse()
        return lecteur.tableaux
    }

    func parser(_ parser: XMLParser, didStartElement nom: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch nom {
        case "table": actuel = Tableau()
        case "caption": legende = true
        case "tr": ligne = []
        case "th", "td": cellule = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters texte: String) {
        if legende { actuel?.legende += texte } else if cellule != nil { cellule! += texte }
    }

    func parser(_ parser: XMLParser, didEndElement nom: String, namespaceURI: String?, qualifiedName: String?) {
        switch nom {
        case "caption": legende = false
        case "th", "td":
            if let c = cellule { ligne?.append(c) }
            cellule = nil
        case "tr":
            if let l = ligne { actuel?.lignes.append(l) }
            ligne = nil
        case "table":
            if let t = actuel { tableaux.append(t) }
            actuel = nil
        default: break
        }
    }
}

/// What a published figure must look like once rendered: « s » when masked, the number otherwise.
enum Attendu {
    static func compte(_ v: ValeurPubliee) -> String { v.nombre.map(String.init) ?? "s" }
    static func taux(_ t: TauxPublie) -> String { t.masque ? "s" : t.valeur.map(Format.pourcentage) ?? "–" }
    static func pourcentCSV(_ t: TauxPublie) -> String { t.masque ? "s" : t.valeur.map { Format.nombre($0 * 100) } ?? "" }
    static func heures(_ h: Double?) -> String { h.map { Format.nombre($0) } ?? "s" }
}

@Suite("Bilan d'activité complet : rendus texte, CSV, JSON, HTML")
struct BilanEtenduRenduTests {
    static let attendus = Golden.dossier("Attendus")

    @Test("Texte, CSV et HTML identiques aux fichiers attendus")
    func fichiersAttendus() {
        let b = FixtureBilanEtendu.bilan()
        Golden.verifier(RenduActivite.texte(b), fichier: Self.attendus.appendingPathComponent("bilan-activite.txt"))
        Golden.verifier(String(decoding: RenduActivite.csv(b), as: UTF8.self), fichier: Self.attendus.appendingPathComponent("bilan-activite.csv"))
        Golden.verifier(RenduActivite.html(b), fichier: Self.attendus.appendingPathComponent("bilan-activite.html"))
        Golden.verifier(RenduRapport.texte(FixtureBilanEtendu.rapport()), fichier: Self.attendus.appendingPathComponent("rapport-qualite.txt"))
    }

    @Test("Sections dans l'ordre, titres en français ; une section vide est omise, jamais les chiffres clés")
    func sections() {
        let b = FixtureBilanEtendu.bilan()
        let t = RenduActivite.texte(b)
        let titres = ["Chiffres clés :", "Par type d’activité", "Par lieu", "Heures passées par personne", "Assiduité", "Par sexe :",
                      "Par tranche d’âge", "Mineurs et adultes :", "Thématiques", "Satisfaction :", "Suivi après l’action, à 3 mois",
                      "Suivi après l’action, à 6 mois", "Témoignages :"]
        let positions = titres.map { t.range(of: "\n" + $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(zip(titres, positions).filter { $1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        let html = RenduActivite.html(b)
        let h2 = html.components(separatedBy: "<h2 id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(h2 == ["chiffres", "activites", "lieux", "histogramme", "sexe", "age", "majorite", "thematiques", "satisfaction", "suivi", "temoignages"])
        #expect(html.contains("<caption>Chiffres clés du 01/01/2026 au 30/06/2026, et de la période précédente (du 01/01/2025 au 30/06/2025)</caption>"))
        #expect(html.contains("<th scope=\"col\">Période précédente</th>"))

        // Nothing to show: only the key figures, no empty table.
        let rien = CalculActivite.calculer(activites: [], minutesDelivrees: 0, du: Jour("2026-01-01")!, au: Jour("2026-01-31")!, anneeReference: 2026)
        let vide = RenduActivite.html(rien)
        #expect(vide.components(separatedBy: "<h2 id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) } == ["chiffres"])
        #expect(!vide.contains("<svg"))
        let texteVide = RenduActivite.texte(rien)
        #expect(texteVide.contains("Chiffres clés :") && !texteVide.contains("Par sexe") && !texteVide.contains("Satisfaction"))
        #expect(!RenduActivite.texte(FixtureBilanEtendu.bilan(comparer: false)).contains("période précédente"))
    }

    @Test("CSV : colonnes, BOM, « ; », virgule décimale, CRLF, mêmes octets")
    func csv() throws {
        let b = FixtureBilanEtendu.bilan()
        let donnees = RenduActivite.csv(b)
        #expect(Array(donnees.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(RenduActivite.csv(FixtureBilanEtendu.bilan()) == donnees)
        let octets = Array(donnees)
        let lf = octets.filter { $0 == 0x0A }.count
        #expect(lf > 50 && zip(octets, octets.dropFirst()).filter { $0 == 0x0D && $1 == 0x0A }.count == lf)
        let lignes = String(decoding: donnees.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lignes[0] == RenduActivite.colonnesCSV.joined(separator: ";"))
        #expect(lignes[0] == "rubrique;categorie;sous_categorie;nombre;part_pct;heures;passages;heures_par_beneficiaire;periode_precedente")
        #expect(lignes[1] == "periode;période;2026-01-01/2026-06-30;;;;;;2025-01-01/2025-06-30")
        #expect(lignes.contains("chiffres_cles;Personnes accompagnées;;46;;;;;30"))
        #expect(lignes.contains("chiffres_cles;Jours d’ouverture (permanences);;37;;;;;31"))
        #expect(lignes.contains { $0.hasPrefix("chiffres_cles;Heures de séances collectives délivrées;;;;162;;;") })
        // Every row has every column, a testimony with « ; » or quotes is quoted.
        let rubriques = Set(lignes.dropFirst().compactMap { $0.split(separator: ";").first.map(String.init) })
        for r in ["periode", "avertissement", "chiffres_cles", "type_activite", "lieu", "histogramme", "assiduite", "sexe", "age", "majorite",
                  "thematique", "satisfaction", "satisfaction_question", "suivi_3_mois", "suivi_6_mois", "temoignage"] {
            #expect(rubriques.contains(r), "rubrique \(r)")
        }
        #expect(lignes.contains { $0.hasPrefix("lieu;cybercafé;;") })
        #expect(lignes.contains { $0.hasPrefix("temoignage;J’avais peur de l’ordinateur. J’ai passé la certification Pix & j’ai trouvé un stage « agente d’accueil ».;Samira, parcours Femmes et Numérique;") })
        // (Rows with a quoted field, the warnings, are left out of this simple count.)
        #expect(lignes.dropLast().filter { !$0.contains("\"") }.allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == RenduActivite.colonnesCSV.count })
        #expect(lignes.contains { $0.hasPrefix("avertissement;\"Secret statistique : ") })
        #expect(lignes.last == "")
        #expect(try JSONDecoder().decode(BilanActivite.self, from: RenduActivite.json(b)) == b)
    }

    @Test("Texte : 80 colonnes au plus, barres de l'histogramme")
    func texte() {
        for b in [FixtureBilanEtendu.bilan(), FixtureBilanEtendu.bilan(seuil: nil), FixtureBilanEtendu.petit()] {
            let t = RenduActivite.texte(b)
            #expect(t.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(t.split(separator: "\n").filter { $0.count > 80 })")
            #expect(!t.contains(" \n"))
        }
        let t = RenduActivite.texte(FixtureBilanEtendu.bilan(seuil: nil))
        #expect(t.contains("  30 à 50 h ") && t.contains("█"))
        #expect(t.contains("  «\u{00A0}Maintenant je fais mes démarches de la CAF toute seule"))
        #expect(t.contains("    — Samira, parcours Femmes et Numérique"))
    }

    /// Every published figure of `b`, cell by cell, in the CSV: « s » where masked, the number otherwise.
    func verifierCSV(_ b: BilanActivite, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let lignes = String(decoding: RenduActivite.csv(b).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
        var parCle: [String: [String]] = [:]
        for l in lignes where l.count > 3 { parCle[l[0] + "|" + l[1] + "|" + l[2]] = l }
        var masquees = 0
        func cas(_ cle: String, _ colonne: Int, _ attendu: String, masque: Bool) {
            let obtenu = parCle[cle]?[colonne]
            #expect(obtenu == attendu, "CSV \(cle), colonne \(RenduActivite.colonnesCSV[colonne])", sourceLocation: sourceLocation)
            if masque { masquees += 1 }
        }
        for (rubrique, lignes) in [("histogramme", b.histogramme), ("assiduite", b.repartitionHeures), ("sexe", b.parSexe), ("age", b.parAge),
                                   ("majorite", b.parMajorite), ("thematique", b.thematiques)] {
            for l in lignes {
                cas("\(rubrique)|\(l.libelle)|", 3, Attendu.compte(l.nombre), masque: l.nombre.masque)
                cas("\(rubrique)|\(l.libelle)|", 4, Attendu.pourcentCSV(l.part), masque: l.part.masque)
            }
        }
        for (rubrique, lignes) in [("type_activite", b.parActivite), ("lieu", b.parLieu)] {
            for l in lignes {
                let cle = "\(rubrique)|\(l.libelle)|"
                cas(cle, 3, Attendu.compte(l.beneficiaires), masque: l.beneficiaires.masque)
                cas(cle, 4, Attendu.pourcentCSV(l.part), masque: l.part.masque)
                cas(cle, 5, Attendu.heures(l.heures), masque: l.heures == nil)
                cas(cle, 6, Attendu.compte(l.passages), masque: l.passages.masque)
                cas(cle, 7, Attendu.heures(l.heuresParBeneficiaire), masque: l.heuresParBeneficiaire == nil)
            }
        }
        cas("chiffres_cles|Personnes accompagnées|", 3, Attendu.compte(b.beneficiaires), masque: b.beneficiaires.masque)
        cas("chiffres_cles|Passages (visites et séances suivies)|", 6, Attendu.compte(b.passages), masque: b.passages.masque)
        cas("chiffres_cles|Personnes venues plusieurs fois|", 3, Attendu.compte(b.plusieursFois.nombre), masque: b.plusieursFois.nombre.masque)
        cas("chiffres_cles|Heures de formation et d’accompagnement|", 5, Attendu.heures(b.heuresBeneficiaires), masque: b.heuresBeneficiaires == nil)
        if let satisfaction = b.satisfaction {
            for l in satisfaction.lignes {
                cas("satisfaction|\(l.libelle)|répondants", 3, Attendu.compte(l.repondants), masque: l.repondants.masque)
                cas("satisfaction|\(l.libelle)|satisfaits", 3, Attendu.compte(l.satisfaits), masque: l.satisfaits.masque)
                cas("satisfaction|\(l.libelle)|satisfaits", 4, Attendu.pourcentCSV(l.part), masque: l.part.masque)
            }
            for q in satisfaction.questions {
                for (niveau, (n, p)) in zip(QuestionnaireSatisfaction.echelle, zip(q.reponses, q.parts)) {
                    cas("satisfaction_question|\(q.question)|\(niveau)", 3, Attendu.compte(n), masque: n.masque)
                    cas("satisfaction_question|\(q.question)|\(niveau)", 4, Attendu.pourcentCSV(p), masque: p.masque)
                }
            }
        }
        for s in b.suivis {
            for l in s.lignes {
                let cle = "suivi_\(s.delaiMois)_mois|\(l.libelle)|"
                cas(cle + "suivis", 3, Attendu.compte(l.suivis), masque: l.suivis.masque)
                for (situation, v) in zip(SituationApresAction.allCases, l.situations) { cas(cle + situation.libelle, 3, Attendu.compte(v), masque: v.masque) }
                cas(cle + "dont à temps partiel (emploi)", 3, Attendu.compte(l.tempsPartiel), masque: l.tempsPartiel.masque)
                cas(cle + "dont en lien avec la formation", 3, Attendu.compte(l.enLien), masque: l.enLien.masque)
                cas(cle + "part de sorties positives", 4, Attendu.pourcentCSV(l.partPositive), masque: l.partPositive.masque)
            }
        }
        return masquees
    }

    /// The same in the page's tables; returns how many masked figures were checked.
    func verifierHTML(_ b: BilanActivite, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let tableaux = LecteurTableaux.lire(RenduActivite.html(b))
        var masquees = 0
        func tableau(_ legende: String) -> LecteurTableaux.Tableau? {
            let t = tableaux.first { $0.legende == legende }
            #expect(t != nil, "tableau « \(legende) » absent", sourceLocation: sourceLocation)
            return t
        }
        func cas(_ t: LecteurTableaux.Tableau?, _ libelle: String, _ colonne: Int, _ attendu: String, masque: Bool) {
            guard let t else { return }
            let obtenu = t.ligne(libelle).flatMap { colonne < $0.count ? $0[colonne] : nil }
            #expect(obtenu == attendu, "HTML « \(t.legende) », \(libelle), colonne \(colonne)", sourceLocation: sourceLocation)
            if masque { masquees += 1 }
        }
        func repartition(_ legende: String, _ lignes: [LigneRepartition]) {
            let t = tableau(legende)
            for l in lignes {
                cas(t, l.libelle, 1, Attendu.compte(l.nombre), masque: l.nombre.masque)
                cas(t, l.libelle, 2, Attendu.taux(l.part), masque: l.part.masque)
            }
        }
        repartition("Personnes selon les heures passées", b.histogramme)
        repartition("Assiduité : les mêmes personnes en trois groupes", b.repartitionHeures)
        repartition("Par sexe", b.parSexe)
        repartition("Par tranche d’âge (âge en \(b.anneeReference))", b.parAge)
        repartition("Mineurs et adultes", b.parMajorite)
        if !b.thematiques.isEmpty { repartition("Thématiques des accompagnements", b.thematiques) }
        for (legende, lignes) in [("Heures, passages et personnes, par type d’activité", b.parActivite), ("Heures, passages et personnes, par lieu", b.parLieu)] {
            let t = tableau(legende)
            for l in lignes {
                cas(t, l.libelle, 1, Attendu.heures(l.heures), masque: l.heures == nil)
                cas(t, l.libelle, 2, Attendu.compte(l.passages), masque: l.passages.masque)
                cas(t, l.libelle, 3, Attendu.compte(l.beneficiaires), masque: l.beneficiaires.masque)
                cas(t, l.libelle, 4, Attendu.taux(l.part), masque: l.part.masque)
                cas(t, l.libelle, 5, Attendu.heures(l.heuresParBeneficiaire), masque: l.heuresParBeneficiaire == nil)
            }
        }
        let cles = tableaux.first { $0.legende.hasPrefix("Chiffres clés ") }
        cas(cles, "Personnes accompagnées", 1, Attendu.compte(b.beneficiaires), masque: b.beneficiaires.masque)
        cas(cles, "Passages (visites et séances suivies)", 1, Attendu.compte(b.passages), masque: b.passages.masque)
        if let satisfaction = b.satisfaction {
            let t = tableau("Personnes satisfaites, par sexe")
            for l in satisfaction.lignes {
                cas(t, l.libelle, 1, Attendu.compte(l.repondants), masque: l.repondants.masque)
                cas(t, l.libelle, 2, Attendu.compte(l.satisfaits), masque: l.satisfaits.masque)
                cas(t, l.libelle, 3, Attendu.taux(l.part), masque: l.part.masque)
            }
            let questions = tableau("Réponses à chaque question : nombre de personnes (part des répondants)")
            for q in satisfaction.questions {
                for (i, n) in q.reponses.enumerated() {
                    let cellule = questions?.ligne(q.question)?[i + 1] ?? ""
                    if n.masque {
                        #expect(cellule == "s", "HTML question « \(q.question) » niveau \(i + 1)", sourceLocation: sourceLocation)
                        masquees += 1
                    } else {
                        #expect(cellule.hasPrefix("\(n.nombre!)"), "HTML question « \(q.question) » niveau \(i + 1)", sourceLocation: sourceLocation)
                    }
                }
            }
        }
        for s in b.suivis {
            let t = tableau("Situation \(s.titre) après l’action, par sexe")
            for l in s.lignes {
                let valeurs = [l.suivis] + l.situations + [l.tempsPartiel, l.enLien]
                for (i, v) in valeurs.enumerated() { cas(t, l.libelle, 1 + i, Attendu.compte(v), masque: v.masque) }
                cas(t, l.libelle, 1 + valeurs.count, Attendu.taux(l.partPositive), masque: l.partPositive.masque)
            }
        }
        return masquees
    }

    /// The same in the terminal text: the values after each row's label.
    func verifierTexte(_ b: BilanActivite, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let lignes = RenduActivite.texte(b).components(separatedBy: "\n")
        var masquees = 0
        /// The values of row `libelle` in the section starting with `titre` ("45 %" kept whole).
        func valeurs(_ titre: String, _ libelle: String) -> [String]? {
            guard let debut = lignes.firstIndex(where: { $0.hasPrefix(titre) }) else { return nil }
            for l in lignes[(debut + 1)...] {
                if l.isEmpty { break }
                if l.hasPrefix("  " + libelle + " ") {
                    var v: [String] = []
                    for mot in l.dropFirst(2 + libelle.count).split(separator: " ").map(String.init) {
                        if mot.hasPrefix("%") || mot.hasPrefix("█"), !v.isEmpty { if mot.hasPrefix("%") { v[v.count - 1] += " " + mot } } else { v.append(mot) }
                    }
                    return v
                }
            }
            return nil
        }
        func cas(_ titre: String, _ libelle: String, _ colonne: Int, _ attendu: String, masque: Bool) {
            let obtenu = valeurs(titre, libelle).flatMap { colonne < $0.count ? $0[colonne] : nil }
            #expect(obtenu == attendu, "texte « \(titre) », \(libelle), colonne \(colonne)", sourceLocation: sourceLocation)
            if masque { masquees += 1 }
        }
        for (titre, lignes) in [("Heures passées par personne", b.histogramme), ("Assiduité", b.repartitionHeures), ("Par sexe", b.parSexe),
                                ("Par tranche d’âge", b.parAge), ("Mineurs et adultes", b.parMajorite), ("Thématiques", b.thematiques)] {
            for l in lignes {
                cas(titre, l.libelle, 0, Attendu.compte(l.nombre), masque: l.nombre.masque)
                cas(titre, l.libelle, 1, Attendu.taux(l.part), masque: l.part.masque)
            }
        }
        for (titre, lignes) in [("Par type d’activité", b.parActivite), ("Par lieu", b.parLieu)] {
            for l in lignes where l.libelle.count < 33 {
                cas(titre, l.libelle, 0, Attendu.heures(l.heures), masque: l.heures == nil)
                cas(titre, l.libelle, 1, Attendu.compte(l.passages), masque: l.passages.masque)
                cas(titre, l.libelle, 2, Attendu.compte(l.beneficiaires), masque: l.beneficiaires.masque)
                cas(titre, l.libelle, 3, Attendu.taux(l.part), masque: l.part.masque)
                cas(titre, l.libelle, 4, Attendu.heures(l.heuresParBeneficiaire), masque: l.heuresParBeneficiaire == nil)
            }
        }
        if let satisfaction = b.satisfaction {
            for l in satisfaction.lignes {
                cas("Satisfaction", l.libelle, 0, Attendu.compte(l.repondants), masque: l.repondants.masque)
                cas("Satisfaction", l.libelle, 1, Attendu.compte(l.satisfaits), masque: l.satisfaits.masque)
                cas("Satisfaction", l.libelle, 2, Attendu.taux(l.part), masque: l.part.masque)
            }
        }
        for s in b.suivis {
            let titre = "Suivi après l’action, \(s.titre)"
            for (j, l) in s.lignes.enumerated() {
                cas(titre, "suivis", j, Attendu.compte(l.suivis), masque: l.suivis.masque)
                for (situation, v) in zip(SituationApresAction.allCases, l.situations) { cas(titre, situation.libelle, j, Attendu.compte(v), masque: v.masque) }
                cas(titre, "dont à temps partiel (emploi)", j, Attendu.compte(l.tempsPartiel), masque: l.tempsPartiel.masque)
                cas(titre, "part de sorties positives", j, Attendu.taux(l.partPositive), masque: l.partPositive.masque)
            }
        }
        return masquees
    }

    @Test("Secret statistique : chaque chiffre masqué est « s » dans le texte, le CSV et le HTML, jamais sa valeur",
          arguments: [("complet", 5), ("petit", 5), ("complet", 3)])
    func aucuneFuite(cas: String, seuil: Int) {
        let b = cas == "complet" ? FixtureBilanEtendu.bilan(seuil: seuil) : FixtureBilanEtendu.petit(seuil: seuil)
        let csv = verifierCSV(b), html = verifierHTML(b), texte = verifierTexte(b)
        // Small counts are there, and masked: « autre » (1 person), the minors (4), a class of hours…
        #expect(csv >= 10 && html >= 10 && texte >= 10, "\(csv) \(html) \(texte)")
        #expect(b.parSexe[2].nombre.masque)
        // The masked values themselves never reach the page: the chart of hours draws no column for them.
        let page = RenduActivite.html(b)
        let histogramme = page.components(separatedBy: "<svg").first { $0.contains("graphique-histogramme-titre") } ?? ""
        let colonnes = histogramme.components(separatedBy: "class=\"barre\"").count - 1
        #expect(colonnes == b.histogramme.filter { ($0.nombre.nombre ?? 0) > 0 }.count)
        // Unmasked, the same cells hold the real numbers (the check above is not blind).
        let interne = cas == "complet" ? FixtureBilanEtendu.bilan(seuil: nil) : FixtureBilanEtendu.petit(seuil: nil)
        #expect(verifierCSV(interne) == 0 && verifierHTML(interne) == 0 && verifierTexte(interne) == 0)
        #expect(RenduActivite.texte(interne).contains("Chiffres non masqués : usage interne uniquement"))
    }

    @Test("HTML : page autonome bien formée, graphiques SVG avec titre, description et tableau")
    func html() {
        for b in [FixtureBilanEtendu.bilan(), FixtureBilanEtendu.petit()] {
            let html = RenduActivite.html(b)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
            #expect(FixtureRenduRapport.erreurXML(html) == nil)
            for interdit in ["http", "<script", "<link", "xmlns", "url(", "<img"] { #expect(!html.contains(interdit)) }
            #expect(RenduActivite.html(b) == html)
            // Each chart: a title and a description it is labelled by.
            for id in html.components(separatedBy: "<svg class=\"graphique\" role=\"img\" aria-labelledby=\"").dropFirst().map({ String($0.prefix { $0 != " " }) }) {
                let base = String(id.dropLast("-titre".count))
                #expect(html.contains("<title id=\"\(base)-titre\">") && html.contains("<desc id=\"\(base)-desc\">"), "\(base)")
            }
        }
        let html = RenduActivite.html(FixtureBilanEtendu.bilan())
        for id in ["graphique-histogramme", "graphique-sexe", "graphique-age", "graphique-majorite", "graphique-thematiques", "graphique-questions"] {
            #expect(html.contains("<title id=\"\(id)-titre\">"), "\(id)")
        }
        #expect(html.contains("<blockquote><p>«\u{00A0}J’avais peur de l’ordinateur. J’ai passé la certification Pix &amp; j’ai trouvé un stage « agente d’accueil ».\u{00A0}»</p></blockquote>"))
        #expect(html.contains("<figcaption>— Samira, parcours Femmes et Numérique</figcaption>"))
    }

    @Test(.enabled(if: VerificateurA11y.present, "../shared/tools/a11y absent : vérification d'accessibilité non lancée"))
    func accessibiliteSelonAxe() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-a11y")
        defer { temporaire.supprimer() }
        let pages = [("bilan.html", RenduActivite.html(FixtureBilanEtendu.bilan())), ("bilan-petit.html", RenduActivite.html(FixtureBilanEtendu.petit())),
                     ("rapport.html", RenduRapport.html(FixtureBilanEtendu.rapport()))]
        var chemins: [String] = []
        for (nom, page) in pages {
            let fichier = temporaire.url.appendingPathComponent(nom)
            try Data(page.utf8).write(to: fichier)
            chemins.append(fichier.path)
        }
        let (statut, sortie) = try VerificateurA11y.verifier(chemins)
        #expect(statut == 0, "\(sortie)")
    }
}

/// The independent accessibility checker (axe-core in headless Chromium), outside the package.
enum VerificateurA11y {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/tools/a11y/check.sh").path

    static var present: Bool { FileManager.default.fileExists(atPath: script) }

    static func verifier(_ pages: [String]) throws -> (Int32, String) {
        let processus = Process()
        processus.executableURL = URL(fileURLWithPath: "/bin/bash")
        processus.arguments = [script] + pages
        let sortie = Pipe()
        processus.standardOutput = sortie
        processus.standardError = sortie
        try processus.run()
        let texte = String(decoding: sortie.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        processus.waitUntilExit()
        return (processus.terminationStatus, texte)
    }
}
