import LivretCore
import LivretReferentiels
import LivretStore

/// A fresh in-memory base with a structure, a formateur and the Femmes et Numérique parcours.
struct BaseDeTest {
    let base: Base
    let formateur: Formateur
    let catalogue: Catalogue
    let parcours: Parcours
    static let jour = Jour("2023-03-06")!

    init() throws {
        base = try Base()
        try base.initialiser(structure: "Structure de test", formateur: "Nadia", date: Self.jour)
        formateur = try base.formateur("Nadia")
        catalogue = try ReferentielsEmbarques.catalogue()
        parcours = try base.parcours(depuis: catalogue.modeleParcours("femmes-et-numerique")!)
    }

    func apprenant(_ identifiant: String, sexe: Sexe = .feminin, prenom: String? = nil, email: String? = nil) throws -> Apprenant {
        // Agreed to everything: the tests about consent say otherwise themselves.
        let apprenant = try base.ajouterApprenant(Apprenant(identifiant: identifiant, prenom: prenom, anneeNaissance: 1985, sexe: sexe, email: email,
                                                            creeLe: Self.jour, creePar: formateur.id!))
        try base.enregistrerConsentement(Consentement(apprenantId: apprenant.id!, date: Self.jour, suivi: true, badges: true, statistiques: true,
                                                      auteurId: formateur.id!))
        return apprenant
    }
}
