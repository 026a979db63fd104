import LivretCore
import PostgresNIO

/// Who sees what in a network's PostgreSQL database: each person of the network connects with a
/// role of their own, and PostgreSQL itself (privileges and row-level security) decides what that
/// role reads, whatever program it uses.
///
/// - `livret_responsable` (the programme lead): reads every table, every row.
/// - `livret_structure` (a member structure's accounts): reads its own row of `membre`, its own
///   extracts, records and facts (`extrait`, `inscription_reseau`, `accompagnement_reseau`, `fait_reseau`: the rows whose
///   `membre` is the member whose `role_pg` is the connected role), and every published report
///   (`rapport_publie`); nothing else.
/// - Neither writes anything: the store's own user (the owner of the tables) does every write,
///   and sees every row (owners are not subject to their tables' policies).
///
/// PostgreSQL only: a SQLite network file has one user, its owner, and needs none of this
/// (``EntrepotReseauSQLite`` has no roles; the ``EntrepotReseau`` protocol does not name them).
///
/// Roles are the server's, not the database's: the two group roles are shared by every Livret
/// database of the server. Creating roles needs a store user with CREATEROLE (or a superuser).
extension EntrepotReseauPostgres {
    /// The programme lead's group role.
    public static let roleResponsable = "livret_responsable"
    /// The member structures' group role.
    public static let roleStructure = "livret_structure"

    /// The tables a structure reads, its rows only, and the one key naming the member.
    static let tablesParMembre = ["extrait", "inscription_reseau", "accompagnement_reseau", "fait_reseau"]

    /// Creates the group roles when absent, and (again) their privileges and policies in this
    /// database (idempotent; after ``migrer()``). Called by ``compteStructure(membre:role:motDePasse:)``
    /// and ``compteResponsable(role:motDePasse:)`` too.
    public func preparerRoles() async throws {
        // Roles first, committed on their own: two databases of one server may prepare at once.
        try await transaction { c in
            for role in [Self.roleResponsable, Self.roleStructure] {
                try await c.executer(PostgresQuery(unsafeSQL: """
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN
                            CREATE ROLE \(role) NOLOGIN;
                        END IF;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END $$
                    """))
            }
        }
        try await transaction { c in
            try await c.executer("SELECT pg_advisory_xact_lock(\(Self.verrouMigration))")
            let versions = try await c.lignes("SELECT version FROM schema_reseau").map { try $0.decode(String.self) }
            guard Set(versions).isSuperset(of: Self.migrations.map(\.0)) else {
                throw ErreurReseau("La base du réseau \(parametres.affichage) n'est pas à jour : migrez-la avant de préparer les rôles.")
            }
            let schema = try await c.lignes("SELECT current_schema()")[0].decode(String.self)
            let (responsable, structure) = (Self.roleResponsable, Self.roleStructure)
            var instructions = [
                "GRANT USAGE ON SCHEMA \(Self.identifiant(schema)) TO \(responsable), \(structure)",
                "GRANT SELECT ON schema_reseau, membre, extrait, inscription_reseau, accompagnement_reseau, fait_reseau, rapport_publie TO \(responsable)",
                "GRANT SELECT ON schema_reseau, membre, extrait, inscription_reseau, accompagnement_reseau, fait_reseau, rapport_publie TO \(structure)",
                "ALTER TABLE membre ENABLE ROW LEVEL SECURITY",
                "DROP POLICY IF EXISTS \(structure) ON membre",
                "CREATE POLICY \(structure) ON membre FOR SELECT TO \(structure) USING (role_pg = current_user::text)",
                "DROP POLICY IF EXISTS \(responsable) ON membre",
                "CREATE POLICY \(responsable) ON membre FOR SELECT TO \(responsable) USING (true)",
            ]
            for table in Self.tablesParMembre {
                instructions += [
                    "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
                    "DROP POLICY IF EXISTS \(structure) ON \(table)",
                    "CREATE POLICY \(structure) ON \(table) FOR SELECT TO \(structure) "
                        + "USING (membre IN (SELECT nom FROM membre WHERE role_pg = current_user::text))",
                    "DROP POLICY IF EXISTS \(responsable) ON \(table)",
                    "CREATE POLICY \(responsable) ON \(table) FOR SELECT TO \(responsable) USING (true)",
                ]
            }
            for sql in instructions { try await c.executer(PostgresQuery(unsafeSQL: sql)) }
        }
    }

    /// Gives the member `membre` the account `role`: a role of `livret_structure`, recorded in
    /// `membre.role_pg`. Created when absent, with LOGIN and this password (nil: NOLOGIN, a role
    /// only taken with SET ROLE, as the tests do); an existing role is linked (its password changed
    /// when one is given), unless it is a superuser, the store's own user, a programme lead's role or
    /// another member's. `role`: lowercase letters, digits and « _ ».
    public func compteStructure(membre: String, role: String, motDePasse: String?) async throws {
        try Self.verifierRole(role)
        try await preparerRoles()
        try await transaction { c in
            guard try await !c.lignes("SELECT 1 FROM membre WHERE nom = \(membre) FOR UPDATE").isEmpty else {
                throw ErreurReseau("« \(membre) » n'est pas membre du réseau (voir : livret reseau membre lister).")
            }
            if let autre = try await c.lignes("SELECT nom FROM membre WHERE role_pg = \(role) AND nom <> \(membre)").first {
                throw ErreurReseau("Le rôle « \(role) » est déjà le compte de « \(try autre.decode(String.self)) ».")
            }
            try await preparerRole(c, role, motDePasse: motDePasse, groupe: Self.roleStructure, autreGroupe: Self.roleResponsable)
            try await c.executer("UPDATE membre SET role_pg = \(role) WHERE nom = \(membre)")
        }
    }

    /// Gives the programme lead the account `role`: a role of `livret_responsable` (reads everything,
    /// writes nothing). Same rules as ``compteStructure(membre:role:motDePasse:)`` for the role and
    /// its password.
    public func compteResponsable(role: String, motDePasse: String?) async throws {
        try Self.verifierRole(role)
        try await preparerRoles()
        try await transaction { c in
            if let membre = try await c.lignes("SELECT nom FROM membre WHERE role_pg = \(role)").first {
                throw ErreurReseau("Le rôle « \(role) » est le compte de « \(try membre.decode(String.self)) », pas celui d'un responsable.")
            }
            try await preparerRole(c, role, motDePasse: motDePasse, groupe: Self.roleResponsable, autreGroupe: Self.roleStructure)
        }
    }

    /// Publishes (or publishes again) a report of the network, readable by every account.
    public func publierRapport(periode: PeriodeReseau, perimetre: String, format: String, contenu: String, publieLe: Jour) async throws {
        try await transaction { c in
            try await c.executer("""
                INSERT INTO rapport_publie (periode, perimetre, format, contenu, publie_le)
                VALUES (\(periode.annee), \(perimetre), \(format), \(contenu), \(publieLe.description))
                ON CONFLICT (periode, perimetre, format) DO UPDATE SET contenu = excluded.contenu, publie_le = excluded.publie_le
                """)
        }
    }

    /// The member whose account the connected role is (nil: the store's own user or a programme lead).
    public func membreDuCompte() async throws -> String? {
        try await avecConnexion { c in
            try await c.lignes("SELECT nom FROM membre WHERE role_pg = current_user::text").first?.decode(String.self)
        }
    }

    /// The reports published for `periode`, by perimeter then format.
    public func rapportsPublies(periode: PeriodeReseau) async throws -> [(perimetre: String, format: String, contenu: String)] {
        try await avecConnexion { c in
            try await c.lignes("""
                SELECT perimetre, format, contenu FROM rapport_publie WHERE periode = \(periode.annee)
                ORDER BY perimetre COLLATE "C", format COLLATE "C"
                """).map { l in
                let (perimetre, format, contenu) = try l.decode((String, String, String).self)
                return (perimetre, format, contenu)
            }
        }
    }

    // MARK: Roles

    /// Creates `role` in `groupe`, or links it when it exists and may be (see ``compteStructure(membre:role:motDePasse:)``).
    private func preparerRole(_ c: Connexion, _ role: String, motDePasse: String?, groupe: String, autreGroupe: String) async throws {
        let existant = try await c.lignes("""
            SELECT r.rolsuper, r.rolname = session_user, pg_has_role(r.oid, \(autreGroupe), 'MEMBER')
            FROM pg_roles r WHERE r.rolname = \(role)
            """).first.map { try $0.decode((Bool, Bool, Bool).self) }
        if case let (superutilisateur, soiMeme, autre)? = existant {
            if superutilisateur || soiMeme {
                throw ErreurReseau("« \(role) » est un rôle d'administration du serveur : choisissez un rôle à part pour ce compte.")
            }
            if autre { throw ErreurReseau("« \(role) » est déjà un rôle de \(autreGroupe) : un compte n'a qu'un rôle dans le réseau.") }
            if let motDePasse {
                try await c.executer(try await Self.commande(c, "ALTER ROLE %I WITH LOGIN PASSWORD %L", role, motDePasse))
            }
        } else if let motDePasse {
            try await c.executer(try await Self.commande(c, "CREATE ROLE %I LOGIN PASSWORD %L", role, motDePasse))
        } else {
            try await c.executer(PostgresQuery(unsafeSQL: "CREATE ROLE \(Self.identifiant(role)) NOLOGIN"))
        }
        try await c.executer(PostgresQuery(unsafeSQL: "GRANT \(groupe) TO \(Self.identifiant(role))"))
    }

    /// A utility statement (they take no parameters) written by the server's `format()`: `%I` quotes
    /// `role` as an identifier, `%L` the password as a literal, whatever their characters.
    private static func commande(_ c: Connexion, _ modele: String, _ role: String, _ motDePasse: String) async throws -> PostgresQuery {
        guard !motDePasse.isEmpty, !motDePasse.utf8.contains(0) else {
            throw ErreurReseau("Mot de passe refusé : vide, ou avec un caractère nul.")
        }
        let sql = try await c.lignes("SELECT format(\(modele), \(role), \(motDePasse))")[0].decode(String.self)
        return PostgresQuery(unsafeSQL: sql)
    }

    /// Refuses a role name that is not lowercase letters, digits and « _ » (1 to 63 characters, not
    /// `pg_…`, not a group role of the network).
    static func verifierRole(_ role: String) throws {
        let permis = role.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
        guard permis, (1...63).contains(role.utf8.count) else {
            throw ErreurReseau("Rôle PostgreSQL « \(role) » refusé : lettres minuscules sans accent, chiffres et « _ » seulement (63 au plus).")
        }
        guard !role.hasPrefix("pg_"), ![roleResponsable, roleStructure, "public", "none"].contains(role) else {
            throw ErreurReseau("Rôle PostgreSQL « \(role) » refusé : ce nom est réservé (pg_…, public, \(roleResponsable), \(roleStructure)).")
        }
    }

    /// An identifier between double quotes (doubled inside).
    static func identifiant(_ nom: String) -> String {
        "\"" + nom.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
