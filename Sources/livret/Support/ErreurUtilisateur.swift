/// An error meant for the person at the keyboard: a French message saying what went wrong
/// and what to do. The command prints it on the error output and exits with `codeSortie`.
struct ErreurUtilisateur: Error, CustomStringConvertible {
    var message: String
    var codeSortie: Int32 = 1

    init(_ message: String, codeSortie: Int32 = 1) {
        self.message = message
        self.codeSortie = codeSortie
    }

    var description: String { message }
}
