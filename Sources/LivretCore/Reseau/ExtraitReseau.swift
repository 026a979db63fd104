import Foundation

/// A structure's statistical extract for a network (`livret reseau extrait`): one pseudonymised
/// record per inscription and per accompaniment of a period, for the people whose consent allows
/// statistics. No name, contact, year of birth nor local identifier: categories only, and a
/// number that means nothing outside the extract (records are numbered in the order of their
/// content, not of anything local). Same base, same period, same bytes (``RegleExtrait/json(_:)``).
public struct ExtraitReseau: Sendable, Codable, Equatable {
    /// The format this version of Livret writes and reads.
    public static let formatCourant = "livret-extrait-reseau/1"

    /// ``formatCourant``; any other value is refused on import.
    public var format: String
    /// The structure, as its badges name it.
    public var structure: String
    /// The DID of its signing key (the `kid` of its badges, without the fragment).
    public var emetteur: String
    public var periode: PeriodeReseau
    /// The day it was made: a network refuses an extract older than the one it holds for the same period.
    public var faitLe: Jour
    /// The référentiels in use: `aptic`, `pix` → version.
    public var referentiels: [String: String]
    /// The age limits of ``EnregistrementInscription/trancheAge`` (the report's default bands).
    public var bornesAge: [Int]
    /// Inscriptions of the period whose person did not agree to statistics: a count, never a record.
    public var horsStatistiques: Int
    public var inscriptions: [EnregistrementInscription]
    public var accompagnements: [EnregistrementAccompagnement]

    public init(structure: String, emetteur: String, periode: PeriodeReseau, faitLe: Jour, referentiels: [String: String], bornesAge: [Int],
                horsStatistiques: Int, inscriptions: [EnregistrementInscription], accompagnements: [EnregistrementAccompagnement]) {
        format = Self.formatCourant
        self.structure = structure
        self.emetteur = emetteur
        self.periode = periode
        self.faitLe = faitLe
        self.referentiels = referentiels
        self.bornesAge = bornesAge
        self.horsStatistiques = horsStatistiques
        self.inscriptions = inscriptions
        self.accompagnements = accompagnements
    }
}

/// The period of an extract: one calendar year (`--periode 2025`).
public struct PeriodeReseau: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var annee: Int

    public init(annee: Int) { self.annee = annee }

    /// Reads « 2025 »; nil for anything else (a year between 2000 and 2100).
    public init?(texte: String) {
        guard let annee = Int(texte.trimmingCharacters(in: .whitespaces)), (2000...2100).contains(annee) else { return nil }
        self.annee = annee
    }

    /// First day.
    public var du: Jour { Jour(annee: annee, mois: 1, jour: 1)! }
    /// Last day: « à ce jour » of the period's report.
    public var au: Jour { Jour(annee: annee, mois: 12, jour: 31)! }
    /// « 2025 ».
    public var description: String { String(annee) }

    public static func < (a: PeriodeReseau, b: PeriodeReseau) -> Bool { a.annee < b.annee }

    public init(from decoder: any Decoder) throws {
        let texte = try decoder.singleValueContainer().decode(String.self)
        guard let p = PeriodeReseau(texte: texte) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "période « \(texte) » : une année, par exemple 2025"))
        }
        self = p
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// One inscription of the period, as a network may count it.
public struct EnregistrementInscription: Sendable, Codable, Equatable, Hashable {
    /// « i-1 », « i-2 »… in the order of the records' content: it only tells records apart.
    public var numero: String
    /// The parcours template's code (femmes-et-numerique…).
    public var parcours: String
    /// Month the cohort started, « 2025-03 », and ended (nil: not ended).
    public var moisDebut: String
    public var moisFin: String?
    public var sexe: Sexe
    /// The age band at the period's year (a label of ``TranchesAge/libelles``, with ``ExtraitReseau/bornesAge``).
    public var trancheAge: String
    public var qpv: ResidenceQPV
    public var statut: StatutSocial
    /// The latest recorded status of the inscription, and whether any presence was recorded.
    public var etat: StatutInscription
    public var venu: Bool
    /// Planned minutes of the séances held by the period's end, and minutes attended in the period.
    public var minutesPrevues: Int
    public var minutesSuivies: Int
    /// The drop-out reason when ``etat`` is « abandon » (« non précisé » when not given).
    public var motifAbandon: String?
    /// Positive outcomes (raw values of ``TypeSortie``), sorted.
    public var sorties: [String]
    /// Pix competences certified in the person's best validated certification (0: none).
    public var competencesCertifiees: Int
    /// Follow-ups after the action: « 6:emploi »… (delay in months, situation), sorted.
    public var suivis: [String]
    /// Satisfaction answers of this inscription's cohort by this person: notes 1–4 or 0 (no answer), one list per questionnaire.
    public var satisfaction: [[Int]]
    /// Coop thématiques of the parcours' items worked on (raw values), sorted.
    public var thematiques: [String]

    public init(numero: String = "", parcours: String, moisDebut: String, moisFin: String?, sexe: Sexe, trancheAge: String,
                qpv: ResidenceQPV, statut: StatutSocial, etat: StatutInscription, venu: Bool, minutesPrevues: Int, minutesSuivies: Int,
                motifAbandon: String?, sorties: [String], competencesCertifiees: Int, suivis: [String] = [], satisfaction: [[Int]] = [],
                thematiques: [String] = []) {
        self.numero = numero
        self.parcours = parcours
        self.moisDebut = moisDebut
        self.moisFin = moisFin
        self.sexe = sexe
        self.trancheAge = trancheAge
        self.qpv = qpv
        self.statut = statut
        self.etat = etat
        self.venu = venu
        self.minutesPrevues = minutesPrevues
        self.minutesSuivies = minutesSuivies
        self.motifAbandon = motifAbandon
        self.sorties = sorties.sorted()
        self.competencesCertifiees = competencesCertifiees
        self.suivis = suivis.sorted()
        self.satisfaction = satisfaction
        self.thematiques = thematiques.sorted()
    }
}

/// One accompaniment of the period (permanence, rendez-vous, atelier), as a network may count it.
public struct EnregistrementAccompagnement: Sendable, Codable, Equatable, Hashable {
    /// « a-1 », « a-2 »… in the order of the records' content.
    public var numero: String
    /// « 2025-03 ».
    public var mois: String
    public var type: TypeAccompagnement
    /// The kind of place (raw value of ``LieuAccompagnement``), never its name.
    public var lieu: LieuAccompagnement
    public var minutes: Int
    /// Coop thématiques (raw values), sorted.
    public var thematiques: [String]
    public var sexe: Sexe
    public var trancheAge: String

    public init(numero: String = "", mois: String, type: TypeAccompagnement, lieu: LieuAccompagnement, minutes: Int, thematiques: [String],
                sexe: Sexe, trancheAge: String) {
        self.numero = numero
        self.mois = mois
        self.type = type
        self.lieu = lieu
        self.minutes = minutes
        self.thematiques = thematiques.sorted()
        self.sexe = sexe
        self.trancheAge = trancheAge
    }
}
