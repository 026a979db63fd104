import Foundation

/// Reads `extrait.json` straight into ``ExtraitReseau``, key after key, without `Codable`'s
/// containers: a network's year-end import reads millions of records, and `JSONDecoder` spent
/// 15 µs on each (décision 64). The keys and shapes are those ``RegleExtrait/json(_:)`` writes with
/// the types' `Codable` conformance; a test reads back what it writes and compares with
/// `JSONDecoder` on the same bytes. As `JSONDecoder`, an unknown key is passed over and an optional
/// field may be absent or `null`.
enum LectureExtrait {
    /// What is wrong, and where: the keys and record numbers from the top of the document.
    struct Echec: Error {
        enum Raison {
            case manque
            case forme(attendu: String)
            case valeur(String)
            case syntaxe(AnalyseurJSON.Erreur)
        }

        var chemin: [String] = []
        var raison: Raison

        /// « inscriptions n° 13 › sexe ».
        var lieu: String { chemin.joined(separator: " › ") }
    }

    static func lire(_ donnees: Data) throws(Echec) -> ExtraitReseau {
        let resultat: Result<ExtraitReseau, Echec> = donnees.withUnsafeBytes { brut in
            var l = AnalyseurJSON.Lecteur(octets: brut.bindMemory(to: UInt8.self))
            do throws(Echec) {
                l.sauterBlancs()
                let extrait = try extrait(&l)
                l.sauterBlancs()
                guard l.position == l.octets.count else { throw Echec(raison: .syntaxe(l.erreur("contenu après la fin du document"))) }
                return .success(extrait)
            } catch {
                return .failure(error)
            }
        }
        return try resultat.get()
    }

    private static func extrait(_ l: inout AnalyseurJSON.Lecteur) throws(Echec) -> ExtraitReseau {
        var format: String?, structure: String?, emetteur: String?, periode: PeriodeReseau?, faitLe: Jour?
        var referentiels: [String: String]?, bornesAge: [Int]?, horsStatistiques: Int?
        var inscriptions: [EnregistrementInscription]?, accompagnements: [EnregistrementAccompagnement]?
        try l.objet { (l, cle) throws(Echec) in
            switch cle {
            case "format": format = try l.texte()
            case "structure": structure = try l.texte()
            case "emetteur": emetteur = try l.texte()
            case "periode":
                let texte = try l.texte()
                guard let p = PeriodeReseau(texte: texte) else { throw Echec(raison: .valeur("période « \(texte) » : une année, par exemple 2025")) }
                periode = p
            case "faitLe": faitLe = try l.jour()
            case "referentiels":
                var r: [String: String] = [:]
                try l.objet { (l, cle) throws(Echec) in r[cle] = try l.texte() }
                referentiels = r
            case "bornesAge": bornesAge = try l.liste { (l, _) throws(Echec) in try l.entier() }
            case "horsStatistiques": horsStatistiques = try l.entier()
            case "inscriptions": inscriptions = try l.liste { (l, _) throws(Echec) in try inscription(&l) }
            case "accompagnements": accompagnements = try l.liste { (l, _) throws(Echec) in try accompagnement(&l) }
            default: try l.passer()
            }
        }
        var e = ExtraitReseau(structure: try requis(structure, "structure"), emetteur: try requis(emetteur, "emetteur"),
                              periode: try requis(periode, "periode"), faitLe: try requis(faitLe, "faitLe"),
                              referentiels: try requis(referentiels, "referentiels"), bornesAge: try requis(bornesAge, "bornesAge"),
                              horsStatistiques: try requis(horsStatistiques, "horsStatistiques"), inscriptions: try requis(inscriptions, "inscriptions"),
                              accompagnements: try requis(accompagnements, "accompagnements"))
        e.format = try requis(format, "format")
        return e
    }

    private static func inscription(_ l: inout AnalyseurJSON.Lecteur) throws(Echec) -> EnregistrementInscription {
        var numero: String?, parcours: String?, moisDebut: String?, moisFin: String?, sexe: Sexe?, trancheAge: String?
        var qpv: ResidenceQPV?, statut: StatutSocial?, etat: StatutInscription?, venu: Bool?, minutesPrevues: Int?, minutesSuivies: Int?
        var motifAbandon: String?, sorties: [String]?, competences: Int?, suivis: [String]?, satisfaction: [[Int]]?, thematiques: [String]?
        try l.objet { (l, cle) throws(Echec) in
            switch cle {
            case "numero": numero = try l.texte()
            case "parcours": parcours = try l.texte()
            case "moisDebut": moisDebut = try l.texte()
            case "moisFin": moisFin = try l.texteOuNul()
            case "sexe": sexe = try l.code()
            case "trancheAge": trancheAge = try l.texte()
            case "qpv": qpv = try l.code()
            case "statut": statut = try l.code()
            case "etat": etat = try l.code()
            case "venu": venu = try l.booleen()
            case "minutesPrevues": minutesPrevues = try l.entier()
            case "minutesSuivies": minutesSuivies = try l.entier()
            case "motifAbandon": motifAbandon = try l.texteOuNul()
            case "sorties": sorties = try l.textes()
            case "competencesCertifiees": competences = try l.entier()
            case "suivis": suivis = try l.textes()
            case "satisfaction": satisfaction = try l.liste { (l, _) throws(Echec) in try l.liste { (l, _) throws(Echec) in try l.entier() } }
            case "thematiques": thematiques = try l.textes()
            default: try l.passer()
            }
        }
        var e = EnregistrementInscription(
            numero: try requis(numero, "numero"), parcours: try requis(parcours, "parcours"), moisDebut: try requis(moisDebut, "moisDebut"),
            moisFin: moisFin, sexe: try requis(sexe, "sexe"), trancheAge: try requis(trancheAge, "trancheAge"), qpv: try requis(qpv, "qpv"),
            statut: try requis(statut, "statut"), etat: try requis(etat, "etat"), venu: try requis(venu, "venu"),
            minutesPrevues: try requis(minutesPrevues, "minutesPrevues"), minutesSuivies: try requis(minutesSuivies, "minutesSuivies"),
            motifAbandon: motifAbandon, sorties: [], competencesCertifiees: try requis(competences, "competencesCertifiees"),
            satisfaction: try requis(satisfaction, "satisfaction"))
        // As written, in the order written (`Codable` does not sort either).
        e.sorties = try requis(sorties, "sorties")
        e.suivis = try requis(suivis, "suivis")
        e.thematiques = try requis(thematiques, "thematiques")
        return e
    }

    private static func accompagnement(_ l: inout AnalyseurJSON.Lecteur) throws(Echec) -> EnregistrementAccompagnement {
        var numero: String?, mois: String?, type: TypeAccompagnement?, lieu: LieuAccompagnement?, minutes: Int?, thematiques: [String]?
        var sexe: Sexe?, trancheAge: String?
        try l.objet { (l, cle) throws(Echec) in
            switch cle {
            case "numero": numero = try l.texte()
            case "mois": mois = try l.texte()
            case "type": type = try l.code()
            case "lieu": lieu = try l.code()
            case "minutes": minutes = try l.entier()
            case "thematiques": thematiques = try l.textes()
            case "sexe": sexe = try l.code()
            case "trancheAge": trancheAge = try l.texte()
            default: try l.passer()
            }
        }
        var a = EnregistrementAccompagnement(numero: try requis(numero, "numero"), mois: try requis(mois, "mois"), type: try requis(type, "type"),
                                             lieu: try requis(lieu, "lieu"), minutes: try requis(minutes, "minutes"), thematiques: [],
                                             sexe: try requis(sexe, "sexe"), trancheAge: try requis(trancheAge, "trancheAge"))
        a.thematiques = try requis(thematiques, "thematiques")
        return a
    }

    private static func requis<T>(_ valeur: T?, _ cle: String) throws(Echec) -> T {
        guard let valeur else { throw Echec(chemin: [cle], raison: .manque) }
        return valeur
    }
}

extension AnalyseurJSON.Lecteur {
    typealias Echec = LectureExtrait.Echec

    /// Reads an object: `champ` is called with each key, the reader on its value, which it must read.
    /// A failure inside gets the key in front of its path.
    mutating func objet(_ champ: (inout Self, String) throws(Echec) -> Void) throws(Echec) {
        guard position < octets.count, octets[position] == UInt8(ascii: "{") else { throw Echec(raison: .forme(attendu: "un objet")) }
        position += 1
        sauterBlancs()
        if position < octets.count, octets[position] == UInt8(ascii: "}") { position += 1; return }
        while true {
            sauterBlancs()
            guard position < octets.count, octets[position] == UInt8(ascii: "\"") else { throw syntaxe("clé entre guillemets attendue") }
            let cle: String
            do { cle = try chaine() } catch { throw Echec(raison: .syntaxe(error)) }
            sauterBlancs()
            guard position < octets.count, octets[position] == UInt8(ascii: ":") else { throw syntaxe("« : » attendu") }
            position += 1
            sauterBlancs()
            do {
                try champ(&self, cle)
            } catch {
                var e = error
                e.chemin.insert(cle, at: 0)
                throw e
            }
            sauterBlancs()
            guard position < octets.count else { throw syntaxe("fin inattendue dans un objet") }
            if octets[position] == UInt8(ascii: ",") { position += 1; continue }
            if octets[position] == UInt8(ascii: "}") { position += 1; return }
            throw syntaxe("« , » ou « } » attendu")
        }
    }

    /// Reads a list, one element after another; a failure gets « n° k » (from 1) in front of its path.
    mutating func liste<T>(_ element: (inout Self, Int) throws(Echec) -> T) throws(Echec) -> [T] {
        guard position < octets.count, octets[position] == UInt8(ascii: "[") else { throw Echec(raison: .forme(attendu: "une liste")) }
        position += 1
        var resultat: [T] = []
        sauterBlancs()
        if position < octets.count, octets[position] == UInt8(ascii: "]") { position += 1; return resultat }
        while true {
            sauterBlancs()
            do {
                resultat.append(try element(&self, resultat.count))
            } catch {
                var e = error
                e.chemin.insert("n° \(resultat.count + 1)", at: 0)
                throw e
            }
            sauterBlancs()
            guard position < octets.count else { throw syntaxe("fin inattendue dans une liste") }
            if octets[position] == UInt8(ascii: ",") { position += 1; continue }
            if octets[position] == UInt8(ascii: "]") { position += 1; return resultat }
            throw syntaxe("« , » ou « ] » attendu")
        }
    }

    mutating func texte() throws(Echec) -> String {
        guard position < octets.count, octets[position] == UInt8(ascii: "\"") else { throw Echec(raison: .forme(attendu: "un texte")) }
        do { return try chaine() } catch { throw Echec(raison: .syntaxe(error)) }
    }

    /// A text, or nil for `null`.
    mutating func texteOuNul() throws(Echec) -> String? {
        if position < octets.count, octets[position] == UInt8(ascii: "n") {
            do { try litteral("null") } catch { throw Echec(raison: .syntaxe(error)) }
            return nil
        }
        return try texte()
    }

    mutating func textes() throws(Echec) -> [String] {
        try liste { (l, _) throws(Echec) in try l.texte() }
    }

    mutating func entier() throws(Echec) -> Int {
        guard position < octets.count, octets[position] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(octets[position]) else {
            throw Echec(raison: .forme(attendu: "un nombre entier"))
        }
        // Digits only, the common case, read in place; anything else (fraction, exponent) as JSON reads it.
        let debut = position
        var n = 0
        var negatif = false
        if octets[position] == UInt8(ascii: "-") { negatif = true; position += 1 }
        var chiffres = 0
        while position < octets.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(octets[position]), chiffres < 18 {
            n = n * 10 + Int(octets[position] - UInt8(ascii: "0"))
            position += 1
            chiffres += 1
        }
        let suivant = position < octets.count ? octets[position] : UInt8(ascii: " ")
        if chiffres > 0, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(suivant), suivant != UInt8(ascii: "."), suivant != UInt8(ascii: "e"),
           suivant != UInt8(ascii: "E") {
            return negatif ? -n : n
        }
        position = debut
        let valeur: Double
        do { valeur = try nombre() } catch { throw Echec(raison: .syntaxe(error)) }
        guard let entier = Int(exactly: valeur) else { throw Echec(raison: .forme(attendu: "un nombre entier")) }
        return entier
    }

    mutating func booleen() throws(Echec) -> Bool {
        let mot: String
        switch position < octets.count ? octets[position] : 0 {
        case UInt8(ascii: "t"): mot = "true"
        case UInt8(ascii: "f"): mot = "false"
        default: throw Echec(raison: .forme(attendu: "vrai ou faux (true, false)"))
        }
        do { try litteral(mot) } catch { throw Echec(raison: .syntaxe(error)) }
        return mot == "true"
    }

    /// A code of one of Livret's lists (sexe, statut…), by its raw value.
    mutating func code<C: ValeurCodee>() throws(Echec) -> C {
        let texte = try texte()
        guard let c = C(rawValue: texte) else {
            throw Echec(raison: .valeur("« \(texte) » n'est pas une valeur connue (\(C.allCases.map(\.rawValue).joined(separator: ", ")))"))
        }
        return c
    }

    mutating func jour() throws(Echec) -> Jour {
        let texte = try texte()
        guard let jour = Jour(texte) else { throw Echec(raison: .valeur("date invalide « \(texte) »")) }
        return jour
    }

    /// Reads a value and drops it (a key this version does not know).
    mutating func passer() throws(Echec) {
        do { _ = try valeur(profondeur: 1) } catch { throw Echec(raison: .syntaxe(error)) }
    }

    private func syntaxe(_ raison: String) -> Echec {
        Echec(raison: .syntaxe(erreur(raison)))
    }
}
