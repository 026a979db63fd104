/// Everything held on one learner, with the derived state (`livret apprenant montrer`, `exporter`).
public struct DossierApprenant: Sendable, Codable {
    public struct InscriptionDetaillee: Sendable, Codable {
        public var cohorte: String
        public var parcours: String
        /// The template the parcours follows.
        public var modele: String
        public var debut: Jour
        public var historique: [EtapeInscription]
        public var statut: StatutInscription
        public var sorties: [Sortie]
        public var presences: [Presence]
        public var bilan: BilanParcours

        public init(cohorte: String, parcours: String, modele: String, debut: Jour, historique: [EtapeInscription], statut: StatutInscription, sorties: [Sortie], presences: [Presence], bilan: BilanParcours) {
            self.cohorte = cohorte
            self.parcours = parcours
            self.modele = modele
            self.debut = debut
            self.historique = historique
            self.statut = statut
            self.sorties = sorties
            self.presences = presences
            self.bilan = bilan
        }
    }

    public var apprenant: Apprenant
    public var consentements: [Consentement]
    public var inscriptions: [InscriptionDetaillee]
    public var positionnements: [Positionnement]
    public var preuves: [Preuve]
    public var etats: [EtatItem]
    public var profilsPix: [ProfilPix]
    public var certifications: [CertificationPix]
    /// Visits to permanences and appointments (issue 18).
    public var accompagnements: [Accompagnement] = []
    /// Satisfaction questionnaires answered.
    public var questionnaires: [ReponseSatisfaction] = []
    /// Follow-ups after the action.
    public var suivis: [SuiviApresAction] = []
    /// What the learner did in her own space (issue 21): filled for the access export only, nil elsewhere.
    public var espace: EspaceApprenant? = nil

    public init(apprenant: Apprenant, consentements: [Consentement], inscriptions: [InscriptionDetaillee], positionnements: [Positionnement], preuves: [Preuve], etats: [EtatItem], profilsPix: [ProfilPix], certifications: [CertificationPix]) {
        self.apprenant = apprenant
        self.consentements = consentements
        self.inscriptions = inscriptions
        self.positionnements = positionnements
        self.preuves = preuves
        self.etats = etats
        self.profilsPix = profilsPix
        self.certifications = certifications
    }
}

extension DossierApprenant {
    /// Every achievement with this learner's eligibility, from the record's evidence and state.
    public func eligibilites(catalogue: Catalogue) -> [Eligibilite] {
        eligibilites(CatalogueReussites.toutes(catalogue), catalogue: catalogue)
    }

    /// The same for `reussites`, the catalogue's achievements derived once for many records. The
    /// record's ``etats`` (derived from its ``preuves``) are used as they are, not derived again.
    public func eligibilites(_ reussites: [Reussite], catalogue: Catalogue) -> [Eligibilite] {
        EvaluationReussites.evaluer(
            reussites, catalogue: catalogue, etats: etats,
            parcours: inscriptions.map {
                SituationParcours(modele: $0.modele, statut: $0.statut, bilan: $0.bilan, debut: $0.debut,
                                  fin: $0.historique.last { $0.statut == .termine }?.date)
            },
            profils: profilsPix, certifications: certifications)
    }
}

extension DossierApprenant.InscriptionDetaillee {
    /// The parcours' title as people read it (« Femmes et Numérique »): its template's, else its code.
    public func titre(catalogue: Catalogue) -> String {
        catalogue.modeleParcours(modele)?.entete.titre ?? parcours
    }
}

/// What a learner did in her own space: the CV choices she made (all of them, dated) and her erasure
/// requests — part of what the access export gives her (RGPD art. 15).
public struct EspaceApprenant: Sendable, Codable, Equatable {
    /// One set of CV choices, as she made it on `date`.
    public struct ChoixDate: Sendable, Codable, Equatable {
        public var date: Jour
        public var choix: ChoixCV
        public init(date: Jour, choix: ChoixCV) {
            self.date = date
            self.choix = choix
        }
    }

    /// One erasure request: asked on `date`, done on `faiteLe` (nil: waiting).
    public struct Demande: Sendable, Codable, Equatable {
        public var date: Jour
        public var faiteLe: Jour?
        public init(date: Jour, faiteLe: Jour?) {
            self.date = date
            self.faiteLe = faiteLe
        }
    }

    /// Oldest first.
    public var choixCV: [ChoixDate]
    /// Oldest first.
    public var demandesEffacement: [Demande]

    public init(choixCV: [ChoixDate], demandesEffacement: [Demande]) {
        self.choixCV = choixCV
        self.demandesEffacement = demandesEffacement
    }
}
