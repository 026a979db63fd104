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

    /// The columns of a fact (``FaitReseau``), in insertion order.
    public static let colonnesFait = ["extrait_id", "membre", "periode", "parcours", "sexe", "rubrique", "valeur", "nombre", "commences", "termines",
                                      "abandons", "certifies", "competences", "minutes_prevues", "minutes_suivies"]

    /// The tables of records and facts (the same definition in both engines; `ID` is the engine's key
    /// type). Rows point to their extract without a foreign key: they are written in the transaction
    /// that inserts the extract, and deleted by the one that replaces it (a key checked row by row
    /// halves PostgreSQL's `COPY`, décision 62).
    static func tablesEnregistrements(id: String) -> [String] {
        ["""
        CREATE TABLE inscription_reseau (
            extrait_id \(id) NOT NULL,
            membre TEXT NOT NULL, periode INTEGER NOT NULL, numero TEXT NOT NULL, parcours TEXT NOT NULL,
            mois_debut TEXT NOT NULL, mois_fin TEXT, sexe TEXT NOT NULL, tranche_age TEXT NOT NULL, qpv TEXT NOT NULL, statut TEXT NOT NULL,
            etat TEXT NOT NULL, venu INTEGER NOT NULL, minutes_prevues INTEGER NOT NULL, minutes_suivies INTEGER NOT NULL,
            motif_abandon TEXT, sorties TEXT NOT NULL, competences INTEGER NOT NULL, suivis TEXT NOT NULL, satisfaction TEXT NOT NULL,
            thematiques TEXT NOT NULL)
        """,
        """
        CREATE TABLE accompagnement_reseau (
            extrait_id \(id) NOT NULL,
            membre TEXT NOT NULL, periode INTEGER NOT NULL, numero TEXT NOT NULL, mois TEXT NOT NULL, type TEXT NOT NULL, lieu TEXT NOT NULL,
            minutes INTEGER NOT NULL, thematiques TEXT NOT NULL, sexe TEXT NOT NULL, tranche_age TEXT NOT NULL)
        """,
        """
        CREATE TABLE fait_reseau (
            extrait_id \(id) NOT NULL, membre TEXT NOT NULL, periode INTEGER NOT NULL, parcours TEXT NOT NULL, sexe TEXT NOT NULL,
            rubrique TEXT NOT NULL, valeur TEXT NOT NULL, nombre INTEGER NOT NULL, commences INTEGER NOT NULL, termines INTEGER NOT NULL,
            abandons INTEGER NOT NULL, certifies INTEGER NOT NULL, competences INTEGER NOT NULL, minutes_prevues INTEGER NOT NULL,
            minutes_suivies INTEGER NOT NULL)
        """,
        "CREATE INDEX fait_reseau_periode ON fait_reseau (periode)",
        "CREATE INDEX fait_reseau_extrait ON fait_reseau (extrait_id)",
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

    /// One fact's values for ``colonnesFait`` (after `extrait_id`, `membre`, `periode`).
    static func valeurs(_ f: FaitReseau) -> [ValeurSQL] {
        [.texte(f.parcours), .texte(f.sexe.rawValue), .texte(f.rubrique.rawValue), .texte(f.valeur), .entier(f.nombre), .entier(f.commences),
         .entier(f.termines), .entier(f.abandons), .entier(f.certifies), .entier(f.competences), .entier(f.minutesPrevues), .entier(f.minutesSuivies)]
    }

    /// The report's rows for one period (one parameter, the year, written `$1` or `?1` by
    /// `parametre`): the facts of the extracts in force added up by member (`parStructure`) or by
    /// territory, with columns membre (empty by territory), departement, sous_reseau (empty: none),
    /// parcours, sexe, rubrique, valeur, then the eight counts of ``FaitReseau``.
    public static func agregats(parametre p: String, parStructure: Bool) -> String {
        let territoire = "m.departement, COALESCE(m.reseau, '')"
        let cles = (parStructure ? "f.membre, " : "") + territoire + ", f.parcours, f.sexe, f.rubrique, f.valeur"
        return """
        SELECT \(parStructure ? "" : "'', ")\(cles), SUM(f.nombre), SUM(f.commences), SUM(f.termines), SUM(f.abandons), SUM(f.certifies),
               SUM(f.competences), SUM(f.minutes_prevues), SUM(f.minutes_suivies)
          FROM fait_reseau f JOIN membre m ON m.nom = f.membre
         WHERE f.periode = \(p)
         GROUP BY \(cles)
        """
    }

    /// Reads one row of ``agregats(parametre:parStructure:)``: its 7 texts and 8 counts.
    static func agregat(_ t: [String], _ n: [Int]) -> AgregatReseau? {
        guard t.count == 7, n.count == 8, let sexe = Sexe(rawValue: t[4]), let rubrique = FaitReseau.Rubrique(rawValue: t[5]) else { return nil }
        return AgregatReseau(unite: UniteReseau(membre: t[0].isEmpty ? nil : t[0], departement: t[1], sousReseau: t[2].isEmpty ? nil : t[2]),
                             fait: FaitReseau(parcours: t[3], sexe: sexe, rubrique: rubrique, valeur: t[6], nombre: n[0], commences: n[1],
                                              termines: n[2], abandons: n[3], certifies: n[4], competences: n[5], minutesPrevues: n[6],
                                              minutesSuivies: n[7]))
    }
}

/// A value bound to a statement, for either engine.
enum ValeurSQL: Sendable, Equatable {
    case texte(String)
    case entier(Int)
    case nul
}
