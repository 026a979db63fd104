import Foundation
import LivretZip
import Testing

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

/// The error `ZipLecture` throws on `octets`, checked to be a French sentence (the zip and badge
/// bundle tests share it).
public func refusZip(_ octets: Data, limites: ZipLecture.Limites = .parDefaut) -> ErreurPaquet? {
    let erreur = erreurPaquet { _ = try ZipLecture.lire(octets, limites: limites) }
    if let erreur {
        #expect(estUnMessageFrancais(erreur.message), "\(erreur.message)")
        #expect(erreur.description == erreur.message)
    }
    return erreur
}
