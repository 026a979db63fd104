import Foundation
import LivretTestSupport
import Testing

/// The terminal UI in a real terminal: tmux runs a plain `sh` at 80×24 with a controlled
/// environment, the test types into it (`send-keys`) and reads the screen (`capture-pane -p`).
/// Skipped when tmux is not installed.
@Suite("Interface dans un vrai terminal (tmux)", .enabled(if: Tmux.disponible, "tmux n'est pas dans le PATH : test du vrai terminal sauté"))
struct InterfaceTmuxTests {
    /// The demo base with a séance on the day of the test, in smartphone-2024 (the first cohort
    /// of the accueil): the UI's séance list selects it.
    static func preparerBase(_ dossier: URL) throws {
        for arguments in [["demo", "--base", "demo.sqlite"],
                          ["seance", "ajouter", "smartphone-2024", "--duree", "120", "--theme", "Rattrapage", "--date", "2024-03-04",
                           "--formateur", "Nadia Benali", "--base", "demo.sqlite"]] {
            let resultat = try ExecutableLivret.lancer(arguments, dans: dossier)
            try #require(resultat.statut == 0, "\(resultat)")
        }
    }

    @Test func appelPuisCLI() throws {
        let livret = try ExecutableLivret.localiser()
        try DossierTemporaire.avec { dossier in
            try Self.preparerBase(dossier)
            let tmux = try Tmux(dossier: dossier)
            defer { tmux.arreter() }
            let avant = try tmux.stty()

            tmux.taper(texte: "\(Tmux.citer(livret.path)) --base demo.sqlite")
            tmux.taper(touches: "Enter")
            try tmux.attendre("Accueil")
            #expect(try tmux.valeur("#{alternate_on}") == "1", "l'interface s'ouvre sur l'écran alternatif")
            try tmux.attendre("smartphone-2024")
            tmux.taper(texte: "a")
            try tmux.attendre("choisissez la séance")
            tmux.taper(touches: "Enter")
            try tmux.attendre("Appel du lun. 04/03/2024")
            tmux.taper(texte: "pea")
            let marque = try tmux.attendre("3 lignes modifiées")
            // Who was marked what, as the screen shows it (people are listed by name).
            var marques: [String: (statut: String, minutes: Int)] = [:]
            for ligne in marque.split(separator: "\n") {
                for (repere, statut, minutes) in [("[P] présent", "present", 120), ("[E] excusé", "excuse", 0), ("[A] absent", "absent", 0)] {
                    if let r = ligne.range(of: repere) {
                        marques[ligne[..<r.lowerBound].trimmingCharacters(in: .whitespaces)] = (statut, minutes)
                    }
                }
            }
            try #require(marques.count == 3, "\(marque)")
            tmux.taper(texte: "s")
            let ecran = try tmux.attendre("Appel enregistré : 1 présent sur 6 (3 sur 6 saisis : appel partiel).")
            #expect(!ecran.contains("non enregistré"), "\(ecran)")
            tmux.taper(texte: "q")
            let shell = try tmux.attendre { !$0.contains("Appel enregistré") && $0.contains("stty -g") }
            #expect(try tmux.valeur("#{alternate_on}") == "0", "l'écran alternatif est quitté")
            #expect(!shell.contains("Accueil"), "\(shell)")
            #expect(try tmux.stty() == avant, "le terminal est rendu dans son état d'origine")
            #expect(try tmux.valeur("#{cursor_flag}") == "1", "le curseur est visible")

            // The command line sees the attendance just taken, and nothing else for that séance.
            let base = ["--base", "demo.sqlite"]
            let seances = try ExecutableLivret.lancer(["seance", "lister", "smartphone-2024", "--json"] + base, dans: dossier)
            try #require(seances.statut == 0, "\(seances)")
            let liste = try #require(try JSONSerialization.jsonObject(with: seances.sortieOctets) as? [[String: Any]], "\(seances.sortie)")
            let seance = try #require(liste.first { "\($0["date"] ?? "")".contains("2024-03-04") }, "\(seances.sortie)")
            let idSeance = try #require(JSONSortie.entier(seance["id"]))
            let apprenants = try ExecutableLivret.lancer(["apprenant", "lister", "--json"] + base, dans: dossier)
            try #require(apprenants.statut == 0, "\(apprenants)")
            let tous = try #require(try JSONSerialization.jsonObject(with: apprenants.sortieOctets) as? [[String: Any]])
            var vus: [String: (statut: String, minutes: Int)] = [:]
            for apprenant in tous {
                let identifiant = try #require(apprenant["identifiant"] as? String)
                let nom = [apprenant["prenom"], apprenant["nom"]].compactMap { $0 as? String }.joined(separator: " ")
                let affiche = nom.isEmpty ? (apprenant["pseudonyme"] as? String ?? identifiant) : nom
                let montrer = try ExecutableLivret.lancer(["apprenant", "montrer", identifiant, "--json"] + base, dans: dossier)
                try #require(montrer.statut == 0, "\(montrer)")
                let presences = JSONSortie.objets(try JSONSortie.objet(montrer.sortieOctets)["inscriptions"])
                    .flatMap { JSONSortie.objets($0["presences"]) }
                    .filter { JSONSortie.entier($0["seanceId"]) == idSeance }
                for presence in presences {
                    vus[affiche] = (presence["statut"] as? String ?? "?", JSONSortie.entier(presence["minutes"]) ?? -1)
                }
            }
            #expect(vus.mapValues { "\($0.statut) \($0.minutes)" } == marques.mapValues { "\($0.statut) \($0.minutes)" })
        }
    }

    @Test func sigtermRendLeTerminal() throws {
        let livret = try ExecutableLivret.localiser()
        try DossierTemporaire.avec { dossier in
            try Self.preparerBase(dossier)
            let tmux = try Tmux(dossier: dossier)
            defer { tmux.arreter() }
            let avant = try tmux.stty()

            // `exec` keeps the pid written by the shell: it is livret's.
            tmux.taper(texte: "sh -c 'echo $$ > livret.pid; exec \"$0\" --base demo.sqlite' \(Tmux.citer(livret.path)); echo \"fin $?\"")
            tmux.taper(touches: "Enter")
            try tmux.attendre("Accueil")
            tmux.taper(texte: "a")
            try tmux.attendre("choisissez la séance")
            let texte = try String(contentsOf: dossier.appendingPathComponent("livret.pid"), encoding: .utf8)
            let pid = try #require(Int32(texte.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(kill(pid, SIGTERM) == 0)
            let ecran = try tmux.attendre { $0.split(separator: "\n").contains { $0.hasPrefix("fin ") } }
            #expect(try tmux.valeur("#{alternate_on}") == "0", "\(ecran)")
            #expect(try tmux.stty() == avant, "le terminal est rendu dans son état d'origine")
            #expect(try tmux.valeur("#{cursor_flag}") == "1", "le curseur est visible")
        }
    }
}

/// One tmux server of its own (its socket in the test's folder), one 80×24 window running `sh`
/// with a controlled environment.
struct Tmux {
    static var disponible: Bool { chercher("tmux") != nil }

    static func chercher(_ nom: String) -> URL? {
        let chemins = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return chemins.map { URL(fileURLWithPath: String($0)).appendingPathComponent(nom) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A shell word.
    static func citer(_ texte: String) -> String { "'" + texte.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    struct Echec: Error, CustomStringConvertible {
        var description: String
    }

    let executable: URL
    let dossier: URL
    let socket: String
    var cible: String { "livret-test" }

    init(dossier: URL) throws {
        guard let executable = Self.chercher("tmux") else { throw Echec(description: "tmux introuvable") }
        self.executable = executable
        self.dossier = dossier
        socket = "livret-\(getpid())-\(UUID().uuidString.prefix(8))"
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let shell = "env -i TERM=xterm-256color HOME=\(Self.citer(dossier.path)) LANG=C.UTF-8 LIVRET_DATE=2024-03-04 "
            + "LIVRET_FORMATEUR='Nadia Benali' PATH=\(Self.citer(path)) PS1='$ ' sh"
        try lancer(["new-session", "-d", "-s", cible, "-x", "80", "-y", "24", "-c", dossier.path, shell], verifier: true)
        pids = [try valeur("#{pane_pid}"), try valeur("#{pid}")].compactMap { Int32($0) }
        try attendre { $0.contains("$") }
    }

    /// The shell of the pane and the server, killed for sure at the end.
    private var pids: [Int32] = []

    /// Kills the server and everything in it.
    func arreter() {
        _ = try? lancer(["kill-server"])
        // The shell may outlive kill-server: give it a moment, then make sure.
        let limite = Date().addingTimeInterval(1)
        while Date() < limite && pids.contains(where: { kill($0, 0) == 0 }) { usleep(20_000) }
        for pid in pids where kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    }

    /// Runs `tmux -L socket arguments…`, with nothing of the caller's terminal, and returns what it
    /// printed. Not through `Foundation.Process`: on Linux it hands its child a socket it watches
    /// to learn that the child ended, and the tmux server forked by `new-session` would inherit
    /// it and keep it open, so the launch would never be seen to end (swift-corelibs-foundation
    /// issue 4795). `Lanceur` closes every descriptor but the standard ones in the child.
    @discardableResult
    func lancer(_ arguments: [String], verifier: Bool = false) throws -> String {
        let environnement = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": dossier.path,
                             "LANG": "C.UTF-8", "TMUX_TMPDIR": dossier.path, "TERM": "xterm-256color"]
        let (statut, texte) = try Lanceur.executer(executable.path, ["-L", socket, "-f", "/dev/null"] + arguments,
                                                   environnement: environnement, dossier: dossier)
        if verifier && statut != 0 {
            throw Echec(description: "tmux \(arguments.joined(separator: " ")) → \(statut) : \(texte)")
        }
        return texte
    }

    /// Types text literally.
    func taper(texte: String) { _ = try? lancer(["send-keys", "-t", cible, "-l", texte]) }

    /// Presses named keys (Enter, Escape…).
    func taper(touches: String...) { _ = try? lancer(["send-keys", "-t", cible] + touches) }

    /// The pane's text.
    func ecran() throws -> String { try lancer(["capture-pane", "-p", "-t", cible], verifier: true) }

    /// A format of `display -p` (#{cursor_flag}…), trimmed.
    func valeur(_ format: String) throws -> String {
        try lancer(["display", "-p", "-t", cible, format], verifier: true).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits (polling every 20 ms, at most `delai` seconds) until the pane shows `texte`.
    @discardableResult
    func attendre(_ texte: String, delai: Double = 10) throws -> String {
        try attendre(delai: delai, quoi: "« \(texte) »") { $0.contains(texte) }
    }

    @discardableResult
    func attendre(delai: Double = 10, quoi: String = "l'état attendu", _ condition: (String) -> Bool) throws -> String {
        let limite = Date().addingTimeInterval(delai)
        var dernier = ""
        while Date() < limite {
            dernier = try ecran()
            if condition(dernier) { return dernier }
            usleep(20_000)
        }
        throw Echec(description: "tmux n'a pas montré \(quoi) en \(delai) s. Écran :\n\(dernier)")
    }

    /// `stty -g` of the pane's terminal, run in the pane's shell (written to a file, read back).
    func stty() throws -> String {
        let fichier = dossier.appendingPathComponent("stty-\(UUID().uuidString.prefix(8)).txt")
        taper(texte: "stty -g > \(Self.citer(fichier.lastPathComponent)); echo stty-fait")
        taper(touches: "Enter")
        let limite = Date().addingTimeInterval(10)
        while Date() < limite {
            if let texte = try? String(contentsOf: fichier, encoding: .utf8), texte.hasSuffix("\n") {
                return texte.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            usleep(20_000)
        }
        throw Echec(description: "stty -g n'a rien écrit. Écran :\n\((try? ecran()) ?? "")")
    }
}

/// Runs a short command with posix_spawn: standard input from /dev/null, both outputs to a
/// file, no other descriptor inherited, in the current folder (tmux is given absolute paths);
/// waits at most `delai` seconds.
enum Lanceur {
    static func executer(_ chemin: String, _ arguments: [String], environnement: [String: String], dossier: URL,
                         delai: Double = 10) throws -> (statut: Int32, sortie: String) {
        let fichier = dossier.appendingPathComponent("lanceur-\(UUID().uuidString.prefix(8)).txt")
        defer { try? FileManager.default.removeItem(at: fichier) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, fichier.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributs = posix_spawnattr_t()
        posix_spawnattr_init(&attributs)
        defer { posix_spawnattr_destroy(&attributs) }
        #if os(Linux)
        fermerLesAutres(&actions)
        #else
        posix_spawnattr_setflags(&attributs, Int16(POSIX_SPAWN_CLOEXEC_DEFAULT))
        #endif
        let argv = ([chemin] + arguments).map { strdup($0) } + [nil]
        let envp = environnement.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let erreur = posix_spawn(&pid, chemin, &actions, &attributs, argv, envp)
        guard erreur == 0 else { throw Tmux.Echec(description: "posix_spawn \(chemin) : erreur \(erreur)") }
        var etat: Int32 = 0
        let limite = Date().addingTimeInterval(delai)
        while waitpid(pid, &etat, WNOHANG) == 0 {
            if Date() > limite {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &etat, 0)
                throw Tmux.Echec(description: "\(chemin) \(arguments.joined(separator: " ")) ne s'est pas terminé en \(delai) s")
            }
            usleep(5_000)
        }
        let statut: Int32 = (etat & 0x7f) == 0 ? (etat >> 8) & 0xff : 128 + (etat & 0x7f)
        let sortie = (try? String(contentsOf: fichier, encoding: .utf8)) ?? ""
        return (statut, sortie)
    }

    #if os(Linux)
    /// Closes every descriptor from 3 in the child: glibc's closefrom action when it has one
    /// (2.34 and later, looked up at run time), else each descriptor open now.
    private static func fermerLesAutres(_ actions: inout posix_spawn_file_actions_t) {
        typealias FermerAPartirDe = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbole = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbole, to: FermerAPartirDe.self)(&actions, 3)
            return
        }
        let ouverts = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in ouverts.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
    }
    #endif
}
