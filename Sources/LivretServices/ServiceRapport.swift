import LivretCore
import LivretStore

/// The synthesis report (completion by sex, age band, QPV, status), for `livret rapport` and
/// the terminal UI: the same figures, the same small-cell suppression.
public enum ServiceRapport {
    /// Computes the report of `perimetre` from the base on day `jour` (« heures prévues à ce jour »
    /// are those of the séances held by then); `seuil` nil means nothing is suppressed.
    public static func synthese(db: Base, catalogue: Catalogue, perimetre: PerimetreRapport, croisement: Croisement = .aucun,
                                tranches: TranchesAge = .parDefaut, anneeReference: Int, seuil: Int? = SecretStatistique.seuilParDefaut,
                                du debut: Jour? = nil, au fin: Jour? = nil, jour: Jour) throws -> Rapport {
        try syntheseAuditee(db: db, catalogue: catalogue, perimetre: perimetre, croisement: croisement, tranches: tranches,
                            anneeReference: anneeReference, seuil: seuil, du: debut, au: fin, jour: jour, audit: false).rapport
    }

    /// The report and, with `audit`, how its masked figures were protected (``AuditSecret``: each
    /// one's range as an attacker deduces it; nil when nothing is masked by rule, `seuil` nil).
    public static func syntheseAuditee(db: Base, catalogue: Catalogue, perimetre: PerimetreRapport, croisement: Croisement = .aucun,
                                       tranches: TranchesAge = .parDefaut, anneeReference: Int, seuil: Int? = SecretStatistique.seuilParDefaut,
                                       du debut: Jour? = nil, au fin: Jour? = nil, jour: Jour,
                                       audit: Bool = true) throws -> (rapport: Rapport, audit: AuditSecret?) {
        let niveau = catalogue.pix.certifiabilite.niveauMin
        if case .cohorte(let code) = perimetre { _ = try base { () throws(ErreurBase) in try db.cohorte(code) } }
        let groupes = try base { () throws(ErreurBase) in try db.groupesStatistiques(perimetre, du: debut, au: fin, jour: jour, niveauCertifie: niveau) }
        let certifications = try base { () throws(ErreurBase) in try db.certificationsParParcours(perimetre, du: debut, au: fin, niveauCertifie: niveau) }
        let objectifs = certifications.flatMap { entree -> [ObjectifRealise] in
            guard let modele = catalogue.modeleParcours(entree.modele) else { return [] }
            return modele.objectifs.filter { $0.type == "certification" }.map { objectif in
                let minimum = objectif.competencesMin ?? 1
                let accord = modele.publicVise?.sexe == "feminin" ? "certifiées" : "certifiés"
                return ObjectifRealise(parcours: modele.entete.titre, libelle: "\(accord) (≥ \(Accord.nombre(minimum, "compétence")))", vise: objectif.effectifVise,
                                       effectifVise: objectif.effectifGroupe,
                                       realise: entree.parNombreDeCompetences.filter { $0.key >= minimum }.values.reduce(0, +),
                                       effectifReel: entree.inscrits)
            }
        }
        return CalculRapport.calculerAvecAudit(groupes: groupes.groupes, perimetre: perimetre, objectifs: objectifs, croisement: croisement,
                                               tranches: tranches, anneeReference: anneeReference, seuil: seuil,
                                               horsStatistiques: groupes.horsStatistiques, audit: audit)
    }
}
