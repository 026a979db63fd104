import Foundation
import LivretBadges
import LivretZip
import LivretStore
import Testing

/// Hostile files given to every command that reads one (`apprenant importer`, `referentiel valider`,
/// `pix importer`, `badge verifier`), through the built executable: each must be refused with
/// exit code 1 and a French message naming the file, without a crash, within the time limit of
/// ``ExecutableLivret`` (a signal or a hang fails the test there), and without writing anything.
/// Huge files are made at test time in the temporary folder (sparse when they can be).
@Suite("Entrées hostiles : chaque commande de lecture refuse proprement")
struct EntreesHostilesCLITests {
    /// One hostile input: its name in the folder, and how to make it.
    struct Hostile {
        var nom: String
        var creer: (URL) throws -> Void
        /// What the message must also say (beyond the file's name), when the case has a specific answer.
        var attendu: String? = nil
    }

    /// Pseudo-random bytes, the same on every run.
    static func octetsAuHasard(_ n: Int, graine: UInt64 = 0x5EED) -> Data {
        var etat = graine
        return Data((0..<n).map { _ in
            etat = etat &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: etat >> 33)
        })
    }

    static func ecrire(_ donnees: Data) -> (URL) throws -> Void { { try donnees.write(to: $0) } }

    /// A file of `octets` bytes that takes no room on disk (a hole), for the size limit.
    static func creux(_ octets: UInt64) -> (URL) throws -> Void {
        { url in
            FileManager.default.createFile(atPath: url.path, contents: Data("prénom;nom\n".utf8))
            let poignee = try FileHandle(forWritingTo: url)
            try poignee.truncate(atOffset: octets)
            try poignee.close()
        }
    }

    /// Cases every file reader shares: wrong kinds of files, missing, garbage, encodings, sizes.
    static func communs(extension ext: String) -> [Hostile] {
        [
            Hostile(nom: "absent.\(ext)", creer: { _ in }, attendu: "introuvable"),
            Hostile(nom: "dossier.\(ext)", creer: { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: false) },
                    attendu: "dossier"),
            Hostile(nom: "lien-vers-dossier.\(ext)", creer: { url in
                let cible = url.deletingLastPathComponent().appendingPathComponent("un-dossier")
                try FileManager.default.createDirectory(at: cible, withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(at: url, withDestinationURL: cible)
            }, attendu: "dossier"),
            Hostile(nom: "lien-vers-dev-zero.\(ext)", creer: {
                try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: URL(fileURLWithPath: "/dev/zero"))
            }, attendu: "fichier ordinaire"),
            Hostile(nom: "tube.\(ext)", creer: { url in
                guard mkfifo(url.path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            }, attendu: "fichier ordinaire"),
            Hostile(nom: "lien-casse.\(ext)", creer: {
                try FileManager.default.createSymbolicLink(at: $0, withDestinationURL: URL(fileURLWithPath: "/nulle/part/rien.\(ext)"))
            }, attendu: "introuvable"),
            Hostile(nom: "cinquante-mo.\(ext)", creer: creux(50 * 1024 * 1024), attendu: "trop gros"),
            Hostile(nom: "vide.\(ext)", creer: ecrire(Data())),
            Hostile(nom: "binaire.\(ext)", creer: ecrire(octetsAuHasard(4096))),
            Hostile(nom: "octets-nuls.\(ext)", creer: ecrire(Data(count: 1000))),
        ]
    }

    /// Cases for the CSV readers (learners, Pix): encodings, quotes, sizes of lines and cells.
    static func csv(entete: String) -> [Hostile] {
        communs(extension: "csv") + [
            Hostile(nom: "utf16.csv", creer: ecrire(Data([0xFF, 0xFE]) + (entete + "\nAwa;Koné\n").data(using: .utf16LittleEndian)!),
                    attendu: "UTF-16"),
            Hostile(nom: "latin1.csv", creer: ecrire((entete + "\nLéo;Hélène\n").data(using: .isoLatin1)!), attendu: "UTF-8"),
            Hostile(nom: "guillemet-ouvert.csv", creer: ecrire(Data((entete + "\n\"Awa;Koné\nLéo;Martin\n").utf8)), attendu: "ligne"),
            Hostile(nom: "case-geante.csv", creer: ecrire(Data((entete + "\n" + String(repeating: "x", count: 300_000) + ";y\n").utf8)),
                    attendu: "ligne 2"),
            Hostile(nom: "en-tete-geant.csv", creer: ecrire(Data((String(repeating: "é", count: 300_000) + ";nom\nA;B\n").utf8)),
                    attendu: "ligne 1"),
            Hostile(nom: "mille-colonnes.csv", creer: ecrire(Data((Array(repeating: "a", count: 1000).joined(separator: ";") + "\n").utf8))),
        ]
    }

    /// The base's observable state: learners, integrity, and the files around it.
    struct Etat: Equatable {
        var apprenants: Int
        var integrite: String
        var fichiers: [String]
    }

    static func etat(_ atelier: Atelier, ignorer: URL) throws -> Etat {
        let base = try Base(chemin: atelier.chemin.path)
        let fichiers = try FileManager.default.contentsOfDirectory(atPath: atelier.dossier.path)
            .filter { !$0.hasPrefix("livret.sqlite") && $0 != ignorer.lastPathComponent }.sorted()
        return Etat(apprenants: try base.apprenants().count, integrite: try base.verifierIntegrite(), fichiers: fichiers)
    }

    /// The checks every refusal must pass. `rapportAccepte`: a report on standard output with ✗ lines
    /// (`badge verifier`) may stand for the « Erreur : » message on standard error.
    static func verifierRefus(_ resultat: ExecutableLivret.Resultat, _ hostile: Hostile, rapportAccepte: Bool,
                              sourceLocation: SourceLocation) throws {
        let contexte = "\(hostile.nom) :\n\(resultat)"
        #expect(resultat.statut == 1, "\(contexte)", sourceLocation: sourceLocation)
        if rapportAccepte {
            #expect(resultat.toutLeTexte.contains("✗") || resultat.erreur.hasPrefix("Erreur :"), "\(contexte)", sourceLocation: sourceLocation)
        } else {
            #expect(resultat.erreur.hasPrefix("Erreur :"), "\(contexte)", sourceLocation: sourceLocation)
            #expect(resultat.toutLeTexte.contains(hostile.nom), "le message ne nomme pas le fichier — \(contexte)", sourceLocation: sourceLocation)
        }
        if let attendu = hostile.attendu {
            #expect(resultat.toutLeTexte.contains(attendu), "« \(attendu) » attendu — \(contexte)", sourceLocation: sourceLocation)
        }
        for trace in ["Fatal error", "Illegal instruction", "Segmentation", "Current stack trace", "💣"] {
            #expect(!resultat.toutLeTexte.contains(trace), "\(contexte)", sourceLocation: sourceLocation)
        }
        // A hostile file must never be echoed back at length.
        #expect(resultat.toutLeTexte.utf8.count < 20_000, "message de \(resultat.toutLeTexte.utf8.count) octets — \(hostile.nom)",
                sourceLocation: sourceLocation)
    }

    /// Runs `commande + [fichier]` on each hostile file (made in `hostiles/`) and checks the refusal,
    /// then that the base and its folder did not change.
    func essayer(_ commande: [String], _ cas: [Hostile], atelier: Atelier, rapportAccepte: Bool = false,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dossier = atelier.dossier.appendingPathComponent("hostiles")
        try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
        let avant = try Self.etat(atelier, ignorer: dossier)
        for hostile in cas {
            let url = dossier.appendingPathComponent(hostile.nom)
            try hostile.creer(url)
            try Self.verifierRefus(try atelier.lancer(commande + [url.path]), hostile, rapportAccepte: rapportAccepte,
                                   sourceLocation: sourceLocation)
        }
        #expect(try Self.etat(atelier, ignorer: dossier) == avant, "la base ou son dossier a changé", sourceLocation: sourceLocation)
    }

    @Test("apprenant importer : fichiers hostiles refusés, rien d'importé")
    func importerApprenants() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            try essayer(["apprenant", "importer", "--formateur", "Nadia Benali"], Self.csv(entete: "prénom;nom"), atelier: atelier)
        }
    }

    @Test("pix importer : fichiers hostiles refusés, rien d'importé")
    func importerPix() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            try essayer(["pix", "importer", "--formateur", "Nadia Benali"],
                        Self.csv(entete: "\"Nom de l'organisation\";\"ID Campagne\";\"Envoi (O/N)\"") + [
                            Hostile(nom: "certif-tronque.csv", creer: Self.ecrire(Data("\"Numéro de certification\";\"Prénom\";\"Nom\";\"Statut\";\"Nombre de Pix\";\"1.1\"\n\"1\";\"A".utf8))),
                        ], atelier: atelier)
        }
    }

    @Test("referentiel valider : fichiers hostiles et JSON piégés refusés")
    func validerReferentiel() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let json = Self.communs(extension: "json") + [
                Hostile(nom: "profond.json", creer: Self.ecrire(Data((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8)),
                        attendu: "profonde"),
                Hostile(nom: "objets-profonds.json", creer: Self.ecrire(Data((String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)).utf8))),
                Hostile(nom: "tronque.json", creer: Self.ecrire(Data("{\"format\": \"livret.referentiel/1\", \"type\": \"aptic\", \"niveaux\": [{\"code\":".utf8))),
                Hostile(nom: "utf16.json", creer: Self.ecrire("{\"format\": \"livret.referentiel/1\"}".data(using: .utf16)!)),
                Hostile(nom: "nombres.json", creer: Self.ecrire(Data("{\"format\": 1e999, \"type\": -0, \"code\": 123456789012345678901234567890}".utf8))),
                Hostile(nom: "chaine-geante.json", creer: Self.ecrire(Data(("{\"format\": \"" + String(repeating: "x", count: 2_000_000) + "\"}").utf8))),
            ]
            try essayer(["referentiel", "valider"], json, atelier: atelier)
        }
    }

    @Test("badge verifier : archives piégées refusées, rien d'extrait")
    func verifierPaquet() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            try atelier.reussir(["badge", "cle", "creer"])
            try atelier.reussir(["badge", "emettre", "A-0001", "--tous", "--confirmer", "--formateur", "Nadia Benali"])
            let valide = atelier.dossier.appendingPathComponent("valide.zip")
            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", valide.path])
            let octetsValides = try Data(contentsOf: valide)

            // A link to a good bundle is read like the bundle itself: nothing is written through it.
            let lien = atelier.dossier.appendingPathComponent("lien-vers-paquet.zip")
            try FileManager.default.createSymbolicLink(at: lien, withDestinationURL: valide)
            try atelier.reussir(["badge", "verifier", lien.path])

            let cas = Self.communs(extension: "zip").filter { $0.nom != "cinquante-mo.zip" } + [
                Hostile(nom: "zip-slip.zip", creer: Self.ecrire(try Self.piege(nom: "xx/xx/xx/tmp/livret-zip-slip.txt", devient: "../../../tmp/livret-zip-slip.txt")),
                        attendu: "sortir du dossier"),
                Hostile(nom: "chemin-absolu.zip", creer: Self.ecrire(try Self.piege(nom: "xetc/livret-absolu.txt", devient: "/etc/livret-absolu.txt"))),
                Hostile(nom: "lien-symbolique.zip", creer: Self.ecrire(try Self.piege(nom: "badges/lien.jwt", devient: "badges/lien.jwt", lien: true)),
                        attendu: "lien symbolique"),
                Hostile(nom: "bombe.zip", creer: { try ZipEcriture.octets(["badges/a.jwt": Data(count: 20_000_000)], horodatage: nil).write(to: $0) },
                        attendu: "bombe"),
                Hostile(nom: "tronque.zip", creer: Self.ecrire(octetsValides.prefix(octetsValides.count / 2))),
                Hostile(nom: "pas-un-zip.zip", creer: Self.ecrire(Data("Ceci n'est pas une archive.\n".utf8))),
                Hostile(nom: "octet-change.zip", creer: { url in
                    var octets = octetsValides
                    octets[octets.count / 3] ^= 0x40
                    try octets.write(to: url)
                }),
            ]
            // `badge verifier` answers with a report on standard output (✓/✗ per rule) and exit code 1.
            try essayer(["badge", "verifier"], cas, atelier: atelier, rapportAccepte: true)
            // Nothing extracted next to the archives.
            let restes = try FileManager.default.contentsOfDirectory(atPath: atelier.dossier.appendingPathComponent("hostiles").path)
            #expect(Set(restes).isSubset(of: Set(cas.map(\.nom) + ["un-dossier"])), "\(restes)")
            #expect(!FileManager.default.fileExists(atPath: "/tmp/livret-zip-slip.txt"))
        }
    }
}

extension EntreesHostilesCLITests {
    /// An archive written by `ZipEcriture` (which refuses dangerous names), then patched: the
    /// entry's name `nom` becomes `devient` (same length) in both headers, and with `lien` its
    /// Unix mode becomes a symbolic link (0o120777) in the central directory.
    static func piege(nom: String, devient: String, lien: Bool = false) throws -> Data {
        precondition(nom.utf8.count == devient.utf8.count)
        var octets = [UInt8](try ZipEcriture.octets([nom: Data("/etc/passwd".utf8)], horodatage: nil))
        let ancien = Array(nom.utf8)
        var i = 0
        while i + ancien.count <= octets.count {
            if Array(octets[i..<i + ancien.count]) == ancien { octets.replaceSubrange(i..<i + ancien.count, with: devient.utf8) }
            i += 1
        }
        if lien, let central = (0..<octets.count - 4).first(where: { octets[$0..<$0 + 4] == [0x50, 0x4B, 0x01, 0x02] }) {
            octets[central + 5] = 3  // made on Unix
            let mode = UInt32(0o120777) << 16
            for k in 0..<4 { octets[central + 38 + k] = UInt8(truncatingIfNeeded: mode >> (8 * k)) }
        }
        return Data(octets)
    }
}

