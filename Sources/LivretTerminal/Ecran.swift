/// Where the screen's bytes go: the real terminal, or memory in tests.
public protocol SortieTerminal: AnyObject {
    /// Writes the bytes, all of them.
    func ecrire(_ octets: [UInt8])
}

/// A headless output that keeps what is written (tests).
public final class SortieMemoire: SortieTerminal {
    /// Everything written so far.
    public var octets: [UInt8] = []

    /// An empty output.
    public init() {}

    /// Appends the bytes.
    public func ecrire(_ octets: [UInt8]) {
        self.octets += octets
    }
}

/// The screen as last drawn: each `dessiner` sends only the difference with the previous buffer.
public final class Ecran {
    private let sortie: SortieTerminal
    private let couleurs: Bool
    private var precedent: Tampon?
    /// Total bytes written, for measuring what a frame costs.
    public private(set) var octetsEcrits = 0
    /// Wrap each frame in "synchronised output" (`ESC[?2026h` … `ESC[?2026l`) so terminals that
    /// know it show it at once; the others ignore it.
    public var synchronise: Bool

    /// A screen writing to `sortie`; `couleurs` false for NO_COLOR (see `Terminal.couleursAutorisees`).
    public init(sortie: SortieTerminal, couleurs: Bool, synchronise: Bool = true) {
        self.sortie = sortie
        self.couleurs = couleurs
        self.synchronise = synchronise
    }

    /// Writes what changed since the last buffer drawn (everything the first time or after
    /// `invalider`), and remembers this one.
    public func dessiner(_ tampon: Tampon) {
        var octets = Differentiel.sequence(de: precedent, vers: tampon, couleurs: couleurs)
        precedent = tampon
        guard !octets.isEmpty else { return }
        if synchronise {
            octets = Array("\u{1B}[?2026h".utf8) + octets + Array("\u{1B}[?2026l".utf8)
        }
        sortie.ecrire(octets)
        octetsEcrits += octets.count
    }

    /// Forgets what the screen shows: the next `dessiner` clears it and draws everything.
    /// Call it after a resize, or when something else wrote to the terminal.
    public func invalider() {
        precedent = nil
    }
}
