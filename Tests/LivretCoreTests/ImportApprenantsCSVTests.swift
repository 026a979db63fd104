import Foundation
import Testing
@testable import LivretCore

@Suite("Import CSV des apprenants")
struct ImportApprenantsCSVTests {
    let jour = Jour("2026-11-21")!

    func lire(_ texte: String) throws(ErreursImport) -> [(Apprenant, Consentement?)] {
        try lire(Data(texte.utf8))
    }

    func lire(_ donnees: Data) throws(ErreursImport) -> [(Apprenant, Consentement?)] {
        try ImportApprenantsCSV.lire(donnees, fichier: "apprenants.csv", creeLe: jour, creePar: 1, anneeCourante: 2026,
                                     identifiantSuivant: { "A-\(100 + $0)" })
    }

    func erreurs(_ texte: String) -> [ErreurImport] {
        erreurs(Data(texte.utf8))
    }

    func erreurs(_ donnees: Data) -> [ErreurImport] {
        do {
            _ = try lire(donnees)
            Issue.record("une erreur était attendue")
            return []
        } catch {
            return error.erreurs
        }
    }

    @Test func bomEtPointVirgule() throws {
        let texte = "\u{FEFF}Identifiant;Prénom;NOM;Année de naissance;Sexe;QPV;Statut social;E-mail\n"
            + "A-1;Aïcha;Benali;1985;F;oui;sans emploi;aicha@exemple.fr\n"
            + "A-2;Jean;Dupont;1950;masculin;n;retraité;\n"
        let lignes = try lire(texte)
        #expect(lignes.count == 2)
        let a = lignes[0].0
        #expect(a.identifiant == "A-1")
        #expect(a.prenom == "Aïcha")
        #expect(a.nom == "Benali")
        #expect(a.anneeNaissance == 1985)
        #expect(a.sexe == .feminin)
        #expect(a.qpv == .oui)
        #expect(a.statutSocial == .sansEmploi)
        #expect(a.email == "aicha@exemple.fr")
        #expect(a.creeLe == jour && a.creePar == 1)
        #expect(lignes[0].1 == nil)
        let b = lignes[1].0
        #expect(b.sexe == .masculin && b.qpv == .non && b.statutSocial == .retraite && b.email == nil)
    }

    @Test func virguleEtGuillemets() throws {
        let texte = "identifiant,prenom,nom,niveau_de_diplome,annee_naissance\n"
            + "A-1,\"Marie; Claire\",\"Le \"\"Petit\"\"\",\"CAP, BEP\",1970\n"
        let lignes = try lire(texte)
        #expect(lignes.count == 1)
        #expect(lignes[0].0.prenom == "Marie; Claire")
        #expect(lignes[0].0.nom == "Le \"Petit\"")
        #expect(lignes[0].0.niveauDiplome == "CAP, BEP")
        #expect(lignes[0].0.anneeNaissance == 1970)
    }

    @Test func crlfLignesVidesEtRetourALaLigneCite() throws {
        let texte = "identifiant;prénom;niveau de diplôme\r\n\r\nA-1;Awa;\"Bac pro\"\r\n\r\nA-2;Lou;\r\n"
        let lignes = try lire(texte)
        #expect(lignes.map(\.0.identifiant) == ["A-1", "A-2"])
        #expect(lignes[0].0.niveauDiplome == "Bac pro")
        #expect(lignes[1].0.niveauDiplome == nil)
        // A line break quoted in a cell stays in its record (the error is on line 3, the next record
        // is still read), and is refused in an identity field (``RegleTexte``).
        let coupe = "identifiant;prénom;niveau de diplôme\r\n\r\nA-1;Awa;\"Bac\r\npro\"\r\nA-2;Lou;\r\n"
        #expect { try lire(coupe) } throws: { erreur in
            let description = String(describing: erreur)
            return description.contains("ligne 3, champ « niveau de diplôme »") && description.contains("retour à la ligne")
                && !description.contains("ligne 5")
        }
    }

    @Test func identifiantsGeneres() throws {
        let texte = "identifiant;pseudonyme;sexe;qpv\n;Étoile;;\nB-7;Lune;A;NC\n;Soleil;non communiqué;o\n"
        let lignes = try lire(texte)
        #expect(lignes.map(\.0.identifiant) == ["A-100", "B-7", "A-101"])
        #expect(lignes[0].0.sexe == .nonCommunique && lignes[0].0.qpv == .nonCommunique)
        #expect(lignes[1].0.sexe == .autre)
        #expect(lignes[2].0.qpv == .oui)
        let sansColonne = try lire("prénom\nAnne\nPaul\n")
        #expect(sansColonne.map(\.0.identifiant) == ["A-100", "A-101"])
    }

    @Test func consentements() throws {
        let lignes = try lire("identifiant;consentement suivi;consentement_badges;Consentement statistiques\nA-1;oui;non;oui\nA-2;non;;non\n")
        #expect(lignes[0].1 == Consentement(apprenantId: 0, date: jour, suivi: true, badges: false, statistiques: true, auteurId: 1))
        #expect(lignes[1].1?.suivi == false)
    }

    @Test func toutesLesLignesFautivesSontSignalees() {
        let texte = "identifiant;prénom;année de naissance;sexe;email;consentement suivi\n"
            + "A-1;Anne;1980;F;anne@exemple.fr;oui\n"
            + "A-2;Paul;mil neuf cent;M;;oui\n"
            + "A-3;Zoé;1990;Z;;oui\n"
            + "A-1;Léa;1890;F;pas-une-adresse;peut-être\n"
            + "A-4;Trop;1990;F;;oui;en plus\n"
        let trouvees = erreurs(texte)
        let resume = trouvees.map { "\($0.ligne)|\($0.champ ?? "-")" }
        #expect(resume.contains("3|année de naissance"))
        #expect(resume.contains("4|sexe"))
        #expect(resume.contains("5|identifiant"))
        #expect(resume.contains("5|année de naissance"))
        #expect(resume.contains("5|email"))
        #expect(resume.contains("5|consentement suivi"))
        #expect(resume.contains("6|-"))
        #expect(!trouvees.contains { $0.ligne == 2 })
        let doublon = trouvees.first { $0.ligne == 5 && $0.champ == "identifiant" }
        #expect(doublon?.message.contains("ligne 2") == true)
        let sexe = trouvees.first { $0.champ == "sexe" }!
        #expect(sexe.description.hasPrefix("apprenants.csv, ligne 4, champ « sexe » : « Z »"))
    }

    @Test func colonneInconnue() {
        let trouvees = erreurs("identifiant;prénom;couleur préférée\nA-1;Anne;bleu\n")
        #expect(trouvees.count == 1)
        #expect(trouvees[0].ligne == 1)
        #expect(trouvees[0].champ == "couleur préférée")
        #expect(trouvees[0].message.contains("couleur préférée"))
        #expect(trouvees[0].message.contains("année de naissance"))
    }

    @Test func pasUTF8() {
        var octets = Array("identifiant;prénom\n".utf8)
        octets += Array("A-1;Ren".utf8) + [0xE9] + Array("e\n".utf8)
        let trouvees = erreurs(Data(octets))
        #expect(trouvees.count == 1)
        #expect(trouvees[0].ligne == 2)
        #expect(trouvees[0].message.contains("UTF-8"))
        #expect(trouvees[0].message.contains("0xE9"))
    }

    @Test func fichierVide() {
        #expect(erreurs("").first?.message.contains("vide") == true)
        #expect((try? lire("identifiant;nom\n"))?.isEmpty == true)
    }

    @Test("Case géante, en-tête géant, UTF-16 : refus court, sans répéter le fichier (régressions de l'essai CLI hostile)")
    func entreesHostilesBornees() {
        let geante = erreurs("prénom;nom\n" + String(repeating: "x", count: 300_000) + ";y\n")
        #expect(geante.count == 1)
        #expect(geante.first?.ligne == 2)
        #expect(geante.first?.champ == "colonne 1")
        #expect(geante.first?.message.contains("300000 caractères") == true, "\(geante)")
        #expect((geante.first?.description.utf8.count ?? 0) < 400)

        let entete = erreurs(String(repeating: "é", count: 300_000) + ";nom\nA;B\n")
        #expect(entete.count == 1)
        #expect((entete.first?.description.utf8.count ?? 0) < 400, "\(entete.first?.description.prefix(500) ?? "")")

        // A header of 1 000 unknown columns: 1 000 errors, each short (the value is cut).
        let colonnes = erreurs(Array(repeating: String(repeating: "z", count: 5_000), count: 1000).joined(separator: ";") + "\n")
        #expect(colonnes.count == 1000)
        #expect(colonnes.allSatisfy { $0.description.utf8.count < 1_000 })

        let utf16 = erreurs(Data([0xFF, 0xFE]) + "prénom;nom\nAwa;Koné\n".data(using: .utf16LittleEndian)!)
        #expect(utf16.first?.message.contains("UTF-16") == true, "\(utf16)")
    }

    @Test("Format.citationsCourtes coupe les valeurs citées trop longues, pas le reste du message")
    func citationsCourtes() {
        #expect(Format.citationsCourtes("la valeur « abc » est fausse.") == "la valeur « abc » est fausse.")
        let long = String(repeating: "x", count: 500)
        let coupe = Format.citationsCourtes("la valeur « \(long) » est fausse ; écrivez « oui ».")
        #expect(coupe == "la valeur « \(String(repeating: "x", count: 80))… (500 caractères) » est fausse ; écrivez « oui ».")
        #expect(Format.citationsCourtes("« " + long) == "« " + long, "guillemet jamais fermé : rien n'est perdu")
    }
}

