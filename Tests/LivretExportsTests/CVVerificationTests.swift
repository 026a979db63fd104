import Foundation
import LivretCore
import LivretExports
import LivretTestSupport
import Testing

/// The CV an employer holds: the structure's contact, a QR code and a short code per badge leading to
/// its verification page, nothing dead on paper, one A4 page when there is no badge to show.
@Suite("CV numérique — vérifiable par un employeur")
struct CVVerificationTests {
    static let adresses = ["https://grand-place.example.fr/v/A1B2-C3D4/", "https://grand-place.example.fr/v/BBBB-CCCC/"]

    @Test func unCodeQRParBadgeVersSaPage() throws {
        let cv = try DemoCV.cv("A-0001", site: DemoCV.site, contact: DemoCV.contact)
        #expect(cv.badges?.map(\.urlVerification) == Self.adresses)
        #expect(cv.urlSaisie == "https://grand-place.example.fr/v/")
        let html = CVHTML.rendre(cv, liensPaquet: false)
        #expect(html.components(separatedBy: "<div class=\"qr\"><svg").count - 1 == 2, "un code QR par badge valide")
        #expect(html.contains("Pour vérifier ce badge : scannez le code QR, ou allez sur <span class=\"url\">grand-place.example.fr/v/</span> "
                              + "et tapez le code <span class=\"code\">A1B2-C3D4</span>."))
        #expect(html.contains("<span class=\"ecran-seul\"><br /><a href=\"https://grand-place.example.fr/v/A1B2-C3D4/\">Vérifier ce badge en ligne</a>."))
        #expect(!html.contains("CCCC-2222"), "badge révoqué absent")
        #expect(html.contains("Pour joindre la structure : <span class=\"insecable\">12 place de la Mairie, 59000 Lille</span> · "
                              + "<span class=\"insecable\">Tél. 03 20 12 34 56</span> · <span class=\"insecable\">contact@grand-place.example.fr</span> · "
                              + "<span class=\"insecable\">grand-place.example.fr</span>."))
        #expect(DemoCV.erreurXML(html) == nil)
        // The only web addresses: the SVG namespace and the structure's own pages.
        let sansSVG = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        var reste = sansSVG
        for adresse in Self.adresses { reste = reste.replacingOccurrences(of: adresse, with: "") }
        #expect(!reste.contains("http"), "aucune autre adresse web")
        for interdit in ["<script", "<link", "@import", "url(", "<img", "<iframe"] { #expect(!html.contains(interdit)) }
        // The JSON Resume gives the same address.
        let json = String(decoding: try CVJSONResume.rendre(cv), as: UTF8.self)
        #expect(json.contains("Code du badge : A1B2-C3D4, à vérifier sur https://grand-place.example.fr/v/A1B2-C3D4/."))
    }

    @Test func sansSiteLeCodeEtLaStructure() throws {
        let html = CVHTML.rendre(try DemoCV.cv("A-0001", contact: ContactStructure(telephone: "03 20 12 34 56")), liensPaquet: false)
        #expect(!html.contains("<svg"), "pas de site : pas de code QR vers nulle part")
        #expect(html.contains("Code du badge : <span class=\"code\">A1B2-C3D4</span>, à vérifier auprès de"))
        #expect(html.contains("Pour joindre la structure : <span class=\"insecable\">Tél. 03 20 12 34 56</span>."))
        #expect(!html.contains("http"))
    }

    /// Chromium prints the CV, poppler draws each page, zbarimg reads every QR code back: each leads to its badge's page.
    @Test(.enabled(if: Impression.disponible && Impression.executable(["pdftoppm"]) != nil && OutilsQR.chercher("zbarimg") != nil,
                   "chromium, pdftoppm (poppler-utils) ou zbarimg (zbar-tools) absent : codes QR du CV imprimé non relus"))
    func codesQRDuCVImprimeRelus() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-cv-qr")
        defer { temporaire.supprimer() }
        let page = temporaire.url.appendingPathComponent("cv.html")
        try Data(CVHTML.rendre(try DemoCV.cv("A-0001", site: DemoCV.site, contact: DemoCV.contact), liensPaquet: false).utf8).write(to: page)
        let pdf = temporaire.url.appendingPathComponent("cv.pdf")
        let pages = try Impression.pages(page, pdf: pdf)
        #expect(pages <= 2, "\(pages) pages A4")
        let (statut, _) = try Impression.lancer(Impression.executable(["pdftoppm"])!,
                                                ["-r", "200", "-png", pdf.path, temporaire.url.appendingPathComponent("page").path])
        #expect(statut == 0)
        var lus: [String] = []
        for fichier in try FileManager.default.contentsOfDirectory(atPath: temporaire.url.path).sorted() where fichier.hasSuffix(".png") {
            lus += try OutilsQR.relire(temporaire.url.appendingPathComponent(fichier))
        }
        #expect(lus.sorted() == Self.adresses.sorted(), "zbarimg a lu \(lus)")
    }

    /// A learner with no badge to show: one A4 page, contact included (no page holding only a footer).
    @Test(.enabled(if: Impression.disponible, "chromium ou pdfinfo (poppler-utils) absent : impression du CV non vérifiée"))
    func unePageSansBadge() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-cv-une-page")
        defer { temporaire.supprimer() }
        for identifiant in ["A-0002", "A-0003", "A-0004", "A-0005"] {
            let page = temporaire.url.appendingPathComponent("\(identifiant).html")
            let cv = try DemoCV.cv(identifiant, choix: ChoixCV(badges: []), site: DemoCV.site, contact: DemoCV.contact)
            try Data(CVHTML.rendre(cv, liensPaquet: false).utf8).write(to: page)
            let pages = try Impression.pages(page, pdf: temporaire.url.appendingPathComponent("\(identifiant).pdf"))
            #expect(pages == 1, "\(identifiant) : \(pages) pages A4")
        }
    }

    @Test(.enabled(if: VerificateurA11y.present, "../shared/tools/a11y absent : vérification d'accessibilité non lancée"))
    func accessibiliteAvecCodesQR() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-cv-qr-a11y")
        defer { temporaire.supprimer() }
        let fichier = temporaire.url.appendingPathComponent("A-0001-site.html")
        try Data(CVHTML.rendre(try DemoCV.cv("A-0001", site: DemoCV.site, contact: DemoCV.contact), liensPaquet: true).utf8).write(to: fichier)
        let (statut, sortie) = try VerificateurA11y.verifier([fichier.path])
        #expect(statut == 0, "\(sortie)")
    }

    @Test func attestationUnePageDesBadgesChoisis() throws {
        let cv = try DemoCV.cv("A-0001", choix: ChoixCV(badges: ["pix-3-competences"]), site: DemoCV.site, contact: DemoCV.contact)
        let html = AttestationHTML.rendre(cv)
        #expect(html.contains("<h1>Attestation de compétences numériques</h1>"))
        #expect(html.contains("atteste que <strong>Samira</strong> a obtenu le badge suivant"))
        #expect(html.contains("BBBB-CCCC") && !html.contains("A1B2-C3D4"), "seulement le badge choisi")
        #expect(html.components(separatedBy: "<div class=\"qr\"><svg").count - 1 == 1)
        #expect(html.contains("Pour joindre la structure"))
        #expect(DemoCV.erreurXML(html) == nil)
        let anonyme = AttestationHTML.rendre(try DemoCV.cv("A-0001", choix: ChoixCV(identite: .aucune), site: DemoCV.site))
        #expect(anonyme.contains("atteste que la personne qui présente ce document a obtenu les 2 badges suivants"))
        #expect(!anonyme.contains("Samira"))
    }

    /// The attestation prints on one A4 page and its QR codes read back to the badges' pages.
    @Test(.enabled(if: Impression.disponible && Impression.executable(["pdftoppm"]) != nil && OutilsQR.chercher("zbarimg") != nil,
                   "chromium, pdftoppm (poppler-utils) ou zbarimg (zbar-tools) absent : attestation imprimée non relue"))
    func attestationImprimeeSurUnePage() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-attestation")
        defer { temporaire.supprimer() }
        let page = temporaire.url.appendingPathComponent("attestation.html")
        try Data(AttestationHTML.rendre(try DemoCV.cv("A-0001", site: DemoCV.site, contact: DemoCV.contact)).utf8).write(to: page)
        let pdf = temporaire.url.appendingPathComponent("attestation.pdf")
        #expect(try Impression.pages(page, pdf: pdf) == 1)
        let (statut, _) = try Impression.lancer(Impression.executable(["pdftoppm"])!,
                                                ["-r", "200", "-png", pdf.path, temporaire.url.appendingPathComponent("page").path])
        #expect(statut == 0)
        let lus = try OutilsQR.relire(temporaire.url.appendingPathComponent("page-1.png"))
        #expect(lus.sorted() == Self.adresses.sorted(), "zbarimg a lu \(lus)")
        if VerificateurA11y.present {
            let (a11y, sortie) = try VerificateurA11y.verifier([page.path])
            #expect(a11y == 0, "\(sortie)")
        }
    }
}
