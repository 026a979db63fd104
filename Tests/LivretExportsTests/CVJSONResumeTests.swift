import Foundation
import LivretCore
import LivretDemo
import LivretExports
import LivretTestSupport
import Testing

/// The independent JSON Resume checker, outside the package (../shared/tools); the test that runs it
/// is skipped when it is not there (a clone of the package alone).
let verificateurJSONResume = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/tools/jsonresume/check.sh").path

@Suite("CV numérique — JSON Resume")
struct CVJSONResumeTests {
    func objet(_ cv: CVNumerique) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try CVJSONResume.rendre(cv)) as? [String: Any])
    }

    @Test func sectionsAttenduesPourSamira() throws {
        let dossier = try DemoCV.dossier("A-0001")
        let json = try objet(try DemoCV.cv("A-0001"))
        let basics = try #require(json["basics"] as? [String: Any])
        #expect(basics["name"] as? String == "Samira")
        #expect(basics["label"] as? String == "Compétences numériques")
        #expect(basics["email"] == nil && basics["phone"] == nil && basics["location"] == nil)

        let certificates = try #require(json["certificates"] as? [[String: Any]])
        #expect(certificates.count == 1)
        #expect((certificates[0]["name"] as? String)?.hasPrefix("Certification Pix — ") == true)
        #expect(certificates[0]["issuer"] as? String == "Pix")
        #expect(certificates[0]["date"] as? String == "2023-04-14")
        #expect(certificates[0]["url"] == nil)
        #expect(certificates[0]["verification"] as? String == "Code de vérification : \(dossier.certifications[0].code!)")

        let skills = try #require(json["skills"] as? [[String: Any]])
        let niveaux = Set(skills.compactMap { $0["level"] as? String })
        #expect(niveaux.contains("en autonomie"))
        #expect(skills.contains { $0["name"] as? String == "Utiliser e-mail, fichiers, traitement de texte et tableur" })
        #expect(skills.contains { ($0["level"] as? String)?.hasPrefix("Pix : niveau ") == true })
        for skill in skills { #expect(!((skill["keywords"] as? [String]) ?? []).isEmpty) }

        let awards = try #require(json["awards"] as? [[String: Any]])
        #expect(awards.count == 2, "le badge révoqué n'y est pas")
        #expect(awards.allSatisfy { $0["awarder"] as? String == Demo.structure })
        #expect(awards.contains { ($0["summary"] as? String)?.contains("A1B2-C3D4") == true })

        let education = try #require(json["education"] as? [[String: Any]])
        #expect(education.count == 1)
        #expect(education[0]["area"] as? String == "Femmes et Numérique")
        #expect(education[0]["studyType"] as? String == "Parcours de formation")
        #expect(education[0]["institution"] as? String == Demo.structure)
        #expect(education[0]["startDate"] as? String == "2023-03-06")
        #expect(education[0]["endDate"] as? String == "2023-04-14")
    }

    @Test func choixRespectes() throws {
        let json = try objet(try DemoCV.cv("A-0001", choix: ChoixCV(sections: [.competences], contact: true)))
        #expect(json["certificates"] == nil && json["awards"] == nil && json["education"] == nil)
        let basics = try #require(json["basics"] as? [String: Any])
        #expect(basics["name"] == nil && basics["email"] == nil)
        let contact = try objet(try DemoCV.cv("A-0001", choix: ChoixCV(identite: .complete, contact: true)))
        #expect((contact["basics"] as? [String: Any])?["email"] as? String == "samira.haddad@exemple.fr")
        let hirondelle = try objet(try DemoCV.cv("A-0004", choix: ChoixCV(identite: .pseudonyme, contact: true)))
        #expect((hirondelle["basics"] as? [String: Any])?["name"] as? String == "Hirondelle")
        #expect((hirondelle["basics"] as? [String: Any])?["email"] == nil, "pas d'e-mail connu")
    }

    @Test func stableEtSansAdresseWeb() throws {
        let donnees = try CVJSONResume.rendre(try DemoCV.cv("A-0001"))
        let texte = try #require(String(data: donnees, encoding: .utf8))
        #expect(!texte.lowercased().contains("http"))
        #expect(texte.contains("\n  \"basics\" : {"), "indenté")
        #expect(try CVJSONResume.rendre(try DemoCV.cv("A-0001")) == donnees)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/env") && FileManager.default.fileExists(atPath: verificateurJSONResume),
                   "le vérificateur ../shared/tools/jsonresume/check.sh n'est pas là (paquet cloné seul) : test sauté"))
    func valideSelonLeSchemaJSONResume() throws {
        let temporaire = try DossierTemporaire(prefixe: "livret-cv")
        defer { temporaire.supprimer() }
        let dossier = temporaire.url
        let cas: [(String, ChoixCV)] = [("A-0001", .parDefaut), ("A-0001", ChoixCV(identite: .complete, contact: true)),
                                        ("A-0004", ChoixCV(identite: .aucune)), ("A-0015", ChoixCV(identite: .pseudonyme, contact: true)),
                                        ("A-0001", ChoixCV(sections: []))]
        for (i, (identifiant, choix)) in cas.enumerated() {
            let fichier = dossier.appendingPathComponent("cv-\(i).json")
            try CVJSONResume.rendre(try DemoCV.cv(identifiant, choix: choix)).write(to: fichier)
            let processus = Process()
            processus.executableURL = URL(fileURLWithPath: "/bin/bash")
            processus.arguments = [verificateurJSONResume, fichier.path]
            let sortie = Pipe()
            processus.standardOutput = sortie
            processus.standardError = sortie
            try processus.run()
            let texte = String(decoding: sortie.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            processus.waitUntilExit()
            #expect(processus.terminationStatus == 0, "\(identifiant) : \(texte)")
            #expect(texte.contains("VALID") && !texte.contains("INVALID"), "\(identifiant) : \(texte)")
        }
    }
}
