import Foundation
import Testing

/// The frame of the command line is French too: the help of every command, what ArgumentParser
/// writes by itself (usage line, sections, `--help` and `--version`, defaults) and every kind of
/// error of the command line, with the usage line and where the help is.
@Suite("Aide et erreurs de la ligne de commande, en français")
struct AideFrancaiseCLITests {
    /// English words of ArgumentParser's frame that must never reach the user. « OPTIONS » and
    /// « ARGUMENTS » are French too: only their English form (no space before the colon) is banned;
    /// « version » is French: only the library's sentences about it are.
    static let anglais = [
        "USAGE", "Usage:", "OVERVIEW", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS", "ubcommand", "default:", "(default",
        "values:", "Show ", "Missing", "Unknown", "Unexpected", "Error:", "See '", "Help:", "help information",
        "the version", "Unspecified version", "for more information", "for detailed help", "is invalid", "Please ",
        "Did you mean", "does not take", "Can't",
    ]

    static func anglaisDans(_ texte: String) -> [String] {
        anglais.filter { texte.contains($0) }
    }

    /// Every command path of `livret`, read from ArgumentParser's own description of the tree
    /// (`--experimental-dump-help`), so a new command is covered without touching this test.
    static func commandes() throws -> [[String]] {
        let resultat = try ExecutableLivret.lancer(["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: resultat.sortieOctets) as? [String: Any])
        var chemins: [[String]] = []
        func parcourir(_ commande: [String: Any], _ chemin: [String]) {
            chemins.append(chemin)
            for sous in commande["subcommands"] as? [[String: Any]] ?? [] {
                if let nom = sous["commandName"] as? String { parcourir(sous, chemin + [nom]) }
            }
        }
        parcourir(try #require(json["command"] as? [String: Any]), [])
        return chemins
    }

    @Test("L'aide de chaque commande et sous-commande (--help, livret help …) est en français, sans cadre anglais")
    func aideDeChaqueCommande() throws {
        let chemins = try Self.commandes()
        #expect(chemins.count > 50, "l'arbre des commandes semble incomplet : \(chemins)")
        var demandes: [[String]] = []
        for chemin in chemins {
            demandes.append(chemin + ["--help"])
            if chemin.count == 1 { demandes.append(chemin + ["-h"]) }
            if !chemin.isEmpty && chemin != ["help"] { demandes.append(["help"] + chemin) }
        }
        // About 130 runs of the binary: two at a time.
        let resultats = Resultats(nombre: demandes.count)
        let toutes = demandes
        DispatchQueue.concurrentPerform(iterations: toutes.count) { i in
            resultats.ranger(i, Result { try ExecutableLivret.lancer(toutes[i]) })
        }
        for resultat in try resultats.tous() {
            #expect(resultat.statut == 0, "\(resultat)")
            #expect(resultat.erreur.isEmpty, "\(resultat)")
            #expect(resultat.sortie.contains("UTILISATION : livret"), "\(resultat)")
            #expect(Self.anglaisDans(resultat.sortie).isEmpty, "anglais \(Self.anglaisDans(resultat.sortie)) :\n\(resultat)")
        }
    }

    /// The results of runs made in parallel, each in its place.
    final class Resultats: @unchecked Sendable {
        private var valeurs: [Result<ExecutableLivret.Resultat, any Error>?]
        private let verrou = NSLock()

        init(nombre: Int) { valeurs = Array(repeating: nil, count: nombre) }

        func ranger(_ i: Int, _ valeur: Result<ExecutableLivret.Resultat, any Error>) {
            verrou.withLock { valeurs[i] = valeur }
        }

        func tous() throws -> [ExecutableLivret.Resultat] {
            try verrou.withLock { try valeurs.map { try #require($0).get() } }
        }
    }

    @Test("L'aide traduit ce que la bibliothèque ajoute : sections, --help, --version, valeur par défaut")
    func cadreTraduit() throws {
        let racine = try ExecutableLivret.lancer(["--help"])
        for attendu in ["UTILISATION : livret <commande>", "OPTIONS :", "COMMANDES :", "-h, --help              Afficher cette aide.",
                        "--version               Afficher la version.", "Voir « livret <commande> --help »"] {
            #expect(racine.sortie.contains(attendu), "« \(attendu) » manque :\n\(racine)")
        }
        let rapport = try ExecutableLivret.lancer(["rapport", "--help"])
        #expect(rapport.sortie.contains("SOUS-COMMANDES :"), "\(rapport)")
        #expect(rapport.sortie.contains("synthese (par défaut)"), "\(rapport)")
        let ajouter = try ExecutableLivret.lancer(["seance", "ajouter", "--help"])
        #expect(ajouter.sortie.contains("ARGUMENTS :\n  <cohorte>"), "\(ajouter)")
        // A default the help text does not already give is added in French.
        let exporter = try ExecutableLivret.lancer(["referentiel", "exporter", "--help"])
        #expect(exporter.sortie.contains("Le format de sortie (json). (par défaut : json)"), "\(exporter)")
    }

    @Test("La version et les scripts de complétion", arguments: ["bash", "zsh", "fish"])
    func completion(interpreteur: String) throws {
        let resultat = try ExecutableLivret.lancer(["--generate-completion-script", interpreteur])
        #expect(resultat.statut == 0, "\(resultat)")
        // The script's code speaks of « subcommand »; what the user reads is the descriptions.
        for mot in ["Show ", "help information", "the version"] {
            #expect(!resultat.sortie.contains(mot), "« \(mot) » dans le script \(interpreteur)")
        }
        if interpreteur != "bash" {  // bash completions carry no descriptions
            #expect(resultat.sortie.contains("Afficher cette aide."), "\(interpreteur)")
        }
        let version = try ExecutableLivret.lancer(["--version"])
        #expect(version.sortie == "0.1.0\n", "\(version)")
    }

    struct Cas: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var attendu: String
        /// The command whose usage line follows the message.
        var commande: String
        var testDescription: String { "livret " + arguments.joined(separator: " ") }
    }

    @Test("Chaque sorte d'erreur de la ligne de commande : message français, utilisation, aide, code 64", arguments: [
        Cas(arguments: ["seance", "ajouter"], attendu: "Erreur : il manque l'argument <cohorte>.\nAide : <cohorte>  Le code de la cohorte.",
            commande: "livret seance ajouter"),
        Cas(arguments: ["seance", "ajouter", "fen-2024"], attendu: "il manque l'option obligatoire --duree <duree>.",
            commande: "livret seance ajouter"),
        Cas(arguments: ["cohorte", "lister", "--inconnue"], attendu: "l'option --inconnue n'existe pas pour « livret cohorte lister ».",
            commande: "livret cohorte lister"),
        Cas(arguments: ["cohorte", "lister", "--bas", "x.sqlite"], attendu: "Vouliez-vous dire --base ?", commande: "livret cohorte lister"),
        Cas(arguments: ["cohorte", "lister", "en-trop"], attendu: "1 argument en trop pour « livret cohorte lister » : « en-trop ».",
            commande: "livret cohorte lister"),
        Cas(arguments: ["cohorte", "lister", "a", "b"], attendu: "2 arguments en trop pour « livret cohorte lister » : « a », « b ».",
            commande: "livret cohorte lister"),
        Cas(arguments: ["seanse"], attendu: "« seanse » n'est pas une commande de livret. Vouliez-vous dire « seance » ?",
            commande: "livret"),
        Cas(arguments: ["seance", "ajoutr"], attendu: "« ajoutr » n'est pas une sous-commande de « livret seance ».",
            commande: "livret seance"),
        Cas(arguments: ["cohorte", "lister", "--base"], attendu: "il manque la valeur de l'option --base <CHEMIN>.",
            commande: "livret cohorte lister"),
        Cas(arguments: ["rapport", "--format", "pdf"],
            attendu: "la valeur « pdf » ne convient pas pour --format <format>. Valeurs possibles : texte, csv, json, html ou xlsx.",
            commande: "livret rapport synthese"),
        Cas(arguments: ["rapport", "--seuil", "abc"], attendu: "la valeur « abc » ne convient pas pour --seuil <seuil>.",
            commande: "livret rapport synthese"),
        Cas(arguments: ["rapport", "--sans-secret=oui"], attendu: "l'option --sans-secret ne prend pas de valeur (« oui » a été donné)",
            commande: "livret rapport synthese"),
        Cas(arguments: ["rapport", "-sx"], attendu: "l'option -sx n'existe pas", commande: "livret rapport synthese"),
        Cas(arguments: ["cohorte", "lister", "---x"], attendu: "l'option ---x n'est pas valable.", commande: "livret"),
        Cas(arguments: ["--generate-completion-script", "tcsh"],
            attendu: "pas de script de complétion pour « tcsh ». Indiquez --generate-completion-script=<shell> avec zsh, bash ou fish.",
            commande: "livret"),
        Cas(arguments: ["help", "inconnue"], attendu: "« inconnue » n'est pas une commande de livret.", commande: "livret"),
        Cas(arguments: ["rapport", "--cohorte", "a", "--parcours", "b"], attendu: "Choisissez --cohorte ou --parcours, pas les deux.",
            commande: "livret rapport synthese"),
    ])
    func erreur(cas: Cas) throws {
        let resultat = try ExecutableLivret.lancer(cas.arguments)
        #expect(resultat.statut == 64, "\(resultat)")
        #expect(resultat.sortie.isEmpty, "\(resultat)")
        #expect(resultat.erreur.hasPrefix("Erreur : "), "\(resultat)")
        #expect(resultat.erreur.contains(cas.attendu), "« \(cas.attendu) » manque :\n\(resultat)")
        #expect(resultat.erreur.contains("\nUtilisation : \(cas.commande)"), "\(resultat)")
        #expect(resultat.erreur.hasSuffix("\nVoir « \(cas.commande) --help » pour en savoir plus.\n"), "\(resultat)")
        #expect(Self.anglaisDans(resultat.erreur).isEmpty, "anglais \(Self.anglaisDans(resultat.erreur)) :\n\(resultat)")
    }
}
