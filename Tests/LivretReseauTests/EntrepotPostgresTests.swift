import Foundation
import LivretCore
@testable import LivretReseau
import LivretTestSupport
import Testing

/// The network's store on a real PostgreSQL server (``ServeurPostgres``): the schema, the same
/// answers as the SQLite store, one transaction per write, and who sees what (roles, row-level security).
@Suite struct EntrepotPostgresTests {
    static let periode = PeriodeReseau(annee: 2025)

    /// The rows a store must give by structure for these extracts (members of département 59).
    static func attendus(_ sources: [(ExtraitReseau, String)], departement: String = "59") -> Set<AgregatReseau> {
        Set(AgregatReseau.depuis(sources.map { ($0.0, MembreReseau(nom: $0.1, cle: "", departement: departement)) }, parStructure: true))
    }

    // MARK: Schema

    @Test func lesMigrationsSontIdempotentesEtSupportentDeuxProcessusAlaFois() async throws {
        try await ServeurPostgres.avecBase { base in
            let (un, deux) = (try EntrepotReseauPostgres(url: base.url), try EntrepotReseauPostgres(url: base.url))
            async let a: Void = un.migrer()
            async let b: Void = deux.migrer()
            _ = try await (a, b)
            try await un.migrer()
            let versions = try await un.avecConnexion { try await $0.textes(sql: "SELECT version FROM schema_reseau ORDER BY version") }
            #expect(versions == ["v1-rapports-publies", "v1-reseau"])
            let tables = try await un.avecConnexion { c in
                try await c.textes(sql: "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
            }
            #expect(tables == ["accompagnement_reseau", "extrait", "fait_reseau", "inscription_reseau", "membre", "rapport_publie", "schema_reseau"])
            let index = try await un.avecConnexion { try await $0.textes(sql: "SELECT indexdef FROM pg_indexes WHERE indexname = 'extrait_en_vigueur'") }
            #expect(index.first?.hasSuffix("WHERE (remplace_par IS NULL)") == true, "\(index)")
            try await un.fermer()
            try await deux.fermer()
            await #expect(throws: ErreurReseau.self) { try await un.membres() }
        }
    }

    // MARK: Members

    @Test func lesMembresSAjoutentUneFoisEtSeRevoquent() async throws {
        try await ServeurPostgres.avecBase { base in
            let entrepot = try EntrepotReseauPostgres(url: base.url)
            try await entrepot.migrer()
            let nord = MembreReseau(nom: "Médiathèque Nord", cle: "did:jwk:nord", departement: "59", commune: "59350", reseau: "Hub Nord")
            try await entrepot.ajouterMembre(nord)
            try await entrepot.ajouterMembre(MembreReseau(nom: "Zèbre", cle: "did:jwk:z", departement: "2A"))
            try await entrepot.ajouterMembre(MembreReseau(nom: "atelier", cle: "did:jwk:a", departement: "974"))
            // Code point order, as SQLite: capitals, then lowercase, then accented capitals.
            #expect(try await entrepot.membres().map(\.nom) == ["Médiathèque Nord", "Zèbre", "atelier"])
            #expect(try await entrepot.membres().first == nord)

            let double = await #expect(throws: ErreurReseau.self) {
                try await entrepot.ajouterMembre(MembreReseau(nom: "Médiathèque Nord", cle: "did:jwk:autre", departement: "62"))
            }
            #expect(double?.message == "« Médiathèque Nord » est déjà membre du réseau (voir : livret reseau membre lister).")
            #expect(try await entrepot.membres().first?.cle == "did:jwk:nord")

            try await entrepot.revoquerMembre("Zèbre", le: Jour("2025-03-01")!)
            #expect(try await entrepot.membres()[1].revoqueLe == Jour("2025-03-01"))
            let inconnu = await #expect(throws: ErreurReseau.self) { try await entrepot.revoquerMembre("Personne", le: Jour("2025-03-01")!) }
            #expect(inconnu?.message == "« Personne » n'est pas membre du réseau (voir : livret reseau membre lister).")
            try await entrepot.fermer()
        }
    }

    // MARK: Extracts

    @Test func unNouvelExtraitRemplaceCeluiEnVigueurQuiResteDansLHistorique() async throws {
        try await ServeurPostgres.avecBase { base in
            let entrepot = try EntrepotReseauPostgres(url: base.url)
            try await entrepot.migrer()
            try await entrepot.ajouterMembre(MembreReseau(nom: "A", cle: "did:jwk:a", departement: "59"))
            let premier = Self.extrait("A", faitLe: "2025-06-30", inscriptions: 40, accompagnements: 12, graine: 1)
            let second = Self.extrait("A", faitLe: "2025-12-31", inscriptions: 25, accompagnements: 7, graine: 2, horsStatistiques: 3)
            let ancien = Self.extrait("A", periode: 2024, faitLe: "2024-12-31", inscriptions: 5, accompagnements: 1, graine: 3)
            try await entrepot.enregistrer(ancien, membre: "A", empreinte: "e2024", recuLe: Jour("2025-01-05")!)
            try await entrepot.enregistrer(premier, membre: "A", empreinte: "e1", recuLe: Jour("2025-07-01")!)
            #expect(try await entrepot.enVigueur(membre: "A", periode: Self.periode)! == (Jour("2025-06-30")!, "e1"))
            try await entrepot.enregistrer(second, membre: "A", empreinte: "e2", recuLe: Jour("2026-01-10")!)

            #expect(try await entrepot.historique(periode: Self.periode) == [
                ExtraitRecu(membre: "A", periode: Self.periode, empreinte: "e2", faitLe: Jour("2025-12-31")!, recuLe: Jour("2026-01-10")!, inscriptions: 25,
                            accompagnements: 7),
                ExtraitRecu(membre: "A", periode: Self.periode, empreinte: "e1", faitLe: Jour("2025-06-30")!, recuLe: Jour("2025-07-01")!, inscriptions: 40,
                            accompagnements: 12,
                            remplacePar: "e2"),
            ])
            #expect(try await entrepot.historique(periode: nil).map(\.empreinte) == ["e2", "e1", "e2024"])
            #expect(try await entrepot.enVigueur(membre: "A", periode: Self.periode)! == (Jour("2025-12-31")!, "e2"))
            #expect(try await entrepot.enVigueur(membre: "B", periode: Self.periode) == nil)
            #expect(try await entrepot.dejaRecu(membre: "A", empreinte: "e1"))
            #expect(try await !entrepot.dejaRecu(membre: "B", empreinte: "e1"))

            // Only the records of the extract in force are kept (the other period's stay).
            let comptes = try await entrepot.avecConnexion { c in
                (try await c.entier(sql: "SELECT count(*) FROM inscription_reseau WHERE periode = 2025"),
                 try await c.entier(sql: "SELECT count(*) FROM accompagnement_reseau WHERE periode = 2025"),
                 try await c.entier(sql: "SELECT count(*) FROM inscription_reseau WHERE periode = 2024"))
            }
            #expect(comptes == (25, 7, 5))
            let (agregats, hors) = try await entrepot.agregats(periode: Self.periode, parStructure: true)
            #expect(Set(agregats) == Self.attendus([(second, "A")]))
            #expect(hors == ["A": 3])
            try await entrepot.fermer()
        }
    }

    /// Several extracts in one call: one transaction, the extracts in force replaced; two extracts of
    /// one member and year in one lot are refused, and nothing of the lot is written.
    @Test func unLotDExtraitsSEnregistreEnUneTransaction() async throws {
        try await ServeurPostgres.avecBase { base in
            let entrepot = try EntrepotReseauPostgres(url: base.url)
            try await entrepot.migrer()
            for nom in ["Nord", "Sud"] { try await entrepot.ajouterMembre(MembreReseau(nom: nom, cle: "did:jwk:\(nom)", departement: "59")) }
            try await entrepot.enregistrer(Self.extrait("Nord", faitLe: "2025-03-01", inscriptions: 50, accompagnements: 2, graine: 20),
                                           membre: "Nord", empreinte: "n0", recuLe: Jour("2025-03-02")!)
            let nord = Self.extrait("Nord", inscriptions: 120, accompagnements: 9, graine: 21)
            let sud = Self.extrait("Sud", inscriptions: 80, accompagnements: 4, graine: 22, horsStatistiques: 2)
            let sud2024 = Self.extrait("Sud", periode: 2024, faitLe: "2024-12-31", inscriptions: 30, accompagnements: 2, graine: 23)
            try await entrepot.enregistrer([ExtraitAEnregistrer(nord, membre: "Nord", empreinte: "n1"), ExtraitAEnregistrer(sud, membre: "Sud", empreinte: "s1"),
                                            ExtraitAEnregistrer(sud2024, membre: "Sud", empreinte: "s0")], recuLe: Jour("2026-01-02")!)
            let historique = try await entrepot.historique(periode: nil)
            #expect(historique.map(\.empreinte) == ["s0", "s1", "n1", "n0"])
            #expect(historique.map(\.remplacePar) == [nil, nil, nil, "n1"])
            #expect(historique.map(\.faitLe.description) == ["2024-12-31", "2025-12-31", "2025-12-31", "2025-03-01"])
            let (agregats, hors) = try await entrepot.agregats(periode: Self.periode, parStructure: true)
            #expect(Set(agregats) == Self.attendus([(nord, "Nord"), (sud, "Sud")]))
            #expect(hors == ["Nord": 0, "Sud": 2])

            let refus = await #expect(throws: ErreurReseau.self) {
                try await entrepot.enregistrer([ExtraitAEnregistrer(nord, membre: "Nord", empreinte: "n2"), ExtraitAEnregistrer(sud, membre: "Nord", empreinte: "n3")],
                                               recuLe: Jour("2026-01-03")!)
            }
            #expect(refus?.message.contains("Deux extraits de « Nord » pour 2025") == true, "\(String(describing: refus))")
            #expect(try await entrepot.historique(periode: nil) == historique)
            #expect(Set(try await entrepot.agregats(periode: Self.periode, parStructure: true).agregats) == Set(agregats))
            try await entrepot.fermer()
        }
    }

    @Test func lesAgregatsSontCeuxQueDonnentLesExtraits() async throws {
        try await ServeurPostgres.avecBase { base in
            let entrepot = try EntrepotReseauPostgres(url: base.url)
            try await entrepot.migrer()
            for nom in ["Nord", "Sud"] { try await entrepot.ajouterMembre(MembreReseau(nom: nom, cle: "did:jwk:\(nom)", departement: "59")) }
            let nord = Self.extrait("Nord", inscriptions: 300, accompagnements: 40, graine: 11, horsStatistiques: 4)
            let sud = Self.extrait("Sud", inscriptions: 180, accompagnements: 25, graine: 12, horsStatistiques: 0)
            try await entrepot.enregistrer(Self.extrait("Nord", faitLe: "2025-03-01", inscriptions: 50, accompagnements: 2, graine: 10),
                                           membre: "Nord", empreinte: "n0", recuLe: Jour("2025-03-02")!)
            try await entrepot.enregistrer(nord, membre: "Nord", empreinte: "n1", recuLe: Jour("2026-01-02")!)
            try await entrepot.enregistrer(sud, membre: "Sud", empreinte: "s1", recuLe: Jour("2026-01-03")!)
            try await entrepot.enregistrer(Self.extrait("Sud", periode: 2024, faitLe: "2024-12-31", inscriptions: 30, accompagnements: 2, graine: 13),
                                           membre: "Sud", empreinte: "s0", recuLe: Jour("2025-01-03")!)

            let (agregats, hors) = try await entrepot.agregats(periode: Self.periode, parStructure: true)
            #expect(agregats.count == Self.attendus([(nord, "Nord"), (sud, "Sud")]).count)
            #expect(Set(agregats) == Self.attendus([(nord, "Nord"), (sud, "Sud")]))
            #expect(Set(FaitReseau.Rubrique.allCases).isSubset(of: Set(agregats.map(\.fait.rubrique))))
            #expect(hors == ["Nord": 4, "Sud": 0])
            // By territory: both members are one unit, their facts added up.
            let parTerritoire = try await entrepot.agregats(periode: Self.periode, parStructure: false).agregats
            let membres = try await entrepot.membres()
            let sources = [(nord, membres[0]), (sud, membres[1])]
            #expect(Set(parTerritoire) == Set(AgregatReseau.depuis(sources, parStructure: false)))
            #expect(Set(parTerritoire.map(\.unite)) == [UniteReseau(membre: nil, departement: "59", sousReseau: nil)])
            #expect(parTerritoire.count < agregats.count)
            #expect(try await entrepot.agregats(periode: PeriodeReseau(annee: 2023), parStructure: true).agregats.isEmpty)
            try await entrepot.fermer()
        }
    }

    @Test func unGrandExtraitPasseEnPlusieursEnvoisEtSesTextesRestentIntacts() async throws {
        try await ServeurPostgres.avecBase { base in
            let entrepot = try EntrepotReseauPostgres(url: base.url)
            try await entrepot.migrer()
            try await entrepot.ajouterMembre(MembreReseau(nom: "Grand\tréseau \\ « centre »", cle: "did:jwk:g", departement: "75"))
            var extrait = Self.extrait("Grand\tréseau \\ « centre »", inscriptions: 3_000, accompagnements: 1_000, graine: 21)
            // Every character COPY's text format escapes, and the ones it does not.
            extrait.inscriptions[0].parcours = "tab\tretour\nchariot\rbarre\\N fin"
            extrait.inscriptions[1].motifAbandon = "\\N"
            extrait.inscriptions[2].motifAbandon = ""
            extrait.accompagnements[0].trancheAge = "a\\tb"
            try await entrepot.enregistrer(extrait, membre: "Grand\tréseau \\ « centre »", empreinte: "g", recuLe: Jour("2026-01-02")!)
            let (agregats, _) = try await entrepot.agregats(periode: Self.periode, parStructure: true)
            #expect(Set(agregats) == Self.attendus([(extrait, "Grand\tréseau \\ « centre »")], departement: "75"))
            let lignes = agregats.filter { $0.fait.rubrique == .ensemble }.map(\.fait)
            #expect(agregats.allSatisfy { $0.unite.membre == "Grand\tréseau \\ « centre »" })
            #expect(lignes.map(\.nombre).reduce(0, +) == 3_000)
            #expect(lignes.map(\.minutesPrevues).reduce(0, +) == extrait.inscriptions.map(\.minutesPrevues).reduce(0, +))
            #expect(lignes.map(\.minutesSuivies).reduce(0, +) == extrait.inscriptions.map(\.minutesSuivies).reduce(0, +))
            #expect(agregats.filter { $0.fait.rubrique == .motif }.map(\.fait.nombre).reduce(0, +)
                    == extrait.inscriptions.filter { $0.motifAbandon != nil }.count)
            #expect(agregats.contains { $0.fait.parcours == "tab\tretour\nchariot\rbarre\\N fin" })
            let (inscriptions, accompagnements, tranche, vides) = try await entrepot.avecConnexion { c in
                (try await c.entier(sql: "SELECT count(*) FROM inscription_reseau"), try await c.entier(sql: "SELECT count(*) FROM accompagnement_reseau"),
                 try await c.textes(sql: "SELECT tranche_age FROM accompagnement_reseau WHERE numero = 'a-1'"),
                 try await c.entier(sql: "SELECT count(*) FROM inscription_reseau WHERE motif_abandon = ''"))
            }
            #expect((inscriptions, accompagnements) == (3_000, 1_000))
            #expect(tranche == ["a\\tb"])
            #expect(vides == 1)
            try await entrepot.fermer()
        }
    }

    @Test func lesEntiersDuCopySontEcritsChiffreAChiffre() {
        for n in [0, 7, 10, 99, 1_234_567_890, -5, -100, Int.max, Int.min] {
            var t = TamponCopie(capacite: 32)
            t.entier(n)
            #expect(t.octets.getString(at: 0, length: t.octets.readableBytes) == String(n))
        }
    }

    /// Two imports of one member and year at once, by two connections: whichever order the server
    /// sees them in, one extract is in force, and a refused one left nothing.
    @Test func deuxImportsSimultanesLaissentUnSeulExtraitEnVigueur() async throws {
        try await ServeurPostgres.avecBase { base in
            let (un, deux) = (try EntrepotReseauPostgres(url: base.url), try EntrepotReseauPostgres(url: base.url))
            try await un.migrer()
            try await un.ajouterMembre(MembreReseau(nom: "A", cle: "did:jwk:a", departement: "59"))
            for tour in UInt64(0)..<5 {
                let premier = Task { try await un.enregistrer(Self.extrait("A", inscriptions: 300, accompagnements: 5, graine: 60 + tour), membre: "A",
                                                              empreinte: "p\(tour)", recuLe: Jour("2026-01-02")!) }
                let second = Task { try await deux.enregistrer(Self.extrait("A", inscriptions: 200, accompagnements: 3, graine: 70 + tour), membre: "A",
                                                               empreinte: "s\(tour)", recuLe: Jour("2026-01-02")!) }
                let issues = [await premier.result, await second.result]
                for case .failure(let e) in issues {
                    #expect((e as? ErreurReseau)?.message.contains("importé en même temps") == true, "\(e)")
                }
                let enVigueur = try await un.historique(periode: Self.periode).filter { $0.remplacePar == nil }
                #expect(enVigueur.count == 1)
                let lignes = try await un.avecConnexion { c in
                    (try await c.entier(sql: "SELECT count(*) FROM inscription_reseau"), try await c.entier(sql: "SELECT count(DISTINCT extrait_id) FROM fait_reseau"))
                }
                #expect(lignes.0 == enVigueur.first?.inscriptions && lignes.1 == 1, "\(lignes)")
            }
            try await un.fermer()
            try await deux.fermer()
        }
    }

    @Test func uneEcritureQuiEchoueNeLaisseRien() async throws {
        try await ServeurPostgres.avecBase { base in
            let entrepot = try EntrepotReseauPostgres(url: base.url)
            try await entrepot.migrer()
            func comptes() async throws -> [Int] {
                try await entrepot.avecConnexion { c in
                    [try await c.entier(sql: "SELECT count(*) FROM extrait"), try await c.entier(sql: "SELECT count(*) FROM inscription_reseau"),
                     try await c.entier(sql: "SELECT count(*) FROM accompagnement_reseau")]
                }
            }
            // An unknown member: the foreign key refuses the extract, nothing is written.
            let inconnu = await #expect(throws: ErreurReseau.self) {
                try await entrepot.enregistrer(Self.extrait("X", inscriptions: 10, accompagnements: 2, graine: 5), membre: "X", empreinte: "x",
                                               recuLe: Jour("2026-01-02")!)
            }
            #expect(inconnu?.message.contains("« X » n'est pas membre du réseau") == true, "\(String(describing: inconnu))")
            #expect(try await comptes() == [0, 0, 0])
            #expect(try await entrepot.historique(periode: nil).isEmpty)

            // Failures after the extract in force lost its records and was marked replaced: all of it undone.
            try await entrepot.ajouterMembre(MembreReseau(nom: "A", cle: "did:jwk:a", departement: "59"))
            let enVigueur = Self.extrait("A", inscriptions: 20, accompagnements: 3, graine: 6)
            try await entrepot.enregistrer(enVigueur, membre: "A", empreinte: "e1", recuLe: Jour("2026-01-02")!)
            let avant = try await entrepot.historique(periode: nil)
            // The same empreinte again: the new extract's row breaks UNIQUE (membre, empreinte).
            let rejoue = await #expect(throws: ErreurReseau.self) {
                try await entrepot.enregistrer(Self.extrait("A", inscriptions: 7, accompagnements: 1, graine: 7), membre: "A", empreinte: "e1",
                                               recuLe: Jour("2026-01-03")!)
            }
            #expect(rejoue?.message.contains("déjà été reçu") == true, "\(String(describing: rejoue))")
            // A record the server refuses (a NUL character) in the middle of the COPY.
            var casse = Self.extrait("A", inscriptions: 50, accompagnements: 1, graine: 8)
            casse.inscriptions[40].numero = "i-\u{0}"
            await #expect(throws: ErreurReseau.self) {
                try await entrepot.enregistrer(casse, membre: "A", empreinte: "e2", recuLe: Jour("2026-01-03")!)
            }
            #expect(try await entrepot.historique(periode: nil) == avant)
            #expect(try await comptes() == [1, 20, 3])
            #expect(Set(try await entrepot.agregats(periode: Self.periode, parStructure: true).agregats) == Self.attendus([(enVigueur, "A")]))
            try await entrepot.fermer()
        }
    }

    /// Same calls, same answers as the SQLite store.
    @Test func lesDeuxEntrepotsDonnentLesMemesReponses() async throws {
        let dossier = try DossierTemporaire(prefixe: "livret-postgres")
        defer { dossier.supprimer() }
        try await ServeurPostgres.avecBase { base in
            let postgres = try EntrepotReseauPostgres(url: base.url)
            let sqlite = try EntrepotReseauSQLite(chemin: dossier.fichier("reseau.sqlite").path)
            let entrepots: [any EntrepotReseau] = [sqlite, postgres]
            var reponses: [String] = []
            for entrepot in entrepots {
                try await entrepot.migrer()
                try await entrepot.migrer()
                for (nom, departement) in [("b", "59"), ("Ä", "62"), ("B", "2B")] {
                    try await entrepot.ajouterMembre(MembreReseau(nom: nom, cle: "did:jwk:\(nom)", departement: departement, commune: nil, reseau: "R"))
                }
                try await entrepot.revoquerMembre("B", le: Jour("2025-05-05")!)
                try await entrepot.enregistrer(Self.extrait("b", faitLe: "2025-04-01", inscriptions: 60, accompagnements: 9, graine: 31),
                                               membre: "b", empreinte: "b1", recuLe: Jour("2025-04-02")!)
                try await entrepot.enregistrer(Self.extrait("b", inscriptions: 80, accompagnements: 11, graine: 32, horsStatistiques: 2),
                                               membre: "b", empreinte: "b2", recuLe: Jour("2026-01-02")!)
                try await entrepot.enregistrer(Self.extrait("Ä", inscriptions: 70, accompagnements: 0, graine: 33, horsStatistiques: 1),
                                               membre: "Ä", empreinte: "a1", recuLe: Jour("2026-01-03")!)
                let (agregats, hors) = try await entrepot.agregats(periode: Self.periode, parStructure: true)
                let parTerritoire = try await entrepot.agregats(periode: Self.periode, parStructure: false).agregats
                let vigueur = try await entrepot.enVigueur(membre: "b", periode: Self.periode)
                reponses.append("""
                    \(try await entrepot.membres())
                    \(try await entrepot.historique(periode: nil))
                    \(try await entrepot.historique(periode: PeriodeReseau(annee: 2024)))
                    \(vigueur.map { "\($0.faitLe) \($0.empreinte)" } ?? "-")
                    \(try await entrepot.dejaRecu(membre: "b", empreinte: "b1")) \(try await entrepot.dejaRecu(membre: "Ä", empreinte: "b1"))
                    \(agregats.map { "\($0)" }.sorted())
                    \(parTerritoire.map { "\($0)" }.sorted())
                    \(hors.sorted { $0.key < $1.key })
                    """)
                let refus = await #expect(throws: ErreurReseau.self) { try await entrepot.ajouterMembre(MembreReseau(nom: "b", cle: "k", departement: "59")) }
                let inconnu = await #expect(throws: ErreurReseau.self) { try await entrepot.revoquerMembre("z", le: Jour("2025-05-05")!) }
                reponses.append("\(refus?.message ?? "-") \(inconnu?.message ?? "-")")
                try await entrepot.fermer()
            }
            #expect(reponses[0] == reponses[2])
            #expect(reponses[1] == reponses[3])
        }
    }

    // MARK: Roles

    @Test func chaqueCompteNeVoitQueCeQueSonRolePermet() async throws {
        try await ServeurPostgres.avecBase { base in
            let entrepot = try EntrepotReseauPostgres(url: base.url)
            try await entrepot.migrer()
            for nom in ["Nord", "Sud"] { try await entrepot.ajouterMembre(MembreReseau(nom: nom, cle: "did:jwk:\(nom)", departement: "59")) }
            let nord = Self.extrait("Nord", inscriptions: 30, accompagnements: 4, graine: 41, horsStatistiques: 2)
            try await entrepot.enregistrer(nord, membre: "Nord", empreinte: "n1", recuLe: Jour("2026-01-02")!)
            try await entrepot.enregistrer(Self.extrait("Sud", inscriptions: 12, accompagnements: 9, graine: 42), membre: "Sud", empreinte: "s1",
                                           recuLe: Jour("2026-01-02")!)
            let (roleNord, roleSud, roleResponsable, roleConnexion) = (base.role("nord"), base.role("sud"), base.role("resp"), base.role("nordlog"))
            let (un, deux) = (try EntrepotReseauPostgres(url: base.url), try EntrepotReseauPostgres(url: base.url))
            async let premier: Void = un.preparerRoles()
            async let second: Void = deux.preparerRoles()
            _ = try await (premier, second)
            try await entrepot.preparerRoles()
            try await entrepot.compteStructure(membre: "Nord", role: roleNord, motDePasse: nil)
            try await entrepot.compteStructure(membre: "Sud", role: roleSud, motDePasse: nil)
            try await entrepot.compteResponsable(role: roleResponsable, motDePasse: nil)
            try await entrepot.publierRapport(periode: Self.periode, perimetre: "réseau", format: "csv", contenu: "v1", publieLe: Jour("2026-01-05")!)
            try await entrepot.publierRapport(periode: Self.periode, perimetre: "réseau", format: "csv", contenu: "v2", publieLe: Jour("2026-01-06")!)
            try await entrepot.publierRapport(periode: Self.periode, perimetre: "département 59", format: "html", contenu: "<p>", publieLe: Jour("2026-01-06")!)
            let publies = try await entrepot.rapportsPublies(periode: Self.periode)
            #expect(publies.map { "\($0.perimetre) \($0.format) \($0.contenu)" } == ["département 59 html <p>", "réseau csv v2"])

            struct Vue: Equatable { var inscriptions, faits, accompagnements, extraits: Int; var membres, rapports: [String] }
            func vue(_ role: String) async throws -> (Vue, [String]) {
                try await entrepot.avecConnexion { c in
                    try await c.executer(sql: "SET ROLE \(role)")
                    let vue = Vue(inscriptions: try await c.entier(sql: "SELECT count(*) FROM inscription_reseau"),
                                  faits: try await c.entier(sql: "SELECT count(DISTINCT membre) FROM fait_reseau"),
                                  accompagnements: try await c.entier(sql: "SELECT count(*) FROM accompagnement_reseau"),
                                  extraits: try await c.entier(sql: "SELECT count(*) FROM extrait"),
                                  membres: try await c.textes(sql: "SELECT nom FROM membre ORDER BY nom"),
                                  rapports: try await c.textes(sql: "SELECT contenu FROM rapport_publie ORDER BY contenu"))
                    // Every write refused, by privilege.
                    var refus: [String] = []
                    for sql in ["INSERT INTO inscription_reseau SELECT * FROM inscription_reseau LIMIT 1",
                                "DELETE FROM accompagnement_reseau", "DELETE FROM fait_reseau", "UPDATE extrait SET remplace_par = 'x'",
                                "UPDATE membre SET revoque_le = '2025-01-01'",
                                "INSERT INTO rapport_publie VALUES (2025, 'p', 'csv', 'faux', '2026-01-01')",
                                "INSERT INTO membre (nom, cle, departement) VALUES ('Moi', 'k', '59')"] {
                        do {
                            try await c.executer(sql: sql)
                            refus.append("accepté : \(sql)")
                        } catch let e as ErreurServeur {
                            refus.append(e.etat)
                        }
                    }
                    // The store keeps its connection: back to the store's own role.
                    try await c.executer(sql: "RESET ROLE")
                    return (vue, refus)
                }
            }
            let refusPartout = Array(repeating: "42501", count: 7)
            let (vueNord, refusNord) = try await vue(roleNord)
            #expect(vueNord == Vue(inscriptions: 30, faits: 1, accompagnements: 4, extraits: 1, membres: ["Nord"], rapports: ["<p>", "v2"]))
            #expect(refusNord == refusPartout)
            let (vueSud, refusSud) = try await vue(roleSud)
            #expect(vueSud == Vue(inscriptions: 12, faits: 1, accompagnements: 9, extraits: 1, membres: ["Sud"], rapports: ["<p>", "v2"]))
            #expect(refusSud == refusPartout)
            let (vueResponsable, refusResponsable) = try await vue(roleResponsable)
            #expect(vueResponsable == Vue(inscriptions: 42, faits: 2, accompagnements: 13, extraits: 2, membres: ["Nord", "Sud"], rapports: ["<p>", "v2"]))
            #expect(refusResponsable == refusPartout)
            // A role taken by no member: nothing.
            let seul = base.role("seul")
            try await entrepot.avecConnexion { c in
                try await c.executer(sql: "CREATE ROLE \(seul) NOLOGIN")
                try await c.executer(sql: "GRANT livret_structure TO \(seul)")
            }
            let (vueSansMembre, _) = try await vue(seul)
            #expect(vueSansMembre == Vue(inscriptions: 0, faits: 0, accompagnements: 0, extraits: 0, membres: [], rapports: ["<p>", "v2"]))

            // A structure connecting with its own account: the store answers for its rows only, and writes nothing.
            try await entrepot.compteStructure(membre: "Nord", role: roleConnexion, motDePasse: "mot'de\"passe\\")
            let commeNord = try EntrepotReseauPostgres(url: try base.url(utilisateur: roleConnexion))
            try await commeNord.migrer()
            #expect(try await commeNord.membres().map(\.nom) == ["Nord"])
            let (agregats, hors) = try await commeNord.agregats(periode: Self.periode, parStructure: true)
            #expect(Set(agregats) == Self.attendus([(nord, "Nord")]))
            #expect(hors == ["Nord": 2])
            #expect(try await commeNord.rapportsPublies(periode: Self.periode).count == 2)
            let ecriture = await #expect(throws: ErreurReseau.self) {
                try await commeNord.ajouterMembre(MembreReseau(nom: "Moi", cle: "k", departement: "59"))
            }
            #expect(ecriture?.message.contains("n'a pas le droit") == true, "\(String(describing: ecriture))")
            await #expect(throws: ErreurReseau.self) {
                try await commeNord.publierRapport(periode: Self.periode, perimetre: "réseau", format: "csv", contenu: "faux", publieLe: Jour("2026-01-07")!)
            }
            try await commeNord.fermer()
            // The Nord member's account is now the connecting one; roleNord sees nothing any more.
            #expect(try await vue(roleNord).0.inscriptions == 0)

            // Refusals, in French.
            for (role, attendu) in [("Nord", "minuscules"), ("a-b", "minuscules"), ("pg_x", "réservé"), ("livret_structure", "réservé"),
                                    (String(repeating: "a", count: 64), "63")] {
                let e = await #expect(throws: ErreurReseau.self) { try await entrepot.compteStructure(membre: "Nord", role: role, motDePasse: nil) }
                #expect(e?.message.contains(attendu) == true, "\(role): \(String(describing: e))")
            }
            let autre = await #expect(throws: ErreurReseau.self) { try await entrepot.compteStructure(membre: "Sud", role: roleConnexion, motDePasse: nil) }
            #expect(autre?.message.contains("déjà le compte de « Nord »") == true, "\(String(describing: autre))")
            let inconnu = await #expect(throws: ErreurReseau.self) { try await entrepot.compteStructure(membre: "Est", role: base.role("est"), motDePasse: nil) }
            #expect(inconnu?.message.contains("n'est pas membre") == true)
            let melange = await #expect(throws: ErreurReseau.self) { try await entrepot.compteResponsable(role: roleSud, motDePasse: nil) }
            #expect(melange?.message.contains("« Sud »") == true, "\(String(describing: melange))")
            let administrateur = await #expect(throws: ErreurReseau.self) {
                try await entrepot.compteStructure(membre: "Sud", role: entrepot.parametres.utilisateur, motDePasse: nil)
            }
            #expect(administrateur?.message.contains("administration") == true, "\(String(describing: administrateur))")
            try await entrepot.fermer()
        }
    }

    // MARK: Addresses and connections

    @Test func lesAdressesSeLisentEtLesMauvaisesSontRefuseesSansMotDePasse() throws {
        let socket = try ParametresPostgres(url: "postgres://livret@localhost:5499/livret_tests?host=/tmp/pg%20B")
        #expect(socket.configuration.unixSocketPath == "/tmp/pg B/.s.PGSQL.5499")
        #expect(socket.configuration.username == "livret")
        #expect(socket.configuration.database == "livret_tests")
        #expect(socket.configuration.password == nil)
        let local = try ParametresPostgres(url: "postgresql://u:p%40ss@localhost/reseau")
        #expect(local.configuration.host == "localhost")
        #expect(local.configuration.port == 5432)
        #expect(local.configuration.password == "p@ss")
        #expect(!local.configuration.tls.isAllowed)
        let distant = try ParametresPostgres(url: "postgres://u:secret@db.example.org:6543/reseau")
        #expect(distant.configuration.host == "db.example.org")
        #expect(distant.configuration.port == 6543)
        #expect(distant.configuration.tls.isAllowed && !distant.configuration.tls.isEnforced)
        #expect(distant.affichage == "postgres://u:***@db.example.org:6543/reseau")
        // As libpq: the last « @ » ends the password.
        let arobase = try ParametresPostgres(url: "postgres://u:se@cret@h/b")
        #expect(arobase.configuration.password == "se@cret")
        #expect(arobase.affichage == "postgres://u:***@h/b")
        #expect(try !ParametresPostgres(url: "postgres://u@[::1]:5432/b").configuration.tls.isAllowed)
        #expect(try ParametresPostgres(url: "postgres://u@db.example.org/r?sslmode=require").configuration.tls.isEnforced)
        #expect(try !ParametresPostgres(url: "postgres://u@db.example.org/r?sslmode=disable").configuration.tls.isAllowed)

        for (url, raison) in [("mysql://u:secret@h/b", "postgres://"), ("postgres://u:secret@h", "nom de la base"),
                              ("postgres://:secret@h/b", "utilisateur"), ("postgres://u:secret@h/b?sslmode=peut-etre", "sslmode"),
                              ("postgres://u:secret@h/b?options=x", "« options »"), ("postgres://u:secret@/b", "hôte"),
                              ("postgres://u:secret@h:99999/b", "Adresse PostgreSQL invalide"), ("u:secret@h b", "Adresse PostgreSQL invalide"),
("postgres://u@h/b?password=secret&sslmode=x", "« password »")] {
            let e = #expect(throws: ErreurReseau.self) { try EntrepotReseauPostgres(url: url) }
            #expect(e?.message.contains(raison) == true, "\(url): \(String(describing: e))")
            #expect(e?.message.contains("secret") == false, "\(url): \(String(describing: e))")
            #expect(e.map { estUnMessageFrancais($0.message) } == true)
        }
    }

    @Test func uneBaseAbsenteOuUnServeurInjoignableSontDitsEnFrancais() async throws {
        let serveur = try ServeurPostgres.url()
        let absente = try EntrepotReseauPostgres(url: try ServeurPostgres.url(serveur, base: "base_qui_n_existe_pas"))
        let e = await #expect(throws: ErreurReseau.self) { try await absente.migrer() }
        #expect(e?.message.contains("la base « base_qui_n_existe_pas » n'existe pas") == true, "\(String(describing: e))")
        let injoignable = try EntrepotReseauPostgres(url: "postgres://livret@localhost:5499/b?host=/dossier/sans/serveur")
        let f = await #expect(throws: ErreurReseau.self) { try await injoignable.membres() }
        #expect(f?.message.hasPrefix("Impossible de joindre le serveur PostgreSQL postgres://livret@localhost:5499/b?host=/dossier/sans/serveur") == true,
                "\(String(describing: f))")
    }

    // MARK: Extracts built by hand

    /// An extract of `inscriptions` and `accompagnements` varied records (every category, outcomes,
    /// follow-ups, satisfaction), the same for the same `graine`.
    static func extrait(_ structure: String, periode: Int = 2025, faitLe: String = "2025-12-31", inscriptions: Int, accompagnements: Int,
                        graine: UInt64, horsStatistiques: Int = 0) -> ExtraitReseau {
        var etat = graine &* 0x9E37_79B9_7F4A_7C15 | 1
        func tirage(_ n: Int) -> Int {
            etat ^= etat << 13
            etat ^= etat >> 7
            etat ^= etat << 17
            return Int(etat % UInt64(n))
        }
        func un<T>(_ valeurs: [T]) -> T { valeurs[tirage(valeurs.count)] }
        let tranches = ["moins de 26 ans", "26-45 ans", "46-65 ans", "plus de 65 ans", "non communiqué"]
        let lesInscriptions = (0..<inscriptions).map { i -> EnregistrementInscription in
            let etatInscription = un(StatutInscription.allCases)
            let fin = tirage(3) == 0 ? nil : "\(periode)-\(String(format: "%02d", 1 + tirage(12)))"
            return EnregistrementInscription(
                numero: "i-\(i + 1)", parcours: un(["femmes-et-numerique", "initiation-smartphone"]), moisDebut: "\(periode)-0\(1 + tirage(9))",
                moisFin: fin, sexe: un(Sexe.allCases), trancheAge: un(tranches), qpv: un(ResidenceQPV.allCases), statut: un(StatutSocial.allCases),
                etat: etatInscription, venu: tirage(4) != 0, minutesPrevues: 60 * tirage(40), minutesSuivies: 30 * tirage(50),
                motifAbandon: etatInscription == .abandon ? un(["déménagement", "non précisé", "emploi trouvé"]) : nil,
                sorties: tirage(3) == 0 ? [] : Array(["emploi", "formation", "certification"].prefix(1 + tirage(3))), competencesCertifiees: tirage(4),
                suivis: tirage(4) == 0 ? ["6:emploi"] : [], satisfaction: tirage(3) == 0 ? [[1 + tirage(4), tirage(5)], [4]] : [],
                thematiques: tirage(2) == 0 ? ["demarches", "mail"] : [])
        }
        let lesAccompagnements = (0..<accompagnements).map { i in
            EnregistrementAccompagnement(numero: "a-\(i + 1)", mois: "\(periode)-1\(tirage(3))", type: un(TypeAccompagnement.allCases),
                                         lieu: un(LieuAccompagnement.allCases), minutes: 15 * (1 + tirage(8)), thematiques: tirage(2) == 0 ? ["smartphone"] : [],
                                         sexe: un(Sexe.allCases), trancheAge: un(tranches))
        }
        return ExtraitReseau(structure: structure, emetteur: "did:jwk:\(structure)", periode: PeriodeReseau(annee: periode), faitLe: Jour(faitLe)!,
                             referentiels: ["aptic": "1"], bornesAge: [26, 46, 66], horsStatistiques: horsStatistiques,
                             inscriptions: lesInscriptions, accompagnements: lesAccompagnements)
    }
}
