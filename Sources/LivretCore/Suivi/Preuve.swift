/// Append-only evidence that a learner worked on or masters an item or competence.
///
/// A correction is a new preuve whose ``remplace`` names the one it supersedes; nothing is updated.
public struct Preuve: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var apprenantId: Int64
    public var referentiel: ReferentielCible
    public var code: String
    public var niveau: NiveauPreuve
    public var date: Jour
    public var auteurId: Int64
    public var note: String?
    public var remplace: Int64?

    public init(id: Int64? = nil, apprenantId: Int64, referentiel: ReferentielCible, code: String, niveau: NiveauPreuve,
                date: Jour, auteurId: Int64, note: String? = nil, remplace: Int64? = nil) {
        self.id = id
        self.apprenantId = apprenantId
        self.referentiel = referentiel
        self.code = code
        self.niveau = niveau
        self.date = date
        self.auteurId = auteurId
        self.note = note
        self.remplace = remplace
    }
}

/// A dated diagnostic: levels on APTIC items or Pix competences, and the Eurostat indicator.
public struct Positionnement: Sendable, Equatable, Codable, Identifiable {
    public struct Niveau: Sendable, Equatable, Codable {
        public var referentiel: ReferentielCible
        public var code: String
        public var niveau: Int

        public init(referentiel: ReferentielCible, code: String, niveau: Int) {
            self.referentiel = referentiel
            self.code = code
            self.niveau = niveau
        }
    }

    public var id: Int64?
    public var apprenantId: Int64
    public var date: Jour
    public var auteurId: Int64
    public var eurostat: IndicateurEurostat?
    public var niveaux: [Niveau]

    public init(id: Int64? = nil, apprenantId: Int64, date: Jour, auteurId: Int64, eurostat: IndicateurEurostat? = nil, niveaux: [Niveau] = []) {
        self.id = id
        self.apprenantId = apprenantId
        self.date = date
        self.auteurId = auteurId
        self.eurostat = eurostat
        self.niveaux = niveaux
    }
}

/// A dated Pix profile: level and pix per competence, as shared by the learner.
public struct ProfilPix: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var apprenantId: Int64
    public var date: Jour
    /// Where it came from: a file name, or "saisie".
    public var source: String
    /// SHA-256 of the source file, when imported.
    public var empreinte: String?
    /// Competence code → level.
    public var niveaux: [String: Int]
    /// Competence code → pix.
    public var pix: [String: Int]

    public init(id: Int64? = nil, apprenantId: Int64, date: Jour, source: String, empreinte: String? = nil, niveaux: [String: Int], pix: [String: Int] = [:]) {
        self.id = id
        self.apprenantId = apprenantId
        self.date = date
        self.source = source
        self.empreinte = empreinte
        self.niveaux = niveaux
        self.pix = pix
    }
}

/// A Pix certification (v3): score out of 895, band, a level per competence, a verification code.
public struct CertificationPix: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var apprenantId: Int64
    /// "P-" then 8 characters, checked against the référentiel.
    public var code: String
    public var date: Jour
    public var centre: String?
    public var score: Int
    public var palier: Int
    /// Competence code → certified level (0 = failed).
    public var niveaux: [String: Int]
    public var auteurId: Int64

    public init(id: Int64? = nil, apprenantId: Int64, code: String, date: Jour, centre: String? = nil, score: Int, palier: Int,
                niveaux: [String: Int], auteurId: Int64) {
        self.id = id
        self.apprenantId = apprenantId
        self.code = code
        self.date = date
        self.centre = centre
        self.score = score
        self.palier = palier
        self.niveaux = niveaux
        self.auteurId = auteurId
    }

    /// Competences certified at level `niveauMin` or more.
    public func competencesCertifiees(niveauMin: Int = 1) -> [String] {
        niveaux.filter { $0.value >= niveauMin }.keys.sorted()
    }
}
