/// One row of a network store's `GROUP BY` over the records in force: what the report is computed
/// from. Both stores (SQLite, PostgreSQL) give exactly these rows; Core applies the rules.
public struct AgregatReseau: Sendable, Equatable, Hashable, Codable {
    /// What the row counts.
    public enum Genre: String, Sendable, Codable, CaseIterable {
        /// Inscriptions sharing categories, state, « came » and certified competences.
        case inscriptions
        /// Drop-outs for the reason ``AgregatReseau/libelle``.
        case motif
        /// Inscriptions with the outcomes ``AgregatReseau/libelle`` (``texte(liste:)``).
        case sorties
        /// Inscriptions with the follow-ups ``AgregatReseau/libelle``.
        case suivis
        /// Inscriptions with the satisfaction answers ``AgregatReseau/libelle`` (``texte(satisfaction:)``).
        case satisfaction
    }

    public var genre: Genre
    public var membre: String
    public var parcours: String
    public var sexe: Sexe
    public var trancheAge: String
    public var qpv: ResidenceQPV
    public var statut: StatutSocial
    /// For ``Genre/inscriptions`` (neutral values otherwise).
    public var etat: StatutInscription
    public var venu: Bool
    public var competences: Int
    /// For the other genres: the reason, or a list as stored.
    public var libelle: String
    public var nombre: Int
    public var minutesPrevues: Int
    public var minutesSuivies: Int

    public init(genre: Genre, membre: String, parcours: String, sexe: Sexe, trancheAge: String, qpv: ResidenceQPV, statut: StatutSocial,
                etat: StatutInscription = .inscrit, venu: Bool = false, competences: Int = 0, libelle: String = "", nombre: Int,
                minutesPrevues: Int = 0, minutesSuivies: Int = 0) {
        self.genre = genre
        self.membre = membre
        self.parcours = parcours
        self.sexe = sexe
        self.trancheAge = trancheAge
        self.qpv = qpv
        self.statut = statut
        self.etat = etat
        self.venu = venu
        self.competences = competences
        self.libelle = libelle
        self.nombre = nombre
        self.minutesPrevues = minutesPrevues
        self.minutesSuivies = minutesSuivies
    }

    /// A list (outcomes, follow-ups, thématiques) as stored in one column: sorted, « , » between.
    public static func texte(liste: [String]) -> String { liste.sorted().joined(separator: ",") }

    /// The list back from its column.
    public static func liste(_ texte: String) -> [String] { texte.isEmpty ? [] : texte.split(separator: ",").map(String.init) }

    /// Satisfaction answers as stored: questionnaires separated by « ; », notes by « , » (0: no answer).
    public static func texte(satisfaction: [[Int]]) -> String {
        satisfaction.map { $0.map(String.init).joined(separator: ",") }.joined(separator: ";")
    }

    /// The answers back from their column.
    public static func satisfaction(_ texte: String) -> [[Int]] {
        texte.isEmpty ? [] : texte.split(separator: ";", omittingEmptySubsequences: false).map { q in
            q.split(separator: ",").map { Int($0) ?? 0 }
        }
    }

    /// The rows an extract gives, before any store: the reference the stores' `GROUP BY` must equal.
    public static func depuis(_ extrait: ExtraitReseau, membre: String) -> [AgregatReseau] {
        var lignes: [AgregatReseau: (Int, Int, Int)] = [:]
        func ajouter(_ a: AgregatReseau, _ prevues: Int = 0, _ suivies: Int = 0) {
            var cle = a
            cle.nombre = 0
            let v = lignes[cle] ?? (0, 0, 0)
            lignes[cle] = (v.0 + 1, v.1 + prevues, v.2 + suivies)
        }
        for e in extrait.inscriptions {
            func ligne(_ genre: Genre, _ libelle: String = "") -> AgregatReseau {
                AgregatReseau(genre: genre, membre: membre, parcours: e.parcours, sexe: e.sexe, trancheAge: e.trancheAge, qpv: e.qpv, statut: e.statut,
                              libelle: libelle, nombre: 0)
            }
            var i = ligne(.inscriptions)
            (i.etat, i.venu, i.competences) = (e.etat, e.venu, e.competencesCertifiees)
            ajouter(i, e.minutesPrevues, e.minutesSuivies)
            if let motif = e.motifAbandon { ajouter(ligne(.motif, motif)) }
            if !e.sorties.isEmpty { ajouter(ligne(.sorties, texte(liste: e.sorties))) }
            if !e.suivis.isEmpty { ajouter(ligne(.suivis, texte(liste: e.suivis))) }
            if !e.satisfaction.isEmpty { ajouter(ligne(.satisfaction, texte(satisfaction: e.satisfaction))) }
        }
        return lignes.map { cle, v in
            var a = cle
            (a.nombre, a.minutesPrevues, a.minutesSuivies) = v
            return a
        }.sorted { "\($0)" < "\($1)" }
    }
}
