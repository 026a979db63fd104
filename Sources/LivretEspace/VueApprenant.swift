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
    /// The référentiels in use (titles of parcours).
    let catalogue: Catalogue

    static func lire(db: Base, _ ouverture: ServiceEspace.Ouverture, catalogue: Catalogue, jour: Jour) throws -> VueApprenant {
        var tout = ChoixCV.parDefaut
        tout.identite = .complete
        tout.contact = true
        let dossier = try base { () throws(ErreurBase) in try db.dossier(ouverture.identifiant, catalogue: catalogue, au: jour) }
        let cv = try ServiceCV.numerique(db: db, dossier: dossier, catalogue: catalogue, choix: tout, jour: jour, bornerParLaPersonne: false)
        return VueApprenant(
            dossier: dossier, cv: cv,
            consentement: try base { () throws(ErreurBase) in try db.consentement(apprenantId: ouverture.apprenantId) },
            choix: try ServiceCV.choixDeLaPersonne(db: db, apprenantId: ouverture.apprenantId),
            demandeEffacement: try base { () throws(ErreurBase) in try db.demandeEffacementEnAttente(apprenantId: ouverture.apprenantId) },
            catalogue: catalogue)
    }

    /// A word agreeing with the learner's sex when known (« venue », « venu », « venue ou venu »).
    func accord(_ feminin: String, _ masculin: String) -> String {
        Accord.genre(dossier.apprenant.sexe, feminin: feminin, masculin: masculin)
    }

    /// How the learner is greeted: her first name, else her pseudonym, else nothing.
    var salutation: String {
        let a = dossier.apprenant
        return [a.prenom, a.pseudonyme].compactMap { $0 }.first.map { "Bonjour \($0) !" } ?? "Bonjour !"
    }
}
