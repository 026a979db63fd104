import Foundation
import LivretBadges
import LivretTestSupport
import Testing

/// « livret badge publier » writes the verification site; each badge's page, served on
/// 127.0.0.1 and opened in headless Chromium, checks the badge in the browser: genuine →
/// authentique, revoked → revoque, a page whose credential was altered or signed by another key
/// → non-authentique.
@Suite("Site de vérification : chaque page vérifie son badge dans le navigateur")
struct SiteVerificationCLITests {
    /// The package root: this file is `<racine>/Tests/LivretCLITests/SiteVerificationCLITests.swift`.
    static let racine = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shared accessibility checker, next to the package (absent on most machines).
    static let a11y = racine.deletingLastPathComponent().appendingPathComponent("shared/tools/a11y/check.sh")

    static func chercher(_ nom: String) -> URL? {
        let chemins = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return chemins.map { URL(fileURLWithPath: String($0)).appendingPathComponent(nom) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { chercher($0) }.first
    static let python = chercher("python3")
    static let timeout = chercher("timeout")
    static let outilsPresents = chromium != nil && python != nil && timeout != nil

    /// An atelier on the demo base with a signing key (`cle`: the arguments after « badge cle creer »),
    /// A-0001's badges issued and one of them revoked; returns the revoked badge's id.
    func atelier(cle: [String], _ travail: (Atelier, _ revoque: String, _ valides: [String]) throws -> Void) throws {
        try Atelier.avec { vide in
            var atelier = vide
            atelier.date = BadgeCLITests.jour
            atelier.formateur = BadgeCLITests.formatrice
            try atelier.reussir(["demo"])
            try atelier.reussir(["badge", "cle", "creer"] + cle)
            try atelier.reussir(["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            let ids = try atelier.reussir(["badge", "lister", "A-0001", "--json"])
            let badges = try #require(try JSONSerialization.jsonObject(with: ids.sortieOctets) as? [[String: Any]])
            let tous = badges.compactMap { $0["id"] as? String }.sorted()
            try #require(tous.count >= 2, "la démo donne au moins deux badges à A-0001")
            try atelier.reussir(["badge", "revoquer", tous[0], "--motif", "Délivré par erreur"])
            try travail(atelier, tous[0], Array(tous.dropFirst()))
        }
    }

    /// The token embedded in a published page.
    static func jeton(_ page: URL) throws -> String {
        let html = try String(contentsOf: page, encoding: .utf8)
        let debut = try #require(html.range(of: "<script type=\"application/jwt\" class=\"jeton\" id=\"credential\">"))
        let fin = try #require(html.range(of: "</script>", range: debut.upperBound..<html.endIndex))
        return String(html[debut.upperBound..<fin.lowerBound])
    }

    /// `jeton` whose payload went through `modifier` (as JSON text), header and signature kept.
    static func altere(_ jeton: String, _ modifier: (String) -> String) throws -> String {
        let parties = jeton.split(separator: ".").map(String.init)
        let charge = String(decoding: try #require(Base64URL.decoder(parties[1])), as: UTF8.self)
        let nouvelle = modifier(charge)
        #expect(nouvelle != charge)
        return parties[0] + "." + Base64URL.encoder(Data(nouvelle.utf8)) + "." + parties[2]
    }

    /// The same payload as `jeton`, its issuer renamed to `autre`'s, signed by `autre`: a
    /// self-consistent credential by a key the structure never published, under the same name.
    static func resigne(_ jeton: String, par autre: CleEmetteur) throws -> String {
        let parties = jeton.split(separator: ".").map(String.init)
        let charge = String(decoding: try #require(Base64URL.decoder(parties[1])), as: UTF8.self)
        let objet = try #require(try JSONSerialization.jsonObject(with: Data(charge.utf8)) as? [String: Any])
        let ancien = try #require(objet["iss"] as? String)
        let nouvelle = charge.replacingOccurrences(of: "\"\(ancien)\"", with: "\"\(autre.emetteur)\"")
        return try JWT.signer(payload: Data(nouvelle.utf8), cle: autre)
    }

    /// A static server on 127.0.0.1 (python3 -m http.server, port chosen by the system), stopped after `travail`.
    static func servir<T>(_ dossier: URL, _ travail: (_ adresse: String) throws -> T) throws -> T {
        try DossierTemporaire.avec { journal in
            // Its output goes to a file, read until the first line is there: no pipe to block on.
            let fichier = journal.appendingPathComponent("serveur.log")
            FileManager.default.createFile(atPath: fichier.path, contents: nil)
            let sortie = try FileHandle(forWritingTo: fichier)
            defer { try? sortie.close() }
            let processus = Process()
            processus.executableURL = python
            processus.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dossier.path]
            processus.standardOutput = sortie
            processus.standardError = sortie
            processus.standardInput = FileHandle.nullDevice
            try processus.run()
            defer {
                // SIGKILL: the child may inherit a signal mask that blocks SIGTERM.
                kill(processus.processIdentifier, SIGKILL)
                processus.waitUntilExit()
            }
            // « Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ... »
            var lu = ""
            let limite = Date().addingTimeInterval(20)
            while !lu.contains("\n"), Date() < limite, processus.isRunning {
                Thread.sleep(forTimeInterval: 0.1)
                lu = (try? String(contentsOf: fichier, encoding: .utf8)) ?? ""
            }
            let mots = lu.split(whereSeparator: \.isWhitespace)
            let port = try #require(mots.firstIndex(of: "port").flatMap { mots.index(after: $0) < mots.endIndex ? Int(mots[mots.index(after: $0)]) : nil },
                                    "première ligne du serveur : \(lu)")
            return try travail("http://127.0.0.1:\(port)")
        }
    }

    /// The page at `url` as headless Chromium leaves it after its scripts ran.
    static func rendu(_ url: String, profil: URL) throws -> String {
        // Under `timeout -s KILL`: a browser that hangs fails the test instead of blocking it.
        let resultat = try BadgeCLITests.outil(try #require(timeout).path, [
            "-s", "KILL", "120", try #require(chromium).path, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profil.path)",
            "--virtual-time-budget=10000", "--dump-dom", url,
        ])
        return resultat.texte
    }

    /// The verdict marker and text of a rendered page.
    static func verdict(_ dom: String) -> (marque: String, texte: String)? {
        guard let debut = dom.range(of: "<p id=\"verdict\"") else { return nil }
        let fin = dom.range(of: "</p>", range: debut.upperBound..<dom.endIndex)?.lowerBound ?? dom.endIndex
        let balise = dom[debut.lowerBound..<fin]
        guard let m = balise.range(of: "data-verdict=\"") else { return nil }
        let marque = balise[m.upperBound...].prefix { $0 != "\"" }
        let texte = balise.split(separator: ">", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        return (String(marque), texte)
    }

    /// Publishes the site, adds hostile pages to a served copy (a credential altered, one signed by
    /// another key, one expired, two under one code) and checks every verdict in Chromium, then
    /// alters the site's lists and removes its keys: never « authentique » then.
    /// `audit`: also run the shared accessibility checker (in one test only: its first run sets up
    /// its own environment, which two tests at once would race to create).
    func verifierSite(_ atelier: Atelier, revoque: String, valides: [String], autre: CleEmetteur, audit: Bool = false) throws {
        let site = atelier.dossier.appendingPathComponent("site")
        let publication = try atelier.reussir(["badge", "publier", site.path])
        #expect(publication.sortie.contains("pages de badge"), "\(publication)")
        let codeRevoque = CodeBadge.court(revoque)
        let codesValides = valides.map(CodeBadge.court)
        for code in [codeRevoque] + codesValides {
            let page = site.appendingPathComponent("v/\(code)/index.html")
            #expect(FileManager.default.fileExists(atPath: page.path), "page \(code)")
            let html = try String(contentsOf: page, encoding: .utf8)
            // Nothing of the learner but the credential's own content (the hash stays inside the token).
            for nom in ["Samira", "Haddad", "A-0001", "identityHash"] { #expect(!html.contains(nom), "\(code) : \(nom)") }
        }
        // The hostile pages, in the served copy only.
        let servi = atelier.dossier.appendingPathComponent("servi")
        try FileManager.default.copyItem(at: site, to: servi)
        let authentique = try Self.jeton(site.appendingPathComponent("v/\(codesValides[0])/index.html"))
        let modifie = try Self.altere(authentique) { $0.replacingOccurrences(of: "\"name\":\"", with: "\"name\":\"Expert en cybersécurité — ") }
        let etranger = try Self.resigne(authentique, par: autre)
        // Signed by the structure itself, but expired on 1 January 2025.
        let fichiersCles = try FileManager.default.contentsOfDirectory(at: atelier.dossier.appendingPathComponent("cles"), includingPropertiesForKeys: nil)
        let pem = try #require(fichiersCles.first { $0.pathExtension == "pem" })
        let entete = String(decoding: try #require(Base64URL.decoder(String(authentique.split(separator: ".")[0]))), as: UTF8.self)
        let objetEntete = try JSONSerialization.jsonObject(with: Data(entete.utf8)) as? [String: Any]
        let kid = try #require(objetEntete?["kid"] as? String)
        let octetsCharge = try #require(Base64URL.decoder(String(authentique.split(separator: ".")[1])))
        var charge = try #require(try JSONSerialization.jsonObject(with: octetsCharge) as? [String: Any])
        charge["validUntil"] = "2025-01-01T00:00:00Z"
        charge["exp"] = 1_735_689_600
        let expire = try JWT.signer(payload: try JSONSerialization.data(withJSONObject: charge, options: [.sortedKeys, .withoutEscapingSlashes]),
                                    cle: try CleEmetteur.lire(pem, kid: kid))
        // Two credentials under one code (the genuine one and the altered one): each is checked.
        for (code, jetons) in [("FA15-0001", [modifie]), ("FA15-0002", [etranger]), ("FA15-0003", [expire]), ("FA15-0004", [authentique, modifie])] {
            let dossier = servi.appendingPathComponent("v/\(code)")
            try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
            try Data(PageVerification.page(code: code, jetons: jetons).utf8).write(to: dossier.appendingPathComponent("index.html"))
        }
        let attendus = [(codesValides[0], "authentique"), (codeRevoque, "revoque"), ("FA15-0001", "non-authentique"), ("FA15-0002", "non-authentique"),
                        ("FA15-0003", "expire"), ("FA15-0004", "plusieurs")]
        try DossierTemporaire.avec { profil in
            try Self.servir(servi) { adresse in
                for (code, attendu) in attendus {
                    let dom = try Self.rendu("\(adresse)/v/\(code)/", profil: profil)
                    let lu = Self.verdict(dom)
                    #expect(lu?.marque == attendu, "\(code) : \(lu.map { "\($0.marque) — \($0.texte)" } ?? String(dom.prefix(2000)))")
                    if attendu == "authentique" {
                        #expect(lu?.texte.hasPrefix("Badge authentique, délivré par ") == true, "\(lu?.texte ?? "")")
                        #expect(lu?.texte.contains("le 2 mai 2024, non révoqué.") == true, "\(lu?.texte ?? "")")
                    }
                    if attendu == "plusieurs" {
                        #expect(dom.contains("data-verdict=\"authentique\">Badge authentique") && dom.contains("data-verdict=\"non-authentique\">Ce badge n'est pas"),
                                "\(lu?.texte ?? "")")
                    }
                    if attendu == "expire" { #expect(lu?.texte.hasPrefix("Ce badge a expiré le 1er janvier 2025") == true, "\(lu?.texte ?? "")") }
                    if attendu == "revoque" { #expect(lu?.texte.hasPrefix("Ce badge a été révoqué le 2 mai 2024") == true, "\(lu?.texte ?? "")") }
                    if attendu == "non-authentique" { #expect(lu?.texte.hasPrefix("Ce badge n'est pas authentique : ") == true, "\(lu?.texte ?? "")") }
                }
                // A code typed by hand, lowercase with a space, reaches its page.
                let saisie = try Self.rendu("\(adresse)/v/?code=\(codesValides[0].lowercased().replacingOccurrences(of: "-", with: "%20"))", profil: profil)
                #expect(Self.verdict(saisie)?.marque == "authentique", "\(String(saisie.prefix(1500)))")
                if !audit {
                    // Audited in the did:web test.
                } else if FileManager.default.isExecutableFile(atPath: Self.a11y.path) {
                    let pages = [codesValides[0], codeRevoque, "FA15-0001", "FA15-0004"].map { "\(adresse)/v/\($0)/" } + ["\(adresse)/v/"]
                    let controle = try BadgeCLITests.outil("/bin/bash", [Self.a11y.path] + pages, environnement: ProcessInfo.processInfo.environment)
                    #expect(controle.statut == 0, "a11y/check.sh :\n\(controle.texte)")
                } else {
                    print("../shared/tools/a11y/check.sh absent : audit d'accessibilité des pages sauté")
                }
                // Lists altered on the site (their signature kept): a revoked badge is never shown as valid.
                for liste in ["badges/revocations.jwt", "badges/statuts.jwt"] {
                    let fichier = servi.appendingPathComponent(liste)
                    guard let jwt = try? String(contentsOf: fichier, encoding: .utf8) else { continue }
                    let modifiee = try Self.altere(jwt.trimmingCharacters(in: .whitespacesAndNewlines)) { $0.replacingOccurrences(of: "2024-", with: "2023-") }
                    try Data((modifiee + "\n").utf8).write(to: fichier)
                }
                let listesAlterees = Self.verdict(try Self.rendu("\(adresse)/v/\(codeRevoque)/", profil: profil))
                #expect(listesAlterees?.marque == "indetermine", "\(listesAlterees.map { "\($0.marque) — \($0.texte)" } ?? "")")
                // Without the structure's published keys, nothing can be authentic: undetermined.
                try FileManager.default.removeItem(at: servi.appendingPathComponent("badges/emetteur.json"))
                let sansCles = Self.verdict(try Self.rendu("\(adresse)/v/\(codesValides[0])/", profil: profil))
                #expect(sansCles?.marque == "indetermine", "\(sansCles.map { "\($0.marque) — \($0.texte)" } ?? "")")
                #expect(sansCles?.texte.hasPrefix("Vérification impossible : ") == true, "\(sansCles?.texte ?? "")")
            }
        }
    }

    @Test("did:web : authentique, révoqué, modifié, signé par une autre clé",
          .enabled(if: SiteVerificationCLITests.outilsPresents, "chromium ou python3 absent du PATH (scripts/installer-dependances) : vérification dans le navigateur sautée"))
    func didWeb() throws {
        try atelier(cle: ["--domaine", "exemple.fr"]) { atelier, revoque, valides in
            try verifierSite(atelier, revoque: revoque, valides: valides, autre: CleEmetteur.generer(didWeb: "did:web:exemple.fr"), audit: true)
            let site = atelier.dossier.appendingPathComponent("site")
            for chemin in [".well-known/did.json", "badges/emetteur.json", "badges/revocations.jwt", "badges/statuts.jwt", "v/index.html"] {
                #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(chemin).path), "\(chemin)")
            }
        }
    }

    @Test("did:jwk : authentique, révoqué, modifié, signé par une autre clé ; les pages d'une personne effacée sont retirées",
          .enabled(if: SiteVerificationCLITests.outilsPresents, "chromium ou python3 absent du PATH (scripts/installer-dependances) : vérification dans le navigateur sautée"))
    func didJWK() throws {
        try atelier(cle: []) { atelier, revoque, valides in
            try verifierSite(atelier, revoque: revoque, valides: valides, autre: CleEmetteur.generer())
            let site = atelier.dossier.appendingPathComponent("site")
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".well-known/did.json").path))
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("badges/statuts.jwt").path))
            // A file of the structure's own in v/ is never touched.
            let autreFichier = site.appendingPathComponent("v/LISEZ-MOI.txt")
            try Data("à garder\n".utf8).write(to: autreFichier)
            try atelier.reussir(["apprenant", "effacer", "A-0001", "--confirmer"])
            let republication = try atelier.reussir(["badge", "publier", site.path])
            #expect(republication.sortie.contains("\(valides.count + 1) pages périmées retirées"), "\(republication)")
            for id in [revoque] + valides {
                #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("v/\(CodeBadge.court(id))").path), "\(id)")
            }
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("v/index.html").path))
            #expect(FileManager.default.fileExists(atPath: autreFichier.path))
        }
    }

    @Test("Après un changement de clé (did:jwk) : les badges des deux clés restent authentiques ; l'ancienne clé ne signe plus rien de daté après son retrait",
          .enabled(if: SiteVerificationCLITests.outilsPresents, "chromium ou python3 absent du PATH (scripts/installer-dependances) : vérification dans le navigateur sautée"))
    func changementDeCle() throws {
        try Atelier.avec { vide in
            var atelier = vide
            atelier.date = BadgeCLITests.jour
            atelier.formateur = BadgeCLITests.formatrice
            try atelier.reussir(["demo"])
            try atelier.reussir(["badge", "cle", "creer"])
            let cles = atelier.dossier.appendingPathComponent("cles")
            let anciennePEM = try #require(try FileManager.default.contentsOfDirectory(at: cles, includingPropertiesForKeys: nil).first { $0.pathExtension == "pem" })
            try atelier.reussir(["badge", "emettre", "A-0001", "aptic-2.1", "--confirmer"])
            try atelier.reussir(["badge", "cle", "renouveler"])
            try atelier.reussir(["badge", "emettre", "A-0001", "parcours-femmes-et-numerique", "--confirmer"])
            let liste = try atelier.reussir(["badge", "lister", "A-0001", "--json"])
            let badges = try #require(try JSONSerialization.jsonObject(with: liste.sortieOctets) as? [[String: Any]])
            func code(_ reussite: String) throws -> String {
                CodeBadge.court(try #require(badges.first { $0["reussite"] as? String == reussite }?["id"] as? String))
            }
            let avant = try code("aptic-2.1")
            let apres = try code("parcours-femmes-et-numerique")
            let site = atelier.dossier.appendingPathComponent("site")
            try atelier.reussir(["badge", "publier", site.path])
            // The old key signs a credential dated after its retirement (2 May 2024): refused.
            let ancien = try Self.jeton(site.appendingPathComponent("v/\(avant)/index.html"))
            let entete = String(decoding: try #require(Base64URL.decoder(String(ancien.split(separator: ".")[0]))), as: UTF8.self)
            let objetEntete = try JSONSerialization.jsonObject(with: Data(entete.utf8)) as? [String: Any]
            let kid = try #require(objetEntete?["kid"] as? String)
            let octetsCharge = try #require(Base64URL.decoder(String(ancien.split(separator: ".")[1])))
            var charge = try #require(try JSONSerialization.jsonObject(with: octetsCharge) as? [String: Any])
            charge["validFrom"] = "2024-06-01T00:00:00Z"
            charge["nbf"] = 1_717_200_000
            let tardif = try JWT.signer(payload: try JSONSerialization.data(withJSONObject: charge, options: [.sortedKeys, .withoutEscapingSlashes]),
                                        cle: try CleEmetteur.lire(anciennePEM, kid: kid))
            let dossier = site.appendingPathComponent("v/FA15-0005")
            try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
            try Data(PageVerification.page(code: "FA15-0005", jetons: [tardif]).utf8).write(to: dossier.appendingPathComponent("index.html"))
            try DossierTemporaire.avec { profil in
                try Self.servir(site) { adresse in
                    for (code, attendu) in [(avant, "authentique"), (apres, "authentique"), ("FA15-0005", "non-authentique")] {
                        let lu = Self.verdict(try Self.rendu("\(adresse)/v/\(code)/", profil: profil))
                        #expect(lu?.marque == attendu, "\(code) : \(lu.map { "\($0.marque) — \($0.texte)" } ?? "")")
                        if code == "FA15-0005" { #expect(lu?.texte.contains("retirée le 2 mai 2024") == true, "\(lu?.texte ?? "")") }
                    }
                }
            }
        }
    }
}
