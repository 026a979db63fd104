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
    /// Why it is not met, in plain French (nil when met).
    public var raison: String?

    public init(atteint: Bool, minutesRequises: Int, raison: String?) {
        self.atteint = atteint
        self.minutesRequises = minutesRequises
        self.raison = raison
    }

    /// Evaluates the critère of `parcours` for hours `heures`; `certifie`: a validated Pix certification exists.
    public static func evaluer(parcours: Parcours, heures: HeuresSuivi, certifie: Bool) -> CritereAchevement {
        let requises = Int((heures.minutesReference * parcours.assiduiteMinimale).rounded(.up))
        var raisons: [String] = []
        if heures.minutesSuivies < requises {
            raisons.append("\(Format.heures(heures.heuresSuivies)) suivies sur \(Format.heures(Double(requises) / 60)) requises")
        }
        if parcours.certificationRequise && !certifie {
            raisons.append("certification Pix pas encore validée")
        }
        return CritereAchevement(atteint: raisons.isEmpty, minutesRequises: requises,
                                 raison: raisons.isEmpty ? nil : raisons.joined(separator: " ; "))
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

    public init(statut: StatutInscription, minutesSuivies: Int) {
        commence = statut != .inscrit || minutesSuivies > 0
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
