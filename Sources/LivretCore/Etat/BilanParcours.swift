/// Where a learner stands in a parcours, derived from attendance, Pix and certifications.
public struct BilanParcours: Sendable, Equatable, Codable {
    public struct CibleAtteinte: Sendable, Equatable, Codable {
        public var competence: String
        public var niveauVise: Int
        public var niveauActuel: Int
        public var atteinte: Bool
    }

    /// Minutes planned over the cohort's séances so far.
    public var minutesPrevues: Int
    /// Minutes attended.
    public var minutesSuivies: Int
    /// Hours of the parcours as designed (67 h for Femmes et Numérique).
    public var heuresParcours: Double
    /// Attended / planned over the parcours' hours, 0–1.
    public var assiduite: Double
    public var cibles: [CibleAtteinte]
    /// The completion rule, evaluated.
    public var completionAtteinte: Bool
    /// ≥ 5 competences at level ≥ 1 on the latest profile or certification.
    public var certifiable: Bool
    /// Competences certified at the objective's level.
    public var competencesCertifiees: [String]
    /// Whether the certification objective ("≥ 3 compétences certifiées") is reached, when the parcours has one.
    public var objectifCertificationAtteint: Bool?

    public var heuresSuivies: Double { Double(minutesSuivies) / 60 }

    /// Evaluates a learner's state in a parcours.
    ///
    /// - Parameters:
    ///   - parcours: the run parcours (planned hours, completion rule).
    ///   - modele: its template, for targets and objectives (nil when unknown).
    ///   - seances: the cohort's séances.
    ///   - presences: the learner's attendance at them.
    ///   - profil: the latest Pix profile, if any.
    ///   - certifications: the learner's Pix certifications.
    public static func calculer(parcours: Parcours, modele: ModeleParcours?, pix: ReferentielPix, seances: [Seance],
                                presences: [Presence], profil: ProfilPix?, certifications: [CertificationPix]) -> BilanParcours {
        let ids = Set(seances.compactMap(\.id))
        let minutesPrevues = seances.reduce(0) { $0 + $1.minutesPrevues }
        let minutesSuivies = presences.filter { ids.contains($0.seanceId) && $0.statut == .present }.reduce(0) { $0 + $1.minutes }
        let base = max(parcours.heuresPrevues * 60, Double(minutesPrevues))
        let assiduite = base > 0 ? min(1, Double(minutesSuivies) / base) : 0

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
        let completion = assiduite >= parcours.assiduiteMinimale && (!parcours.certificationRequise || certifie)
        return BilanParcours(minutesPrevues: minutesPrevues, minutesSuivies: minutesSuivies, heuresParcours: parcours.heuresPrevues,
                             assiduite: assiduite, cibles: cibles, completionAtteinte: completion,
                             certifiable: pix.estCertifiable(niveaux), competencesCertifiees: certifiees,
                             objectifCertificationAtteint: objectif.map { certifiees.count >= ($0.competencesMin ?? 1) })
    }
}
