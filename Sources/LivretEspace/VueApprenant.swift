import LivretCore
import LivretExports
import LivretServices
import LivretStore

/// What the space shows a learner, read once per page: her record, her whole CV (every section,
/// unbounded: it is her own view), her consent, her CV choices and her erasure request.
struct VueApprenant {
    let dossier: DossierApprenant
    let cv: CVNumerique
    let consentement: Consentement?
    let choix: ChoixCV?
    let demandeEffacement: Jour?

    static func lire(db: Base, _ ouverture: ServiceEspace.Ouverture, catalogue: Catalogue, jour: Jour) throws -> VueApprenant {
        var tout = ChoixCV.parDefaut
        tout.identite = .complete
        tout.contact = true
        let cv = try ServiceCV.numerique(db: db, apprenant: ouverture.identifiant, catalogue: catalogue, choix: tout, jour: jour,
                                         bornerParLaPersonne: false)
        let dossier = try base { () throws(ErreurBase) in try db.dossier(ouverture.identifiant, catalogue: catalogue, au: jour) }
        return VueApprenant(
            dossier: dossier, cv: cv,
            consentement: try base { () throws(ErreurBase) in try db.consentement(apprenantId: ouverture.apprenantId) },
            choix: try ServiceCV.choixDeLaPersonne(db: db, apprenantId: ouverture.apprenantId),
            demandeEffacement: try base { () throws(ErreurBase) in try db.demandeEffacementEnAttente(apprenantId: ouverture.apprenantId) })
    }

    /// How the learner is greeted: her first name, else her pseudonym, else nothing.
    var salutation: String {
        let a = dossier.apprenant
        return [a.prenom, a.pseudonyme].compactMap { $0 }.first.map { "Bonjour \($0) !" } ?? "Bonjour !"
    }
}
