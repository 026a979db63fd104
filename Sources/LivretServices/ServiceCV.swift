import Foundation
import LivretBadges
import LivretCore
import LivretExports
import LivretStore

/// The learner's CV numérique, built from the base: used by `livret cv exporter`, by the
/// badge bundle and by the terminal UI.
public enum ServiceCV {
    /// The two formats of the CV.
    public enum Format: String, CaseIterable, Sendable {
        case html
        case jsonResume = "json-resume"

        /// The file extension of the format.
        public var extensionFichier: String { self == .html ? "html" : "json" }
    }

    /// The CV bytes in `format`, built from the base. The choices the learner made herself in her
    /// space bound `choix` (``ChoixCV/borne(par:)``): no CV made for her shows more than she chose.
    public static func cv(db: Base, apprenant: String, catalogue: Catalogue, choix demande: ChoixCV, jour: Jour, format: Format,
                          liensPaquet: Bool) throws -> (Data, CVNumerique) {
        let cv = try numerique(db: db, apprenant: apprenant, catalogue: catalogue, choix: demande, jour: jour, bornerParLaPersonne: true)
        switch format {
        case .html: return (Data(CVHTML.rendre(cv, liensPaquet: liensPaquet).utf8), cv)
        case .jsonResume:
            do { return (try CVJSONResume.rendre(cv), cv) } catch { throw ErreurUtilisateur("le CV n'a pas pu être écrit : \(error)") }
        }
    }

    /// The CV as data. `bornerParLaPersonne`: bounded by the choices the learner made herself (every
    /// CV that leaves the base); false only for the learner's own view of everything in her space.
    public static func numerique(db: Base, apprenant: String, catalogue: Catalogue, choix demande: ChoixCV, jour: Jour,
                                 bornerParLaPersonne: Bool) throws -> CVNumerique {
        let dossier = try base { () throws(ErreurBase) in try db.dossier(apprenant, catalogue: catalogue, au: jour) }
        return try numerique(db: db, dossier: dossier, catalogue: catalogue, choix: demande, jour: jour, bornerParLaPersonne: bornerParLaPersonne)
    }

    /// ``numerique(db:apprenant:catalogue:choix:jour:bornerParLaPersonne:)`` from a record already read.
    public static func numerique(db: Base, dossier: DossierApprenant, catalogue: Catalogue, choix demande: ChoixCV, jour: Jour,
                                 bornerParLaPersonne: Bool) throws -> CVNumerique {
        let choix = bornerParLaPersonne ? demande.borne(par: try choixDeLaPersonne(db: db, apprenantId: dossier.apprenant.id!)) : demande
        let badges = try base { () throws(ErreurBase) in try db.badges(apprenantId: dossier.apprenant.id!) }
        let emetteur = try base { () throws(ErreurBase) in try db.emetteur() }
        let nomStructure = try base { () throws(ErreurBase) in try db.structure() }?.nom
        let structure = emetteur?.nom ?? nomStructure ?? "la structure"
        let contact = try base { () throws(ErreurBase) in try db.contactStructure() }
        return ConstructionCV.construire(dossier: dossier, badges: badges, structure: structure, catalogue: catalogue,
                                         choix: choix, aujourdhui: jour, contact: contact, site: try siteVerification(db: db))
    }

    /// The one-page « attestation de compétences numériques » (HTML) of the badges the learner chose
    /// (all valid ones by default). Refused when none is left to show.
    public static func attestation(db: Base, apprenant: String, catalogue: Catalogue, choix: ChoixCV, jour: Jour) throws -> Data {
        var choix = choix
        choix.sections.insert(.badges)
        let (_, cv) = try self.cv(db: db, apprenant: apprenant, catalogue: catalogue, choix: choix, jour: jour, format: .html, liensPaquet: false)
        guard let badges = cv.badges, !badges.isEmpty else {
            if choix.badges != nil {
                throw ErreurUtilisateur("aucun des badges demandés n'est un badge valide de \(apprenant). Voyez ses badges : livret badge lister \(apprenant)")
            }
            throw ErreurUtilisateur("\(apprenant) n'a aucun badge valide : rien à attester. Délivrez-les d'abord : livret badge emettre \(apprenant) --tous --confirmer")
        }
        return Data(AttestationHTML.rendre(cv).utf8)
    }

    /// The CV choices the learner made herself in her space, nil when she made none.
    public static func choixDeLaPersonne(db: Base, apprenantId: Int64) throws -> ChoixCV? {
        try base { () throws(ErreurBase) in try db.choixCV(apprenantId: apprenantId) }?.choix
    }

    /// The site where the structure's badges are checked (``SiteVerification/adresseSite(emetteur:)``:
    /// its did:web domain, else its https site), read without writing anything; nil when it has none.
    public static func siteVerification(db: Base) throws -> String? {
        let contact = try base { () throws(ErreurBase) in try db.contactStructure() }
        let active = try base { () throws(ErreurBase) in try db.cleActive() }
        let emetteur = active.map { DIDEmetteur.controleur(kid: $0.kid) } ?? ""
        return SiteVerification.adresseSite(emetteur: ProfilEmetteur(id: emetteur, name: "", url: contact?.site))
    }

    /// Writes the CV to `chemin` (nothing half-written: temporary file, then rename), creating
    /// its folder when it is the default `Exports`.
    public static func exporter(db: Base, apprenant: String, catalogue: Catalogue, choix: ChoixCV, jour: Jour, format: Format,
                                vers chemin: String) throws {
        let (donnees, _) = try cv(db: db, apprenant: apprenant, catalogue: catalogue, choix: choix, jour: jour, format: format, liensPaquet: false)
        try EcritureFichier.creerDossier(URL(fileURLWithPath: chemin).deletingLastPathComponent())
        try EcritureFichier.ecrireAtomiquement(donnees, vers: chemin)
    }
}
