import Foundation
import LivretDemo
import LivretReferentiels
import LivretStore

/// The référentiels shipped with Livret, loaded once for every test.
public let catalogueEmbarque: Catalogue = {
    do { return try ReferentielsEmbarques.catalogue() } catch { fatalError("référentiels embarqués invalides : \(error)") }
}()

/// The demo base (`Demo.remplir`, deterministic), as tests need it.
public enum Demonstration {
    /// The demo in a fresh in-memory base.
    public static func enMemoire(catalogue: Catalogue = catalogueEmbarque) throws -> (base: Base, resume: ResumeDemo) {
        let base = try Base()
        let resume = try Demo.remplir(base, catalogue: catalogue)
        return (base, resume)
    }

    /// The demo written to a new base file at `chemin` (what `livret demo --base chemin` writes).
    public static func dansFichier(_ chemin: String, catalogue: Catalogue = catalogueEmbarque) throws -> (base: Base, resume: ResumeDemo) {
        let base = try Base(chemin: chemin)
        let resume = try Demo.installer(dans: base, catalogue: catalogue)
        return (base, resume)
    }

    /// The demo in a base file of its own temporary folder, removed when the value goes away.
    public static func temporaire(catalogue: Catalogue = catalogueEmbarque) throws -> DemoTemporaire {
        try DemoTemporaire(catalogue: catalogue)
    }
}

/// A demo base file in a temporary folder; the folder is removed on deinit.
public final class DemoTemporaire {
    /// The folder holding the base (and whatever the test writes next to it).
    public let dossier: DossierTemporaire
    /// `<dossier>/livret.sqlite`.
    public let chemin: String
    /// A connection to the base, the one that filled it.
    public let base: Base
    /// What the demo created.
    public let resume: ResumeDemo

    init(catalogue: Catalogue) throws {
        let dossier = try DossierTemporaire(prefixe: "livret-demo")
        do {
            chemin = dossier.fichier("livret.sqlite").path
            (base, resume) = try Demonstration.dansFichier(chemin, catalogue: catalogue)
            self.dossier = dossier
        } catch {
            dossier.supprimer()
            throw error
        }
    }

    deinit {
        dossier.supprimer()
    }
}
