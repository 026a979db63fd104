import LivretCore

/// The network's schema and queries, written once for both engines: plain SQL that SQLite and
/// PostgreSQL read alike (snake_case names, integers for booleans, text for days and lists).
/// Engine-specific parts (keys, row-level security) are in each store.
public enum SchemaReseau {
    /// The columns of an inscription record, in insertion order.
    public static let colonnesInscription = ["extrait_id", "membre", "periode", "numero", "parcours", "mois_debut", "mois_fin", "sexe", "tranche_age",
                                      "qpv", "statut", "etat", "venu", "minutes_prevues", "minutes_suivies", "motif_abandon", "sorties",
                                      "competences", "suivis", "satisfaction", "thematiques"]
    /// The columns of an accompaniment record, in insertion order.
    public static let colonnesAccompagnement = ["extrait_id", "membre", "periode", "numero", "mois", "type", "lieu", "minutes", "thematiques", "sexe",
                                         "tranche_age"]

    /// The tables of records (the same definition in both engines; `ID` is the engine's key type).
    static func tablesEnregistrements(id: String) -> [String] {
        ["""
        CREATE TABLE inscription_reseau (
            extrait_id \(id) NOT NULL REFERENCES extrait(id) ON DELETE CASCADE,
            membre TEXT NOT NULL, periode INTEGER NOT NULL, numero TEXT NOT NULL, parcours TEXT NOT NULL,
            mois_debut TEXT NOT NULL, mois_fin TEXT, sexe TEXT NOT NULL, tranche_age TEXT NOT NULL, qpv TEXT NOT NULL, statut TEXT NOT NULL,
            etat TEXT NOT NULL, venu INTEGER NOT NULL, minutes_prevues INTEGER NOT NULL, minutes_suivies INTEGER NOT NULL,
            motif_abandon TEXT, sorties TEXT NOT NULL, competences INTEGER NOT NULL, suivis TEXT NOT NULL, satisfaction TEXT NOT NULL,
            thematiques TEXT NOT NULL)
        """,
        """
        CREATE TABLE accompagnement_reseau (
            extrait_id \(id) NOT NULL REFERENCES extrait(id) ON DELETE CASCADE,
            membre TEXT NOT NULL, periode INTEGER NOT NULL, numero TEXT NOT NULL, mois TEXT NOT NULL, type TEXT NOT NULL, lieu TEXT NOT NULL,
            minutes INTEGER NOT NULL, thematiques TEXT NOT NULL, sexe TEXT NOT NULL, tranche_age TEXT NOT NULL)
        """,
        "CREATE INDEX inscription_reseau_periode ON inscription_reseau (periode, membre)",
        "CREATE INDEX inscription_reseau_extrait ON inscription_reseau (extrait_id)",
        "CREATE INDEX accompagnement_reseau_extrait ON accompagnement_reseau (extrait_id)"]
    }

    /// One row's values for ``colonnesInscription`` (after `extrait_id`, `membre`, `periode`).
    static func valeurs(_ e: EnregistrementInscription) -> [ValeurSQL] {
        [.texte(e.numero), .texte(e.parcours), .texte(e.moisDebut), e.moisFin.map(ValeurSQL.texte) ?? .nul, .texte(e.sexe.rawValue),
         .texte(e.trancheAge), .texte(e.qpv.rawValue), .texte(e.statut.rawValue), .texte(e.etat.rawValue), .entier(e.venu ? 1 : 0),
         .entier(e.minutesPrevues), .entier(e.minutesSuivies), e.motifAbandon.map(ValeurSQL.texte) ?? .nul,
         .texte(AgregatReseau.texte(liste: e.sorties)), .entier(e.competencesCertifiees), .texte(AgregatReseau.texte(liste: e.suivis)),
         .texte(AgregatReseau.texte(satisfaction: e.satisfaction)), .texte(AgregatReseau.texte(liste: e.thematiques))]
    }

    /// One row's values for ``colonnesAccompagnement`` (after `extrait_id`, `membre`, `periode`).
    static func valeurs(_ a: EnregistrementAccompagnement) -> [ValeurSQL] {
        [.texte(a.numero), .texte(a.mois), .texte(a.type.rawValue), .texte(a.lieu.rawValue), .entier(a.minutes),
         .texte(AgregatReseau.texte(liste: a.thematiques)), .texte(a.sexe.rawValue), .texte(a.trancheAge)]
    }

    /// The report's rows for one period (one parameter, the year, written `$1` or `?` by `parametre`):
    /// columns genre, membre, parcours, sexe, tranche_age, qpv, statut, etat, venu, competences, libelle, nombre, prevues, suivies.
    public static func agregats(parametre p: String) -> String {
        let categories = "membre, parcours, sexe, tranche_age, qpv, statut"
        let neutre = "'inscrit', 0, 0"
        return """
        SELECT 'inscriptions', \(categories), etat, venu, competences, '', COUNT(*), SUM(minutes_prevues), SUM(minutes_suivies)
          FROM inscription_reseau WHERE periode = \(p) GROUP BY \(categories), etat, venu, competences
        UNION ALL
        SELECT 'motif', \(categories), \(neutre), motif_abandon, COUNT(*), 0, 0
          FROM inscription_reseau WHERE periode = \(p) AND motif_abandon IS NOT NULL GROUP BY \(categories), motif_abandon
        UNION ALL
        SELECT 'sorties', \(categories), \(neutre), sorties, COUNT(*), 0, 0
          FROM inscription_reseau WHERE periode = \(p) AND sorties <> '' GROUP BY \(categories), sorties
        UNION ALL
        SELECT 'suivis', \(categories), \(neutre), suivis, COUNT(*), 0, 0
          FROM inscription_reseau WHERE periode = \(p) AND suivis <> '' GROUP BY \(categories), suivis
        UNION ALL
        SELECT 'satisfaction', \(categories), \(neutre), satisfaction, COUNT(*), 0, 0
          FROM inscription_reseau WHERE periode = \(p) AND satisfaction <> '' GROUP BY \(categories), satisfaction
        """
    }

    /// Reads one row of ``agregats(parametre:)`` from its 14 values.
    static func agregat(genre: String, membre: String, parcours: String, sexe: String, tranche: String, qpv: String, statut: String, etat: String,
                        venu: Int, competences: Int, libelle: String, nombre: Int, prevues: Int, suivies: Int) -> AgregatReseau? {
        guard let g = AgregatReseau.Genre(rawValue: genre) else { return nil }
        return AgregatReseau(genre: g, membre: membre, parcours: parcours, sexe: Sexe(rawValue: sexe) ?? .nonCommunique, trancheAge: tranche,
                             qpv: ResidenceQPV(rawValue: qpv) ?? .nonCommunique, statut: StatutSocial(rawValue: statut) ?? .nonCommunique,
                             etat: StatutInscription(rawValue: etat) ?? .inscrit, venu: venu != 0, competences: competences, libelle: libelle,
                             nombre: nombre, minutesPrevues: prevues, minutesSuivies: suivies)
    }
}

/// A value bound to a statement, for either engine.
enum ValeurSQL: Sendable, Equatable {
    case texte(String)
    case entier(Int)
    case nul
}
