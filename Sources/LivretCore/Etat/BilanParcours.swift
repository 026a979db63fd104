/// Where a learner stands in a parcours, derived from attendance, Pix and certifications.
public struct BilanParcours: Sendable, Equatable, Codable {
    public struct CibleAtteinte: Sendable, Equatable, Codable {
        public var competence: String
        public var niveauVise: Int
        public var niveauActuel: Int
        public var atteinte: Bool
    }

    /// Hours followed, planned so far and designed, with assiduité and avancement (``HeuresSuivi``).
    public var heures: HeuresSuivi
    /// The parcours' critère d'achèvement, evaluated (« terminé » itself is the recorded status).
    public var critere: CritereAchevement
    public var cibles: [CibleAtteinte]
    /// ≥ 5 competences at level ≥ 1 on the latest profile or certification.
    public var certifiable: Bool
    /// Competences certified at the objective's level.
    public var competencesCertifiees: [String]
    /// Whether the certification objective ("≥ 3 compétences certifiées") is reached, when the parcours has one.
    public var objectifCertificationAtteint: Bool?

    public var minutesSuivies: Int { heures.minutesSuivies }
    public var heuresSuivies: Double { heures.heuresSuivies }
    public var heuresParcours: Double { heures.heuresParcours }
    /// Suivies / prévues à ce jour (nil before the first séance held).
    public var assiduite: Double? { heures.assiduite }
    /// Suivies / heures du parcours (or of every séance planned, if more).
    public var avancement: Double { heures.avancement }

    /// Evaluates a learner's state in a parcours.
    ///
    /// - Parameters:
    ///   - parcours: the run parcours (planned hours, completion rule).
    ///   - modele: its template, for targets and objectives (nil when unknown).
    ///   - cohorte: the cohort's planned hours on the day asked (``HeuresCohorte``).
    ///   - minutesSuivies: the learner's minutes « présent » in the cohort (``HeuresSuivi/minutesSuivies(_:)``).
    ///   - profil: the latest Pix profile, if any.
    ///   - certifications: the learner's Pix certifications.
    public static func calculer(parcours: Parcours, modele: ModeleParcours?, pix: ReferentielPix, cohorte: HeuresCohorte,
                                minutesSuivies: Int, profil: ProfilPix?, certifications: [CertificationPix]) -> BilanParcours {
        let heures = HeuresSuivi(minutesSuivies: minutesSuivies, cohorte: cohorte, heuresParcours: parcours.heuresPrevues)
        var niveaux = profil?.niveaux ?? [:]
        for certification in certifications where certification.statut == .validee {
            niveaux.merge(certification.niveaux) { max($0, $1) }
        }
        let cibles = (modele?.cibles.pix ?? []).map { cible in
            let actuel = niveaux[cible.competence] ?? 0
            return CibleAtteinte(competence: cible.competence, niveauVise: cible.niveauVise, niveauActuel: actuel, atteinte: actuel >= cible.niveauVise)
        }
        let objectif = modele?.objectifs.first { $0.type == "certification" }
        let niveauMin = objectif?.niveauMin ?? pix.certifiabilite.niveauMin
        let certifiees = Set(certifications.flatMap { $0.competencesCertifiees(niveauMin: niveauMin) }).sorted()
        let certifie = certifications.contains { $0.statut == .validee }
        return BilanParcours(heures: heures, critere: CritereAchevement.evaluer(parcours: parcours, heures: heures, certifie: certifie),
                             cibles: cibles, certifiable: pix.estCertifiable(niveaux), competencesCertifiees: certifiees,
                             objectifCertificationAtteint: objectif.map { certifiees.count >= ($0.competencesMin ?? 1) })
    }
}
