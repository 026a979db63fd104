/// French agreement of a noun (or noun phrase) with a count: « 0 compétence », « 1 séance »,
/// « 2 séances ». In French, 0 and 1 take the singular; from 2 on, the plural.
///
/// This is the one helper for it: every message that puts a count before a word goes through here,
/// never through « séance(s) » or a hand-written `n > 1 ? "s" : ""`.
public enum Accord {
    /// « de » before a name, elided before a vowel: « d'Awa », « d'Inès », « de Mehdi », « de Hugo »
    /// (no elision before h, which may be aspirated).
    public static func de(_ nom: String) -> String {
        guard let premiere = nom.unicodeScalars.first else { return "de " + nom }
        let voyelles = "aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ"
        return voyelles.unicodeScalars.contains(premiere) ? "d'" + nom : "de " + nom
    }

    /// « 1 séance », « 0 compétence », « 3 instantanés ajoutés ».
    ///
    /// `pluriel` is the plural form when it is not the regular one (see ``forme(_:_:_:)``),
    /// and for phrases of several words: `Accord.nombre(n, "badge signé", "badges signés")`.
    public static func nombre(_ n: Int, _ singulier: String, _ pluriel: String? = nil) -> String {
        "\(n) \(forme(n, singulier, pluriel))"
    }

    /// The form of `singulier` that agrees with `n`, without the number: for a word further in
    /// the sentence (« 2 badges délivrés à Awa, signés »).
    ///
    /// The regular plural of a single word: unchanged after s, x or z (« mois », « prix »), an x
    /// after « au » and « eu » (« niveaux », « jeux »), an s otherwise. Irregular words (« travail »,
    /// « journal ») and phrases of several words need `pluriel`.
    public static func forme(_ n: Int, _ singulier: String, _ pluriel: String? = nil) -> String {
        guard n > 1 || n < -1 else { return singulier }
        if let pluriel { return pluriel }
        return plurielRegulier(singulier)
    }

    /// « séance » → « séances », « niveau » → « niveaux », « mois » → « mois ».
    public static func plurielRegulier(_ mot: String) -> String {
        if mot.isEmpty { return mot }
        if let derniere = mot.last, "sxzSXZ".contains(derniere) { return mot }
        if mot.hasSuffix("au") || mot.hasSuffix("eu") { return mot + "x" }
        return mot + "s"
    }
}

extension Accord {
    /// A word said to a person, agreeing with her sex when it is known: « venue » (féminin),
    /// « venu » (masculin), « venue ou venu » otherwise (autre, non communiqué).
    public static func genre(_ sexe: Sexe, feminin: String, masculin: String) -> String {
        switch sexe {
        case .feminin: feminin
        case .masculin: masculin
        case .autre, .nonCommunique: "\(feminin) ou \(masculin)"
        }
    }
}
