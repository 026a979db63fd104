import Foundation
import LivretCore
import Testing

/// The grammar of identifiers and codes, and what names and notes may hold (``RegleTexte``).
@Suite("Règle des textes : identifiants, codes, noms, notes")
struct RegleTexteTests {
    @Test("La grammaire des codes", arguments: ["A-0001", "A-12345", "fen-2024", "smartphone_2024", "X", String(repeating: "a", count: 40)])
    func codesAcceptes(code: String) {
        #expect(RegleTexte.estCode(code))
        #expect(RegleTexte.problemeCode(code, champ: "l'identifiant") == nil)
    }

    @Test("Ce qui sortirait d'un dossier ou casserait une ligne est refusé",
          arguments: ["", "../../x", "/abs", "a\nb", "a b", "-a", "_a", ".a", "a.b", "é", "A\u{0}", String(repeating: "a", count: 41), "a/b", "a\\b"])
    func codesRefuses(code: String) throws {
        #expect(!RegleTexte.estCode(code))
        let message = try #require(RegleTexte.problemeCode(code, champ: "l'identifiant"))
        #expect(message.hasPrefix("l'identifiant"))
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 }, "le message ne recopie pas de caractère de contrôle")
        #expect(message.count < 250)
    }

    @Test("Un nom de fichier tiré d'un identifiant ne quitte jamais son dossier",
          arguments: ["../../x", "/abs", "..", ".", "", "a\nb", "-rf", String(repeating: "../", count: 100), "A-0001"])
    func nomDeFichier(code: String) {
        let nom = RegleTexte.nomDeFichier(code)
        #expect(RegleTexte.estCode(nom), "« \(nom) »")
        #expect(!nom.contains("/") && !nom.contains("."))
        if RegleTexte.estCode(code) { #expect(nom == code) }
    }

    @Test("Noms : tout alphabet, aucun caractère de contrôle, longueur bornée")
    func noms() {
        for nom in ["Awa", "Hélène", "Nguyễn", "محمد", "李", "O'Brien-Smith", "Zoé 😀"] {
            #expect(RegleTexte.probleme(nom, champ: "le prénom", maximum: RegleTexte.longueurNom) == nil, "\(nom)")
        }
        for nom in ["Eve\u{1B}[2J", "a\u{7}", "a\nb", "a\tb", "x\u{202E}y", "a\u{9B}b", "a\u{7F}", "a\u{2028}b"] {
            let message = RegleTexte.probleme(nom, champ: "le prénom", maximum: RegleTexte.longueurNom)
            #expect(message?.hasPrefix("le prénom contient") == true, "\(nom.debugDescription) → \(String(describing: message))")
        }
        let long = RegleTexte.probleme(String(repeating: "é", count: 120_000), champ: "le prénom", maximum: RegleTexte.longueurNom)
        #expect(long == "le prénom compte 120000 caractères ; écrivez-en au plus 80")
    }

    @Test("Notes et motifs : plusieurs lignes, mais pas de séquence d'échappement")
    func notes() {
        #expect(RegleTexte.probleme("ligne 1\nligne 2\tfin", champ: "la note", maximum: 4000, plusieursLignes: true) == nil)
        #expect(RegleTexte.probleme("a\r\nb", champ: "la note", maximum: 4000, plusieursLignes: true) != nil)
        #expect(RegleTexte.probleme("\u{1B}[2J", champ: "la note", maximum: 4000, plusieursLignes: true)?.contains("U+001B") == true)
    }

    @Test("L'apprenant : chaque problème dit son champ ; l'année de naissance future est refusée")
    func apprenant() {
        var apprenant = Apprenant(identifiant: "../x", prenom: "Eve\u{1B}", anneeNaissance: 2031, creeLe: Jour("2026-12-02")!, creePar: 1)
        apprenant.email = "pas-un-mail"
        let champs = apprenant.problemesParChamp(anneeCourante: 2026).map(\.champ)
        #expect(champs == ["identifiant", "prenom", "anneeNaissance", "email"])
        #expect(throws: ErreurRegle.self) { try apprenant.verifier(anneeCourante: 2026) }
    }

    @Test("Dates saisies : dans ce siècle ; un rattrapage hors dates, à moins d'un an de la cohorte")
    func dates() throws {
        #expect(throws: ErreurRegle.self) { try RegleDates.verifier(Jour("1970-01-01")!, champ: "--date") }
        #expect(throws: ErreurRegle.self) { try RegleDates.verifier(Jour("2200-01-01")!, champ: "--date") }
        try RegleDates.verifier(Jour("2024-03-04")!, champ: "--date")
        let cohorte = Cohorte(code: "c", parcoursId: 1, titre: "C", debut: Jour("2024-01-08")!, fin: Jour("2024-04-01")!, creePar: 1)
        try RegleSeance.verifierDate(Jour("2024-06-01")!, cohorte: cohorte, horsDates: true)
        #expect(throws: ErreurRegle.self) { try RegleSeance.verifierDate(Jour("2025-06-01")!, cohorte: cohorte, horsDates: true) }
        #expect(throws: ErreurRegle.self) { try RegleSeance.verifierDate(Jour("2022-12-01")!, cohorte: cohorte, horsDates: true) }
    }

    @Test("Un appel compte une ligne par personne")
    func appel() throws {
        try RegleSeance.verifierUneLigneParPersonne(["A-0001", "A-0002"])
        #expect(throws: ErreurRegle.self) { try RegleSeance.verifierUneLigneParPersonne(["A-0012", "A-0001", "A-0012"]) }
    }

    @Test("Import CSV : un octet nul ou un identifiant hors grammaire nomme la ligne et la colonne")
    func importCSV() throws {
        let donnees = Data("identifiant;prénom\n../x;Awa\nA-0002;Léa\u{0}Evil\n".utf8)
        do {
            _ = try ImportApprenantsCSV.lire(donnees, fichier: "a.csv", creeLe: Jour("2024-01-08")!, creePar: 1, anneeCourante: 2024,
                                            identifiantSuivant: { Apprenant.identifiantLocal(numero: $0 + 1) })
            Issue.record("le fichier devait être refusé")
        } catch {
            let lignes = error.erreurs.map(\.description)
            #expect(lignes.count == 2, "\(lignes)")
            #expect(lignes.first?.hasPrefix("a.csv, ligne 2, champ « identifiant »") == true, "\(lignes)")
            #expect(lignes.last?.hasPrefix("a.csv, ligne 3, champ « prénom »") == true, "\(lignes)")
        }
    }
}
