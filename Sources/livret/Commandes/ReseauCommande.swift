import ArgumentParser
import Foundation
import LivretBadges
import LivretCore
import LivretExports
import LivretReseau
import LivretServices
import LivretStore

/// `livret reseau …`: networks of structures (issue 22). A structure makes its signed extract; the
/// network registers its members, imports their extracts and publishes consolidated reports.
struct ReseauCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reseau",
        abstract: "Réseaux de structures : l'extrait statistique d'une structure, les chiffres consolidés du réseau.",
        discussion: """
        Côté structure : « livret reseau cle » donne la clé à transmettre au réseau, « livret reseau extrait \
        --periode 2025 » fait l'extrait signé (sans nom, sans contact, sans année de naissance).
        Côté réseau : une base SQLite (--base reseau.sqlite, par défaut) ou un serveur PostgreSQL \
        (--postgres postgres://… ou $LIVRET_RESEAU_POSTGRES). Exemples :
          livret reseau membre ajouter "Emmaüs Connect Lille" --cle did:jwk:… --departement 59 --commune 59350
          livret reseau importer extraits/*.zip
          livret reseau rapport --periode 2025 --croiser age --format html --sortie reseau-2025.html
        """,
        subcommands: [Cle.self, Extrait.self, Membre.self, Importer.self, Historique.self, RapportReseau.self, Publies.self, Compte.self]
    )

    /// Where the network keeps its data.
    struct OptionsReseau: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("La base du réseau, un fichier SQLite (par défaut reseau.sqlite).", valueName: "CHEMIN"))
        var base: String?
        @Option(name: .long, help: ArgumentHelp("Le serveur PostgreSQL du réseau (sinon $LIVRET_RESEAU_POSTGRES).", valueName: "URL"))
        var postgres: String?

        /// Runs `travail` on the network's store, then closes it.
        func avec<T: Sendable>(_ travail: @escaping @Sendable (any EntrepotReseau) async throws -> T) throws -> T {
            let (base, postgres) = (self.base, self.postgres)
            return try attendre {
                let entrepot = try await ServiceReseau.ouvrir(base: base, postgres: postgres)
                do {
                    let resultat = try await travail(entrepot)
                    try await entrepot.fermer()
                    return resultat
                } catch {
                    try? await entrepot.fermer()
                    throw error
                }
            }
        }
    }

    static func periode(_ texte: String) throws -> PeriodeReseau {
        guard let p = PeriodeReseau(texte: texte) else { throw ErreurUtilisateur("--periode « \(texte) » : une année, par exemple 2025.") }
        return p
    }

    struct Cle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "La clé de la structure, à donner au réseau pour qu'il reconnaisse ses extraits.",
            discussion: "C'est la clé qui signe ses badges (livret badge cle creer la crée). Exemple : livret reseau cle")
        @OptionGroup var options: OptionsBase

        func run() throws {
            let db = try options.ouvrir()
            let contexte = try ContexteBadges.ouvrir(db)
            guard try base({ () throws(ErreurBase) in try db.cleActive() }) != nil else {
                throw ErreurUtilisateur("la structure n'a pas encore de clé de signature. Créez-la avec « livret badge cle creer ».")
            }
            guard contexte.profil.id.hasPrefix("did:jwk:") else {
                throw ErreurUtilisateur("la clé de la structure est publiée sur son site (\(contexte.profil.id)) : un réseau n'accepte pour l'instant "
                                        + "que les clés did:jwk. Créez-en une avec « livret badge cle creer » sans --domaine.")
            }
            Sortie.ligne("Structure : \(contexte.profil.name)")
            Sortie.ligne("Clé : \(contexte.profil.id)")
            Sortie.ligne("À donner au réseau, qui l'enregistre avec : livret reseau membre ajouter \"\(contexte.profil.name)\" --cle \(contexte.profil.id) --departement …")
        }
    }

    struct Extrait: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Faire l'extrait statistique signé de la structure pour une année, à envoyer au réseau.",
            discussion: """
            Une ligne par inscription et par accompagnement de l'année : parcours, mois, sexe, tranche d'âge, QPV, \
            statut, heures, fin du parcours, sorties, certification Pix, thématiques. Aucun nom, aucun contact, \
            aucune année de naissance, aucun identifiant ; les personnes qui ont refusé les statistiques ne sont que \
            comptées. L'archive contient un LISEZ-MOI qui dit tout ce qu'elle contient. Exemple :
              livret reseau extrait --periode 2025 --sortie extrait-2025.zip
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var optionsCles: OptionsCles
        @Option(help: "L'année (par exemple 2025).") var periode: String
        @Option(name: .shortAndLong, help: "Le fichier de l'archive (par défaut extrait-ANNEE.zip).") var sortie: String?
        @Option(help: ArgumentHelp("Le jour où l'extrait est fait (sinon $LIVRET_DATE, sinon aujourd'hui).", valueName: "DATE")) var date: String?

        func run() throws {
            let p = try ReseauCommande.periode(periode)
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            let contexte = try ContexteBadges.ouvrir(db)
            let cle = try contexte.cleActive(dans: optionsCles.dossier(base: options))
            guard DIDEmetteur.controleur(kid: cle.kid).hasPrefix("did:jwk:") else {
                throw ErreurUtilisateur("un réseau n'accepte pour l'instant que les clés did:jwk ; créez-en une avec « livret badge cle creer » sans --domaine.")
            }
            let jour = try Auteurs.jourCourant(option: date)
            let extrait = try ServiceExtrait.extrait(db: db, catalogue: catalogue, periode: p, faitLe: jour, emetteur: DIDEmetteur.controleur(kid: cle.kid))
            let archive = try ServiceExtrait.archive(extrait, cle: cle)
            try Sortie.ecrire(archive, vers: sortie ?? "extrait-\(p).zip") { "Extrait écrit : \($0)" }
            Sortie.ligne("\(Accord.nombre(extrait.inscriptions.count, "inscription")), \(Accord.nombre(extrait.accompagnements.count, "accompagnement"))"
                         + (extrait.horsStatistiques > 0 ? " ; \(extrait.horsStatistiques) sans accord aux statistiques, seulement comptées" : "") + ".")
        }
    }

    struct Membre: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Les structures membres du réseau : ajouter, lister, retirer.",
            subcommands: [Ajouter.self, Lister.self, Revoquer.self], defaultSubcommand: Lister.self)

        struct Ajouter: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Ajouter une structure au réseau, avec sa clé et son territoire.",
                discussion: """
                Le nom est celui que porte la structure dans Livret ; la clé, ce qu'affiche « livret reseau cle » chez elle. Exemple :
                  livret reseau membre ajouter "Emmaüs Connect Lille" --cle did:jwk:… --departement 59 --commune 59350 --dans "Hub Nord"
                """)
            @OptionGroup var reseau: OptionsReseau
            @Argument(help: "Le nom de la structure.") var nom: String
            @Option(help: "Sa clé (did:jwk:…).") var cle: String
            @Option(help: "Son département (59, 2A, 974…).") var departement: String
            @Option(help: "Le code INSEE de sa commune (59350 pour Lille).") var commune: String?
            @Option(name: .customLong("dans"), help: "Le sous-réseau dont elle fait partie.") var sousReseau: String?

            func run() throws {
                let membre = MembreReseau(nom: nom, cle: cle.trimmingCharacters(in: .whitespaces), departement: departement, commune: commune,
                                          reseau: sousReseau)
                try reseau.avec { try await ServiceReseau.ajouterMembre(membre, entrepot: $0) }
                Sortie.ligne("« \(membre.nom) » est membre du réseau (département \(membre.departement.uppercased())).")
            }
        }

        struct Lister: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Les membres du réseau.")
            @OptionGroup var reseau: OptionsReseau

            func run() throws {
                let membres = try reseau.avec { try await $0.membres() }
                guard !membres.isEmpty else { return Sortie.ligne("Aucun membre : livret reseau membre ajouter NOM --cle did:jwk:… --departement …") }
                for m in membres {
                    let lieu = [m.commune.map { "commune \($0)" }, m.reseau].compactMap { $0 }.joined(separator: ", ")
                    Sortie.ligne("\(m.nom) — département \(m.departement)\(lieu.isEmpty ? "" : ", \(lieu)")"
                                 + (m.revoqueLe.map { " — retiré le \($0.francais)" } ?? ""))
                }
            }
        }

        struct Revoquer: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Retirer une structure du réseau : ses prochains extraits seront refusés (ceux déjà reçus restent comptés).")
            @OptionGroup var reseau: OptionsReseau
            @Argument(help: "Le nom de la structure.") var nom: String
            @Option(help: ArgumentHelp("Le jour du retrait (sinon $LIVRET_DATE, sinon aujourd'hui).", valueName: "DATE")) var date: String?

            func run() throws {
                let jour = try Auteurs.jourCourant(option: date)
                let nom = self.nom
                try reseau.avec { try await $0.revoquerMembre(nom, le: jour) }
                Sortie.ligne("« \(nom) » est retirée du réseau depuis le \(jour.francais).")
            }
        }
    }

    struct Importer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importer les extraits reçus des structures (chaque signature est vérifiée).",
            discussion: """
            Un extrait modifié, signé par une clé inconnue, d'une structure qui n'est pas membre, ou plus ancien \
            que celui déjà reçu est refusé, sans rien changer. Un nouvel extrait de la même structure pour la même \
            année remplace le précédent (l'historique le garde). Exemple : livret reseau importer extraits/*.zip
            """)
        @OptionGroup var reseau: OptionsReseau
        @Argument(help: "Les fichiers des extraits.") var fichiers: [String]
        @Option(help: ArgumentHelp("Le jour de la réception (sinon $LIVRET_DATE, sinon aujourd'hui).", valueName: "DATE")) var date: String?

        func run() throws {
            guard !fichiers.isEmpty else { throw ErreurUtilisateur("donnez au moins un fichier d'extrait : livret reseau importer extrait-2025.zip") }
            let jour = try Auteurs.jourCourant(option: date)
            var lus: [(nom: String, octets: Data)] = []
            for f in fichiers {
                guard let octets = FileManager.default.contents(atPath: f) else { throw ErreurUtilisateur("\(f) : fichier introuvable ou illisible.") }
                lus.append((f, octets))
            }
            let aLire = lus
            let issues = try reseau.avec { try await ServiceReseau.importer(aLire, entrepot: $0, jour: jour) }
            var refuses = 0
            for (f, issue) in zip(fichiers, issues) {
                switch issue {
                case let .importe(structure, periode, inscriptions, accompagnements, remplace):
                    Sortie.ligne("\(f) : importé — \(structure), \(periode), \(Accord.nombre(inscriptions, "inscription")), "
                                 + "\(Accord.nombre(accompagnements, "accompagnement"))" + (remplace == nil ? "." : " (remplace l'extrait précédent)."))
                case let .dejaEnVigueur(structure, periode):
                    Sortie.ligne("\(f) : déjà importé (\(structure), \(periode)) : rien à faire.")
                case .refuse(let raison):
                    refuses += 1
                    Sortie.erreur(raison)
                }
            }
            if refuses > 0 {
                throw ErreurUtilisateur(refuses == 1 ? "1 extrait refusé ; les autres sont importés." : "\(refuses) extraits refusés ; les autres sont importés.")
            }
        }
    }

    struct Historique: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Les extraits reçus, en vigueur ou remplacés.")
        @OptionGroup var reseau: OptionsReseau
        @Option(help: "Une année seulement.") var periode: String?

        func run() throws {
            let p = try periode.map(ReseauCommande.periode)
            let recus = try reseau.avec { try await $0.historique(periode: p) }
            guard !recus.isEmpty else { return Sortie.ligne("Aucun extrait reçu.") }
            for r in recus {
                Sortie.ligne("\(r.recuLe.francais) — \(r.membre), \(r.periode) : \(Accord.nombre(r.inscriptions, "inscription")), "
                             + "\(Accord.nombre(r.accompagnements, "accompagnement")) — " + (r.remplacePar == nil ? "en vigueur" : "remplacé")
                             + " (empreinte \(r.empreinte.prefix(12)))")
            }
        }
    }

    struct RapportReseau: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rapport",
            abstract: "Le rapport du réseau pour une année : tout le réseau, un département, un parcours ou une structure, par sexe (et âge, QPV, statut).",
            discussion: """
            Les chiffres de toutes les structures sont additionnés, puis protégés ensemble : les petits effectifs \
            (de 1 à 4 par défaut) et ce qui permettrait de les retrouver sont masqués (« s »), sur les chiffres du \
            réseau, jamais en additionnant des cases masquées. Exemples :
              livret reseau rapport --periode 2025
              livret reseau rapport --periode 2025 --departement 59 --croiser qpv
              livret reseau rapport --periode 2025 --structure "Emmaüs Connect Lille" --par-structure
            """)
        @OptionGroup var reseau: OptionsReseau
        @Option(help: "L'année (par exemple 2025).") var periode: String
        @Option(help: "Un département seulement.") var departement: String?
        @Option(help: "Un parcours seulement (code du modèle, par exemple femmes-et-numerique).") var parcours: String?
        @Option(name: .customLong("dans"), help: "Un sous-réseau seulement (celui donné à « membre ajouter --dans »).") var sousReseau: String?
        @Option(help: "Une structure seulement (demande --par-structure).") var structure: String?
        @Flag(help: "Publier aussi le rapport de chaque structure (protégé avec tous les autres).") var parStructure = false
        @Option(help: "Croiser le sexe avec : age, qpv ou statut.") var croiser: String?
        @Option(help: "Le seuil de masquage des petits effectifs (5 par défaut).") var seuil: Int = SecretStatistique.seuilParDefaut
        @Flag(help: "Ne rien masquer (usage interne uniquement : un avertissement est ajouté).") var sansSecret = false
        @Flag(help: "Montrer comment le rapport a été protégé.") var audit = false
        @Option(help: "texte (par défaut), csv, json, html ou xlsx (avec --sortie).") var format: RapportCommande.FormatRapport = .texte
        @Option(name: .shortAndLong, help: "Écrire dans ce fichier plutôt qu'à l'écran.") var sortie: String?
        @Flag(help: "Le publier aussi pour les comptes du réseau (serveur PostgreSQL ; texte, csv, json ou html).") var publier = false

        func validate() throws {
            if publier && (format == .xlsx || audit || sansSecret) {
                throw ValidationError("--publier publie un rapport protégé en texte, csv, json ou html (ni xlsx, ni --audit, ni --sans-secret).")
            }
            if [departement, parcours, sousReseau, structure].compactMap({ $0 }).count > 1 {
                throw ValidationError("Choisissez un seul périmètre : --departement, --parcours, --dans ou --structure.")
            }
            if structure != nil && !parStructure { throw ValidationError("--structure demande --par-structure : le rapport d'une structure est publié avec tous les autres.") }
            if seuil < 2 || seuil > 100 { throw ValidationError("Le seuil de masquage doit être entre 2 et 100.") }
            if format == .xlsx && (sortie == nil || Emplacements.estSortieStandard(sortie)) && isatty(STDOUT_FILENO) != 0 {
                throw ValidationError("Un classeur xlsx s'écrit dans un fichier : ajoutez --sortie rapport.xlsx.")
            }
        }

        func run() throws {
            let p = try ReseauCommande.periode(periode)
            let croisement: Croisement
            if let croiser {
                guard let c = Croisement(rawValue: croiser.lowercased().replacingOccurrences(of: "â", with: "a")), c != .aucun else {
                    throw ErreurUtilisateur("« \(croiser) » (--croiser) : choisissez age, qpv ou statut.")
                }
                croisement = c
            } else {
                croisement = .aucun
            }
            let catalogue = try ChargementCatalogue.catalogue()
            let libelle: String
            if let departement { libelle = "département \(departement.uppercased())" }
            else if let parcours { libelle = "parcours \(catalogue.modeleParcours(parcours)?.entete.titre ?? parcours)" }
            else if let sousReseau { libelle = "sous-réseau \(sousReseau)" }
            else if let structure { libelle = "structure \(structure)" }
            else { libelle = ConsolidationReseau.libelleReseau }
            let (parStructure, seuil) = (self.parStructure, sansSecret ? nil : self.seuil)
            let (audit, publier, format) = (self.audit, self.publier, self.format)
            let (rapport, protection) = try reseau.avec { entrepot in
                let resultat = try await ServiceReseau.publication(entrepot: entrepot, catalogue: catalogue, periode: p, parStructure: parStructure,
                                                                   seuil: seuil)
                let (rapport, protection) = try ServiceReseau.rapport(resultat, perimetre: libelle, croisement: croisement, audit: audit)
                if publier {
                    let pg = try ServiceReseau.postgres(entrepot, pour: "--publier")
                    let contenu = String(decoding: try Self.rendu(rapport, format: format, jour: p.au), as: UTF8.self)
                    try await pg.publierRapport(periode: p, perimetre: rapport.perimetre + (croisement == .aucun ? "" : " — \(croisement.libelle)"),
                                                format: format.rawValue, contenu: contenu, publieLe: try Auteurs.jourCourant(option: nil))
                }
                return (rapport, protection)
            }
            let jour = p.au
            let donnees: Data
            if audit {
                guard let protection else { throw ErreurUtilisateur("--audit : rien n'est masqué avec --sans-secret, il n'y a rien à auditer.") }
                donnees = format == .json ? try RenduRapport.json(protection) : Data((RenduRapport.audit(protection) + "\n").utf8)
            } else {
                donnees = try Self.rendu(rapport, format: format, jour: jour)
            }
            if sansSecret {
                FileHandle.standardError.write(Data("Attention : chiffres non masqués, usage interne uniquement, ne pas diffuser.\n".utf8))
            }
            try Sortie.ecrire(donnees, vers: sortie) { "Rapport écrit : \($0)" }
            if publier { FileHandle.standardError.write(Data("Rapport publié pour les comptes du réseau.\n".utf8)) }
        }

        static func rendu(_ rapport: Rapport, format: RapportCommande.FormatRapport, jour: Jour) throws -> Data {
            switch format {
            case .texte: Data((RenduRapport.texte(rapport) + "\n").utf8)
            case .csv: RenduRapport.csv(rapport)
            case .json: try RenduRapport.json(rapport)
            case .html: Data(RenduRapport.html(rapport).utf8)
            case .xlsx: try EcritureClasseur.donnees(RapportClasseur.classeur(rapport, date: jour))
            }
        }
    }

    struct Publies: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Les rapports que le réseau a publiés pour ses comptes (serveur PostgreSQL).",
            discussion: """
            Chaque structure du réseau peut les lire avec son propre compte. Exemple :
              livret reseau publies --periode 2025 --postgres postgres://lille@serveur/reseau
            """)
        @OptionGroup var reseau: OptionsReseau
        @Option(help: "L'année (par exemple 2025).") var periode: String
        @Option(help: "Un seul rapport : son périmètre, tel que la liste le montre.") var perimetre: String?

        func run() throws {
            let p = try ReseauCommande.periode(periode)
            let publies = try reseau.avec { entrepot in
                try await ServiceReseau.postgres(entrepot, pour: "livret reseau publies").rapportsPublies(periode: p).map { [$0.perimetre, $0.format, $0.contenu] }
            }
            if let perimetre {
                let choisis = publies.filter { $0[0] == perimetre }
                guard !choisis.isEmpty else { throw ErreurUtilisateur("aucun rapport publié pour « \(perimetre) » en \(p) (voir : livret reseau publies --periode \(p)).") }
                for r in choisis { Sortie.ligne(r[2]) }
                return
            }
            guard !publies.isEmpty else { return Sortie.ligne("Aucun rapport publié pour \(p).") }
            for r in publies { Sortie.ligne("\(r[0]) (\(r[1]))") }
        }
    }

    struct Compte: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Les comptes du serveur PostgreSQL du réseau : une structure ne lit que ses lignes et les rapports publiés, un responsable lit tout.",
            discussion: """
            Le mot de passe se donne par le nom d'une variable d'environnement, jamais sur la ligne de commande. Exemples :
              MDP=… livret reseau compte structure "Emmaüs Connect Lille" --role lille --mot-de-passe-variable MDP
              MDP=… livret reseau compte responsable --role programme --mot-de-passe-variable MDP
            """,
            subcommands: [PourStructure.self, PourResponsable.self])

        struct PourStructure: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "structure", abstract: "Le compte d'une structure membre.")
            @OptionGroup var reseau: OptionsReseau
            @Argument(help: "Le nom de la structure.") var nom: String
            @Option(help: "Le nom du compte (lettres minuscules, chiffres, _).") var role: String
            @Option(help: ArgumentHelp("La variable d'environnement qui tient son mot de passe.", valueName: "VARIABLE")) var motDePasseVariable: String

            func run() throws {
                let motDePasse = try ServiceReseau.motDePasse(variable: motDePasseVariable)
                let (nom, role) = (self.nom, self.role)
                try reseau.avec { try await ServiceReseau.postgres($0, pour: "livret reseau compte").compteStructure(membre: nom, role: role, motDePasse: motDePasse) }
                Sortie.ligne("Compte « \(role) » : « \(nom) » lit ses propres lignes et les rapports publiés du réseau, rien d'autre.")
            }
        }

        struct PourResponsable: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "responsable", abstract: "Le compte d'un responsable de programme.")
            @OptionGroup var reseau: OptionsReseau
            @Option(help: "Le nom du compte (lettres minuscules, chiffres, _).") var role: String
            @Option(help: ArgumentHelp("La variable d'environnement qui tient son mot de passe.", valueName: "VARIABLE")) var motDePasseVariable: String

            func run() throws {
                let motDePasse = try ServiceReseau.motDePasse(variable: motDePasseVariable)
                let role = self.role
                try reseau.avec { try await ServiceReseau.postgres($0, pour: "livret reseau compte").compteResponsable(role: role, motDePasse: motDePasse) }
                Sortie.ligne("Compte « \(role) » : lit tout le réseau, n'écrit rien.")
            }
        }
    }
}
