import ArgumentParser
import Foundation

/// The help of every command, written in French from ArgumentParser's description of the
/// command (``DescriptionCommande``): nothing of the library's English frame (« USAGE: »,
/// « Show help information. », « (default: …) », « See 'livret help <subcommand>' ») reaches the user.
///
/// The layout follows the library's: abstract and discussion, the usage line, then the sections
/// ARGUMENTS, OPTIONS and SOUS-COMMANDES, labels in a 26-column margin, text wrapped to the
/// terminal's width (`COLUMNS`, else the terminal, else 80).
enum AideFrancaise {
    static let retrait = 2
    static let colonneTexte = 26

    /// The French texts of what ArgumentParser adds by itself.
    static let resumeAide = "Afficher cette aide."
    static let resumeVersion = "Afficher la version."
    static let resumeCommandeAide = "Afficher l'aide d'une commande."
    static let resumeSousCommandesAide = "La commande (et ses sous-commandes) dont afficher l'aide."

    // MARK: - Help

    /// The French help of the last command of `chemin` (root first).
    static func texte(_ chemin: [DescriptionCommande], largeur: Int = largeurTerminal()) -> String {
        guard let commande = chemin.last else { return "" }
        let estCommandeAide = chemin.count == 2 && commande.nom == "help"
        var parties: [String] = []

        var entete = estCommandeAide ? resumeCommandeAide : (commande.resume ?? "")
        if let discussion = commande.discussion, !discussion.isEmpty, !estCommandeAide {
            entete += entete.isEmpty ? discussion : "\n\n" + discussion
        }
        if !entete.isEmpty { parties.append(envelopper(entete, largeur: largeur)) }

        let titreUtilisation = "UTILISATION : "
        parties.append(titreUtilisation + aligner(morceauxUtilisation(chemin), largeur: largeur, retrait: titreUtilisation.count))

        var positionnels: [String] = []
        var options: [String] = []
        var titrees: [(titre: String, elements: [String])] = []
        for argument in commande.arguments where argument.affiche {
            let element = elementArgument(argument, commandeAide: estCommandeAide, largeur: largeur)
            if let titre = argument.titreSection, !titre.isEmpty {
                if let i = titrees.firstIndex(where: { $0.titre == titre }) {
                    titrees[i].elements.append(element)
                } else {
                    titrees.append((titre, [element]))
                }
            } else if argument.genre == .positionnel {
                positionnels.append(element)
            } else {
                options.append(element)
            }
        }
        func section(_ titre: String, _ elements: [String]) {
            if !elements.isEmpty { parties.append(titre.uppercased() + " :\n" + elements.joined().trimmingTrailingNewlines()) }
        }
        section("Arguments", positionnels)
        for (titre, elements) in titrees { section(titre, elements) }
        section("Options", options)

        let sousCommandes = sousCommandesAffichees(commande, chemin: chemin)
        if !sousCommandes.isEmpty {
            section(chemin.count == 1 ? "Commandes" : "Sous-commandes", sousCommandes.map { sousCommande in
                var etiquette = sousCommande.nom
                if sousCommande.nom == commande.sousCommandeParDefaut { etiquette += " (par défaut)" }
                return element(etiquette, sousCommande.resume ?? "", largeur: largeur)
            })
            let noms = chemin.map(\.nom).joined(separator: " ")
            let quoi = chemin.count == 1 ? "<commande>" : "<sous-commande>"
            parties[parties.count - 1] += "\n\n" + envelopper("Voir « \(noms) \(quoi) --help » pour l'aide détaillée.",
                                                          largeur: largeur, retrait: retrait)
        }
        return parties.joined(separator: "\n\n").trimmingTrailingNewlines()
    }

    /// The subcommands listed in the help: not the `help` command ArgumentParser adds to the root
    /// (the library does not list it either).
    private static func sousCommandesAffichees(_ commande: DescriptionCommande, chemin: [DescriptionCommande]) -> [DescriptionCommande] {
        commande.sousCommandes.filter { !(chemin.count == 1 && $0.nom == "help") }
    }

    /// The usage line: « livret seance ajouter [--base <CHEMIN>] … <cohorte> --duree <duree> ».
    /// Beyond twelve arguments, the optional ones become « [<options>] », as the library does.
    static func utilisation(_ chemin: [DescriptionCommande]) -> String {
        morceauxUtilisation(chemin).joined(separator: " ")
    }

    /// The pieces of the usage line, which the help never cuts: « livret seance ajouter », « [--base <CHEMIN>] »…
    static func morceauxUtilisation(_ chemin: [DescriptionCommande]) -> [String] {
        guard let commande = chemin.last else { return [] }
        var morceaux = [chemin.map(\.nom).joined(separator: " ")]
        var arguments = commande.arguments.filter { $0.affiche && !$0.estAideOuVersion }
        if arguments.count > 12 {
            arguments = arguments.filter { $0.genre == .positionnel || !$0.facultatif }
            morceaux.append(arguments.isEmpty || arguments.count > 12 ? "<options>" : "[<options>]")
            if arguments.count > 12 { arguments = [] }
        }
        morceaux += arguments.map(synopsis)
        if !sousCommandesAffichees(commande, chemin: chemin).isEmpty {
            let quoi = chemin.count == 1 ? "<commande>" : "<sous-commande>"
            morceaux.append(commande.sousCommandeParDefaut == nil ? quoi : "[\(quoi)]")
        }
        return morceaux
    }

    /// `morceaux` on lines of at most `largeur` characters, the lines after the first indented by
    /// `retrait` (the first is written after a title of that width).
    static func aligner(_ morceaux: [String], largeur: Int, retrait: Int) -> String {
        var lignes: [String] = [], ligne = ""
        for morceau in morceaux {
            if !ligne.isEmpty && retrait + ligne.count + 1 + morceau.count > largeur {
                lignes.append(ligne)
                ligne = morceau
            } else {
                ligne += (ligne.isEmpty ? "" : " ") + morceau
            }
        }
        lignes.append(ligne)
        return lignes.joined(separator: "\n" + String(repeating: " ", count: retrait))
    }

    /// How an argument is written in the usage line: « [--base <CHEMIN>] », « <cohorte> », « [<fichiers> ...] ».
    static func synopsis(_ argument: DescriptionArgument) -> String {
        var texte: String
        switch argument.genre {
        case .positionnel: texte = "<\(argument.nomValeur)>"
        case .option: texte = "\(argument.nomPrefere?.synopsis ?? "") <\(argument.nomValeur)>"
        case .drapeau: texte = argument.nomPrefere?.synopsis ?? ""
        }
        if argument.repetable { texte += " ..." }
        if argument.facultatif { texte = "[\(texte)]" }
        if argument.strategie == "postTerminator" { texte = "-- " + texte }
        return texte
    }

    /// An argument's label, as in the OPTIONS section: « -s, --sortie <sortie> ».
    static func etiquette(_ argument: DescriptionArgument) -> String {
        switch argument.genre {
        case .positionnel:
            return "<\(argument.nomValeur)>"
        case .option, .drapeau:
            let courts = argument.noms.filter(\.estCourt), longs = argument.noms.filter { !$0.estCourt }
            let noms = (courts + longs).map(\.synopsis).joined(separator: ", ")
            return argument.genre == .option ? "\(noms) <\(argument.nomValeur)>" : noms
        }
    }

    /// An argument's line of help, with its values and default in French.
    private static func elementArgument(_ argument: DescriptionArgument, commandeAide: Bool, largeur: Int) -> String {
        var resume = argument.resume ?? ""
        if argument.estAideOuVersion {
            resume = argument.nomPrefere?.nom == "help" ? resumeAide : resumeVersion
        } else if commandeAide && argument.genre == .positionnel {
            resume = resumeSousCommandesAide
        }
        let enumeres = argument.descriptionsValeurs != nil
        let valeurs = enumeres ? [] : argument.valeursPossibles.filter { !$0.isEmpty }
        // The values and the default, unless the text already gives them (« texte (par défaut), csv ou json. »).
        var precisions: [String] = []
        if !valeurs.isEmpty && !valeurs.allSatisfy(resume.contains) {
            precisions.append("valeurs : " + valeurs.joined(separator: ", "))
        }
        if let defaut = argument.valeurParDefaut, !defaut.isEmpty, !resume.contains("par défaut") {
            precisions.append("par défaut : " + defaut)
        }
        if !precisions.isEmpty { resume += (resume.isEmpty ? "" : " ") + "(" + precisions.joined(separator: " ; ") + ")" }

        var texte = element(etiquette(argument), resume, largeur: largeur)
        if let discussion = argument.discussion, !discussion.isEmpty {
            texte += envelopper(discussion, largeur: largeur, retrait: retrait * 4) + "\n"
        }
        if let descriptions = argument.descriptionsValeurs {
            for valeur in argument.valeursPossibles {
                texte += element(String(repeating: " ", count: retrait * 3) + valeur, "- " + (descriptions[valeur] ?? ""), largeur: largeur)
            }
        }
        return texte
    }

    /// « ␣␣label␣␣␣␣text », the text starting at column 26 (on the next line when the label is too long).
    static func element(_ etiquette: String, _ resume: String, largeur: Int) -> String {
        let marge = String(repeating: " ", count: retrait) + etiquette
        guard !resume.isEmpty else { return marge + "\n" }
        let texte = envelopper(resume, largeur: largeur, retrait: colonneTexte)
        if marge.count < colonneTexte {
            return marge + texte.dropFirst(marge.count) + "\n"
        }
        return marge + "\n" + texte + "\n"
    }

    // MARK: - What ArgumentParser prints on success

    /// What ArgumentParser gives for a request that ends well, in French: the help of the command
    /// whose usage line it holds, the completion scripts with their descriptions of `--help` and
    /// `--version` translated; the version and the JSON description (for programs) as they are.
    static func sortieReussie(_ texte: String) -> String {
        if texte.hasPrefix("{") { return texte }
        if let racine = DescriptionCommandes.racine,
           let chemin = DescriptionCommandes.chemin(duTexte: texte, depuis: racine, prefixes: ["USAGE: "]) {
            return Self.texte(chemin)
        }
        // Completion scripts: the descriptions sit between single quotes, hence the typographic apostrophe.
        return texte
            .replacingOccurrences(of: "Show subcommand help information.", with: "Afficher l’aide d’une commande.")
            .replacingOccurrences(of: "Show help information.", with: resumeAide)
            .replacingOccurrences(of: "Show the version.", with: resumeVersion)
    }

    /// `livret help seance ajouter` prints the help of « livret seance ajouter »; ArgumentParser
    /// shows the root's help for a word that is no command: say so instead (usage error, code 64).
    static func verifierCommandeAide(_ arguments: [String]) throws {
        guard arguments.first == "help", let racine = DescriptionCommandes.racine else { return }
        var chemin = [racine]
        for mot in arguments.dropFirst() where !mot.hasPrefix("-") {
            guard let commande = chemin.last, let suivante = commande.sousCommande(mot), suivante.nom != "help" else {
                throw ValidationError(ErreursAnalyse.enTrop([mot], chemin: chemin))
            }
            chemin.append(suivante)
        }
    }

    // MARK: - Layout

    /// `texte` cut into lines of at most `largeur` characters (at spaces), each line but the empty ones
    /// indented by `retrait`; a line that starts with spaces (an example) keeps them on its
    /// continuation lines.
    static func envelopper(_ texte: String, largeur: Int, retrait: Int = 0) -> String {
        let colonnes = max(largeur - retrait, 20)
        let marge = String(repeating: " ", count: retrait)
        var lignes: [String] = []
        for paragraphe in texte.split(separator: "\n", omittingEmptySubsequences: false) {
            let debut = String(paragraphe.prefix { $0 == " " })
            var reste = paragraphe.dropFirst(debut.count)
            var prefixe = debut
            if reste.isEmpty { lignes.append(""); continue }
            while !reste.isEmpty {
                let place = max(colonnes - prefixe.count, 10)
                if reste.count <= place {
                    lignes.append(marge + prefixe + reste)
                    break
                }
                let morceau = reste.prefix(place + 1)
                let coupure = morceau.indices.last { Self.peutCouper(reste, $0) }
                    ?? reste.indices.first { Self.peutCouper(reste, $0) } ?? reste.endIndex
                lignes.append(marge + prefixe + reste[..<coupure])
                reste = reste[coupure...].drop { $0 == " " }
                prefixe = debut
            }
        }
        return lignes.joined(separator: "\n")
    }

    /// Whether a line may break at `i`: a space, but not the one French puts before « : ; ! ? » »
    /// or after « « » (a non-breaking space in print).
    private static func peutCouper(_ texte: Substring, _ i: Substring.Index) -> Bool {
        guard texte[i] == " " else { return false }
        let suivant = texte.index(after: i)
        if suivant < texte.endIndex, ":;!?»".contains(texte[suivant]) { return false }
        if i > texte.startIndex, texte[texte.index(before: i)] == "«" { return false }
        return true
    }

    /// The width to wrap the help to: `COLUMNS`, else the terminal's, else 80 (as ArgumentParser).
    static func largeurTerminal() -> Int {
        if let colonnes = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), colonnes > 0 {
            return colonnes
        }
        var taille = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &taille) == 0, taille.ws_col > 0 {
            return Int(taille.ws_col)
        }
        return 80
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var texte = self
        while texte.hasSuffix("\n") { texte.removeLast() }
        return texte
    }
}
