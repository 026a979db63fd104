import Foundation
import LivretTestSupport
import Testing

/// Issue 14, end to end: private files whatever the umask, erasure and the copies that remain,
/// restore from read-only media, French messages for the disk, a demo never left half made.
@Suite("Protection des données et des fichiers, de bout en bout")
struct ProtectionCLITests {
    /// Runs `livret arguments…` through `sh -c "<prelude>; exec livret…"` (umask, ulimit), in `dossier`.
    static func lancerAvec(_ prelude: String, _ arguments: [String], dans dossier: URL, variables: [String: String],
                           utilisateur: String? = nil) throws -> ExecutableLivret.Resultat {
        let livret = try ExecutableLivret.localiser().path
        let processus = Process()
        var commande = ["/bin/sh", "-c", "\(prelude); exec \"$0\" \"$@\"", livret] + arguments
        if let utilisateur { commande = ["/usr/bin/setpriv", "--reuid=\(utilisateur)", "--regid=\(utilisateur)", "--clear-groups", "--"] + commande }
        processus.executableURL = URL(fileURLWithPath: commande[0])
        processus.arguments = Array(commande.dropFirst())
        processus.environment = ExecutableLivret.environnement.merging(variables) { $1 }
        processus.currentDirectoryURL = dossier
        processus.standardInput = FileHandle.nullDevice
        // Pipes, not files: under `ulimit -f` the limit would apply to the captured output too.
        let sortie = Pipe()
        let erreur = Pipe()
        processus.standardOutput = sortie
        processus.standardError = erreur
        try processus.run()
        let groupe = DispatchGroup()
        nonisolated(unsafe) var octetsSortie = Data()
        nonisolated(unsafe) var octetsErreur = Data()
        DispatchQueue.global().async(group: groupe) { octetsSortie = sortie.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: groupe) { octetsErreur = erreur.fileHandleForReading.readDataToEndOfFile() }
        processus.waitUntilExit()
        groupe.wait()
        return ExecutableLivret.Resultat(arguments: arguments, statut: processus.terminationStatus, sortieOctets: octetsSortie,
                                         sortie: String(decoding: octetsSortie, as: UTF8.self),
                                         erreur: String(decoding: octetsErreur, as: UTF8.self))
    }

    /// Another program holding a read transaction open on `base` (python3's sqlite3), until `fin()`.
    struct Lecteur {
        let processus: Process
        let entree: Pipe
        func fin() {
            try? entree.fileHandleForWriting.close()
            processus.waitUntilExit()
        }
    }

    static func lecteur(_ base: URL, prelude: String = "true") throws -> Lecteur {
        let processus = Process()
        processus.executableURL = URL(fileURLWithPath: "/bin/sh")
        processus.arguments = ["-c", "\(prelude); exec python3 -c \"$0\" \"$1\"", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN")
            c.execute("SELECT COUNT(*) FROM apprenant").fetchall()
            print("pret", flush=True)
            sys.stdin.read()
            """, base.path]
        let entree = Pipe()
        let sortie = Pipe()
        processus.standardInput = entree
        processus.standardOutput = sortie
        try processus.run()
        // Wait until the transaction is open.
        _ = sortie.fileHandleForReading.availableData
        return Lecteur(processus: processus, entree: entree)
    }

    static func mode(_ url: URL) -> String {
        var etat = stat()
        guard lstat(url.path, &etat) == 0 else { return "absent" }
        return String(etat.st_mode & 0o777, radix: 8)
    }

    @Test("Sous umask 022 : base, -wal, -shm, sauvegarde, exports et paquets en 0600, leurs dossiers en 0700")
    func fichiersPrivesSousUmask022() throws {
        try Atelier.avec { atelier in
            // No LIVRET_BASE: the default data folder, which Livret creates.
            var variables = atelier.variables
            variables["LIVRET_BASE"] = nil
            variables["LIVRET_FORMATEUR"] = Fixe.formateur
            let umask = "umask 022"
            // « livret demo » writes the demo in its own file of the default data folder; the rest works on it.
            let demo = try Self.lancerAvec(umask, ["demo"], dans: atelier.dossier, variables: variables)
            #expect(demo.statut == 0, "\(demo)")
            variables["LIVRET_BASE"] = atelier.dossier.appendingPathComponent("xdg/livret/demonstration.sqlite").path
            for commande in [["sauvegarde"], ["cv", "exporter", "A-0001"],
                             ["apprenant", "exporter", "A-0001", "--sortie", "Exports/A-0001.json"],
                             ["badge", "cle", "creer"], ["badge", "emettre", "A-0001", "--tous", "--confirmer"],
                             ["badge", "paquet", "A-0001"], ["badge", "paquet", "A-0001", "--sortie", "paquets/juin/A-0001.zip"]] {
                let resultat = try Self.lancerAvec(umask, commande, dans: atelier.dossier, variables: variables)
                #expect(resultat.statut == 0, "\(resultat)")
            }
            let d = atelier.dossier
            let donnees = d.appendingPathComponent("xdg/livret")
            // SQLite removes -wal and -shm when the last connection closes: they are checked while a
            // program run under umask 022 holds the base open (SQLite gives them the base file's mode).
            let base = donnees.appendingPathComponent("demonstration.sqlite")
            let lecteur = try Self.lecteur(base, prelude: "umask 022")
            defer { lecteur.fin() }
            let fichiers = ["demonstration.sqlite", "demonstration.sqlite-wal", "demonstration.sqlite-shm"].map { donnees.appendingPathComponent($0) }
                + ["Exports/livret-sauvegarde-\(Fixe.jour).sqlite", "Exports/A-0001-cv.html", "Exports/A-0001.json",
                   "Exports/A-0001-badges.zip", "paquets/juin/A-0001.zip"].map { d.appendingPathComponent($0) }
            for fichier in fichiers { #expect(Self.mode(fichier) == "600", "\(fichier.path)") }
            for dossier in [donnees, donnees.appendingPathComponent("cles"), d.appendingPathComponent("Exports"),
                            d.appendingPathComponent("paquets"), d.appendingPathComponent("paquets/juin")] {
                #expect(Self.mode(dossier) == "700", "\(dossier.path)")
            }
            let aide = try atelier.reussir(["sauvegarde", "--help"])
            #expect(aide.sortie.contains("0600"), "\(aide)")
        }
    }

    @Test("Effacer dit quelles copies gardent la personne et supprime sur demande les fichiers exportés")
    func effacerEtCopies() throws {
        try Atelier.avec { atelier in
            var atelier = atelier
            atelier.formateur = Fixe.formateur
            try atelier.reussir(["demo"])
            try atelier.reussir(["sauvegarde"])
            try atelier.reussir(["cv", "exporter", "A-0001"])
            try atelier.reussir(["apprenant", "exporter", "A-0001", "--sortie", "Exports/donnees.json"])
            try atelier.reussir(["apprenant", "exporter", "A-0002", "--sortie", "Exports/autre.json"])
            // Another learner whose identifier starts the same way: never taken for A-0001.
            try Data("<html></html>".utf8).write(to: atelier.dossier.appendingPathComponent("Exports/A-00010-cv.html"))
            let effacement = try atelier.reussir(["apprenant", "effacer", "A-0001", "--confirmer"])
            let sortie = effacement.sortie
            #expect(sortie.contains("1 sauvegarde antérieure à l'effacement contient encore cette personne"), "\(effacement)")
            #expect(sortie.contains("Exports/livret-sauvegarde-\(Fixe.jour).sqlite"), "\(effacement)")
            #expect(sortie.contains("2 fichiers exportés nomment encore cette personne"), "\(effacement)")
            #expect(sortie.contains("Exports/A-0001-cv.html") && sortie.contains("Exports/donnees.json"), "\(effacement)")
            #expect(!sortie.contains("autre.json") && !sortie.contains("A-00010"), "\(effacement)")
            #expect(sortie.contains("livret apprenant effacer A-0001 --supprimer-exports --confirmer"), "\(effacement)")
            let exports = atelier.dossier.appendingPathComponent("Exports")
            #expect(FileManager.default.fileExists(atPath: exports.appendingPathComponent("A-0001-cv.html").path))
            let suppression = try atelier.reussir(["apprenant", "effacer", "A-0001", "--supprimer-exports", "--confirmer"])
            #expect(suppression.sortie.contains("2 fichiers exportés supprimés"), "\(suppression)")
            let restants = try FileManager.default.contentsOfDirectory(atPath: exports.path).sorted()
            #expect(restants == ["A-00010-cv.html", "autre.json", "livret-sauvegarde-\(Fixe.jour).sqlite"])
            try atelier.echouer(["apprenant", "effacer", "A-0001", "--confirmer"])
        }
    }

    @Test("Effacer pendant qu'un autre programme lit la base : succès tout de suite, et quand les octets partiront")
    func effacerPendantUneLecture() throws {
        try Atelier.avec { atelier in
            var atelier = atelier
            atelier.formateur = Fixe.formateur
            try atelier.reussir(["demo"])
            let lecteur = try Self.lecteur(atelier.chemin)
            defer { lecteur.fin() }
            let debut = Date()
            let effacement = try atelier.reussir(["apprenant", "effacer", "A-0001", "--confirmer"])
            #expect(Date().timeIntervalSince(debut) < 15, "l'effacement a attendu le lecteur")
            #expect(effacement.sortie.contains("Identité et coordonnées de A-0001 effacées"), "\(effacement)")
            #expect(effacement.sortie.contains("Ils seront effacés du fichier dès qu'il aura fini"), "\(effacement)")
        }
    }

    @Test("Une sauvegarde se restaure depuis un dossier en lecture seule, sans rien y écrire (utilisateur non root)")
    func restaurerDepuisLectureSeule() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), getuid() == 0 else { return }
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            try atelier.reussir(["sauvegarde", "s.sqlite"])
            let d = atelier.dossier
            let rw = d.appendingPathComponent("rw")
            let ro = d.appendingPathComponent("ro")
            try FileManager.default.createDirectory(at: rw, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: true)
            // A key formatted FAT: every file readable, nothing writable.
            try FileManager.default.moveItem(at: d.appendingPathComponent("s.sqlite"), to: ro.appendingPathComponent("s.sqlite"))
            chmod(ro.appendingPathComponent("s.sqlite").path, 0o444)
            chmod(ro.path, 0o555)
            for fichier in atelier.fichiersDeLaBase() {
                try FileManager.default.moveItem(at: fichier, to: rw.appendingPathComponent(fichier.lastPathComponent))
            }
            chmod(d.path, 0o755)
            chown(rw.path, 65534, 65534)
            for nom in try FileManager.default.contentsOfDirectory(atPath: rw.path) { chown(rw.appendingPathComponent(nom).path, 65534, 65534) }
            var variables = atelier.variables
            variables["LIVRET_BASE"] = rw.appendingPathComponent("livret.sqlite").path
            let resultat = try Self.lancerAvec("true", ["restaurer", "ro/s.sqlite", "--confirmer"], dans: d, variables: variables, utilisateur: "65534")
            #expect(resultat.statut == 0, "\(resultat)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: ro.path) == ["s.sqlite"])
        }
    }

    @Test("Disque plein ou fichier trop gros à l'ouverture : message du disque, pas « vérifiez les droits », et rien laissé")
    func ouvertureSurDisquePlein() throws {
        try Atelier.avec { atelier in
            let resultat = try Self.lancerAvec("trap '' XFSZ; ulimit -f 0", ["demo"], dans: atelier.dossier, variables: atelier.variables)
            #expect(resultat.statut == 1, "\(resultat)")
            #expect(resultat.erreur.hasPrefix("Erreur : impossible d'ouvrir la base"), "\(resultat)")
            #expect(!resultat.erreur.contains("Vérifiez le chemin et les droits"), "\(resultat)")
            #expect(!resultat.erreur.contains("disk I/O error") && !resultat.erreur.contains("database or disk is full"), "\(resultat)")
            #expect(atelier.fichiersDeLaBase().isEmpty, "\(atelier.fichiersDeLaBase())")
        }
    }

    @Test("Disque plein pendant une sauvegarde ou un export : un message en français, pas « not an error », rien de partiel")
    func sauvegardeEtExportSurDisquePlein() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            try atelier.reussir(["apprenant", "lister"])
            let limite = "trap '' XFSZ; ulimit -f 80"
            let sauvegarde = try Self.lancerAvec(limite, ["sauvegarde", "s.sqlite"], dans: atelier.dossier, variables: atelier.variables)
            #expect(sauvegarde.statut == 1, "\(sauvegarde)")
            #expect(sauvegarde.erreur.hasPrefix("Erreur : impossible d'écrire « s.sqlite » : "), "\(sauvegarde)")
            #expect(!sauvegarde.erreur.contains("not an error") && !sauvegarde.erreur.contains("erreur de la base"), "\(sauvegarde)")
            // A reader keeps the base open: SQLite then reuses its -shm instead of rebuilding it (a write).
            let lecteur = try Self.lecteur(atelier.chemin)
            defer { lecteur.fin() }
            let cv = try Self.lancerAvec("trap '' XFSZ; ulimit -f 0", ["cv", "exporter", "A-0001"], dans: atelier.dossier,
                                         variables: atelier.variables)
            #expect(cv.statut == 1, "\(cv)")
            #expect(cv.erreur.contains("impossible d'écrire « Exports/A-0001-cv.html » : le fichier dépasserait la taille maximale"), "\(cv)")
            let dossier = try atelier.echouer(["apprenant", "exporter", "A-0001", "--sortie", "Exports"])
            #expect(dossier.erreur == "Erreur : impossible d'écrire « Exports » : c'est un dossier, pas un fichier. Indiquez un nom de fichier.\n", "\(dossier)")
            let restes = try FileManager.default.contentsOfDirectory(atPath: atelier.dossier.path).filter { $0.contains("s.sqlite") }
            #expect(restes.isEmpty, "\(restes)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: atelier.dossier.appendingPathComponent("Exports").path).isEmpty)
        }
    }

    @Test("rgpd anonymiser montre sa progression en français sur l'erreur standard")
    func anonymiserProgression() throws {
        try Atelier.avec { atelier in
            var atelier = atelier
            atelier.formateur = Fixe.formateur
            try atelier.reussir(["demo"])
            let resultat = try atelier.reussir(["rgpd", "anonymiser", "--inactifs-depuis", "1a", "--date", "2024-12-31"])
            #expect(resultat.erreur.contains("Anonymisation : "), "\(resultat)")
            #expect(resultat.erreur.contains("apprenants traités…"), "\(resultat)")
        }
    }

    @Test("Une démo arrêtée au milieu ne laisse rien : « livret demo » se relance et donne la démo entière")
    func demoInterrompue() throws {
        try Atelier.avec { atelier in
            // Référentiels without the smartphone template: the demo stops after its first cohort.
            let referentiels = atelier.dossier.appendingPathComponent("referentiels")
            try FileManager.default.copyItem(at: ExecutableLivret.fichierDuDepot("Referentiels"), to: referentiels)
            try FileManager.default.removeItem(at: referentiels.appendingPathComponent("parcours/initiation-smartphone.json"))
            let arret = try ExecutableLivret.lancer(["demo"], dans: atelier.dossier,
                                                    variables: atelier.variables.merging(["LIVRET_REFERENTIELS": referentiels.path]) { $1 })
            #expect(arret.statut == 1, "\(arret)")
            let reprise = try atelier.reussir(["demo"])
            #expect(reprise.sortie.contains("Base de démonstration créée"), "\(reprise)")
            let liste = try atelier.reussir(["apprenant", "lister"])
            #expect(liste.sortie.contains("19 apprenants."), "\(liste)")
        }
    }
}
