import Foundation
import LivretCore
import LivretReferentiels
import Testing

/// Hostile input for every reader of Core: garbage, truncation, wrong encodings, huge lines,
/// and seeded random mutations of valid files. Each reader must answer with its own error type
/// (or a value) — never crash, never hang.
@Suite("Corpus hostile : aucun lecteur ne plante")
struct CorpusHostileTests {
    /// Deterministic mutations, the same on every machine (Livret's seeded generator).
    struct Hasard {
        var generateur: GenerateurDeterministe
        init(etat: UInt64) { generateur = GenerateurDeterministe(graine: etat) }
        mutating func suivant() -> UInt64 { generateur.next() }
        mutating func entier(_ n: Int) -> Int { Int(suivant() % UInt64(max(n, 1))) }
    }

    /// Fixed hostile files.
    static let corpus: [(String, Data)] = [
        ("vide", Data()),
        ("un octet nul", Data([0])),
        ("binaire", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })),
        ("latin-1", Data([0x70, 0x72, 0xE9, 0x6E, 0x6F, 0x6D, 0x3B, 0x6E, 0x6F, 0x6D, 0x0A, 0xC9, 0x6C, 0x6F, 0x64, 0x69, 0x65])),
        ("UTF-16 avec BOM", Data([0xFF, 0xFE, 0x70, 0x00, 0x72, 0x00])),
        ("BOM seul", Data([0xEF, 0xBB, 0xBF])),
        ("guillemet jamais fermé", Data("\"prénom;nom\nAwa;Koné\n".utf8)),
        ("ligne géante", Data(("prénom;nom\n" + String(repeating: "x", count: 2_000_000) + ";y\n").utf8)),
        ("mille colonnes", Data((Array(repeating: "a", count: 1000).joined(separator: ";") + "\n").utf8)),
        ("JSON profond", Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)),
        ("JSON tronqué", Data("{\"format\": \"livret.referentiel/1\", \"type\": \"aptic\", \"niveaux\": [{\"code\":".utf8)),
        ("nombres absurdes", Data("{\"format\": 1e999, \"type\": -0, \"code\": 123456789012345678901234567890}".utf8)),
    ]

    static func lecteurs() throws -> [(String, (Data) -> Void)] {
        let pix = try ReferentielsEmbarques.catalogue().pix
        let jour = Jour("2024-03-04")!
        return [
            ("référentiel", { _ = DocumentReferentiel.lire(fichier: "f.json", donnees: $0) }),
            ("JSON", { _ = try? AnalyseurJSON.analyser($0) }),
            ("CSV d'apprenants", { _ = try? ImportApprenantsCSV.lire($0, fichier: "f.csv", creeLe: jour, creePar: 1, anneeCourante: 2024,
                                                                    identifiantSuivant: { "A-\($0)" }) }),
            ("export Pix Orga", { _ = try? LecturePixOrga.lire($0, fichier: "f.csv", pix: pix) }),
            ("résultats Pix Certif", { _ = try? LecturePixCertif.lire($0, fichier: "f.csv", pix: pix) }),
        ]
    }

    @Test("Fichiers hostiles fixes")
    func corpusFixe() throws {
        for (nomLecteur, lire) in try Self.lecteurs() {
            for (nomFichier, donnees) in Self.corpus {
                lire(donnees)  // must return (value or error) without crashing
                _ = (nomLecteur, nomFichier)
            }
        }
    }

    @Test("Mutations aléatoires (graine fixe) de fichiers valides")
    func mutations() throws {
        let valides: [Data] = ReferentielsEmbarques.fichiers.map(\.donnees) + [
            Data("\u{FEFF}prénom;nom;année de naissance;sexe;qpv\nAwa;Koné;1987;féminin;oui\nLéo;;2008;masculin;non\n".utf8),
            Data("\"Nom de l'organisation\";\"ID Campagne\";\"Code\";\"Nom de la campagne\";\"Nom du Participant\";\"Prénom du Participant\";\"Envoi (O/N)\";\"Nombre de pix total\"\n\"O\";1;\"C\";\"N\";\"'=B\";\"'@J\";\"Oui\";52\n".utf8),
            Data("\"Numéro de certification\";\"Prénom\";\"Nom\";\"Statut\";\"Nombre de Pix\";\"1.1\";\"Date de passage de la certification\"\n\"1\";\"A\";\"B\";\"Validée\";\"190\";\"2\";\"20/02/2024\"\n".utf8),
        ]
        var hasard = Hasard(etat: 20_261_121)
        let lecteurs = try Self.lecteurs()
        for tour in 0..<600 {
            var octets = [UInt8](valides[tour % valides.count])
            for _ in 0..<(1 + hasard.entier(8)) {
                guard !octets.isEmpty else { break }
                let position = hasard.entier(octets.count)
                switch hasard.entier(5) {
                case 0: octets[position] = UInt8(truncatingIfNeeded: hasard.suivant())
                case 1: octets.remove(at: position)
                case 2: octets.insert(contentsOf: [0x22, 0x3B, 0x0A, 0x5C, 0x7B][hasard.entier(5)...].prefix(1), at: position)
                case 3: octets = Array(octets.prefix(position))
                default: octets.insert(contentsOf: octets[position..<min(octets.count, position + 64)], at: position)
                }
            }
            let donnees = Data(octets)
            for (_, lire) in lecteurs { lire(donnees) }
        }
    }
}
