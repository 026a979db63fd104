/// A domain rule said no: the French sentence says what and what to do. Front ends show it as is.
public struct ErreurRegle: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
