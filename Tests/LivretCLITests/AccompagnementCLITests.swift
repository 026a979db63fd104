import Foundation
import Testing

/// Activity outside cohorts through the real `livret` binary: accompaniments typed or imported from
/// a sign-in sheet, satisfaction questionnaires, follow-ups after the action, evidence from a visit.
@Suite("Accompagnements, satisfaction et suivi, de bout en bout")
struct AccompagnementCLITests {
    /// A base on 13/01/2020 with Awa (A-0001) and Bob (A-0002).
    static func preparer(_ vide: Atelier) throws -> Atelier {
        var atelier = vide
        atelier.date = "2020-01-13"
        try atelier.reussir(["init", "--structure", "Centre social", "--formateur", "Nadia"])
        try atelier.reussir(["apprenant", "ajouter", "--prenom", "Awa", "--sexe", "feminin", "--consentement", "suivi,statistiques"])
        try atelier.reussir(["apprenant", "ajouter", "--prenom", "Bob", "--consentement", "suivi"])
        return atelier
    }

    static func accompagnements(_ atelier: Atelier) throws -> [[String: Any]] {
        JSONSortie.objets(try JSONSerialization.jsonObject(with: try atelier.reussir(["accompagnement", "lister", "--json"]).sortieOctets))
    }

    func ecrire(_ texte: String, _ nom: String, dans atelier: Atelier) throws -> String {
        let fichier = atelier.dossier.appendingPathComponent(nom)
        try Data(texte.utf8).write(to: fichier)
        return fichier.path
    }

    @Test("Une personne suivie et une personne anonyme, puis la liste en tableau et en JSON")
    func ajouterEtLister() throws {
        try Atelier.avec { vide in
            let atelier = try Self.preparer(vide)
            let suivie = try atelier.reussir(["accompagnement", "ajouter", "A-0001", "--duree", "2h30", "--thematique", "email",
                                              "--thematique", "demarches", "--aptic", "66", "--autonomie", "en-partie-autonome"])
            #expect(suivie.sortie == "Accompagnement n° 1 noté : permanence du 13/01/2020, 2 h 30, A-0001.\n", "\(suivie)")
            let anonyme = try atelier.reussir(["accompagnement", "ajouter", "--anonyme", "--sexe", "feminin", "--age", "18-24 ans",
                                               "--duree", "45min", "--type", "rendez_vous", "--lieu", "partenaire", "--lieu-nom", "CCAS de Metz",
                                               "--materiel", "téléphone", "--date", "2020-01-14"])
            #expect(anonyme.sortie == "Accompagnement n° 2 noté : rendez-vous du 14/01/2020, 45 min, personne anonyme (féminin, 18–24 ans).\n",
                    "\(anonyme)")

            let liste = try Self.accompagnements(atelier)
            #expect(liste.count == 2)
            let awa = try #require(liste.first)
            #expect(awa["identifiant"] as? String == "A-0001" && awa["anonyme"] as? Bool == false)
            #expect(JSONSortie.entier(awa["minutes"]) == 150)
            #expect(JSONSortie.chaines(awa["thematiques"]) == ["aide_aux_demarches_administratives", "email"])
            #expect(JSONSortie.chaines(awa["itemsAptic"]) == ["66"])
            #expect(awa["autonomie"] as? String == "en_partie_autonome")
            let inconnue = try #require(liste.last)
            #expect(inconnue["identifiant"] == nil && inconnue["anonyme"] as? Bool == true)
            #expect(inconnue["sexe"] as? String == "feminin" && inconnue["age"] as? String == "18–24 ans")
            #expect(inconnue["type"] as? String == "rendez_vous" && inconnue["lieuNom"] as? String == "CCAS de Metz")
            #expect(JSONSortie.chaines(inconnue["materiel"]) == ["telephone"])
            #expect(inconnue["date"] as? String == "2020-01-14")

            let tableau = try atelier.reussir(["accompagnement", "lister", "--jour", "2020-01-14"])
            #expect(tableau.sortie.contains("personne anonyme (féminin, 18–24 ans)"), "\(tableau)")
            #expect(!tableau.sortie.contains("A-0001"), "\(tableau)")
            #expect(tableau.sortie.hasSuffix("1 accompagnement, 45 min en tout.\n"), "\(tableau)")
        }
    }

    @Test("Les saisies fausses sont refusées en français, avec les choix possibles, sans rien écrire")
    func saisiesFausses() throws {
        try Atelier.avec { vide in
            let atelier = try Self.preparer(vide)
            let type = try atelier.echouer(["accompagnement", "ajouter", "A-0001", "--duree", "1h", "--type", "visite"])
            #expect(type.erreur.contains("Choisissez : permanence, rendez-vous ou atelier."), "\(type)")
            let duree = try atelier.echouer(["accompagnement", "ajouter", "A-0001", "--duree", "deux heures"])
            #expect(duree.erreur.contains("n'est pas une durée"), "\(duree)")
            let personne = try atelier.echouer(["accompagnement", "ajouter", "--duree", "1h"])
            #expect(personne.erreur.contains("--anonyme"), "\(personne)")
            let sexe = try atelier.echouer(["accompagnement", "ajouter", "--anonyme", "--duree", "1h"])
            #expect(sexe.erreur.contains("feminin, masculin, autre ou non-communique"), "\(sexe)")
            let lesDeux = try atelier.echouer(["accompagnement", "ajouter", "A-0001", "--sexe", "F", "--duree", "1h"])
            #expect(lesDeux.erreur.contains("son sexe et son âge sont dans son livret"), "\(lesDeux)")
            let theme = try atelier.echouer(["accompagnement", "ajouter", "A-0001", "--duree", "1h", "--thematique", "cuisine"])
            #expect(theme.erreur.contains("« cuisine » n'est pas une thématique"), "\(theme)")
            #expect(try Self.accompagnements(atelier).isEmpty)
        }
    }

    @Test("Une feuille d'émargement fausse n'importe rien et nomme fichier:ligne: colonne ; la bonne s'importe en entier")
    func importer() throws {
        try Atelier.avec { vide in
            let atelier = try Self.preparer(vide)
            let fausse = try ecrire("date;identifiant;sexe;âge;durée;type\n13/01/2020;A-0001;;;1h;\n13/01/2020;;F;18-24 ans;2x;\n;A-0042;;;1h;\n",
                                    "fausse.csv", dans: atelier)
            let refus = try atelier.echouer(["accompagnement", "importer", fausse])
            #expect(refus.erreur.contains("rien n'a été importé : 2 erreurs dans « \(fausse) »"), "\(refus)")
            #expect(refus.erreur.contains("\(fausse):3: durée : « 2x » n'est pas une durée"), "\(refus)")
            #expect(refus.erreur.contains("\(fausse):4: identifiant : « A-0042 »"), "\(refus)")
            #expect(!refus.erreur.contains(":2:"), "\(refus)")
            #expect(try Self.accompagnements(atelier).isEmpty, "la ligne 2, juste, a été importée malgré les erreurs")

            let bonne = try ecrire("\u{FEFF}Date;Identifiant;Sexe;Tranche d'âge;Durée;Type;Thématiques\n"
                                   + ";A-0001;;;1h30;;email / démarches\n;;F;25-39 ans;45 min;;\"santé, banque\"\n;;NC;;2h;atelier;\n",
                                   "emargement.csv", dans: atelier)
            let import_ = try atelier.reussir(["accompagnement", "importer", bonne, "--date", "2020-01-20"])
            #expect(import_.sortie == "3 accompagnements importés depuis « \(bonne) » : 2 permanences et 1 atelier, dont 2 personnes anonymes.\n",
                    "\(import_)")
            let liste = try Self.accompagnements(atelier)
            #expect(liste.count == 3)
            #expect(liste.allSatisfy { $0["date"] as? String == "2020-01-20" }, "une date vide prend le jour de la feuille (--date)")
            #expect(liste.map { $0["identifiant"] as? String } == ["A-0001", nil, nil])
            #expect(JSONSortie.chaines(liste[1]["thematiques"]) == ["banque_et_achats_en_ligne", "sante"])
            // The same sheet a second time: refused, nothing added.
            let encore = try atelier.echouer(["accompagnement", "importer", bonne, "--date", "2020-01-20"])
            #expect(encore.erreur.contains("déjà été importée le 20/01/2020 (3 accompagnements)"), "\(encore)")
            #expect(try Self.accompagnements(atelier).count == 3)
        }
    }

    @Test("Supprimer : sans --confirmer rien ne change, le motif est exigé, puis l'accompagnement disparaît")
    func supprimer() throws {
        try Atelier.avec { vide in
            let atelier = try Self.preparer(vide)
            try atelier.reussir(["accompagnement", "ajouter", "A-0001", "--duree", "1h"])
            let apercu = try atelier.reussir(["accompagnement", "supprimer", "1"])
            #expect(apercu.sortie.contains("L'accompagnement n° 1 (permanence du 13/01/2020, 1 h, A-0001) serait supprimé."), "\(apercu)")
            #expect(try Self.accompagnements(atelier).count == 1)
            let sansMotif = try atelier.echouer(["accompagnement", "supprimer", "1", "--confirmer"])
            #expect(sansMotif.erreur.contains("--motif"), "\(sansMotif)")
            let fait = try atelier.reussir(["accompagnement", "supprimer", "1", "--motif", "noté deux fois", "--confirmer"])
            #expect(fait.sortie.contains("Accompagnement n° 1 supprimé"), "\(fait)")
            #expect(try Self.accompagnements(atelier).isEmpty)
            let absent = try atelier.echouer(["accompagnement", "supprimer", "1"])
            #expect(absent.erreur.contains("introuvable"), "\(absent)")
        }
    }

    @Test("Satisfaction : les mots d'une personne ne sont gardés qu'avec son accord, puis retenus pour le bilan")
    func satisfaction() throws {
        try Atelier.avec { vide in
            let atelier = try Self.preparer(vide)
            try atelier.reussir(["accompagnement", "ajouter", "--anonyme", "--sexe", "masculin", "--duree", "1h"])
            let sansAccord = try atelier.echouer(["satisfaction", "noter", "--accompagnement", "1", "--reponses", "4,3,4,3",
                                                  "--temoignage", "Merci pour tout"])
            #expect(sansAccord.erreur.contains("la personne doit accepter d'être citée"), "\(sansAccord)")
            #expect(sansAccord.erreur.contains("--citation anonyme"), "\(sansAccord)")
            let aucune = try atelier.reussir(["satisfaction", "lister", "--json"])
            #expect(JSONSortie.objets(try JSONSerialization.jsonObject(with: aucune.sortieOctets)).isEmpty, "\(aucune)")

            let reponses = try atelier.echouer(["satisfaction", "noter", "--accompagnement", "1", "--reponses", "4,5,4,3"])
            #expect(reponses.erreur.contains("question 2"), "\(reponses)")

            let note = try atelier.reussir(["satisfaction", "noter", "--accompagnement", "1", "--reponses", "4,,3,4",
                                            "--citation", "anonyme", "--aide", "La patience", "--seul"])
            #expect(note.sortie.hasPrefix("Questionnaire n° 1 noté (accompagnement n° 1) : 4, –, 3, 4.\n"), "\(note)")
            try atelier.reussir(["satisfaction", "retenir", "1"])
            let liste = JSONSortie.objets(try JSONSerialization.jsonObject(
                with: try atelier.reussir(["satisfaction", "lister", "--json"]).sortieOctets))
            let r = try #require(liste.first)
            #expect(r["retenu"] as? Bool == true && r["citation"] as? String == "anonyme" && r["mode"] as? String == "seul")
            #expect(r["aide"] as? String == "La patience")
            #expect((r["reponses"] as? [Any])?.count == 4)
            #expect((r["reponses"] as? [Any])?[1] is NSNull)
            #expect(try atelier.reussir(["satisfaction", "lister"]).sortie.contains("témoignage retenu"))

            // Without consent, no testimony can be chosen.
            try atelier.reussir(["accompagnement", "ajouter", "A-0001", "--duree", "1h"])
            try atelier.reussir(["satisfaction", "noter", "A-0001", "--accompagnement", "2", "--reponses", "3,3,3,3"])
            let retenir = try atelier.echouer(["satisfaction", "retenir", "2"])
            #expect(retenir.erreur.contains("n'a pas accepté d'être citée"), "\(retenir)")
        }
    }

    @Test("Suivi après l'action : à faire trois mois après la fin, noté, puis plus à faire")
    func suiviApresAction() throws {
        try Atelier.avec { vide in
            let atelier = try Self.preparer(vide)
            try atelier.reussir(["cohorte", "creer", "fen-2019", "--parcours", "femmes-et-numerique", "--debut", "2019-06-03",
                                 "--fin", "2019-09-27", "--date", "2019-06-01"])
            try atelier.reussir(["cohorte", "inscrire", "fen-2019", "A-0001", "A-0002", "--date", "2019-06-03"])
            let avant = try atelier.reussir(["suivi", "a-faire"])
            #expect(avant.sortie.hasPrefix("2 suivis à faire au 13/01/2020 :"), "\(avant)")
            #expect(avant.sortie.contains("à 3 mois"), "\(avant)")
            #expect(try atelier.reussir(["suivi", "a-faire", "--date", "2019-11-01"]).sortie == "Aucun suivi à faire au 01/11/2019.\n")

            let emploi = try atelier.reussir(["suivi", "noter", "A-0001", "--cohorte", "fen-2019", "--delai", "3", "--situation", "emploi",
                                              "--contrat", "contrat-aide", "--temps-partiel", "--en-lien", "--precision", "agente d'accueil"])
            #expect(emploi.sortie == "Suivi à 3 mois noté pour A-0001 (cohorte « fen-2019 ») : en emploi, contrat aidé, à temps partiel, "
                    + "en lien avec la formation (agente d'accueil).\n", "\(emploi)")
            let contradictoire = try atelier.echouer(["suivi", "noter", "A-0002", "--cohorte", "fen-2019", "--delai", "3",
                                                      "--situation", "sans_solution", "--contrat", "cdi"])
            #expect(contradictoire.erreur.contains("pour un emploi seulement"), "\(contradictoire)")
            let situation = try atelier.echouer(["suivi", "noter", "A-0002", "--delai", "3", "--situation", "chomage"])
            #expect(situation.erreur.contains("sans-solution"), "\(situation)")

            let apres = try atelier.reussir(["suivi", "a-faire"])
            #expect(apres.sortie.hasPrefix("1 suivi à faire au 13/01/2020 :"), "\(apres)")
            #expect(apres.sortie.contains("A-0002") && !apres.sortie.contains("A-0001 "), "\(apres)")

            let liste = JSONSortie.objets(try JSONSerialization.jsonObject(
                with: try atelier.reussir(["suivi", "lister", "A-0001", "--json"]).sortieOctets))
            let suivi = try #require(liste.first)
            #expect(liste.count == 1)
            #expect(suivi["situation"] as? String == "emploi" && suivi["contrat"] as? String == "contrat_aide")
            #expect(suivi["tempsPartiel"] as? Bool == true && suivi["enLienAvecFormation"] as? Bool == true)
            #expect(suivi["cohorte"] as? String == "fen-2019" && JSONSortie.entier(suivi["delaiMois"]) == 3)
        }
    }

    @Test("Une preuve vue lors d'un accompagnement de la même personne, refusée pour celui d'une autre")
    func preuveDUnAccompagnement() throws {
        try Atelier.avec { vide in
            let atelier = try Self.preparer(vide)
            try atelier.reussir(["accompagnement", "ajouter", "A-0001", "--duree", "1h"])
            try atelier.reussir(["accompagnement", "ajouter", "A-0002", "--duree", "1h"])
            let preuve = try atelier.reussir(["preuve", "ajouter", "A-0001", "aptic:66", "--niveau", "suivi", "--accompagnement", "1"])
            #expect(preuve.sortie.contains("vue à l'accompagnement n° 1"), "\(preuve)")
            let autre = try atelier.echouer(["preuve", "ajouter", "A-0001", "aptic:66", "--niveau", "suivi", "--accompagnement", "2"])
            #expect(autre.erreur.contains("concerne une autre personne"), "\(autre)")
            let livret = try JSONSortie.objet(try atelier.reussir(["apprenant", "montrer", "A-0001", "--json"]).sortieOctets)
            let preuves = JSONSortie.objets(livret["preuves"])
            #expect(preuves.count == 1)
            #expect(JSONSortie.entier(preuves.first?["accompagnementId"]) == 1, "\(preuves)")
            // The accompaniment evidence comes from stays.
            let suppression = try atelier.echouer(["accompagnement", "supprimer", "1", "--motif", "erreur", "--confirmer"])
            #expect(suppression.erreur.contains("une preuve vient de cet accompagnement"), "\(suppression)")
        }
    }

    @Test("L'aide des accompagnements et du questionnaire se lit en français, avec les questions et l'échelle")
    func aide() throws {
        let groupe = try ExecutableLivret.lancer(["accompagnement", "--help"])
        for attendu in ["permanences, rendez-vous et ateliers ponctuels", "ajouter", "importer", "lister", "supprimer"] {
            #expect(groupe.sortie.contains(attendu), "« \(attendu) » manque :\n\(groupe)")
        }
        let noter = try ExecutableLivret.lancer(["satisfaction", "noter", "--help"])
        let texte = noter.sortie.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for attendu in ["1. Dans l’ensemble, cela vous a plu ?", "4. Vous le conseilleriez", "1 = pas du tout", "4 = tout à fait", "--citation"] {
            #expect(texte.contains(attendu), "« \(attendu) » manque :\n\(noter)")
        }
    }
}

extension AccompagnementCLITests {
    @Test("--orientation et la colonne « orientation » : écrites, relues en JSON ; une valeur fausse refusée avec les choix, rien d'écrit")
    func orientation() throws {
        try Atelier.avec { vide in
            let atelier = try Self.preparer(vide)
            let aide = try atelier.reussir(["accompagnement", "ajouter", "--help"])
            #expect(aide.sortie.contains("--orientation <VALEUR>"), "\(aide)")
            #expect(aide.sortie.contains("aide-aux-demarches-administratives"), "\(aide)")

            try atelier.reussir(["accompagnement", "ajouter", "A-0001", "--duree", "1h", "--orientation", "aide-aux-demarches-administratives"])
            try atelier.reussir(["accompagnement", "ajouter", "A-0002", "--duree", "30min", "--orientation", "non"])
            try atelier.reussir(["accompagnement", "ajouter", "A-0002", "--duree", "30min"])
            let fausse = try atelier.echouer(["accompagnement", "ajouter", "A-0001", "--duree", "1h", "--orientation", "voisin"])
            #expect(fausse.erreur.contains("--orientation : « voisin » n’est pas une orientation : écrivez non (pas orientée), ou le type de structure : "
                                           + "administration, mediation-numerique,"), "\(fausse)")
            #expect(try Self.accompagnements(atelier).map { $0["orientation"] as? String } == ["aide_aux_demarches_administratives", "pas_orientee", nil])

            let feuille = try ecrire("identifiant;sexe;durée;orientation\nA-0001;;1h;France Travail\n;F;2h;mairie\n;M;1h;la boulangerie\n",
                                     "feuille.csv", dans: atelier)
            let refus = try atelier.echouer(["accompagnement", "importer", feuille])
            #expect(refus.erreur.contains("feuille.csv:4: orientation : « la boulangerie » n’est pas une orientation"), "\(refus)")
            #expect(try Self.accompagnements(atelier).count == 3, "rien n'est importé")
            let corrigee = try ecrire("identifiant;sexe;durée;orientation\nA-0001;;1h;France Travail\n;F;2h;mairie\n;M;1h;autre\n",
                                      "corrigee.csv", dans: atelier)
            try atelier.reussir(["accompagnement", "importer", corrigee])
            #expect(try Self.accompagnements(atelier).dropFirst(3).map { $0["orientation"] as? String }
                    == ["insertion_professionnelle", "administration", "autre"])
        }
    }
}
