import Foundation
import LivretTestSupport
import Testing

/// `livret pix importer` and `livret pix preparation` on the demo base, with hand-written exports.
@Suite("Pix : import et préparation, de bout en bout")
struct PixCLITests {
    static var collecte: String { ExportsPixFictifs.collecte }
    static var certif: String { ExportsPixFictifs.certif }
    static var titres: [String] { ExportsPixFictifs.titres }

    func json(_ resultat: ExecutableLivret.Resultat) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: resultat.sortieOctets) as? [String: Any])
    }

    @Test("Collecte de profils : rapprochement, non-partage, instantanés, import idempotent")
    func collecteDeProfils() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let fichier = atelier.dossier.appendingPathComponent("Resultats-Profils-4321-2024-02-12-1200.csv")
            try Data(Self.collecte.utf8).write(to: fichier)
            let premier = try atelier.reussir(["pix", "importer", "--formateur", "Nadia Benali", fichier.path, "--cohorte", "smartphone-2024"])
            #expect(premier.sortie.contains("3 participants, 2 rapprochés"), "\(premier)")
            #expect(premier.sortie.contains("2 ont partagé leurs résultats, 1 non"), "\(premier)")
            #expect(premier.sortie.contains("Zoé Inconnue (ligne 4)"), "\(premier)")
            #expect(premier.sortie.contains("2 instantanés Pix ajoutés"), "\(premier)")

            let second = try atelier.reussir(["pix", "importer", "--formateur", "Nadia Benali", fichier.path, "--cohorte", "smartphone-2024"])
            #expect(second.sortie.contains("2 déjà importés"), "\(second)")
            let gerard = try json(try atelier.reussir(["apprenant", "montrer", "A-0014", "--json"]))
            let profils = try #require(gerard["profilsPix"] as? [[String: Any]])
            #expect(profils.count == 1, "le second import n'a rien ajouté")
            #expect(profils.first?["partage"] as? Bool == false)
            #expect((profils.first?["niveaux"] as? [String: Any])?.isEmpty == true, "un non-partage n'est pas une suite de zéros")

            let preparation = try json(try atelier.reussir(["pix", "preparation", "smartphone-2024", "--json"]))
            #expect(preparation["pretes"] as? [String] == ["A-0013"] || (preparation["proches"] as? [String])?.contains("A-0013") == true)
            #expect((preparation["sansProfil"] as? [String])?.contains("A-0014") == true)
            let jeanine = try #require((preparation["apprenants"] as? [[String: Any]])?.first { $0["identifiant"] as? String == "A-0013" })
            #expect(jeanine["certifiable"] as? Bool == true)
        }
    }

    @Test("Une seule personne dans l'export : le bilan parle au singulier")
    func accordAuSingulier() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let fichier = atelier.dossier.appendingPathComponent("profil-jeanine.csv")
            let lignes = Self.collecte.split(separator: "\n")
            try Data((lignes.prefix(2).joined(separator: "\n") + "\n").utf8).write(to: fichier)
            let resultat = try atelier.reussir(["pix", "importer", "--formateur", "Nadia Benali", fichier.path, "--cohorte", "smartphone-2024"])
            for attendu in ["1 participant, 1 rapproché d'un apprenant\n", "1 a partagé ses résultats, 0 non (noté « non partagé »",
                            "1 instantané Pix ajouté\n"] {
                #expect(resultat.sortie.contains(attendu), "« \(attendu) » manque :\n\(resultat)")
            }
        }
    }

    @Test("Introuvables créés seulement avec --creer-apprenants")
    func creation() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let fichier = atelier.dossier.appendingPathComponent("profils.csv")
            try Data(Self.collecte.utf8).write(to: fichier)
            let resultat = try atelier.reussir(["pix", "importer", "--formateur", "Nadia Benali", fichier.path, "--cohorte", "smartphone-2024", "--creer-apprenants"])
            #expect(resultat.sortie.contains("Apprenants créés (1)"), "\(resultat)")
            let liste = try atelier.reussir(["apprenant", "lister", "--recherche", "Zoé"])
            #expect(liste.sortie.contains("A-0020"), "\(liste)")
        }
    }

    /// The number of Pix snapshots of `identifiant`.
    func instantanes(_ atelier: Atelier, _ identifiant: String) throws -> Int {
        let dossier = try json(try atelier.reussir(["apprenant", "montrer", identifiant, "--json"]))
        return (dossier["profilsPix"] as? [[String: Any]])?.count ?? -1
    }

    @Test("Suivre le conseil « relancez avec --creer-apprenants » importe les introuvables, sans doubler les autres")
    func conseilSuivi() throws {
        try Atelier.avecDemo { atelier in
            let fichier = atelier.dossier.appendingPathComponent("profils.csv")
            try Data(Self.collecte.utf8).write(to: fichier)
            let premier = try atelier.reussir(["pix", "importer", fichier.path, "--cohorte", "smartphone-2024"])
            #expect(premier.sortie.contains("--creer-apprenants"), "\(premier)")
            let second = try atelier.reussir(["pix", "importer", fichier.path, "--cohorte", "smartphone-2024", "--creer-apprenants"])
            #expect(second.sortie.contains("Apprenants créés (1)"), "avant : l'empreinte du fichier bloquait tout. \(second)")
            #expect(try instantanes(atelier, "A-0020") == 1, "Zoé, créée, a son instantané")
            #expect(try instantanes(atelier, "A-0013") == 1, "Jeanine n'est pas doublée")
            #expect(try instantanes(atelier, "A-0014") == 1, "Gérard n'est pas doublé")
        }
    }

    @Test("Le même export en fins de ligne CRLF, ou retéléchargé avec un participant de plus, n'ajoute que le nouveau")
    func idempotenceSurLeContenu() throws {
        try Atelier.avecDemo { atelier in
            let fichier = atelier.dossier.appendingPathComponent("profils.csv")
            try Data(Self.collecte.utf8).write(to: fichier)
            try atelier.reussir(["pix", "importer", fichier.path, "--cohorte", "smartphone-2024"])
            let crlf = atelier.dossier.appendingPathComponent("profils-crlf.csv")
            try Data(Self.collecte.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: crlf)
            let encore = try atelier.reussir(["pix", "importer", crlf.path, "--cohorte", "smartphone-2024"])
            #expect(encore.sortie.contains("2 déjà importés"), "\(encore)")
            #expect(try instantanes(atelier, "A-0013") == 1, "avant : un second instantané identique")
            // Downloaded again a day later: Jeanine unchanged, Gérard has now sent his results.
            let plus = Self.collecte.replacingOccurrences(
                of: "\"Petit\";\"Gérard\";A-0099;\"Non\";NA;NA;NA;NA;" + Array(repeating: "NA", count: 32).joined(separator: ";"),
                with: "\"Petit\";\"Gérard\";A-0099;\"Oui\";\"13/02/2024 09:00\";8;\"Non\";1;" + (["1", "8"] + Array(repeating: "0", count: 30)).joined(separator: ";"))
            #expect(plus != Self.collecte)
            let fichierPlus = atelier.dossier.appendingPathComponent("profils-2.csv")
            try Data(plus.utf8).write(to: fichierPlus)
            let apres = try atelier.reussir(["pix", "importer", fichierPlus.path, "--cohorte", "smartphone-2024"])
            #expect(apres.sortie.contains("1 déjà importé"), "\(apres)")
            #expect(try instantanes(atelier, "A-0013") == 1)
            #expect(try instantanes(atelier, "A-0014") == 2, "le partage de Gérard s'ajoute à son non-partage")
        }
    }

    @Test("Des séquences d'échappement dans les noms d'un export Pix n'atteignent pas le terminal et ne sont pas enregistrées")
    func nomsHostiles() throws {
        try Atelier.avecDemo { atelier in
            let hostile = Self.collecte
                .replacingOccurrences(of: "\"Inconnue\";\"Zoé\";;", with: "\"In\u{1B}[2Jconnue\";\"Zo\u{1B}]0;titre\u{07}é\";\"../\u{1B}[31m\";")
            let fichier = atelier.dossier.appendingPathComponent("hostile.csv")
            try Data(hostile.utf8).write(to: fichier)
            let resultat = try atelier.reussir(["pix", "importer", fichier.path, "--cohorte", "smartphone-2024", "--creer-apprenants"])
            #expect(!resultat.toutLeTexte.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(resultat)")
            #expect(resultat.sortie.contains("␛[2J"), "le caractère est montré, pas obéi : \(resultat)")
            #expect(resultat.sortie.contains("Non créés (1)"), "\(resultat)")
            #expect(resultat.sortie.contains("Identifiant externe ignoré (1)"), "\(resultat)")
            let liste = try atelier.reussir(["apprenant", "lister", "--json"])
            #expect(!liste.sortie.contains("titre"), "rien n'est enregistré de ce nom")
        }
    }

    @Test("Résultats Pix Certif : une certification par candidat, sans date de naissance")
    func pixCertif() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let fichier = atelier.dossier.appendingPathComponent("session-7788.csv")
            try Data(Self.certif.utf8).write(to: fichier)
            let resultat = try atelier.reussir(["pix", "importer", "--formateur", "Nadia Benali", fichier.path])
            // One of each: singular (« 1 participants, 1 rapprochés », « 1 certifications ajoutées » before).
            #expect(resultat.sortie.contains("1 participant, 1 rapproché d'un apprenant\n"), "\(resultat)")
            #expect(resultat.sortie.contains("1 certification ajoutée\n"), "\(resultat)")
            let jeanine = try json(try atelier.reussir(["apprenant", "montrer", "A-0013", "--json"]))
            let certification = try #require((jeanine["certifications"] as? [[String: Any]])?.first)
            #expect(certification["numero"] as? String == "123456")
            #expect(certification["statut"] as? String == "validee")
            #expect((certification["niveaux"] as? [String: Int])?.filter { $0.value >= 1 }.count == 4)
            #expect(!String(decoding: try atelier.reussir(["apprenant", "exporter", "A-0013"]).sortieOctets, as: UTF8.self).contains("01/01/1952"))
            let encore = try atelier.reussir(["pix", "importer", "--formateur", "Nadia Benali", fichier.path])
            #expect(encore.sortie.contains("déjà connue"), "\(encore)")
        }
    }

    @Test("Un fichier qui n'est pas un export Pix : rien n'est importé, le message le dit")
    func pasUnExport() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let fichier = atelier.dossier.appendingPathComponent("courses.csv")
            try Data("article;prix\npain;1,20\n".utf8).write(to: fichier)
            let resultat = try atelier.echouer(["pix", "importer", "--formateur", "Nadia Benali", fichier.path])
            #expect(resultat.erreur.contains("rien n'a été importé"))
            #expect(resultat.erreur.contains("Pix Orga"))
        }
    }

    @Test("Préparation sur la base de démonstration : les onze de Femmes et Numérique sont à présenter à la certification")
    func preparationDemo() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let cohorte = try json(try atelier.reussir(["pix", "preparation", "fen-2023", "--json"]))
            #expect((cohorte["pretes"] as? [String])?.count == 11)
            #expect((cohorte["apprenants"] as? [[String: Any]])?.allSatisfy { ($0["competences"] as? [Any])?.count == 16 } == true)
            let smartphone = try json(try atelier.reussir(["pix", "preparation", "smartphone-2024", "--json"]))
            #expect((smartphone["sansProfil"] as? [String])?.count == 8)
            let une = try atelier.reussir(["pix", "preparation", "A-0004"])
            #expect(une.sortie.contains("à présenter") && !une.sortie.contains("prête"), "\(une)")
            #expect(une.sortie.contains("3.1 Développer des documents textuels"))
            try atelier.echouer(["pix", "preparation", "inconnu"])
        }
    }
}
