import Foundation
import Synchronization
import LivretCore

/// Turns an achievement a learner is eligible for into a signed, baked credential.
public enum EmissionBadges {
    /// A credential ready to store and to put in a bundle.
    public struct BadgeSigne: Sendable, Equatable {
        public var id: String
        public var reussite: String
        public var jwt: String
        /// The achievement image with the credential baked in.
        public var svg: Data
    }

    /// The OB 3.0 achievement for a Livret achievement, scoped to the issuer.
    public static func realisation(_ reussite: Reussite, emetteur: ProfilEmetteur) -> Realisation {
        let image = self.image(reussite, emetteur: emetteur)
        return Realisation(
            id: idRealisation(reussite, emetteur: emetteur), name: reussite.nom, description: reussite.description,
            criteres: reussite.critere, image: ImageOB(svg: image, caption: "Badge « \(reussite.nom) »"),
            alignements: reussite.alignements.map {
                Alignement(targetName: $0.targetName, targetUrl: $0.targetUrl, targetCode: $0.targetCode, targetFramework: $0.targetFramework)
            })
    }

    /// "urn:livret:<issuer>:reussite:<code>", or "<issuer url>/reussites/<code>" when the structure has a web address.
    public static func idRealisation(_ reussite: Reussite, emetteur: ProfilEmetteur) -> String {
        if let url = emetteur.url, url.hasPrefix("https://") {
            return url.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/reussites/" + reussite.code
        }
        return "urn:livret:\(DIDEmetteur.nomCourt(emetteur: emetteur.id)):reussite:\(reussite.code)"
    }

    /// The pictogram of an achievement: its APTIC sous-thème's, its Pix domain's (the medal across
    /// domains), its parcours'; the family's own when the sous-thème is not in the table.
    static func pictogramme(_ reussite: Reussite) -> Pictogramme {
        switch reussite.famille {
        case .aptic: Pictogramme.aptic(sousTheme: String(reussite.code.dropFirst("aptic-".count))) ?? Pictogramme.parDefaut(famille(reussite))
        case .pix: reussite.domainePix == nil ? Pictogramme.pix(jalon: reussite.code) : Pictogramme.parDefaut(famille(reussite))
        case .parcours: Pictogramme.parcours(code: String(reussite.code.dropFirst("parcours-".count)))
        }
    }

    static func famille(_ reussite: Reussite) -> FamilleBadge {
        switch reussite.famille {
        case .aptic: .aptic(niveau: Int(reussite.code.dropFirst("aptic-".count).prefix(1)) ?? 1)
        case .pix: .pix(domaine: reussite.domainePix.flatMap { Int($0.code) }, titre: reussite.domainePix?.titre)
        case .parcours: .parcours
        }
    }

    /// Signs one credential: the recipient is a salted hash of the e-mail, else the phone, else the
    /// structure-local identifier — never the sex, birth year, QPV or status. `statut` is the
    /// credential's entry in the structure's status list, when it publishes one.
    public static func emettre(_ eligibilite: Eligibilite, apprenant: Apprenant, titulaire: String, emetteur: ProfilEmetteur, cle: CleEmetteur,
                               le jour: Jour, statut: EntreeStatut? = nil) throws -> BadgeSigne {
        guard eligibilite.eligible else {
            throw ErreurBadge("\(apprenant.identifiant) n'a pas encore obtenu « \(eligibilite.reussite.nom) » : \(eligibilite.manque ?? "critère non rempli").")
        }
        let reussite = eligibilite.reussite
        let realisation = realisation(reussite, emetteur: emetteur)
        let preuves = [PreuveOB(name: "Ce qui a été constaté", narrative: eligibilite.constats.joined(separator: "\n"))]
        let demande = DemandeCredential(
            emetteur: emetteur, realisation: realisation,
            identites: IdentiteHachee.identites(apprenant: apprenant, titulaire: titulaire),
            delivreLe: jour.dateUTC, nom: reussite.nom, description: reussite.critere, preuves: preuves, statut: statut)
        let emis = try EmissionCredential.emettre(demande, cle: cle)
        let svg = try ImageBadge.bake(svg: image(reussite, emetteur: emetteur), jwt: emis.jwt)
        return BadgeSigne(id: emis.id, reussite: reussite.code, jwt: emis.jwt, svg: svg)
    }
}

extension Jour {
    /// Midnight UTC of this day.
    public var dateUTC: Date { Date(timeIntervalSince1970: TimeInterval(numero) * 86_400) }
}

extension EmissionBadges {
    /// The achievement's image, naming the issuing structure, before baking.
    /// Drawn once per achievement and structure (laying the text out is most of the work of
    /// issuing a badge; the drawing depends on nothing else).
    public static func image(_ reussite: Reussite, emetteur: ProfilEmetteur) -> Data {
        let cle = [reussite.code, reussite.nom, reussite.critere, emetteur.name, "\(famille(reussite))"].joined(separator: "\u{1F}")
        if let connue = images.withLock({ $0[cle] }) { return connue }
        let image = ImageBadge.svg(nom: reussite.nom, famille: famille(reussite), structure: emetteur.name, description: reussite.critere,
                                   pictogramme: pictogramme(reussite))
        images.withLock { cache in
            if cache.count > 1_000 { cache.removeAll() }
            cache[cle] = image
        }
        return image
    }

    private static let images = Mutex<[String: Data]>([:])
}
