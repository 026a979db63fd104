import Foundation
import LivretStore
import Testing

@Suite("Sauvegarde, restauration et durée de conservation, de bout en bout")
struct SauvegardeCLITests {
    @Test("Sauvegarder, modifier, restaurer : on retrouve l'état sauvegardé, l'ancien contenu est gardé")
    func sauvegarderRestaurer() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            try atelier.reussir(["sauvegarde", "s.sqlite"])
            let avant = try atelier.reussir(["apprenant", "lister", "--json"]).sortieOctets
            try atelier.reussir(["apprenant", "ajouter", "--prenom", "Nouvelle", "--formateur", "Nadia Benali"])
            try atelier.echouer(["restaurer", "s.sqlite"])
            try atelier.reussir(["restaurer", "s.sqlite", "--confirmer"])
            #expect(try atelier.reussir(["apprenant", "lister", "--json"]).sortieOctets == avant)
            let garde = try Base(chemin: atelier.chemin.path + ".avant-restauration.sqlite")
            #expect(try garde.apprenants(recherche: "Nouvelle").count == 1)
            #expect(try garde.verifierIntegrite() == "ok")
            try atelier.echouer(["sauvegarde", "s.sqlite"])
        }
    }

    @Test("Les restes d'une sauvegarde tuée en cours sont effacés par la suivante, pas ceux d'une sauvegarde en cours (régression de scripts/fiabilite-arrets (e))")
    func restesDeSauvegardeTuee() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            // A process that has ended: its pid is free, its partial copy is a leftover.
            let fini = Process()
            fini.executableURL = URL(fileURLWithPath: "/bin/sh")
            fini.arguments = ["-c", "exit 0"]
            try fini.run()
            fini.waitUntilExit()
            let mort = fini.processIdentifier
            let vivant = ProcessInfo.processInfo.processIdentifier  // this test runner: still running
            let noms = [".copie.sqlite.\(mort).partiel", ".copie.sqlite.\(mort).partiel-wal", ".copie.sqlite.\(vivant).partiel",
                        ".autre.sqlite.\(mort).partiel"]
            for nom in noms { try Data("moitié".utf8).write(to: atelier.dossier.appendingPathComponent(nom)) }
            try atelier.reussir(["sauvegarde", "copie.sqlite"])
            let restes = try FileManager.default.contentsOfDirectory(atPath: atelier.dossier.path).filter { $0.contains(".partiel") }.sorted()
            #expect(restes == [".autre.sqlite.\(mort).partiel", ".copie.sqlite.\(vivant).partiel"])
        }
    }

    @Test("Une sauvegarde endommagée ou étrangère est refusée sans rien changer")
    func restaurationRefusee() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let avant = try atelier.reussir(["apprenant", "lister", "--json"]).sortieOctets
            try Data("pas une base".utf8).write(to: atelier.dossier.appendingPathComponent("faux.sqlite"))
            try atelier.echouer(["restaurer", "faux.sqlite", "--confirmer"])
            try atelier.echouer(["restaurer", "absent.sqlite", "--confirmer"])
            #expect(try atelier.reussir(["apprenant", "lister", "--json"]).sortieOctets == avant)
        }
    }

    @Test("Anonymiser les inactifs : simulation d'abord, statistiques inchangées ensuite")
    func anonymiser() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["demo"])
            let rapport = try atelier.reussir(["rapport", "--annee", "2024", "--format", "json"]).sortieOctets
            let simulation = try atelier.reussir(["rgpd", "anonymiser", "--inactifs-depuis", "1a", "--date", "2024-12-31", "--simulation"])
            #expect(simulation.sortie.contains("A-0001"), "\(simulation)")
            #expect(!simulation.sortie.contains("A-0019"), "la cohorte smartphone de 2024 est encore active")
            #expect(try atelier.reussir(["apprenant", "montrer", "A-0001"]).sortie.contains("Samira"))
            try atelier.reussir(["rgpd", "anonymiser", "--inactifs-depuis", "1a", "--date", "2024-12-31", "--formateur", "Nadia Benali"])
            #expect(!(try atelier.reussir(["apprenant", "montrer", "A-0001"]).sortie.contains("Samira")))
            #expect(try atelier.reussir(["rapport", "--annee", "2024", "--format", "json"]).sortieOctets == rapport)
            try atelier.echouer(["rgpd", "anonymiser", "--inactifs-depuis", "trois ans"])
        }
    }
}
