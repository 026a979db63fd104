import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LivretTestSupport
import Testing

/// `livret espace ouvrir --reseau-local`: the warning, and the QR code a phone scans — drawn by the
/// page, read back by zbarimg, it leads (on the machine's own network address, with the real port)
/// to the learner's CV, without any session.
@Suite(.serialized) struct EspaceTelephoneTests {
    static let maintenant: Int64 = 1_800_000_000

    /// GET (or POST a form) with a cookie header; returns the status, the headers' Set-Cookie and the body.
    static func requete(_ url: String, cookie: String? = nil, formulaire: String? = nil) throws -> (Int, [String], String) {
        var r = URLRequest(url: URL(string: url)!)
        if let cookie { r.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let formulaire {
            r.httpMethod = "POST"
            r.httpBody = Data(formulaire.utf8)
            r.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        r.httpShouldHandleCookies = false
        final class Boite: @unchecked Sendable { var resultat: (Int, [String], String)?; var erreur: (any Error)? }
        final class SansRedirection: NSObject, URLSessionTaskDelegate {
            func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) { completionHandler(nil) }
        }
        let boite = Boite(), fini = DispatchSemaphore(value: 0)
        let session = URLSession(configuration: .ephemeral, delegate: SansRedirection(), delegateQueue: nil)
        session.dataTask(with: r) { donnees, reponse, erreur in
            if let h = reponse as? HTTPURLResponse {
                let cookies = (h.value(forHTTPHeaderField: "Set-Cookie") ?? "").components(separatedBy: ", livret").enumerated()
                    .map { $0.offset == 0 ? $0.element : "livret" + $0.element }
                boite.resultat = (h.statusCode, cookies, String(decoding: donnees ?? Data(), as: UTF8.self))
            }
            boite.erreur = erreur
            fini.signal()
        }.resume()
        fini.wait()
        if let e = boite.erreur { throw e }
        return try #require(boite.resultat)
    }

    @Test(.enabled(if: OutilsTelephone.zbarimg != nil && OutilsTelephone.rsvg != nil, "zbarimg (zbar-tools) ou rsvg-convert (librsvg2-bin) absent"))
    func unTelephoneRecupereLeCVParLeCodeQR() throws {
        try Atelier.avecDemo { atelier in
            let variables = atelier.variables.merging(["LIVRET_MAINTENANT": "\(Self.maintenant)"]) { $1 }
            let r = try ExecutableLivret.lancer(["espace", "code", "A-0001"], dans: atelier.dossier, variables: variables)
            let code = try #require(r.sortie.firstMatch(of: /(\d{3}) (\d{3})/)).output
            let serveur = try ServeurEspaceLance(atelier, arguments: ["--port", "0", "--reseau-local"], variables: variables)
            defer { serveur.arreter() }   // alive until the end of the test
            let texte = serveur.texte
            #expect(texte.contains("Attention : l'espace est ouvert à tous les appareils du réseau local"), "\(texte)")
            #expect(texte.contains("jamais sur un réseau public"))
            let local = try #require(texte.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)/), "\(texte)")
            guard let telephones = texte.firstMatch(of: /téléphones : (http:\/\/[0-9.]+:\d+)/).map({ String($0.1) }) else {
                // A machine with no network interface but loopback: no address to give phones.
                #expect(try Self.requete("\(local.0)/").2.contains("Entrer dans mon espace"))
                return
            }
            #expect(telephones.hasSuffix(":" + local.1), "les téléphones ont le vrai port (\(telephones))")

            // Sign in on the structure's computer, open the phone page.
            let (_, cookiesEntree, entree) = try Self.requete("\(local.0)/")
            let formulaire = try #require(entree.firstMatch(of: /name="formulaire" value="([^"]+)"/)).1
            let cookieFormulaire = try #require(cookiesEntree.first).prefix { $0 != ";" }
            let (statut, cookies, _) = try Self.requete("\(local.0)/connexion", cookie: String(cookieFormulaire),
                                                        formulaire: "formulaire=\(formulaire)&code=\(code.1)\(code.2)")
            #expect(statut == 303)
            let session = try #require(cookies.first { $0.hasPrefix("livret_espace=") }).prefix { $0 != ";" }
            let page = try Self.requete("\(local.0)/telephone", cookie: String(session)).2
            let svg = try #require(page.firstMatch(of: /<svg xmlns[^>]*role="img"[\s\S]*?<\/svg>/)).0

            // The phone's camera: the QR code drawn, then read back.
            let image = atelier.dossier.appendingPathComponent("qr.svg"), png = atelier.dossier.appendingPathComponent("qr.png")
            try Data(svg.utf8).write(to: image)
            #expect(try BadgeCLITests.outil(OutilsTelephone.rsvg!, ["-w", "400", "-o", png.path, image.path]).statut == 0)
            let lu = try BadgeCLITests.outil(OutilsTelephone.zbarimg!, ["--raw", "-q", png.path])
            // (zbarimg may also say, on the same stream, that it found no D-Bus: only its decoded line counts)
            let lien = lu.texte.split(separator: "\n").map(String.init).first { $0.hasPrefix("http") } ?? lu.texte
            #expect(lien.hasPrefix(telephones + "/recuperer/"), "le code QR mène à l'adresse des téléphones : \(lien)")

            // The phone (on the network address, no session): the link alone gives her CV, and only hers.
            let cv = try Self.requete(lien + "/cv.html")
            #expect(cv.0 == 200 && cv.2.contains("Samira") && !cv.2.contains("Fatou"))
        }
    }
}

enum OutilsTelephone {
    static func chercher(_ nom: String) -> String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + nom }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static let zbarimg = chercher("zbarimg")
    static let rsvg = chercher("rsvg-convert")
}
