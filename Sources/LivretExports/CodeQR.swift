import CQRencode
import Foundation
import LivretCore

/// Why a QR code could not be built. `message` is a French sentence for the person at the keyboard.
public struct ErreurQR: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, for code to decide on.
    public enum Genre: String, Sendable, Equatable, CaseIterable {
        /// Nothing to encode.
        case texteVide
        /// A NUL character: the text would be cut there.
        case caractereNul
        /// More than a version 40 symbol holds at this correction level.
        case tropLong
        /// A drawing size of zero pixels or less.
        case tailleInvalide
        /// libqrencode failed for another reason (memory).
        case encodage
    }

    /// What went wrong.
    public var genre: Genre
    /// A French sentence.
    public var message: String

    /// An error of kind `genre`, explained by `message` (French).
    public init(_ genre: Genre, _ message: String) {
        self.genre = genre
        self.message = message
    }

    /// The French message.
    public var description: String { message }
}

/// QR codes for what Livret prints (the verification address of a CV or an attestation),
/// encoded by libqrencode (decision 49): the text as UTF-8 bytes in 8-bit mode, no encoder of our own.
///
/// ```swift
/// let svg = try CodeQR.svg("https://exemple.fr/v/0D27AE02", taillePixels: 120,
///                          titre: "Code QR : adresse de vérification")
/// ```
public enum CodeQR {
    /// The error-correction level: the share of the symbol that may be lost and still read.
    public enum Correction: Sendable, Equatable, CaseIterable {
        /// About 7 %.
        case faible
        /// About 15 %: the default, for a sheet that gets folded or smudged.
        case moyenne
        /// About 25 %.
        case quartile
        /// About 30 %.
        case haute

        var niveau: QRecLevel {
            switch self {
            case .faible: QR_ECLEVEL_L
            case .moyenne: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .haute: QR_ECLEVEL_H
            }
        }
    }

    /// The blank margin around the symbol, in modules (4, as the standard asks).
    public static let margeModules = 4

    /// libqrencode is thread-safe when built with pthread (as Debian does); the lock keeps it
    /// safe where it is not, at no cost worth measuring for a few codes per page.
    private static let verrou = NSLock()

    /// The symbol of `texte` (its UTF-8 bytes, 8-bit mode, ECI UTF-8 beyond ASCII, smallest version that fits):
    /// `taille` modules a side, `modules` row by row from the top left, `true` for dark.
    public static func matrice(
        _ texte: String, correction: Correction = .moyenne
    ) throws(ErreurQR) -> (taille: Int, modules: [Bool]) {
        if texte.isEmpty {
            throw ErreurQR(.texteVide, "Le code QR n'a rien à contenir : le texte est vide.")
        }
        if texte.utf8.contains(0) {
            throw ErreurQR(.caractereNul, "Le texte du code QR contient un caractère nul, qui le couperait.")
        }
        let resultat: (code: UnsafeMutablePointer<QRcode>?, erreur: Int32) = verrou.withLock {
            errno = 0
            let code = texte.utf8.allSatisfy { $0 < 0x80 }
                ? QRcode_encodeString8bit(texte, 0, correction.niveau)
                : encoderUTF8(texte, correction.niveau)
            return (code, errno)
        }
        guard let code = resultat.code else {
            if resultat.erreur == ERANGE {
                throw ErreurQR(
                    .tropLong,
                    "Le texte est trop long pour un code QR (\(texte.utf8.count) octets) : raccourcissez l'adresse.")
            }
            throw ErreurQR(.encodage, "Le code QR n'a pas pu être fabriqué (erreur \(resultat.erreur)).")
        }
        defer { QRcode_free(code) }
        let taille = Int(code.pointee.width)
        let donnees = UnsafeBufferPointer(start: code.pointee.data, count: taille * taille)
        // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
        return (taille, donnees.map { $0 & 1 == 1 })
    }

    /// Beyond ASCII, an ECI designator 26 (UTF-8) comes before the bytes: without it, readers guess
    /// the character set (zbar takes « é » in UTF-8 for Shift-JIS). Pure ASCII goes without, read by all.
    private static func encoderUTF8(_ texte: String, _ niveau: QRecLevel) -> UnsafeMutablePointer<QRcode>? {
        guard let entree = QRinput_new2(0, niveau) else { return nil }
        defer { QRinput_free(entree) }
        let octets = Array(texte.utf8)
        guard QRinput_appendECIheader(entree, 26) == 0,
              QRinput_append(entree, QR_MODE_8, Int32(octets.count), octets) == 0
        else { return nil }
        return QRcode_encodeInput(entree)
    }

    /// One self-contained SVG image of the QR code of `texte`, `taillePixels` a side, margin included:
    /// black modules drawn as a single path on a white square, `role="img"` and a `<title>`
    /// (`titre`) for screen readers, `shape-rendering="crispEdges"` so that print and screen keep
    /// sharp module edges. The same text gives the same bytes.
    public static func svg(
        _ texte: String, taillePixels: Int, titre: String, correction: Correction = .moyenne
    ) throws(ErreurQR) -> String {
        guard taillePixels > 0 else {
            throw ErreurQR(.tailleInvalide, "La taille d'un code QR doit être d'au moins 1 pixel (reçu : \(taillePixels)).")
        }
        let (taille, modules) = try matrice(texte, correction: correction)
        let cote = taille + 2 * margeModules
        var chemin = ""
        for ligne in 0..<taille {
            var colonne = 0
            while colonne < taille {
                guard modules[ligne * taille + colonne] else {
                    colonne += 1
                    continue
                }
                let debut = colonne
                while colonne < taille && modules[ligne * taille + colonne] { colonne += 1 }
                // One rectangle per run of dark modules in a row.
                chemin += "M\(debut + margeModules) \(ligne + margeModules)h\(colonne - debut)v1h-\(colonne - debut)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(taillePixels)\" "
            + "height=\"\(taillePixels)\" viewBox=\"0 0 \(cote) \(cote)\" shape-rendering=\"crispEdges\">"
            + "<title>\(titre.echappeXML)</title>"
            + "<rect width=\"\(cote)\" height=\"\(cote)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(chemin)\"/>"
            + "</svg>"
    }
}
