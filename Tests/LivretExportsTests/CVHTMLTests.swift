import Foundation
import LivretCore
import LivretDemo
import LivretExports
import Testing

@Suite("CV numérique — page HTML")
struct CVHTMLTests {
    @Test func pageBienFormeeXML() throws {
        for identifiant in ["A-0001", "A-0004", "A-0015"] {
            for liens in [false, true] {
                let html = CVHTML.rendre(try DemoCV.cv(identifiant), liensPaquet: liens)
                #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
                #expect(DemoCV.erreurXML(html) == nil, "\(identifiant)")
            }
        }
    }

    @Test func pageAutonomeSansRessourceExterieure() throws {
        let html = CVHTML.rendre(try DemoCV.cv("A-0001"), liensPaquet: true).lowercased()
        for interdit in ["http", "<script", "<link", "@import", "url(", "<img", "<iframe", "<object", "@font-face"] {
            #expect(!html.contains(interdit), "« \(interdit) » ne doit pas apparaître")
        }
        #expect(html.contains("<style>"))
        #expect(html.range(of: #"\d+(\.\d+)?px"#, options: .regularExpression) == nil, "pas de taille en pixels")
        #expect(html.contains("@page { size: a4;"))
        #expect(html.contains("break-inside: avoid"))
    }

    @Test func sectionsAttenduesPourSamira() throws {
        let dossier = try DemoCV.dossier("A-0001")
        let html = CVHTML.rendre(try DemoCV.cv("A-0001"), liensPaquet: false)
        for titre in ["Ce que je sais faire", "Mes résultats Pix", "Mes formations", "Mes badges"] {
            #expect(html.contains("\">\(titre)</h2>"), "titre « \(titre) »")
        }
        #expect(html.contains("<h1>Samira</h1>"))
        #expect(!html.contains("Haddad"), "prénom seul par défaut")
        #expect(html.contains("<h3>Mes niveaux Pix</h3>"))
        #expect(html.contains("<th scope=\"col\">Compétence</th>"))
        #expect(html.contains("<th scope=\"row\">"))
        #expect(html.contains("<h3>Utiliser</h3>"), "groupé par sous-thème APTIC")
        #expect(html.contains("<strong>en autonomie</strong>"))
        #expect(html.contains("<strong>avec accompagnement</strong>") || html.contains("<strong>dit par la personne</strong>"))
        // The parcours, with hours and end date.
        let heures = Int(dossier.inscriptions[0].bilan.heuresSuivies.rounded())
        #expect(html.contains("Femmes et Numérique : \(heures) heures de formation, terminé le 14 avril 2023."))
        // The certification, with its code and date, still valid in 2025.
        let code = try #require(dossier.certifications.first?.code)
        #expect(html.contains("Code de vérification : \(code)"))
        #expect(html.contains("Obtenue le 14 avril 2023."))
        #expect(html.contains("Certification Pix — "))
        #expect(!html.contains("à renouveler"))
        // Badges: short code, the file to check; the revoked one is not there.
        #expect(html.contains("A1B2-C3D4"))
        #expect(html.contains("BBBB-CCCC"))
        #expect(html.contains("Le badge se vérifie avec le fichier badges/parcours-femmes-et-numerique.jwt du paquet."))
        #expect(!html.contains("CCCC-2222"), "badge révoqué")
        #expect(!html.contains("href="), "pas de lien hors du paquet")
    }

    @Test func certificationAncienneARenouveler() throws {
        let html = CVHTML.rendre(try DemoCV.cv("A-0001", aujourdhui: DemoCV.plusTard), liensPaquet: false)
        #expect(html.contains("Obtenue le 14 avril 2023. Elle a plus de 3 ans : à renouveler."))
    }

    @Test func liensRelatifsDansLePaquet() throws {
        let html = CVHTML.rendre(try DemoCV.cv("A-0001"), liensPaquet: true)
        #expect(html.contains("<a href=\"badges/parcours-femmes-et-numerique.jwt\">badges/parcours-femmes-et-numerique.jwt</a>"))
        #expect(html.contains("<a href=\"badges/pix-3-competences.svg\">"))
        let liens = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!liens.isEmpty)
        for lien in liens { #expect(lien.hasPrefix("badges/"), "\(lien)") }
    }

    @Test func pseudonymeSansNom() throws {
        let html = CVHTML.rendre(try DemoCV.cv("A-0004", choix: ChoixCV(identite: .pseudonyme)), liensPaquet: false)
        #expect(html.contains("<h1>Hirondelle</h1>"))
        #expect(html.contains("<title>Hirondelle — Compétences numériques</title>"))
        #expect(!html.contains("E-mail"))
        let aucune = CVHTML.rendre(try DemoCV.cv("A-0004", choix: ChoixCV(identite: .aucune)), liensPaquet: false)
        #expect(!aucune.contains("Hirondelle"))
        #expect(aucune.contains("<h1>Compétences numériques</h1>"))
        // Samira has no pseudonym: ".pseudonyme" never falls back to her name.
        let samira = CVHTML.rendre(try DemoCV.cv("A-0001", choix: ChoixCV(identite: .pseudonyme)), liensPaquet: false)
        #expect(!samira.contains("Samira") && !samira.contains("Haddad"))
    }

    @Test func choixRespectes() throws {
        let complet = CVHTML.rendre(try DemoCV.cv("A-0001", choix: ChoixCV(identite: .complete, contact: true)), liensPaquet: false)
        #expect(complet.contains("<h1>Samira Haddad</h1>"))
        #expect(complet.contains("E-mail : samira.haddad@exemple.fr"))
        #expect(!CVHTML.rendre(try DemoCV.cv("A-0001"), liensPaquet: false).contains("samira.haddad@exemple.fr"), "contact caché par défaut")

        let sansPix = CVHTML.rendre(try DemoCV.cv("A-0001", choix: ChoixCV(sections: [.identite, .competences, .parcours])), liensPaquet: false)
        #expect(!sansPix.contains("Mes résultats Pix") && !sansPix.contains("Mes badges"))
        #expect(!sansPix.contains("Code de vérification") && !sansPix.contains("A1B2-C3D4"))
        #expect(sansPix.contains("Ce que je sais faire") && sansPix.contains("Mes formations"))

        let sansIdentite = CVHTML.rendre(try DemoCV.cv("A-0001", choix: ChoixCV(sections: [.competences], contact: true)), liensPaquet: false)
        #expect(!sansIdentite.contains("Samira") && !sansIdentite.contains("samira.haddad"))

        let unBadge = CVHTML.rendre(try DemoCV.cv("A-0001", choix: ChoixCV(badges: ["pix-3-competences"])), liensPaquet: false)
        #expect(unBadge.contains("BBBB-CCCC") && !unBadge.contains("A1B2-C3D4"))
        let aucunBadge = CVHTML.rendre(try DemoCV.cv("A-0001", choix: ChoixCV(badges: [])), liensPaquet: false)
        #expect(!aucunBadge.contains("Mes badges"))
    }

    @Test func libelleFacileUtilise() throws {
        let c = try DemoCV.contexte()
        var catalogue = c.catalogue
        let dossier = try DemoCV.dossier("A-0001")
        let code = try #require(dossier.etats.first { $0.referentiel == .aptic && $0.statut != .nonAborde }?.code)
        for n in catalogue.apticBase.niveaux.indices {
            for s in catalogue.apticBase.niveaux[n].sousThemes.indices {
                for i in catalogue.apticBase.niveaux[n].sousThemes[s].items.indices
                where catalogue.apticBase.niveaux[n].sousThemes[s].items[i].code == code {
                    catalogue.apticBase.niveaux[n].sousThemes[s].items[i].libelleFacile = "Écrire une lettre avec Word ou LibreOffice Writer"
                }
            }
        }
        let cv = ConstructionCV.construire(dossier: dossier, badges: [], structure: "S", catalogue: catalogue, choix: .parDefaut, aujourdhui: DemoCV.jour)
        #expect(CVHTML.rendre(cv, liensPaquet: false).contains("Écrire une lettre avec Word ou LibreOffice Writer : <strong>"))
    }

    @Test func texteEchappe() throws {
        var cv = try DemoCV.cv("A-0001")
        cv.identite = .init(nom: "<Zoé & \"Léa's\">", email: nil, telephone: nil)
        cv.structure = "A&B <script>"
        let html = CVHTML.rendre(cv, liensPaquet: false)
        #expect(html.contains("<h1>&lt;Zoé &amp; &quot;Léa&#39;s&quot;&gt;</h1>"))
        #expect(!html.contains("<script"))
        #expect(DemoCV.erreurXML(html) == nil)
    }

    @Test func memesOctetsPourLaMemeEntree() throws {
        let autre = try DemoCV.nouvelle()
        for identifiant in ["A-0001", "A-0004", "A-0015"] {
            let a = try DemoCV.cv(identifiant, choix: ChoixCV(identite: .complete, contact: true))
            let b = try DemoCV.cv(identifiant, choix: ChoixCV(identite: .complete, contact: true), contexte: autre)
            #expect(a == b)
            #expect(CVHTML.rendre(a, liensPaquet: true) == CVHTML.rendre(b, liensPaquet: true))
            #expect(try CVJSONResume.rendre(a) == CVJSONResume.rendre(b))
        }
    }

    /// Writes the page of A-0001 (and its JSON Resume beside it) for a person to look at: LIVRET_CV_APERCU=/tmp/cv-A-0001.html swift test …
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LIVRET_CV_APERCU"] != nil))
    func apercu() throws {
        let chemin = try #require(ProcessInfo.processInfo.environment["LIVRET_CV_APERCU"])
        let cv = try DemoCV.cv("A-0001", choix: ChoixCV(identite: .complete))
        try Data(CVHTML.rendre(cv, liensPaquet: true).utf8).write(to: URL(fileURLWithPath: chemin))
        try CVJSONResume.rendre(cv).write(to: URL(fileURLWithPath: chemin).deletingPathExtension().appendingPathExtension("json"))
    }
}
