import Foundation
import LivretCore
import LivretExports
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

enum FixtureRenduRapport {
    // F 12 inscrits / 8 terminés, M 9 / 3, autre 2 / 2, non communiqué 1 / 0 (with seuil 5: autre and NC masked,
    // men's completions masked).
    static let groupes: [GroupeStatistique] = [
        GroupeStatistique(sexe: .feminin, anneeNaissance: 1990, qpv: .oui, statut: .sansEmploi, inscrits: 8, commences: 7, termines: 5,
                          abandons: 2, certifies: 4, competencesCertifiees: 12, minutesPrevues: 4800, minutesSuivies: 3900,
                          sorties: ["certification": 4, "emploi": 1], motifsAbandon: ["santé": 1, "déménagement": 1]),
        GroupeStatistique(sexe: .feminin, anneeNaissance: 1960, qpv: .non, statut: .retraite, inscrits: 4, commences: 4, termines: 3,
                          abandons: 1, certifies: 2, competencesCertifiees: 5, minutesPrevues: 2400, minutesSuivies: 2100, motifsAbandon: ["santé": 1]),
        GroupeStatistique(sexe: .masculin, anneeNaissance: 2008, qpv: .oui, statut: .scolarise, inscrits: 6, commences: 5, termines: 2,
                          abandons: 3, certifies: 1, competencesCertifiees: 3, minutesPrevues: 3600, minutesSuivies: 2000,
                          sorties: ["formation": 2], motifsAbandon: ["emploi trouvé; CDD": 2, "santé": 1]),
        GroupeStatistique(sexe: .masculin, anneeNaissance: nil, qpv: .nonCommunique, statut: .nonCommunique, inscrits: 3, commences: 2,
                          termines: 1, abandons: 1, minutesPrevues: 1800, minutesSuivies: 900, motifsAbandon: ["santé": 1]),
        GroupeStatistique(sexe: .autre, anneeNaissance: 2000, qpv: .oui, statut: .sansEmploi, inscrits: 2, commences: 2, termines: 2,
                          certifies: 1, competencesCertifiees: 3, minutesPrevues: 1200, minutesSuivies: 1150),
        GroupeStatistique(sexe: .nonCommunique, anneeNaissance: 1950, qpv: .non, statut: .retraite, inscrits: 1, commences: 1,
                          abandons: 1, minutesPrevues: 600, minutesSuivies: 100, motifsAbandon: ["santé": 1]),
    ]

    static func rapport(_ croisement: Croisement = .aucun, seuil: Int? = 5) -> Rapport {
        CalculRapport.calculer(groupes: groupes, perimetre: .parcours("femmes-et-numerique"),
                               objectifs: [ObjectifRealise(parcours: "femmes-et-numerique", libelle: "certifiées", vise: 5, effectifVise: 10,
                                                           realise: 11, effectifReel: 11)],
                               croisement: croisement, anneeReference: 2026, seuil: seuil)
    }

    static let bilan = CalculActivite.calculer(
        activites: [ActiviteBeneficiaire(sexe: .feminin, anneeNaissance: 1990, seances: 2, minutes: 120),
                    ActiviteBeneficiaire(sexe: .feminin, anneeNaissance: 1990, seances: 3, minutes: 180),
                    ActiviteBeneficiaire(sexe: .feminin, anneeNaissance: 1950, seances: 8, minutes: 600),
                    ActiviteBeneficiaire(sexe: .masculin, anneeNaissance: 2008, seances: 9, minutes: 601),
                    ActiviteBeneficiaire(sexe: .masculin, anneeNaissance: nil, seances: 12, minutes: 900),
                    ActiviteBeneficiaire(sexe: .autre, anneeNaissance: 2000, seances: 1, minutes: 60)],
        minutesDelivrees: 1500, du: Jour("2026-01-01")!, au: Jour("2026-06-30")!, anneeReference: 2026, seuil: 5)

    /// The parser's error on the page minus its doctype, nil when well-formed.
    static func erreurXML(_ html: String) -> String? {
        let analyseur = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        if analyseur.parse() { return nil }
        return analyseur.parserError.map { "\($0)" } ?? "erreur inconnue"
    }
}

@Suite("Rapport : rendus texte, CSV, JSON, HTML")
struct RapportRenduTests {
    @Test("CSV : BOM, « ; », en-tête stable, virgule décimale, mêmes octets")
    func csv() throws {
        let donnees = RenduRapport.csv(FixtureRenduRapport.rapport())
        #expect(Array(donnees.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let texte = try #require(String(data: donnees.dropFirst(3), encoding: .utf8))
        let lignes = texte.components(separatedBy: "\r\n")
        #expect(lignes[0] == "niveau;sexe;sous_categorie;inscrits;commences;termines;taux_completion_pct;abandons;taux_abandon_pct;certifies;"
            + "taux_certification_pct;competences_certifiees;heures_prevues;heures_suivies;assiduite_pct;indicateur;nombre;part_pct")
        // A masked figure is « s » in every column (counts, rates), whatever the reason; competences
        // and hours are published on « ensemble » only (« – » elsewhere).
        #expect(lignes[3] == "ligne;autre;;s;s;s;s;s;s;s;s;–;–;–;s;;;")
        #expect(lignes[4].hasPrefix("ligne;non communiqué;;s;"))
        #expect(lignes[5].hasPrefix("ensemble;ensemble;;24;21;13;54,2;"))
        #expect(!texte.contains("< 5") && !texte.contains("masqué"))
        #expect(lignes.count == 7 && lignes[6] == "")
        // CRLF everywhere: as many LF bytes as CR LF pairs.
        let octets = Array(donnees)
        let lf = octets.filter { $0 == 0x0A }.count
        let crlf = zip(octets, octets.dropFirst()).filter { $0 == 0x0D && $1 == 0x0A }.count
        #expect(lf == 6 && crlf == lf)
        #expect(RenduRapport.csv(FixtureRenduRapport.rapport()) == donnees)
        // Crossed: lines, then per-sex totals, then everybody.
        let croise = String(decoding: RenduRapport.csv(FixtureRenduRapport.rapport(.age)).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(croise.count == 1 + 32 + 4 + 1 + 1)
        #expect(croise[1].hasPrefix("ligne;féminin;moins de 12 ans;"))
        #expect(croise[33].hasPrefix("total_sexe;féminin;;"))
        #expect(croise[37].hasPrefix("ensemble;ensemble;;24;"))
    }

    @Test("JSON : clés triées, mêmes octets, relisible")
    func json() throws {
        let a = try RenduRapport.json(FixtureRenduRapport.rapport(.qpv))
        #expect(try RenduRapport.json(FixtureRenduRapport.rapport(.qpv)) == a)
        #expect(try JSONDecoder().decode(Rapport.self, from: a) == FixtureRenduRapport.rapport(.qpv))
        let texte = String(decoding: a, as: UTF8.self)
        #expect(texte.contains("\"avertissements\""))
        #expect(texte.range(of: "\"avertissements\"")!.lowerBound < texte.range(of: "\"bornesAge\"")!.lowerBound)
    }

    @Test("Texte : les quatre sexes, « s », écart et méthode, objectifs")
    func texte() {
        let t = RenduRapport.texte(FixtureRenduRapport.rapport())
        for sexe in ["féminin", "masculin", "autre", "non communiqué"] { #expect(t.contains("\n\(sexe) ")) }
        #expect(t.contains(" s ") && t.contains("s : secret statistique") && !t.contains("< 5"))
        #expect(t.contains("Écart de taux de complétion femmes − hommes : non publié : secret statistique."))
        #expect(t.contains("Newcombe"))
        #expect(t.contains("femmes-et-numerique : 5 certifiées sur 10 visé → 11 sur 11 réalisé (atteint)"))
        #expect(t.contains("Secret statistique"))
        let interne = RenduRapport.texte(FixtureRenduRapport.rapport(seuil: nil))
        #expect(interne.contains("Chiffres non masqués : usage interne uniquement, ne pas diffuser."))
        #expect(interne.contains("+33,3 points (IC 95 % :"))
        #expect(!interne.contains("secret statistique :"))
        // Plain French first, and everything within 80 columns.
        let suivi = interne.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "\n    ", with: " ")
        #expect(suivi.contains("En bref : 24 inscriptions dans ce rapport."), "\(interne)")
        #expect(suivi.contains("Les femmes ont terminé leur parcours 33,3 points de plus que les hommes"), "\(interne)")
        for texte in [t, interne, RenduRapport.texte(FixtureRenduRapport.rapport(.age))] {
            #expect(texte.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(texte.split(separator: "\n").filter { $0.count > 80 })")
        }
    }

    @Test("HTML : page autonome bien formée, tableaux, graphiques SVG accessibles", arguments: Croisement.allCases)
    func html(croisement: Croisement) {
        let html = RenduRapport.html(FixtureRenduRapport.rapport(croisement))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(FixtureRenduRapport.erreurXML(html) == nil)
        for interdit in ["http", "<script", "<link", "xmlns", "url(", "<img"] { #expect(!html.contains(interdit)) }
        #expect(html.contains("<th scope=\"col\">") && html.contains(croisement == .aucun ? "<th scope=\"row\">féminin</th>" : "<th scope=\"row\">total féminin</th>"))
        #expect(html.contains("<svg") && html.contains("<title id=\"graphique-sexe-titre\">") && html.contains("<desc id=\"graphique-sexe-desc\">"))
        #expect(html.contains("graphique-croise") == (croisement != .aucun))
        #expect(html.contains(">s<") && !html.contains("&lt; 5"))
        #expect(html.contains("Newcombe"))
        #expect(RenduRapport.html(FixtureRenduRapport.rapport(croisement)) == html)
    }

    @Test("Bilan d'activité : CSV, JSON, texte, HTML")
    func activite() throws {
        let b = FixtureRenduRapport.bilan
        let csv = RenduActivite.csv(b)
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(RenduActivite.csv(b) == csv)
        let lignes = String(decoding: csv.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lignes[0] == "rubrique;categorie;sous_categorie;nombre;part_pct;heures;passages;heures_par_beneficiaire;periode_precedente")
        #expect(lignes[1] == "periode;période;2026-01-01/2026-06-30;;;;;;")
        #expect(lignes.contains("chiffres_cles;Personnes accompagnées;;6;;;;;"))
        #expect(lignes.contains("chiffres_cles;Heures de séances collectives délivrées;;;;25;;;"))
        #expect(lignes.contains("chiffres_cles;Heures par personne (moyenne);;;;;;6,8;"))
        #expect(lignes.contains("assiduite;occasionnel : moins de 3 h;;s;s;;;;"))
        #expect(lignes.contains("sexe;non communiqué;;0;0;;;;"))
        #expect(try RenduActivite.json(b) == RenduActivite.json(b))
        let t = RenduActivite.texte(b)
        for sexe in ["féminin", "masculin", "autre", "non communiqué"] { #expect(t.contains("  \(sexe) ")) }
        #expect(!t.contains("< 5") && t.contains("du 01/01/2026 au 30/06/2026"))
        let html = RenduActivite.html(b)
        #expect(FixtureRenduRapport.erreurXML(html) == nil)
        #expect(!html.contains("http") && !html.contains("xmlns"))
        #expect(html.contains("<title id=\"graphique-sexe-titre\">"))
    }

    @Test("Rapport : satisfaction et suivi après l'action en texte, CSV et HTML, seulement quand il y en a")
    func qualite() throws {
        let r = FixtureBilanEtendu.rapport()
        let satisfaction = try #require(r.satisfaction)
        let suivis = try #require(r.suivis)
        let t = RenduRapport.texte(r)
        #expect(t.contains("\nSatisfaction :\n") && t.contains("\nSuivi après l’action, à 3 mois") && t.contains("\nSuivi après l’action, à 6 mois"))
        #expect(t.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(t.split(separator: "\n").filter { $0.count > 80 })")
        let csv = String(decoding: RenduRapport.csv(r).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(csv.dropLast().allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == RenduRapport.colonnesCSV.count })
        let ensemble = satisfaction.ensemble
        #expect(csv.contains("satisfaction;ensemble;;;;;;;;;;;;;;répondants;\(ensemble.repondants.texte(seuil: 5));"))
        #expect(csv.contains { $0.hasPrefix("satisfaction_question;ensemble;Dans l’ensemble, cela vous a plu ?;;;;;;;;;;;;;plutôt oui;") })
        let femmes = suivis[0].lignes[0]
        #expect(csv.contains("suivi_3_mois;féminin;;;;;;;;;;;;;;en emploi;\(femmes.situations[0].texte(seuil: 5));"))
        #expect(csv.contains { $0.hasPrefix("suivi_6_mois;ensemble;;;;;;;;;;;;;;part de sorties positives;;") })
        let html = RenduRapport.html(r)
        #expect(FixtureRenduRapport.erreurXML(html) == nil)
        #expect(html.contains("<h2 id=\"satisfaction\">Satisfaction</h2>") && html.contains("<h2 id=\"suivi\">Suivi après l’action</h2>"))
        #expect(html.contains("<caption>Situation à 6 mois après l’action, par sexe</caption>"))
        // None: no section, no row.
        let sans = FixtureRenduRapport.rapport()
        #expect(sans.satisfaction == nil && sans.suivis == nil)
        #expect(!RenduRapport.texte(sans).contains("Satisfaction") && !RenduRapport.html(sans).contains("id=\"suivi\""))
        #expect(!String(decoding: RenduRapport.csv(sans), as: UTF8.self).contains("satisfaction"))
    }
}
