import ArgumentParser
import LivretCore
import LivretStore

/// `livret preuve ajouter`, `livret positionnement saisir`, `livret pix certification ajouter`.
struct PreuveCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preuve",
        abstract: "Noter ce qu'un apprenant a fait ou sait faire, avec son niveau de preuve.",
        subcommands: [Ajouter.self]
    )

    struct Ajouter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ajouter une preuve (elle ne se modifie jamais : une correction la remplace).",
            discussion: """
            Niveaux de preuve : declaratif (dit par la personne), suivi (avec accompagnement), \
            autonomie (vu faire seul), certifie (certification externe).
            Exemple : livret preuve ajouter A-0001 aptic:66 --niveau autonomie --note "Courrier mis en page seule"
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Argument(help: "L'item ou la compétence : aptic:CODE ou pix:CODE.") var cible: String
        @Option(help: "Le niveau de preuve : declaratif, suivi, autonomie ou certifie.") var niveau: String
        @Option(help: "Ce qui a été observé.") var note: String?
        @Option(help: "Le numéro de la preuve que celle-ci corrige.") var remplace: Int64?

        func run() throws {
            let catalogue = try ChargementCatalogue.catalogue()
            let (referentiel, code) = try Saisie.cible(cible, catalogue: catalogue)
            guard let niveauPreuve = try Saisie.valeur(niveau, "--niveau", NiveauPreuve.self) else { throw ErreurUtilisateur("indiquez --niveau.") }
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let a = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }
            let preuve = try base { () throws(ErreurBase) in
                try db.ajouterPreuve(Preuve(apprenantId: a.id!, referentiel: referentiel, code: code, niveau: niveauPreuve, date: jour,
                                            auteurId: auteur.id!, note: note, remplace: remplace))
            }
            Sortie.ligne("Preuve n° \(preuve.id!) : \(a.identifiant), \(referentiel.libelle) \(code), \(niveauPreuve.libelle).")
        }
    }
}

struct PositionnementCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "positionnement",
        abstract: "Saisir un diagnostic de niveau.",
        subcommands: [Saisir.self]
    )

    struct Saisir: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Saisir un positionnement : indicateur Eurostat, niveaux APTIC et Pix.",
            discussion: """
            --eurostat prend quatre notes de 0 à 2 : information, communication, résolution de problèmes, logiciels.
            Exemple : livret positionnement saisir A-0001 --eurostat 2,1,0,1 --pix 1.1=1,3.1=0 --aptic 48=1,66=0
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var ecriture: OptionsEcriture
        @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
        @Option(help: "Quatre notes de 0 à 2 séparées par des virgules.") var eurostat: String?
        @Option(help: "Niveaux Pix : CODE=NIVEAU,…") var pix: String?
        @Option(help: "Niveaux APTIC : CODE=NIVEAU,…") var aptic: String?

        func run() throws {
            let catalogue = try ChargementCatalogue.catalogue()
            var indicateur: IndicateurEurostat?
            if let eurostat {
                let notes = eurostat.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard notes.count == 4, notes.allSatisfy({ $0 != nil && (0...2).contains($0!) }) else {
                    throw ErreurUtilisateur("--eurostat attend quatre notes de 0 à 2 séparées par des virgules, par exemple 2,1,0,1.")
                }
                indicateur = IndicateurEurostat(information: notes[0]!, communication: notes[1]!, resolution: notes[2]!, logiciels: notes[3]!)
            }
            var niveaux: [Positionnement.Niveau] = []
            for (code, niveau) in try Saisie.niveaux(pix, "--pix").sorted(by: { $0.key < $1.key }) {
                _ = try Saisie.cible("pix:\(code)", catalogue: catalogue)
                guard (catalogue.pix.niveaux.min...catalogue.pix.niveaux.max).contains(niveau) else {
                    throw ErreurUtilisateur("niveau Pix \(niveau) pour \(code) : les niveaux vont de \(catalogue.pix.niveaux.min) à \(catalogue.pix.niveaux.max).")
                }
                niveaux.append(.init(referentiel: .pix, code: code, niveau: niveau))
            }
            for (code, niveau) in try Saisie.niveaux(aptic, "--aptic").sorted(by: { $0.key < $1.key }) {
                _ = try Saisie.cible("aptic:\(code)", catalogue: catalogue)
                niveaux.append(.init(referentiel: .aptic, code: code, niveau: niveau))
            }
            if indicateur == nil && niveaux.isEmpty { throw ErreurUtilisateur("rien à enregistrer : indiquez --eurostat, --pix ou --aptic.") }
            let db = try options.ouvrir()
            let auteur = try ecriture.auteur(db)
            let jour = try ecriture.jour()
            let a = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }
            try base { () throws(ErreurBase) in
                try db.enregistrerPositionnement(Positionnement(apprenantId: a.id!, date: jour, auteurId: auteur.id!, eurostat: indicateur, niveaux: niveaux))
            }
            Sortie.ligne("Positionnement de \(a.identifiant) enregistré le \(jour.francais)\(indicateur.map { " — \($0.categorie.libelle)" } ?? "").")
        }
    }
}

struct PixCommande: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pix",
        abstract: "Les résultats Pix des apprenants.",
        subcommands: [CertificationCommande.self]
    )

    struct CertificationCommande: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certification",
            abstract: "Les certifications Pix.",
            subcommands: [Ajouter.self]
        )

        struct Ajouter: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Enregistrer une certification Pix (score sur 895, niveau par compétence, code de vérification).",
                discussion: "Exemple : livret pix certification ajouter A-0001 --code P-2346789B --score 312 --niveaux 1.1=3,2.1=2,3.1=3 --centre \"Emmaüs Connect Roubaix\"")
            @OptionGroup var options: OptionsBase
            @OptionGroup var ecriture: OptionsEcriture
            @Argument(help: "L'identifiant de l'apprenant.") var apprenant: String
            @Option(help: "Le code de vérification P-XXXXXXXX.") var code: String
            @Option(help: "Le score global (0 à 895).") var score: Int
            @Option(help: "Niveau certifié par compétence : CODE=NIVEAU,…") var niveaux: String
            @Option(help: "Le centre de certification.") var centre: String?

            func run() throws {
                let catalogue = try ChargementCatalogue.catalogue()
                let pix = catalogue.pix
                let code = code.uppercased()
                guard pix.codeVerificationValide(code) else {
                    throw ErreurUtilisateur("le code « \(code) » n'est pas un code de vérification Pix : « P- » suivi de 8 caractères parmi \(pix.certification.codeVerification.alphabet).")
                }
                guard let palier = pix.palier(pourScore: score) else {
                    throw ErreurUtilisateur("le score \(score) sort de 0–\(pix.certification.scoreMax).")
                }
                let parCompetence = try Saisie.niveaux(niveaux, "--niveaux")
                for (competence, niveau) in parCompetence {
                    _ = try Saisie.cible("pix:\(competence)", catalogue: catalogue)
                    guard (pix.niveaux.min...pix.niveaux.max).contains(niveau) else {
                        throw ErreurUtilisateur("niveau \(niveau) pour \(competence) : les niveaux vont de \(pix.niveaux.min) à \(pix.niveaux.max).")
                    }
                }
                let db = try options.ouvrir()
                let auteur = try ecriture.auteur(db)
                let jour = try ecriture.jour()
                let a = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }
                try base { () throws(ErreurBase) in
                    try db.enregistrerCertification(CertificationPix(apprenantId: a.id!, code: code, date: jour, centre: centre, score: score,
                                                                     palier: palier.palier, niveaux: parCompetence, auteurId: auteur.id!))
                }
                let certifiees = parCompetence.values.filter { $0 >= 1 }.count
                Sortie.ligne("Certification \(code) de \(a.identifiant) enregistrée : \(score) / \(pix.certification.scoreMax), \(palier.libelle), \(certifiees) compétences certifiées.")
            }
        }
    }
}
