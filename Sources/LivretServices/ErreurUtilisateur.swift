import LivretCore
import LivretStore

/// An error meant for the person at the keyboard: a French message saying what went wrong
/// and what to do. The command prints it on the error output and exits with `codeSortie`.
public struct ErreurUtilisateur: Error, CustomStringConvertible {
    public var message: String
    public var codeSortie: Int32 = 1
    /// The same message for the terminal UI, when `message` names a command-line option or command.
    public var interface: String?

    public init(_ message: String, codeSortie: Int32 = 1, interface: String? = nil) {
        self.message = message
        self.codeSortie = codeSortie
        self.interface = interface
    }

    /// What the terminal UI shows.
    public var messageInterface: String { interface ?? message }

    public var description: String { message }
}

extension ErreurUtilisateur {
    /// Turns a store error into a message for the user.
    public static func depuis(_ erreur: ErreurBase) -> ErreurUtilisateur {
        if case .refus(let regle) = erreur { return ErreurUtilisateur(regle.message, interface: regle.interface) }
        return ErreurUtilisateur(erreur.description)
    }
}

/// Runs a store call, turning its errors into French messages for the user.
public func base<T>(_ action: () throws(ErreurBase) -> T) throws -> T {
    do { return try action() } catch { throw ErreurUtilisateur.depuis(error) }
}

/// Runs a check of a Core rule, turning its refusal into a message for the user.
public func regle<T>(_ action: () throws(ErreurRegle) -> T) throws -> T {
    do { return try action() } catch { throw ErreurUtilisateur(error.message, interface: error.interface) }
}
