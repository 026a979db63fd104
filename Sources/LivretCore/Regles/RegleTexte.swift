/// What Livret accepts as text from a person or a file: the grammar of identifiers and codes, and
/// what names, contacts and notes may hold. One place: the command line, the CSV and Pix imports,
/// the services and the terminal UI check through it (décision 39).
///
/// Identifiers and codes become file names (`A-0001-cv.html`) and are typed on paper sign-in
/// sheets and in Pix's « identifiant externe »: they are short, ASCII, and can neither leave a
/// folder (no « / », no « . ») nor steer a terminal. Names and notes may hold any letter of any
/// script, but never a control character: nothing read from a base can then rewrite a screen.
public enum RegleTexte {
    /// Length of an identifier or a code, in characters.
    public static let longueurCode = 1...40

    /// Longest first name, last name, pseudonym, diploma, cohort title, structure or formateur name.
    public static let longueurNom = 80
    /// Longest e-mail address (RFC 5321's path limit).
    public static let longueurEmail = 254
    /// Longest phone number as typed (spaces, « + », dots included).
    public static let longueurTelephone = 30
    /// Longest motif or note (several lines allowed).
    public static let longueurNote = 4_000

    /// The grammar of learner identifiers, cohort codes and parcours codes, as a sentence for help
    /// texts and messages.
    public static let grammaireCode = "de 1 à 40 caractères : lettres sans accent, chiffres, « - » ou « _ », en commençant par une lettre ou un chiffre (par exemple A-0012 ou fen-2024)"

    /// Whether `code` follows the grammar: `[A-Za-z0-9][A-Za-z0-9_-]{0,39}`.
    public static func estCode(_ code: String) -> Bool {
        let octets = Array(code.utf8)
        guard longueurCode.contains(octets.count), let premier = octets.first, estAlphanumerique(premier) else { return false }
        return octets.allSatisfy { estAlphanumerique($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// The problem with `code` as the value of `champ` (« l'identifiant », « le code de la cohorte »),
    /// nil when it follows the grammar.
    public static func problemeCode(_ code: String, champ: String) -> String? {
        guard !estCode(code) else { return nil }
        if code.isEmpty { return "\(champ) est vide ; il doit compter \(grammaireCode)" }
        return "\(champ) « \(Self.visible(code, maximum: 50)) » n'est pas valable ; il doit compter \(grammaireCode)"
    }

    /// Checks a code; the error names the field.
    public static func verifierCode(_ code: String, champ: String) throws(ErreurRegle) {
        if let probleme = problemeCode(code, champ: champ) { throw ErreurRegle(probleme + ".") }
    }

    /// The problem with `texte` as the value of `champ`, nil when it may be recorded: at most
    /// `maximum` characters, no control character (a line break or a tab only when
    /// `plusieursLignes`), no invisible direction override.
    public static func probleme(_ texte: String, champ: String, maximum: Int, plusieursLignes: Bool = false) -> String? {
        var position = 0
        for scalaire in texte.unicodeScalars {
            position += 1
            if estInterdit(scalaire, plusieursLignes: plusieursLignes) {
                let hexa = String(scalaire.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hexa.count)) + hexa
                let quoi = scalaire == "\n" || scalaire == "\r" ? "un retour à la ligne" : "un caractère de contrôle invisible (\(code))"
                return "\(champ) contient \(quoi) en position \(position) ; retirez-le"
            }
        }
        let longueur = texte.count
        if longueur > maximum {
            return "\(champ) compte \(longueur) caractères ; écrivez-en au plus \(maximum)"
        }
        return nil
    }

    /// Checks a text; the error names the field.
    public static func verifier(_ texte: String, champ: String, maximum: Int, plusieursLignes: Bool = false) throws(ErreurRegle) {
        if let probleme = probleme(texte, champ: champ, maximum: maximum, plusieursLignes: plusieursLignes) {
            throw ErreurRegle(probleme + ".")
        }
    }

    /// Whether a character may never be recorded: C0 and C1 controls and DEL (except line feed and
    /// tab in texts of several lines), line and paragraph separators, and the bidirectional
    /// overrides and isolates that reorder what a reader sees.
    public static func estInterdit(_ scalaire: Unicode.Scalar, plusieursLignes: Bool) -> Bool {
        switch scalaire.value {
        case 0x0A, 0x09: !plusieursLignes
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `code` made into a file-name part that can never leave its folder: the characters of the
    /// code grammar kept, every other one (« / », « . », spaces, controls…) replaced by « _ »,
    /// at most 40 characters, never starting with « - » or « _ » alone. An identifier that follows
    /// the grammar is returned unchanged; one recorded before the grammar existed still gets a safe name.
    public static func nomDeFichier(_ code: String) -> String {
        var resultat = ""
        for octet in code.utf8.prefix(longueurCode.upperBound) {
            let garde = estAlphanumerique(octet) || octet == UInt8(ascii: "-") || octet == UInt8(ascii: "_")
            resultat.append(garde ? Character(Unicode.Scalar(octet)) : "_")
        }
        if let premier = resultat.utf8.first, estAlphanumerique(premier) { return resultat }
        return "x" + resultat.prefix(longueurCode.upperBound - 1)
    }

    /// `texte` with every forbidden character shown as « ? » and cut to `maximum` characters, for
    /// messages that quote a refused value.
    public static func visible(_ texte: String, maximum: Int) -> String {
        var resultat = ""
        for scalaire in texte.unicodeScalars {
            resultat.unicodeScalars.append(estInterdit(scalaire, plusieursLignes: false) ? "?" : scalaire)
        }
        return resultat.count > maximum ? String(resultat.prefix(maximum)) + "…" : resultat
    }

    private static func estAlphanumerique(_ octet: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(octet) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(octet)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(octet)
    }
}
