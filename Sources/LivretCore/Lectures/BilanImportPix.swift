/// What an import of a Pix export did, for the summary the formateur reads.
public struct BilanImportPix: Sendable, Codable, Equatable {
    public var fichier: String
    public var empreinte: String
    public var genre: String
    public var participants: Int
    /// Participants matched to a learner (or created, with the option).
    public var rapproches: Int
    /// "Prénom Nom (ligne N)" of those matched to nobody.
    public var introuvables: [String]
    /// "Prénom Nom (ligne N) : A-0003, A-0007" of those several learners fit.
    public var ambigus: [String]
    public var crees: [String]
    public var partages: Int
    public var nonPartages: Int
    public var instantanesAjoutes: Int
    public var certificationsAjoutees: Int
    /// Certifications already known (same Pix Certif number), left as they were.
    public var certificationsDejaConnues: Int
    /// Snapshots already recorded from an earlier import (same learner, same campaign, same day of
    /// sharing — whatever the file's bytes): left as they were.
    public var instantanesDejaConnus: Int = 0
    /// "Prénom Nom (ligne N) : « … »" of participants whose « identifiant externe » is neither a
    /// Livret identifier nor an e-mail: it was ignored and the name used instead.
    public var externesIgnores: [String] = []
    /// "Prénom Nom (ligne N) : raison" of participants who could not be created (`--creer-apprenants`)
    /// because their name cannot be recorded (control characters, too long).
    public var refuses: [String] = []
    /// "A-0003 Prénom Nom (ligne N)" of matched learners who neither sent their results in Pix nor
    /// agreed to the skills follow-up (``UsageDonnees/resultatsPix(partagesDansPix:consentement:)``): nothing of theirs was recorded.
    public var sansAccord: [String] = []

    public init(fichier: String, empreinte: String, genre: String, participants: Int, rapproches: Int, introuvables: [String], ambigus: [String], crees: [String], partages: Int, nonPartages: Int, instantanesAjoutes: Int, certificationsAjoutees: Int, certificationsDejaConnues: Int, sansAccord: [String] = []) {
        self.fichier = fichier
        self.empreinte = empreinte
        self.genre = genre
        self.participants = participants
        self.rapproches = rapproches
        self.introuvables = introuvables
        self.ambigus = ambigus
        self.crees = crees
        self.partages = partages
        self.nonPartages = nonPartages
        self.instantanesAjoutes = instantanesAjoutes
        self.certificationsAjoutees = certificationsAjoutees
        self.certificationsDejaConnues = certificationsDejaConnues
        self.sansAccord = sansAccord
    }
}
