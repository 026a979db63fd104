import Foundation
import Hummingbird
import LivretCore
import Logging
import LivretServices
import LivretStore

/// What the space needs to run: the base, the keys folder (for the badge bundle), the clock, and
/// the address to give phones (only with `--reseau-local`).
public struct ConfigurationEspace: Sendable {
    /// The structure's base.
    public var db: Base
    /// The référentiels the structure follows.
    public var catalogue: Catalogue
    /// The structure's private keys (the bundle's manifest is signed).
    public var dossierCles: URL
    /// Now, in seconds since 1970 (the system clock; a fixed one in tests).
    public var maintenant: @Sendable () -> Int64
    /// Today (``maintenant`` in the structure's calendar, or LIVRET_DATE).
    public var jour: @Sendable () -> Jour
    /// The address phones reach the space at (« http://192.168.1.20:8080 »), nil on this computer only;
    /// asked when a page needs it (the port is known once the server listens).
    public var adressePourTelephones: (@Sendable () -> String)?
    /// Whether a Host header names this server (see ``ServeurEspace/hotesLocaux(port:adresses:)``).
    public var hoteAccepte: @Sendable (String) -> Bool

    /// Everything the space runs with; see each property.
    public init(db: Base, catalogue: Catalogue, dossierCles: URL, maintenant: @escaping @Sendable () -> Int64, jour: @escaping @Sendable () -> Jour,
                adressePourTelephones: (@Sendable () -> String)? = nil, hoteAccepte: @escaping @Sendable (String) -> Bool) {
        self.db = db
        self.catalogue = catalogue
        self.dossierCles = dossierCles
        self.maintenant = maintenant
        self.jour = jour
        self.adressePourTelephones = adressePourTelephones
        self.hoteAccepte = hoteAccepte
    }
}

/// The learner's space as a Hummingbird application.
public enum ServeurEspace {
    /// The router of every page of the space.
    public static func routeur(_ configuration: ConfigurationEspace) -> Router<ContexteEspace> {
        let routeur = Router(context: ContexteEspace.self)
        let routes = RoutesEspace(configuration: configuration, sessions: Sessions(horloge: configuration.maintenant))
        routeur.add(middleware: EnTetesSecurite(hoteAccepte: configuration.hoteAccepte, introuvable: { routes.pageIntrouvable() }))
        routes.ajouter(a: routeur)
        return routeur
    }

    /// The application listening on `hote`:`port` (port 0: any free port); `pret` is called with the
    /// port once it listens.
    public static func application(_ configuration: ConfigurationEspace, hote: String, port: Int,
                                   pret: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        var journal = Logger(label: "livret-espace")
        journal.logLevel = .error
        return Application(router: routeur(configuration),
                           configuration: .init(address: .hostname(hote, port: port), serverName: "Livret"),
                           onServerRunning: { canal in await pret(canal.localAddress?.port ?? port) },
                           logger: journal)
    }

    /// Whether `hote` is a loopback address (127.0.0.0/8, ::1, localhost).
    public static func estLocale(_ hote: String) -> Bool {
        hote == "localhost" || hote == "::1" || hote.hasPrefix("127.")
    }

    /// The Host headers the space answers: loopback names and `adresses` (the machine's own, with
    /// `--reseau-local`), with or without the port.
    public static func hotesAcceptes(port: @escaping @Sendable () -> Int, adresses: [String]) -> @Sendable (String) -> Bool {
        { hote in
            let (nom, p) = separer(hote)
            guard p == nil || p == port() else { return false }
            return estLocale(nom) || adresses.contains(nom)
        }
    }

    /// « 127.0.0.1:8080 » → (« 127.0.0.1 », 8080); « [::1]:8080 » → (« ::1 », 8080).
    static func separer(_ hote: String) -> (String, Int?) {
        if hote.hasPrefix("["), let fin = hote.firstIndex(of: "]") {
            let nom = String(hote[hote.index(after: hote.startIndex)..<fin])
            let reste = hote[hote.index(after: fin)...]
            return (nom, reste.hasPrefix(":") ? Int(reste.dropFirst()) : nil)
        }
        let morceaux = hote.split(separator: ":", omittingEmptySubsequences: false)
        if morceaux.count == 2 { return (String(morceaux[0]), Int(morceaux[1])) }
        return (hote, nil)
    }

    /// The IPv4 addresses of this machine's network interfaces, loopback excluded (for phones).
    public static func adressesReseau() -> [String] {
        var adresses: [String] = []
        var liste: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&liste) == 0, let premiere = liste else { return [] }
        defer { freeifaddrs(liste) }
        var courante: UnsafeMutablePointer<ifaddrs>? = premiere
        while let c = courante {
            if let sa = c.pointee.ifa_addr, sa.pointee.sa_family == UInt8(AF_INET) || Int32(sa.pointee.sa_family) == AF_INET {
                var tampon = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                if getnameinfo(sa, socklen_t(MemoryLayout<sockaddr_in>.size), &tampon, socklen_t(tampon.count), nil, 0, NI_NUMERICHOST) == 0 {
                    let texte = String(decoding: tampon.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    if !estLocale(texte) { adresses.append(texte) }
                }
            }
            courante = c.pointee.ifa_next
        }
        return adresses
    }
}
