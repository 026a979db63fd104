import Foundation

/// A small, fast JSON parser producing ``JSONValeur`` (RFC 8259), with the byte offset of an error.
///
/// Used on hot paths (verifying thousands of badges) where decoding through `Codable`'s
/// try-each-type cascade costs more than the signature check itself.
public enum AnalyseurJSON {
    public struct Erreur: Error, Sendable, Equatable, CustomStringConvertible {
        public var position: Int
        public var raison: String
        public var description: String { "\(raison) (octet \(position))" }
    }

    /// Parses a whole document; trailing non-space bytes are an error.
    public static func analyser(_ donnees: Data) throws(Erreur) -> JSONValeur {
        let resultat: Result<JSONValeur, Erreur> = donnees.withUnsafeBytes { brut in
            var lecteur = Lecteur(octets: brut.bindMemory(to: UInt8.self))
            do throws(Erreur) {
                lecteur.sauterBlancs()
                let valeur = try lecteur.valeur(profondeur: 0)
                lecteur.sauterBlancs()
                guard lecteur.position == lecteur.octets.count else { throw lecteur.erreur("contenu après la fin du document") }
                return .success(valeur)
            } catch {
                return .failure(error)
            }
        }
        return try resultat.get()
    }

    struct Lecteur {
        let octets: UnsafeBufferPointer<UInt8>
        var position = 0

        func erreur(_ raison: String) -> Erreur { Erreur(position: position, raison: raison) }

        mutating func sauterBlancs() {
            while position < octets.count {
                switch octets[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func valeur(profondeur: Int) throws(Erreur) -> JSONValeur {
            guard profondeur < 512 else { throw erreur("imbrication trop profonde") }
            guard position < octets.count else { throw erreur("fin inattendue") }
            switch octets[position] {
            case UInt8(ascii: "{"): return try objet(profondeur: profondeur)
            case UInt8(ascii: "["): return try tableau(profondeur: profondeur)
            case UInt8(ascii: "\""): return .chaine(try chaine())
            case UInt8(ascii: "t"): try litteral("true"); return .booleen(true)
            case UInt8(ascii: "f"): try litteral("false"); return .booleen(false)
            case UInt8(ascii: "n"): try litteral("null"); return .nul
            default: return .nombre(try nombre())
            }
        }

        mutating func litteral(_ mot: String) throws(Erreur) {
            let attendu = Array(mot.utf8)
            guard position + attendu.count <= octets.count, Array(octets[position..<position + attendu.count]) == attendu else {
                throw erreur("valeur inattendue")
            }
            position += attendu.count
        }

        mutating func objet(profondeur: Int) throws(Erreur) -> JSONValeur {
            position += 1
            var resultat: [String: JSONValeur] = [:]
            sauterBlancs()
            if position < octets.count, octets[position] == UInt8(ascii: "}") { position += 1; return .objet(resultat) }
            while true {
                sauterBlancs()
                guard position < octets.count, octets[position] == UInt8(ascii: "\"") else { throw erreur("clé entre guillemets attendue") }
                let cle = try chaine()
                sauterBlancs()
                guard position < octets.count, octets[position] == UInt8(ascii: ":") else { throw erreur("« : » attendu") }
                position += 1
                sauterBlancs()
                resultat[cle] = try valeur(profondeur: profondeur + 1)
                sauterBlancs()
                guard position < octets.count else { throw erreur("fin inattendue dans un objet") }
                if octets[position] == UInt8(ascii: ",") { position += 1; continue }
                if octets[position] == UInt8(ascii: "}") { position += 1; return .objet(resultat) }
                throw erreur("« , » ou « } » attendu")
            }
        }

        mutating func tableau(profondeur: Int) throws(Erreur) -> JSONValeur {
            position += 1
            var resultat: [JSONValeur] = []
            sauterBlancs()
            if position < octets.count, octets[position] == UInt8(ascii: "]") { position += 1; return .tableau(resultat) }
            while true {
                sauterBlancs()
                resultat.append(try valeur(profondeur: profondeur + 1))
                sauterBlancs()
                guard position < octets.count else { throw erreur("fin inattendue dans une liste") }
                if octets[position] == UInt8(ascii: ",") { position += 1; continue }
                if octets[position] == UInt8(ascii: "]") { position += 1; return .tableau(resultat) }
                throw erreur("« , » ou « ] » attendu")
            }
        }

        mutating func chaine() throws(Erreur) -> String {
            position += 1
            // Most strings have no escape: made from the bytes in place.
            let debut = position
            var ascii = true
            while position < octets.count, octets[position] != UInt8(ascii: "\""), octets[position] != UInt8(ascii: "\\"), octets[position] >= 0x20 {
                if octets[position] >= 0x80 { ascii = false }
                position += 1
            }
            if position < octets.count, octets[position] == UInt8(ascii: "\"") {
                let morceau = UnsafeBufferPointer(rebasing: octets[debut..<position])
                // ASCII is UTF-8 as it is; anything else is checked.
                guard let texte = ascii ? String(decoding: morceau, as: UTF8.self) : String(validating: morceau, as: UTF8.self) else {
                    throw erreur("texte qui n'est pas de l'UTF-8")
                }
                position += 1
                return texte
            }
            var resultat = Array(octets[debut..<position])
            while position < octets.count {
                let o = octets[position]
                if o == UInt8(ascii: "\"") {
                    position += 1
                    guard let texte = String(validating: resultat, as: UTF8.self) else { throw erreur("texte qui n'est pas de l'UTF-8") }
                    return texte
                }
                if o < 0x20 { throw erreur("caractère de contrôle dans une chaîne") }
                if o != UInt8(ascii: "\\") { resultat.append(o); position += 1; continue }
                position += 1
                guard position < octets.count else { break }
                let echappe = octets[position]
                position += 1
                switch echappe {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): resultat.append(echappe)
                case UInt8(ascii: "b"): resultat.append(0x08)
                case UInt8(ascii: "f"): resultat.append(0x0C)
                case UInt8(ascii: "n"): resultat.append(0x0A)
                case UInt8(ascii: "r"): resultat.append(0x0D)
                case UInt8(ascii: "t"): resultat.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard position + 1 < octets.count, octets[position] == UInt8(ascii: "\\"), octets[position + 1] == UInt8(ascii: "u") else {
                            throw erreur("demi-caractère Unicode isolé")
                        }
                        position += 2
                        let bas = try hex4()
                        guard (0xDC00...0xDFFF).contains(bas) else { throw erreur("demi-caractère Unicode isolé") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (bas - 0xDC00)
                    }
                    guard let scalaire = Unicode.Scalar(code) else { throw erreur("caractère Unicode invalide") }
                    resultat.append(contentsOf: Array(String(Character(scalaire)).utf8))
                default: throw erreur("échappement inconnu")
                }
            }
            throw erreur("chaîne non fermée")
        }

        mutating func hex4() throws(Erreur) -> UInt32 {
            guard position + 4 <= octets.count else { throw erreur("échappement \\u incomplet") }
            var valeur: UInt32 = 0
            for _ in 0..<4 {
                let o = octets[position]
                let chiffre: UInt32
                switch o {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): chiffre = UInt32(o - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): chiffre = UInt32(o - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): chiffre = UInt32(o - UInt8(ascii: "A") + 10)
                default: throw erreur("échappement \\u invalide")
                }
                valeur = valeur * 16 + chiffre
                position += 1
            }
            return valeur
        }

        mutating func nombre() throws(Erreur) -> Double {
            let debut = position
            if position < octets.count, octets[position] == UInt8(ascii: "-") { position += 1 }
            let chiffres = { (l: inout Lecteur) -> Int in
                let d = l.position
                while l.position < l.octets.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(l.octets[l.position]) { l.position += 1 }
                return l.position - d
            }
            guard chiffres(&self) > 0 else { throw erreur("valeur inattendue") }
            if position < octets.count, octets[position] == UInt8(ascii: ".") {
                position += 1
                guard chiffres(&self) > 0 else { throw erreur("nombre mal formé") }
            }
            if position < octets.count, octets[position] == UInt8(ascii: "e") || octets[position] == UInt8(ascii: "E") {
                position += 1
                if position < octets.count, octets[position] == UInt8(ascii: "+") || octets[position] == UInt8(ascii: "-") { position += 1 }
                guard chiffres(&self) > 0 else { throw erreur("nombre mal formé") }
            }
            guard let valeur = Double(String(decoding: octets[debut..<position], as: UTF8.self)) else { throw erreur("nombre mal formé") }
            return valeur
        }
    }
}
