import Foundation

/// One record of a CSV file, with the file line it starts on (1-based).
struct EnregistrementCSV: Sendable, Equatable {
    var ligne: Int
    var champs: [String]
}

/// A small RFC 4180 reader: ";" or "," (guessed from the header line), quoted fields with
/// doubled quotes and line breaks inside, CRLF or LF; blank lines are skipped.
enum LecteurCSV {
    /// Decodes UTF-8 (with or without BOM); on failure, the 1-based line of the first bad byte.
    struct EchecUTF8: Error { var ligne: Int; var octet: UInt8 }

    static func decoder(_ donnees: Data) -> Result<String, EchecUTF8> {
        var octets = [UInt8](donnees)
        if octets.starts(with: [0xEF, 0xBB, 0xBF]) { octets.removeFirst(3) }
        if let texte = String(data: Data(octets), encoding: .utf8) { return .success(texte) }
        // Find the first line that does not decode.
        var ligne = 1
        var debut = 0
        for (index, octet) in octets.enumerated() where octet == 0x0A || index == octets.count - 1 {
            let fin = octet == 0x0A ? index : index + 1
            let morceau = Array(octets[debut..<fin])
            if String(data: Data(morceau), encoding: .utf8) == nil {
                let mauvais = morceau.first { $0 >= 0x80 } ?? morceau.first ?? 0
                return .failure(EchecUTF8(ligne: ligne, octet: mauvais))
            }
            ligne += 1
            debut = index + 1
        }
        return .failure(EchecUTF8(ligne: ligne, octet: octets.first { $0 >= 0x80 } ?? 0))
    }

    /// The separator used by the header line: ";" unless "," is more frequent outside quotes.
    static func separateur(_ scalaires: [Unicode.Scalar]) -> Unicode.Scalar {
        var pointsVirgules = 0
        var virgules = 0
        var entreGuillemets = false
        for s in scalaires {
            if s == "\"" { entreGuillemets.toggle(); continue }
            if entreGuillemets { continue }
            if s == "\n" || s == "\r" { break }
            if s == ";" { pointsVirgules += 1 }
            if s == "," { virgules += 1 }
        }
        return virgules > pointsVirgules ? "," : ";"
    }

    /// The records of `texte`, blank lines left out.
    static func enregistrements(_ texte: String) -> [EnregistrementCSV] {
        let s = Array(texte.unicodeScalars)
        let sep = separateur(s)
        var resultat: [EnregistrementCSV] = []
        var champs: [String] = []
        var champ = String.UnicodeScalarView()
        var ligne = 1
        var debutEnregistrement = 1
        var entreGuillemets = false
        var citeDansEnregistrement = false
        var i = 0

        func finirEnregistrement() {
            champs.append(String(champ))
            champ = String.UnicodeScalarView()
            let vide = champs.count == 1 && champs[0].trimmingCharacters(in: .whitespaces).isEmpty && !citeDansEnregistrement
            if !vide { resultat.append(EnregistrementCSV(ligne: debutEnregistrement, champs: champs)) }
            champs = []
            citeDansEnregistrement = false
        }

        while i < s.count {
            let c = s[i]
            if entreGuillemets {
                if c == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" { champ.append("\""); i += 2; continue }
                    entreGuillemets = false
                } else {
                    if c == "\n" { ligne += 1 }
                    if c == "\r", i + 1 < s.count, s[i + 1] == "\n" {
                        // Keep a quoted CRLF as one line break.
                        champ.append("\n"); ligne += 1; i += 2; continue
                    }
                    champ.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"":
                entreGuillemets = true
                citeDansEnregistrement = true
            case sep:
                champs.append(String(champ))
                champ = String.UnicodeScalarView()
            case "\r", "\n":
                if c == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                finirEnregistrement()
                ligne += 1
                debutEnregistrement = ligne
            default:
                champ.append(c)
            }
            i += 1
        }
        if !champ.isEmpty || !champs.isEmpty || citeDansEnregistrement { finirEnregistrement() }
        return resultat
    }

    /// Decodes a file and splits it into records: the header and the rest. Every reader of CSV
    /// files (learners, Pix Orga, Pix Certif) starts here, with its own advice for the user.
    ///
    /// - Parameters:
    ///   - conseilEncodage: what to do when the file is not UTF-8 (after "octet 0x… illisible ;").
    ///   - siVide: the message when the file has no header line.
    static func decouper(_ donnees: Data, fichier: String, conseilEncodage: String, siVide: String) throws(ErreursImport)
        -> (entete: EnregistrementCSV, lignes: ArraySlice<EnregistrementCSV>) {
        if donnees.starts(with: [0xFF, 0xFE]) || donnees.starts(with: [0xFE, 0xFF]) {
            throw ErreursImport(erreurs: [ErreurImport(fichier: fichier, ligne: 1, message:
                "le fichier est encodé en UTF-16, pas en UTF-8 ; " + conseilEncodage)])
        }
        let texte: String
        switch decoder(donnees) {
        case .success(let decode):
            texte = decode
        case .failure(let echec):
            throw ErreursImport(erreurs: [ErreurImport(fichier: fichier, ligne: echec.ligne, message: String(
                format: "le fichier n'est pas encodé en UTF-8 (octet 0x%02X illisible) ; ", echec.octet) + conseilEncodage)])
        }
        let enregistrements = enregistrements(texte)
        guard let entete = enregistrements.first else {
            throw ErreursImport(erreurs: [ErreurImport(fichier: fichier, ligne: 1, message: siVide)])
        }
        // A cell this long is never a name, a date or a score: a wrong file or a quote never closed.
        // Refused here, before any message repeats it.
        for enregistrement in enregistrements {
            guard let (rang, champ) = enregistrement.champs.enumerated().first(where: { $0.element.unicodeScalars.count > longueurMaximale })
            else { continue }
            throw ErreursImport(erreurs: [ErreurImport(fichier: fichier, ligne: enregistrement.ligne, champ: "colonne \(rang + 1)", message:
                "une case contient \(champ.unicodeScalars.count) caractères (\(longueurMaximale) au plus) : ce n'est sans doute pas "
                    + "le bon fichier, ou un guillemet n'est jamais refermé. Ouvrez le fichier dans votre tableur pour le vérifier.")])
        }
        return (entete, enregistrements.dropFirst())
    }

    /// The longest cell accepted, in characters (Unicode scalars).
    static let longueurMaximale = 10_000
}
