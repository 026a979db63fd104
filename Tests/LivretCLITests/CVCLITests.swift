import Foundation
import LivretBadges
import Testing

@Suite("CV numérique, de bout en bout")
struct CVCLITests {
    static let verificateurJSONResume = ExecutableLivret.fichierDuDepot("../shared/tools/jsonresume/check.sh")

    @Test("livret cv exporter : HTML autonome et JSON Resume, selon les choix de la personne")
    func exporter() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            try atelier.reussir(["cv", "exporter", "A-0001"])
            let html = try String(contentsOf: atelier.dossier.appendingPathComponent("Exports/A-0001-cv.html"), encoding: .utf8)
            #expect(html.contains("<html lang=\"fr\""))
            #expect(html.contains("Ce que je sais faire") && html.contains("Mes résultats Pix") && html.contains("Mes formations"))
            #expect(!html.contains("http") && !html.contains("<script"))
            #expect(html.contains("Samira") && !html.contains("Haddad"), "prénom seul par défaut")
            let naissance = try #require((try JSONSerialization.jsonObject(with: try atelier.reussir(["apprenant", "montrer", "A-0001", "--json"]).sortieOctets)
                as? [String: Any]).flatMap { ($0["apprenant"] as? [String: Any])?["anneeNaissance"] as? Int })
            #expect(!html.contains(String(naissance)))

            try atelier.reussir(["cv", "exporter", "A-0001", "--format", "json-resume", "--identite", "aucune", "--inclure", "competences,pix",
                                 "--sortie", "cv.json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: atelier.dossier.appendingPathComponent("cv.json"))) as? [String: Any])
            #expect((json["basics"] as? [String: Any])?["name"] == nil)
            #expect(json["skills"] != nil && json["certificates"] != nil)
            #expect(json["education"] == nil, "les formations n'ont pas été choisies")
            let erreur = try atelier.echouer(["cv", "exporter", "A-0001", "--inclure", "adresse"])
            #expect(erreur.erreur.contains("--inclure"))
        }
    }

    @Test("Le JSON Resume passe le vérificateur du schéma", .enabled(if: FileManager.default.fileExists(atPath: verificateurJSONResume.path),
                                                                      "../shared/tools/jsonresume absent : vérification du schéma non lancée"))
    func schemaJSONResume() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            for apprenant in ["A-0001", "A-0004", "A-0015"] {
                let fichier = atelier.dossier.appendingPathComponent("\(apprenant).json")
                try atelier.reussir(["cv", "exporter", apprenant, "--format", "json-resume", "--identite", "complete", "--sortie", fichier.path])
                let processus = Process()
                processus.executableURL = URL(fileURLWithPath: "/bin/bash")
                processus.arguments = [Self.verificateurJSONResume.path, fichier.path]
                processus.standardOutput = FileHandle.nullDevice
                processus.standardError = FileHandle.nullDevice
                try processus.run()
                processus.waitUntilExit()
                #expect(processus.terminationStatus == 0, "\(apprenant) : JSON Resume refusé par check.sh")
            }
        }
    }

    @Test("Le paquet de badges contient le CV, avec des liens relatifs vers les badges")
    func cvDansLePaquet() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let nadia = ["--formateur", "Nadia Benali"]
            try atelier.reussir(["badge", "cle", "creer"] + nadia)
            try atelier.reussir(["badge", "emettre", "A-0001", "--tous", "--confirmer"] + nadia)
            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "p.zip"])
            let contenu = try Paquet.lire(atelier.dossier.appendingPathComponent("p.zip"))
            #expect(contenu.estIntact)
            let html = String(decoding: try #require(contenu.entrees["cv.html"]), as: UTF8.self)
            #expect(html.contains("href=\"badges/"))
            #expect(!html.contains("http"))
            #expect(contenu.entrees["cv.json"] != nil)
            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "sans.zip", "--sans-cv"])
            #expect(try Paquet.lire(atelier.dossier.appendingPathComponent("sans.zip")).entrees["cv.html"] == nil)
        }
    }
}
