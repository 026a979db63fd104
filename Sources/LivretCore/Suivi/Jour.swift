import Foundation

/// A calendar day, "AAAA-MM-JJ", independent of time zones and locale.
public struct Jour: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let annee: Int
    public let mois: Int
    public let jour: Int

    public init?(annee: Int, mois: Int, jour: Int) {
        guard (1900...2999).contains(annee), (1...12).contains(mois), (1...Self.joursDansMois(mois, annee)).contains(jour) else { return nil }
        self.annee = annee
        self.mois = mois
        self.jour = jour
    }

    /// Parses "AAAA-MM-JJ" or "JJ/MM/AAAA".
    public init?(_ texte: String) {
        let texte = texte.trimmingCharacters(in: .whitespaces)
        let tirets = texte.split(separator: "-", omittingEmptySubsequences: false)
        let barres = texte.split(separator: "/", omittingEmptySubsequences: false)
        if tirets.count == 3, tirets[0].count == 4, let a = Int(tirets[0]), let m = Int(tirets[1]), let j = Int(tirets[2]) {
            self.init(annee: a, mois: m, jour: j)
        } else if barres.count == 3, barres[2].count == 4, let j = Int(barres[0]), let m = Int(barres[1]), let a = Int(barres[2]) {
            self.init(annee: a, mois: m, jour: j)
        } else {
            return nil
        }
    }

    public var description: String { Self.chiffres(annee, 4) + "-" + Self.chiffres(mois, 2) + "-" + Self.chiffres(jour, 2) }

    /// "21/11/2026", as French people write it.
    public var francais: String { Self.chiffres(jour, 2) + "/" + Self.chiffres(mois, 2) + "/" + Self.chiffres(annee, 4) }

    /// `n` with leading zeros to `largeur` digits (`%0Nd` without Foundation's formatter: dates are
    /// written thousands of times per screen).
    private static func chiffres(_ n: Int, _ largeur: Int) -> String {
        let texte = String(n)
        return texte.count >= largeur ? texte : String(repeating: "0", count: largeur - texte.count) + texte
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var numero: Int {
        let a = mois <= 2 ? annee - 1 : annee
        let era = a / 400
        let yoe = a - era * 400
        let mp = (mois + 9) % 12
        let doy = (153 * mp + 2) / 5 + jour - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(numero: Int) {
        let z = numero + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let j = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.annee = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.mois = m
        self.jour = j
    }

    public func ajout(jours: Int) -> Jour { Jour(numero: numero + jours) }

    /// 0 = lundi … 6 = dimanche.
    public var jourSemaine: Int { ((numero % 7) + 7 + 3) % 7 }

    public static func < (a: Jour, b: Jour) -> Bool { a.numero < b.numero }

    static func joursDansMois(_ mois: Int, _ annee: Int) -> Int {
        switch mois {
        case 2: (annee % 4 == 0 && annee % 100 != 0) || annee % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let texte = try decoder.singleValueContainer().decode(String.self)
        guard let jour = Jour(texte) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "date invalide « \(texte) »"))
        }
        self = jour
    }

    public func encode(to encoder: any Encoder) throws {
        var conteneur = encoder.singleValueContainer()
        try conteneur.encode(description)
    }
}

extension Jour {
    /// The same day a year earlier (29 February becomes 28 February).
    public var anneePrecedente: Jour {
        Jour(annee: annee - 1, mois: mois, jour: jour) ?? Jour(annee: annee - 1, mois: mois, jour: jour - 1)!
    }
}
