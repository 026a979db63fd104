import Foundation
import GRDB
import LivretStore
import LivretTestSupport
import Testing

/// The schema of a new base, once every migration has run, against `Attendus/schema.sql`.
///
/// A shipped migration must never change: bases already in use ran the old one. This test fails
/// when one is edited, removed or reordered. Adding a migration changes the file too: check the
/// diff shows only the new migration, then re-record with `LIVRET_INSTANTANES=enregistrer`.
@Suite("Schéma de la base")
struct SchemaTests {
    @Test("Le schéma d'une base neuve et la suite des migrations sont ceux du fichier attendu")
    func schemaFige() throws {
        let dossier = try DossierTemporaire(prefixe: "livret-schema")
        defer { dossier.supprimer() }
        let chemin = dossier.fichier("livret.sqlite").path
        _ = try Base(chemin: chemin)   // creates the file and runs the migrations

        let fichier = try DatabaseQueue(path: chemin)
        let texte = try fichier.read { db in
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            let objets = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
            return Self.decrire(migrations: migrations, objets: objets)
        }
        Golden.verifier(texte, fichier: Golden.dossier("Attendus").appendingPathComponent("schema.sql"))
    }

    /// The migrations in order, then each schema object: a comment naming it, then its SQL with
    /// each line trimmed (re-indenting the Swift source is not a change), or a note when SQLite
    /// made it itself (automatic indexes have no SQL).
    static func decrire(migrations: [String], objets: [Row]) -> String {
        var lignes = [
            "-- Schéma d'une base neuve, toutes migrations passées (Tests/LivretStoreTests/SchemaTests.swift).",
            "-- Réenregistrer : LIVRET_INSTANTANES=enregistrer swift test --skip-build --filter SchemaTests",
            "-- Migrations, dans l'ordre :",
        ]
        lignes += migrations.map { "--   \($0)" }
        for objet in objets {
            let type: String = objet["type"], nom: String = objet["name"], table: String = objet["tbl_name"]
            lignes.append("")
            lignes.append(nom == table ? "-- \(type) \(nom)" : "-- \(type) \(nom) (sur \(table))")
            guard let sql: String = objet["sql"] else {
                lignes.append("-- (créé par SQLite, sans SQL)")
                continue
            }
            let corps = sql.split(separator: "\n", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            lignes.append(corps.joined(separator: "\n  ") + ";")
        }
        return lignes.joined(separator: "\n") + "\n"
    }
}
