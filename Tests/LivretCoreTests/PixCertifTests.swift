import Foundation
import Testing
@testable import LivretCore

@Suite("Lecture des résultats Pix Certif")
struct PixCertifTests {
    static let competences = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"]

    /// The header of a session-results export, as Pix Certif writes it.
    static func entete(complementaires: [String] = []) -> String {
        (["\"Numéro de certification\"", "\"Prénom\"", "\"Nom\"", "\"Date de naissance\"", "\"Lieu de naissance\"",
          "\"Identifiant Externe\"", "\"Statut\"", "\"Nombre de Pix\""]
            + competences.map { "\"\($0)\"" }
            + ["\"Commentaire jury pour l\u{2019}organisation\"", "\"Session\"", "\"Centre de certification\"",
               "\"Date de passage de la certification\""]
            + complementaires.map { "\"Certification \($0)\"" })
            .joined(separator: ";")
    }

    /// One data line; `niveaux` has the 16 competence cells.
    static func ligne(numero: String, prenom: String, nom: String, naissance: String = "12/04/1984", statut: String, score: String,
                      niveaux: [String], date: String, complementaires: [String] = []) -> String {
        ([numero, "\"\(prenom)\"", "\"\(nom)\"", "\"\(naissance)\"", "\"Roubaix\"", "\"ext-\(numero)\"", "\"\(statut)\"", score]
            + niveaux
            + ["\"\"", "4521", "\"Médiathèque de Roubaix\"", "\"\(date)\""]
            + complementaires.map { "\"\($0)\"" })
            .joined(separator: ";")
    }

    static let niveauxValidee = ["2", "1", "-", "3", "0", "1", "-", "2", "1", "-", "-", "1", "2", "-", "0", "1"]

    /// A full session: three candidates, the third with CléA Numérique; BOM, formula guard, both date formats.
    static let session = "\u{FEFF}" + entete(complementaires: ["CléA Numérique"]) + "\n"
        + ligne(numero: "101", prenom: "Aïcha", nom: "Benali", naissance: "12/04/1984", statut: "Validée", score: "312",
                niveaux: niveauxValidee, date: "21/11/2026 14:30", complementaires: [""]) + "\n"
        + ligne(numero: "102", prenom: "'@Jean", nom: "'=Bono", naissance: "03/09/1951", statut: "Rejetée", score: "0",
                niveaux: Array(repeating: "-", count: 16), date: "2026-11-21") + ";\"\"\n"
        + ligne(numero: "103", prenom: "Fatou", nom: "Diop", naissance: "27/02/1992", statut: "Validée", score: "NA",
                niveaux: Array(repeating: "1", count: 16), date: "21/11/2026", complementaires: ["Validée"]) + "\n"

    func lire(_ texte: String) throws -> ResultatsPixCertif {
        try LecturePixCertif.lire(Data(texte.utf8), fichier: "resultats-session-4521.csv", pix: Fixtures.catalogue().pix)
    }

    func erreurs(_ texte: String) throws -> [ErreurImport] {
        let pix = try Fixtures.catalogue().pix
        do {
            _ = try LecturePixCertif.lire(Data(texte.utf8), fichier: "resultats-session-4521.csv", pix: pix)
            Issue.record("une erreur était attendue")
            return []
        } catch {
            return error.erreurs
        }
    }

    @Test("Une session complète : trois candidats, statuts, niveaux, certification complémentaire")
    func sessionComplete() throws {
        let resultats = try lire(Self.session)
        #expect(resultats.lignes.count == 3)
        let jour = try #require(Jour("2026-11-21"))

        let a = resultats.lignes[0]
        #expect(a.ligne == 2)
        #expect(a.numero == "101")
        #expect(a.prenom == "Aïcha")
        #expect(a.nom == "Benali")
        #expect(a.identifiantExterne == "ext-101")
        #expect(a.statut == .validee)
        #expect(a.score == 312)
        #expect(a.niveaux == ["1.1": 2, "1.2": 1, "2.1": 3, "2.2": 0, "2.3": 1, "3.1": 2, "3.2": 1, "4.1": 1, "4.2": 2, "5.1": 0, "5.2": 1])
        #expect(a.niveaux["1.3"] == nil, "« - » : non testée, absente")
        #expect(a.niveaux["2.2"] == 0, "« 0 » : échouée")
        #expect(a.session == "4521")
        #expect(a.centre == "Médiathèque de Roubaix")
        #expect(a.date == jour)
        #expect(a.complementaires.isEmpty, "une cellule vide n'est pas une certification complémentaire")

        let b = resultats.lignes[1]
        #expect(b.statut == .rejetee)
        #expect(b.score == 0)
        #expect(b.niveaux.isEmpty)
        #expect(b.prenom == "@Jean", "garde-fou des formules retiré")
        #expect(b.nom == "=Bono")
        #expect(b.date == jour, "date AAAA-MM-JJ des anciens exports")

        let c = resultats.lignes[2]
        #expect(c.statut == .validee)
        #expect(c.score == nil, "« NA » : pas de score")
        #expect(c.niveaux.count == 16)
        #expect(c.date == jour, "date JJ/MM/AAAA sans heure")
        #expect(c.complementaires == ["CléA Numérique": "Validée"])
    }

    @Test("La date de naissance n'est jamais gardée")
    func pasDeDateDeNaissance() throws {
        let resultats = try lire(Self.session)
        let texte = String(describing: resultats) + String(reflecting: resultats)
        for naissance in ["12/04/1984", "03/09/1951", "27/02/1992", "1984-04-12", "1951", "1992"] {
            #expect(!texte.contains(naissance), "« \(naissance) » ne doit pas figurer dans le résultat")
        }
        let json = String(decoding: try JSONEncoder().encode(resultats.lignes), as: UTF8.self)
        #expect(!json.contains("1984") && !json.contains("naissance"))
    }

    @Test("Colonnes dans un autre ordre, en-têtes sans accents ni guillemets, séparateur ; et fin de ligne CRLF")
    func autreOrdre() throws {
        let texte = "Statut;Nom;Prenom;Numero de certification;Date de passage de la certification;"
            + Self.competences.joined(separator: ";") + ";Commentaire jury pour l'organisation\r\n"
            + "validée;Martin;Léa;200;05/01/2027 09:00;" + Array(repeating: "2", count: 16).joined(separator: ";") + ";\"RAS\"\r\n"
        let resultats = try lire(texte)
        let l = try #require(resultats.lignes.first)
        #expect(l.numero == "200")
        #expect(l.prenom == "Léa")
        #expect(l.statut == .validee)
        #expect(l.score == nil)
        #expect(l.identifiantExterne == nil)
        #expect(l.session == nil && l.centre == nil)
        #expect(l.date == Jour("2027-01-05"))
        #expect(l.niveaux.values.allSatisfy { $0 == 2 })
    }

    @Test("Les cinq statuts de Pix Certif sont reconnus")
    func statuts() throws {
        var texte = Self.entete() + "\n"
        for (i, statut) in ["Validée", "Rejetée", "Annulée", "En erreur", "Démarrée"].enumerated() {
            texte += Self.ligne(numero: "\(300 + i)", prenom: "P\(i)", nom: "N\(i)", statut: statut, score: "-",
                                niveaux: Array(repeating: "-", count: 16), date: "21/11/2026") + "\n"
        }
        let resultats = try lire(texte)
        #expect(resultats.lignes.map(\.statut) == [.validee, .rejetee, .annulee, .enErreur, .demarree])
        #expect(resultats.lignes.allSatisfy { $0.score == nil })
    }

    @Test("Statut inconnu : erreur avec ligne et colonne")
    func statutInconnu() throws {
        let texte = Self.entete() + "\n"
            + Self.ligne(numero: "101", prenom: "A", nom: "B", statut: "Validée", score: "100",
                         niveaux: Self.niveauxValidee, date: "21/11/2026") + "\n"
            + Self.ligne(numero: "102", prenom: "C", nom: "D", statut: "Réussie", score: "100",
                         niveaux: Self.niveauxValidee, date: "21/11/2026") + "\n"
        let erreurs = try erreurs(texte)
        #expect(erreurs.count == 1)
        let e = try #require(erreurs.first)
        #expect(e.ligne == 3)
        #expect(e.champ == "Statut")
        #expect(e.message.contains("Réussie"))
        #expect(e.message.contains("Validée"))
        #expect(e.description.contains("ligne 3"))
    }

    @Test("Niveau mal formé, hors plage, date et score illisibles : toutes les erreurs de toutes les lignes")
    func niveauxMalFormes() throws {
        var niveaux = Self.niveauxValidee
        niveaux[0] = "deux"
        niveaux[15] = "9"
        let texte = Self.entete() + "\n"
            + Self.ligne(numero: "101", prenom: "A", nom: "B", statut: "Validée", score: "beaucoup",
                         niveaux: niveaux, date: "21/11/2026") + "\n"
            + Self.ligne(numero: "102", prenom: "C", nom: "D", statut: "Validée", score: "10",
                         niveaux: Self.niveauxValidee, date: "31/02/2026") + "\n"
            + Self.ligne(numero: "101", prenom: "E", nom: "F", statut: "Validée", score: "10",
                         niveaux: Self.niveauxValidee, date: "2026-11-21") + "\n"
        let erreurs = try erreurs(texte)
        let lieux = erreurs.map { "\($0.ligne) \($0.champ ?? "")" }
        #expect(lieux == ["2 1.1", "2 5.2", "2 Nombre de Pix", "3 Date de passage de la certification", "4 Numéro de certification"])
        #expect(erreurs[0].message.contains("« deux »"))
        #expect(erreurs[1].message.contains("de 0 à 8"))
        #expect(erreurs[4].message.contains("ligne 2"))
    }

    @Test("Sans numéro de certification ou sans colonnes de compétences : ce n'est pas un export Pix Certif")
    func pasUnExport() throws {
        let orga = "\u{FEFF}\"Nom de l'organisation\";\"ID Campagne\";\"Nom du Participant\";\"Prénom du Participant\"\n"
            + "\"Observatoire de Pix\";1234;\"'=Bono\";\"'@Jean\"\n"
        let sansCompetences = "Numéro de certification;Prénom;Nom;Statut;Date de passage de la certification\n"
            + "101;A;B;Validée;21/11/2026\n"
        let sansNumero = "Prénom;Nom;Statut;Date de passage de la certification;" + Self.competences.joined(separator: ";") + "\n"
        for texte in [orga, sansCompetences, sansNumero, ""] {
            let erreurs = try erreurs(texte)
            #expect(erreurs.count == 1)
            #expect(erreurs.first?.ligne == 1)
            #expect(erreurs.first?.message.hasPrefix("ce fichier n'est pas un export de résultats Pix Certif") == true)
        }
    }

    @Test("Colonnes obligatoires ou compétences manquantes : signalées sur la ligne 1")
    func colonnesManquantes() throws {
        let texte = "Numéro de certification;Prénom;Nom;" + Self.competences.dropLast().joined(separator: ";") + "\n"
        let erreurs = try erreurs(texte)
        #expect(erreurs.allSatisfy { $0.ligne == 1 })
        #expect(erreurs.compactMap(\.champ) == ["Statut", "Date de passage de la certification"])
        #expect(erreurs.contains { $0.message.contains("5.2") })
    }

    @Test("Nombre de champs incohérent")
    func champsEnTrop() throws {
        let texte = Self.entete() + "\n"
            + Self.ligne(numero: "101", prenom: "A", nom: "B", statut: "Validée", score: "100",
                         niveaux: Self.niveauxValidee, date: "21/11/2026") + ";en trop\n"
        let erreurs = try erreurs(texte)
        #expect(erreurs.count == 1)
        #expect(erreurs.first?.ligne == 2)
        #expect(erreurs.first?.champ == nil)
    }
}
