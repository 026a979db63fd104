/// Why a zip archive (a badge bundle, « paquet », or any other archive) could not be written,
/// read or extracted.
///
/// `genre` is for code; `message` is a French sentence meant for the person holding the file.
/// The name comes from the badge bundles, the first archives Livret wrote.
public struct ErreurPaquet: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, for code to decide on.
    public enum Genre: String, Sendable, Equatable, CaseIterable {
        /// Not a zip archive at all (garbage, empty file, wrong format).
        case archiveIllisible
        /// Starts like a zip archive but is cut short.
        case tronquee
        /// A zip archive whose structures or contents contradict each other (CRC, sizes, headers).
        case incoherente
        /// An entry name that could land outside the target folder or is not a plain relative path.
        case nomDangereux
        /// A symbolic link entry.
        case lienSymbolique
        /// Another non-regular entry (device, FIFO, socket…).
        case typeInterdit
        /// Two entries with the same name (after Unicode NFC and case folding), or a file/folder clash.
        case nomEnDouble
        /// Too many entries, or an entry / the whole archive over the size limits.
        case tropVolumineux
        /// A compression ratio beyond the limit: a zip bomb.
        case bombe
        /// Encryption or a compression method other than store / deflate.
        case nonPrisEnCharge
        /// Extraction would overwrite an existing file.
        case fichierExistant
        /// A resolved extraction path leaves the target folder.
        case cheminHorsDossier
        /// The manifest of a bundle does not match its entries (when writing).
        case manifesteInvalide
        /// Input/output failure while writing.
        case ecriture
    }

    /// What went wrong.
    public var genre: Genre
    /// A French sentence for the person holding the file.
    public var message: String

    /// An error of kind `genre`, explained by `message` (French).
    public init(_ genre: Genre, _ message: String) {
        self.genre = genre
        self.message = message
    }

    /// The French message.
    public var description: String { message }
}
