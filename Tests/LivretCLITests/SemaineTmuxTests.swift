import Foundation
import LivretTestSupport
import Testing

/// The formatrice's whole week in a real terminal (tmux, 80×24), from an empty machine, without
/// a single command: setup, three learners, a cohort, enrolment, today's séance and roll call, a
/// positionnement, evidence, a correction, a drop-out, a badge with consent, the CV, the report.
/// Then the command line reads the base and must show exactly that state.
@Suite("La semaine dans un vrai terminal (tmux)", .enabled(if: Tmux.disponible, "tmux n'est pas dans le PATH : test du vrai terminal sauté"))
struct SemaineTmuxTests {
    /// Named keys, one after the other, each given time to arrive alone (a lone Échap is told
    /// from an Alt key by a pause).
    func touches(_ tmux: Tmux, _ noms: String...) {
        for nom in noms {
            tmux.taper(touches: nom)
            usleep(nom == "Escape" ? 120_000 : 15_000)
        }
    }

    func tab(_ tmux: Tmux, _ fois: Int) {
        for _ in 0..<fois { touches(tmux, "Tab") }
    }

    @Test func semaineEntiere() throws {
        let livret = try ExecutableLivret.localiser()
        try DossierTemporaire.avec { dossier in
            let tmux = try Tmux(dossier: dossier)
            defer { tmux.arreter() }
            tmux.taper(texte: "\(Tmux.citer(livret.path)) --base semaine.sqlite")
            tmux.taper(touches: "Enter")
            try tmux.attendre("Bienvenue dans Livret")

            // Setup.
            touches(tmux, "Enter")
            try tmux.attendre("Première installation")
            tmux.taper(texte: "Espace numérique du Bocage")
            touches(tmux, "Enter")
            tmux.taper(texte: "Nadia Benali")
            touches(tmux, "Enter", "Enter", "Enter")
            try tmux.attendre("Base de « Espace numérique du Bocage » créée")

            // Three learners: with e-mail and badges, without e-mail, first name only.
            tmux.taper(texte: "p")
            try tmux.attendre("Personne n'est encore enregistré")
            tmux.taper(texte: "n")
            try tmux.attendre("Nouvelle personne")
            for (texte, entree) in [("Awa", true), ("Traoré", true), ("", true), ("1987", true), ("2", true), ("3", true), ("3", true),
                                    ("o", true), ("o", true), ("o", true), ("awa@example.org", true), ("", true), ("", true)] {
                if !texte.isEmpty { tmux.taper(texte: texte) }
                if entree { touches(tmux, "Enter") }
            }
            try tmux.attendre("[ Ajouter la personne ]")
            touches(tmux, "Enter")
            try tmux.attendre("Fiche d'Awa Traoré créée")
            tmux.taper(texte: "n")
            try tmux.attendre("Nouvelle personne")
            for texte in ["Mehdi", "", "", "1979", "3", "", "4", "o", "o", "o", "", "", ""] {
                if !texte.isEmpty { tmux.taper(texte: texte) }
                touches(tmux, "Enter")
            }
            touches(tmux, "Enter")
            try tmux.attendre("Fiche de Mehdi créée")
            tmux.taper(texte: "n")
            try tmux.attendre("Nouvelle personne")
            tmux.taper(texte: "Lina")
            tab(tmux, 15)
            touches(tmux, "Enter")
            try tmux.attendre("Fiche de Lina créée")
            touches(tmux, "Escape")
            try tmux.attendre("Aucune cohorte pour l'instant")

            // A cohort, enrolment.
            tmux.taper(texte: "n")
            try tmux.attendre("Nouvelle cohorte")
            tab(tmux, 8)
            touches(tmux, "Enter")
            try tmux.attendre("Cohorte « Femmes et Numérique » créée")
            touches(tmux, "Enter")
            try tmux.attendre("0 inscrit")
            tmux.taper(texte: "i")
            try tmux.attendre("Inscrire dans")
            touches(tmux, "Space", "Space", "Space", "Enter")
            try tmux.attendre("3 personnes inscrites")

            // Today's séance and its roll call.
            tmux.taper(texte: "a")
            try tmux.attendre("choisissez la séance")
            tmux.taper(texte: "n")
            try tmux.attendre("durée en minutes")
            tmux.taper(texte: "120")
            touches(tmux, "Enter")
            try tmux.attendre("ajoutée (2 h)")
            touches(tmux, "Enter")
            try tmux.attendre("Appel du lun. 04/03/2024")
            tmux.taper(texte: "ppp")
            try tmux.attendre("3 lignes modifiées")
            tmux.taper(texte: "s")
            try tmux.attendre("Appel enregistré : 3 présents sur 3.")
            touches(tmux, "Escape", "Escape")
            try tmux.attendre("3 inscrits")

            // Awa: positionnement, evidence, three items done alone (a sous-thème: a badge).
            touches(tmux, "Home", "Enter")
            try tmux.attendre("Pas encore de positionnement")
            tmux.taper(texte: "p")
            try tmux.attendre("étape 1 sur 6")
            tmux.taper(texte: "2322")
            try tmux.attendre("étape 5 sur 6")
            tab(tmux, 18)
            touches(tmux, "Enter")
            try tmux.attendre("étape 6 sur 6")
            touches(tmux, "Enter")
            try tmux.attendre("enregistré : compétences de base")
            tmux.taper(texte: "s")
            touches(tmux, "Enter")
            try tmux.attendre("Preuve ajoutée : item A, suivi.")
            touches(tmux, "Down", "Down", "Down")
            for item in ["C", "D", "E"] {
                tmux.taper(texte: "a")
                touches(tmux, "Enter")
                try tmux.attendre("Preuve ajoutée : item \(item), autonomie.")
                touches(tmux, "Down")
            }
            try tmux.attendre("3 items acquis")

            // A correction: the first evidence (item A) was a mistake; withdrawn with its motif.
            tmux.taper(texte: "3")
            try tmux.attendre("Intitulé")
            touches(tmux, "End")
            tmux.taper(texte: "r")
            try tmux.attendre("Retirer une preuve")
            tmux.taper(texte: "Saisie sur le mauvais item")
            touches(tmux, "Enter", "Enter")
            try tmux.attendre("Preuve retirée")
            touches(tmux, "Escape")
            try tmux.attendre("3 inscrits")

            // Mehdi leaves for a job.
            tmux.taper(texte: "/mehdi")
            touches(tmux, "Enter")
            tmux.taper(texte: "x")
            try tmux.attendre("Statut de Mehdi")
            touches(tmux, "Enter")
            tmux.taper(texte: "A trouvé un emploi de magasinier")
            touches(tmux, "Enter")
            tmux.taper(texte: "2")
            touches(tmux, "Enter", "Enter")
            try tmux.attendre("Mehdi : abandon noté le 04/03/2024. Sortie : emploi.")
            touches(tmux, "Escape")

            // Awa's badge (she agreed), her bundle, her CV as she chose it.
            tmux.taper(texte: "b")
            try tmux.attendre("Badges de")
            tmux.taper(texte: "k")
            touches(tmux, "Enter")
            try tmux.attendre("Clé de signature de la structure créée")
            touches(tmux, "Home")
            tmux.taper(texte: "e")
            touches(tmux, "Enter")
            try tmux.attendre("1 badge délivré à Awa Traoré")
            tmux.taper(texte: "p")
            try tmux.attendre("Paquet de 1 badge écrit")
            tmux.taper(texte: "v")
            try tmux.attendre("CV d'Awa Traoré")
            tab(tmux, 6)
            tmux.taper(texte: "o")
            tab(tmux, 1)
            tmux.taper(texte: "o")
            tab(tmux, 1)
            touches(tmux, "Enter")
            try tmux.attendre("CV numérique et attestation écrits")
            touches(tmux, "Escape")
            try tmux.attendre("3 inscrits")

            // The report for the funder, then quit.
            tmux.taper(texte: "r")
            try tmux.attendre("Complétion par sexe")
            tmux.taper(texte: "e")
            try tmux.attendre("Rapport écrit")
            try tmux.attendre(".xlsx")
            tmux.taper(texte: "q")
            try tmux.attendre { $0.contains("$") && !$0.contains("Complétion par sexe") }

            // The command line sees exactly that.
            let base = ["--base", "semaine.sqlite"]
            let apprenants = try ExecutableLivret.lancer(["apprenant", "lister", "--json"] + base, dans: dossier)
            try #require(apprenants.statut == 0, "\(apprenants)")
            let liste = try #require(try JSONSerialization.jsonObject(with: apprenants.sortieOctets) as? [[String: Any]])
            #expect(liste.compactMap { $0["prenom"] as? String }.sorted() == ["Awa", "Lina", "Mehdi"])
            #expect(liste.first { $0["prenom"] as? String == "Awa" }?["email"] as? String == "awa@example.org")
            #expect(liste.first { $0["prenom"] as? String == "Mehdi" }?["email"] == nil, "sans e-mail")
            #expect(liste.first { $0["prenom"] as? String == "Lina" }?["nom"] == nil, "le prénom seul")

            let awa = try JSONSortie.objet(try ExecutableLivret.lancer(["apprenant", "montrer", "A-0001", "--json"] + base, dans: dossier).sortieOctets)
            #expect(JSONSortie.objets(awa["positionnements"]).count == 1)
            let preuves = JSONSortie.objets(awa["preuves"])
            #expect(preuves.count == 5, "4 preuves et le retrait de la première")
            #expect(preuves.filter { $0["retrait"] as? Bool == true }.count == 1)
            let consentements = JSONSortie.objets(awa["consentements"])
            #expect(consentements.count == 1)
            #expect(consentements.first?["badges"] as? Bool == true)

            let cohorte = try ExecutableLivret.lancer(["cohorte", "montrer", "fen-2024-03"] + base, dans: dossier)
            try #require(cohorte.statut == 0, "\(cohorte)")
            #expect(cohorte.sortie.contains("Mehdi"))
            #expect(cohorte.sortie.contains("abandon"))
            let seances = try ExecutableLivret.lancer(["seance", "lister", "fen-2024-03"] + base, dans: dossier)
            #expect(seances.sortie.contains("04/03/2024"), "\(seances.sortie)")
            let exports = (try? FileManager.default.contentsOfDirectory(atPath: dossier.appendingPathComponent("Exports").path)) ?? []
            #expect(exports.contains("A-0001-badges.zip"))
            #expect(exports.contains("A-0001-cv.html"))
            #expect(exports.contains("A-0001-attestation.html"))
            #expect(exports.contains { $0.hasPrefix("rapport-fen-2024-03") && $0.hasSuffix(".xlsx") })
            let cv = try String(contentsOf: dossier.appendingPathComponent("Exports/A-0001-cv.html"), encoding: .utf8)
            #expect(cv.contains("La personne a choisi ce qui est écrit ici."))
        }
    }
}
