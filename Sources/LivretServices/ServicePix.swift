import LivretCore
import LivretStore

/// Certification readiness, for `livret pix preparation` and the terminal UI.
public enum ServicePix {
    /// Who in cohort `code` is ready for the Pix certification, with the parcours' template.
    public static func preparation(cohorte code: String, db: Base, catalogue: Catalogue) throws -> (PreparationCohorte, Cohorte, ModeleParcours?) {
        let cohorte = try base { () throws(ErreurBase) in try db.cohorte(code) }
        let parcours = try base { () throws(ErreurBase) in try db.parcours(id: cohorte.parcoursId) }
        let modele = catalogue.modeleParcours(parcours.modele)
        let apprenants = try base { () throws(ErreurBase) in try db.apprenants(cohorte: code) }
        let preparations = try apprenants.map { apprenant in
            let profils = try base { () throws(ErreurBase) in try db.profilsPix(apprenantId: apprenant.id!) }
            return PreparationCertification.calculer(identifiant: apprenant.identifiant, nom: apprenant.nomAffiche,
                                                     profils: profils, modele: modele, pix: catalogue.pix)
        }
        return (PreparationCohorte.regrouper(preparations), cohorte, modele)
    }

    /// The readiness of one learner, against the template of their latest parcours.
    public static func preparation(apprenant identifiant: String, db: Base, catalogue: Catalogue, au jour: Jour) throws -> PreparationCertification {
        let dossier = try base { () throws(ErreurBase) in try db.dossier(identifiant, catalogue: catalogue, au: jour) }
        let modele = dossier.inscriptions.last.flatMap { catalogue.modeleParcours($0.modele) }
        return PreparationCertification.calculer(identifiant: dossier.apprenant.identifiant, nom: dossier.apprenant.nomAffiche,
                                                 profils: dossier.profilsPix, modele: modele, pix: catalogue.pix)
    }
}
