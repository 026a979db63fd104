import LivretCore
import LivretStore

/// What the demo put in the base, for `livret demo` to print.
public struct ResumeDemo: Sendable {
    public var structure: String
    public var formateurs: [String]
    public var cohortes: [String]
    public var apprenants: Int
    public var seances: Int
    public var presences: Int
    public var preuves: Int
    /// French summary lines to print.
    public var lignes: [String]
}

/// Something the demo needs and cannot find (the Femmes et Numérique template…).
public struct ErreurDemo: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The deterministic demo base (`livret demo`).
public enum Demo {
    /// The invented structure of the demo.
    public static let structure = "Espace numérique de la Grand-Place (démo)"
    /// The two invented formateurs.
    public static let formateurs = ["Nadia Benali", "Julien Martin"]

    /// Fills a new, empty base (not initialised) with the deterministic demo. Same base every time:
    /// fixed dates, no randomness other than a seeded generator.
    public static func remplir(_ base: Base, catalogue: Catalogue) throws -> ResumeDemo {
        guard try base.structure() == nil else {
            throw ErreurDemo(message: "la base n'est pas vide : la démo se crée dans une base neuve.")
        }
        try base.initialiser(structure: structure, formateur: formateurs[0], date: jour(2023, 2, 20))
        let nadia = try base.formateur(formateurs[0]).id!
        let julien = try base.ajouterFormateur(formateurs[1]).id!
        var compteur = Compteur()
        var generateur = GenerateurDeterministe(graine: 20230306)

        try CohorteFemmesEtNumerique.remplir(base, catalogue: catalogue, formateurs: (nadia, julien),
                                              generateur: &generateur, compteur: &compteur)
        try CohorteSmartphone.remplir(base, catalogue: catalogue, formateurs: (julien, nadia),
                                       generateur: &generateur, compteur: &compteur)

        let cohortes = try base.cohortes().map(\.code)
        var lignes = [
            "Base de démonstration créée pour « \(structure) ».",
            "Formateurs : \(formateurs.joined(separator: ", ")).",
        ]
        for completion in try base.completions(au: jourReference) {
            lignes.append("Cohorte \(completion.cohorte) : \(Accord.nombre(completion.inscrits, "inscrit")), "
                          + "\(completion.termines) \(Accord.forme(completion.termines, "a terminé", "ont terminé")), "
                          + "\(Accord.nombre(completion.abandons, "abandon")), \(completion.critereAtteint) au critère d'achèvement.")
        }
        lignes.append("\(Accord.nombre(compteur.apprenants, "apprenant")), \(Accord.nombre(compteur.seances, "séance")), "
                      + "\(Accord.nombre(compteur.presences, "présence saisie", "présences saisies")), \(Accord.nombre(compteur.preuves, "preuve")), "
                      + "\(Accord.nombre(compteur.certifications, "certification")) Pix.")
        return ResumeDemo(structure: structure, formateurs: formateurs, cohortes: cohortes, apprenants: compteur.apprenants,
                          seances: compteur.seances, presences: compteur.presences, preuves: compteur.preuves, lignes: lignes)
    }

    /// Installs the demo in `base` (new, not initialised) as one change: the demo is built in a base in
    /// memory, then copied into `base` in one SQLite backup step. A process killed midway leaves
    /// `base` empty, never half a demo that a second `livret demo` would refuse.
    public static func installer(dans base: Base, catalogue: Catalogue) throws -> ResumeDemo {
        guard try base.structure() == nil else {
            throw ErreurDemo(message: "la base n'est pas vide : la démo se crée dans une base neuve.")
        }
        let memoire = try Base()
        let resume = try remplir(memoire, catalogue: catalogue)
        try base.remplir(depuis: memoire)
        return resume
    }

    /// The demo's « today » (a Monday of the smartphone cohort's run): what its figures are computed at.
    public static let jourReference = jour(2024, 3, 4)

    /// A fixed calendar day.
    static func jour(_ annee: Int, _ mois: Int, _ numero: Int) -> Jour { Jour(annee: annee, mois: mois, jour: numero)! }
}

/// What was written, for the summary.
struct Compteur {
    var apprenants = 0
    var seances = 0
    var presences = 0
    var preuves = 0
    var certifications = 0
}
