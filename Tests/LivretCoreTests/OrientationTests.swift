import Foundation
import LivretCore
import Testing

/// The orientation of an accompaniment: La Coop's kinds of structure, its labels word for word,
/// what a person may type and the French refusal that lists the values.
@Suite("Orientation vers une autre structure")
struct OrientationTests {
    /// La Coop's `structuresRedirectionLabels` and `structureDeRedirectionApiValues`
    /// (`apps/web/src/features/activites/use-cases/cra/individuel/fields/structures-redirection.ts`), copied as they are.
    static let coop: [(api: String, libelle: String)] = [
        ("administration", "Administration (mairie, préfecture…)"),
        ("mediation_numerique", "Autre structure de médiation numérique"),
        ("operateur_ou_organisme_en_charge", "Opérateur ou organisme en charge de la démarche administrative"),
        ("aide_sociale", "Structure d’aide sociale (maison des solidarités, centre social…)"),
        ("insertion_professionnelle", "Structure d’insertion professionnelle (France Travail, mission locale, chambre de commerce…)"),
        ("aide_aux_demarches_administratives", "Structure d’aide aux démarches administratives (France Services…)"),
        ("autre", "Autre"),
    ]

    @Test("Les sept types de structure, dans l'ordre de La Coop, avec ses valeurs d'API et ses libellés exacts")
    func libellesDeLaCoop() {
        #expect(StructureRedirection.allCases.map(\.rawValue) == Self.coop.map(\.api))
        #expect(StructureRedirection.allCases.map(LibellesCoop.structureRedirection) == Self.coop.map(\.libelle))
        #expect(LibellesCoop.orienteVersStructure(nil) == nil)
        #expect(LibellesCoop.orienteVersStructure(.pasOrientee) == "Non")
        #expect(LibellesCoop.orienteVersStructure(.vers(.autre)) == "Oui")
    }

    @Test("Valeurs brutes : pas_orientee et les sept types ; aller-retour en JSON")
    func valeursBrutes() throws {
        #expect(Orientation.allCases.count == 8)
        #expect(Orientation.allCases.map(\.rawValue) == ["pas_orientee"] + Self.coop.map(\.api))
        for o in Orientation.allCases {
            #expect(Orientation(rawValue: o.rawValue) == o)
        }
        #expect(Orientation(rawValue: "oui") == nil)
        #expect(Orientation.vers(.aideSociale).libelle == "orientée vers une structure d’aide sociale (centre social, CCAS…)")
        let a = Accompagnement(date: Jour("2024-03-04")!, minutes: 60, type: .permanence, lieu: .structure, intervenantId: 1,
                               anonyme: PersonneAnonyme(sexe: .feminin), orientation: .vers(.insertionProfessionnelle))
        let json = try JSONEncoder().encode(a)
        #expect(String(decoding: json, as: UTF8.self).contains(#""orientation":"insertion_professionnelle""#))
        #expect(try JSONDecoder().decode(Accompagnement.self, from: json) == a)
        var sans = a
        sans.orientation = nil
        #expect(try JSONDecoder().decode(Accompagnement.self, from: JSONEncoder().encode(sans)).orientation == nil)
    }

    @Test("Ce qu'on tape : valeur, libellé de La Coop, non, mots d'une feuille d'émargement ; vide : rien de dit", arguments: [
        ("", nil), ("  ", nil), ("non", Orientation.pasOrientee), ("Non", .pasOrientee), ("pas orientée", .pasOrientee), ("pas-orientee", .pasOrientee),
        ("administration", .vers(.administration)), ("Mairie", .vers(.administration)),
        ("mediation-numerique", .vers(.mediationNumerique)), ("mediation_numerique", .vers(.mediationNumerique)),
        ("operateur-ou-organisme-en-charge", .vers(.operateurOuOrganismeEnCharge)), ("CAF", .vers(.operateurOuOrganismeEnCharge)),
        ("aide-sociale", .vers(.aideSociale)), ("CCAS", .vers(.aideSociale)), ("centre social", .vers(.aideSociale)),
        ("France Travail", .vers(.insertionProfessionnelle)), ("mission locale", .vers(.insertionProfessionnelle)),
        ("France Services", .vers(.aideAuxDemarchesAdministratives)), ("aide_aux_demarches_administratives", .vers(.aideAuxDemarchesAdministratives)),
        ("Structure d’aide sociale (maison des solidarités, centre social…)", .vers(.aideSociale)),
        ("Structure d'insertion professionnelle (France Travail, mission locale, chambre de commerce…)", .vers(.insertionProfessionnelle)),
        ("AUTRE", .vers(.autre)),
    ] as [(String, Orientation?)])
    func saisie(texte: String, attendue: Orientation?) throws {
        #expect(try Orientation.saisie(texte).get() == attendue)
    }

    @Test("Une valeur inconnue est refusée en français, avec la liste des valeurs ; « oui » seul ne dit pas où")
    func refus() {
        guard case .failure(let e) = Orientation.saisie("cuisine") else { Issue.record("« cuisine » accepté"); return }
        #expect(e.message == "« cuisine » n’est pas une orientation : écrivez non (pas orientée), ou le type de structure : administration, "
            + "mediation-numerique, operateur-ou-organisme-en-charge, aide-sociale, insertion-professionnelle, "
            + "aide-aux-demarches-administratives ou autre ; laissez vide si on ne sait pas.")
        guard case .failure(let oui) = Orientation.saisie("Oui") else { Issue.record("« Oui » accepté"); return }
        #expect(oui.message.hasPrefix("« Oui » ne dit pas vers quelle structure"), "\(oui.message)")
        #expect(oui.message.contains("aide-aux-demarches-administratives ou autre"))
    }

    @Test("CRA individuel : « Oui » et la structure de La Coop, « Non » sans structure, vide quand rien n'est dit")
    func craIndividuel() throws {
        let catalogue = try Fixtures.catalogue()
        let p = ParticipantCoop(sexe: .feminin, naissance: nil, statut: .nonCommunique, statistiques: true)
        func visite(_ o: Orientation?) -> Accompagnement {
            Accompagnement(date: Jour("2024-03-04")!, minutes: 30, type: .permanence, lieu: .structure, intervenantId: 1,
                           anonyme: PersonneAnonyme(sexe: .feminin), orientation: o)
        }
        let cra = CRACoop.individuels([(visite(.vers(.aideAuxDemarchesAdministratives)), p), (visite(.pasOrientee), p), (visite(nil), p)],
                                      catalogue: catalogue)
        #expect(cra.map(\.orienteVersStructure) == ["Oui", "Non", nil])
        #expect(cra.map(\.structureDeRedirection) == ["Structure d’aide aux démarches administratives (France Services…)", nil, nil])
    }

    @Test("La saisie garde l'orientation donnée, rien par défaut")
    func saisieAccompagnement() {
        let s = SaisieAccompagnement(date: Jour("2024-03-04")!, minutes: 30, personne: .apprenant("A-0001"))
        #expect(s.orientation == nil)
        let t = SaisieAccompagnement(date: Jour("2024-03-04")!, minutes: 30, personne: .apprenant("A-0001"), orientation: .pasOrientee)
        #expect(t.orientation == .pasOrientee)
    }
}
