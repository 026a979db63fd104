/// Age bands for reports, derived from the year of birth at report time.
///
/// `bornes` are the lower limits of the bands after the first: `[12, 18, 25, 40, 60, 70]` gives
/// "moins de 12 ans", "12–17 ans", "18–24 ans", "25–39 ans", "40–59 ans", "60–69 ans", "70 ans et plus",
/// then "non communiqué" for an unknown year.
public struct TranchesAge: Sendable, Codable, Equatable, Hashable {
    /// Increasing ages, each from 1 to 120.
    public let bornes: [Int]

    /// The label of the band of people whose year of birth is not known.
    public static let nonCommunique = "non communiqué"

    /// The bands of the national médiation tool (La Coop de la médiation numérique).
    public static let parDefaut = TranchesAge(valides: [12, 18, 25, 40, 60, 70])

    init(valides: [Int]) { bornes = valides }

    /// Bands from their limits; throws ``ErreurTranchesAge`` unless they increase strictly, each from 1 to 120.
    public init(bornes: [Int]) throws {
        guard !bornes.isEmpty else { throw ErreurTranchesAge(message: "Il faut au moins une borne d’âge, par exemple « 18,26,45,65 ».") }
        for borne in bornes where !(1...120).contains(borne) {
            throw ErreurTranchesAge(message: "La borne d’âge \(borne) doit être comprise entre 1 et 120.")
        }
        for (a, b) in zip(bornes, bornes.dropFirst()) where b <= a {
            throw ErreurTranchesAge(message: "Les bornes d’âge doivent être croissantes : \(b) vient après \(a).")
        }
        self.bornes = bornes
    }

    /// Parses "18,26,45,65" (spaces and a trailing comma tolerated; ";" accepted as a separator).
    public init(texte: String) throws {
        let morceaux = texte.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var bornes: [Int] = []
        for morceau in morceaux {
            guard let borne = Int(morceau) else {
                throw ErreurTranchesAge(message: "« \(morceau) » n’est pas un âge : écrire des nombres entiers séparés par des virgules, par exemple « 18,26,45,65 ».")
            }
            bornes.append(borne)
        }
        try self.init(bornes: bornes)
    }

    /// Every label, in order, ending with "non communiqué".
    public var libelles: [String] {
        (0...bornes.count).map(libelle(rang:)) + [Self.nonCommunique]
    }

    /// The label of the band at `rang` (0 = below the first limit).
    func libelle(rang: Int) -> String {
        if rang == 0 { return "moins de \(bornes[0]) ans" }
        if rang == bornes.count { return "\(bornes[rang - 1]) ans et plus" }
        let bas = bornes[rang - 1], haut = bornes[rang] - 1
        return bas == haut ? "\(bas) ans" : "\(bas)–\(haut) ans"
    }

    /// The band's index in ``libelles``, age = `anneeReference` − `anneeNaissance` (no year, or a year after the
    /// reference year: "non communiqué").
    public func rang(anneeNaissance: Int?, anneeReference: Int) -> Int {
        guard let anneeNaissance, anneeNaissance <= anneeReference else { return bornes.count + 1 }
        let age = anneeReference - anneeNaissance
        return bornes.firstIndex(where: { age < $0 }) ?? bornes.count
    }

    /// The band's label for a year of birth.
    public func libelle(anneeNaissance: Int?, anneeReference: Int) -> String {
        libelles[rang(anneeNaissance: anneeNaissance, anneeReference: anneeReference)]
    }
}

/// Age limits that cannot make bands; the message is in French, for the user.
public struct ErreurTranchesAge: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}

extension TranchesAge {
    /// The years of birth of somebody said to be in band `rang` in `annee` (ages reached during the
    /// year, as for reports); nil for « non communiqué » or an unknown band.
    public func naissances(rang: Int, annee: Int) -> ClosedRange<Int>? {
        guard rang >= 0, rang <= bornes.count else { return nil }
        let ageMin = rang == 0 ? 0 : bornes[rang - 1]
        let ageMax = rang == bornes.count ? 120 : bornes[rang] - 1
        return (annee - ageMax)...(annee - ageMin)
    }

    /// The band of somebody born in one of `naissances`: the band when every year falls into the
    /// same one, else « non communiqué ».
    public func rang(naissances: ClosedRange<Int>?, anneeReference: Int) -> Int {
        guard let naissances else { return bornes.count + 1 }
        let bas = rang(anneeNaissance: naissances.upperBound, anneeReference: anneeReference)
        let haut = rang(anneeNaissance: naissances.lowerBound, anneeReference: anneeReference)
        return bas == haut ? bas : bornes.count + 1
    }

    /// « mineurs », « adultes », « non communiqué »: 0, 1 or 2 for somebody born in one of `naissances`.
    public static func rangMajorite(naissances: ClosedRange<Int>?, anneeReference: Int) -> Int {
        guard let naissances, naissances.upperBound <= anneeReference else { return 2 }
        let plusJeune = anneeReference - naissances.upperBound, plusVieux = anneeReference - naissances.lowerBound
        if plusVieux < RegleAccompagnement.ageMajorite { return 0 }
        if plusJeune >= RegleAccompagnement.ageMajorite { return 1 }
        return 2
    }

    /// The labels of ``rangMajorite(naissances:anneeReference:)``.
    public static let libellesMajorite = ["mineurs", "adultes", nonCommunique]
}
