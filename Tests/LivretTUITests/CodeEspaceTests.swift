import Foundation
import LivretCore
import LivretServices
import LivretStore
import LivretTerminal
import LivretTUI
import LivretTestSupport
import Testing

/// Key k on a learner's screen (issue 21): a one-time code for her own space, given by the
/// formatrice at work, on the UI's day and clock, shown large until a key is pressed. The UI's
/// clock and random numbers are the bench's (fixed instant, seeded generator): the code drawn is
/// always the same.
@Suite("Écran de l'apprenant : touche k, le code de connexion à son espace")
struct CodeEspaceTests {
    @Test("k donne un code, l'affiche en grand avec ce qu'il faut en faire, et il ouvre l'espace de cette personne une fois")
    func code() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree, .entree)
        #expect(banc.titre == "Aminata Traoré")
        #expect(banc.application.ecran.touches.contains(AideTouche("k", "code de l'espace")))
        banc.ecrire("k")
        Instantanes.verifier(banc.ecran, "apprenant-code")
        let message = banc.message
        let motif = #"^Code de connexion d'Aminata : ([0-9]{3}) ([0-9]{3}) — à taper dans l'espace dans les 10 minutes ; il ne sert qu'une fois\.$"#
        #expect(message.range(of: motif, options: .regularExpression) != nil, "\(message)")
        #expect(!banc.erreur)
        let code = try #require(message.split(separator: ":").dropFirst().first).split(separator: "—")[0].trimmingCharacters(in: .whitespaces)
        // The same code as the seeded generator gives the service directly.
        var tirage = Fixe.generateur()
        #expect(RegleEspace.affichage(RegleEspace.nouveauCode(&tirage)) == code)
        // Given by the formatrice at work, at the UI's instant: it opens Aminata's space, once.
        let db = try banc.db
        let ouverture = try ServiceEspace.ouvrir(db: db, codeSaisi: code, maintenant: Banc.instant + 60)
        #expect(ouverture.identifiant == "A-0010")
        #expect(ouverture.auteurId == (try db.formateur(Fixe.formateur)).id)
        #expect(throws: RegleEspace.Refus.inconnu) { try ServiceEspace.ouvrir(db: db, codeSaisi: code, maintenant: Banc.instant + 61) }
        // Any key closes the window; the screen is as it was.
        banc.taper(.bas)
        #expect(!banc.ecran.contains("Code de connexion d'Aminata :"))
        #expect(banc.titre == "Aminata Traoré")
    }

    @Test("Sur un petit terminal (60×20), le code tient en entier")
    func petit() throws {
        let banc = try Banc(taille: Taille(largeur: 60, hauteur: 20))
        banc.taper(.bas, .entree, .entree)
        banc.ecrire("k")
        Instantanes.verifier(banc.ecran, "apprenant-code-60x20")
    }

    @Test("Une personne effacée n'a plus d'espace : pas de code, un message en français")
    func effacee() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree, .entree)
        // Erased from another workstation while her screen is open: the service refuses.
        let db = try banc.db
        try db.effacerApprenant("A-0010", auteurId: try db.formateur(Fixe.formateur).id!, date: Fixe.jour)
        banc.ecrire("k")
        #expect(banc.erreur)
        #expect(banc.message.contains("« A-0010 » a été effacé : son espace n'existe plus."), "\(banc.message)")
        #expect(try db.codesEspaceEnCours(maintenant: Banc.instant).isEmpty)
        // With her erased record loaded, the screen says so itself and asks nothing.
        var ecran = EcranApprenant(identifiant: "A-0010", env: Environnement(jour: Fixe.jour, catalogue: catalogueEmbarque))
        _ = ecran.recevoir(.apprenant(try db.dossier("A-0010", catalogue: catalogueEmbarque, au: Fixe.jour)))
        let reponse = ecran.touche(.caractere("k"), hauteur: 20)
        let commandes = try #require(reponse)
        guard commandes.count == 1, case .info(let texte) = commandes[0] else { Issue.record("\(commandes)"); return }
        #expect(texte == "L'identité de cette personne a été effacée : elle n'a plus d'espace, pas de code possible.")
    }
}
