import Foundation
@testable import LivretReseau

/// The tests' PostgreSQL server, named by `LIVRET_TEST_POSTGRES` (scripts/tester starts one with
/// scripts/postgres-jetable and exports it). Each test gets a database of its own, dropped after:
/// tests run in parallel. Without the variable the tests fail, saying so: CI always provides it.
enum ServeurPostgres {
    static let variable = "LIVRET_TEST_POSTGRES"

    struct Absent: Error, CustomStringConvertible {
        var description: String {
            "\(ServeurPostgres.variable) absente : ces tests parlent à un vrai serveur PostgreSQL. Lancez-les par scripts/tester (qui en démarre "
                + "un jetable avec scripts/postgres-jetable), ou donnez l'URL d'un serveur dont l'utilisateur peut créer bases et rôles : "
                + "\(ServeurPostgres.variable)='postgres://livret@localhost:5433/livret_tests?host=/dossier/du/socket'."
        }
    }

    /// The server's URL (a database its user may connect to, and a user who may create databases and roles).
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else { throw Absent() }
        return url
    }

    /// Runs `corps` with a fresh database `t_<random>`, dropped after (with the roles the test made
    /// through ``BasePostgres/role(_:)``), also when `corps` throws.
    static func avecBase(_ corps: (BasePostgres) async throws -> Void) async throws {
        let serveur = try url()
        let administration = try EntrepotReseauPostgres(url: serveur)
        let nom = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try await administration.avecConnexion { try await $0.executer(sql: "CREATE DATABASE \(nom)") }
        let base = BasePostgres(url: try Self.url(serveur, base: String(nom)), nom: String(nom))
        let resultat: Result<Void, any Error>
        do {
            try await corps(base)
            resultat = .success(())
        } catch {
            resultat = .failure(error)
        }
        try await administration.avecConnexion { c in
            try await c.executer(sql: "DROP DATABASE IF EXISTS \(nom) WITH (FORCE)")
            for role in base.roles.tous { try await c.executer(sql: "DROP ROLE IF EXISTS \(role)") }
        }
        try resultat.get()
    }

    /// `serveur` with another database, and (when given) another user.
    static func url(_ serveur: String, base: String, utilisateur: String? = nil) throws -> String {
        guard var composants = URLComponents(string: serveur) else { throw ErreurReseau("URL illisible : \(serveur)") }
        composants.path = "/" + base
        if let utilisateur {
            composants.user = utilisateur
            composants.password = nil
        }
        guard let url = composants.string else { throw ErreurReseau("URL illisible : \(serveur)") }
        return url
    }
}

/// One test's database.
struct BasePostgres: Sendable {
    let url: String
    let nom: String
    let roles = RolesDeTest()

    /// A role name for this test only (roles are the server's, shared by the tests running at once),
    /// dropped after the test.
    func role(_ prefixe: String) -> String {
        let role = "\(prefixe)_\(nom)"
        roles.ajouter(role)
        return role
    }

    /// The URL as `utilisateur`.
    func url(utilisateur: String) throws -> String {
        try ServeurPostgres.url(url, base: nom, utilisateur: utilisateur)
    }
}

final class RolesDeTest: @unchecked Sendable {
    // `@unchecked`: every access holds `verrou`.
    private let verrou = NSLock()
    private var noms: [String] = []

    func ajouter(_ nom: String) {
        verrou.lock()
        noms.append(nom)
        verrou.unlock()
    }

    var tous: [String] {
        verrou.lock()
        defer { verrou.unlock() }
        return noms
    }
}
