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
    /// When the same file (same SHA-256) was already imported: the day it was. Nothing was added.
    public var dejaImporteLe: Jour?
    /// "A-0003 Prénom Nom (ligne N)" of matched learners who neither sent their results in Pix nor
    /// agreed to the skills follow-up (``UsageDonnees/resultatsPix(partagesDansPix:consentement:)``): nothing of theirs was recorded.
    public var sansAccord: [String] = []

    public init(fichier: String, empreinte: String, genre: String, participants: Int, rapproches: Int, introuvables: [String], ambigus: [String], crees: [String], partages: Int, nonPartages: Int, instantanesAjoutes: Int, certificationsAjoutees: Int, certificationsDejaConnues: Int, dejaImporteLe: Jour? = nil, sansAccord: [String] = []) {
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
        self.dejaImporteLe = dejaImporteLe
        self.sansAccord = sansAccord
    }
}
