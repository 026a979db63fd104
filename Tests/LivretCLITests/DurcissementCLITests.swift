import Foundation
import GRDB
import LivretTestSupport
import Testing

/// Issue 14, items 1, 2, 9 and 11, through the built executable: identifiers and codes that could
/// steer a path, texts that could steer a terminal, malformed values, and where the base lives.
/// Each test failed before the fix (the closing note of issue 14 says how).
@Suite("Durcissement : identifiants, chemins, terminal, valeurs malformées")
struct DurcissementCLITests {
    /// Every C0/C1 control but line feed and tab, and DEL.
    static func controles(_ texte: String) -> [Unicode.Scalar] {
        texte.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    /// Writes a learner straight into the base, as an older version (or another program) could have.
    static func inserer(_ atelier: Atelier, identifiant: String, prenom: String?) throws {
        let file = try DatabaseQueue(path: atelier.chemin.path)
        try file.write { db in
            try db.execute(sql: "INSERT INTO apprenant (identifiant, prenom, sexe, qpv, statutSocial, efface, creeLe, creePar) VALUES (?, ?, 'feminin', 'non_communique', 'non_communique', 0, '2024-01-08', 1)",
                           arguments: [identifiant, prenom])
        }
    }

    /// Files under `dossier`, recursively, as paths relative to it.
    static func contenu(_ dossier: URL) -> Set<String> {
        let enumerateur = FileManager.default.enumerator(atPath: dossier.path)
        return Set((enumerateur?.allObjects as? [String]) ?? [])
    }

    @Test("Un identifiant qui sortirait du dossier, absolu, multiligne ou de 300 caractères est refusé partout",
          arguments: ["../../x", "/abs", "a\nb", String(repeating: "A", count: 300), "A 12", "-A", "Élise", "A/B"])
    func identifiantsRefuses(identifiant: String) throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["init", "--structure", "Espace", "--formateur", "Nadia"])
            let refus = try atelier.echouer(["apprenant", "ajouter", "--identifiant=" + identifiant, "--prenom", "Awa"])
            #expect(refus.erreur.contains("l'identifiant"), "\(refus)")
            #expect(Self.controles(refus.erreur).isEmpty)
            let csv = atelier.dossier.appendingPathComponent("apprenants.csv")
            let champ = "\"" + identifiant.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            try Data("identifiant;prénom\n\(champ);Awa\n".utf8).write(to: csv)
            let import_ = try atelier.echouer(["apprenant", "importer", csv.path])
            #expect(import_.erreur.contains("ligne 2") && import_.erreur.contains("identifiant"), "\(import_)")
            #expect(try atelier.reussir(["apprenant", "lister"]).sortie.contains("Aucun apprenant"))
        }
    }

    @Test("Les codes de cohorte suivent la même grammaire",
          arguments: ["fen 2024", "fen\n2024", "../fen", String(repeating: "c", count: 41)])
    func codesDeCohorte(code: String) throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["init", "--structure", "Espace", "--formateur", "Nadia"])
            let refus = try atelier.echouer(["cohorte", "creer", code, "--parcours", "initiation-smartphone", "--debut", "2024-01-08"])
            #expect(refus.erreur.contains("le code de la cohorte"), "\(refus)")
        }
    }

    @Test("Un identifiant enregistré avant la grammaire ne fait jamais écrire hors du dossier Exports")
    func exportsDansLeDossier() throws {
        try Atelier.avecDemo { atelier in
            let marque = "evade-" + UUID().uuidString.prefix(8).lowercased()
            try Self.inserer(atelier, identifiant: "../../" + marque, prenom: "Awa")
            let cv = try atelier.reussir(["cv", "exporter", "../../" + marque])
            #expect(cv.sortie.contains("Exports/x______\(marque)-cv.html"), "\(cv)")
            let exports = Self.contenu(atelier.dossier.appendingPathComponent("Exports"))
            #expect(exports == ["x______\(marque)-cv.html"], "\(exports)")
            // Before: Exports/../../evade-…-cv.html, beside the working folder.
            let dehors = try FileManager.default.contentsOfDirectory(atPath: atelier.dossier.deletingLastPathComponent().path)
            #expect(!dehors.contains { $0.contains(marque) }, "\(dehors.filter { $0.contains(marque) })")
        }
    }

    @Test("--sortie - écrit à l'écran, jamais un fichier nommé « - »")
    func sortieStandard() throws {
        try Atelier.avecDemo { atelier in
            try atelier.reussir(["badge", "cle", "creer"])
            try atelier.reussir(["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            let cv = try atelier.reussir(["cv", "exporter", "A-0001", "--sortie", "-"])
            #expect(cv.sortie.hasPrefix("<!DOCTYPE html>"), "\(cv.sortie.prefix(80))")
            let export = try atelier.reussir(["apprenant", "exporter", "A-0001", "--sortie", "-"])
            #expect((try? JSONSerialization.jsonObject(with: export.sortieOctets)) != nil)
            let rapport = try atelier.reussir(["rapport", "--format", "csv", "--sortie", "-"])
            #expect(rapport.sortie.contains(";"))
            let paquet = try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "-"])
            #expect(paquet.sortieOctets.prefix(2) == Data("PK".utf8), "un zip sur la sortie standard")
            #expect(!FileManager.default.fileExists(atPath: atelier.dossier.appendingPathComponent("-").path))
        }
    }

    @Test("Des séquences d'échappement déjà dans la base n'atteignent jamais le terminal")
    func terminalProtege() throws {
        try Atelier.avecDemo { atelier in
            try Self.inserer(atelier, identifiant: "A-9000", prenom: "Eve\u{1B}]0;pirate\u{07}\u{1B}[2J\nA-0001  Faux  1900  féminin\u{9B}31m")
            for arguments in [["apprenant", "lister"], ["apprenant", "montrer", "A-9000"], ["apprenant", "lister", "--json"],
                              ["apprenant", "exporter", "A-9000"], ["cv", "exporter", "A-9000", "--sortie", "-"]] {
                let resultat = try atelier.reussir(arguments)
                #expect(Self.controles(resultat.toutLeTexte).isEmpty, "\(arguments) : \(resultat.toutLeTexte.debugDescription.prefix(300))")
            }
            let liste = try atelier.reussir(["apprenant", "lister", "--recherche", "Eve"])
            #expect(liste.lignes.count == 5, "en-tête, trait, une ligne, le total, la fin : pas de ligne forgée. \(liste)")
            #expect(liste.sortie.contains("␛]0;pirate␇␛[2J␊A-0001"), "\(liste)")
            let json = try atelier.reussir(["apprenant", "lister", "--json"])
            #expect(json.sortie.contains("\\u001b]0;pirate\\u0007") && json.sortie.contains("\\u009b31m"), "\(json.sortie.prefix(400))")
        }
    }

    @Test("Un nom, un motif ou un titre avec des caractères de contrôle est refusé et rien n'est écrit")
    func controlesRefuses() throws {
        try Atelier.avecDemo { atelier in
            let avant = try atelier.reussir(["apprenant", "lister", "--json"]).sortie
            for arguments in [["apprenant", "ajouter", "--prenom", "Eve\u{1B}[2J"], ["apprenant", "ajouter", "--nom", "a\u{07}"],
                              ["apprenant", "modifier", "A-0001", "--pseudonyme", "x\u{202E}y"],
                              ["apprenant", "ajouter", "--prenom", String(repeating: "a", count: 120_000)]] {
                let refus = try atelier.echouer(arguments)
                #expect(Self.controles(refus.erreur).isEmpty, "\(refus)")
                #expect(refus.erreur.count < 400, "le message ne recopie pas la valeur : \(refus.erreur.count) caractères")
            }
            #expect(try atelier.reussir(["apprenant", "lister", "--json"]).sortie == avant)
            let motif = try atelier.echouer(["cohorte", "statut", "fen-2023", "A-0002", "abandon", "--motif", "emploi\u{1B}[2J"])
            #expect(motif.erreur.contains("le motif"), "\(motif)")
        }
    }

    @Test("Valeurs malformées : une erreur en français qui nomme le champ, et rien d'écrit")
    func valeursMalformees() throws {
        try Atelier.avecDemo { atelier in
            let seances = try atelier.reussir(["seance", "lister", "smartphone-2024"]).sortie
            // Séances dated 1970 or 2200 (even « hors dates »), a year of birth in the future.
            for date in ["1970-01-01", "2200-01-01"] {
                let refus = try atelier.echouer(["seance", "ajouter", "smartphone-2024", "--duree", "60", "--date", date, "--hors-dates"])
                #expect(refus.erreur.contains("--date"), "\(refus)")
            }
            let loin = try atelier.echouer(["seance", "ajouter", "smartphone-2024", "--duree", "60", "--date", "2026-06-01", "--hors-dates"])
            #expect(loin.erreur.contains("plus d'un an"), "\(loin)")
            #expect(try atelier.reussir(["seance", "lister", "smartphone-2024"]).sortie == seances)
            let annee = try atelier.echouer(["apprenant", "ajouter", "--prenom", "Awa", "--annee", "2031"])
            #expect(annee.erreur.contains("année de naissance"), "\(annee)")
            // The same person twice in one roll call.
            let seance = try atelier.reussir(["seance", "ajouter", "smartphone-2024", "--duree", "60", "--date", "2024-03-04"])
            let numero = try #require(seance.sortie.split(whereSeparator: { !$0.isNumber }).first.map(String.init))
            let double = try atelier.echouer(["presence", "saisir", numero, "A-0012", "A-0012:absent"])
            #expect(double.erreur.contains("deux fois"), "\(double)")
            let minutes = try atelier.echouer(["presence", "saisir", numero, "A-0012:present:200"])
            #expect(minutes.erreur.contains("200"), "\(minutes)")
            // A NUL byte in a CSV cell.
            let csv = atelier.dossier.appendingPathComponent("nul.csv")
            try Data("prénom;nom\nAwa\u{0}Evil;Koné\n".utf8).write(to: csv)
            let nul = try atelier.echouer(["apprenant", "importer", csv.path])
            #expect(nul.erreur.contains("ligne 2") && nul.erreur.contains("prénom"), "\(nul)")
            #expect(try atelier.reussir(["apprenant", "lister", "--recherche", "Awa"]).sortie.contains("Aucun apprenant"))
        }
    }

    @Test("Sans --base ni LIVRET_BASE, la base est sous $XDG_DATA_HOME, sinon sous $HOME/.local/share — jamais ailleurs")
    func emplacementXDG() throws {
        try DossierTemporaire.avec { dossier in
            let maison = dossier.appendingPathComponent("maison")
            try FileManager.default.createDirectory(at: maison, withIntermediateDirectories: true)
            let variables = ["HOME": maison.path, "LIVRET_DATE": "2024-03-04"]
            let resultat = try ExecutableLivret.lancer(["init", "--structure", "Espace", "--formateur", "Nadia"], dans: dossier, variables: variables)
            #expect(resultat.statut == 0, "\(resultat)")
            #expect(FileManager.default.fileExists(atPath: maison.path + "/.local/share/livret/livret.sqlite"), "avant : la base du compte (/root/…)")
            let xdg = dossier.appendingPathComponent("xdg")
            let autre = try ExecutableLivret.lancer(["init", "--structure", "Espace", "--formateur", "Nadia"], dans: dossier,
                                                   variables: variables.merging(["XDG_DATA_HOME": xdg.path]) { $1 })
            #expect(autre.statut == 0, "\(autre)")
            #expect(FileManager.default.fileExists(atPath: xdg.path + "/livret/livret.sqlite"))
        }
    }
}
