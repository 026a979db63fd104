/// Computes a ``Rapport`` from aggregated groups. Pure: same input, same report.
public enum CalculRapport {
    /// The report.
    ///
    /// - Parameters:
    ///   - groupes: learners aggregated by (sexe, year of birth, QPV, status), in any order.
    ///   - perimetre: which learners it covers (its label is recorded).
    ///   - objectifs: the parcours' objectives against what was achieved, in the order given.
    ///   - croisement: the breakdown besides sex.
    ///   - tranches: age bands (used with ``Croisement/age``).
    ///   - anneeReference: the year ages are computed at.
    ///   - seuil: counts from 1 to seuil − 1 are masked, with complementary suppression; nil: nothing is masked
    ///     and the report carries ``SecretStatistique/avertissementNonMasque``.
    ///   - horsStatistiques: inscriptions left out for lack of consent (``RegroupementStatistique``); the report says how many.
    public static func calculer(groupes: [GroupeStatistique], perimetre: PerimetreRapport, objectifs: [ObjectifRealise] = [],
                                croisement: Croisement = .aucun, tranches: TranchesAge = .parDefaut, anneeReference: Int,
                                seuil: Int? = SecretStatistique.seuilParDefaut, horsStatistiques: Int = 0) -> Rapport {
        calculerAvecAudit(groupes: groupes, perimetre: perimetre, objectifs: objectifs, croisement: croisement, tranches: tranches,
                          anneeReference: anneeReference, seuil: seuil, horsStatistiques: horsStatistiques, audit: false).rapport
    }

    /// The report and the audit of its masked figures (nil without masking): what ``calculer`` publishes, and how it was made safe.
    /// The report is protected alone; reports published together are protected with ``PublicationConjointe``.
    public static func calculerAvecAudit(groupes: [GroupeStatistique], perimetre: PerimetreRapport, objectifs: [ObjectifRealise] = [],
                                         croisement: Croisement = .aucun, tranches: TranchesAge = .parDefaut, anneeReference: Int,
                                         seuil: Int? = SecretStatistique.seuilParDefaut,
                                         horsStatistiques: Int = 0, audit avecAudit: Bool = true) -> (rapport: Rapport, audit: AuditSecret?) {
        // One report alone: a publication of one scope, its groups as one cohort.
        let publication = PublicationConjointe(
            cohortes: [FaitsCohorte(code: "", groupes: groupes, objectifs: objectifs, horsStatistiques: horsStatistiques)],
            perimetres: [PerimetrePublie(perimetre: perimetre, cohortes: [0], croisements: [croisement])],
            tranches: tranches, anneeReference: anneeReference, seuil: seuil)
        return (publication.rapport(0, croisement: croisement), avecAudit ? publication.audit(0, croisement: croisement) : nil)
    }

    /// Minutes as hours to 0.1 h.
    static func heures(_ minutes: Int) -> Double { (Double(minutes) / 6).rounded() / 10 }

    struct Somme {
        var inscrits = 0, commences = 0, termines = 0, abandons = 0, certifies = 0, competences = 0
        var minutesPrevues = 0, minutesSuivies = 0

        mutating func ajouter(_ g: GroupeStatistique) {
            inscrits += g.inscrits
            commences += g.commences
            termines += g.termines
            abandons += g.abandons
            certifies += g.certifies
            competences += g.competencesCertifiees
            minutesPrevues += g.minutesPrevues
            minutesSuivies += g.minutesSuivies
        }
    }
}
