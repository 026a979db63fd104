import LivretCore

/// A learner's CV numérique: only what the learner chose to show, with every label already
/// written in plain French ("facile à lire et à comprendre"). ``CVHTML`` and ``CVJSONResume`` only lay it out.
///
/// A section the learner left out is `nil`; a section chosen but empty is an empty list.
public struct CVNumerique: Sendable, Equatable, Codable {
    /// The name and contact shown, as chosen.
    public struct Identite: Sendable, Equatable, Codable {
        public var nom: String?
        public var email: String?
        public var telephone: String?

        public init(nom: String?, email: String? = nil, telephone: String? = nil) {
            self.nom = nom
            self.email = email
            self.telephone = telephone
        }
    }

    /// One savoir-faire (an APTIC item).
    public struct SavoirFaire: Sendable, Equatable, Codable {
        /// The APTIC item code.
        public var code: String
        /// The plain label (the item's `libelleFacile`, else its title).
        public var libelle: String
        /// "acquis" or "en cours".
        public var statut: String
        /// The evidence in plain words: "en autonomie", "avec accompagnement", "dit par la personne", "certifié".
        public var preuve: String
        /// The raw evidence level, for grouping.
        public var niveauPreuve: NiveauPreuve
    }

    /// The savoir-faire of one APTIC sous-thème.
    public struct GroupeSavoirFaire: Sendable, Equatable, Codable {
        public var code: String
        /// What the sous-thème covers, in an employer's words (its `libelleFacile`, else its title).
        public var titre: String
        /// The référentiel's reference, printed small: « APTIC 2.1 ».
        public var reference: String
        public var savoirFaire: [SavoirFaire]
    }

    /// A Pix level on one competence.
    public struct NiveauPix: Sendable, Equatable, Codable {
        public var competence: String
        /// The competence in an employer's words (its `libelleFacile`, else the official title).
        public var titre: String
        /// The official reference, printed small: « Pix 1.1 ».
        public var reference: String
        public var domaine: String
        public var niveau: Int
        /// "Niveau 3 sur 8".
        public var libelle: String
    }

    /// A validated Pix certification.
    public struct Certification: Sendable, Equatable, Codable {
        /// "Certification Pix — Indépendant 3".
        public var nom: String
        public var date: Jour
        public var score: Int
        public var scoreMax: Int
        /// The verification code "P-…", or else the Pix Certif number.
        public var codeVerification: String?
        public var numero: String?
        /// More than the indicative validity (3 years) has passed.
        public var aRenouveler: Bool
        /// "Obtenue le 14 avril 2023." (+ " Elle a plus de 3 ans : à renouveler.")
        public var mention: String
        /// "Code de vérification : P-…" or "Numéro Pix Certif : …", nil when neither is known.
        public var verification: String?
        /// Pix's page where the code is checked, when the référentiel gives it and there is a code.
        public var adresseVerification: String?
    }

    /// The Pix part: levels of the latest shared profile, and certifications.
    public struct Pix: Sendable, Equatable, Codable {
        /// The date of the profile the levels come from.
        public var dateProfil: Jour?
        public var niveauMax: Int
        public var niveaux: [NiveauPix]
        public var certifications: [Certification]
    }

    /// A parcours the learner completed.
    public struct Parcours: Sendable, Equatable, Codable {
        public var code: String
        public var titre: String
        /// Who designed it (Emmaüs Connect for Femmes et Numérique), when known.
        public var porteur: String?
        /// Hours attended, rounded.
        public var heures: Int
        public var debut: Jour
        public var fin: Jour?
        /// "Femmes et Numérique : 64 heures de formation, terminé le 14 avril 2023."
        public var phrase: String
    }

    /// A badge the structure issued, with what is needed to check it.
    public struct Badge: Sendable, Equatable, Codable {
        /// The achievement code, also the bundle's file name ("parcours-femmes-et-numerique").
        public var reussite: String
        public var titre: String
        /// What the learner had to show.
        public var critere: String
        public var date: Jour
        /// The first 8 characters of the credential UUID, "A1B2-C3D4".
        public var codeCourt: String
        /// The signed badge, relative to the bundle: "badges/<reussite>.jwt".
        public var fichierJWT: String
        /// The badge image, relative to the bundle: "badges/<reussite>.svg".
        public var fichierImage: String
        /// The référentiel's reference, printed small (« APTIC 2.1 »), nil for a parcours or a Pix milestone.
        public var reference: String?
        /// The badge's verification page on the structure's site, nil when the structure has none.
        public var urlVerification: String?
    }

    /// "Compétences numériques".
    public var titre: String
    /// The structure that made the CV with the learner.
    public var structure: String
    /// How to reach the structure (printed under its name), nil when it gave none.
    public var contact: ContactStructure?
    /// Where a badge code is typed by hand (« https://exemple.fr/v/ »), nil without a site.
    public var urlSaisie: String?
    /// The day the CV was made.
    public var date: Jour
    public var identite: Identite?
    public var competences: [GroupeSavoirFaire]?
    public var pix: Pix?
    public var parcours: [Parcours]?
    public var badges: [Badge]?
    /// True when the learner made the choices themselves (the CV then says so); absent otherwise.
    public var choisiParLaPersonne: Bool? = nil
}
