import LivretTerminal
import LivretTUI
import Testing

/// The screens on a small terminal (60×20) and a wide one (120×30), from the demo base: text
/// columns share the room, numbers are never cut, the least useful columns go first
/// (`Instantanes/<nom>-60x20.txt`, `<nom>-120x30.txt`).
@Suite("Écrans à 60×20 et 120×30")
struct TaillesTests {
    static let petit = Taille(largeur: 60, hauteur: 20)
    static let large = Taille(largeur: 120, hauteur: 30)

    @Test func accueil() throws {
        Instantanes.verifier(try Banc(taille: Self.petit).ecran, "accueil-60x20")
        Instantanes.verifier(try Banc(taille: Self.large).ecran, "accueil-120x30")
    }

    /// No cohort yet: what to do is said with the key to press, never with a command to type.
    @Test func accueilSansCohorte() throws {
        let banc = try Banc(demo: false, structure: "Centre social des Trois Ponts", taille: Self.petit)
        Instantanes.verifier(banc.ecran, "accueil-sans-cohorte-60x20")
        #expect(!banc.ecran.contains("livret "))
    }

    @Test func cohorte() throws {
        for (taille, nom) in [(Self.petit, "cohorte-60x20"), (Self.large, "cohorte-120x30")] {
            let banc = try Banc(taille: taille)
            banc.taper(.bas, .entree)
            #expect(banc.titre == "fen-2023")
            Instantanes.verifier(banc.ecran, nom)
        }
    }

    @Test func seances() throws {
        let banc = try Banc(taille: Self.petit)
        banc.ecrire("a")
        Instantanes.verifier(banc.ecran, "seances-60x20")
    }

    @Test func appel() throws {
        let banc = try Banc(taille: Self.petit)
        banc.ecrire("a")
        banc.taper(.entree)
        banc.ecrire("pe")
        Instantanes.verifier(banc.ecran, "appel-60x20")
    }

    @Test func certification() throws {
        let banc = try Banc(taille: Self.petit)
        banc.taper(.bas)
        banc.ecrire("c")
        Instantanes.verifier(banc.ecran, "certification-60x20")
    }

    @Test func badges() throws {
        let banc = try Banc(taille: Self.petit)
        banc.taper(.bas)
        banc.ecrire("b")
        Instantanes.verifier(banc.ecran, "badges-60x20")
    }

    @Test func rapport() throws {
        let banc = try Banc(taille: Self.petit)
        banc.ecrire("r")
        Instantanes.verifier(banc.ecran, "rapport-60x20")
        banc.ecrire("x")
        Instantanes.verifier(banc.ecran, "rapport-age-60x20")
    }

    /// No row of a table cuts a number: every figure drawn is whole (a digit is never followed by « … »).
    @Test func aucunNombreCoupe() throws {
        let banc = try Banc(taille: Self.petit)
        var ecrans = [banc.ecran]
        banc.taper(.bas, .entree)
        ecrans.append(banc.ecran)
        for touche in ["c", "b", "r"] {
            banc.taper(.echap)
            banc.ecrire(touche)
            ecrans.append(banc.ecran)
        }
        for ecran in ecrans {
            let coupes = ecran.split(separator: "\n").filter { ligne in
                zip(ligne, ligne.dropFirst()).contains { $0.isNumber && $1 == "…" }
            }
            #expect(coupes.isEmpty, "nombre coupé : \(coupes)")
        }
    }
}
