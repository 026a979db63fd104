import Foundation
import LivretTestSupport
import Testing

/// `livret reseau …` on the built executable: a structure makes its signed extract, a network
/// registers it, imports its extract and publishes its report in every format.
@Suite struct ReseauCLITests {
    @Test func uneStructureEtSonReseauDeBoutEnBout() throws {
        try Atelier.avecDemo { atelier in
            try atelier.reussir(["badge", "cle", "creer"])
            let cle = try atelier.reussir(["reseau", "cle"]).sortie
            let did = try #require(cle.split(separator: "\n").first { $0.hasPrefix("Clé : ") }.map { String($0.dropFirst(6)) })
            #expect(did.hasPrefix("did:jwk:"))
            let extrait = try atelier.reussir(["reseau", "extrait", "--periode", "2023", "--sortie", "extrait.zip"])
            #expect(extrait.sortie.contains("11 inscriptions"), "\(extrait)")
            let reseau = ["--base", atelier.dossier.appendingPathComponent("reseau.sqlite").path]

            // Not a member yet: refused, nothing imported.
            let refus = try atelier.echouer(["reseau", "importer", "extrait.zip"] + reseau)
            #expect(refus.erreur.contains("n'est pas membre du réseau"), "\(refus)")
            try atelier.reussir(["reseau", "membre", "ajouter", "Espace numérique de la Grand-Place (démo)", "--cle", did,
                                 "--departement", "59", "--commune", "59350"] + reseau)
            let mauvais = try atelier.echouer(["reseau", "membre", "ajouter", "Autre", "--cle", did, "--departement", "59"] + reseau)
            #expect(mauvais.erreur.contains("une structure, une clé"))
            let commune = try atelier.echouer(["reseau", "membre", "ajouter", "Autre", "--cle", "did:jwk:xyz", "--departement", "59"] + reseau)
            #expect(commune.erreur.contains("--cle"))
            let importe = try atelier.reussir(["reseau", "importer", "extrait.zip"] + reseau)
            #expect(importe.sortie.contains("importé"))
            #expect(try atelier.reussir(["reseau", "importer", "extrait.zip"] + reseau).sortie.contains("déjà importé"))
            #expect(try atelier.reussir(["reseau", "historique"] + reseau).sortie.contains("en vigueur"))

            // The report: the demo's 11 women, each figure protected (11 is above the threshold).
            let texte = try atelier.reussir(["reseau", "rapport", "--periode", "2023"] + reseau).sortie
            #expect(texte.contains("Rapport — tout le réseau") && texte.contains("11 inscriptions"), "\(texte)")
            let json = try atelier.reussir(["reseau", "rapport", "--periode", "2023", "--departement", "59", "--format", "json"] + reseau).sortie
            let rapport = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(rapport["perimetre"] as? String == "département 59")
            #expect((rapport["total"] as? [String: Any]).flatMap { $0["inscrits"] as? [String: Any] }?["nombre"] as? Int == 11, "\(rapport)")
            for format in ["csv", "html", "xlsx"] {
                try atelier.reussir(["reseau", "rapport", "--periode", "2023", "--croiser", "age", "--format", format, "--sortie", "rapport.\(format)"] + reseau)
                #expect(FileManager.default.fileExists(atPath: atelier.dossier.appendingPathComponent("rapport.\(format)").path))
            }
            let audit = try atelier.reussir(["reseau", "rapport", "--periode", "2023", "--croiser", "age", "--audit"] + reseau).sortie
            #expect(!audit.isEmpty)
            let inconnu = try atelier.echouer(["reseau", "rapport", "--periode", "2023", "--departement", "62"] + reseau)
            #expect(inconnu.erreur.contains("aucun extrait pour « département 62 »"), "\(inconnu)")
            let annee = try atelier.echouer(["reseau", "rapport", "--periode", "vingt"] + reseau)
            #expect(annee.erreur.contains("--periode"))
            // The network's file is its own.
            let attributs = try FileManager.default.attributesOfItem(atPath: atelier.dossier.appendingPathComponent("reseau.sqlite").path)
            #expect((attributs[.posixPermissions] as? Int) == 0o600)
        }
    }
}

/// The same on the network's PostgreSQL server (`LIVRET_TEST_POSTGRES`, started by scripts/tester):
/// the programme lead's and a structure's accounts see what their roles allow.
@Suite struct ReseauPostgresCLITests {
    /// Runs psql on `url` (the server's own client, as an administrator would).
    static func psql(_ url: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "psql \(sql)")
    }

    /// `serveur` with another database and user.
    static func url(_ serveur: String, base: String, utilisateur: String? = nil) throws -> String {
        var c = try #require(URLComponents(string: serveur))
        c.path = "/" + base
        if let utilisateur { c.user = utilisateur }
        return try #require(c.string)
    }

    @Test func lesComptesDuReseauSurPostgreSQL() throws {
        let serveur = try #require(ProcessInfo.processInfo.environment["LIVRET_TEST_POSTGRES"],
                                   "LIVRET_TEST_POSTGRES absente : lancez les tests par scripts/tester, qui démarre un PostgreSQL jetable.")
        let nom = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try Self.psql(serveur, "CREATE DATABASE \(nom)")
        let (structure, responsable) = ("s_\(nom)", "r_\(nom)")
        defer {
            try? Self.psql(serveur, "DROP DATABASE IF EXISTS \(nom) WITH (FORCE)")
            try? Self.psql(serveur, "DROP ROLE IF EXISTS \(structure); DROP ROLE IF EXISTS \(responsable)")
        }
        let pg = ["--postgres", try Self.url(serveur, base: String(nom))]
        try Atelier.avecDemo { atelier in
            try atelier.reussir(["badge", "cle", "creer"])
            let did = try #require(try atelier.reussir(["reseau", "cle"]).sortie.split(separator: "\n")
                .first { $0.hasPrefix("Clé : ") }.map { String($0.dropFirst(6)) })
            try atelier.reussir(["reseau", "extrait", "--periode", "2023", "--sortie", "extrait.zip"])
            let membre = "Espace numérique de la Grand-Place (démo)"
            try atelier.reussir(["reseau", "membre", "ajouter", membre, "--cle", did, "--departement", "59"] + pg)
            #expect(try atelier.reussir(["reseau", "importer", "extrait.zip"] + pg).sortie.contains("importé"))
            try atelier.reussir(["reseau", "rapport", "--periode", "2023", "--format", "csv", "--publier"] + pg)
            let sansMotDePasse = try atelier.echouer(["reseau", "compte", "structure", membre, "--role", structure,
                                                      "--mot-de-passe-variable", "MDP_ABSENT"] + pg)
            #expect(sansMotDePasse.erreur.contains("MDP_ABSENT"))
            let variables = atelier.variables.merging(["MDP": "un mot de passe"]) { $1 }
            for compte in [["structure", membre, "--role", structure], ["responsable", "--role", responsable]] {
                let r = try ExecutableLivret.lancer(["reseau", "compte"] + compte + ["--mot-de-passe-variable", "MDP"] + pg,
                                                    dans: atelier.dossier, variables: variables)
                #expect(r.statut == 0, "\(r)")
            }
            // The structure's account: its published reports, its own row; no network figures, no writes.
            let commeStructure = ["--postgres", try Self.url(serveur, base: String(nom), utilisateur: structure)]
            #expect(try atelier.reussir(["reseau", "publies", "--periode", "2023"] + commeStructure).sortie.contains("tout le réseau (csv)"))
            let csv = try atelier.reussir(["reseau", "publies", "--periode", "2023", "--perimetre", "tout le réseau"] + commeStructure).sortie
            #expect(csv.contains("ensemble"))
            let refus = try atelier.echouer(["reseau", "rapport", "--periode", "2023"] + commeStructure)
            #expect(refus.erreur.contains("ce compte est celui de"))
            let ecriture = try atelier.echouer(["reseau", "membre", "revoquer", membre] + commeStructure)
            #expect(ecriture.erreur.contains("n'a pas le droit"), "\(ecriture)")
            // The programme lead's account reads everything.
            let commeResponsable = ["--postgres", try Self.url(serveur, base: String(nom), utilisateur: responsable)]
            #expect(try atelier.reussir(["reseau", "rapport", "--periode", "2023"] + commeResponsable).sortie.contains("11 inscriptions"))
            // On a SQLite file, accounts do not exist.
            let sqlite = try atelier.echouer(["reseau", "compte", "responsable", "--role", "x", "--mot-de-passe-variable", "MDP", "--base", "r.sqlite"])
            #expect(sqlite.erreur.contains("PostgreSQL") || sqlite.erreur.contains("MDP"))
        }
    }
}
