import Foundation
import LivretTestSupport
import Testing

/// The learner's space end to end: the built `livret espace ouvrir` on a loopback port, driven by
/// real headless Chromium through Selenium (Tests/Navigateur/espace.py): sign in with a code,
/// every page audited by axe-core at 1280 and 390 px, the CV chosen and downloaded with the badge
/// bundle, a consent changed, an opinion given, erasure asked, forged and foreign requests refused,
/// an expired and a reused code refused. Then the command line checks what the browser did.
@Suite(.serialized) struct EspaceNavigateurTests {
    /// The Selenium venv and axe-core, prepared by scripts/installer-dependances.
    static var venv: URL {
        let env = ProcessInfo.processInfo.environment
        if let v = env["LIVRET_NAVIGATEUR_VENV"], !v.isEmpty { return URL(fileURLWithPath: v) }
        let cache = env["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: env["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        return cache.appendingPathComponent("livret-navigateur")
    }

    /// A fixed « now » for every run (codes, sessions): nothing depends on the clock.
    static let maintenant: Int64 = 1_800_000_000

    @Test func uneApprenanteSeSertDeSonEspaceDansUnVraiNavigateur() throws {
        let python = Self.venv.appendingPathComponent("bin/python"), axe = Self.venv.appendingPathComponent("axe.min.js")
        try #require(FileManager.default.isExecutableFile(atPath: python.path) && FileManager.default.fileExists(atPath: axe.path),
                     "Selenium et axe-core manquent : lancez scripts/installer-dependances (\(Self.venv.path)).")
        try Atelier.avecDemo { atelier in
            try atelier.reussir(["badge", "cle", "creer"])
            try atelier.reussir(["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            func code(_ id: String, il secondes: Int64 = 0) throws -> String {
                let r = try ExecutableLivret.lancer(["espace", "code", id], dans: atelier.dossier,
                                                    variables: atelier.variables.merging(["LIVRET_MAINTENANT": "\(Self.maintenant - secondes)"]) { $1 })
                #expect(r.statut == 0, "\(r)")
                return try #require(r.sortie.firstMatch(of: /(\d{3} \d{3})/)?.1).description
            }
            let (c1, c2, c3) = (try code("A-0001"), try code("A-0002"), try code("A-0003", il: 700))

            // The server, on a free loopback port, its output in a file.
            let serveur = try ServeurEspaceLance(atelier, arguments: ["--port", "0"], variables: ["LIVRET_MAINTENANT": "\(Self.maintenant)"])
            defer { serveur.arreter() }   // alive until the end of the test
            let url = try serveur.adresseLocale()

            // The browser.
            let telechargements = atelier.dossier.appendingPathComponent("telechargements")
            try FileManager.default.createDirectory(at: telechargements, withIntermediateDirectories: true)
            var arguments = [ExecutableLivret.fichierDuDepot("Tests/Navigateur/espace.py").path, url, "--code", c1, "--autre-code", c2,
                             "--code-expire", c3, "--nom", "Samira", "--nom-autre", "Fatou", "--telechargements", telechargements.path]
            if let captures = ProcessInfo.processInfo.environment["LIVRET_CAPTURES"], !captures.isEmpty {
                try FileManager.default.createDirectory(atPath: captures, withIntermediateDirectories: true)
                arguments += ["--captures", captures]
            }
            var environnement = ProcessInfo.processInfo.environment
            environnement["AXE_JS"] = axe.path
            let navigateur = try BadgeCLITests.outil(python.path, arguments, environnement: environnement)
            #expect(navigateur.statut == 0, "\(navigateur.texte)")
            #expect(!navigateur.texte.contains("ÉCHEC"), "\(navigateur.texte)")
            serveur.arreter()
            #expect(!serveur.texte.contains("Fatal"), "le serveur ne s'est pas arrêté en erreur")

            // What the browser did, seen from the command line.
            let paquet = telechargements.appendingPathComponent("mes-badges.zip")
            let verification = try atelier.lancer(["badge", "verifier", paquet.path])
            #expect(verification.statut == 0, "le paquet téléchargé se vérifie : \(verification)")
            let retire = try #require(navigateur.texte.firstMatch(of: /badge-retire (\S+)/)?.1).description
            #expect(!(try BadgeCLITests.entrees(paquet)).keys.contains { $0.contains(retire) }, "le badge qu'elle a retiré n'est pas dans le paquet")
            let cv = try atelier.reussir(["cv", "exporter", "A-0001", "--format", "json-resume", "--identite", "complete", "-s", "-"]).sortie
            #expect(!cv.contains("Haddad"), "le CV de la formatrice respecte son choix (prénom seulement)")
            #expect(!cv.contains("Niveau"), "ni Pix")
            let export = try atelier.reussir(["apprenant", "exporter", "A-0001"]).sortie
            let donnees = try #require(try JSONSerialization.jsonObject(with: Data(export.utf8)) as? [String: Any])
            let consentements = try #require(donnees["consentements"] as? [[String: Any]])
            let dernier = try #require(consentements.max { ($0["id"] as? Int ?? 0) < ($1["id"] as? Int ?? 0) })
            #expect(dernier["parLaPersonne"] as? Bool == true && dernier["statistiques"] as? Bool == false, "\(dernier)")
            #expect(try atelier.reussir(["espace", "demandes"]).sortie.contains("A-0001"), "sa demande d'effacement attend la formatrice")
        }
    }
}
