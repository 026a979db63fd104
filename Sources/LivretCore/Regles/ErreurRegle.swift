/// A domain rule said no: the French sentence says what and what to do. Front ends show it as is;
/// when what to do is an option of the command line (« --motif »), `interface` says it the terminal
/// UI's way (a field, a key), so that the UI never shows a command-line option.
public struct ErreurRegle: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The same refusal for the terminal UI; nil when `message` fits both.
    public var interface: String?

    public init(_ message: String, interface: String? = nil) {
        self.message = message
        self.interface = interface
    }

    public var description: String { message }
}
