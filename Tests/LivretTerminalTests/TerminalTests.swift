#if canImport(Glibc)
import Glibc
#endif
import LivretTerminal
import Testing

/// The real-terminal code, on a pseudo-terminal made for the test: never the tty the tests
/// run in.
@Suite("Terminal", .serialized)
struct TerminalTests {
    @Test("NO_COLOR absent ou vide : couleurs ; présent et non vide : pas de couleurs")
    func noColor() {
        #expect(Terminal.couleursAutorisees(environnement: [:]))
        #expect(Terminal.couleursAutorisees(environnement: ["NO_COLOR": ""]))
        #expect(!Terminal.couleursAutorisees(environnement: ["NO_COLOR": "1"]))
        #expect(!Terminal.couleursAutorisees(environnement: ["NO_COLOR": "0", "TERM": "xterm"]))
    }

    @Test("Hors d’un terminal, ouvrir échoue avec un message clair")
    func pasUnTerminal() throws {
        var tube: [Int32] = [-1, -1]
        #expect(pipe(&tube) == 0)
        defer { close(tube[0]); close(tube[1]) }
        #expect(throws: ErreurTerminal.pasUnTerminal) { try Terminal.ouvrir(entree: tube[0], sortie: tube[1]) }
        #expect(ErreurTerminal.pasUnTerminal.description.contains("terminal"))
    }

    /// A pseudo-terminal: (master, slave).
    func pseudoTerminal(largeur: UInt16, hauteur: UInt16) throws -> (Int32, Int32) {
        // posix_openpt, grantpt, unlockpt and ptsname are not in Swift's Glibc module: their
        // Linux ioctls instead (TIOCSPTLCK, TIOCGPTN; grantpt does nothing with devpts).
        let maitre = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(maitre >= 0)
        var verrou: Int32 = 0
        var numero: UInt32 = 0
        try #require(ioctl(maitre, UInt(0x4004_5431), &verrou) == 0)
        try #require(ioctl(maitre, UInt(0x8004_5430), &numero) == 0)
        let esclave = open("/dev/pts/\(numero)", O_RDWR | O_NOCTTY)
        try #require(esclave >= 0)
        var ws = winsize(ws_row: hauteur, ws_col: largeur, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(maitre, UInt(TIOCSWINSZ), &ws)
        _ = fcntl(maitre, F_SETFL, fcntl(maitre, F_GETFL) | O_NONBLOCK)
        return (maitre, esclave)
    }

    /// What the program wrote to the pseudo-terminal so far.
    func lireMaitre(_ maitre: Int32) -> String {
        var octets: [UInt8] = []
        var tampon = [UInt8](repeating: 0, count: 4096)
        var attente = pollfd(fd: maitre, events: Int16(POLLIN), revents: 0)
        while poll(&attente, 1, 200) > 0 {
            let n = read(maitre, &tampon, tampon.count)
            if n <= 0 { break }
            octets += tampon[0..<n]
        }
        return String(decoding: octets, as: UTF8.self)
    }

    @Test("Sur un pseudo-terminal : mode brut, écran alternatif, taille, lecture, redimensionnement, restauration")
    func pseudoTerminal() throws {
        let (maitre, esclave) = try pseudoTerminal(largeur: 100, hauteur: 30)
        defer { close(maitre); close(esclave) }
        var avant = termios()
        tcgetattr(esclave, &avant)
        #expect(avant.c_lflag & tcflag_t(ICANON) != 0)

        var winchAvant = sigaction()
        sigaction(SIGWINCH, nil, &winchAvant)
        let terminal = try Terminal.ouvrir(entree: esclave, sortie: esclave)
        #expect(lireMaitre(maitre) == "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h")
        var brut = termios()
        tcgetattr(esclave, &brut)
        #expect(brut.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0)
        #expect(brut.c_iflag & tcflag_t(ICRNL | IXON) == 0)
        #expect(throws: ErreurTerminal.dejaOuvert) { try Terminal.ouvrir(entree: esclave, sortie: esclave) }

        #expect(terminal.taille() == Taille(largeur: 100, hauteur: 30))
        #expect(terminal.lire(delaiMillisecondes: 20) == .rien)
        let frappe = Array("é\u{1B}[A\r".utf8)
        _ = frappe.withUnsafeBytes { write(maitre, $0.baseAddress, $0.count) }
        #expect(terminal.lire(delaiMillisecondes: 2000) == .octets(frappe))

        var ws = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(maitre, UInt(TIOCSWINSZ), &ws)
        kill(getpid(), SIGWINCH)
        #expect(terminal.lire(delaiMillisecondes: 2000) == .redimensionnement)
        #expect(terminal.taille() == Taille(largeur: 120, hauteur: 40))
        #expect(terminal.lire(delaiMillisecondes: 0) == .rien)

        // SIGCONT (back from a suspension): redraw asked, the terminal was already set up.
        kill(getpid(), SIGCONT)
        #expect(terminal.lire(delaiMillisecondes: 2000) == .redimensionnement)

        terminal.ecrire(Array("Séance".utf8))
        #expect(lireMaitre(maitre) == "Séance")

        terminal.suspendre()
        #expect(lireMaitre(maitre) == "\u{1B}[0m\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l")
        kill(getpid(), SIGCONT)
        #expect(terminal.lire(delaiMillisecondes: 100) == .rien)
        #expect(lireMaitre(maitre) == "")
        terminal.reprendre()
        #expect(lireMaitre(maitre) == "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h")

        terminal.restaurer()
        #expect(lireMaitre(maitre) == "\u{1B}[0m\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l")
        var winchApres = sigaction()
        sigaction(SIGWINCH, nil, &winchApres)
        // glibc adds SA_RESTORER (0x04000000) to any action it installs.
        #expect(winchApres.sa_flags & ~0x0400_0000 == winchAvant.sa_flags & ~0x0400_0000)
        #expect(winchApres.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) }
                == winchAvant.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) })
        var apres = termios()
        tcgetattr(esclave, &apres)
        #expect(apres.c_lflag == avant.c_lflag && apres.c_iflag == avant.c_iflag && apres.c_oflag == avant.c_oflag)
        terminal.restaurer()
        #expect(lireMaitre(maitre) == "")
        #expect(terminal.lire(delaiMillisecondes: 0) == .rien)

        // Free again, and closing by deinit restores too.
        do {
            let encore = try Terminal.ouvrir(entree: esclave, sortie: esclave)
            _ = encore.taille()
        }
        #expect(lireMaitre(maitre) == "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h\u{1B}[0m\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l")
    }
}
