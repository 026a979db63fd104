/// Where a learner stands for CléA numérique, from the Pix Certif results (the "Certification CléA
/// Numérique" column) and the Pix Orga exports (the CléA badge column). One rule, here (decision 55). No I/O.
public struct PreparationCleA: Sendable, Equatable, Codable {
    public enum Etat: String, Sendable, Codable, CaseIterable {
        /// A Pix Certif result with CléA numérique « Validée ».
        case obtenu
        /// The CléA badge obtained on a shared Pix Orga campaign, CléA not validated yet.
        case badgeObtenu = "badge_obtenu"
        /// Neither.
        case pasEncore = "pas_encore"

        /// The full French sentence.
        public var libelle: String {
            switch self {
            case .obtenu: "CléA numérique obtenu"
            case .badgeObtenu: "badge CléA obtenu sur Pix Orga : prêt à passer la certification CléA"
            case .pasEncore: "pas encore"
            }
        }

        /// The short form, for table cells.
        public var court: String {
            switch self {
            case .obtenu: "obtenu"
            case .badgeObtenu: "prêt à passer"
            case .pasEncore: "pas encore"
            }
        }
    }

    public var etat: Etat
    /// The day of the validated certification, or of the shared campaign that gave the badge.
    public var date: Jour?
    /// The file it was read from (a Pix Certif or Pix Orga export), or "saisie".
    public var source: String?
    /// The latest CléA result of Pix Certif that is not « Validée » (rejected, cancelled…), for the formateur.
    public var derniereTentative: ResultatCleA?
    public var dateDerniereTentative: Jour?

    public init(etat: Etat, date: Jour? = nil, source: String? = nil, derniereTentative: ResultatCleA? = nil, dateDerniereTentative: Jour? = nil) {
        self.etat = etat
        self.date = date
        self.source = source
        self.derniereTentative = derniereTentative
        self.dateDerniereTentative = dateDerniereTentative
    }

    /// The rule: CléA validated in a validated Pix certification (the first one) → obtenu; else the
    /// CléA badge on a shared Pix Orga participation (the latest one, exams included: the badge is
    /// the target profile's own) → prêt à passer la certification CléA; else pas encore.
    public static func calculer(profils: [ProfilPix], certifications: [CertificationPix]) -> PreparationCleA {
        let parDate = certifications.sorted { ($0.date, $0.id ?? Int64.min) < ($1.date, $1.id ?? Int64.min) }
        let tentatives = parDate.filter { $0.clea != nil && $0.clea != .nonPassee }
        let echec = tentatives.last { !($0.statut == .validee && $0.clea == .validee) }
        if let obtenue = tentatives.first(where: { $0.statut == .validee && $0.clea == .validee }) {
            return PreparationCleA(etat: .obtenu, date: obtenue.date, source: obtenue.source ?? "saisie")
        }
        let badge = profils.filter { $0.partage && $0.badgeCleA == true }
            .max { ($0.date, $0.id ?? Int64.min) < ($1.date, $1.id ?? Int64.min) }
        return PreparationCleA(etat: badge == nil ? .pasEncore : .badgeObtenu, date: badge?.date, source: badge?.source,
                               derniereTentative: echec?.clea, dateDerniereTentative: echec?.date)
    }

    /// One line in plain French: « badge CléA obtenu sur Pix Orga : … (le 12/02/2024, Resultats-….csv) ».
    public var phrase: String {
        var texte = etat.libelle
        if let date { texte += " (le \(date.francais)\(source.map { ", \($0)" } ?? ""))" }
        if let tentative = derniereTentative, let jour = dateDerniereTentative {
            texte += " ; dernière certification CléA : \(tentative.libelle.lowercased()) le \(jour.francais)"
        }
        return texte
    }
}
