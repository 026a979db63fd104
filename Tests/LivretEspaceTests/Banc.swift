import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivretCore
@testable import LivretEspace
import LivretServices
import LivretStore
import LivretTestSupport
import Testing

/// A clock the test moves by hand.
final class HorlogeReglable: @unchecked Sendable {
    private let verrou = NSLock()
    private var t: Int64
    init(_ depart: Int64 = 1_800_000_000) { t = depart }
    var maintenant: Int64 { verrou.withLock { t } }
    func avancer(_ secondes: Int64) { verrou.withLock { t += secondes } }
}

/// The demo base, a movable clock, the space's router, and codes given to learners.
struct Banc {
    let db: Base
    let horloge = HorlogeReglable()
    let configuration: ConfigurationEspace
    let auteur: Formateur

    init(telephones: String? = nil) throws {
        db = try Demonstration.enMemoire().base
        auteur = try db.formateur(Fixe.formateur)
        let h = horloge
        var adresse: (@Sendable () -> String)?
        if let t = telephones { adresse = { t } }
        configuration = ConfigurationEspace(db: db, catalogue: catalogueEmbarque, dossierCles: URL(fileURLWithPath: "/nulle-part"),
                                           maintenant: { h.maintenant }, jour: { Fixe.jour }, adressePourTelephones: adresse,
                                           hoteAccepte: { _ in true })
    }

    /// A fresh code for `identifiant`, given now.
    func code(_ identifiant: String) throws -> String {
        try ServiceEspace.donnerCode(db: db, identifiant: identifiant, auteur: auteur, jour: Fixe.jour, maintenant: horloge.maintenant)
    }

    /// Runs `test` against the space's router (no network).
    func tester(_ test: @escaping @Sendable (TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: ServeurEspace.routeur(configuration))
        try await app.test(.router) { client in try await test(client) }
    }
}

/// A browser's memory for one person: cookies kept between requests.
final class Visiteur: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String, en: [HTTPField.Name: String] = [:]) async throws -> TestResponse {
        try await envoyer(uri, .get, corps: nil, en: en)
    }

    @discardableResult
    func post(_ uri: String, _ corps: String, en: [HTTPField.Name: String] = [:]) async throws -> TestResponse {
        try await envoyer(uri, .post, corps: corps, en: en)
    }

    func envoyer(_ uri: String, _ methode: HTTPRequest.Method, corps: String?, en: [HTTPField.Name: String]) async throws -> TestResponse {
        var entetes = HTTPFields()
        if !cookies.isEmpty { entetes[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if corps != nil { entetes[.contentType] = "application/x-www-form-urlencoded" }
        for (nom, valeur) in en { entetes[nom] = valeur }
        let r = try await client.execute(uri: uri, method: methode, headers: entetes, body: corps.map { ByteBuffer(string: $0) })
        for c in r.headers[values: .setCookie] {
            let paire = c.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard paire.count == 2 else { continue }
            if paire[1].isEmpty { cookies[paire[0]] = nil } else { cookies[paire[0]] = paire[1] }
        }
        return r
    }

    /// Signs in with `code` from the sign-in page, as a browser does.
    @discardableResult
    func entrer(_ code: String) async throws -> TestResponse {
        let page = String(buffer: try await get("/").body)
        return try await post("/connexion", "formulaire=\(Visiteur.valeur("formulaire", dans: page) ?? "")&code=\(code)")
    }

    /// The session's anti-forgery value, read from a page.
    func csrf() async throws -> String {
        Visiteur.valeur("csrf", dans: String(buffer: try await get("/").body)) ?? ""
    }

    /// The value of the hidden field `nom` in `page`.
    static func valeur(_ nom: String, dans page: String) -> String? {
        guard let r = page.range(of: "name=\"\(nom)\" value=\"") else { return nil }
        return String(page[r.upperBound...].prefix { $0 != "\"" })
    }
}

extension TestResponse {
    var texte: String { String(buffer: body) }
}
