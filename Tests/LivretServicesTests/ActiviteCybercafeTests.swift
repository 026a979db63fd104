import Foundation
import LivretCore
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// Seed 000's 2020 cybercafé activity recorded through the services: the bilan d'activité prints
/// the seed's figures (the command line test does the same through `livret`).
@Suite("Bilan d'activité : le cybercafé 2020 (graine 000) par les services")
struct ActiviteCybercafeTests {
    static func base() throws -> (Base, DossierTemporaire) {
        let dossier = try DossierTemporaire(prefixe: "livret-cybercafe")
        let db = try Base(chemin: dossier.url.appendingPathComponent("base.sqlite").path)
        try db.initialiser(structure: "miXYtés", formateurs: ["Bénévole Un", "Bénévole Deux"], date: Jour("2020-01-02")!)
        let auteur = try db.formateur("Bénévole Un")
        for p in Cybercafe2020.apprenants {
            let a = try db.ajouterApprenant(Apprenant(identifiant: p.identifiant, pseudonyme: p.identifiant, anneeNaissance: p.anneeNaissance, sexe: p.sexe,
                                                      creeLe: Jour("2020-01-02")!, creePar: auteur.id!))
            try db.enregistrerConsentement(Consentement(apprenantId: a.id!, date: Jour("2020-01-02")!, suivi: true, badges: false,
                                                        statistiques: true, auteurId: auteur.id!))
        }
        var saisies = Cybercafe2020.visites.map { v in
            SaisieAccompagnement(date: v.jour, minutes: v.minutes, personne: v.identifiant.map { .apprenant($0) }
                                    ?? .anonyme(sexe: v.anonyme!.sexe, tranche: v.anonyme!.age))
        }
        saisies += Cybercafe2020.rendezVousCCAS.map { r in
            SaisieAccompagnement(date: r.jour, minutes: r.personne.minutes, type: .rendezVous, lieu: .partenaire, lieuNom: "CCAS de Metz",
                                 intervenant: "Bénévole Deux", personne: .anonyme(sexe: r.personne.sexe, tranche: r.personne.age),
                                 thematiques: [.aideAuxDemarchesAdministratives])
        }
        try ServiceAccompagnements.ajouter(db: db, catalogue: catalogueEmbarque, saisies: saisies, auteur: auteur, jour: Jour("2020-12-31")!)
        return (db, dossier)
    }

    @Test("552 h pour 44 personnes en permanence, 23 h pour 24 au CCAS, 575 h pour 68 ; 5,6 par jour sur 37 jours ; 66 % de femmes, 22 % de mineurs")
    func chiffresDeLaGraine() throws {
        let (db, dossier) = try Self.base()
        defer { dossier.supprimer() }
        let (b, audit) = try ServiceRapport.activite(db: db, catalogue: catalogueEmbarque, perimetre: .structure, anneeReference: 2020,
                                                     du: Jour("2020-01-01")!, au: Jour("2020-12-31")!, audit: true)
        let permanence = try #require(b.parActivite.first { $0.libelle == TypeActivite.permanence.libelle })
        #expect(permanence.heures == 552 && permanence.beneficiaires.nombre == 44 && permanence.passages.nombre == 207)
        #expect(permanence.heuresParBeneficiaire == 12.5)
        let ccas = try #require(b.parLieu.first { $0.libelle == "CCAS de Metz" })
        #expect(ccas.heures == 23 && ccas.beneficiaires.nombre == 24)
        #expect(b.parActivite.first { $0.libelle == TypeActivite.rendezVous.libelle }?.heures == 23)
        #expect(b.heuresBeneficiaires == 575 && b.beneficiaires.nombre == 68)
        #expect(b.joursOuverture == 37 && b.beneficiairesParJour == 5.6)
        #expect(Format.pourcentage(b.parSexe[0].part.valeur!) == "66,2 %" && b.parSexe[0].nombre.nombre == 45)
        #expect(b.parMajorite.map(\.nombre.nombre) == [15, 53, 0])
        #expect(b.plusieursFois.nombre.nombre == 33)
        // Half came once or twice (under 3 h in all: the walk-ins and the CCAS; 3 h for two visits), half are regulars.
        #expect(b.histogramme.compactMap(\.nombre.nombre).reduce(0, +) <= 68)
        #expect(b.thematiques.first?.nombre.nombre == 24)
        #expect(audit?.sure ?? false)
    }
}
