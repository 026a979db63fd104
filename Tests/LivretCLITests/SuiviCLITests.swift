import Foundation
import Testing

/// End-to-end follow-up of learners through the real `livret` binary: a whole session, French
/// errors that write nothing, RGPD erasure and export. Each test has its own temporary base,
/// given by `LIVRET_BASE`, and a fixed `LIVRET_DATE` (never the real clock).
@Suite("Suivi des apprenants, de bout en bout")
struct SuiviCLITests {
    /// `init`, two learners (Awa, and Zed known only by a pseudonym), the fen-2024 cohort with
    /// both enrolled, one séance of 165 minutes with Awa present and Zed absent.
    static func preparer(_ atelier: Atelier, prenom: String = "Awa", email: String? = nil) throws {
        try atelier.reussir(["init", "--structure", "Centre social", "--formateur", "Nadia"])
        var awa = ["apprenant", "ajouter", "--prenom", prenom, "--annee", "1987", "--sexe", "feminin",
                   "--consentement", "suivi,statistiques"]
        if let email { awa += ["--email", email] }
        try atelier.reussir(awa)
        try atelier.reussir(["apprenant", "ajouter", "--pseudonyme", "Zed", "--sexe", "autre", "--consentement", "suivi"])
        try atelier.reussir(["cohorte", "creer", "fen-2024", "--parcours", "femmes-et-numerique", "--debut", "2024-03-04"])
        try atelier.reussir(["cohorte", "inscrire", "fen-2024", "A-0001", "A-0002"])
        try atelier.reussir(["seance", "ajouter", "fen-2024", "--duree", "165"])
        try atelier.reussir(["presence", "saisir", "1", "A-0001", "A-0002:absent"])
    }

    static func ligne(_ lignes: [[String: Any]], _ identifiant: String) -> [String: Any]? {
        lignes.first { $0["identifiant"] as? String == identifiant }
    }

    // MARK: - 1. A whole session

    @Test("Une séance complète : présences, preuve, certification, tableau de bord et livret")
    func sessionComplete() throws {
        try Atelier.avec { atelier in
            try Self.preparer(atelier)
            try atelier.reussir(["preuve", "ajouter", "A-0001", "aptic:66", "--niveau", "autonomie"])
            try atelier.reussir(["pix", "certification", "ajouter", "A-0001", "--code", "P-2346789B",
                                 "--score", "312", "--niveaux", "1.1=3,2.1=2,3.1=3"])

            let tableau = try atelier.reussir(["cohorte", "montrer", "fen-2024", "--json"])
            let lignes = JSONSortie.objets(try JSONSerialization.jsonObject(with: tableau.sortieOctets))
            #expect(lignes.count == 2, "\(tableau)")
            let awa = try #require(Self.ligne(lignes, "A-0001"), "\(tableau)")
            let bilanAwa = try #require((awa["bilan"] as? [String: Any])?["heures"] as? [String: Any])
            #expect(JSONSortie.entier(bilanAwa["minutesSuivies"]) == 165)
            #expect(JSONSortie.entier(bilanAwa["minutesPrevuesACeJour"]) == 165)
            #expect(bilanAwa["assiduite"] as? Double == 1)
            #expect(awa["statut"] as? String == "en_cours")
            #expect(awa["nom"] as? String == "Awa")

            let zed = try #require(Self.ligne(lignes, "A-0002"), "\(tableau)")
            let bilanZed = try #require((zed["bilan"] as? [String: Any])?["heures"] as? [String: Any])
            #expect(JSONSortie.entier(bilanZed["minutesSuivies"]) == 0)
            #expect(zed["nom"] as? String == "Zed")

            let livret = try atelier.reussir(["apprenant", "montrer", "A-0001", "--json"])
            let dossier = try JSONSortie.objet(livret.sortieOctets)
            let certifications = JSONSortie.objets(dossier["certifications"])
            #expect(certifications.count == 1, "\(livret)")
            let certification = try #require(certifications.first)
            #expect(certification["code"] as? String == "P-2346789B")
            #expect(JSONSortie.entier(certification["score"]) == 312)
            let niveaux = try #require(certification["niveaux"] as? [String: Any], "\(livret)")
            #expect(niveaux.count == 3)
            #expect(niveaux.values.allSatisfy { (JSONSortie.entier($0) ?? 0) >= 1 }, "\(niveaux)")
            let inscription = try #require(JSONSortie.objets(dossier["inscriptions"]).first, "\(livret)")
            let bilan = try #require(inscription["bilan"] as? [String: Any])
            #expect(bilan["objectifCertificationAtteint"] as? Bool == true, "\(livret)")
            #expect(JSONSortie.objets(dossier["preuves"]).count == 1)

            let pseudo = try atelier.reussir(["apprenant", "montrer", "A-0002", "--json"])
            let identite = try #require(try JSONSortie.objet(pseudo.sortieOctets)["apprenant"] as? [String: Any])
            #expect(identite["pseudonyme"] as? String == "Zed")
            #expect(identite["sexe"] as? String == "autre")
            #expect(identite["prenom"] == nil)
        }
    }

    // MARK: - 2. Errors

    @Test("Une inscription avec un apprenant inconnu n'inscrit personne (tout ou rien)")
    func inscriptionToutOuRien() throws {
        try Atelier.avec { atelier in
            try atelier.reussir(["init", "--structure", "Centre social", "--formateur", "Nadia"])
            try atelier.reussir(["apprenant", "ajouter", "--prenom", "Awa", "--consentement", "suivi"])
            try atelier.reussir(["cohorte", "creer", "fen-2024", "--parcours", "femmes-et-numerique", "--debut", "2024-03-04"])
            let erreur = try atelier.echouer(["cohorte", "inscrire", "fen-2024", "A-0001", "A-9999"])
            #expect(erreur.erreur.contains("A-9999"), "\(erreur)")
            #expect(erreur.sortie.isEmpty, "\(erreur)")
            let tableau = try atelier.reussir(["cohorte", "montrer", "fen-2024", "--json"])
            let lignes = JSONSortie.objets(try JSONSerialization.jsonObject(with: tableau.sortieOctets))
            #expect(lignes.isEmpty, "A-0001 a été inscrit malgré l'erreur : \(tableau)")
            let livret = try JSONSortie.objet(try atelier.reussir(["apprenant", "montrer", "A-0001", "--json"]).sortieOctets)
            #expect(JSONSortie.objets(livret["inscriptions"]).isEmpty)
            // And the full enrolment still works afterwards.
            try atelier.reussir(["cohorte", "inscrire", "fen-2024", "A-0001"])
        }
    }

    @Test("Les saisies invalides sont refusées en français, sans rien écrire")
    func saisiesInvalides() throws {
        try Atelier.avec { atelier in
            try Self.preparer(atelier)
            let avantTableau = try atelier.reussir(["cohorte", "montrer", "fen-2024", "--json"]).sortieOctets
            let avantLivret = try atelier.reussir(["apprenant", "montrer", "A-0001", "--json"]).sortieOctets
            let avantSeances = try atelier.reussir(["seance", "lister", "fen-2024"]).sortie

            let pix = try atelier.echouer(["pix", "certification", "ajouter", "A-0001", "--code", "P-XYZ",
                                           "--score", "312", "--niveaux", "1.1=3"])
            #expect(pix.erreur.contains("P-XYZ"), "\(pix)")
            let pixLettreInterdite = try atelier.echouer(["pix", "certification", "ajouter", "A-0001", "--code", "P-2346789A",
                                                          "--score", "312", "--niveaux", "1.1=3"])
            #expect(pixLettreInterdite.erreur.contains("Pix"), "\(pixLettreInterdite)")

            let date = try atelier.echouer(["seance", "ajouter", "fen-2024", "--duree", "60", "--date", "2024-13-40"])
            #expect(date.erreur.contains("2024-13-40"), "\(date)")
            #expect(date.erreur.contains("n'est pas valide"), "\(date)")
            let debut = try atelier.echouer(["cohorte", "creer", "autre", "--parcours", "femmes-et-numerique", "--debut", "2024-13-40"])
            #expect(debut.erreur.contains("2024-13-40"), "\(debut)")

            let abandon = try atelier.echouer(["cohorte", "statut", "fen-2024", "A-0002", "abandon"])
            #expect(abandon.erreur.contains("motif"), "\(abandon)")

            #expect(try atelier.reussir(["cohorte", "montrer", "fen-2024", "--json"]).sortieOctets == avantTableau)
            #expect(try atelier.reussir(["apprenant", "montrer", "A-0001", "--json"]).sortieOctets == avantLivret)
            #expect(try atelier.reussir(["seance", "lister", "fen-2024"]).sortie == avantSeances)
            let cohortes = JSONSortie.objets(try JSONSerialization.jsonObject(
                with: try atelier.reussir(["cohorte", "lister", "--json"]).sortieOctets))
            #expect(cohortes.count == 1, "la cohorte « autre » a été créée malgré la date invalide")
        }
    }

    @Test("Sans base, les commandes demandent de lancer « livret init » et ne créent rien")
    func baseAbsente() throws {
        try Atelier.avec { atelier in
            for arguments in [["cohorte", "lister"], ["apprenant", "ajouter", "--prenom", "Awa"],
                              ["cohorte", "montrer", "fen-2024", "--json"]] {
                let resultat = try atelier.echouer(arguments)
                #expect(resultat.erreur.contains("« livret init »"), "\(resultat)")
                #expect(!FileManager.default.fileExists(atPath: atelier.chemin.path), "\(resultat)")
            }
            // --base wins over LIVRET_BASE, and gets the same message.
            let ailleurs = atelier.dossier.appendingPathComponent("ailleurs/base.sqlite").path
            let resultat = try atelier.echouer(["cohorte", "lister", "--base", ailleurs])
            #expect(resultat.erreur.contains(ailleurs), "\(resultat)")
            #expect(resultat.erreur.contains("« livret init »"), "\(resultat)")
            #expect(!FileManager.default.fileExists(atPath: ailleurs))
        }
    }

    // MARK: - 3. Erasure

    @Test("L'effacement retire le prénom et l'e-mail de l'export et du fichier, les compteurs restent")
    func effacement() throws {
        try Atelier.avec { atelier in
            let prenom = "Ramatoulaye"
            let email = "ramatoulaye.kone@exemple.fr"
            try Self.preparer(atelier, prenom: prenom, email: email)
            try atelier.reussir(["preuve", "ajouter", "A-0001", "aptic:66", "--niveau", "autonomie"])
            let avant = try atelier.reussir(["apprenant", "exporter", "A-0001"])
            #expect(avant.sortie.contains(prenom))
            #expect(avant.sortie.contains(email))
            let compteursAvant = try atelier.reussir(["cohorte", "lister", "--json"]).sortieOctets

            // Without --confirmer: refused, nothing changes.
            let base = try atelier.reussir(["apprenant", "montrer", "A-0001", "--json"]).sortieOctets
            let refus = try atelier.echouer(["apprenant", "effacer", "A-0001"])
            #expect(refus.erreur.contains("--confirmer"), "\(refus)")
            #expect(try atelier.reussir(["apprenant", "montrer", "A-0001", "--json"]).sortieOctets == base)
            #expect(try atelier.reussir(["apprenant", "exporter", "A-0001"]).sortie.contains(prenom))

            try atelier.reussir(["apprenant", "effacer", "A-0001", "--confirmer"])

            let apres = try atelier.reussir(["apprenant", "exporter", "A-0001"])
            #expect(!apres.sortie.contains(prenom), "\(apres)")
            #expect(!apres.sortie.contains(email), "\(apres)")
            let identite = try #require(try JSONSortie.objet(apres.sortieOctets)["apprenant"] as? [String: Any], "\(apres)")
            #expect(identite["efface"] as? Bool == true, "\(apres)")
            // Statistics stay: the counts of the cohort are the same.
            #expect(try atelier.reussir(["cohorte", "lister", "--json"]).sortieOctets == compteursAvant)
            let liste = try atelier.reussir(["apprenant", "lister", "--json"])
            #expect(!liste.sortie.contains(prenom), "\(liste)")

            // Nothing left in the bytes of the base, nor in its companions.
            let fichiers = atelier.fichiersDeLaBase()
            #expect(fichiers.contains { $0.lastPathComponent == "livret.sqlite" })
            for fichier in fichiers {
                let octets = try Data(contentsOf: fichier)
                #expect(octets.range(of: Data(prenom.utf8)) == nil, "« \(prenom) » reste dans \(fichier.lastPathComponent)")
                #expect(octets.range(of: Data(email.utf8)) == nil, "« \(email) » reste dans \(fichier.lastPathComponent)")
            }
        }
    }

    // MARK: - 4. Export to a file

    @Test("apprenant exporter --sortie écrit un JSON valide avec le consentement et les présences")
    func exportVersFichier() throws {
        try Atelier.avec { atelier in
            try Self.preparer(atelier)
            let fichier = atelier.dossier.appendingPathComponent("export/A-0001.json")
            try FileManager.default.createDirectory(at: fichier.deletingLastPathComponent(), withIntermediateDirectories: true)
            let resultat = try atelier.reussir(["apprenant", "exporter", "A-0001", "--sortie", fichier.path])
            #expect(resultat.sortie.contains(fichier.path), "\(resultat)")
            let dossier = try JSONSortie.objet(try Data(contentsOf: fichier))

            let consentements = JSONSortie.objets(dossier["consentements"])
            #expect(consentements.count == 1, "\(dossier)")
            let consentement = try #require(consentements.first)
            #expect(consentement["suivi"] as? Bool == true)
            #expect(consentement["statistiques"] as? Bool == true)
            #expect(consentement["badges"] as? Bool == false)
            #expect(consentement["date"] as? String == "2024-03-04")

            let inscription = try #require(JSONSortie.objets(dossier["inscriptions"]).first, "\(dossier)")
            #expect(inscription["cohorte"] as? String == "fen-2024")
            let presences = JSONSortie.objets(inscription["presences"])
            #expect(presences.count == 1, "\(inscription)")
            #expect(presences.first.map { "\($0)" }?.contains("165") == true, "\(presences)")

            // The file and standard output carry the same export.
            let ecran = try atelier.reussir(["apprenant", "exporter", "A-0001"])
            #expect(ecran.sortieOctets == (try Data(contentsOf: fichier)))
        }
    }
}
