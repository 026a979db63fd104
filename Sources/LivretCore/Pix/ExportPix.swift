/// A Pix Orga campaign export, read: the campaign and one participation per line.
///
/// Produced by ``LecturePixOrga/lire(_:fichier:pix:)``; nothing here is stored yet.
public struct ExportPixOrga: Sendable, Equatable {
    /// The kinds of Pix Orga campaign Livret tells apart (decision 55).
    public enum Genre: String, Sendable, Codable, CaseIterable {
        /// "Collecte de profils": level and pix per competence.
        case collecteProfils = "collecte_profils"
        /// "Campagne d'évaluation": progression and mastery on a target profile.
        case evaluation
        /// Pix's EXAM campaign: the assessment columns without « % de progression »; a supervised
        /// test, never a positioning profile.
        case examen
        /// An assessment campaign "pour grands débutants" (Pix's `isForAbsoluteNovice`): the export
        /// does not say it, the formateur does (`livret pix importer --grands-debutants`).
        case grandsDebutants = "grands_debutants"

        /// The French name, for screens and import summaries.
        public var libelle: String {
            switch self {
            case .collecteProfils: "collecte de profils"
            case .evaluation: "campagne d'évaluation"
            case .examen: "campagne d'examen"
            case .grandsDebutants: "campagne pour grands débutants"
            }
        }
    }

    public struct Campagne: Sendable, Equatable, Codable {
        public var organisation: String
        public var id: String
        public var code: String
        public var nom: String
        /// The target profile of an assessment campaign ("Parcours", formerly "Nom du Profil Cible").
        public var parcours: String?

        public init(organisation: String, id: String, code: String, nom: String, parcours: String? = nil) {
            self.organisation = organisation
            self.id = id
            self.code = code
            self.nom = nom
            self.parcours = parcours
        }
    }

    public var genre: Genre
    /// The campaign, as given on the first data line.
    public var campagne: Campagne
    /// The label of the external-id column, when the campaign has one ("Identifiant", "email"…).
    public var libelleIdentifiantExterne: String?
    public var participations: [ParticipationPix]
    /// Columns the organisation added that Livret does not use (kept for the import summary).
    public var colonnesIgnorees: [String]

    public init(genre: Genre, campagne: Campagne, libelleIdentifiantExterne: String?, participations: [ParticipationPix], colonnesIgnorees: [String]) {
        self.genre = genre
        self.campagne = campagne
        self.libelleIdentifiantExterne = libelleIdentifiantExterne
        self.participations = participations
        self.colonnesIgnorees = colonnesIgnorees
    }
}

/// One participant's line of a Pix Orga export.
public struct ParticipationPix: Sendable, Equatable, Codable {
    /// The file line (1-based, header = 1).
    public var ligne: Int
    public var nom: String
    public var prenom: String
    public var identifiantExterne: String?
    /// Whether the participant sent (profiles) or shared (assessment) their results.
    /// When false, every result below is nil: not a zero.
    public var partage: Bool
    /// The day of sending or sharing (Europe/Paris date), when shared.
    public var datePartage: Jour?
    /// The day the participation started (assessment).
    public var dateDebut: Jour?

    // Profiles collection
    public var pixTotal: Int?
    public var certifiable: Bool?
    public var competencesCertifiables: Int?
    /// Competence code → level (only when shared).
    public var niveaux: [String: Int]
    /// Competence code → pix (only when shared).
    public var pix: [String: Int]

    // Assessment
    /// Progression 0–1.
    public var progression: Double?
    /// "Palier obtenu" and its maximum, e.g. 3 of 5.
    public var palier: Int?
    public var palierMax: Int?
    /// Badge name → obtained.
    public var badges: [String: Bool]
    /// Mastery of the whole target profile, 0–1.
    public var maitrise: Double?
    /// Competence code → mastery 0–1.
    public var maitriseParCompetence: [String: Double]
    /// Domain code → mastery 0–1.
    public var maitriseParDomaine: [String: Double]
    /// Skill ("@web1") → "OK", "KO" or "Non testé".
    public var acquis: [String: String]

    /// The CléA badge of the target profile («  … CléA … obtenu (O/N) »): nil when the export has
    /// no such column or the participation was not shared.
    public var badgeCleA: Bool? {
        badges.filter { CleA.designe($0.key) }.sorted { $0.key < $1.key }.first?.value
    }

    public init(ligne: Int, nom: String, prenom: String, identifiantExterne: String? = nil, partage: Bool, datePartage: Jour? = nil,
                dateDebut: Jour? = nil, pixTotal: Int? = nil, certifiable: Bool? = nil, competencesCertifiables: Int? = nil,
                niveaux: [String: Int] = [:], pix: [String: Int] = [:], progression: Double? = nil, palier: Int? = nil,
                palierMax: Int? = nil, badges: [String: Bool] = [:], maitrise: Double? = nil,
                maitriseParCompetence: [String: Double] = [:], maitriseParDomaine: [String: Double] = [:], acquis: [String: String] = [:]) {
        self.ligne = ligne
        self.nom = nom
        self.prenom = prenom
        self.identifiantExterne = identifiantExterne
        self.partage = partage
        self.datePartage = datePartage
        self.dateDebut = dateDebut
        self.pixTotal = pixTotal
        self.certifiable = certifiable
        self.competencesCertifiables = competencesCertifiables
        self.niveaux = niveaux
        self.pix = pix
        self.progression = progression
        self.palier = palier
        self.palierMax = palierMax
        self.badges = badges
        self.maitrise = maitrise
        self.maitriseParCompetence = maitriseParCompetence
        self.maitriseParDomaine = maitriseParDomaine
        self.acquis = acquis
    }
}

/// A Pix Certif session-results export, read.
public struct ResultatsPixCertif: Sendable, Equatable {
    public struct Ligne: Sendable, Equatable, Codable {
        /// Certification status in Pix Certif.
        public enum Statut: String, Sendable, Codable, CaseIterable {
            case validee = "validee"
            case rejetee = "rejetee"
            case annulee = "annulee"
            case enErreur = "en_erreur"
            case demarree = "demarree"

            /// The spelling of Pix Certif exports.
            public var libelle: String {
                switch self {
                case .validee: "Validée"
                case .rejetee: "Rejetée"
                case .annulee: "Annulée"
                case .enErreur: "En erreur"
                case .demarree: "Démarrée"
                }
            }
        }

        public var ligne: Int
        /// "Numéro de certification".
        public var numero: String
        public var prenom: String
        public var nom: String
        public var identifiantExterne: String?
        public var statut: Statut
        /// "Nombre de Pix": the v3 score out of 895 (or the v2 pix score).
        public var score: Int?
        /// Competence code → certified level; "-" (not tested) is absent; "0" is failed.
        public var niveaux: [String: Int]
        public var session: String?
        public var centre: String?
        public var date: Jour
        /// "Certification {label}" columns: label → value as written (e.g. "Validée").
        public var complementaires: [String: String]
        /// The "Certification CléA Numérique" column, read; nil when the file has none or it is empty.
        public var clea: ResultatCleA?

        public init(ligne: Int, numero: String, prenom: String, nom: String, identifiantExterne: String?, statut: Statut, score: Int?,
                    niveaux: [String: Int], session: String?, centre: String?, date: Jour, complementaires: [String: String] = [:],
                    clea: ResultatCleA? = nil) {
            self.ligne = ligne
            self.numero = numero
            self.prenom = prenom
            self.nom = nom
            self.identifiantExterne = identifiantExterne
            self.statut = statut
            self.score = score
            self.niveaux = niveaux
            self.session = session
            self.centre = centre
            self.date = date
            self.complementaires = complementaires
            self.clea = clea
        }
    }

    public var lignes: [Ligne]

    public init(lignes: [Ligne]) {
        self.lignes = lignes
    }
}

/// The outcome of the complementary certification CléA numérique in Pix Certif's results
/// ("Certification CléA Numérique" column).
public enum ResultatCleA: String, Sendable, Codable, CaseIterable {
    case validee
    case rejetee
    case nonPassee = "non_passee"
    case annulee

    /// The spelling of Pix Certif exports.
    public var libelle: String {
        switch self {
        case .validee: "Validée"
        case .rejetee: "Rejetée"
        case .nonPassee: "Non passée"
        case .annulee: "Annulée"
        }
    }

    /// Reads a cell (case, accents and spaces do not count); nil when it is none of the four.
    public static func lire(_ valeur: String) -> ResultatCleA? {
        let cle = NormalisationTitre.cle(valeur)
        return allCases.first { NormalisationTitre.cle($0.libelle) == cle }
    }
}

/// How Livret recognises CléA numérique in Pix's exports: a name that contains « CléA » (case and
/// accents ignored), in a Pix Orga badge column or a Pix Certif complementary column.
public enum CleA {
    /// Whether a badge or complementary-certification name designates CléA numérique.
    public static func designe(_ nom: String) -> Bool {
        NormalisationTitre.cle(nom).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains("clea")
    }
}
