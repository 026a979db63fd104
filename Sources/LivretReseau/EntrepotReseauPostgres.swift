import Foundation
import LivretCore
import Logging
import PostgresNIO

/// The network store on a PostgreSQL server (`--postgres postgres://…`), for a network too large for one
/// laptop or shared by several people. Same schema and same answers as ``EntrepotReseauSQLite``;
/// what only PostgreSQL has (roles, row-level security, published reports) is in
/// `RolesReseauPostgres.swift`.
///
/// One connection, opened by the first call and kept until ``fermer()``: calls take turns on it (an
/// import of many extracts does not pay a connection each, décision 62), there is no pool and no
/// background task, and a refused password or an unknown database is reported at the first call,
/// with the server's reason. A connection the server or the network broke is dropped and opened
/// again by the next call. Every call that writes is one transaction.
public final class EntrepotReseauPostgres: EntrepotReseau {
    let parametres: ParametresPostgres
    private let etat = EtatEntrepot()

    /// Takes `postgres://utilisateur[:mot de passe]@hôte[:port]/base` (TCP) or
    /// `postgres://utilisateur@localhost:PORT/base?host=/dossier` (the Unix socket
    /// `/dossier/.s.PGSQL.PORT`, as libpq reads it). `sslmode` = `disable`, `prefer` or `require`; by
    /// default no TLS on a socket or on localhost, TLS when the server offers it elsewhere. Connects
    /// on the first call, not here.
    public init(url: String) throws {
        parametres = try ParametresPostgres(url: url)
    }

    /// The URL without its password, for messages.
    public var adresse: String { parametres.affichage }

    // MARK: Schema

    /// The key of the advisory lock taken while migrating (« LivretRe »): two processes migrating the
    /// same database wait for each other. Advisory locks are per database.
    static let verrouMigration = 0x4C69_7672_6574_5265

    /// The migrations, in order: name, statements. `v1-reseau` is the SQLite store's schema.
    static let migrations: [(String, [String])] = [
        ("v1-reseau", [
            """
            CREATE TABLE membre (nom TEXT PRIMARY KEY, cle TEXT NOT NULL, departement TEXT NOT NULL, commune TEXT, reseau TEXT, revoque_le TEXT,
                                 role_pg TEXT)
            """,
            // A role is one member's account (the row-level policies find the member by its role).
            "CREATE UNIQUE INDEX membre_role_pg ON membre (role_pg)",
            """
            CREATE TABLE extrait (
                id BIGSERIAL PRIMARY KEY, membre TEXT NOT NULL REFERENCES membre(nom), periode INTEGER NOT NULL, empreinte TEXT NOT NULL,
                fait_le TEXT NOT NULL, recu_le TEXT NOT NULL, inscriptions INTEGER NOT NULL, accompagnements INTEGER NOT NULL,
                hors_statistiques INTEGER NOT NULL, remplace_par TEXT, UNIQUE (membre, empreinte))
            """,
            "CREATE UNIQUE INDEX extrait_en_vigueur ON extrait (periode, membre) WHERE remplace_par IS NULL",
        ] + SchemaReseau.tablesEnregistrements(id: "BIGINT") + [
            // How many distinct keys the facts have together (a few hundred, not their product): the
            // planner then sums them in a hash table rather than sorting half a million rows.
            "CREATE STATISTICS fait_reseau_cles (ndistinct) ON parcours, sexe, rubrique, valeur FROM fait_reseau",
        ]),
        // PostgreSQL only: the reports the network publishes for its members (RolesReseauPostgres.swift).
        ("v1-rapports-publies", [
            """
            CREATE TABLE rapport_publie (periode INTEGER NOT NULL, perimetre TEXT NOT NULL, format TEXT NOT NULL, contenu TEXT NOT NULL,
                                         publie_le TEXT NOT NULL, PRIMARY KEY (periode, perimetre, format))
            """,
        ]),
    ]

    public func migrer() async throws {
        try await transaction { c in
            try await c.executer("SELECT pg_advisory_xact_lock(\(Self.verrouMigration))")
            // Created only when absent: an account that reads (a structure's) migrates an up-to-date base without creating anything.
            if try await c.lignes("SELECT to_regclass('schema_reseau') IS NULL")[0].decode(Bool.self) {
                try await c.executer("CREATE TABLE schema_reseau (version TEXT PRIMARY KEY)")
            }
            let faites = Set(try await c.lignes("SELECT version FROM schema_reseau").map { try $0.decode(String.self) })
            for (version, instructions) in Self.migrations where !faites.contains(version) {
                for sql in instructions { try await c.executer(PostgresQuery(unsafeSQL: sql)) }
                try await c.executer("INSERT INTO schema_reseau (version) VALUES (\(version))")
            }
        }
    }

    // MARK: Members

    public func ajouterMembre(_ membre: MembreReseau) async throws {
        let ajoute = try await transaction { c in
            try await c.lignes("""
                INSERT INTO membre (nom, cle, departement, commune, reseau, revoque_le)
                VALUES (\(membre.nom), \(membre.cle), \(membre.departement), \(membre.commune), \(membre.reseau), \(membre.revoqueLe?.description))
                ON CONFLICT (nom) DO NOTHING RETURNING 1
                """).count == 1
        }
        if !ajoute { throw ErreurReseau("« \(membre.nom) » est déjà membre du réseau (voir : livret reseau membre lister).") }
    }

    public func revoquerMembre(_ nom: String, le jour: Jour) async throws {
        let trouve = try await transaction { c in
            try await c.lignes("UPDATE membre SET revoque_le = \(jour.description) WHERE nom = \(nom) RETURNING 1").count == 1
        }
        if !trouve { throw ErreurReseau("« \(nom) » n'est pas membre du réseau (voir : livret reseau membre lister).") }
    }

    public func membres() async throws -> [MembreReseau] {
        // COLLATE "C": code point order, SQLite's order, whatever the database's collation.
        try await avecConnexion { c in
            try await c.lignes("SELECT nom, cle, departement, commune, reseau, revoque_le FROM membre ORDER BY nom COLLATE \"C\"").map { l in
                let (nom, cle, departement, commune, reseau, revoqueLe) = try l.decode((String, String, String, String?, String?, String?).self)
                return MembreReseau(nom: nom, cle: cle, departement: departement, commune: commune, reseau: reseau, revoqueLe: revoqueLe.flatMap(Jour.init))
            }
        }
    }

    // MARK: Extracts

    public func enregistrer(_ lot: [ExtraitAEnregistrer], recuLe: Jour) async throws {
        guard !lot.isEmpty else { return }
        try ExtraitAEnregistrer.verifierLot(lot)
        // Counted on another core while the server writes the records.
        let faits = Task { lot.map { FaitReseau.depuis($0.extrait) } }
        defer { faits.cancel() }
        let (membres, periodes, empreintes) = (lot.map(\.membre), lot.map(\.extrait.periode.annee), lot.map(\.empreinte))
        try await transaction { c in
            do {
                // The extracts in force are replaced: their lines stay in the history, their records and
                // facts go; then the new extracts' lines. One statement, one round trip, whatever the
                // lot's size: the INSERT reads the UPDATE's count first, so the extracts in force are
                // replaced before the new ones are checked against the unique index « extrait_en_vigueur ».
                // Two imports of one member and year at once: that index refuses the second (below),
                // which changes nothing.
                let lignes = try await c.lignes("""
                    WITH nouveaux AS (
                           SELECT * FROM unnest(\(membres)::text[], \(periodes)::int8[], \(empreintes)::text[], \(lot.map(\.extrait.faitLe.description))::text[],
                                                \(lot.map(\.extrait.inscriptions.count))::int8[], \(lot.map(\.extrait.accompagnements.count))::int8[],
                                                \(lot.map(\.extrait.horsStatistiques))::int8[]) WITH ORDINALITY
                                    AS n(membre, periode, empreinte, fait_le, inscriptions, accompagnements, hors_statistiques, rang)),
                         anciens AS (
                           UPDATE extrait e SET remplace_par = n.empreinte FROM nouveaux n
                            WHERE e.membre = n.membre AND e.periode = n.periode AND e.remplace_par IS NULL
                           RETURNING e.id),
                         i AS (DELETE FROM inscription_reseau WHERE extrait_id IN (SELECT id FROM anciens)),
                         a AS (DELETE FROM accompagnement_reseau WHERE extrait_id IN (SELECT id FROM anciens)),
                         f AS (DELETE FROM fait_reseau WHERE extrait_id IN (SELECT id FROM anciens))
                    INSERT INTO extrait (membre, periode, empreinte, fait_le, recu_le, inscriptions, accompagnements, hors_statistiques)
                    SELECT membre, periode, empreinte, fait_le, \(recuLe.description), inscriptions, accompagnements, hors_statistiques
                      FROM nouveaux
                     WHERE (SELECT count(*) FROM anciens) >= 0
                     ORDER BY rang
                    RETURNING id, membre, periode
                    """)
                var ids: [String: Int] = [:]
                for l in lignes {
                    let (id, membre, periode) = try l.decode((Int, String, Int).self)
                    ids["\(membre)\u{1F}\(periode)"] = id
                }
                let debuts = try zip(membres, periodes).map { membre, periode in
                    guard let id = ids["\(membre)\u{1F}\(periode)"] else { throw ErreurReseau("Base du réseau : extrait de « \(membre) » non numéroté.") }
                    return Self.debutDeLigne(id: id, membre: membre, periode: periode)
                }
                try await Self.copier(c, table: "inscription_reseau", colonnes: SchemaReseau.colonnesInscription,
                                      parties: zip(debuts, lot.map(\.extrait.inscriptions)).map { $0 }, ecrire: SchemaReseau.ecrire)
                try await Self.copier(c, table: "accompagnement_reseau", colonnes: SchemaReseau.colonnesAccompagnement,
                                      parties: zip(debuts, lot.map(\.extrait.accompagnements)).map { $0 }, ecrire: SchemaReseau.ecrire)
                try await Self.copier(c, table: "fait_reseau", colonnes: SchemaReseau.colonnesFait, parties: zip(debuts, await faits.value).map { $0 },
                                      ecrire: SchemaReseau.ecrire)
            } catch let e as ErreurServeur where e.etat == "23503" {
                // The transaction is aborted (no query to find which): the server's detail names the member.
                if lot.count == 1 {
                    throw ErreurReseau("« \(lot[0].membre) » n'est pas membre du réseau (voir : livret reseau membre lister) : extrait non enregistré.")
                }
                throw ErreurReseau("Une des structures de cet enregistrement (\(Self.noms(lot))) n'est pas membre du réseau "
                                   + "(voir : livret reseau membre lister ; \(e.detail ?? e.message)) : rien n'a été enregistré.")
            } catch let e as ErreurServeur where e.etat == "23505" && e.contrainte == "extrait_membre_empreinte_key" {
                throw ErreurReseau("Un de ces extraits (\(Self.noms(lot))) a déjà été reçu : rien n'a été enregistré.")
            } catch let e as ErreurServeur where e.etat == "23505" && e.contrainte == "extrait_en_vigueur" {
                throw ErreurReseau("Un autre extrait de \(Self.noms(lot)) pour la même année a été importé en même temps : rien n'a été enregistré. "
                                   + "Relancez l'import (livret reseau importer).")
            }
        }
    }

    /// « « A » 2025 » or « « A » 2025, « B » 2025… » for messages.
    private static func noms(_ lot: [ExtraitAEnregistrer]) -> String {
        lot.prefix(3).map { "« \($0.membre) » \($0.extrait.periode)" }.joined(separator: ", ") + (lot.count > 3 ? "…" : "")
    }

    /// The first three columns of every row of one extract: `extrait_id`, `membre`, `periode`.
    static func debutDeLigne(id: Int, membre: String, periode: Int) -> ByteBuffer {
        var prefixe = TamponCopie(capacite: 64)
        prefixe.entier(id)
        prefixe.separateur()
        prefixe.texte(membre)
        prefixe.separateur()
        prefixe.entier(periode)
        return prefixe.octets
    }

    /// Bytes sent per COPY message: small enough that the server writes the first rows while the
    /// next are encoded (an extract of 1 000 inscriptions is some 150 kB).
    static let tailleEnvoi = 1 << 15

    /// Sends the rows of `parties` with one `COPY … FROM STDIN` (text format): the server's fastest
    /// way in, one statement for any number of rows, sent in pieces of ``tailleEnvoi`` bytes. Each
    /// part's rows start with its `debut` (the columns an extract's rows share).
    static func copier<L>(_ c: Connexion, table: String, colonnes: [String], parties: [(debut: ByteBuffer, lignes: [L])],
                          ecrire: (L, inout TamponCopie) -> Void) async throws {
        guard parties.contains(where: { !$0.lignes.isEmpty }) else { return }
        try await c.copier(table: table, colonnes: colonnes) { envoyer in
            var tampon = TamponCopie(capacite: tailleEnvoi + 4096)
            for (debut, lignes) in parties {
                for ligne in lignes {
                    tampon.octets.writeImmutableBuffer(debut)
                    ecrire(ligne, &tampon)
                    tampon.finLigne()
                    if tampon.octets.readableBytes >= tailleEnvoi {
                        try await envoyer(tampon.octets)
                        tampon = TamponCopie(capacite: tailleEnvoi + 4096)
                    }
                }
            }
            if tampon.octets.readableBytes > 0 { try await envoyer(tampon.octets) }
        }
    }

    public func historique(periode: PeriodeReseau?) async throws -> [ExtraitRecu] {
        try await avecConnexion { c in
            let colonnes = "SELECT membre, periode, empreinte, recu_le, inscriptions, accompagnements, remplace_par, fait_le FROM extrait"
            let lignes = if let periode {
                try await c.lignes("\(unescaped: colonnes) WHERE periode = \(periode.annee) ORDER BY id DESC")
            } else {
                try await c.lignes("\(unescaped: colonnes) ORDER BY id DESC")
            }
            return try lignes.map { l in
                let (membre, annee, empreinte, recuLe, inscriptions, accompagnements, remplacePar, faitLe) =
                    try l.decode((String, Int, String, String, Int, Int, String?, String).self)
                guard let jour = Jour(recuLe), let fait = Jour(faitLe) else {
                    throw ErreurReseau("Base du réseau : jour illisible « \(recuLe) » ou « \(faitLe) ».")
                }
                return ExtraitRecu(membre: membre, periode: PeriodeReseau(annee: annee), empreinte: empreinte, faitLe: fait, recuLe: jour,
                                   inscriptions: inscriptions, accompagnements: accompagnements, remplacePar: remplacePar)
            }
        }
    }

    public func enVigueur(membre: String, periode: PeriodeReseau) async throws -> (faitLe: Jour, empreinte: String)? {
        let ligne = try await avecConnexion { c in
            try await c.lignes("""
                SELECT fait_le, empreinte FROM extrait WHERE membre = \(membre) AND periode = \(periode.annee) AND remplace_par IS NULL
                """).first.map { try $0.decode((String, String).self) }
        }
        guard case let (faitLe, empreinte)? = ligne else { return nil }
        guard let jour = Jour(faitLe) else { throw ErreurReseau("Base du réseau : jour d'extrait illisible « \(faitLe) ».") }
        return (jour, empreinte)
    }

    public func dejaRecu(membre: String, empreinte: String) async throws -> Bool {
        try await avecConnexion { c in
            !(try await c.lignes("SELECT 1 FROM extrait WHERE membre = \(membre) AND empreinte = \(empreinte)").isEmpty)
        }
    }

    /// The server's settings for the report's sum, in its transaction only: room to sum a year's facts
    /// in memory (the server's default, 4 MB, spills to disk), and workers to sum them in parallel
    /// (the sum sends back one row for a dozen read).
    public static let reglagesRapport = [("work_mem", "'64MB'"), ("parallel_tuple_cost", "0")]

    public func agregats(periode: PeriodeReseau, parStructure: Bool) async throws -> (agregats: [AgregatReseau], horsStatistiques: [String: Int]) {
        // Both reads in one snapshot, as SQLite's read transaction.
        try await transaction(debut: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { c in
            for (nom, valeur) in Self.reglagesRapport { try await c.executer(sql: "SET LOCAL \(nom) = \(valeur)") }
            var parametres = PostgresBindings()
            parametres.append(periode.annee)
            let sql = SchemaReseau.agregats(parametre: "$1", parStructure: parStructure)
            let lignes = try await c.lignes(PostgresQuery(unsafeSQL: sql, binds: parametres)).compactMap { l in
                let (membre, departement, sousReseau, parcours, sexe, rubrique, valeur, n0, n1, n2, n3, n4, n5, n6, n7) =
                    try l.decode((String, String, String, String, String, String, String, Int, Int, Int, Int, Int, Int, Int, Int).self)
                return SchemaReseau.agregat([membre, departement, sousReseau, parcours, sexe, rubrique, valeur], [n0, n1, n2, n3, n4, n5, n6, n7])
            }
            let hors = try await c.lignes("""
                SELECT membre, hors_statistiques FROM extrait WHERE periode = \(periode.annee) AND remplace_par IS NULL
                """).map { try $0.decode((String, Int).self) }
            return (lignes, Dictionary(hors, uniquingKeysWith: +))
        }
    }

    /// Closes the connection; later calls throw.
    public func fermer() async throws {
        if let connexion = await etat.fermer() { try? await connexion.close() }
    }

    deinit {
        // A store dropped without ``fermer()`` (a call that threw before it): its connection is closed all the same.
        if let connexion = etat.connexion { Task { try? await connexion.close() } }
    }

    // MARK: Connections

    /// Runs `corps` on the store's connection (opened when there is none), once the calls before have ended.
    func avecConnexion<T>(_ corps: (Connexion) async throws -> T) async throws -> T {
        await etat.prendre()
        defer { etat.rendre() }
        guard !etat.ferme else { throw ErreurReseau("La base du réseau \(parametres.affichage) est fermée.") }
        let connexion: PostgresConnection
        if let ouverte = etat.connexion, !ouverte.isClosed {
            connexion = ouverte
        } else {
            do {
                connexion = try await PostgresConnection.connect(configuration: parametres.configuration, id: etat.numeroSuivant(), logger: journal)
            } catch {
                throw parametres.erreurConnexion(error)
            }
            etat.connexion = connexion
        }
        do {
            return try await corps(Connexion(connexion: connexion))
        } catch {
            // A refusal by the server leaves the connection usable; anything else may not have.
            if !(error is ErreurServeur || error is ErreurReseau) {
                etat.connexion = nil
                try? await connexion.close()
            }
            throw parametres.traduire(error)
        }
    }

    /// Runs `corps` in one transaction (`debut`, then COMMIT; ROLLBACK when it throws).
    func transaction<T>(debut: String = "BEGIN", _ corps: (Connexion) async throws -> T) async throws -> T {
        try await avecConnexion { c in
            try await c.executer(PostgresQuery(unsafeSQL: debut))
            do {
                let resultat = try await corps(c)
                try await c.executer("COMMIT")
                return resultat
            } catch {
                do {
                    try await c.executer("ROLLBACK")
                } catch {
                    // The transaction may still be open: the connection is not used again.
                    try? await c.connexion.close()
                }
                throw error
            }
        }
    }
}

/// No log: the store reports through its errors.
let journal = Logger(label: "livret.reseau.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

/// The store's connection, its turn-taking, and whether the store is closed.
final class EtatEntrepot: @unchecked Sendable {
    // `@unchecked`: every access to the fields holds `verrou`; `connexion` is only used by the call holding the turn.
    private let verrou = NSLock()
    private var occupe = false
    private var enAttente: [CheckedContinuation<Void, Never>] = []
    private var _ferme = false
    private var _connexion: PostgresConnection?
    private var compteur = 0

    /// Waits for the turn (calls are served in order).
    func prendre() async {
        await withCheckedContinuation { (suite: CheckedContinuation<Void, Never>) in
            verrou.lock()
            if occupe {
                enAttente.append(suite)
                verrou.unlock()
            } else {
                occupe = true
                verrou.unlock()
                suite.resume()
            }
        }
    }

    /// Gives the turn to the next call waiting.
    func rendre() {
        verrou.lock()
        if enAttente.isEmpty {
            occupe = false
            verrou.unlock()
        } else {
            let suivant = enAttente.removeFirst()
            verrou.unlock()
            suivant.resume()
        }
    }

    var ferme: Bool { verrou.withLock { _ferme } }

    var connexion: PostgresConnection? {
        get { verrou.withLock { _connexion } }
        set { verrou.withLock { _connexion = newValue } }
    }

    /// The next connection's number (for PostgresNIO's logs).
    func numeroSuivant() -> Int {
        verrou.withLock {
            compteur += 1
            return compteur
        }
    }

    /// Marks the store closed once the call in progress has ended; returns the connection to close.
    func fermer() async -> PostgresConnection? {
        await prendre()
        defer { rendre() }
        return verrou.withLock {
            _ferme = true
            defer { _connexion = nil }
            return _connexion
        }
    }
}

/// One connection, with the few calls the store makes. Server errors come out as ``ErreurServeur``.
struct Connexion: Sendable {
    let connexion: PostgresConnection

    /// Every row of `requete` (read at once: the store's reads are small).
    @discardableResult
    func lignes(_ requete: PostgresQuery) async throws -> [PostgresRow] {
        do {
            return try await connexion.query(requete, logger: journal).collect()
        } catch let e as PSQLError where e.serverInfo != nil {
            throw ErreurServeur(e)
        }
    }

    /// Runs `requete`, its rows (if any) read and dropped.
    func executer(_ requete: PostgresQuery) async throws {
        try await lignes(requete)
    }

    /// Runs `sql`, a statement without parameters.
    func executer(sql: String) async throws {
        try await lignes(PostgresQuery(unsafeSQL: sql))
    }

    /// The first column of the first row of `sql`, as an integer (`SELECT count(*) …`).
    func entier(sql: String) async throws -> Int {
        guard let ligne = try await lignes(PostgresQuery(unsafeSQL: sql)).first else { throw ErreurReseau("Aucune ligne pour : \(sql)") }
        return try ligne.decode(Int.self)
    }

    /// The first column of every row of `sql`, as text.
    func textes(sql: String) async throws -> [String] {
        try await lignes(PostgresQuery(unsafeSQL: sql)).map { try $0.decode(String.self) }
    }

    /// `COPY table (colonnes) FROM STDIN`, fed by `ecrire` through the function it is given.
    func copier(table: String, colonnes: [String], ecrire: (_ envoyer: (ByteBuffer) async throws -> Void) async throws -> Void) async throws {
        do {
            try await connexion.copyFrom(table: table, columns: colonnes, logger: journal) { writer in
                try await ecrire { try await writer.write($0) }
            }
        } catch let e as PSQLError where e.serverInfo != nil {
            throw ErreurServeur(e)
        }
    }
}

/// An error the server sent: its SQLSTATE, message, constraint.
struct ErreurServeur: Error, Sendable, CustomStringConvertible {
    let etat: String
    let message: String
    let detail: String?
    let contrainte: String?

    init(_ e: PSQLError) {
        etat = e.serverInfo?[.sqlState] ?? ""
        message = e.serverInfo?[.message] ?? "erreur"
        detail = e.serverInfo?[.detail]
        contrainte = e.serverInfo?[.constraintName]
    }

    var description: String { message + (detail.map { " (\($0))" } ?? "") + " [\(etat)]" }
}

/// Rows for `COPY … FROM STDIN` in the text format: tab between columns, newline after each row,
/// `\N` for NULL, backslash escapes for backslash, tab, newline and carriage return.
struct TamponCopie {
    var octets: ByteBuffer

    init(capacite: Int) {
        octets = ByteBufferAllocator().buffer(capacity: capacite)
    }

    mutating func separateur() { octets.writeInteger(UInt8(ascii: "\t")) }
    mutating func finLigne() { octets.writeInteger(UInt8(ascii: "\n")) }
    mutating func nul() { octets.writeStaticString("\\N") }
    /// Digits written in place (no text made for them: a COPY writes millions).
    mutating func entier(_ n: Int) {
        if n < 0 {
            octets.writeInteger(UInt8(ascii: "-"))
            if n == .min {
                octets.writeString(String(n).dropFirst().description)
                return
            }
        }
        var reste = n.magnitude
        var chiffres: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                       UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var compte = 0
        withUnsafeMutableBytes(of: &chiffres) { tampon in
            repeat {
                tampon[19 - compte] = UInt8(ascii: "0") + UInt8(reste % 10)
                reste /= 10
                compte += 1
            } while reste > 0
            octets.writeBytes(UnsafeRawBufferPointer(rebasing: tampon[(20 - compte)...]))
        }
    }

    mutating func texte(_ s: String) {
        let utf8 = s.utf8
        if !utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            octets.writeString(s)
            return
        }
        for b in utf8 {
            switch b {
            case 0x5C: octets.writeStaticString("\\\\")
            case 0x09: octets.writeStaticString("\\t")
            case 0x0A: octets.writeStaticString("\\n")
            case 0x0D: octets.writeStaticString("\\r")
            default: octets.writeInteger(b)
            }
        }
    }

}

/// Each column after a tab.
extension TamponCopie: RedacteurLigne {
    mutating func colonne(texte t: String) {
        separateur()
        texte(t)
    }

    mutating func colonne(entier n: Int) {
        separateur()
        entier(n)
    }

    mutating func colonneNulle() {
        separateur()
        nul()
    }
}

/// What a `postgres://` URL says: where to connect, as whom, to which database.
struct ParametresPostgres: Sendable {
    let configuration: PostgresConnection.Configuration
    /// The URL without its password.
    let affichage: String
    let utilisateur: String
    let base: String

    init(url: String) throws {
        let affichage = Self.sansMotDePasse(url)
        self.affichage = affichage
        func refus(_ raison: String) -> ErreurReseau {
            ErreurReseau("Adresse PostgreSQL invalide « \(affichage) » : \(raison). Forme attendue : postgres://utilisateur[:mot de passe]@hôte[:port]/base, "
                         + "ou postgres://utilisateur@localhost:PORT/base?host=/dossier/du/socket.")
        }
        guard let composants = URLComponents(string: url) else { throw refus("elle ne se lit pas comme une URL") }
        guard let schema = composants.scheme?.lowercased(), ["postgres", "postgresql"].contains(schema) else {
            throw refus("elle doit commencer par postgres://")
        }
        guard let utilisateur = composants.user, !utilisateur.isEmpty else { throw refus("il manque l'utilisateur (postgres://utilisateur@…)") }
        let port = composants.port ?? 5432
        guard (1...65535).contains(port) else { throw refus("port \(port) hors de 1…65535") }
        var base = composants.path
        if base.hasPrefix("/") { base.removeFirst() }
        guard !base.isEmpty, !base.contains("/") else { throw refus("il manque le nom de la base (…/base)") }
        var hoteParametre: String?
        var modeTLS: String?
        for element in composants.queryItems ?? [] {
            switch element.name {
            case "host": hoteParametre = element.value
            case "sslmode": modeTLS = element.value
            default: throw refus("paramètre « \(element.name) » inconnu (host et sslmode seulement)")
            }
        }
        let motDePasse = composants.password
        if let dossier = hoteParametre, dossier.hasPrefix("/") {
            // libpq's convention: the socket is named after the port, in the folder given as host.
            let chemin = (dossier.hasSuffix("/") ? String(dossier.dropLast()) : dossier) + "/.s.PGSQL.\(port)"
            configuration = .init(unixSocketPath: chemin, username: utilisateur, password: motDePasse, database: base)
        } else {
            let hote = (hoteParametre.flatMap { $0.isEmpty ? nil : $0 } ?? composants.host ?? "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            guard !hote.isEmpty else { throw refus("il manque l'hôte (…@hôte/base, ou ?host=/dossier/du/socket)") }
            let local = ["localhost", "127.0.0.1", "::1"].contains(hote.lowercased())
            let tls: PostgresConnection.Configuration.TLS
            switch modeTLS ?? (local ? "disable" : "prefer") {
            case "disable":
                tls = .disable
            case "allow", "prefer":
                tls = .prefer(try Self.contexteTLS(affichage))
            case "require", "verify-ca", "verify-full":
                tls = .require(try Self.contexteTLS(affichage))
            default:
                throw refus("sslmode « \(modeTLS ?? "") » inconnu (disable, prefer ou require)")
            }
            configuration = .init(host: hote, port: port, username: utilisateur, password: motDePasse, database: base, tls: tls)
        }
        self.utilisateur = utilisateur
        self.base = base
    }

    /// TLS with the system's certificate authorities, the server's name checked.
    private static func contexteTLS(_ affichage: String) throws -> NIOSSLContext {
        do {
            return try NIOSSLContext(configuration: .makeClientConfiguration())
        } catch {
            throw ErreurReseau("\(affichage) : impossible de préparer TLS (\(error)).")
        }
    }

    /// `url` with `***` for the password (between « : » and « @ » after `//`, and in `password=`).
    static func sansMotDePasse(_ url: String) -> String {
        var texte = url
        let debut = texte.range(of: "://")?.upperBound ?? texte.startIndex
        if let arobase = texte[debut...].lastIndex(of: "@"), let deuxPoints = texte[debut..<arobase].firstIndex(of: ":") {
            texte.replaceSubrange(texte.index(after: deuxPoints)..<arobase, with: "***")
        }
        if let r = texte.range(of: #"password=[^&]*"#, options: [.regularExpression, .caseInsensitive]) {
            texte.replaceSubrange(r, with: "password=***")
        }
        return texte
    }

    /// A failure to connect, in French.
    func erreurConnexion(_ error: any Error) -> any Error {
        if let e = error as? PSQLError, e.serverInfo != nil {
            let serveur = ErreurServeur(e)
            switch serveur.etat {
            case "28P01", "28000":
                return ErreurReseau("PostgreSQL \(affichage) : connexion refusée pour l'utilisateur « \(utilisateur) » (\(serveur.message)).")
            case "3D000":
                return ErreurReseau("PostgreSQL \(affichage) : la base « \(base) » n'existe pas sur ce serveur.")
            default:
                return ErreurReseau("PostgreSQL \(affichage) : connexion refusée (\(serveur)).")
            }
        }
        if error is CancellationError { return error }
        let cause = (error as? PSQLError)?.underlying.map { "\($0)" } ?? "\((error as? PSQLError)?.code.description ?? "\(error)")"
        return ErreurReseau("Impossible de joindre le serveur PostgreSQL \(affichage) (\(cause)). Le serveur est-il démarré, l'adresse juste ?")
    }

    /// An error during a call, in French (``ErreurReseau`` and cancellation go through).
    func traduire(_ error: any Error) -> any Error {
        switch error {
        case is ErreurReseau, is CancellationError:
            return error
        case let e as ErreurServeur where e.etat == "42501":
            return ErreurReseau("PostgreSQL \(affichage) : l'utilisateur « \(utilisateur) » n'a pas le droit de faire cela (\(e.message)).")
        case let e as ErreurServeur:
            return ErreurReseau("PostgreSQL \(affichage) a refusé l'opération : \(e).")
        case let e as PSQLError:
            return ErreurReseau("PostgreSQL \(affichage) : connexion interrompue (\(e.underlying.map { "\($0)" } ?? e.code.description)).")
        case let e as PostgresDecodingError:
            return ErreurReseau("PostgreSQL \(affichage) : colonne « \(e.columnName) » illisible (type \(e.postgresType)).")
        default:
            return error
        }
    }
}
