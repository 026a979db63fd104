import Foundation
import LivretCore
import LivretDemo
import LivretServices
import LivretStore

/// What the title bar and the first screens need to know of the workstation.
public struct EtatPoste: Sendable, Equatable {
    /// The structure's name; nil while the base is not set up.
    public var structure: String?
    /// The base open is the demonstration's own file.
    public var demo: Bool
    /// The formateurs of the base, in their order of creation.
    public var formateurs: [String]
    /// Who works now: named at start, remembered on this machine, or the only one.
    public var formateur: String?
    /// A name given at start (option, environment) that is none of the base's formateurs.
    public var formateurInconnu: String?

    /// Several formateurs and nobody chosen yet: the UI asks who is working.
    public var choixNecessaire: Bool { structure != nil && formateur == nil && (formateurs.count > 1 || formateurInconnu != nil) }
}

/// The formateur's workstation: the open base, the référentiels, who writes and which day it
/// is. Built once when the UI starts; every write of the UI goes through it.
public final class Poste: @unchecked Sendable {
    /// The open base, or nil when the file does not exist yet (the UI then offers the first run or the demo).
    public private(set) var db: Base?
    /// The base's path (the demonstration's own file once the demo is opened).
    public private(set) var cheminBase: String
    /// The structure's base, as given at start.
    public let cheminStructure: String
    /// The référentiels as the open base works with them (its adopted APTIC variant laid on).
    public private(set) var catalogue: Catalogue
    /// The référentiels as loaded, before any base's choice of variant.
    let catalogueCharge: Catalogue
    /// The folder of the structure's private signing keys.
    public private(set) var dossierCles: URL
    /// Where bundles and CVs are written.
    public let dossierExports: String
    /// The formateur who works now (`--formateur`, `$LIVRET_FORMATEUR`, the one remembered on
    /// this machine, chosen in the UI), else nil (then the only one of the base writes).
    public private(set) var nomFormateur: String?
    /// The day of every write (`--date`, `$LIVRET_DATE`, else today).
    public let jour: Jour
    /// Remember who works in a file beside the base (off in benchmarks).
    let memoriser: Bool
    /// The formateur named at start (option or environment), kept when the demo is opened.
    let formateurDemande: String?
    /// What the permanence screen records the next walk-ins with, for the whole session.
    var reglagesPermanence = ReglagesPermanence()
    /// The instant, in seconds since 1970, of what is timed to the second (a learner's sign-in code
    /// lives 10 minutes): the system clock, a fixed instant in tests.
    public let horloge: @Sendable () -> Int64
    /// Where the learners' sign-in codes draw their digits: the system's generator, a seeded one in
    /// tests (the code shown is then always the same).
    let tirage: @Sendable () -> UInt64

    /// - Parameters:
    ///   - horloge: the instant of timed writes (sign-in codes), in seconds since 1970.
    ///   - tirage: 64 random bits at each call, for the sign-in codes (``tirageDeterministe(graine:)`` in tests).
    public init(cheminBase: String, catalogue: Catalogue, dossierCles: URL, dossierExports: String = "Exports",
                nomFormateur: String?, jour: Jour, memoriser: Bool = true,
                horloge: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) },
                tirage: @escaping @Sendable () -> UInt64 = Poste.tirageSysteme) throws {
        self.horloge = horloge
        self.tirage = tirage
        self.cheminBase = cheminBase
        self.cheminStructure = cheminBase
        self.catalogue = catalogue
        self.catalogueCharge = catalogue
        self.dossierCles = dossierCles
        self.dossierExports = dossierExports
        self.jour = jour
        self.memoriser = memoriser
        self.nomFormateur = nomFormateur.flatMap { $0.isEmpty ? nil : $0 }
        self.formateurDemande = self.nomFormateur
        if FileManager.default.fileExists(atPath: cheminBase) {
            let ouverte = try Emplacements.ouvrir(cheminBase)
            db = ouverte
            self.catalogue = try ChargementCatalogue.adopte(catalogue, pour: ouverte)
            if self.nomFormateur == nil { self.nomFormateur = souvenir() }
        }
    }

    /// Whether the open base is the demonstration's.
    public var estDemo: Bool { cheminBase != cheminStructure }

    /// The open base; creates the file when `creer` (first run).
    func base(creer: Bool = false) throws -> Base {
        if let db { return db }
        guard creer else {
            throw ErreurUtilisateur("aucune base à « \(cheminBase) » : Entrée sur l'accueil pour créer celle de votre structure.")
        }
        let ouverte = try Emplacements.ouvrir(cheminBase, creer: true)
        db = ouverte
        return ouverte
    }

    /// The author of writes.
    func auteur() throws -> Formateur {
        do {
            return try Auteurs.auteur(try base(), nom: nomFormateur)
        } catch let erreur as ErreurUtilisateur where nomFormateur == nil {
            // Several formateurs and nobody chosen: say it in the UI's words, never with a command-line option.
            _ = erreur
            throw ErreurUtilisateur("dites d'abord qui travaille : touche f sur l'accueil pour choisir le formateur.")
        }
    }

    /// The badge service on this base.
    func badges() throws -> ServiceBadges { ServiceBadges(db: try base(), catalogue: catalogue, dossierCles: dossierCles) }

    /// What the title bar and the first screens show.
    public func etat() throws -> EtatPoste {
        guard let db else { return EtatPoste(structure: nil, demo: estDemo, formateurs: [], formateur: nil, formateurInconnu: nil) }
        let structure = try LivretServices.base { () throws(ErreurBase) in try db.structure() }?.nom
        let formateurs = try LivretServices.base { () throws(ErreurBase) in try db.formateurs() }.map(\.nom)
        let courant = nomFormateur.flatMap { nom in formateurs.first { $0.lowercased() == nom.lowercased() } }
            ?? (formateurs.count == 1 ? formateurs[0] : nil)
        let inconnu = nomFormateur.flatMap { nom in formateurs.contains { $0.lowercased() == nom.lowercased() } ? nil : nom }
        return EtatPoste(structure: structure, demo: estDemo, formateurs: formateurs, formateur: inconnu == nil ? courant : nil,
                         formateurInconnu: inconnu)
    }

    /// Sets up the structure's base (first run) and remembers the first formateur as the one working.
    func initialiser(structure: String, formateurs: [String]) throws {
        try ServiceStructure.initialiser(db: try base(creer: true), structure: structure, formateurs: formateurs, jour: jour)
        try choisir(formateurs.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces) ?? "")
    }

    /// Who works from now on, remembered on this machine for the next start.
    func choisir(_ nom: String) throws {
        let formateur = try Auteurs.auteur(try base(), nom: nom)
        nomFormateur = formateur.nom
        guard memoriser else { return }
        let chemin = Emplacements.memoirePoste(base: cheminBase)
        try Data((formateur.nom + "\n").utf8).write(to: URL(fileURLWithPath: chemin), options: .atomic)
        FichiersPrives.proteger(chemin)
    }

    /// The name remembered on this machine for the open base, if it is still one of its formateurs.
    func souvenir() -> String? {
        guard memoriser, let texte = try? String(contentsOfFile: Emplacements.memoirePoste(base: cheminBase), encoding: .utf8) else { return nil }
        let nom = texte.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !nom.isEmpty, let db, (try? db.formateur(nom)) != nil else { return nil }
        return nom
    }

    /// Opens the demonstration's own base (created the first time), never the structure's.
    /// Returns whether it was just created.
    func ouvrirDemo() throws -> Bool {
        let chemin = Emplacements.demo(base: cheminStructure)
        let existait = FileManager.default.fileExists(atPath: chemin)
        let ouverte = try Emplacements.ouvrir(chemin, creer: true)
        if try LivretServices.base({ () throws(ErreurBase) in try ouverte.structure() }) == nil {
            _ = try Demo.installer(dans: ouverte, catalogue: catalogueCharge)
        }
        db = ouverte
        catalogue = try ChargementCatalogue.adopte(catalogueCharge, pour: ouverte)
        cheminBase = chemin
        dossierCles = URL(fileURLWithPath: chemin).deletingLastPathComponent().appendingPathComponent("cles-demonstration")
        nomFormateur = formateurDemande.flatMap { nom in (try? ouverte.formateur(nom)).map(\.nom) } ?? souvenir()
        return !existait
    }
}

extension Poste {
    /// The formateur's name for the title bar: the one working, else the only one of the base.
    public var nomAffiche: String? { (try? etat())?.formateur }

    /// The system's random numbers (the sign-in codes of the UI in use).
    public static let tirageSysteme: @Sendable () -> UInt64 = {
        var systeme = SystemRandomNumberGenerator()
        return systeme.next()
    }

    /// Livret's seeded generator behind a lock: the same codes in the same order on every run (tests).
    public static func tirageDeterministe(graine: UInt64) -> @Sendable () -> UInt64 {
        let boite = BoiteGenerateur(GenerateurDeterministe(graine: graine))
        return { boite.suivant() }
    }

    /// The random numbers of ``tirage`` as a generator, for the services that take one.
    struct Tirage: RandomNumberGenerator {
        let suivant: @Sendable () -> UInt64
        mutating func next() -> UInt64 { suivant() }
    }
}

/// A seeded generator shared between calls, one at a time.
private final class BoiteGenerateur: @unchecked Sendable {
    private let verrou = NSLock()
    private var generateur: GenerateurDeterministe
    init(_ generateur: GenerateurDeterministe) { self.generateur = generateur }
    func suivant() -> UInt64 { verrou.withLock { generateur.next() } }
}
