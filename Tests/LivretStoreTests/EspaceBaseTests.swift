import Foundation
import GRDB
import LivretCore
@testable import LivretStore
import LivretTestSupport
import Testing

/// What the base keeps of the learner's own space (issue 21, migration v14-espace): one-time codes
/// as a salt and a salted hash only, the CV choices she made herself, her requests for erasure;
/// and what erasing her does to all of it.
@Suite("Base : l'espace de l'apprenant (codes, choix du CV, demandes d'effacement)")
struct EspaceBaseTests {
    static let t0: Int64 = 1_709_542_800   // 4 March 2024, 9:00 UTC

    /// 16 bytes of salt and a 32-byte « hash » made of `octet` (the base checks the lengths, not the hash).
    static func sel(_ octet: UInt8) -> Data { Data(repeating: octet, count: 16) }
    static func empreinte(_ octet: UInt8) -> Data { Data(repeating: octet, count: 32) }

    func donner(_ t: BaseDeTest, _ a: Apprenant, _ octet: UInt8, a instant: Int64) throws {
        try t.base.donnerCodeEspace(apprenantId: a.id!, sel: Self.sel(octet), empreinte: Self.empreinte(octet), donneLe: instant,
                                    auteurId: t.formateur.id!, date: BaseDeTest.jour)
    }

    @Test("Un code n'est gardé que par son sel et son empreinte : ni le code ni rien qui le contienne dans les fichiers de la base")
    func seulementSelEtEmpreinte() throws {
        let demo = try Demonstration.temporaire()
        let db = demo.base
        let samira = try db.apprenant("A-0001")
        let auteur = try db.formateur(Fixe.formateur)
        // The code a service would have drawn; the base receives only its salt and hash.
        let code = "482913"
        let sel = Data((0..<16).map { UInt8($0 * 7 + 3) })
        let empreinte = Data((0..<32).map { UInt8(255 - $0) })
        try db.donnerCodeEspace(apprenantId: samira.id!, sel: sel, empreinte: empreinte, donneLe: Self.t0, auteurId: auteur.id!, date: Fixe.jour)
        let colonnes = try db.lire { d in try d.columns(in: "codeEspace").map(\.name) }
        #expect(colonnes == ["id", "apprenantId", "sel", "empreinte", "donneLe", "utiliseLe", "auteurId"], "aucune colonne pour le code")
        let garde = try #require(try db.codesEspaceEnCours(maintenant: Self.t0 + 1).first)
        #expect(garde.sel == sel && garde.empreinte == empreinte && garde.apprenantId == samira.id && garde.auteurId == auteur.id)
        // A salt or a hash of the wrong size is refused by the base itself.
        #expect(throws: ErreurBase.self) {
            try db.donnerCodeEspace(apprenantId: samira.id!, sel: Data(code.utf8), empreinte: empreinte, donneLe: Self.t0, auteurId: auteur.id!, date: Fixe.jour)
        }
        #expect(throws: ErreurBase.self) {
            try db.donnerCodeEspace(apprenantId: samira.id!, sel: sel, empreinte: Data(code.utf8), donneLe: Self.t0, auteurId: auteur.id!, date: Fixe.jour)
        }
        // The journal says a code was given, to whom; never the code.
        let journal = try db.lire { d in try String.fetchAll(d, sql: "SELECT action || ' ' || coalesce(cible, '') || ' ' || coalesce(detail, '') FROM journal") }
        #expect(journal.contains { $0.hasPrefix("code espace A-0001") })
        var octets = Data()
        for suffixe in ["", "-wal"] where FileManager.default.fileExists(atPath: demo.chemin + suffixe) {
            octets += try Data(contentsOf: URL(fileURLWithPath: demo.chemin + suffixe))
        }
        for forme in [code, RegleEspace.affichage(code)] {
            #expect(octets.range(of: Data(forme.utf8)) == nil, "« \(forme) » dans les fichiers de la base")
        }
        #expect(octets.range(of: empreinte) != nil, "l'empreinte, elle, est bien écrite")
    }

    @Test("Un nouveau code pour la même personne remplace le précédent ; ceux des autres restent")
    func nouveauCodeRemplace() throws {
        let t = try BaseDeTest()
        let a = try t.apprenant("A-0001"), b = try t.apprenant("A-0002")
        try donner(t, a, 1, a: Self.t0)
        try donner(t, b, 2, a: Self.t0 + 10)
        try donner(t, a, 3, a: Self.t0 + 20)
        let enCours = try t.base.codesEspaceEnCours(maintenant: Self.t0 + 30)
        #expect(enCours.map(\.empreinte).sorted { $0.first! < $1.first! } == [Self.empreinte(2), Self.empreinte(3)])
        #expect(try t.base.lire { d in try Int.fetchOne(d, sql: "SELECT count(*) FROM codeEspace") } == 2, "l'ancien code de A-0001 est supprimé")
    }

    @Test("Codes en cours : ni un code utilisé, ni un code trop vieux, ni un code donné plus tard")
    func codesEnCours() throws {
        let t = try BaseDeTest()
        let a = try t.apprenant("A-0001"), b = try t.apprenant("A-0002")
        try donner(t, a, 1, a: Self.t0)
        try donner(t, b, 2, a: Self.t0 + 100)
        #expect(try t.base.codesEspaceEnCours(maintenant: Self.t0 - 1).map(\.apprenantId) == [], "pas encore donné")
        #expect(try t.base.codesEspaceEnCours(maintenant: Self.t0 + 100).count == 2)
        #expect(try t.base.codesEspaceEnCours(maintenant: Self.t0 + RegleEspace.validiteCode - 1).count == 2)
        #expect(try t.base.codesEspaceEnCours(maintenant: Self.t0 + RegleEspace.validiteCode).map(\.apprenantId) == [b.id!], "celui de A-0001 a 10 minutes")
        // Used once: gone from the codes in course; a second use (a race) fails.
        let code = try #require(try t.base.codesEspaceEnCours(maintenant: Self.t0 + 200).first { $0.apprenantId == a.id })
        #expect(try t.base.utiliserCodeEspace(id: code.id, maintenant: Self.t0 + 200))
        #expect(try !t.base.utiliserCodeEspace(id: code.id, maintenant: Self.t0 + 201), "deux connexions à la fois : seule la première gagne")
        #expect(try t.base.codesEspaceEnCours(maintenant: Self.t0 + 202).map(\.apprenantId) == [b.id!])
        // Old rows are swept when the next code is given.
        try donner(t, b, 3, a: Self.t0 + 5000)
        #expect(try t.base.lire { d in try Int.fetchOne(d, sql: "SELECT count(*) FROM codeEspace") } == 1)
    }

    @Test("Choix du CV : le dernier l'emporte, marqué comme choisi par la personne, relu tel quel")
    func choixCV() throws {
        let t = try BaseDeTest()
        let a = try t.apprenant("A-0001"), b = try t.apprenant("A-0002")
        #expect(try t.base.choixCV(apprenantId: a.id!) == nil)
        try t.base.enregistrerChoixCV(apprenantId: a.id!, choix: ChoixCV(identite: .complete, contact: true), date: BaseDeTest.jour)
        let second = ChoixCV(sections: [.competences, .badges], identite: .aucune, badges: ["parcours-femmes-et-numerique"])
        let lendemain = BaseDeTest.jour.ajout(jours: 1)
        try t.base.enregistrerChoixCV(apprenantId: a.id!, choix: second, date: lendemain)
        let lu = try #require(try t.base.choixCV(apprenantId: a.id!))
        var attendu = second
        attendu.choisiParLaPersonne = true
        #expect(lu.choix == attendu)
        #expect(lu.date == lendemain)
        #expect(try t.base.choixCV(apprenantId: b.id!) == nil, "les choix de l'une ne sont pas ceux de l'autre")
    }

    @Test("Demande d'effacement : une seule tant qu'elle attend, listée avec son jour")
    func demandeIdempotente() throws {
        let t = try BaseDeTest()
        let a = try t.apprenant("A-0001"), b = try t.apprenant("A-0002")
        #expect(try t.base.demandesEffacement() == [])
        #expect(try t.base.demandeEffacementEnAttente(apprenantId: a.id!) == nil)
        let jour = BaseDeTest.jour
        try t.base.demanderEffacement(apprenantId: a.id!, date: jour)
        try t.base.demanderEffacement(apprenantId: a.id!, date: jour.ajout(jours: 2))
        try t.base.demanderEffacement(apprenantId: b.id!, date: jour.ajout(jours: 1))
        #expect(try t.base.demandesEffacement() == [DemandeEffacement(identifiant: "A-0001", date: jour),
                                                   DemandeEffacement(identifiant: "A-0002", date: jour.ajout(jours: 1))])
        #expect(try t.base.demandeEffacementEnAttente(apprenantId: a.id!) == jour, "la première demande garde son jour")
        #expect(try t.base.lire { d in try Int.fetchOne(d, sql: "SELECT count(*) FROM demandeEffacement") } == 2)
    }

    @Test("L'effacement supprime les codes et les choix, et marque la demande faite ; les autres ne bougent pas")
    func effacement() throws {
        let t = try BaseDeTest()
        let a = try t.apprenant("A-0001", prenom: "Samira"), b = try t.apprenant("A-0002", prenom: "Léa")
        try donner(t, a, 1, a: Self.t0)
        try donner(t, b, 2, a: Self.t0)
        try t.base.enregistrerChoixCV(apprenantId: a.id!, choix: ChoixCV(identite: .complete), date: BaseDeTest.jour)
        try t.base.enregistrerChoixCV(apprenantId: b.id!, choix: ChoixCV(identite: .aucune), date: BaseDeTest.jour)
        try t.base.demanderEffacement(apprenantId: a.id!, date: BaseDeTest.jour)
        try t.base.demanderEffacement(apprenantId: b.id!, date: BaseDeTest.jour)
        let jourEffacement = BaseDeTest.jour.ajout(jours: 3)
        try t.base.effacerApprenant("A-0001", auteurId: t.formateur.id!, date: jourEffacement)
        #expect(try t.base.codesEspaceEnCours(maintenant: Self.t0 + 1).map(\.apprenantId) == [b.id!])
        #expect(try t.base.lire { d in try Int.fetchOne(d, sql: "SELECT count(*) FROM codeEspace WHERE apprenantId = ?", arguments: [a.id!]) } == 0)
        #expect(try t.base.choixCV(apprenantId: a.id!) == nil)
        #expect(try t.base.lire { d in try Int.fetchOne(d, sql: "SELECT count(*) FROM choixCV WHERE apprenantId = ?", arguments: [a.id!]) } == 0)
        #expect(try t.base.choixCV(apprenantId: b.id!)?.choix.identite == .aucune)
        #expect(try t.base.demandeEffacementEnAttente(apprenantId: a.id!) == nil)
        #expect(try t.base.demandesEffacement().map(\.identifiant) == ["A-0002"])
        let faite = try t.base.lire { d in try Jour.fetchOne(d, sql: "SELECT faiteLe FROM demandeEffacement WHERE apprenantId = ?", arguments: [a.id!]) }
        #expect(faite == jourEffacement, "la demande est marquée faite le jour de l'effacement")
        #expect(try t.base.apprenantEspace(id: a.id!)?.efface == true)
        #expect(try t.base.apprenantEspace(id: b.id!)?.efface == false)
    }

    @Test("Un accord donné par la personne elle-même se relit comme tel ; par défaut, noté par la formatrice")
    func accordParLaPersonne() throws {
        let t = try BaseDeTest()
        let a = try t.apprenant("A-0001")
        #expect(try t.base.consentement(apprenantId: a.id!)?.parLaPersonne == false)
        try t.base.enregistrerConsentement(Consentement(apprenantId: a.id!, date: BaseDeTest.jour, suivi: true, badges: false, statistiques: true,
                                                        parLaPersonne: true, auteurId: t.formateur.id!))
        let lu = try #require(try t.base.consentement(apprenantId: a.id!))
        #expect(lu.parLaPersonne && !lu.badges)
        // Loaded in bulk (the benchmark's bases): kept too.
        _ = try t.base.chargerParLots { chargeur in
            try chargeur.consentement(Consentement(apprenantId: a.id!, date: BaseDeTest.jour.ajout(jours: 1), suivi: true, badges: true,
                                                   statistiques: true, parLaPersonne: true, auteurId: t.formateur.id!))
        }
        #expect(try t.base.consentement(apprenantId: a.id!).map { $0.parLaPersonne && $0.badges } == true)
    }
}
