import Foundation
import Testing

/// `livret parcours …`: the Femmes et Numérique template as a user reads it.
@Suite("livret parcours")
struct ParcoursCLITests {
    @Test("parcours lister montre Femmes et Numérique")
    func lister() throws {
        let resultat = try ExecutableLivret.lancer(["parcours", "lister"])
        #expect(resultat.statut == 0, "\(resultat)")
        #expect(resultat.lignes.contains { $0.hasPrefix("femmes-et-numerique") && $0.contains("67 h") }, "\(resultat)")
    }

    @Test("parcours montrer femmes-et-numerique : durée, durée prévue, coût, jours, groupe")
    func montrer() throws {
        let resultat = try ExecutableLivret.lancer(["parcours", "montrer", "femmes-et-numerique"])
        #expect(resultat.statut == 0, "\(resultat)")
        for attendu in ["67 h", "90 h", "46 €", "lundi, mardi, jeudi, vendredi", "10 personnes"] {
            #expect(resultat.sortie.contains(attendu), "« \(attendu) » manque :\n\(resultat)")
        }
    }

    @Test("parcours montrer femmes-et-numerique --json : un JSON où duree.heures vaut 67")
    func montrerEnJSON() throws {
        let resultat = try ExecutableLivret.lancer(["parcours", "montrer", "femmes-et-numerique", "--json"])
        #expect(resultat.statut == 0, "\(resultat)")
        let racine = try JSONSortie.objet(resultat.sortieOctets)
        let duree = try #require(racine["duree"] as? [String: Any], "pas de « duree » : \(resultat)")
        #expect(JSONSortie.entier(duree["heures"]) == 67)
        #expect(JSONSortie.entier(duree["heuresInitialementPrevues"]) == 90)
    }

    @Test("parcours montrer d'un code inconnu : erreur en français qui nomme les parcours connus")
    func montrerInconnu() throws {
        let resultat = try ExecutableLivret.lancer(["parcours", "montrer", "parcours-qui-n-existe-pas"])
        #expect(resultat.statut == 1, "\(resultat)")
        #expect(resultat.erreur.hasPrefix("Erreur :"), "\(resultat)")
        #expect(resultat.erreur.contains("femmes-et-numerique"), "\(resultat)")
    }
}
