/// A count as published: masked when it could identify people, or to protect one that could.
/// A masked count carries no number at all (JSON: `"nombre": null, "masque": true`), and looks the
/// same whatever the reason it was masked.
public struct ValeurPubliee: Sendable, Codable, Equatable, Hashable {
    /// The count; nil when masked (the real value never leaves the computation).
    public let nombre: Int?
    public let masque: Bool

    public init(nombre: Int, masque: Bool) {
        self.nombre = masque ? nil : nombre
        self.masque = masque
    }

    /// "12", or the mark of secrecy (``SecretStatistique/marque``) when masked.
    public func texte(seuil: Int?) -> String {
        nombre.map(String.init) ?? SecretStatistique.marque
    }

    enum CodingKeys: String, CodingKey { case nombre, masque }

    /// `nombre` is written as `null` when masked (never left out, never 0).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let nombre { try c.encode(nombre, forKey: .nombre) } else { try c.encodeNil(forKey: .nombre) }
        try c.encode(masque, forKey: .masque)
    }
}

/// A rate as published: nil when it cannot be computed (nothing to divide by) or is masked.
public struct TauxPublie: Sendable, Codable, Equatable, Hashable {
    /// From 0 to 1, rounded to 0.0001; nil when masked or without denominator.
    public let valeur: Double?
    /// Computed from a masked count.
    public let masque: Bool

    public init(valeur: Double?, masque: Bool) {
        self.valeur = masque ? nil : valeur.map { ($0 * 10_000).rounded() / 10_000 }
        self.masque = masque
    }

    /// What a masked rate or number of hours is shown as: the same mark as a masked count.
    public static let texteMasque = SecretStatistique.marque

    /// `numerateur / denominateur`, masked when either is.
    public init(_ numerateur: Int, sur denominateur: Int, masque: Bool) {
        self.init(valeur: denominateur > 0 ? Double(numerateur) / Double(denominateur) : nil, masque: masque)
    }

    /// "66,7 %", the mark of secrecy when masked (the rate would reveal a masked count), "–" when
    /// not computable.
    public func texte(seuil: Int?) -> String {
        if masque { return TauxPublie.texteMasque }
        guard let valeur else { return "–" }
        return Format.pourcentage(valeur)
    }
}

/// Statistical confidentiality: small counts are masked, and enough other figures too so that no
/// masked count can be recovered, within seuil, from everything published (``ProtectionTableaux``).
public enum SecretStatistique {
    /// Counts from 1 to 4 are masked.
    public static let seuilParDefaut = 5

    /// The warning carried by reports computed without masking.
    public static let avertissementNonMasque = "Chiffres non masqués : usage interne uniquement, ne pas diffuser."

    /// How a masked figure is shown, in every format and on screen: « s », as the statistics
    /// offices write it (« s : secret statistique »). The same mark for every masked figure,
    /// whatever the reason.
    public static let marque = "s"

    /// The warning carried by reports where some figures are masked: how many, and why in general
    /// (never which cell for which reason).
    public static func avertissementMasque(seuil: Int, nombre: Int) -> String {
        "Secret statistique : \(Accord.nombre(nombre, "chiffre est remplacé", "chiffres sont remplacés")) par « \(marque) ». "
            + "Un effectif de 1 à \(seuil - 1) personnes pourrait faire reconnaître quelqu’un ; il est masqué, et d’autres chiffres le sont aussi, "
            + "choisis pour qu’aucun calcul à partir de ce qui est publié (totaux, sommes, taux) ne permette de le retrouver à moins de \(seuil) près."
    }

    /// The warning of a report whose masking could not reach the protection everywhere: internal use only.
    /// A report protected alone (a cohort of a parcours that has several): read with the reports
    /// of its parcours or structure, masked figures could be worked out.
    public static let avertissementProtegeSeul = "Rapport protégé seul : lu avec les rapports du parcours ou de la structure, des chiffres masqués pourraient se recouper. Usage interne, ne le diffusez pas avec eux."

    public static let avertissementNonProtegeable = "Certains chiffres n’ont pas pu être protégés assez : ce rapport est à usage interne, ne le diffusez pas."

    /// Whether `nombre` is masked on its own (primary suppression): from 1 to `seuil` − 1. Zero is published.
    public static func sousLeSeuil(_ nombre: Int, seuil: Int?) -> Bool {
        guard let seuil else { return false }
        return nombre > 0 && nombre < seuil
    }
}
