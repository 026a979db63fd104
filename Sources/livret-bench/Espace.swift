import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LivretCore
import LivretEspace
import LivretServices
import LivretStore
import Logging

/// The learner's space at national scale: a real server on a loopback port (HummingbirdTesting's
/// live mode), a learner signs in with a code, then asks for each page. The floor each page is
/// compared with is the engine's own part of it: reading her whole record from the base
/// (`Base.dossier`), which every page needs.
enum BancEspace {
    struct Resultat {
        /// Per page: median and p95 in ms.
        var pages: [(String, (mediane: Double, p95: Double))]
        /// Reading the record alone, median and p95 in ms.
        var dossier: (mediane: Double, p95: Double)
        /// Sign-in (code checked, session opened), median and p95 in ms.
        var entree: (mediane: Double, p95: Double)
    }

    static let pages = ["/", "/savoir-faire", "/parcours", "/pix", "/badges", "/cv", "/avis", "/donnees", "/cv/document"]

    static func mesurer(base: Base, catalogue: Catalogue, identifiants: [String], jour: Jour, repetitions: Int) async throws -> Resultat {
        let auteur = try base.formateurs().first!
        let configuration = ConfigurationEspace(db: base, catalogue: catalogue, dossierCles: URL(fileURLWithPath: "/nulle-part"),
                                               maintenant: { Int64(Date().timeIntervalSince1970) }, jour: { jour },
                                               hoteAccepte: { _ in true })
        var journal = Logger(label: "livret-bench-espace")
        journal.logLevel = .error
        let app = Application(router: ServeurEspace.routeur(configuration), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              logger: journal)
        return try await app.test(.live) { client in
            var parPage: [String: [Double]] = [:]
            var entrees: [Double] = []
            var lectures: [Double] = []
            for (n, identifiant) in identifiants.prefix(max(repetitions, 5)).enumerated() {
                // Reading the record alone: the floor.
                lectures.append(try Chrono.mesurer { _ = try base.dossier(identifiant, catalogue: catalogue, au: jour) } * 1000)
                let code = try ServiceEspace.donnerCode(db: base, identifiant: identifiant, auteur: auteur, jour: jour,
                                                        maintenant: Int64(Date().timeIntervalSince1970))
                let accueil = try await client.execute(uri: "/", method: .get)
                let cookieFormulaire = accueil.headers[values: .setCookie].first.map { String($0.prefix { $0 != ";" }) } ?? ""
                let page = String(buffer: accueil.body)
                let jeton = page.range(of: "name=\"formulaire\" value=\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
                let debut = Chrono.horloge.now
                let r = try await client.execute(uri: "/connexion", method: .post,
                                                 headers: [.cookie: cookieFormulaire, .contentType: "application/x-www-form-urlencoded"],
                                                 body: ByteBuffer(string: "formulaire=\(jeton)&code=\(code)"))
                entrees.append(Chrono.secondes(Chrono.horloge.now - debut) * 1000)
                guard let session = r.headers[values: .setCookie].first(where: { $0.hasPrefix("livret_espace=") }).map({ String($0.prefix { $0 != ";" }) })
                else { throw ErreurBanc("l'entrée dans l'espace de \(identifiant) a échoué (\(r.status))") }
                for chemin in pages {
                    let debut = Chrono.horloge.now
                    let reponse = try await client.execute(uri: chemin, method: .get, headers: [.cookie: session])
                    let duree = Chrono.secondes(Chrono.horloge.now - debut) * 1000
                    guard reponse.status == .ok else { throw ErreurBanc("\(chemin) : \(reponse.status)") }
                    if n > 0 { parPage[chemin, default: []].append(duree) }   // the first learner warms up
                }
            }
            return Resultat(pages: pages.map { ($0, statistiques(parPage[$0] ?? [])) }, dossier: statistiques(Array(lectures.dropFirst())),
                            entree: statistiques(Array(entrees.dropFirst())))
        }
    }

    static func statistiques(_ mesures: [Double]) -> (mediane: Double, p95: Double) {
        let m = mesures.sorted()
        guard !m.isEmpty else { return (0, 0) }
        let p95 = m[min(m.count - 1, Int((Double(m.count) * 0.95).rounded(.up)) - 1)]
        return (m.count % 2 == 1 ? m[m.count / 2] : (m[m.count / 2 - 1] + m[m.count / 2]) / 2, p95)
    }

    struct ErreurBanc: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }
}

/// Runs the space's measure and prints it.
func mesurerEspace(base: Base, catalogue: Catalogue, jour: Jour) {
    print("\nEspace de l'apprenant (serveur réel sur 127.0.0.1, une personne entre avec son code puis ouvre chaque page ; ms) :")
    let fini = DispatchSemaphore(value: 0)
    final class Boite: @unchecked Sendable { var r: Result<BancEspace.Resultat, any Error>? }
    let boite = Boite()
    // 30 learners spread evenly over the base (the same on every run).
    let tous = ((try? base.apprenants()) ?? []).filter { !$0.efface }
    let identifiants = stride(from: 0, to: tous.count, by: max(1, tous.count / 30)).map { tous[$0].identifiant }
    Task {
        do { boite.r = .success(try await BancEspace.mesurer(base: base, catalogue: catalogue, identifiants: identifiants, jour: jour,
                                                              repetitions: max(options.repetitions * 4, 20))) } catch { boite.r = .failure(error) }
        fini.signal()
    }
    fini.wait()
    switch boite.r {
    case .success(let r):
        let l = [36, 10, 10, 14, 10]
        print(ligne(["Page", "médiane", "p95", "/ lecture seule", "objectif"], l))
        print(ligne(["lire son dossier (le plancher)", Nombre.decimal(r.dossier.mediane, 2), Nombre.decimal(r.dossier.p95, 2), "× 1", ""], l))
        print(ligne(["entrer avec le code", Nombre.decimal(r.entree.mediane, 2), Nombre.decimal(r.entree.p95, 2), "", ""], l))
        for (page, m) in r.pages {
            print(ligne([page, Nombre.decimal(m.mediane, 2), Nombre.decimal(m.p95, 2),
                         "× " + Nombre.decimal(m.mediane / max(r.dossier.mediane, 0.001), 1), m.p95 <= 100 ? "≤ 100 atteint" : "≤ 100 MANQUÉ"], l))
        }
    case .failure(let e): echouer("espace : \(e)")
    case nil: echouer("espace : pas de résultat")
    }
}
