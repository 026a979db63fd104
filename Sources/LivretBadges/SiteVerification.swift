import Foundation
import LivretCore

/// Where a structure's badges are checked on the web: the rule for its site address, the short
/// code of a badge and the address of its verification page, used alike by the site that
/// `badge publier` writes, the QR codes of the printed CV and attestation, and the status list.
///
/// The site mirrors its addresses: `https://<site>/.well-known/did.json`,
/// `https://<site>/badges/statuts.jwt`, `https://<site>/v/<code>/` (one page per badge) and
/// `https://<site>/v/` (type a code by hand).
public enum SiteVerification {
    /// Path of the DID document (did:web) inside the site.
    public static let cheminDID = ".well-known/did.json"
    /// Folder of the signed lists and the issuer profile inside the site.
    public static let dossierBadges = "badges"
    /// The structure's site, « https://exemple.fr » (no trailing slash): its did:web domain, else
    /// its https address; nil when it has neither (its badges then have no page to point to).
    public static func adresseSite(emetteur: ProfilEmetteur) -> String? {
        if emetteur.id.hasPrefix("did:web:") {
            let domaine = String(emetteur.id.dropFirst("did:web:".count))
            guard DIDEmetteur.didWeb(domaine: domaine) != nil else { return nil }
            return "https://\(domaine)"
        }
        if let site = emetteur.url, site.hasPrefix("https://"), URL(string: site)?.host?.isEmpty == false {
            return site.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }
        return nil
    }

    /// Folder of the verification pages inside the site (``CodeBadge/dossierPages``).
    public static var dossierPages: String { CodeBadge.dossierPages }

    /// Path of a badge's page inside the site: « v/0D27-AE02/ ».
    public static func cheminPage(code: String) -> String { CodeBadge.cheminPage(code: code) }

    /// The address of the page where anyone checks badge `id`, or nil when the structure has no site.
    public static func urlPage(id: String, emetteur: ProfilEmetteur) -> String? {
        adresseSite(emetteur: emetteur).map { CodeBadge.urlPage(id: id, site: $0) }
    }

    /// The address where a code is typed by hand: « https://exemple.fr/v/ ».
    public static func urlSaisie(emetteur: ProfilEmetteur) -> String? {
        adresseSite(emetteur: emetteur).map(CodeBadge.urlSaisie(site:))
    }
}
