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
    /// A retraction: it withdraws the preuve ``remplace`` names and shows nothing itself (its
    /// ``note`` says why). Both stay readable.
    public var retrait: Bool
    /// The accompaniment it was observed at, when it comes from a visit or an appointment.
    public var accompagnementId: Int64?

    public init(id: Int64? = nil, apprenantId: Int64, referentiel: ReferentielCible, code: String, niveau: NiveauPreuve,
                date: Jour, auteurId: Int64, note: String? = nil, remplace: Int64? = nil, retrait: Bool = false, accompagnementId: Int64? = nil) {
        self.retrait = retrait
        self.accompagnementId = accompagnementId
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

/// A dated Pix snapshot of one learner: level and pix per competence as shared, or the fact
/// that a participation was not shared (never recorded as zeros).
public struct ProfilPix: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var apprenantId: Int64
    public var date: Jour
    /// Where it came from: a file name, or "saisie".
    public var source: String
    /// SHA-256 of the source file, when imported.
    public var empreinte: String?
    /// The Pix Orga campaign ("code — nom"), when imported.
    public var campagne: String?
    /// False for a participation that was not sent or shared: then there are no levels.
    public var partage: Bool
    /// Competence code → level.
    public var niveaux: [String: Int]
    /// Competence code → pix.
    public var pix: [String: Int]
    /// Assessment campaigns: progression and mastery of the target profile, 0–1.
    public var progression: Double?
    public var maitrise: Double?
    /// The kind of Pix Orga campaign it was imported from; nil when typed in or imported before decision 55.
    public var genre: ExportPixOrga.Genre?
    /// The CléA badge of the campaign's target profile, when its export has the column and the results were shared.
    public var badgeCleA: Bool?

    /// Whether this snapshot is a positioning profile: shared, and not an exam (decision 55: an
    /// exam is a supervised test of a target profile, not the learner's Pix profile).
    public var positionne: Bool { partage && genre != .examen }

    public init(id: Int64? = nil, apprenantId: Int64, date: Jour, source: String, empreinte: String? = nil, campagne: String? = nil,
                partage: Bool = true, niveaux: [String: Int], pix: [String: Int] = [:], progression: Double? = nil, maitrise: Double? = nil,
                genre: ExportPixOrga.Genre? = nil, badgeCleA: Bool? = nil) {
        self.id = id
        self.apprenantId = apprenantId
        self.date = date
        self.source = source
        self.empreinte = empreinte
        self.campagne = campagne
        self.partage = partage
        self.niveaux = niveaux
        self.pix = pix
        self.progression = progression
        self.maitrise = maitrise
        self.genre = genre
        self.badgeCleA = badgeCleA
    }
}

/// A Pix certification (v3): score out of 895, band, a level per competence, a verification code.
public struct CertificationPix: Sendable, Equatable, Codable, Identifiable {
    public typealias Statut = ResultatsPixCertif.Ligne.Statut

    public var id: Int64?
    public var apprenantId: Int64
    /// The verification code "P-" then 8 characters, checked against the référentiel; nil when
    /// imported from Pix Certif before the learner gave it.
    public var code: String?
    /// Pix Certif's certification number, when imported.
    public var numero: String?
    /// Only "validée" certifications count for objectives.
    public var statut: Statut = .validee
    public var session: String?
    public var date: Jour
    public var centre: String?
    public var score: Int
    public var palier: Int
    /// Competence code → certified level (0 = failed).
    public var niveaux: [String: Int]
    public var auteurId: Int64
    /// The complementary certification CléA numérique, when the Pix Certif results have its column.
    public var clea: ResultatCleA?
    /// The Pix Certif file it was imported from; nil when typed in.
    public var source: String?

    public init(id: Int64? = nil, apprenantId: Int64, code: String?, numero: String? = nil, statut: Statut = .validee, session: String? = nil,
                date: Jour, centre: String? = nil, score: Int, palier: Int, niveaux: [String: Int], auteurId: Int64,
                clea: ResultatCleA? = nil, source: String? = nil) {
        self.id = id
        self.apprenantId = apprenantId
        self.code = code
        self.numero = numero
        self.statut = statut
        self.session = session
        self.date = date
        self.centre = centre
        self.score = score
        self.palier = palier
        self.niveaux = niveaux
        self.auteurId = auteurId
        self.clea = clea
        self.source = source
    }

    /// Competences certified at level `niveauMin` or more (none unless the certification is validated).
    public func competencesCertifiees(niveauMin: Int = 1) -> [String] {
        guard statut == .validee else { return [] }
        return niveaux.filter { $0.value >= niveauMin }.keys.sorted()
    }
}
