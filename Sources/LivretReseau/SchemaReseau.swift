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

    /// One row's values for ``colonnesInscription`` (after `extrait_id`, `membre`, `periode`), in order.
    static func ecrire(_ e: EnregistrementInscription, dans r: inout some RedacteurLigne) {
        r.colonne(texte: e.numero)
        r.colonne(texte: e.parcours)
        r.colonne(texte: e.moisDebut)
        r.colonne(texte: e.moisFin)
        r.colonne(texte: e.sexe.rawValue)
        r.colonne(texte: e.trancheAge)
        r.colonne(texte: e.qpv.rawValue)
        r.colonne(texte: e.statut.rawValue)
        r.colonne(texte: e.etat.rawValue)
        r.colonne(entier: e.venu ? 1 : 0)
        r.colonne(entier: e.minutesPrevues)
        r.colonne(entier: e.minutesSuivies)
        r.colonne(texte: e.motifAbandon)
        r.colonne(texte: AgregatReseau.texte(liste: e.sorties))
        r.colonne(entier: e.competencesCertifiees)
        r.colonne(texte: AgregatReseau.texte(liste: e.suivis))
        r.colonne(texte: AgregatReseau.texte(satisfaction: e.satisfaction))
        r.colonne(texte: AgregatReseau.texte(liste: e.thematiques))
    }

    /// One row's values for ``colonnesAccompagnement`` (after `extrait_id`, `membre`, `periode`), in order.
    static func ecrire(_ a: EnregistrementAccompagnement, dans r: inout some RedacteurLigne) {
        r.colonne(texte: a.numero)
        r.colonne(texte: a.mois)
        r.colonne(texte: a.type.rawValue)
        r.colonne(texte: a.lieu.rawValue)
        r.colonne(entier: a.minutes)
        r.colonne(texte: AgregatReseau.texte(liste: a.thematiques))
        r.colonne(texte: a.sexe.rawValue)
        r.colonne(texte: a.trancheAge)
    }

    /// One fact's values for ``colonnesFait`` (after `extrait_id`, `membre`, `periode`), in order.
    static func ecrire(_ f: FaitReseau, dans r: inout some RedacteurLigne) {
        r.colonne(texte: f.parcours)
        r.colonne(texte: f.sexe.rawValue)
        r.colonne(texte: f.rubrique.rawValue)
        r.colonne(texte: f.valeur)
        r.colonne(entier: f.nombre)
        r.colonne(entier: f.commences)
        r.colonne(entier: f.termines)
        r.colonne(entier: f.abandons)
        r.colonne(entier: f.certifies)
        r.colonne(entier: f.competences)
        r.colonne(entier: f.minutesPrevues)
        r.colonne(entier: f.minutesSuivies)
    }

    /// One row's values as a list (SQLite binds them), by one of the `ecrire` above.
    static func valeurs<L>(_ ligne: L, _ ecrire: (L, inout ValeursLigne) -> Void) -> [ValeurSQL] {
        var r = ValeursLigne()
        ecrire(ligne, &r)
        return r.valeurs
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

/// Where one row's values go, column after column, in the order of the table's column list: bound
/// to a statement (SQLite, ``ValeursLigne``) or written into a `COPY` (PostgreSQL, `TamponCopie`),
/// without a list of values made for each of millions of rows.
protocol RedacteurLigne {
    mutating func colonne(texte: String)
    mutating func colonne(entier: Int)
    mutating func colonneNulle()
}

extension RedacteurLigne {
    /// A text, or NULL when nil.
    mutating func colonne(texte: String?) {
        if let texte { colonne(texte: texte) } else { colonneNulle() }
    }
}

/// A row's values collected in a list.
struct ValeursLigne: RedacteurLigne {
    var valeurs: [ValeurSQL] = []
    mutating func colonne(texte: String) { valeurs.append(.texte(texte)) }
    mutating func colonne(entier: Int) { valeurs.append(.entier(entier)) }
    mutating func colonneNulle() { valeurs.append(.nul) }
}
