import Foundation

/// Command-line options, parsed by hand.
struct Options {
    var apprenants = 100_000
    var cohortes = 2_000
    var preuves = 5_000_000
    var presences = 1_000_000
    /// Visits to permanences and appointments (a third anonymous).
    var accompagnements = 300_000
    var graine: UInt64 = 42
    var base: String?
    var repetitions = 20
    /// Only the terminal UI timings, on this existing base (a fresh process: its memory is the UI's).
    var interface: String?
    /// Only the network's timings (issue 22): synthetic extracts into PostgreSQL, reports, one structure's extract.
    var reseau = false
    /// Network scale: member structures, inscription records per structure and year, years.
    var structures = 2_000
    var inscriptionsParStructure = 1_000
    var annees = 3
    /// The network's PostgreSQL server (else `LIVRET_RESEAU_POSTGRES`, else a throwaway one).
    var postgres: String?

    static let aide = """
        Usage : livret-bench [--apprenants N] [--cohortes N] [--preuves N] [--presences N] [--accompagnements N]
                             [--graine N] [--base CHEMIN] [--repetitions N] [--petit]
               livret-bench --interface CHEMIN [--repetitions N]
               livret-bench --reseau [--structures N] [--inscriptions-par-structure N] [--annees N]
                                     [--postgres URL] [--graine N] [--repetitions N] [--petit]

          --apprenants N   apprenants à créer (défaut 100000)
          --cohortes N     cohortes (défaut 2000)
          --preuves N      preuves (défaut 5000000)
          --presences N    lignes de présence visées (défaut 1000000)
          --accompagnements N  passages en permanence et rendez-vous, un tiers anonymes (défaut 300000),
                           avec un questionnaire pour un sur cinq et un suivi à 3 mois pour un apprenant sur dix
          --graine N       graine du générateur (défaut 42)
          --base CHEMIN    fichier à créer (ne doit pas exister ; défaut : fichier temporaire, supprimé à la fin)
          --repetitions N  mesures par requête (défaut 20)
          --interface CHEMIN  seulement l'interface du formateur, sur une base existante
                           (créée avant avec --base) : temps et mémoire de ce seul processus,
                           puis chaque écran sur cette base et sur une cohorte de 1000 apprenants
                           (base temporaire créée par le banc)
          --reseau         seulement le réseau de structures (issue 22) : extraits synthétiques chargés
                           dans PostgreSQL (comparés à psql \\copy des mêmes lignes), rapport consolidé
                           protégé et audité, extrait d'une structure fait et signé, comparaison SQLite
          --structures N   structures membres du réseau (défaut 2000)
          --inscriptions-par-structure N  inscriptions par structure et par année (défaut 1000)
          --annees N       années d'extraits (défaut 3 : 6 millions d'inscriptions en tout)
          --postgres URL   serveur du réseau (postgres://…) ; défaut : LIVRET_RESEAU_POSTGRES, sinon un
                           serveur jetable (scripts/postgres-jetable), arrêté à la fin. Le banc y crée
                           une base neuve, supprimée à la fin.
          --petit          essai rapide : 1000 apprenants, 20 cohortes, 50000 preuves, 10000 présences ;
                           avec --reseau : 50 structures × 200 inscriptions × 1 année
        """

    /// Parses `arguments` (without the program name); returns a French message on error.
    static func lire(_ arguments: [String]) -> Result<Options, MessageErreur> {
        var options = Options()
        var reste = arguments[...]
        func valeur(_ nom: String) -> Result<String, MessageErreur> {
            guard let v = reste.popFirst() else { return .failure(.init("l'option \(nom) attend une valeur.")) }
            return .success(v)
        }
        func nombre(_ nom: String) -> Result<Int, MessageErreur> {
            valeur(nom).flatMap { v in
                guard let n = Int(v.replacingOccurrences(of: "_", with: "")), n >= 0 else {
                    return .failure(.init("l'option \(nom) attend un nombre positif, pas « \(v) »."))
                }
                return .success(n)
            }
        }
        while let option = reste.popFirst() {
            do {
                switch option {
                case "--apprenants": options.apprenants = try nombre(option).get()
                case "--cohortes": options.cohortes = try nombre(option).get()
                case "--preuves": options.preuves = try nombre(option).get()
                case "--presences": options.presences = try nombre(option).get()
                case "--accompagnements": options.accompagnements = try nombre(option).get()
                case "--graine": options.graine = UInt64(try nombre(option).get())
                case "--repetitions": options.repetitions = max(1, try nombre(option).get())
                case "--base": options.base = try valeur(option).get()
                case "--interface": options.interface = try valeur(option).get()
                case "--reseau": options.reseau = true
                case "--structures": options.structures = try nombre(option).get()
                case "--inscriptions-par-structure": options.inscriptionsParStructure = try nombre(option).get()
                case "--annees": options.annees = try nombre(option).get()
                case "--postgres": options.postgres = try valeur(option).get()
                case "--petit":
                    options.apprenants = 1_000
                    options.cohortes = 20
                    options.preuves = 50_000
                    options.presences = 10_000
                    options.accompagnements = 3_000
                    options.structures = 50
                    options.inscriptionsParStructure = 200
                    options.annees = 1
                case "-h", "--help", "--aide": return .failure(.init(aide, aide: true))
                default: return .failure(.init("option inconnue « \(option) ».\n\n" + aide))
                }
            } catch {
                return .failure(error)
            }
        }
        if options.apprenants < 1 || options.cohortes < 1 {
            return .failure(.init("il faut au moins un apprenant et une cohorte."))
        }
        if options.structures < 1 || options.inscriptionsParStructure < 1 || !(1...20).contains(options.annees) {
            return .failure(.init("il faut au moins une structure et une inscription par structure, et de 1 à 20 années."))
        }
        return .success(options)
    }
}

struct MessageErreur: Error {
    var texte: String
    var aide = false
    init(_ texte: String, aide: Bool = false) {
        self.texte = texte
        self.aide = aide
    }
}
