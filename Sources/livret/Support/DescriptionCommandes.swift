import ArgumentParser
import Foundation

/// What ArgumentParser knows of a command, read from its `--experimental-dump-help` JSON
/// (the `ToolInfoV0` format): name, abstract, discussion, arguments with their help, subcommands.
///
/// The French help (``AideFrancaise``) and the French parse errors (``ErreursAnalyse``) are written
/// from this description rather than by rewording the library's English text: the JSON is the
/// library's public, versioned description of the command tree.
struct DescriptionCommande: Decodable {
    var nom: String
    var resume: String?
    var discussion: String?
    var sousCommandeParDefaut: String?
    var sousCommandes: [DescriptionCommande]
    var arguments: [DescriptionArgument]

    enum CodingKeys: String, CodingKey {
        case nom = "commandName", resume = "abstract", discussion, sousCommandeParDefaut = "defaultSubcommand"
        case sousCommandes = "subcommands", arguments
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nom = try c.decode(String.self, forKey: .nom)
        resume = try c.decodeIfPresent(String.self, forKey: .resume)
        discussion = try c.decodeIfPresent(String.self, forKey: .discussion)
        sousCommandeParDefaut = try c.decodeIfPresent(String.self, forKey: .sousCommandeParDefaut)
        sousCommandes = try c.decodeIfPresent([DescriptionCommande].self, forKey: .sousCommandes) ?? []
        arguments = try c.decodeIfPresent([DescriptionArgument].self, forKey: .arguments) ?? []
    }

    /// The subcommand called `nom`, if any.
    func sousCommande(_ nom: String) -> DescriptionCommande? {
        sousCommandes.first { $0.nom == nom }
    }

    /// The argument one of whose names (« --base », « -s ») or whose value name (« <cohorte> ») is `nom`.
    func argument(_ nom: String) -> DescriptionArgument? {
        arguments.first { argument in
            argument.noms.contains { $0.synopsis == nom } || (argument.genre == .positionnel && "<\(argument.nomValeur)>" == nom)
        }
    }
}

/// One argument, option or flag of a command, as `--experimental-dump-help` describes it.
struct DescriptionArgument: Decodable {
    enum Genre: String, Decodable {
        case positionnel = "positional", option, drapeau = "flag"
    }

    /// One name of an option: « --base », « -s », « -help ».
    struct Nom: Decodable {
        var genre: String
        var nom: String

        enum CodingKeys: String, CodingKey { case genre = "kind", nom = "name" }

        var synopsis: String {
            switch genre {
            case "short": "-" + nom
            case "longWithSingleDash": "-" + nom
            default: "--" + nom
            }
        }

        var estCourt: Bool { genre == "short" }
    }

    var genre: Genre
    var affiche: Bool
    var titreSection: String?
    var facultatif: Bool
    var repetable: Bool
    var strategie: String?
    var noms: [Nom]
    var nomPrefere: Nom?
    var nomValeur: String
    var valeurParDefaut: String?
    var valeursPossibles: [String]
    var descriptionsValeurs: [String: String]?
    var resume: String?
    var discussion: String?

    enum CodingKeys: String, CodingKey {
        case genre = "kind", affiche = "shouldDisplay", titreSection = "sectionTitle", facultatif = "isOptional"
        case repetable = "isRepeating", strategie = "parsingStrategy", noms = "names", nomPrefere = "preferredName"
        case nomValeur = "valueName", valeurParDefaut = "defaultValue", valeursPossibles = "allValues"
        case descriptionsValeurs = "allValueDescriptions", resume = "abstract", discussion
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        genre = try c.decode(Genre.self, forKey: .genre)
        affiche = try c.decodeIfPresent(Bool.self, forKey: .affiche) ?? true
        titreSection = try c.decodeIfPresent(String.self, forKey: .titreSection)
        facultatif = try c.decodeIfPresent(Bool.self, forKey: .facultatif) ?? false
        repetable = try c.decodeIfPresent(Bool.self, forKey: .repetable) ?? false
        strategie = try c.decodeIfPresent(String.self, forKey: .strategie)
        noms = try c.decodeIfPresent([Nom].self, forKey: .noms) ?? []
        nomPrefere = try c.decodeIfPresent(Nom.self, forKey: .nomPrefere)
        nomValeur = try c.decodeIfPresent(String.self, forKey: .nomValeur) ?? "valeur"
        valeurParDefaut = try c.decodeIfPresent(String.self, forKey: .valeurParDefaut)
        valeursPossibles = try c.decodeIfPresent([String].self, forKey: .valeursPossibles) ?? []
        descriptionsValeurs = try c.decodeIfPresent([String: String].self, forKey: .descriptionsValeurs)
        resume = try c.decodeIfPresent(String.self, forKey: .resume)
        discussion = try c.decodeIfPresent(String.self, forKey: .discussion)
    }

    /// The flags ArgumentParser adds to every command: `-h, --help` and `--version`.
    var estAideOuVersion: Bool {
        genre == .drapeau && ["help", "version"].contains(nomPrefere?.nom ?? "")
    }
}

/// The command tree of `livret`, read once from ArgumentParser.
enum DescriptionCommandes {
    /// The root command, with every subcommand below it; nil if ArgumentParser's description
    /// cannot be read (then the callers fall back to the library's own text).
    static let racine: DescriptionCommande? = {
        do {
            _ = try Livret.parseAsRoot(["--experimental-dump-help"])
            return nil
        } catch {
            struct Outil: Decodable { var command: DescriptionCommande }
            let json = Livret.fullMessage(for: error)
            return try? JSONDecoder().decode(Outil.self, from: Data(json.utf8)).command
        }
    }()

    /// The commands named by the leading words of `mots` (« livret seance ajouter <cohorte> … »
    /// gives livret, seance, ajouter): the path from the root to the deepest command named.
    static func chemin(_ mots: [Substring], depuis racine: DescriptionCommande) -> [DescriptionCommande] {
        var chemin = [racine]
        for mot in mots.dropFirst() {
            guard let suivante = chemin.last?.sousCommande(String(mot)) else { break }
            chemin.append(suivante)
        }
        return chemin
    }

    /// The command whose usage line is in `texte` (« USAGE: livret seance ajouter … » in the
    /// library's help, « Usage: livret … » in its error messages).
    static func chemin(duTexte texte: String, depuis racine: DescriptionCommande,
                       prefixes: [String] = ["USAGE: ", "Usage: "]) -> [DescriptionCommande]? {
        for ligne in texte.split(separator: "\n") {
            let ligne = ligne.drop { $0 == " " }
            for prefixe in prefixes where ligne.hasPrefix(prefixe) {
                let mots = ligne.dropFirst(prefixe.count).split(separator: " ")
                guard mots.first.map(String.init) == racine.nom else { continue }
                return chemin(mots, depuis: racine)
            }
        }
        return nil
    }
}
