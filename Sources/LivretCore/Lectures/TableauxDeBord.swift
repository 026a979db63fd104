/// One line of a cohort's dashboard.
public struct LigneTableauDeBord: Sendable, Codable {
    public var identifiant: String
    public var nom: String
    public var statut: StatutInscription
    public var bilan: BilanParcours
    /// APTIC items acquired (derived from the evidence, corrections applied).
    public var itemsAcquis: Int = 0
    /// The latest shared Pix profile, if any.
    public var profilPix: ProfilPix?

    public init(identifiant: String, nom: String, statut: StatutInscription, bilan: BilanParcours, itemsAcquis: Int = 0, profilPix: ProfilPix? = nil) {
        self.identifiant = identifiant
        self.nom = nom
        self.statut = statut
        self.bilan = bilan
        self.itemsAcquis = itemsAcquis
        self.profilPix = profilPix
    }
}

/// Completion counts of one cohort.
public struct CompletionCohorte: Sendable, Codable, Equatable {
    public var cohorte: String
    public var inscrits: Int
    public var termines: Int
    public var abandons: Int
    /// Inscriptions meeting the parcours' critère d'achèvement today.
    public var critereAtteint: Int

    public init(cohorte: String, inscrits: Int, termines: Int, abandons: Int, critereAtteint: Int) {
        self.cohorte = cohorte
        self.inscrits = inscrits
        self.termines = termines
        self.abandons = abandons
        self.critereAtteint = critereAtteint
    }
}

/// One cohort as the formateur's home screen shows it: parcours, dates, who is enrolled
/// (by sex), how far the sessions are, attendance so far.
public struct ResumeCohorte: Sendable, Equatable {
    public var code: String
    public var titre: String
    public var parcours: String
    public var debut: Jour
    public var fin: Jour?
    public var cloturee: Bool
    /// Enrolled people by sex.
    public var inscritsParSexe: [Sexe: Int]
    public var termines: Int
    public var abandons: Int
    /// The cohort's séances: held so far (``SeanceComptee/tenue``) and planned, with their minutes.
    public var heures: HeuresCohorte
    /// Minutes « présent » of everyone enrolled (drop-outs included: the figure counts everyone).
    public var minutesSuivies: Int

    public var inscrits: Int { inscritsParSexe.values.reduce(0, +) }
    /// **Assiduité** of the cohort: Σ heures suivies / Σ heures prévues à ce jour over everyone
    /// enrolled (``HeuresSuivi/taux(_:sur:)``); nil before the first séance held.
    public var assiduite: Double? {
        HeuresSuivi.taux(Double(minutesSuivies), sur: Double(heures.minutesPrevuesACeJour) * Double(inscrits))
    }

    public init(code: String, titre: String, parcours: String, debut: Jour, fin: Jour? = nil, cloturee: Bool, inscritsParSexe: [Sexe: Int], termines: Int, abandons: Int, heures: HeuresCohorte, minutesSuivies: Int) {
        self.code = code
        self.titre = titre
        self.parcours = parcours
        self.debut = debut
        self.fin = fin
        self.cloturee = cloturee
        self.inscritsParSexe = inscritsParSexe
        self.termines = termines
        self.abandons = abandons
        self.heures = heures
        self.minutesSuivies = minutesSuivies
    }
}
