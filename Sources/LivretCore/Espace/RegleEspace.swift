/// The rules of the learner's own space (`livret espace`, issue 21), in one place: the one-time
/// sign-in code, the limits on wrong attempts, how long a session lasts.
///
/// A learner has no account, no password and maybe no e-mail: a formatrice gives them a short code
/// on the spot (terminal UI or command line). The code is short because it is read aloud and typed by
/// someone with little reading ease; it is safe because it lives a few minutes, serves once, is stored
/// only as a salted hash, and wrong guesses are limited (a million codes, a handful of tries).
public enum RegleEspace {
    /// Digits of a sign-in code (« 482 913 »).
    public static let chiffresCode = 6
    /// How long a code may be used after it is given, in seconds.
    public static let validiteCode: Int64 = 10 * 60
    /// Wrong codes allowed from one address within ``fenetreEssais`` before it must wait.
    public static let essaisParAdresse = 5
    /// Wrong codes allowed from all addresses together within ``fenetreEssais``: past it, no code is
    /// accepted until the window has passed (a guesser spreading over many phones gains nothing).
    public static let essaisEnTout = 30
    /// The window over which wrong codes are counted, in seconds.
    public static let fenetreEssais: Int64 = 10 * 60
    /// A session ends after this many seconds without a page asked (a shared computer left open).
    public static let inactiviteSession: Int64 = 5 * 60
    /// A session ends after this many seconds whatever happens.
    public static let dureeMaxSession: Int64 = 60 * 60
    /// How long a phone link (QR code) may be used, in seconds.
    public static let validiteLienTelephone: Int64 = 5 * 60

    /// A new code from `tirage`, a source of random numbers (the system's in use, a seeded one in tests).
    public static func nouveauCode<G: RandomNumberGenerator>(_ tirage: inout G) -> String {
        (0..<chiffresCode).map { _ in String(Int.random(in: 0...9, using: &tirage)) }.joined()
    }

    /// The code as typed (« 482 913 », « 482-913 ») reduced to its digits; nil when it cannot be a code
    /// (no guess is counted for a typing slip such as a letter or a missing digit).
    public static func code(saisi texte: String) -> String? {
        let chiffres = texte.filter { !$0.isWhitespace && $0 != "-" && $0 != "." }
        guard chiffres.count == chiffresCode, chiffres.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return chiffres
    }

    /// The code as shown and read aloud: two groups of three (« 482 913 »).
    public static func affichage(_ code: String) -> String {
        guard code.count == chiffresCode else { return code }
        return String(code.prefix(chiffresCode / 2)) + " " + String(code.suffix(chiffresCode - chiffresCode / 2))
    }

    /// Whether a code given at `donneLe` (seconds) may still be used at `maintenant`.
    public static func codeValide(donneLe: Int64, maintenant: Int64) -> Bool {
        maintenant >= donneLe && maintenant - donneLe < validiteCode
    }

    /// Why a sign-in with a code is refused, in the learner's words.
    public enum Refus: Error, Equatable, Sendable {
        /// Not six digits.
        case malTape
        /// No code given and still valid matches (wrong, expired, already used: the learner is not
        /// told which, a guesser learns nothing).
        case inconnu
        /// Too many wrong codes from this address: wait.
        case tropEssaisIci(attendreSecondes: Int64)
        /// Too many wrong codes in all: wait.
        case tropEssais(attendreSecondes: Int64)

        /// The message on the sign-in page: short sentences, what to do.
        public var message: String {
            switch self {
            case .malTape: "Le code a 6 chiffres. Tapez les 6 chiffres que la formatrice vous a donnés."
            case .inconnu: "Ce code ne marche pas. Il est peut-être faux, déjà utilisé ou trop vieux. Demandez un nouveau code à la formatrice."
            case .tropEssaisIci(let s), .tropEssais(let s):
                "Trop de codes faux. Attendez \(Self.minutes(s)), puis demandez un nouveau code à la formatrice."
            }
        }

        static func minutes(_ secondes: Int64) -> String {
            let m = max(1, Int((secondes + 59) / 60))
            return m == 1 ? "1 minute" : "\(m) minutes"
        }
    }

    /// Whether one more code may be tried, given the instants (seconds) of the wrong codes already
    /// typed from this address and from everywhere; nil: it may. Blocked both here and everywhere,
    /// the longer wait is the one said (the shorter would end on another refusal).
    public static func blocage(echecsIci: [Int64], echecsPartout: [Int64], maintenant: Int64) -> Refus? {
        func recents(_ t: [Int64]) -> [Int64] { t.filter { maintenant - $0 < fenetreEssais }.sorted() }
        /// Seconds until fewer than `limite` recent failures are left; nil when already fewer.
        func attente(_ t: [Int64], limite: Int) -> Int64? {
            t.count >= limite ? t[t.count - limite] + fenetreEssais - maintenant : nil
        }
        let ici = attente(recents(echecsIci), limite: essaisParAdresse), partout = attente(recents(echecsPartout), limite: essaisEnTout)
        switch (ici, partout) {
        case (nil, nil): return nil
        case (let i?, nil): return .tropEssaisIci(attendreSecondes: i)
        case (nil, let p?): return .tropEssais(attendreSecondes: p)
        case (let i?, let p?): return i >= p ? .tropEssaisIci(attendreSecondes: i) : .tropEssais(attendreSecondes: p)
        }
    }

    /// Whether a session last seen at `vuLe` and opened at `ouverteLe` is still open at `maintenant`.
    public static func sessionOuverte(ouverteLe: Int64, vuLe: Int64, maintenant: Int64) -> Bool {
        maintenant - vuLe < inactiviteSession && maintenant - ouverteLe < dureeMaxSession
    }
}

extension NiveauPreuve {
    /// How it was shown, said to the learner herself in her space (the CV says it to an employer),
    /// agreeing with her sex when known.
    public func phrasePourLaPersonne(_ sexe: Sexe) -> String {
        switch self {
        case .declaratif: "Vous l'avez dit."
        case .suivi: "Vous l'avez fait avec de l'aide."
        case .autonomie: "Vous l'avez fait \(Accord.genre(sexe, feminin: "seule", masculin: "seul"))."
        case .certifie: "C'est certifié."
        }
    }
}
