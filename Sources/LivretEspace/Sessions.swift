import Foundation
import LivretCore
import LivretServices

/// The open sessions of the space, the wrong codes typed, the phone links: all in memory only, so
/// that stopping the server closes every session (nothing of them is left on the shared computer).
actor Sessions {
    /// One learner's session, opened by a one-time code.
    struct Session: Sendable {
        /// Who the code opened the space of.
        let ouverture: ServiceEspace.Ouverture
        /// The random value of the session cookie.
        let jeton: String
        /// The anti-forgery value every form of the session carries.
        let csrf: String
        /// When it was opened and last used, in seconds.
        let ouverteLe: Int64
        var vueLe: Int64
    }

    /// A link for a phone (the QR code): the files of one learner, for a few minutes.
    struct LienTelephone: Sendable {
        let ouverture: ServiceEspace.Ouverture
        let creeLe: Int64
    }

    private var parJeton: [String: Session] = [:]
    private var echecsParAdresse: [String: [Int64]] = [:]
    private var echecs: [Int64] = []
    private var liens: [String: LienTelephone] = [:]
    private let horloge: @Sendable () -> Int64

    init(horloge: @escaping @Sendable () -> Int64) {
        self.horloge = horloge
    }

    /// Now, in seconds.
    func maintenant() -> Int64 { horloge() }

    /// Opens a session for `ouverture`.
    func ouvrir(_ ouverture: ServiceEspace.Ouverture) -> Session {
        let t = horloge()
        let s = Session(ouverture: ouverture, jeton: Self.aleatoire(), csrf: Self.aleatoire(), ouverteLe: t, vueLe: t)
        parJeton[s.jeton] = s
        return s
    }

    /// The session of a cookie value, still open (its last use moved to now); nil otherwise, and an
    /// expired session is forgotten.
    func session(jeton: String?) -> Session? {
        guard let jeton, var s = parJeton[jeton] else { return nil }
        let t = horloge()
        guard RegleEspace.sessionOuverte(ouverteLe: s.ouverteLe, vuLe: s.vueLe, maintenant: t) else {
            parJeton[jeton] = nil
            return nil
        }
        s.vueLe = t
        parJeton[jeton] = s
        return s
    }

    /// Ends a session (« Terminer »).
    func fermer(jeton: String) {
        parJeton[jeton] = nil
    }

    /// Whether one more code may be tried from `adresse`.
    func blocage(adresse: String) -> RegleEspace.Refus? {
        RegleEspace.blocage(echecsIci: echecsParAdresse[adresse] ?? [], echecsPartout: echecs, maintenant: horloge())
    }

    /// Counts a wrong code from `adresse` (old ones are forgotten as they leave the window).
    func noterEchec(adresse: String) {
        let t = horloge()
        echecs = echecs.filter { t - $0 < RegleEspace.fenetreEssais } + [t]
        echecsParAdresse[adresse] = (echecsParAdresse[adresse] ?? []).filter { t - $0 < RegleEspace.fenetreEssais } + [t]
    }

    /// A new phone link for `ouverture`.
    func nouveauLien(_ ouverture: ServiceEspace.Ouverture) -> String {
        let t = horloge()
        liens = liens.filter { t - $0.value.creeLe < RegleEspace.validiteLienTelephone }
        let jeton = Self.aleatoire()
        liens[jeton] = LienTelephone(ouverture: ouverture, creeLe: t)
        return jeton
    }

    /// The learner a phone link opens, while it is valid.
    func lien(_ jeton: String) -> ServiceEspace.Ouverture? {
        guard let l = liens[jeton] else { return nil }
        guard horloge() - l.creeLe < RegleEspace.validiteLienTelephone else {
            liens[jeton] = nil
            return nil
        }
        return l.ouverture
    }

    /// 32 random bytes, base64url: a value nobody guesses.
    static func aleatoire() -> String {
        var g = SystemRandomNumberGenerator()
        let octets = (0..<32).map { _ in UInt8.random(in: 0...255, using: &g) }
        return Data(octets).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
