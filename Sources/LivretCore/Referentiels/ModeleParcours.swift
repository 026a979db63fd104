/// A parcours template: who it is for, how long, its steps, targets, completion rule and objectives.
///
/// Cohorts are instantiated from a template; what the source document does not say and the
/// project infers (targets, completion rule) is marked ``Origine/inferee`` with a reason.
public struct ModeleParcours: Sendable, Equatable, Codable {
    /// Whether a piece of the template comes from the source or was inferred by the project.
    public enum Origine: String, Sendable, Codable {
        case source
        case inferee
    }

    public struct Acteur: Sendable, Equatable, Codable {
        public var nom: String
        public var description: String?
        public var role: String?
    }

    public struct Public: Sendable, Equatable, Codable {
        public var description: String
        /// The sex the parcours is meant for (`feminin`…), when it has one.
        public var sexe: String?
        public var ageMinimum: Int?
    }

    public struct Duree: Sendable, Equatable, Codable {
        public var heures: Double
        public var heuresInitialementPrevues: Double?
        public var motifReduction: String?
        public var semaines: Int?
        public var jours: [String]
        public var periode: String?
    }

    public struct Etape: Sendable, Equatable, Codable {
        public enum Genre: String, Sendable, Codable, CaseIterable {
            case diagnostic, ateliers, certification
        }
        public var code: String
        public var type: Genre
        public var titre: String
        public var description: String?
        public var dureeHeures: Double?
        public var coutParApprenantEuros: Double?
        public var prisEnChargePar: String?
        public var pretextes: [String]
    }

    /// A target the programme commits to, e.g. 5 of 10 certified on ≥ 3 competences.
    public struct Objectif: Sendable, Equatable, Codable {
        public var code: String
        public var libelle: String
        public var type: String
        public var effectifVise: Int
        public var effectifGroupe: Int?
        public var competencesMin: Int?
        public var niveauMin: Int?
    }

    /// When a learner has completed the parcours.
    public struct RegleDeCompletion: Sendable, Equatable, Codable {
        /// Share of planned hours attended, 0–1.
        public var assiduiteMinimale: Double
        public var certificationRequise: Bool
        public var origine: Origine
        public var motif: String?
    }

    public struct Avantage: Sendable, Equatable, Codable {
        public var libelle: String
        public var condition: String?
    }

    public struct BilanPublie: Sendable, Equatable, Codable {
        public var effectif: Int
        public var certifiees: Int
        public var texte: String
    }

    public struct CiblePix: Sendable, Equatable, Codable {
        public var competence: String
        public var niveauVise: Int
    }

    public struct Cibles: Sendable, Equatable, Codable {
        public var origine: Origine
        public var motif: String?
        public var pix: [CiblePix]
        public var aptic: [String]
    }

    public var entete: EnteteReferentiel
    public var porteur: Acteur?
    public var partenaires: [Acteur]
    public var finalite: String?
    public var publicVise: Public?
    public var prerequis: [String]
    public var duree: Duree
    public var tailleGroupe: Int?
    public var etapes: [Etape]
    public var objectifs: [Objectif]
    public var regleDeCompletion: RegleDeCompletion
    public var avantages: [Avantage]
    public var freins: [String]
    public var bilanPublie: BilanPublie?
    public var cibles: Cibles
    var fichier: String = ""

    enum CodingKeys: String, CodingKey {
        case entete, porteur, partenaires, finalite, publicVise = "public", prerequis, duree, tailleGroupe
        case etapes, objectifs, regleDeCompletion, avantages, freins, bilanPublie, cibles
    }

    /// The code of the template (`femmes-et-numerique`).
    public var code: String { entete.code }
}
