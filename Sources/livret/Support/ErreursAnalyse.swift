import ArgumentParser
import Foundation
import LivretCore

/// The errors of the command line itself (a missing argument, an unknown option, a value that does
/// not fit…) said in French, followed by the command's usage line and where to find its help.
///
/// ArgumentParser's error type is not public: what it gives is its English message
/// (`message(for:)`), whose forms are fixed in its source (`ErrorMessageGenerator`). Each form is
/// recognised here and said again in French, the argument named, with what to do; the arguments'
/// help and possible values come from ``DescriptionCommande``. A message of no known form (a
/// `ValidationError` thrown by a command, already in French) is kept as it is. The end-to-end
/// tests (`ErreursAnalyseCLITests`) produce each form, so a change of wording in the library is seen.
enum ErreursAnalyse {
    /// What `livret` writes on standard error (after « Erreur : ») for an error of the command line.
    static func message(pour erreur: any Error) -> String {
        guard Livret.exitCode(for: erreur) == .validationFailure else {
            // Not an error of the command line but one thrown while running: its own message.
            let complet = Livret.fullMessage(for: erreur)
            return complet.hasPrefix("Error: ") ? String(complet.dropFirst("Error: ".count)) : complet
        }
        let anglais = Livret.message(for: erreur)
        let complet = Livret.fullMessage(for: erreur)
        guard let racine = DescriptionCommandes.racine else { return anglais }
        let chemin = DescriptionCommandes.chemin(duTexte: complet, depuis: racine) ?? [racine]
        let (texte, argument) = traduire(anglais, chemin: chemin)
        return texte + "\n" + suite(chemin, argument: argument)
    }

    /// The lines after the message: the argument concerned and its help, the usage line, the help command.
    static func suite(_ chemin: [DescriptionCommande], argument: DescriptionArgument? = nil) -> String {
        var lignes: [String] = []
        if let argument, let resume = argument.resume, !resume.isEmpty {
            lignes.append("Aide : \(AideFrancaise.etiquette(argument))  \(resume)")
        }
        lignes.append("Utilisation : " + AideFrancaise.utilisation(chemin))
        lignes.append("Voir « \(chemin.map(\.nom).joined(separator: " ")) --help » pour en savoir plus.")
        return lignes.joined(separator: "\n")
    }

    /// The French message for ArgumentParser's English `message`, and the argument it is about.
    static func traduire(_ message: String, chemin: [DescriptionCommande]) -> (String, DescriptionArgument?) {
        let commande = chemin.last
        let nomCommande = "« " + chemin.map(\.nom).joined(separator: " ") + " »"
        func argument(_ synopsis: String) -> DescriptionArgument? {
            commande?.argument(String(synopsis.split(separator: " ").first ?? ""))
        }
        let lignes = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let premiere = lignes.first ?? ""

        if let m = premiere.wholeMatch(of: /Missing expected argument '(.+)'/) {
            let cible = String(m.1)
            let quoi = cible.hasPrefix("-") ? "l'option obligatoire" : "l'argument"
            return ("il manque \(quoi) \(cible).", argument(cible))
        }
        if let m = premiere.wholeMatch(of: /Missing one of: '(.+)'/) {
            let cibles = m.1.components(separatedBy: "', '")
            return ("il manque l'un de ces arguments : \(cibles.joined(separator: ", ")).", nil)
        }
        if let m = premiere.wholeMatch(of: /Unknown option '(.+?)'(?:\. Did you mean '(.+)'\?)?/) {
            var texte = "l'option \(m.1) n'existe pas pour \(nomCommande)."
            if let suggestion = m.2 { texte += " Vouliez-vous dire \(suggestion) ?" }
            if lignes.count > 1, let ou = lignes[1].wholeMatch(of: /\s*or: Missing value for '(.+)' in '(.+)'/) {
                texte += " Ou bien il manque la valeur de \(ou.1) dans \(ou.2)."
            }
            return (texte, nil)
        }
        if let m = premiere.wholeMatch(of: /Missing value for '(.+)'/) {
            let cible = String(m.1)
            return ("il manque la valeur de l'option \(cible).", argument(cible))
        }
        if let m = premiere.wholeMatch(of: /The option '(.+)' does not take any value, but '(.*)' was specified\./) {
            return ("l'option \(m.1) ne prend pas de valeur (« \(m.2) » a été donné) : écrivez \(m.1) seule.", argument(String(m.1)))
        }
        if let m = premiere.wholeMatch(of: /Unexpected argument '(.*)'/) {
            return (enTrop([String(m.1)], chemin: chemin), nil)
        }
        if let m = premiere.wholeMatch(of: /\d+ unexpected arguments: '(.*)'/) {
            return (enTrop(m.1.components(separatedBy: "', '"), chemin: chemin), nil)
        }
        if let m = premiere.wholeMatch(of: /Value to be set with (.+) had already been set with (.+)/) {
            let nouveau = premiereCitation(String(m.1)), ancien = premiereCitation(String(m.2))
            return ("\(nouveau) et \(ancien) s'excluent : n'en donnez qu'une.", nil)
        }
        if let m = message.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(.*)/.dotMatchesNewlines()) {
            return (valeurInvalide(String(m.1), pour: String(m.2), reste: String(m.3), argument: argument(String(m.2))), argument(String(m.2)))
        }
        if let m = message.wholeMatch(of: /The value '(.*)' is invalid\.(.*)/.dotMatchesNewlines()) {
            return (valeurInvalide(String(m.1), pour: nil, reste: String(m.2), argument: nil), nil)
        }
        if let m = premiere.wholeMatch(of: /Invalid option: (.+)/) {
            return ("l'option \(m.1) n'est pas valable.", nil)
        }
        if premiere == "Missing required subcommand." {
            return ("il manque la sous-commande : choisissez-en une ci-dessous.", nil)
        }
        if let m = premiere.wholeMatch(of: /Can't generate completion scripts for '(.+)'\./) {
            return ("pas de script de complétion pour « \(m.1) ». " + interpreteurs(lignes), nil)
        }
        if premiere == "Can't autodetect a supported shell." {
            return ("impossible de reconnaître votre interpréteur de commandes. " + interpreteurs(lignes), nil)
        }
        if premiere.hasPrefix("Internal error.") {
            return ("erreur interne de l'analyse de la ligne de commande.", nil)
        }
        // A ValidationError of a command: already in French.
        return (message, nil)
    }

    /// Words left over: an unknown (sub)command when the command has some, otherwise arguments too many.
    static func enTrop(_ valeurs: [String], chemin: [DescriptionCommande]) -> String {
        let nomCommande = "« " + chemin.map(\.nom).joined(separator: " ") + " »"
        if let commande = chemin.last, let premiere = valeurs.first, !premiere.hasPrefix("-") {
            let noms = commande.sousCommandes.map(\.nom).filter { $0 != "help" }
            if !noms.isEmpty {
                let quoi = chemin.count == 1 ? "une commande de livret" : "une sous-commande de \(nomCommande)"
                var texte = "« \(premiere) » n'est pas \(quoi)."
                if let proche = plusProche(premiere, parmi: noms) { texte += " Vouliez-vous dire « \(proche) » ?" }
                return texte
            }
        }
        let liste = valeurs.map { "« \($0) »" }.joined(separator: ", ")
        return "\(Accord.nombre(valeurs.count, "argument")) en trop pour \(nomCommande) : \(liste)."
    }

    private static func valeurInvalide(_ valeur: String, pour cible: String?, reste: String, argument: DescriptionArgument?) -> String {
        var texte = "la valeur « \(valeur) » ne convient pas" + (cible.map { " pour \($0)" } ?? "")
        if let valeurs = argument?.valeursPossibles, !valeurs.isEmpty {
            texte += ". Valeurs possibles : " + Self.liste(valeurs) + "."
        } else if reste.hasPrefix(": ") {
            texte += " : " + reste.dropFirst(2)
        } else {
            texte += "."
        }
        return texte
    }

    /// « Choisissez … avec zsh, bash ou fish. », from the shells the library lists on its last line.
    private static func interpreteurs(_ lignes: [String]) -> String {
        let noms = (lignes.last ?? "").split(separator: " ").map(String.init)
        return "Indiquez --generate-completion-script=<shell> avec " + liste(noms) + "."
    }

    /// « a, b ou c ».
    static func liste(_ mots: [String]) -> String {
        guard mots.count > 1, let dernier = mots.last else { return mots.first ?? "" }
        return mots.dropLast().joined(separator: ", ") + " ou " + dernier
    }

    /// The first 'quoted' word of `texte` (« flag '--a' » gives --a).
    private static func premiereCitation(_ texte: String) -> String {
        texte.firstMatch(of: /'([^']+)'/).map { String($0.1) } ?? texte
    }

    /// The name of `noms` closest to `mot`, when it is close enough to be a typing slip.
    static func plusProche(_ mot: String, parmi noms: [String]) -> String? {
        let meilleurs = noms.map { ($0, distance(mot, $0)) }.min { $0.1 < $1.1 }
        guard let (nom, d) = meilleurs, d <= max(1, min(3, mot.count / 3)) else { return nil }
        return nom
    }

    /// Levenshtein distance, in characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var precedente = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var courante = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                courante[j] = min(precedente[j] + 1, courante[j - 1] + 1, precedente[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            precedente = courante
        }
        return a.isEmpty ? b.count : precedente[b.count]
    }
}
