#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `Terminal.lire` saw.
public enum LectureTerminal: Equatable, Sendable {
    /// Bytes typed (or pasted): give them to a `DecodeurEntree`.
    case octets([UInt8])
    /// The terminal was resized, or the program came back from a suspension (ctrl-z, fg):
    /// re-read `taille()`, `invalider()` the screen and draw everything.
    case redimensionnement
    /// Nothing within the delay.
    case rien
}

/// Why the terminal could not be taken.
public enum ErreurTerminal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The standard input or output is not a terminal (redirected, piped, run from a script).
    case pasUnTerminal
    /// A `Terminal` is already open in this process.
    case dejaOuvert
    /// A system call failed (name, errno).
    case systeme(String, Int32)

    /// The message for the person at the keyboard.
    public var description: String {
        switch self {
        case .pasUnTerminal:
            return "L’interface plein écran demande un terminal : l’entrée et la sortie standard ne doivent pas être redirigées."
        case .dejaOuvert:
            return "Le terminal est déjà utilisé par l’interface plein écran."
        case .systeme(let appel, let numero):
            return "Le terminal n’a pas pu être préparé (\(appel) : \(String(cString: strerror(numero))))."
        }
    }
}

/// The real terminal, owned by one object: raw mode, alternate screen, hidden cursor and
/// bracketed paste on `ouvrir()`; all of it undone, in reverse order, by `restaurer()` — called by
/// `deinit`, at exit, and on SIGTERM, SIGHUP, SIGINT and SIGQUIT (the signal then does what it
/// would have done by default). On a crash (SIGILL — Swift's traps —, SIGTRAP, SIGABRT, SIGSEGV,
/// SIGBUS, SIGFPE) the terminal is restored before the previous handler (Swift's backtracer, or
/// the default) runs, so the report shows on the normal screen. SIGTSTP gives the shell its
/// terminal back; `fg` (SIGCONT) takes it again and `lire` reports `.redimensionnement` so that
/// the screen is redrawn. Signals the program ignored (nohup) stay ignored.
///
/// Nothing else in Livret touches the terminal. If the terminal goes away (read end of file),
/// the program ends as on SIGHUP.
public final class Terminal: SortieTerminal {
    private let entree: Int32
    private let sortie: Int32
    private let tubeLecture: Int32
    private var proprietaire = true

    /// True unless the NO_COLOR environment variable is set and not empty (no-color.org).
    public static var couleursAutorisees: Bool {
        let valeur = getenv("NO_COLOR").map { String(cString: $0) }
        return couleursAutorisees(environnement: valeur.map { ["NO_COLOR": $0] } ?? [:])
    }

    /// The rule of `couleursAutorisees` applied to a given environment.
    public static func couleursAutorisees(environnement: [String: String]) -> Bool {
        (environnement["NO_COLOR"] ?? "").isEmpty
    }

    /// Takes the terminal on these descriptors (the standard input and output by default).
    /// Fails with `.pasUnTerminal` if either is not a terminal, leaving everything as it was.
    public static func ouvrir(entree: Int32 = STDIN_FILENO, sortie: Int32 = STDOUT_FILENO) throws -> Terminal {
        let etat = etatTty
        guard !etat.pointee.ouvert else { throw ErreurTerminal.dejaOuvert }
        guard isatty(entree) == 1, isatty(sortie) == 1 else { throw ErreurTerminal.pasUnTerminal }
        var sauvegarde = termios()
        guard tcgetattr(entree, &sauvegarde) == 0 else { throw ErreurTerminal.systeme("tcgetattr", errno) }
        var tube: [Int32] = [-1, -1]
        guard pipe(&tube) == 0 else { throw ErreurTerminal.systeme("pipe", errno) }
        for fd in tube {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }

        etat.pointee.sauvegarde = sauvegarde
        etat.pointee.brut = modeBrut(sauvegarde)
        etat.pointee.entree = entree
        etat.pointee.sortie = sortie
        etat.pointee.tubeEcriture = tube[1]
        etat.pointee.ouvert = true
        etat.pointee.suspendu = false
        _ = octetsEntree
        _ = octetsSortie
        if !etat.pointee.atexitInstalle {
            etat.pointee.atexitInstalle = true
            atexit { quitterModeBrut() }
        }
        let terminal = Terminal(entree: entree, sortie: sortie, tubeLecture: tube[0])
        for numero in signauxFin { installer(signalFin, pour: numero, sauf: true) }
        for numero in signauxPanne { installer(signalPanne, pour: numero, sauf: false) }
        installer(signalTaille, pour: SIGWINCH, sauf: false)
        installer(signalArret, pour: SIGTSTP, sauf: true)
        installer(signalReprise, pour: SIGCONT, sauf: false)
        entrerModeBrut()
        return terminal
    }

    private init(entree: Int32, sortie: Int32, tubeLecture: Int32) {
        self.entree = entree
        self.sortie = sortie
        self.tubeLecture = tubeLecture
    }

    deinit {
        restaurer()
    }

    /// Gives the terminal back as it was: bracketed paste off, cursor shown, alternate screen
    /// left, terminal settings restored, signal handlers put back. Idempotent.
    public func restaurer() {
        guard proprietaire else { return }
        proprietaire = false
        quitterModeBrut()
        for numero in signauxGeres {
            _ = sigaction(numero, &actionsPrecedentes[Int(numero)], nil)
        }
        etatTty.pointee.ouvert = false
        close(etatTty.pointee.tubeEcriture)
        etatTty.pointee.tubeEcriture = -1
        close(tubeLecture)
    }

    /// Leaves the terminal to someone else for a while (an editor, a pager), keeping ownership.
    public func suspendre() {
        guard proprietaire else { return }
        etatTty.pointee.suspendu = true
        quitterModeBrut()
    }

    /// Takes the terminal again after `suspendre()`; `invalider()` the screen before drawing.
    public func reprendre() {
        guard proprietaire else { return }
        etatTty.pointee.suspendu = false
        entrerModeBrut()
    }

    /// Suspends the program as ctrl-z would in a shell (SIGTSTP): the terminal is given back,
    /// then taken again on `fg`, `lire` then reporting `.redimensionnement`. Raw mode turns
    /// ctrl-z into a key (`.ctrl("z")`): call this when it is pressed.
    public func pause() {
        guard proprietaire else { return }
        raise(SIGTSTP)
    }

    /// The current size (TIOCGWINSZ), 80×24 if the terminal does not say. Read it before each draw.
    public func taille() -> Taille {
        var ws = winsize()
        if ioctl(sortie, UInt(TIOCGWINSZ), &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0 {
            return Taille(largeur: Int(ws.ws_col), hauteur: Int(ws.ws_row))
        }
        return Taille(largeur: 80, hauteur: 24)
    }

    /// Waits at most `delaiMillisecondes` (-1: as long as needed) for input or a resize.
    public func lire(delaiMillisecondes: Int32) -> LectureTerminal {
        guard proprietaire else { return .rien }
        let echeance = delaiMillisecondes >= 0 ? maintenantMillisecondes() + Int64(delaiMillisecondes) : nil
        var tampon = [UInt8](repeating: 0, count: 4096)
        while true {
            var attente: Int32 = -1
            if let echeance { attente = Int32(clamping: max(0, echeance - maintenantMillisecondes())) }
            var descripteurs = [pollfd(fd: entree, events: Int16(POLLIN), revents: 0),
                                pollfd(fd: tubeLecture, events: Int16(POLLIN), revents: 0)]
            let pret = poll(&descripteurs, 2, attente)
            if pret < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .rien
            }
            if pret == 0 { return .rien }
            if descripteurs[1].revents & Int16(POLLIN) != 0 {
                var vidange = [UInt8](repeating: 0, count: 64)
                while read(tubeLecture, &vidange, vidange.count) > 0 {}
                return .redimensionnement
            }
            if descripteurs[0].revents != 0 {
                let n = read(entree, &tampon, tampon.count)
                if n > 0 { return .octets(Array(tampon[0..<n])) }
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                // End of file or I/O error: the terminal is gone (hang-up). End as on SIGHUP,
                // even if it is ignored: there is no one left to show anything to.
                quitterModeBrut()
                actionParDefaut(SIGHUP)
                raise(SIGHUP)
                return .rien
            }
        }
    }

    /// Writes all the bytes to the terminal.
    public func ecrire(_ octets: [UInt8]) {
        octets.withUnsafeBytes { ecrireTout(sortie, $0.baseAddress, $0.count) }
    }

    private func maintenantMillisecondes() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int64(t.tv_sec) * 1000 + Int64(t.tv_nsec) / 1_000_000
    }

    /// cfmakeraw, output processing aside: no echo, no line editing, no signals from keys
    /// (ctrl-c arrives as a key), 8-bit bytes one at a time.
    private static func modeBrut(_ t: termios) -> termios {
        var brut = t
        brut.c_iflag &= ~tcflag_t(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON)
        brut.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
        brut.c_cflag &= ~tcflag_t(CSIZE | PARENB)
        brut.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &brut.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        return brut
    }
}

// MARK: - State shared with the signal handlers
//
// Signal handlers may only do async-signal-safe things: here, read memory allocated beforehand
// (no Swift runtime call, no allocation, no exclusivity check), write(), tcsetattr(),
// sigaction(), raise().

private struct EtatTty {
    var sauvegarde = termios()
    var brut = termios()
    var entree: Int32 = -1
    var sortie: Int32 = -1
    var tubeEcriture: Int32 = -1
    /// A `Terminal` owns the tty.
    var ouvert = false
    /// Raw mode and alternate screen are in force.
    var actif = false
    /// Given to someone else by `suspendre()`: SIGCONT must not take it back.
    var suspendu = false
    var atexitInstalle = false
}

nonisolated(unsafe) private let etatTty: UnsafeMutablePointer<EtatTty> = {
    let p = UnsafeMutablePointer<EtatTty>.allocate(capacity: 1)
    p.initialize(to: EtatTty())
    return p
}()

private func octetsPermanents(_ texte: String) -> UnsafeMutableBufferPointer<UInt8> {
    let octets = Array(texte.utf8)
    let p = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: octets.count)
    _ = p.initialize(from: octets)
    return p
}

/// Alternate screen, hidden cursor, bracketed paste.
nonisolated(unsafe) private let octetsEntree = octetsPermanents("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h")
/// The reverse: normal attributes, bracketed paste off, cursor shown, alternate screen left.
nonisolated(unsafe) private let octetsSortie = octetsPermanents("\u{1B}[0m\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l")

private func ecrireTout(_ fd: Int32, _ debut: UnsafeRawPointer?, _ nombre: Int) {
    guard var p = debut, fd >= 0 else { return }
    var reste = nombre
    while reste > 0 {
        let n = write(fd, p, reste)
        if n > 0 {
            p += n
            reste -= n
        } else if n < 0 && errno == EINTR {
            continue
        } else if n < 0 && errno == EAGAIN {
            var attente = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&attente, 1, 100)
        } else {
            return
        }
    }
}

/// Raw mode on, then the screen set up. Async-signal-safe.
private func entrerModeBrut() {
    let e = etatTty
    guard e.pointee.ouvert, !e.pointee.actif else { return }
    _ = tcsetattr(e.pointee.entree, TCSANOW, &e.pointee.brut)
    ecrireTout(e.pointee.sortie, UnsafeRawPointer(octetsEntree.baseAddress), octetsEntree.count)
    e.pointee.actif = true
}

/// The screen put back, then the terminal settings. Async-signal-safe.
private func quitterModeBrut() {
    let e = etatTty
    guard e.pointee.actif else { return }
    e.pointee.actif = false
    ecrireTout(e.pointee.sortie, UnsafeRawPointer(octetsSortie.baseAddress), octetsSortie.count)
    _ = tcsetattr(e.pointee.entree, TCSANOW, &e.pointee.sauvegarde)
}

private let signauxFin: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
private let signauxPanne: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]
private let signauxGeres: [Int32] = signauxFin + signauxPanne + [SIGWINCH, SIGTSTP, SIGCONT]

/// The actions in place before `ouvrir`, indexed by signal number: put back by `restaurer`,
/// and by the crash handler before handing over.
nonisolated(unsafe) private let actionsPrecedentes: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    p.initialize(repeating: sigaction(), count: 65)
    return p
}()

private func action(_ gestionnaire: @convention(c) (Int32) -> Void) -> sigaction {
    var a = sigaction()
    #if canImport(Glibc)
    a.__sigaction_handler.sa_handler = gestionnaire
    #else
    a.__sigaction_u.__sa_handler = gestionnaire
    #endif
    sigemptyset(&a.sa_mask)
    a.sa_flags = SA_RESTART
    return a
}

private func estIgnore(_ a: sigaction) -> Bool {
    #if canImport(Glibc)
    let h = a.__sigaction_handler.sa_handler
    #else
    let h = a.__sigaction_u.__sa_handler
    #endif
    return a.sa_flags & SA_SIGINFO == 0 && h.map { unsafeBitCast($0, to: Int.self) } == unsafeBitCast(SIG_IGN, to: Int.self)
}

/// Installs `gestionnaire` for `numero`, remembering the previous action; with `sauf`, a signal
/// the program ignores stays ignored.
private func installer(_ gestionnaire: @convention(c) (Int32) -> Void, pour numero: Int32, sauf: Bool) {
    var nouvelle = action(gestionnaire)
    _ = sigaction(numero, nil, &actionsPrecedentes[Int(numero)])
    if sauf && estIgnore(actionsPrecedentes[Int(numero)]) { return }
    _ = sigaction(numero, &nouvelle, nil)
}

private func actionParDefaut(_ numero: Int32) {
    var a = sigaction()
    #if canImport(Glibc)
    a.__sigaction_handler.sa_handler = SIG_DFL
    #else
    a.__sigaction_u.__sa_handler = SIG_DFL
    #endif
    sigemptyset(&a.sa_mask)
    _ = sigaction(numero, &a, nil)
}

/// SIGTERM, SIGHUP, SIGINT, SIGQUIT: restore, then let the signal do what it does by default
/// (delivered when the handler returns, the signal being blocked meanwhile).
private func signalFin(_ numero: Int32) {
    let sauve = errno
    quitterModeBrut()
    actionParDefaut(numero)
    raise(numero)
    errno = sauve
}

/// A crash: restore, put the previous handler back and let it have the signal — the faulting
/// instruction runs again on return; abort()'s signal is raised again.
private func signalPanne(_ numero: Int32) {
    let sauve = errno
    quitterModeBrut()
    _ = sigaction(numero, &actionsPrecedentes[Int(numero)], nil)
    if numero == SIGABRT { raise(numero) }
    errno = sauve
}

/// SIGWINCH: one byte in the self-pipe wakes `lire`.
private func signalTaille(_ numero: Int32) {
    let sauve = errno
    var octet: UInt8 = 1
    _ = write(etatTty.pointee.tubeEcriture, &octet, 1)
    errno = sauve
}

/// SIGTSTP (ctrl-z arrives as a key in raw mode: the program may call `Terminal.pause()`, or the
/// signal comes from `kill`): restore, then stop.
private func signalArret(_ numero: Int32) {
    let sauve = errno
    quitterModeBrut()
    actionParDefaut(SIGTSTP)
    raise(SIGTSTP)
    errno = sauve
}

/// SIGCONT: take the terminal again and have the screen redrawn.
private func signalReprise(_ numero: Int32) {
    let sauve = errno
    if etatTty.pointee.ouvert && !etatTty.pointee.suspendu {
        entrerModeBrut()
        var arret = action(signalArret)
        _ = sigaction(SIGTSTP, &arret, nil)
        signalTaille(numero)
    }
    errno = sauve
}
