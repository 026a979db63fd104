/// Whether an inscription meets its parcours' **critère d'achèvement**: enough of the parcours
/// followed (avancement ≥ the parcours' minimum share) and, when the parcours requires it, a
/// validated Pix certification.
///
/// « Terminé » itself is the inscription's recorded status (the formateur's decision, dated and
/// attributed): it is what every figure counts. The critère is checked when « terminé » is
/// recorded (``RegleStatut``); a « terminé » whose critère is not (or no longer) met is shown
/// with the reason, never silently.
public struct CritereAchevement: Sendable, Equatable, Codable {
    public var atteint: Bool
    /// Minutes that must be followed (the share of ``HeuresSuivi/minutesReference``).
    public var minutesRequises: Int
    /// Minutes followed.
    public var minutesSuivies: Int
    /// The parcours requires a validated Pix certification and there is none.
    public var certificationManquante: Bool

    public init(minutesRequises: Int, minutesSuivies: Int, certificationManquante: Bool) {
        self.minutesRequises = minutesRequises
        self.minutesSuivies = minutesSuivies
        self.certificationManquante = certificationManquante
        atteint = minutesSuivies >= minutesRequises && !certificationManquante
    }

    /// Evaluates the critère of `parcours` for hours `heures`; `certifie`: a validated Pix certification exists.
    public static func evaluer(parcours: Parcours, heures: HeuresSuivi, certifie: Bool) -> CritereAchevement {
        CritereAchevement(minutesRequises: Int((heures.minutesReference * parcours.assiduiteMinimale).rounded(.up)),
                          minutesSuivies: heures.minutesSuivies, certificationManquante: parcours.certificationRequise && !certifie)
    }

    /// Why it is not met, in plain French (nil when met). Written only when asked: a report
    /// evaluates 100 000 critères and reads none of these sentences.
    public var raison: String? {
        var raisons: [String] = []
        if minutesSuivies < minutesRequises {
            raisons.append("\(Format.heures(Double(minutesSuivies) / 60)) suivies sur \(Format.heures(Double(minutesRequises) / 60)) requises")
        }
        if certificationManquante { raisons.append("certification Pix pas encore validée") }
        return raisons.isEmpty ? nil : raisons.joined(separator: " ; ")
    }

    enum CodingKeys: String, CodingKey { case atteint, minutesRequises, minutesSuivies, certificationManquante, raison }

    /// The facts and the reason, so that a JSON export says what the screens say.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(atteint, forKey: .atteint)
        try c.encode(minutesRequises, forKey: .minutesRequises)
        try c.encode(minutesSuivies, forKey: .minutesSuivies)
        try c.encode(certificationManquante, forKey: .certificationManquante)
        try c.encodeIfPresent(raison, forKey: .raison)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(minutesRequises: try c.decode(Int.self, forKey: .minutesRequises), minutesSuivies: try c.decode(Int.self, forKey: .minutesSuivies),
                  certificationManquante: try c.decode(Bool.self, forKey: .certificationManquante))
    }
}

/// The counts an inscription falls in, from its recorded status and hours: the one place that
/// says what « commencé », « terminé » and « abandon » mean in every figure (dashboards, learner
/// file, terminal UI, funder report, badges, exports).
public struct Decompte: Sendable, Equatable, Codable {
    /// **Commencé**: the inscription moved on from « inscrit » (the person came, finished or left)
    /// or some presence was recorded.
    public var commence: Bool
    /// **Terminé**: the latest status is « terminé ».
    public var termine: Bool
    /// **Abandon**: the latest status is « abandon ».
    public var abandon: Bool

    /// - Parameters:
    ///   - statut: the latest recorded status.
    ///   - venu: some minutes « présent » were recorded (terminé and abandon do not look at it).
    public init(statut: StatutInscription, venu: Bool) {
        commence = statut != .inscrit || venu
        termine = statut == .termine
        abandon = statut == .abandon
    }
}

extension ModeleParcours.RegleDeCompletion {
    /// The critère d'achèvement in words (``CritereAchevement`` evaluates exactly this): for the
    /// parcours' description and the parcours badge's criterion.
    public var libelle: String {
        "au moins \(Format.pourcentage(assiduiteMinimale)) des heures du parcours suivies (ou de toutes les séances prévues, si c'est plus)"
            + (certificationRequise ? ", et la certification Pix validée" : "")
    }
}
