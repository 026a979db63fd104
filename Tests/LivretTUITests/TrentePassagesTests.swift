import LivretCore
import LivretStore
import LivretTerminal
@testable import LivretTUI
import LivretTestSupport
import Testing

/// A busy permanence afternoon with a queue at the door: 30 walk-ins noted by key presses only —
/// 20 anonymous people of different sexes, age bands and durations, 10 people followed found by
/// typing 3 letters of their name — then the base must hold exactly those 30 accompaniments.
///
/// The keys are counted: at a steady 2 keys per second (a formatrice who looks at the person,
/// not at the keyboard), the 30 visits must take under two minutes, so at most 240 keys. No clock
/// is read: the count is what the test holds.
@Suite("Trente passages à la permanence, au clavier")
struct TrentePassagesTests {
    /// One walk-in as the test types it.
    enum Passage {
        /// Sex key, age digit (0: not given), duration typed (nil: the one filled in), thématiques typed.
        case anonyme(Character, Int, String?, String?)
        /// Three letters of the name, the first name expected, duration typed (nil: the one filled in).
        case suivie(String, String, String?)
    }

    static let passages: [Passage] = [
        .anonyme("f", 3, nil, nil), .anonyme("m", 5, "1h30", nil), .suivie("fat", "Fatou", nil), .anonyme("f", 6, nil, "demarches"),
        .anonyme("f", 7, "3", nil), .suivie("hir", "Hirondelle", "1"), .anonyme("m", 4, nil, nil), .anonyme("a", 2, "45", nil),
        .suivie("yas", "Yasmina", nil), .anonyme("n", 0, "2", nil), .anonyme("f", 4, nil, nil), .suivie("cam", "Camomille", nil),
        .anonyme("m", 6, "1,5", "email"), .anonyme("f", 5, nil, nil), .suivie("mel", "Mélanie", "3"), .anonyme("m", 3, nil, nil),
        .anonyme("f", 1, "1", nil), .suivie("luc", "Lucas", nil), .anonyme("f", 5, "2", nil), .anonyme("m", 7, nil, nil),
        .suivie("odi", "Odile", nil), .anonyme("n", 4, nil, nil), .anonyme("f", 3, "3", nil), .suivie("kar", "Karim", nil),
        .anonyme("m", 5, nil, nil), .anonyme("f", 6, "1h30", nil), .suivie("mer", "Inès", nil), .anonyme("a", 0, nil, nil),
        .suivie("rou", "Claude", "2"), .anonyme("f", 4, nil, nil),
    ]

    @Test func trentePassagesEnMoinsDeDeuxMinutes() throws {
        #expect(Self.passages.count == 30)
        let banc = try Banc()
        var touches = 0
        func presser(_ texte: String) {
            for c in texte {
                banc.taper(c == "\n" ? .entree : c == "\t" ? .tabulation : .caractere(c))
                touches += 1
            }
        }
        presser("P")
        #expect(banc.titre == "Permanence du jour")

        // What each visit must be in the base: who, how long.
        var attendus: [(anonyme: PersonneAnonyme?, prenom: String?, minutes: Int, themes: [ThematiqueCoop])] = []
        var derniere = 120
        for passage in Self.passages {
            switch passage {
            case .anonyme(let sexe, let chiffre, let duree, let themes):
                presser("a\(sexe)\(chiffre)" + (duree ?? "") + (themes.map { "\t" + $0 } ?? "") + "\n")
                let s: Sexe = ["f": .feminin, "m": .masculin, "a": .autre, "n": .nonCommunique][sexe]!
                let naissance = chiffre == 0 ? nil : TranchesAge.parDefaut.naissances(rang: chiffre - 1, annee: Banc.jour.annee)
                derniere = duree.flatMap(SaisiePassage.minutes) ?? derniere
                attendus.append((PersonneAnonyme(sexe: s, naissance: naissance), nil, derniere,
                                 themes.map { [ThematiqueCoop.depuisSaisie($0)!] } ?? []))
            case .suivie(let lettres, let prenom, let duree):
                #expect(lettres.count <= 3)
                presser("n\(lettres)\n" + (duree ?? "") + "\n")
                derniere = duree.flatMap(SaisiePassage.minutes) ?? derniere
                attendus.append((nil, prenom, derniere, []))
            }
            #expect(!banc.erreur, "\(passage) : \(banc.message)")
            #expect(banc.message.hasPrefix("Passage noté"), "\(passage) : \(banc.message)")
        }

        let notes = try banc.db.accompagnements(du: Banc.jour, au: Banc.jour)
        try #require(notes.count == 30)
        let apprenants = try banc.db.apprenants()
        for (lu, attendu) in zip(notes, attendus) {
            let a = lu.accompagnement
            #expect(a.date == Banc.jour)
            #expect(a.type == .permanence)
            #expect(a.lieu == .structure && a.lieuNom == nil)
            #expect(lu.intervenant == Banc.formateur)
            #expect(a.minutes == attendu.minutes, "\(PresentationPassage.personne(lu))")
            #expect(a.thematiques == attendu.themes)
            #expect(a.anonyme == attendu.anonyme)
            if let prenom = attendu.prenom {
                let apprenant = apprenants.first { $0.id == a.apprenantId }
                #expect((apprenant?.prenom ?? apprenant?.pseudonyme) == prenom, "\(lu)")
            } else {
                #expect(a.apprenantId == nil)
            }
        }
        #expect(notes.filter { $0.accompagnement.anonyme != nil }.count == 20)
        #expect(Set(notes.compactMap(\.accompagnement.apprenantId)).count == 10)
        #expect(banc.ecran.contains("30 passages"), "\(banc.ecran)")

        // Two keys a second: under two minutes.
        let secondes = Double(touches) / 2
        #expect(touches <= 240, "\(touches) touches : \(secondes) s à 2 touches par seconde")
        #expect(touches == 178, "le compte documenté dans le rapport : \(touches)")
    }
}
