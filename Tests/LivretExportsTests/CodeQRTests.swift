import Foundation
import LivretExports
import LivretTestSupport
import Testing

/// The addresses the decoding tests read back: the usual verification address, accents in a query,
/// and 200 characters.
private enum AdressesQR {
    static let courte = "https://exemple.fr/v/0D27AE02"
    static let accents = "https://exemple.fr/verifier?nom=Hélène%20Dupré&ville=Saint-Étienne&code=0D27AE02"
    static let longue: String = {
        let debut = "https://verification.exemple-structure.fr/attestations/2026/0D27AE02?"
        var texte = debut
        var numero = 0
        while texte.count < 200 {
            texte += "p\(numero)=v\(numero)&"
            numero += 1
        }
        return String(texte.prefix(200))
    }()
    static let toutes = [courte, accents, longue]
}

@Suite("Codes QR (libqrencode)")
struct CodeQRTests {
    @Test func tailleDUneVersionValide() throws {
        for adresse in AdressesQR.toutes {
            let (taille, modules) = try CodeQR.matrice(adresse)
            #expect(taille >= 21 && taille <= 177 && (taille - 21) % 4 == 0, "\(taille) modules de côté")
            #expect(modules.count == taille * taille)
        }
        #expect(AdressesQR.longue.count == 200)
        // Byte mode, level M: 29 bytes need version 3 (26 < 29 ≤ 42), 200 bytes version 10 (180 < 200 ≤ 213).
        #expect(try CodeQR.matrice(AdressesQR.courte).taille == 29)
        #expect(try CodeQR.matrice(AdressesQR.longue).taille == 57)
        // Level H holds less: the same address needs a larger symbol.
        #expect(try CodeQR.matrice(AdressesQR.courte, correction: .haute).taille > 29)
    }

    @Test func motifsDeReperageAuxTroisCoins() throws {
        let (taille, modules) = try CodeQR.matrice(AdressesQR.courte)
        func sombre(_ ligne: Int, _ colonne: Int) -> Bool { modules[ligne * taille + colonne] }
        for (l, c) in [(0, 0), (0, taille - 7), (taille - 7, 0)] {
            // The outer ring of each finder pattern is dark, the ring inside it light, the centre dark.
            #expect(sombre(l, c) && sombre(l + 6, c + 6) && sombre(l, c + 6) && sombre(l + 6, c))
            #expect(!sombre(l + 1, c + 1) && !sombre(l + 5, c + 5))
            #expect(sombre(l + 3, c + 3))
        }
    }

    @Test func memesOctetsPourLeMemeTexte() throws {
        for adresse in AdressesQR.toutes {
            let a = try CodeQR.svg(adresse, taillePixels: 160, titre: "Vérifier")
            let b = try CodeQR.svg(adresse, taillePixels: 160, titre: "Vérifier")
            #expect(a == b)
            #expect(try CodeQR.matrice(adresse).modules == CodeQR.matrice(adresse).modules)
        }
        #expect(try CodeQR.svg(AdressesQR.courte, taillePixels: 160, titre: "x")
            != CodeQR.svg(AdressesQR.accents, taillePixels: 160, titre: "x"))
    }

    @Test func svgAutonomeEtAccessible() throws {
        let svg = try CodeQR.svg(AdressesQR.courte, taillePixels: 120, titre: "Adresse de vérification : <Samira & co>")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"120\" height=\"120\""))
        #expect(svg.hasSuffix("</svg>"))
        // 29 modules and a quiet zone of 4 on each side.
        #expect(svg.contains("viewBox=\"0 0 37 37\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<title>Adresse de vérification : &lt;Samira &amp; co&gt;</title>"))
        #expect(svg.components(separatedBy: "<path").count == 2, "un seul chemin")
        #expect(svg.contains("fill=\"#fff\"") && svg.contains("fill=\"#000\""))
        // Nothing is drawn inside the quiet zone: the first module starts at (4, 4).
        #expect(svg.contains("d=\"M4 4h7v1h-7z"))
        #expect(DemoCV.erreurXML(svg) == nil)
        for interdit in ["<script", "<image", "href", "url(", "<style"] {
            #expect(!svg.contains(interdit), "« \(interdit) »")
        }
    }

    @Test func erreursEnFrancais() {
        #expect(throws: ErreurQR(.texteVide, "Le code QR n'a rien à contenir : le texte est vide.")) {
            try CodeQR.matrice("")
        }
        #expect(throws: ErreurQR.self) { try CodeQR.matrice("a\u{0}b") }
        do {
            _ = try CodeQR.matrice(String(repeating: "x", count: 3000))
            Issue.record("3 000 octets ne tiennent pas dans un code QR de niveau M")
        } catch {
            #expect(error.genre == .tropLong)
            #expect(error.message.contains("trop long"))
        }
        do {
            _ = try CodeQR.svg(AdressesQR.courte, taillePixels: 0, titre: "x")
            Issue.record("une taille nulle doit être refusée")
        } catch {
            #expect(error.genre == .tailleInvalide)
        }
    }
}

/// Reads the QR codes back with zbarimg (zbar-tools), from PNG files drawn by rsvg-convert (librsvg2-bin)
/// and by headless Chromium from an HTML page, as the printed CV is.
@Suite("Codes QR relus par zbarimg",
       .enabled(if: OutilsQR.chercher("zbarimg") != nil,
                "zbarimg n'est pas dans le PATH (paquet zbar-tools, scripts/installer-dependances) : relecture sautée"))
struct CodeQRRelectureTests {
    @Test(.enabled(if: OutilsQR.chercher("rsvg-convert") != nil,
                   "rsvg-convert n'est pas dans le PATH (paquet librsvg2-bin) : relecture du SVG seul sautée"))
    func chaqueAdresseRelueDepuisLeSVG() throws {
        try DossierTemporaire.avec(prefixe: "livret-qr") { dossier in
            for (rang, adresse) in AdressesQR.toutes.enumerated() {
                let taille = try CodeQR.matrice(adresse).taille
                let svg = dossier.appendingPathComponent("code-\(rang).svg")
                let png = dossier.appendingPathComponent("code-\(rang).png")
                try CodeQR.svg(adresse, taillePixels: (taille + 8) * 4, titre: "Code QR")
                    .write(to: svg, atomically: true, encoding: .utf8)
                let conversion = try OutilsQR.lancer("rsvg-convert", ["-o", png.path, svg.path])
                #expect(conversion.statut == 0, "\(conversion.sortie)")
                let relu = try OutilsQR.relire(png)
                #expect(relu == [adresse], "zbarimg a lu \(relu)")
            }
        }
    }

    @Test(.enabled(if: OutilsQR.chromium != nil, "chromium n'est pas dans le PATH : relecture de la page HTML sautée"))
    func toutesLesAdressesReluesDepuisUnePageImprimeeParChromium() throws {
        try DossierTemporaire.avec(prefixe: "livret-qr") { dossier in
            var corps = ""
            for adresse in AdressesQR.toutes {
                corps += "<p>" + (try CodeQR.svg(adresse, taillePixels: 240, titre: "Adresse de vérification")) + "</p>\n"
            }
            let page = dossier.appendingPathComponent("page.html")
            let png = dossier.appendingPathComponent("page.png")
            try """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Codes QR</title>
            <style>body { margin: 16px; background: #fff; } p { margin: 0 0 16px; }</style></head>
            <body>
            \(corps)</body></html>
            """.write(to: page, atomically: true, encoding: .utf8)
            let rendu = try OutilsQR.lancer(OutilsQR.chromium!, [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=" + dossier.appendingPathComponent("profil").path,
                "--screenshot=" + png.path, "--window-size=400,900", page.absoluteString,
            ])
            #expect(rendu.statut == 0, "\(rendu.sortie)")
            let relu = try OutilsQR.relire(png)
            #expect(relu.sorted() == AdressesQR.toutes.sorted(), "zbarimg a lu \(relu)")
        }
    }
}

enum OutilsQR {
    static func chercher(_ nom: String) -> URL? {
        let chemins = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return chemins.map { URL(fileURLWithPath: String($0)).appendingPathComponent(nom) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static var chromium: String? {
        ["chromium", "chromium-browser", "google-chrome"].first { chercher($0) != nil }
    }

    struct Absent: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `nom` (found in the PATH) with `arguments`; standard output and error together.
    static func lancer(_ nom: String, _ arguments: [String]) throws -> (statut: Int32, sortie: String) {
        guard let executable = chercher(nom) else { throw Absent(description: "\(nom) introuvable") }
        let processus = Process()
        processus.executableURL = executable
        processus.arguments = arguments
        let tube = Pipe()
        processus.standardOutput = tube
        processus.standardError = tube
        try processus.run()
        let donnees = tube.fileHandleForReading.readDataToEndOfFile()
        processus.waitUntilExit()
        return (processus.terminationStatus, String(decoding: donnees, as: UTF8.self))
    }

    /// Every QR code zbarimg finds in `image`, one text each (as UTF-8 bytes, no charset guessing).
    static func relire(_ image: URL) throws -> [String] {
        guard let executable = chercher("zbarimg") else { throw Absent(description: "zbarimg introuvable") }
        let processus = Process()
        processus.executableURL = executable
        processus.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", image.path]
        let sortie = Pipe()
        processus.standardOutput = sortie
        processus.standardError = FileHandle.nullDevice
        try processus.run()
        let donnees = sortie.fileHandleForReading.readDataToEndOfFile()
        processus.waitUntilExit()
        return String(decoding: donnees, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
