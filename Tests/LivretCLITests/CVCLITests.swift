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

    @Test("livret structure modifier puis cv attestation : coordonnées, codes QR vers le site, refus clairs")
    func attestationAvecLeSiteDeLaStructure() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let nadia = ["--formateur", "Nadia Benali"]
            let refus = try atelier.echouer(["structure", "modifier", "--site", "http://grand-place.example.fr"] + nadia)
            #expect(refus.erreur.contains("le site « http://grand-place.example.fr » doit être une adresse https"))
            #expect(try atelier.echouer(["structure", "modifier"] + nadia).erreur.contains("rien à changer"))
            try atelier.reussir(["structure", "modifier", "--site", "grand-place.example.fr", "--telephone", "03 20 12 34 56",
                                 "--courriel", "contact@grand-place.example.fr"] + nadia)
            #expect(try atelier.reussir(["structure", "montrer"]).sortie.contains("Site : https://grand-place.example.fr"))
            let sansBadge = try atelier.echouer(["cv", "attestation", "A-0001"])
            #expect(sansBadge.erreur.contains("A-0001 n'a aucun badge valide : rien à attester"))
            try atelier.reussir(["badge", "cle", "creer"] + nadia)
            try atelier.reussir(["badge", "emettre", "A-0001", "--tous", "--confirmer"] + nadia)
            let sortie = try atelier.reussir(["cv", "attestation", "A-0001"]).sortie
            #expect(sortie.contains("Attestation de A-0001 écrite : Exports/A-0001-attestation.html"))
            let html = try String(contentsOf: atelier.dossier.appendingPathComponent("Exports/A-0001-attestation.html"), encoding: .utf8)
            #expect(html.contains("https://grand-place.example.fr/v/"), "les codes QR mènent au site de la structure")
            #expect(html.contains("Tél. 03 20 12 34 56"))
            #expect(html.contains("<svg"))
            let cv = try String(decoding: atelier.reussir(["cv", "exporter", "A-0001", "--sortie", "-"]).sortieOctets, as: UTF8.self)
            #expect(cv.contains("allez sur <span class=\"url\">grand-place.example.fr/v/</span>"))
            let autre = try atelier.echouer(["cv", "attestation", "A-0001", "--badges", "inconnu"])
            #expect(autre.erreur.contains("aucun des badges demandés n'est un badge valide de A-0001"))
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
