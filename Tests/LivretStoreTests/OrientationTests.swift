import Foundation
import GRDB
import LivretCore
import LivretStore
import LivretTestSupport
import Testing

/// The orientation of an accompaniment in the base: written and read back, refused by the
/// column's CHECK when unknown, and nil for the rows of a base written before migration v12.
@Suite("Orientation des accompagnements dans la base")
struct OrientationStoreTests {
    @Test("Chaque orientation s'écrit et se relit ; nil reste nil")
    func allerRetour() throws {
        let t = try BaseDeTest()
        let jour = BaseDeTest.jour
        let awa = try t.apprenant("A-0001")
        let valeurs: [Orientation?] = [nil] + Orientation.allCases
        let liste = valeurs.map { o in
            Accompagnement(date: jour, minutes: 45, type: .permanence, lieu: .structure, intervenantId: t.formateur.id!, apprenantId: awa.id!,
                           orientation: o)
        }
        let notes = try t.base.ajouterAccompagnements(liste, auteurId: t.formateur.id!, date: jour)
        #expect(notes.count == valeurs.count)
        let relus = try t.base.accompagnements().map(\.accompagnement.orientation)
        #expect(relus == valeurs)
        #expect(try t.base.accompagnements(id: notes[5].id).first?.accompagnement.orientation == .vers(.aideSociale))
    }

    @Test("La colonne refuse une valeur inconnue (contrainte CHECK)")
    func contrainte() throws {
        let dossier = try DossierTemporaire(prefixe: "livret-orientation")
        defer { dossier.supprimer() }
        let chemin = dossier.fichier("livret.sqlite").path
        let base = try Base(chemin: chemin)
        try base.initialiser(structure: "Structure de test", formateur: "Nadia", date: BaseDeTest.jour)
        let nadia = try base.formateur("Nadia")
        try base.ajouterAccompagnements([Accompagnement(date: BaseDeTest.jour, minutes: 30, type: .permanence, lieu: .structure,
                                                        intervenantId: nadia.id!, anonyme: PersonneAnonyme(sexe: .feminin))],
                                        auteurId: nadia.id!, date: BaseDeTest.jour)
        let file = try DatabaseQueue(path: chemin)
        #expect(throws: DatabaseError.self) {
            try file.write { db in try db.execute(sql: "UPDATE accompagnement SET orientation = 'oui'") }
        }
        try file.write { db in try db.execute(sql: "UPDATE accompagnement SET orientation = 'aide_sociale'") }
        #expect(try Base(chemin: chemin).accompagnements().first?.accompagnement.orientation == .vers(.aideSociale))
    }

    @Test("Une base d'avant (v10, v11) : ses accompagnements passent la migration v12 sans orientation, la copie d'avant est gardée",
          arguments: [("v10-variante-aptic", "v11-pix-clea"), ("v11-pix-clea", "v12-orientation")])
    func migrationDepuisUneBaseDAvant(derniere: String, prochaine: String) throws {
        let dossier = try DossierTemporaire(prefixe: "livret-orientation-avant")
        defer { dossier.supprimer() }
        let chemin = dossier.fichier("livret.sqlite").path
        try Base.creerJusquaPourTest(chemin: chemin, migration: derniere)
        let v10 = try DatabaseQueue(path: chemin)
        try v10.write { db in
            #expect(try !db.columns(in: "accompagnement").map(\.name).contains("orientation"))
            try db.execute(sql: "INSERT INTO formateur (id, nom) VALUES (1, 'Nadia')")
            try db.execute(sql: """
                INSERT INTO accompagnement (date, minutes, type, lieu, intervenantId, sexe, naissanceMin, naissanceMax, autonomie, materiel, note, auteurId)
                VALUES ('2023-03-06', 45, 'permanence', 'structure', 1, 'feminin', 1985, 1998, 'autonome', 'telephone', 'Ameli', 1),
                       ('2023-03-07', 90, 'rendez_vous', 'partenaire', 1, 'masculin', NULL, NULL, NULL, '', NULL, 1)
                """)
        }
        try v10.close()

        let base = try Base(chemin: chemin)
        let lus = try base.accompagnements().map(\.accompagnement)
        #expect(lus.count == 2)
        #expect(lus.allSatisfy { $0.orientation == nil }, "personne n'a été interrogé : rien n'est dit")
        #expect(lus[0].minutes == 45 && lus[0].autonomie == .autonome && lus[0].materiel == [.telephone] && lus[0].note == "Ameli")
        #expect(lus[1].type == .rendezVous && lus[1].anonyme?.sexe == .masculin)
        #expect(FileManager.default.fileExists(atPath: chemin + ".avant-\(prochaine).sqlite"), "la base d'avant est copiée avant d'être changée")
    }
}
