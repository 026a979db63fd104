import Foundation
import LivretCore
import LivretStore
import LivretTestSupport
import Testing

/// The permanence of the day in a real terminal (tmux, 80×24), on the demo base: three walk-ins
/// noted by keys (two anonymous people, one of them with a thématique, and Fatou found by typing
/// « fat »), one deleted with its motif, then the command line's activity review and the base
/// itself must show exactly the two visits left.
@Suite("La permanence dans un vrai terminal (tmux)", .enabled(if: Tmux.disponible, "tmux n'est pas dans le PATH : test du vrai terminal sauté"))
struct PermanenceTmuxTests {
    /// Saves a capture for a person to look at when `LIVRET_ECRANS` names a folder.
    static func garder(_ ecran: String, _ nom: String) {
        guard let dossier = ProcessInfo.processInfo.environment["LIVRET_ECRANS"] else { return }
        try? ecran.write(toFile: dossier + "/" + nom + ".txt", atomically: true, encoding: .utf8)
    }

    @Test func passagesPuisCLI() throws {
        let livret = try ExecutableLivret.localiser()
        try DossierTemporaire.avec { dossier in
            let demo = try ExecutableLivret.lancer(["demo", "--base", "demo.sqlite"], dans: dossier)
            try #require(demo.statut == 0, "\(demo)")
            let tmux = try Tmux(dossier: dossier)
            defer { tmux.arreter() }
            tmux.taper(texte: "\(Tmux.citer(livret.path)) --base demo.sqlite")
            tmux.taper(touches: "Enter")
            try tmux.attendre("smartphone-2024")
            tmux.taper(texte: "P")
            let vide = try tmux.attendre("aucun passage pour l'instant")
            #expect(vide.contains("t permanence · l dans la structure · i Nadia Benali"), "\(vide)")

            // A woman of 18–24 for the usual two hours: four keys.
            tmux.taper(texte: "af3")
            tmux.taper(touches: "Enter")
            try tmux.attendre("Passage noté : anonyme — féminin, 18–24 ans, 2 h.")
            // A man of 40–59, an hour and a half, about administrative steps.
            tmux.taper(texte: "am51h30")
            tmux.taper(touches: "Tab")
            tmux.taper(texte: "demarches")
            tmux.taper(touches: "Enter")
            try tmux.attendre("Passage noté : anonyme — masculin, 40–59 ans, 1 h 30.")
            // Fatou, found by three letters, three hours.
            tmux.taper(texte: "nfat")
            try tmux.attendre("(1 sur 19)")
            tmux.taper(touches: "Enter")
            try tmux.attendre("Personne suivie : A-0002 Fatou Diallo")
            tmux.taper(texte: "3")
            tmux.taper(touches: "Enter")
            let trois = try tmux.attendre("Passage noté : Fatou Diallo, 3 h.")
            Self.garder(trois, "permanence-tmux-trois")
            #expect(trois.contains("3 passages · 6 h 30 · 3 personnes"), "\(trois)")
            #expect(trois.contains("anonyme — masculin, 40–59 ans") && trois.contains("démarches"), "\(trois)")
            #expect(trois.contains("A-0002 Fatou Diallo"), "\(trois)")

            // The first one was noted by mistake: deleted, with its motif.
            tmux.taper(touches: "Home")
            tmux.taper(texte: "x")
            try tmux.attendre("Supprimer un passage")
            tmux.taper(texte: "noté par erreur")
            tmux.taper(touches: "Enter", "Enter")
            let deux = try tmux.attendre("Passage supprimé")
            Self.garder(deux, "permanence-tmux-deux")
            #expect(deux.contains("2 passages · 4 h 30 · 2 personnes"), "\(deux)")
            tmux.taper(texte: "q")
            try tmux.attendre { $0.contains("$") && !$0.contains("Permanence du jour") }

            // The command line's activity review counts the two visits left at the permanence.
            let bilan = try ExecutableLivret.lancer(["rapport", "activite", "--du", "2024-03-04", "--au", "2024-03-04", "--sans-secret",
                                                     "--format", "json", "--base", "demo.sqlite"], dans: dossier)
            try #require(bilan.statut == 0, "\(bilan)")
            let activite = JSONSortie.objets(try JSONSortie.objet(bilan.sortieOctets)["parActivite"])
            let permanences = try #require(activite.first { $0["libelle"] as? String == "permanences" }, "\(bilan.sortie)")
            #expect(JSONSortie.entier((permanences["passages"] as? [String: Any])?["nombre"]) == 2, "\(permanences)")
            #expect(JSONSortie.entier((permanences["beneficiaires"] as? [String: Any])?["nombre"]) == 2, "\(permanences)")

            // The base holds exactly those, written by the formatrice of the day.
            let base = try Base(chemin: dossier.appendingPathComponent("demo.sqlite").path)
            let jour = Jour("2024-03-04")!
            let notes = try base.accompagnements(du: jour, au: jour)
            #expect(notes.count == 2)
            #expect(notes.map(\.accompagnement.minutes) == [90, 180])
            #expect(notes.first?.accompagnement.anonyme == PersonneAnonyme(sexe: .masculin, naissance: 1965...1984))
            #expect(notes.first?.accompagnement.thematiques == [.aideAuxDemarchesAdministratives])
            #expect(notes.last?.identifiant == "A-0002")
            #expect(notes.allSatisfy { $0.intervenant == "Nadia Benali" && $0.accompagnement.type == .permanence })
            #expect(try base.journal().contains { $0.action == "suppression accompagnement" && $0.detail?.contains("noté par erreur") == true })
        }
    }
}
