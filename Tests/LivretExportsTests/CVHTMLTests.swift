import Foundation
import LivretCore
import LivretDemo
import LivretExports
import LivretTestSupport
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
        #expect(html.contains("<h3>Utiliser e-mail, fichiers, traitement de texte et tableur <span class=\"ref\">APTIC 2.1</span></h3>"),
                "groupé par sous-thème APTIC, dit avec des mots d'employeur, le code en petit")
        #expect(html.contains("Chercher et trier l&#39;information en ligne <span class=\"ref\">Pix 1.1</span>"), "compétence Pix en mots simples")
        #expect(!html.contains("Mener une recherche et une veille"), "le titre officiel Pix n'est pas imprimé")
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
        #expect(html.contains("Le badge se vérifie aussi avec le fichier badges/parcours-femmes-et-numerique.jwt du paquet."))
        #expect(html.contains("À vérifier sur le site de Pix : <span class=\"url\">app.pix.fr/verification-certificat</span>, avec ce code."))
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

@Suite("CV numérique — sur papier")
struct CVImpressionTests {
    @Test func pseudonymeParDefaut() throws {
        // A learner known by a pseudonym who also gave a first name: the default CV shows the pseudonym.
        var dossier = try DemoCV.dossier("A-0004")
        dossier.apprenant.prenom = "Léa"
        dossier.apprenant.nom = "Martin"
        let c = try DemoCV.contexte()
        func page(_ choix: ChoixCV) -> String {
            CVHTML.rendre(ConstructionCV.construire(dossier: dossier, badges: [], structure: "S", catalogue: c.catalogue, choix: choix,
                                                    aujourdhui: DemoCV.jour), liensPaquet: false)
        }
        let defaut = page(.parDefaut)
        #expect(defaut.contains("<h1>Hirondelle</h1>"))
        #expect(!defaut.contains("Léa") && !defaut.contains("Martin"), "pseudonyme par défaut")
        #expect(page(ChoixCV(identite: .prenom)).contains("<h1>Hirondelle</h1>"))
        #expect(page(ChoixCV(identite: .complete)).contains("<h1>Léa Martin</h1>"), "le nom seulement si la personne le choisit")
        // Without a pseudonym, the first name.
        #expect(CVHTML.rendre(try DemoCV.cv("A-0001"), liensPaquet: false).contains("<h1>Samira</h1>"))
    }

    @Test func fichiersDuPaquetCachesSurPapier() throws {
        let html = CVHTML.rendre(try DemoCV.cv("A-0001"), liensPaquet: true)
        #expect(html.contains("Code du badge : <span class=\"code\">A1B2-C3D4</span>, à vérifier auprès de « \(Demo.structure.echappePourTest) »."))
        #expect(html.contains("<span class=\"ecran-seul\"><br />Le badge se vérifie aussi avec le fichier <a href=\"badges/parcours-femmes-et-numerique.jwt\">"))
        #expect(html.contains(".ecran-seul { display: none; }"))
        #expect(!html.contains("page-break-before: always") && !html.contains("break-before: page"))
    }

    /// Prints A-0001's CV with headless Chromium and counts the A4 pages.
    @Test(.enabled(if: Impression.disponible, "chromium ou pdfinfo (poppler-utils) absent : impression du CV non vérifiée"))
    func deuxPagesA4AuPlus() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-cv-pdf")
        defer { temporaire.supprimer() }
        for (nom, liens) in [("cv.html", false), ("cv-paquet.html", true)] {
            let page = temporaire.url.appendingPathComponent(nom)
            try Data(CVHTML.rendre(try DemoCV.cv("A-0001"), liensPaquet: liens).utf8).write(to: page)
            let pdf = temporaire.url.appendingPathComponent(nom + ".pdf")
            let pages = try Impression.pages(page, pdf: pdf)
            #expect(pages >= 1 && pages <= 2, "\(nom) : \(pages) pages A4")
        }
    }

    @Test(.enabled(if: VerificateurA11y.present, "../shared/tools/a11y absent : vérification d'accessibilité non lancée"))
    func accessibiliteSelonAxe() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-cv-a11y")
        defer { temporaire.supprimer() }
        var chemins: [String] = []
        for (nom, identifiant, liens) in [("A-0001.html", "A-0001", false), ("A-0001-paquet.html", "A-0001", true), ("A-0004.html", "A-0004", false)] {
            let fichier = temporaire.url.appendingPathComponent(nom)
            try Data(CVHTML.rendre(try DemoCV.cv(identifiant), liensPaquet: liens).utf8).write(to: fichier)
            chemins.append(fichier.path)
        }
        let (statut, sortie) = try VerificateurA11y.verifier(chemins)
        #expect(statut == 0, "\(sortie)")
    }
}

/// Headless Chromium printing to PDF, and poppler's pdfinfo to count pages.
enum Impression {
    static func executable(_ noms: [String]) -> String? {
        let dossiers = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/bin"]
        for nom in noms {
            for dossier in dossiers where FileManager.default.isExecutableFile(atPath: "\(dossier)/\(nom)") { return "\(dossier)/\(nom)" }
        }
        return nil
    }

    static let chromium = executable(["chromium", "chromium-browser", "google-chrome"])
    static let pdfinfo = executable(["pdfinfo"])
    static var disponible: Bool { chromium != nil && pdfinfo != nil }

    static func lancer(_ chemin: String, _ arguments: [String]) throws -> (Int32, String) {
        let processus = Process()
        processus.executableURL = URL(fileURLWithPath: chemin)
        processus.arguments = arguments
        let sortie = Pipe()
        processus.standardOutput = sortie
        processus.standardError = FileHandle.nullDevice
        try processus.run()
        let texte = String(decoding: sortie.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        processus.waitUntilExit()
        return (processus.terminationStatus, texte)
    }

    /// The number of pages of `page` printed by Chromium (A4 from the page's own `@page`, no browser header or footer).
    static func pages(_ page: URL, pdf: URL) throws -> Int {
        let profil = pdf.deletingLastPathComponent().appendingPathComponent("profil-chromium").path
        let (statut, _) = try lancer(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                 "--user-data-dir=\(profil)", "--print-to-pdf=\(pdf.path)", page.absoluteString])
        guard statut == 0, FileManager.default.fileExists(atPath: pdf.path) else { throw ErreurImpression("chromium n'a pas imprimé \(page.path)") }
        let (_, info) = try lancer(pdfinfo!, [pdf.path])
        guard let ligne = info.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let n = Int(ligne.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) else { throw ErreurImpression("pdfinfo : \(info)") }
        let taille = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        guard taille.contains("(A4)") else { throw ErreurImpression("pas en A4 : \(taille)") }
        return n
    }
}

struct ErreurImpression: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

extension String {
    /// HTML escaping as the page does it, for the expectations.
    var echappePourTest: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
