import GRDB
import LivretCore

/// What a structure's base gives a network's extract: one row per inscription and per
/// accompaniment of the period, categories only (never a name, contact, year of birth or id).
/// The counts follow exactly the report's definitions (``groupesStatistiquesParCohorte``): same
/// scope, same planned and attended minutes, same consent rule.
public struct FaitsExtrait: Sendable {
    /// One inscription of the period: its facts, the person's year of birth only for the age band,
    /// the APTIC items worked on in the cohort (for Coop thématiques), the consent flag.
    public struct Inscription: Sendable {
        public var modele: String
        public var debut: Jour
        public var fin: Jour?
        public var sexe: Sexe
        public var anneeNaissance: Int?
        public var qpv: ResidenceQPV
        public var statut: StatutSocial
        public var etat: StatutInscription
        public var minutesPrevues: Int
        public var minutesSuivies: Int
        public var motifAbandon: String?
        public var sorties: [String]
        public var competences: Int
        public var suivis: [String]
        public var satisfaction: [[Int]]
        public var itemsAptic: [String]
        public var accordStatistiques: Bool?
    }

    /// One accompaniment of the period.
    public struct Accompagnement: Sendable {
        public var date: Jour
        public var type: TypeAccompagnement
        public var lieu: LieuAccompagnement
        public var minutes: Int
        public var thematiques: [ThematiqueCoop]
        public var itemsAptic: [String]
        public var sexe: Sexe
        /// The years of birth the person may have (one year for a learner, a band for an anonymous person).
        public var naissance: ClosedRange<Int>?
        /// nil for an anonymous person (counted: nobody can be found from it).
        public var accordStatistiques: Bool?
        public var anonyme: Bool
    }

    public var inscriptions: [Inscription]
    public var accompagnements: [Accompagnement]
}

extension Base {
    /// The facts of a network extract over [du, au], « à ce jour » `au`.
    public func faitsExtrait(du: Jour, au: Jour, niveauCertifie: Int) throws(ErreurBase) -> FaitsExtrait {
        let (condition, arguments) = Self.filtre(.structure, du: du, au: au)
        let bornes = "s.date >= ? AND s.date <= ?"
        let argumentsPeriode: StatementArguments = [du, au]
        return try lire { db in
            let heures = try Self.heuresCohortes(db, condition: ("\(condition) AND \(bornes)", arguments + argumentsPeriode), au: au)
            let prevues = "{" + heures.map { "\"\($0.key)\":\($0.value.minutesPrevuesACeJour)" }.joined(separator: ",") + "}"
            let accord = Self.accordStatistiques(apprenant: "a.id")
            var inscriptions: [FaitsExtrait.Inscription] = []
            for l in try Row.fetchAll(db, sql: """
                WITH prevues(cohorteId, m) AS (SELECT CAST(key AS INTEGER), value FROM json_each(?)),
                certs AS MATERIALIZED (
                    SELECT apprenantId, MAX(n) AS n FROM (
                        SELECT cp.apprenantId AS apprenantId, COUNT(*) AS n FROM certificationPix cp
                        JOIN certificationPixCompetence cc ON cc.certificationId = cp.id
                        WHERE cp.statut = 'validee' AND cc.niveau >= ? GROUP BY cp.id
                    ) GROUP BY apprenantId
                )
                SELECT p.modele AS modele, c.debut AS debut, c.fin AS fin, a.sexe AS sexe, a.anneeNaissance AS anneeNaissance, a.qpv AS qpv,
                       a.statutSocial AS statutSocial, suivi.statut AS etat, COALESCE(prevues.m, 0) AS minutesPrevues,
                       COALESCE((SELECT SUM(pr.minutes) FROM presence pr JOIN seance s ON s.id = pr.seanceId
                                 WHERE pr.apprenantId = i.apprenantId AND pr.cohorteId = i.cohorteId AND pr.statut = 'present' AND \(bornes)), 0) AS minutesSuivies,
                       (SELECT COALESCE(e.motif, 'non précisé') FROM etapeInscription e WHERE e.inscriptionId = i.id ORDER BY e.id DESC LIMIT 1) AS motif,
                       (SELECT group_concat(so.type) FROM sortie so WHERE so.inscriptionId = i.id) AS sorties,
                       COALESCE(certs.n, 0) AS competences,
                       (SELECT group_concat(sa.delaiMois || ':' || sa.situation || CASE WHEN sa.tempsPartiel THEN ':temps_partiel' ELSE '' END
                                            || CASE WHEN sa.enLienFormation THEN ':en_lien' ELSE '' END)
                          FROM suiviApresAction sa WHERE sa.apprenantId = i.apprenantId AND sa.cohorteId = i.cohorteId) AS suivis,
                       (SELECT group_concat(COALESCE(st.q1, 0) || ',' || COALESCE(st.q2, 0) || ',' || COALESCE(st.q3, 0) || ',' || COALESCE(st.q4, 0), ';')
                          FROM satisfaction st WHERE st.apprenantId = i.apprenantId AND st.cohorteId = i.cohorteId) AS satisfaction,
                       (SELECT group_concat(DISTINCT pv.code) FROM preuve pv WHERE pv.apprenantId = i.apprenantId AND pv.referentiel = 'aptic'
                          AND pv.date >= c.debut AND pv.date <= COALESCE(c.fin, '\(au)')) AS items,
                       \(accord) AS accord
                FROM inscription i JOIN cohorte c ON c.id = i.cohorteId JOIN parcours p ON p.id = c.parcoursId
                JOIN apprenant a ON a.id = i.apprenantId JOIN suiviInscription suivi ON suivi.inscriptionId = i.id
                LEFT JOIN prevues ON prevues.cohorteId = i.cohorteId LEFT JOIN certs ON certs.apprenantId = i.apprenantId
                WHERE \(condition)
                """, arguments: [prevues, niveauCertifie] + argumentsPeriode + arguments) {
                let etat = StatutInscription(rawValue: l["etat"]) ?? .inscrit
                func liste(_ colonne: String) -> [String] { (l[colonne] as String?).map(AgregatReseau.liste) ?? [] }
                inscriptions.append(FaitsExtrait.Inscription(
                    modele: l["modele"], debut: Jour(l["debut"] as String)!, fin: (l["fin"] as String?).flatMap(Jour.init),
                    sexe: Sexe(rawValue: l["sexe"]) ?? .nonCommunique, anneeNaissance: l["anneeNaissance"],
                    qpv: ResidenceQPV(rawValue: l["qpv"]) ?? .nonCommunique, statut: StatutSocial(rawValue: l["statutSocial"]) ?? .nonCommunique,
                    etat: etat, minutesPrevues: l["minutesPrevues"], minutesSuivies: l["minutesSuivies"],
                    motifAbandon: etat == .abandon ? l["motif"] : nil, sorties: liste("sorties"), competences: l["competences"],
                    suivis: liste("suivis"), satisfaction: (l["satisfaction"] as String?).map(AgregatReseau.satisfaction) ?? [],
                    itemsAptic: liste("items"), accordStatistiques: l["accord"]))
            }
            var accompagnements: [FaitsExtrait.Accompagnement] = []
            for l in try Row.fetchAll(db, sql: """
                SELECT ac.date AS date, ac.type AS type, ac.lieu AS lieu, ac.minutes AS minutes,
                       (SELECT group_concat(t.code) FROM accompagnementTheme t WHERE t.accompagnementId = ac.id AND t.referentiel = 'coop') AS coop,
                       (SELECT group_concat(t.code) FROM accompagnementTheme t WHERE t.accompagnementId = ac.id AND t.referentiel = 'aptic') AS aptic,
                       COALESCE(a.sexe, ac.sexe) AS sexe, COALESCE(a.anneeNaissance, ac.naissanceMin) AS naissanceMin,
                       COALESCE(a.anneeNaissance, ac.naissanceMax) AS naissanceMax,
                       CASE WHEN a.id IS NULL THEN 1 ELSE \(accord) END AS accord, a.id IS NULL AS anonyme
                FROM accompagnement ac LEFT JOIN apprenant a ON a.id = ac.apprenantId
                WHERE ac.date >= ? AND ac.date <= ?
                """, arguments: [du, au]) {
                let minimum: Int? = l["naissanceMin"], maximum: Int? = l["naissanceMax"]
                accompagnements.append(FaitsExtrait.Accompagnement(
                    date: Jour(l["date"] as String)!, type: TypeAccompagnement(rawValue: l["type"]) ?? .permanence,
                    lieu: LieuAccompagnement(rawValue: l["lieu"]) ?? .structure, minutes: l["minutes"],
                    thematiques: ((l["coop"] as String?).map(AgregatReseau.liste) ?? []).compactMap(ThematiqueCoop.init(rawValue:)),
                    itemsAptic: (l["aptic"] as String?).map(AgregatReseau.liste) ?? [], sexe: Sexe(rawValue: l["sexe"]) ?? .nonCommunique,
                    naissance: minimum.flatMap { lo in maximum.map { lo...max(lo, $0) } }, accordStatistiques: l["accord"], anonyme: l["anonyme"]))
            }
            return FaitsExtrait(inscriptions: inscriptions, accompagnements: accompagnements)
        }
    }
}
