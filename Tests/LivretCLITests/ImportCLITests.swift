import Foundation
import Testing

@Suite("Import d'apprenants en CSV, de bout en bout")
struct ImportCLITests {
    @Test("Un fichier correct est importé en entier")
    func importCorrect() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["init", "--structure", "S", "--formateur", "Nadia"])
            let csv = "\u{FEFF}prénom;nom;année de naissance;sexe;qpv;consentement suivi\nAwa;Koné;1987;féminin;oui;oui\nLéo;;2008;masculin;non;oui\n;;;autre;;non\n"
            let fichier = atelier.dossier.appendingPathComponent("inscrits.csv")
            try Data(csv.utf8).write(to: fichier)
            let resultat = try atelier.reussir(["apprenant", "importer", fichier.path])
            #expect(resultat.sortie.contains("3 apprenants importés"))
            let liste = try atelier.reussir(["apprenant", "lister", "--json"])
            let apprenants = try #require(try JSONSerialization.jsonObject(with: liste.sortieOctets) as? [[String: Any]])
            #expect(apprenants.map { $0["identifiant"] as? String } == ["A-0001", "A-0002", "A-0003"])
            #expect(apprenants.map { $0["sexe"] as? String } == ["feminin", "masculin", "autre"])
        }
    }

    @Test("Des lignes fausses : rien n'est importé, chaque ligne fautive est signalée")
    func lignesFausses() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["init", "--structure", "S", "--formateur", "Nadia"])
            try atelier.reussir(["apprenant", "ajouter", "--prenom", "Déjà"])
            let avant = try atelier.reussir(["apprenant", "lister", "--json"]).sortieOctets
            let csv = "prénom,année de naissance,sexe,email\nAwa,1987,féminin,awa@exemple.fr\nBob,19x7,masculin,\nClo,1990,inconnu,\nDan,1991,masculin,pas-un-mail\n"
            let fichier = atelier.dossier.appendingPathComponent("faux.csv")
            try Data(csv.utf8).write(to: fichier)
            let resultat = try atelier.echouer(["apprenant", "importer", fichier.path])
            #expect(resultat.erreur.contains("rien n'a été importé"))
            for ligne in ["ligne 3", "ligne 4", "ligne 5"] {
                #expect(resultat.erreur.contains(ligne), "\(ligne) manque : \(resultat.erreur)")
            }
            #expect(!resultat.erreur.contains("ligne 2"))
            #expect(resultat.erreur.contains("faux.csv"))
            #expect(try atelier.reussir(["apprenant", "lister", "--json"]).sortieOctets == avant)
        }
    }

    @Test("Un fichier absent : message clair")
    func fichierAbsent() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["init", "--structure", "S", "--formateur", "Nadia"])
            let resultat = try atelier.echouer(["apprenant", "importer", "absent.csv"])
            #expect(resultat.erreur.contains("introuvable"))
        }
    }
}
