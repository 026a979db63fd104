import Foundation
import Testing
@testable import LivretCore

@Suite("Import CSV des feuilles d'émargement")
struct ImportAccompagnementsCSVTests {
    let jour = Jour("2020-01-13")!

    func lire(_ texte: String, catalogue: Catalogue? = nil) throws(ErreursImport) -> ImportAccompagnementsCSV.Feuille {
        try ImportAccompagnementsCSV.lire(
            Data(texte.utf8), fichier: "feuille.csv", jour: jour, catalogue: catalogue,
            apprenant: { $0 == "A-0003" || $0 == "A-0004" ? nil : $0 == "A-0009" ? "effacé" : "inconnu" },
            intervenant: { ["Nadia", "Julien"].contains($0) ? nil : "pas de la structure" })
    }

    func erreurs(_ texte: String, catalogue: Catalogue? = nil) -> [ErreurImport] {
        do {
            let feuille = try lire(texte, catalogue: catalogue)
            Issue.record("une erreur était attendue : \(feuille)")
            return []
        } catch {
            return error.erreurs
        }
    }

    @Test("Une feuille au point-virgule avec BOM : personnes suivies et anonymes, valeurs par défaut")
    func feuilleComplete() throws {
        let texte = "\u{FEFF}Date;Identifiant;Sexe;Tranche d’âge;Durée;Type;Lieu;Nom du lieu;Intervenant;Thématiques;APTIC;Autonomie;Matériel;Note\n"
            + "13/01/2020;A-0003;;;2h30;;;;;email / démarches;66;;;\n"
            + ";;F;18-24 ans;45 min;rdv;partenaire;CCAS de Metz;Julien;\"santé, banque\";;en partie autonome;smartphone + ordinateur;Ameli\n"
            + "2020-01-14;;M;;1h;atelier;;;;;;;;\n"
            + ";;;;;;;;;;;;;\n"
        let feuille = try lire(texte, catalogue: try Fixtures.catalogue())
        #expect(feuille.lignes == [2, 3, 4])
        #expect(feuille.saisies.count == 3)

        let suivie = feuille.saisies[0]
        #expect(suivie.personne == .apprenant("A-0003"))
        #expect(suivie.date == jour && suivie.minutes == 150)
        #expect(suivie.type == .permanence && suivie.lieu == .structure && suivie.lieuNom == nil)
        #expect(suivie.thematiques == [.email, .aideAuxDemarchesAdministratives])
        #expect(suivie.itemsAptic == ["66"])
        #expect(suivie.intervenant == nil && suivie.note == nil && suivie.autonomie == nil)

        let anonyme = feuille.saisies[1]
        #expect(anonyme.personne == .anonyme(sexe: .feminin, tranche: "18-24 ans"))
        #expect(anonyme.date == jour, "une date vide prend le jour de la feuille")
        #expect(anonyme.minutes == 45 && anonyme.type == .rendezVous && anonyme.lieu == .partenaire && anonyme.lieuNom == "CCAS de Metz")
        #expect(anonyme.intervenant == "Julien")
        #expect(anonyme.thematiques == [.sante, .banqueEtAchatsEnLigne])
        #expect(anonyme.autonomie == .enPartieAutonome)
        #expect(anonyme.materiel == [.telephone, .ordinateur])
        #expect(anonyme.note == "Ameli")

        let atelier = feuille.saisies[2]
        #expect(atelier.personne == .anonyme(sexe: .masculin, tranche: ""))
        #expect(atelier.date == Jour("2020-01-14"))
        #expect(atelier.type == .atelier && atelier.minutes == 60)
    }

    @Test("Séparateur virgule, en-têtes sans accents ni majuscules, lieu_nom")
    func virguleEtEntetes() throws {
        let feuille = try lire("DATE,identifiant,SEXE,age,duree,lieu_nom,thematiques\n2020-01-13,,nc,mineur,90,Médiathèque,\"email, internet\"\n")
        #expect(feuille.saisies.count == 1)
        #expect(feuille.saisies[0].personne == .anonyme(sexe: .nonCommunique, tranche: "mineur"))
        #expect(feuille.saisies[0].minutes == 90)
        #expect(feuille.saisies[0].lieuNom == "Médiathèque")
        #expect(feuille.saisies[0].thematiques == [.email, .navigationSurInternet])
    }

    @Test("Chaque ligne fausse est signalée, par ligne et par colonne, et rien n'est rendu")
    func erreursParLigneEtColonne() {
        let texte = "date;identifiant;sexe;âge;durée;type;intervenant;thématiques;matériel\n"
            + "13/01/2020;A-0003;;;1h;;;;\n"  // correct
            + "13/13/2020;;F;;1h;;;;\n"  // 3: date
            + ";;F;;2x;;;;\n"  // 4: durée
            + ";;F;;;;;;\n"  // 5: durée manquante
            + ";A-0007;;;1h;;;;\n"  // 6: identifiant inconnu
            + ";A-0003;F;;1h;;;;\n"  // 7: identifiant et sexe
            + ";;;25;1h;;;;\n"  // 8: ni identifiant ni sexe
            + ";;X;;1h;visite;Paul;cuisine;aucun / telephone\n"  // 9: sexe, type, intervenant, thématique, matériel
            + ";;F;200;1h;;;;\n"  // 10: âge
            + ";;F;;11h;;;;\n"  // 11: trop long
        let erreurs = erreurs(texte)
        let lieux = erreurs.map { "\($0.ligne):\($0.champ ?? "")" }
        #expect(lieux == ["3:date", "4:durée", "5:durée", "6:identifiant", "7:sexe", "8:sexe",
                          "9:type", "9:sexe", "9:intervenant", "9:thématiques", "9:matériel", "10:âge", "11:durée"], "\(erreurs)")
        #expect(erreurs.allSatisfy { $0.fichier == "feuille.csv" })
        #expect(erreurs[0].message.contains("JJ/MM/AAAA"))
        #expect(erreurs[3].message == "inconnu")
        #expect(erreurs[4].message.contains("videz l'identifiant"))
        #expect(erreurs[6].message.contains("permanence, rendez-vous ou atelier"))
        #expect(erreurs[9].message.contains("« cuisine » n'est pas une thématique"))
        #expect(erreurs[10].message.contains("pas de matériel"))
        #expect(erreurs[12].message.contains("10 heures"))
    }

    @Test("Les items APTIC sont vérifiés avec le catalogue")
    func itemsAptic() throws {
        let catalogue = try Fixtures.catalogue()
        let erreurs = erreurs("identifiant;durée;aptic\nA-0003;1h;66 999\n", catalogue: catalogue)
        #expect(erreurs.map(\.champ) == ["aptic"])
        #expect(erreurs.first?.message.contains("999") == true)
        let feuille = try lire("identifiant;durée;aptic\nA-0003;1h;\"66, 67\"\n", catalogue: catalogue)
        #expect(feuille.saisies[0].itemsAptic == ["66", "67"])
    }

    @Test("L'en-tête : colonne inconnue, colonne d'identité, doublon, durée ou personne manquantes")
    func entete() {
        let inconnue = erreurs("identifiant;durée;couleur\nA-0003;1h;bleu\n")
        #expect(inconnue.count == 1 && inconnue[0].ligne == 1 && inconnue[0].champ == "couleur")
        #expect(inconnue[0].message.contains("colonnes connues"))

        let identite = erreurs("Nom;Prénom;sexe;durée\nKoné;Awa;F;1h\n")
        #expect(identite.map(\.champ) == ["Nom", "Prénom"])
        #expect(identite[0].message.contains("n'importe ni les noms"))

        let doublon = erreurs("sexe;durée;temps\nF;1h;1h\n")
        #expect(doublon.map(\.champ) == ["durée"])

        let sansDuree = erreurs("identifiant;date\nA-0003;13/01/2020\n")
        #expect(sansDuree.map(\.champ) == ["durée"])

        let sansPersonne = erreurs("date;durée\n13/01/2020;1h\n")
        #expect(sansPersonne.count == 1 && sansPersonne[0].message.contains("identifiant"))
    }

    @Test("Un fichier sans ligne, un fichier qui n'est pas en UTF-8, une ligne au mauvais nombre de cases")
    func fichiersAbimes() {
        #expect(erreurs("sexe;durée\n").first?.message.contains("aucune ligne") == true)
        let latin1 = Data("sexe;durée\nF;1h\n".utf8).map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 }
        do {
            _ = try ImportAccompagnementsCSV.lire(Data(latin1), fichier: "f.csv", jour: jour)
            Issue.record("une erreur était attendue")
        } catch {
            #expect(error.erreurs.first?.message.contains("UTF-8") == true)
        }
        let cases = erreurs("sexe;durée\nF;1h;en trop\n")
        #expect(cases.count == 1 && cases[0].ligne == 2 && cases[0].message.contains("3 cases"))
    }

    @Test("Thématiques et matériels : noms courts, libellés, séparateurs")
    func listes() throws {
        #expect(try ImportAccompagnementsCSV.thematiques("Démarches : papiers, élections, citoyenneté").get() == [.papiersElectionsCitoyennete])
        #expect(try ImportAccompagnementsCSV.thematiques("mail + IA / sécurité").get() == [.email, .intelligenceArtificielle, .securiteNumerique])
        #expect(try ImportAccompagnementsCSV.thematiques("email / mail").get() == [.email])
        #expect(try ImportAccompagnementsCSV.materiel("tablette, PC").get() == [.tablette, .ordinateur])
        #expect(throws: ErreurRegle.self) { try ImportAccompagnementsCSV.materiel("vélo").get() }
    }

    @Test("Le libellé d'une personne anonyme : tranche, âge, majorité, non communiqué")
    func libellePersonneAnonyme() throws {
        func libelle(_ sexe: Sexe, _ age: String) throws -> String {
            PersonneAnonyme(sexe: sexe, naissance: try SaisieDuree.naissances(age, annee: 2020).get()).libelle(annee: 2020)
        }
        #expect(try libelle(.feminin, "18-24 ans") == "personne anonyme (féminin, 18–24 ans)")
        #expect(try libelle(.masculin, "35") == "personne anonyme (masculin, 35 ans)")
        #expect(try libelle(.autre, "mineur") == "personne anonyme (autre, moins de 18 ans)")
        #expect(try libelle(.nonCommunique, "adulte") == "personne anonyme (sexe non communiqué, 18 ans et plus)")
        #expect(try libelle(.feminin, "") == "personne anonyme (féminin, âge non communiqué)")
        #expect(try libelle(.feminin, "70 et plus") == "personne anonyme (féminin, 70 ans et plus)")
    }
}

extension ImportAccompagnementsCSVTests {
    @Test("Une colonne « orientation » facultative : non, un type de structure, un mot de la feuille ; vide : rien de dit")
    func orientation() throws {
        let texte = "date;identifiant;sexe;durée;Orientation\n"
            + ";A-0003;;1h;France Services\n"
            + ";;F;45 min;non\n"
            + ";;M;30 min;\n"
            + ";;NC;30 min;aide-sociale\n"
        let feuille = try lire(texte)
        #expect(feuille.saisies.map(\.orientation) == [.vers(.aideAuxDemarchesAdministratives), .pasOrientee, nil, .vers(.aideSociale)])
        // Another spelling of the header; a sheet without the column is read as before.
        #expect(try lire("identifiant;durée;structure de redirection\nA-0003;1h;mission locale\n").saisies[0].orientation == .vers(.insertionProfessionnelle))
        #expect(try lire("identifiant;durée\nA-0003;1h\n").saisies[0].orientation == nil)
    }

    @Test("Une orientation inconnue : le fichier, la ligne, la colonne et les valeurs possibles ; rien n'est importé")
    func orientationInconnue() {
        let texte = "identifiant;durée;orientation\n"
            + "A-0003;1h;non\n"
            + "A-0004;1h;chez le voisin\n"
            + "A-0003;2h;oui\n"
        let e = erreurs(texte)
        #expect(e.count == 2)
        #expect(e.first?.fichier == "feuille.csv" && e.first?.ligne == 3 && e.first?.champ == "orientation")
        #expect(e.first?.message.hasPrefix("« chez le voisin » n’est pas une orientation : écrivez non (pas orientée), ou le type de structure : administration, ") == true,
                "\(e.first?.message ?? "")")
        #expect(e.last?.ligne == 4 && e.last?.champ == "orientation" && e.last?.message.contains("ne dit pas vers quelle structure") == true)
    }
}
