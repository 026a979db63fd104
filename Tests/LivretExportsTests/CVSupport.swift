import Foundation
import LivretCore
import LivretDemo
import LivretExports
import LivretReferentiels
import LivretStore
import LivretTestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The demo base, built once for every CV test (it is only read).
enum DemoCV {
    struct Contexte: Sendable {
        let base: Base
        let catalogue: Catalogue
    }

    static let partage: Result<Contexte, any Error> = Result { try nouvelle() }

    static func contexte() throws -> Contexte { try partage.get() }

    /// A fresh demo base (for the determinism test).
    static func nouvelle() throws -> Contexte {
        let catalogue = try ReferentielsEmbarques.catalogue()
        let base = try Demonstration.enMemoire(catalogue: catalogue).base
        return Contexte(base: base, catalogue: catalogue)
    }

    static let jour = Jour(annee: 2025, mois: 6, jour: 2)!
    static let plusTard = Jour(annee: 2026, mois: 6, jour: 2)!

    /// Badges as the structure would have issued them to a learner: two valid, one revoked.
    static func badges(apprenantId: Int64) -> [BadgeEmis] {
        [
            BadgeEmis(id: "urn:uuid:a1b2c3d4-5e6f-4a8b-9c2d-3e4f5a6b7c8d", apprenantId: apprenantId, reussite: "parcours-femmes-et-numerique",
                      emisLe: Jour(annee: 2023, mois: 4, jour: 20)!, kid: "cle-1", jwt: "x.y.z", auteurId: 1),
            BadgeEmis(id: "urn:uuid:bbbbcccc-dddd-4eee-8fff-aaaabbbbcccc", apprenantId: apprenantId, reussite: "pix-3-competences",
                      emisLe: Jour(annee: 2023, mois: 4, jour: 20)!, kid: "cle-1", jwt: "x.y.z", auteurId: 1),
            BadgeEmis(id: "urn:uuid:cccc2222-3333-4444-8555-666677778888", apprenantId: apprenantId, reussite: "aptic-2.1",
                      emisLe: Jour(annee: 2023, mois: 4, jour: 21)!, kid: "cle-1", jwt: "x.y.z", auteurId: 1,
                      revoqueLe: Jour(annee: 2023, mois: 5, jour: 2)!, motifRevocation: "erreur de saisie"),
        ]
    }

    /// The CV of a demo learner.
    static func cv(_ identifiant: String, choix: ChoixCV = .parDefaut, aujourdhui: Jour = jour,
                   contexte: Contexte? = nil, site: String? = nil, contact: ContactStructure? = nil) throws -> CVNumerique {
        let c = try contexte ?? self.contexte()
        let dossier = try c.base.dossier(identifiant, catalogue: c.catalogue, au: Demo.jourReference)
        return ConstructionCV.construire(dossier: dossier, badges: badges(apprenantId: dossier.apprenant.id!), structure: Demo.structure,
                                         catalogue: c.catalogue, choix: choix, aujourdhui: aujourdhui, contact: contact, site: site)
    }

    /// A structure's site and contact, as `livret structure modifier` records them.
    static let site = "https://grand-place.example.fr"
    static let contact = ContactStructure(adresse: "12 place de la Mairie, 59000 Lille", telephone: "03 20 12 34 56",
                                          courriel: "contact@grand-place.example.fr", site: site)

    static func dossier(_ identifiant: String) throws -> DossierApprenant {
        let c = try contexte()
        return try c.base.dossier(identifiant, catalogue: c.catalogue, au: Demo.jourReference)
    }

    /// The parser's error on the page minus its doctype, nil when the page is well-formed XML.
    static func erreurXML(_ html: String) -> String? {
        let corps = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let analyseur = XMLParser(data: Data(corps.utf8))
        if analyseur.parse() { return nil }
        return analyseur.parserError.map { "\($0)" } ?? "erreur inconnue"
    }

    /// Every key of a JSON value, at any depth.
    static func cles(_ valeur: Any) -> [String] {
        if let objet = valeur as? [String: Any] {
            return objet.keys.sorted() + objet.values.flatMap { cles($0) }
        }
        if let liste = valeur as? [Any] { return liste.flatMap { cles($0) } }
        return []
    }
}
