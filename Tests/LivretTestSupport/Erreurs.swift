import LivretZip

/// Runs `corps` and returns the `ErreurPaquet` it throws (nil if it did not throw one).
public func erreurPaquet(_ corps: () throws -> Void) -> ErreurPaquet? {
    do {
        try corps()
        return nil
    } catch let erreur as ErreurPaquet {
        return erreur
    } catch {
        return nil
    }
}

/// French, readable, non-empty: a message for a person.
public func estUnMessageFrancais(_ message: String) -> Bool {
    message.count > 20 && message.first!.isUppercase || message.hasPrefix("«")
}
