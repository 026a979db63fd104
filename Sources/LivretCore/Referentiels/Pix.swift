import Foundation

/// The Pix competence framework (the French CRCN): 5 domains, 16 competences, levels 0–8.
public struct ReferentielPix: Sendable, Equatable {
    /// How pix become levels. The highest open level is data, never a constant of the code.
    public struct ReglesNiveaux: Sendable, Equatable, Codable {
        public var min: Int
        public var max: Int
        public var pixParNiveau: Int
        public var niveauMaxOuvert: Int
    }

    /// When a profile can be presented to certification.
    public struct Certifiabilite: Sendable, Equatable, Codable {
        public var competencesMin: Int
        public var niveauMin: Int
    }

    /// One band of the v3 certification score.
    public struct Palier: Sendable, Equatable, Codable {
        public var palier: Int
        public var min: Int
        public var max: Int
        public var libelle: String
    }

    public struct CodeVerification: Sendable, Equatable, Codable {
        public var prefixe: String
        public var alphabet: String
        public var longueur: Int
    }

    public struct Certification: Sendable, Equatable, Codable {
        public var version: String
        public var scoreMax: Int
        public var paliers: [Palier]
        public var codeVerification: CodeVerification
        public var validiteIndicativeAnnees: Int?
        public var certificationsComplementaires: [String]
        /// Where anyone checks a certificate with its verification code (Pix's own page), when known.
        public var adresseVerification: String? = nil
    }

    public var entete: EnteteReferentiel
    public var niveaux: ReglesNiveaux
    public var certifiabilite: Certifiabilite
    public var certification: Certification
    public var domaines: [DomainePix]

    /// The 16 competences, in order.
    public var competences: [CompetencePix] { domaines.flatMap(\.competences) }

    public func competence(_ code: String) -> CompetencePix? { competences.first { $0.code == code } }
    public func domaine(_ code: String) -> DomainePix? { domaines.first { $0.code == code } }
    public func domaine(deCompetence code: String) -> DomainePix? { domaines.first { $0.competences.contains { $0.code == code } } }

    /// The level reached with `pix` pix on one competence: `min(pix / 8, niveauMaxOuvert)`.
    public func niveau(pourPix pix: Int) -> Int {
        Swift.max(niveaux.min, Swift.min(pix / niveaux.pixParNiveau, niveaux.niveauMaxOuvert))
    }

    /// Whether a profile (competence code → level) can be presented to certification.
    public func estCertifiable(_ profil: [String: Int]) -> Bool {
        profil.values.filter { $0 >= certifiabilite.niveauMin }.count >= certifiabilite.competencesMin
    }

    /// The v3 band of a certification score, or `nil` when the score is out of range.
    public func palier(pourScore score: Int) -> Palier? {
        certification.paliers.first { $0.min <= score && score <= $0.max }
    }

    /// Whether `code` is a well-formed certification verification code ("P-" then 8 characters of the alphabet).
    public func codeVerificationValide(_ code: String) -> Bool {
        let regle = certification.codeVerification
        guard code.hasPrefix(regle.prefixe) else { return false }
        let reste = code.dropFirst(regle.prefixe.count)
        return reste.count == regle.longueur && reste.allSatisfy { regle.alphabet.contains($0) }
    }

    /// The competence whose official title or a known variant matches `titre`
    /// after normalisation (apostrophes, accents, case, spaces).
    public func competence(correspondantAuTitre titre: String) -> CompetencePix? {
        let cle = NormalisationTitre.cle(titre)
        return competences.first { competence in
            ([competence.titre] + competence.variantes).contains { NormalisationTitre.cle($0) == cle }
        }
    }

    /// The domain whose title or a known variant matches `titre` after normalisation.
    public func domaine(correspondantAuTitre titre: String) -> DomainePix? {
        let cle = NormalisationTitre.cle(titre)
        return domaines.first { domaine in
            ([domaine.titre] + domaine.variantes).contains { NormalisationTitre.cle($0) == cle }
        }
    }
}

public struct DomainePix: Sendable, Equatable {
    public var code: String
    public var titre: String
    /// Other spellings accepted when matching (e.g. "Information et données").
    public var variantes: [String]
    /// The domain's colour on Pix certificates, "#RRGGBB".
    public var couleur: String
    public var competences: [CompetencePix]
}

public struct CompetencePix: Sendable, Equatable {
    public var code: String
    /// The official spelling, typographic apostrophe included.
    public var titre: String
    public var variantes: [String]
    /// What a person can do, in the project's own words.
    public var description: String
    public var thematiques: [String]
    /// A short label an employer understands (« Chercher et trier l'information en ligne »); the
    /// official title when the file gives none.
    public var libelleFacile: String? = nil

    /// ``libelleFacile``, else the official title.
    public var libelleCourant: String { libelleFacile ?? titre }
}

/// Normalises titles for matching: apostrophes, accents, case and spaces do not count.
public enum NormalisationTitre {
    public static func cle(_ texte: String) -> String {
        let apostrophes = texte.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        let sansAccents = apostrophes.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return sansAccents.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}
