import Foundation
import LivretBadges
import LivretCore
import LivretReferentiels
import LivretReseau
import LivretServices
import LivretStore

// livret-bench --reseau (issue 22): a network of structures at national scale. Synthetic extracts
// loaded into PostgreSQL by the store's own path, compared in the same run with psql's \copy of the
// same rows (the engine's bulk path); the consolidated report protected and audited; one
// structure's extract made and signed; the same import and report on the SQLite store.

// MARK: synthetic extracts

/// A network's synthetic member structures and their extracts, deterministic for a seed: each
/// structure and year has a generator of its own, so an extract is the same whatever the order.
struct ReseauSynthetique {
    let graine: UInt64
    let inscriptionsParStructure: Int
    let referentiels: [String: String]

    /// 100 départements: 01–95 without 20, 2A, 2B, four overseas.
    static let departements: [String] = (1...95).filter { $0 != 20 }.map { $0 < 10 ? "0\($0)" : "\($0)" } + ["2A", "2B", "971", "972", "973", "974"]
    /// The most populous départements hold five times as many structures.
    static let grands: Set<String> = ["59", "75", "13", "69", "93", "33", "92", "62", "94", "31", "44", "76", "06", "67", "34", "95", "91", "78", "77", "974"]
    static let tranches = TranchesAge.parDefaut.libelles
    /// Weights of ``tranches`` (moins de 12 … 70 et plus, non communiqué).
    static let poidsTranches = [0, 3, 9, 26, 30, 17, 8, 7]
    static let parcours: [(String, Int)] = [("femmes-et-numerique", 60), ("initiation-smartphone", 40)]
    /// Planned minutes of the whole parcours (24 séances of 165 min, 10 of 120 min).
    static let minutesParcours = ["femmes-et-numerique": 24 * 165, "initiation-smartphone": 10 * 120]
    static let motifs: [(String, Int)] = [("déménagement", 20), ("reprise d'emploi", 25), ("santé", 20), ("garde d'enfants", 15), ("non précisé", 20)]
    static let thematiques: [String: [String]] = [
        "femmes-et-numerique": [ThematiqueCoop.prendreEnMainDuMateriel, .navigationSurInternet, .email, .bureautique, .securiteNumerique,
                                .aideAuxDemarchesAdministratives, .insertionProfessionnelle].map(\.rawValue),
        "initiation-smartphone": [ThematiqueCoop.prendreEnMainDuMateriel, .gereSesContenusNumeriques, .reseauxSociaux, .securiteNumerique,
                                  .navigationSurInternet, .email].map(\.rawValue),
    ]

    static func nom(_ s: Int) -> String {
        var chiffres = String(s + 1)
        while chiffres.count < 4 { chiffres = "0" + chiffres }
        return "Structure " + chiffres
    }

    func departement(_ s: Int) -> String {
        var h = Hasard(graine: graine &* 0x9E37_79B9 &+ UInt64(s))
        return h.pondere(Self.departements.map { ($0, Self.grands.contains($0) ? 5 : 1) })
    }

    static func mois(_ annee: Int, _ m: Int) -> String { "\(annee)-" + (m < 10 ? "0\(m)" : "\(m)") }

    /// Structure `s`'s extract of `annee`: ``inscriptionsParStructure`` inscriptions, a tenth as many
    /// accompaniments, numbered by ``RegleExtrait/numeroter(_:)``.
    func extrait(structure s: Int, annee: Int, emetteur: String) -> ExtraitReseau {
        var h = Hasard(graine: graine &+ UInt64(s + 1) &* 1_000_003 &+ UInt64(annee) &* 7_919)
        let k = inscriptionsParStructure
        var inscriptions: [EnregistrementInscription] = []
        inscriptions.reserveCapacity(k)
        for _ in 0..<k { inscriptions.append(inscription(&h, annee: annee)) }
        let accompagnements = (0..<max(1, k / 10)).map { _ in accompagnement(&h, annee: annee) }
        let hors = k * h.entier(2...8) / 100
        var e = ExtraitReseau(structure: Self.nom(s), emetteur: emetteur, periode: PeriodeReseau(annee: annee),
                              faitLe: Jour(annee: annee + 1, mois: 1, jour: 15)!, referentiels: referentiels, bornesAge: TranchesAge.parDefaut.bornes,
                              horsStatistiques: hors, inscriptions: inscriptions, accompagnements: accompagnements)
        RegleExtrait.numeroter(&e)
        return e
    }

    func inscription(_ h: inout Hasard, annee: Int) -> EnregistrementInscription {
        let parcours = h.pondere(Self.parcours)
        let sexe = h.pondere([(Sexe.feminin, 72), (.masculin, 20), (.autre, 2), (.nonCommunique, 6)])
        let tranche = h.pondere(Array(zip(Self.tranches, Self.poidsTranches)))
        let qpv = h.pondere([(ResidenceQPV.oui, 35), (.non, 50), (.nonCommunique, 15)])
        let statut = h.pondere([(StatutSocial.sansEmploi, 45), (.retraite, 22), (.enEmploi, 18), (.scolarise, 4), (.nonCommunique, 11)])
        let debut = h.entier(1...12)
        var etat = h.pondere([(StatutInscription.termine, 52), (.abandon, 15), (.enCours, 23), (.inscrit, 10)])
        // A long parcours begun in the autumn is not over by December.
        if etat == .termine && debut >= 10 && parcours == "femmes-et-numerique" { etat = .enCours }
        let venu = etat == .inscrit ? false : etat == .abandon ? h.chance(0.8) : true
        let total = Self.minutesParcours[parcours] ?? 1_200
        let prevues: Int
        switch etat {
        case .termine: prevues = total
        case .abandon, .enCours: prevues = total * h.entier(2...9) / 10
        case .inscrit: prevues = h.chance(0.5) ? 0 : total * h.entier(1...3) / 10
        }
        let suivies = venu ? prevues * h.entier(50...100) / 100 : 0
        let fin: String? = etat == .termine || etat == .abandon ? Self.mois(annee, min(12, debut + h.entier(0...5))) : nil
        let motif: String? = etat == .abandon ? (venu ? h.pondere(Self.motifs) : "jamais venue") : nil
        var sorties: [String] = []
        if etat == .termine && h.chance(0.3) {
            sorties.append(h.pondere([(TypeSortie.formation, 45), (.emploi, 30), (.certification, 10), (.autre, 15)]).rawValue)
        }
        if etat == .abandon && h.chance(0.1) { sorties.append(TypeSortie.emploi.rawValue) }
        let competences = etat == .termine && h.chance(0.08) ? h.pondere([(1, 10), (2, 20), (3, 30), (4, 25), (5, 15)]) : 0
        var suivis: [String] = []
        if (etat == .termine || etat == .abandon) && h.chance(0.12) {
            for delai in h.chance(0.3) ? [3, 6] : [3] {
                let situation = h.pondere([(SituationApresAction.emploi, 30), (.formation, 20), (.autre, 15), (.sansSolution, 20), (.sansNouvelles, 15)])
                var s = "\(delai):\(situation.rawValue)"
                if situation == .emploi && h.chance(0.4) { s += ":temps_partiel" }
                if situation.positive && h.chance(0.6) { s += ":en_lien" }
                suivis.append(s)
            }
        }
        let satisfaction: [[Int]] = venu && h.chance(0.25)
            ? [(0..<4).map { _ in h.chance(0.05) ? 0 : h.pondere([(4, 50), (3, 35), (2, 10), (1, 5)]) }] : []
        let possibles = Self.thematiques[parcours] ?? []
        var thematiques: [String] = []
        for _ in 0..<h.entier(1...4) {
            let t = h.element(possibles)
            if !thematiques.contains(t) { thematiques.append(t) }
        }
        return EnregistrementInscription(parcours: parcours, moisDebut: Self.mois(annee, debut), moisFin: fin, sexe: sexe, trancheAge: tranche, qpv: qpv,
                                         statut: statut, etat: etat, venu: venu, minutesPrevues: prevues, minutesSuivies: suivies, motifAbandon: motif,
                                         sorties: sorties, competencesCertifiees: competences, suivis: suivis, satisfaction: satisfaction,
                                         thematiques: thematiques)
    }

    func accompagnement(_ h: inout Hasard, annee: Int) -> EnregistrementAccompagnement {
        let type = h.pondere([(TypeAccompagnement.permanence, 80), (.rendezVous, 14), (.atelier, 6)])
        let lieu: LieuAccompagnement = type == .rendezVous && h.chance(0.5) ? .partenaire : h.chance(0.95) ? .structure : .distance
        let mois = Self.mois(annee, h.entier(1...12))
        let minutes = h.element([30, 45, 60, 90, 120])
        var thematiques: [String] = []
        for _ in 0..<h.entier(1...2) {
            let t = h.element(ThematiqueCoop.allCases).rawValue
            if !thematiques.contains(t) { thematiques.append(t) }
        }
        let sexe = h.pondere([(Sexe.feminin, 60), (.masculin, 35), (.nonCommunique, 5)])
        let tranche = h.pondere(Array(zip(Self.tranches, Self.poidsTranches)))
        return EnregistrementAccompagnement(mois: mois, type: type, lieu: lieu, minutes: minutes, thematiques: thematiques, sexe: sexe, trancheAge: tranche)
    }
}

// MARK: the same rows for psql

/// A CSV file for `\copy … WITH (FORMAT csv)`: every text quoted (so that an empty text is not
/// NULL), NULL as an empty unquoted field.
final class FichierCSV {
    enum Valeur {
        case texte(String)
        case entier(Int)
        case nul
    }

    let chemin: String
    private let sortie: FileHandle
    private var tampon: [UInt8] = []
    private(set) var lignes = 0

    init(chemin: String) throws {
        guard FileManager.default.createFile(atPath: chemin, contents: nil), let sortie = FileHandle(forWritingAtPath: chemin) else {
            throw ErreurBancReseau("impossible de créer \(chemin)")
        }
        self.chemin = chemin
        self.sortie = sortie
        tampon.reserveCapacity(1 << 22)
    }

    func ligne(_ valeurs: [Valeur]) {
        for (i, v) in valeurs.enumerated() {
            if i > 0 { tampon.append(UInt8(ascii: ",")) }
            switch v {
            case .texte(let s):
                tampon.append(UInt8(ascii: "\""))
                for b in s.utf8 {
                    if b == UInt8(ascii: "\"") { tampon.append(b) }
                    tampon.append(b)
                }
                tampon.append(UInt8(ascii: "\""))
            case .entier(let n): tampon.append(contentsOf: String(n).utf8)
            case .nul: break
            }
        }
        tampon.append(UInt8(ascii: "\n"))
        lignes += 1
        if tampon.count >= 1 << 22 { vider() }
    }

    func vider() {
        sortie.write(Data(tampon))
        tampon.removeAll(keepingCapacity: true)
    }

    func fermer() {
        vider()
        try? sortie.close()
    }

    /// The store's columns, in its insertion order.
    static let colonnesInscription = SchemaReseau.colonnesInscription
    static let colonnesAccompagnement = SchemaReseau.colonnesAccompagnement

    static func valeurs(_ e: EnregistrementInscription, id: Int, membre: String, periode: Int) -> [Valeur] {
        [.entier(id), .texte(membre), .entier(periode), .texte(e.numero), .texte(e.parcours), .texte(e.moisDebut), e.moisFin.map(Valeur.texte) ?? .nul,
         .texte(e.sexe.rawValue), .texte(e.trancheAge), .texte(e.qpv.rawValue), .texte(e.statut.rawValue), .texte(e.etat.rawValue),
         .entier(e.venu ? 1 : 0), .entier(e.minutesPrevues), .entier(e.minutesSuivies), e.motifAbandon.map(Valeur.texte) ?? .nul,
         .texte(AgregatReseau.texte(liste: e.sorties)), .entier(e.competencesCertifiees), .texte(AgregatReseau.texte(liste: e.suivis)),
         .texte(AgregatReseau.texte(satisfaction: e.satisfaction)), .texte(AgregatReseau.texte(liste: e.thematiques))]
    }

    static func valeurs(_ a: EnregistrementAccompagnement, id: Int, membre: String, periode: Int) -> [Valeur] {
        [.entier(id), .texte(membre), .entier(periode), .texte(a.numero), .texte(a.mois), .texte(a.type.rawValue), .texte(a.lieu.rawValue),
         .entier(a.minutes), .texte(AgregatReseau.texte(liste: a.thematiques)), .texte(a.sexe.rawValue), .texte(a.trancheAge)]
    }
}

// MARK: processes

struct ErreurBancReseau: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

enum Commande {
    /// Runs `executable` (posix_spawn, then waitpid); its standard output, or an error with its
    /// standard error. Both go through files, not pipes: a server started by the command inherits its
    /// descriptors and would keep a pipe open after the command ends.
    @discardableResult
    static func lancer(_ executable: String, _ arguments: [String], nom: String) throws -> String {
        let prefixe = NSTemporaryDirectory() + "livret-bench-commande-\(UUID().uuidString)"
        let (cheminSortie, cheminErreurs) = (prefixe + ".out", prefixe + ".err")
        defer { for f in [cheminSortie, cheminErreurs] { try? FileManager.default.removeItem(atPath: f) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, cheminSortie, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, cheminErreurs, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard rc == 0 else { throw ErreurBancReseau("\(nom) : impossible de lancer \(executable) (erreur \(rc))") }
        var statut: Int32 = 0
        while waitpid(pid, &statut, 0) == -1 && errno == EINTR {}
        let code = (statut & 0x7f) == 0 ? (statut >> 8) & 0xff : 128 + (statut & 0x7f)
        guard code == 0 else {
            let texte = (try? String(contentsOfFile: cheminErreurs, encoding: .utf8)) ?? ""
            throw ErreurBancReseau("\(nom) : sortie \(code) : \(texte.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return (try? String(contentsOfFile: cheminSortie, encoding: .utf8)) ?? ""
    }

    /// An executable of the PATH, else of the highest /usr/lib/postgresql/*/bin (Debian's layout).
    static func postgres(_ nom: String) throws -> String {
        for dossier in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let chemin = "\(dossier)/\(nom)"
            if FileManager.default.isExecutableFile(atPath: chemin) { return chemin }
        }
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted()
        if let v = versions.last, FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(v)/bin/\(nom)") {
            return "/usr/lib/postgresql/\(v)/bin/\(nom)"
        }
        throw ErreurBancReseau("\(nom) introuvable (paquet Debian postgresql-client) : il sert à comparer avec \\copy.")
    }
}

/// psql on one database.
struct Psql {
    let executable: String
    let url: String

    /// Runs each command (`-c`), unaligned rows without headers.
    @discardableResult
    func executer(_ commandes: String...) throws -> String {
        try executer(commandes)
    }

    /// Runs the commands in one psql session (a `SET` holds for the next ones).
    func executer(_ commandes: [String]) throws -> String {
        try Commande.lancer(executable, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", url] + commandes.flatMap { ["-c", $0] }, nom: "psql")
    }

    /// `\copy table (colonnes) FROM fichier WITH (FORMAT csv)`; seconds as psql's `\timing` gives them
    /// (the copy alone: neither psql's start nor its connection), and by the wall clock around psql.
    func copier(table: String, colonnes: [String], fichier: String) throws -> (copie: Double, horloge: Double) {
        let debut = Chrono.horloge.now
        let sortie = try executer("\\timing on", "\\copy \(table) (\(colonnes.joined(separator: ", "))) FROM '\(fichier)' WITH (FORMAT csv)")
        let horloge = Chrono.secondes(Chrono.horloge.now - debut)
        guard let r = sortie.range(of: "Time: "), let ms = Double(sortie[r.upperBound...].prefix { $0.isNumber || $0 == "." }) else {
            throw ErreurBancReseau("psql n'a pas donné le temps de \\copy : \(sortie)")
        }
        return (ms / 1000, horloge)
    }

    /// The same server, database `base`.
    func base(_ base: String) throws -> Psql {
        guard var c = URLComponents(string: url) else { throw ErreurBancReseau("adresse PostgreSQL illisible") }
        c.path = "/" + base
        guard let nouvelle = c.string else { throw ErreurBancReseau("adresse PostgreSQL illisible") }
        return Psql(executable: executable, url: nouvelle)
    }
}

func chronoAsync<T>(_ corps: () async throws -> T) async rethrows -> (T, Double) {
    let debut = Chrono.horloge.now
    let r = try await corps()
    return (r, Chrono.secondes(Chrono.horloge.now - debut))
}

// MARK: the measure

enum BancReseau {
    /// The last year of extracts (the report's period).
    static let derniereAnnee = 2025

    static func executer(_ o: Options) async throws {
        let catalogue = try ReferentielsEmbarques.catalogue()
        let pid = ProcessInfo.processInfo.processIdentifier
        let annees = Array((derniereAnnee - o.annees + 1)...derniereAnnee)
        let synthese = ReseauSynthetique(graine: o.graine, inscriptionsParStructure: o.inscriptionsParStructure,
                                         referentiels: ["aptic": catalogue.aptic.entete.version, "pix": catalogue.pix.entete.version])
        let total = o.structures * o.inscriptionsParStructure * o.annees
        print("livret-bench — réseau de structures (issue 22)")
        print("  \(Nombre.entier(o.structures)) structures × \(Nombre.entier(o.inscriptionsParStructure)) inscriptions × \(o.annees) année(s) "
              + "(\(annees.first!)–\(derniereAnnee)) = \(Nombre.entier(total)) inscriptions, "
              + "\(Nombre.entier(o.structures * max(1, o.inscriptionsParStructure / 10) * o.annees)) accompagnements ; graine \(o.graine)")

        // The server: given, or a throwaway one.
        let psqlExe = try Commande.postgres("psql")
        var dossierJetable: String?
        let serveur: String
        if let url = o.postgres ?? ProcessInfo.processInfo.environment[ServiceReseau.variablePostgres], !url.isEmpty {
            serveur = url
        } else {
            let dossier = "/tmp/livret-bench-pg-\(pid)"
            print("  serveur jetable : scripts/postgres-jetable demarrer \(dossier)")
            serveur = try Commande.lancer(scriptJetable(), ["demarrer", dossier], nom: "postgres-jetable").trimmingCharacters(in: .whitespacesAndNewlines)
            dossierJetable = dossier
        }
        let administration = Psql(executable: psqlExe, url: serveur)
        let nomBase = "livret_bench_\(pid)"
        let csvInscriptions = NSTemporaryDirectory() + "livret-bench-inscriptions-\(pid).csv"
        let csvAccompagnements = NSTemporaryDirectory() + "livret-bench-accompagnements-\(pid).csv"
        var baseCreee = false
        defer {
            if baseCreee { _ = try? administration.executer("DROP DATABASE IF EXISTS \(nomBase) WITH (FORCE)") }
            if let dossierJetable { _ = try? Commande.lancer(scriptJetable(), ["arreter", dossierJetable], nom: "postgres-jetable") }
            for f in [csvInscriptions, csvAccompagnements] { try? FileManager.default.removeItem(atPath: f) }
        }
        try administration.executer("CREATE DATABASE \(nomBase)")
        baseCreee = true
        let psql = try administration.base(nomBase)
        let faits = try psql.executer("SELECT version()", "SHOW fsync", "SHOW synchronous_commit", "SHOW full_page_writes", "SHOW shared_buffers",
                                      "SHOW max_wal_size").split(separator: "\n").map(String.init)
        print("  \(faits.first ?? "") ; fsync \(faits.dropFirst().first ?? "?"), synchronous_commit \(faits.dropFirst(2).first ?? "?"), "
              + "full_page_writes \(faits.dropFirst(3).first ?? "?"), shared_buffers \(faits.dropFirst(4).first ?? "?"), max_wal_size \(faits.dropFirst(5).first ?? "?")")
        print("  base neuve \(nomBase) (supprimée à la fin)")

        let entrepot = try EntrepotReseauPostgres(url: psql.url)
        try await entrepot.migrer()

        // Members, each with a key of its own (the sample's extracts are signed and verified).
        let cles = (0..<o.structures).map { _ in CleEmetteur.generer() }
        let (_, secondesMembres) = try await chronoAsync {
            for s in 0..<o.structures {
                try await entrepot.ajouterMembre(MembreReseau(nom: ReseauSynthetique.nom(s), cle: cles[s].emetteur, departement: synthese.departement(s)))
            }
        }
        let departements = Set((0..<o.structures).map(synthese.departement)).count
        print("\nMembres : \(Nombre.entier(o.structures)) enregistrés (ajouterMembre) en \(Nombre.decimal(secondesMembres, 2)) s, "
              + "\(departements) départements")

        // The sample imported by the whole path (zip, signature, checks): the last year of the first structures.
        // Large enough for importer's lots to follow one another as in a year-end import (a dozen lots).
        let echantillon = min(500, max(1, o.structures / 4))
        let extraitsEnregistres = o.structures * o.annees - echantillon
        let jour = Jour(annee: derniereAnnee + 1, mois: 2, jour: 1)!
        let inscriptions = try FichierCSV(chemin: csvInscriptions)
        let accompagnements = try FichierCSV(chemin: csvAccompagnements)
        var attendus: [String] = []   // « id|membre|periode », in the order the store numbers extracts
        var archives: [(nom: String, octets: Data)] = []
        var jsonEchantillon: [Data] = []
        var lignesEchantillon = (inscriptions: 0, accompagnements: 0)
        var attendusEchantillon: [String] = []
        print("\nÉchantillon de \(echantillon) structures pour \(derniereAnnee) : extraits faits et signés (archives zip), hors mesure…")
        for s in 0..<echantillon {
            let e = synthese.extrait(structure: s, annee: derniereAnnee, emetteur: cles[s].emetteur)
            let id = extraitsEnregistres + 1 + s
            for i in e.inscriptions { inscriptions.ligne(FichierCSV.valeurs(i, id: id, membre: e.structure, periode: derniereAnnee)) }
            for a in e.accompagnements { accompagnements.ligne(FichierCSV.valeurs(a, id: id, membre: e.structure, periode: derniereAnnee)) }
            lignesEchantillon.inscriptions += e.inscriptions.count
            lignesEchantillon.accompagnements += e.accompagnements.count
            attendusEchantillon.append("\(id)|\(e.structure)|\(derniereAnnee)")
            archives.append(("\(e.structure) \(derniereAnnee).zip", try ServiceExtrait.archive(e, cle: cles[s])))
            jsonEchantillon.append(try RegleExtrait.json(e))
        }

        // Every other extract through the store's `enregistrer`, by lots as `importer` writes them: only
        // those calls are timed.
        print("Import par EntrepotReseauPostgres.enregistrer, par lots d'environ \(Nombre.entier(ServiceReseau.enregistrementsParLot)) "
              + "enregistrements comme ServiceReseau.importer (\(Nombre.entier(extraitsEnregistres)) extraits ; génération et CSV hors mesure) :")
        var secondesEnregistrer = 0.0, secondesGeneration = 0.0
        var lignesEnregistrees = (inscriptions: 0, accompagnements: 0)
        var fait = 0
        var lot: [ExtraitAEnregistrer] = []
        var lignesDuLot = 0
        var palier = max(1, extraitsEnregistres / 10)
        let debutImport = Chrono.horloge.now
        for annee in annees {
            for s in 0..<o.structures where !(annee == derniereAnnee && s < echantillon) {
                let debut = Chrono.horloge.now
                let e = synthese.extrait(structure: s, annee: annee, emetteur: cles[s].emetteur)
                fait += 1
                for i in e.inscriptions { inscriptions.ligne(FichierCSV.valeurs(i, id: fait, membre: e.structure, periode: annee)) }
                for a in e.accompagnements { accompagnements.ligne(FichierCSV.valeurs(a, id: fait, membre: e.structure, periode: annee)) }
                attendus.append("\(fait)|\(e.structure)|\(annee)")
                lot.append(ExtraitAEnregistrer(e, membre: e.structure, empreinte: ServiceExtrait.empreinte(Data("\(e.structure) \(annee)".utf8))))
                lignesDuLot += e.inscriptions.count + e.accompagnements.count
                lignesEnregistrees.inscriptions += e.inscriptions.count
                lignesEnregistrees.accompagnements += e.accompagnements.count
                let milieu = Chrono.horloge.now
                secondesGeneration += Chrono.secondes(milieu - debut)
                guard lignesDuLot >= ServiceReseau.enregistrementsParLot || fait == extraitsEnregistres else { continue }
                try await entrepot.enregistrer(lot, recuLe: jour)
                secondesEnregistrer += Chrono.secondes(Chrono.horloge.now - milieu)
                (lot, lignesDuLot) = ([], 0)
                if fait >= palier || fait == extraitsEnregistres {
                    palier += max(1, extraitsEnregistres / 10)
                    print("  \(Nombre.entier(fait)) / \(Nombre.entier(extraitsEnregistres)) extraits, \(Nombre.entier(lignesEnregistrees.inscriptions)) inscriptions, "
                          + "\(Nombre.entier(Int(Double(lignesEnregistrees.inscriptions + lignesEnregistrees.accompagnements) / max(secondesEnregistrer, 1e-9)))) "
                          + "lignes/s ; \(Nombre.decimal(Chrono.secondes(Chrono.horloge.now - debutImport), 0)) s écoulées")
                }
            }
        }
        inscriptions.fermer()
        accompagnements.fermer()
        attendus += attendusEchantillon

        // The sample through ServiceReseau.importer: zip read, signature verified, checks, then enregistrer.
        let (issues, secondesImporter) = try await chronoAsync { try await ServiceReseau.importer(archives, entrepot: entrepot, jour: jour) }
        let importes = issues.filter { if case .importe = $0 { true } else { false } }.count
        guard importes == archives.count else { throw ErreurBancReseau("importer : \(importes) / \(archives.count) importés : \(issues.prefix(3))") }
        let secondesLecture = try Chrono.mesurer {
            for (i, d) in jsonEchantillon.enumerated() { _ = try RegleExtrait.lire(d, fichier: archives[i].nom) }
        }
        let octetsEchantillon = archives.reduce(0) { $0 + $1.octets.count }

        let lignesTotal = lignesEnregistrees.inscriptions + lignesEnregistrees.accompagnements
        let debitEnregistrer = Double(lignesTotal) / secondesEnregistrer
        let debitEnregistrerInscriptions = Double(lignesEnregistrees.inscriptions) / secondesEnregistrer
        let lignesEch = lignesEchantillon.inscriptions + lignesEchantillon.accompagnements
        let debitImporter = Double(lignesEch) / secondesImporter
        print("  enregistrer : \(Nombre.entier(lignesTotal)) lignes (\(Nombre.entier(lignesEnregistrees.inscriptions)) inscriptions, "
              + "\(Nombre.entier(lignesEnregistrees.accompagnements)) accompagnements) en \(Nombre.decimal(secondesEnregistrer, 1)) s ; "
              + "génération des extraits et CSV : \(Nombre.decimal(secondesGeneration, 1)) s (hors mesure)")
        print("  importer (\(echantillon) archives, \(Nombre.decimal(Double(octetsEchantillon) / 1_048_576, 1)) Mio) : \(Nombre.entier(lignesEch)) lignes en "
              + "\(Nombre.decimal(secondesImporter, 2)) s, dont lecture du JSON (RegleExtrait.lire seul) \(Nombre.decimal(secondesLecture, 2)) s")

        // Extract ids as the CSV has them? Then the \copy with the foreign key can be compared too.
        let ids = try psql.executer("SELECT id || '|' || membre || '|' || periode FROM extrait ORDER BY id").split(separator: "\n").map(String.init)
        let idsConformes = ids == attendus
        let secondesAnalyse = try Chrono.mesurer { try psql.executer("VACUUM ANALYZE") }
        let tailles = try psql.executer("SELECT pg_size_pretty(pg_total_relation_size('inscription_reseau')) || ' ; ' || "
                                        + "pg_size_pretty(pg_total_relation_size('accompagnement_reseau'))")
        print("  VACUUM ANALYZE \(Nombre.decimal(secondesAnalyse, 1)) s ; taille inscription_reseau ; accompagnement_reseau (index compris) : "
              + tailles.trimmingCharacters(in: .whitespacesAndNewlines))

        // The engine's own bulk path: the same rows by psql \copy, into copies of the tables.
        print("\npsql \\copy des mêmes lignes (CSV de \(Nombre.decimal(Double(taille(csvInscriptions) + taille(csvAccompagnements)) / 1_048_576, 0)) Mio), "
              + "dans des copies des tables (LIKE … INCLUDING ALL : mêmes index, sans clé étrangère) :")
        try psql.executer("CREATE TABLE inscription_copie (LIKE inscription_reseau INCLUDING ALL)",
                          "CREATE TABLE accompagnement_copie (LIKE accompagnement_reseau INCLUDING ALL)", "CHECKPOINT")
        let copieI = try psql.copier(table: "inscription_copie", colonnes: FichierCSV.colonnesInscription, fichier: csvInscriptions)
        let copieA = try psql.copier(table: "accompagnement_copie", colonnes: FichierCSV.colonnesAccompagnement, fichier: csvAccompagnements)
        let lignesCopie = inscriptions.lignes + accompagnements.lignes
        let debitCopie = Double(lignesCopie) / (copieI.copie + copieA.copie)
        let debitCopieInscriptions = Double(inscriptions.lignes) / copieI.copie
        print("  \\copy sans clé étrangère : \(Nombre.entier(lignesCopie)) lignes en \(Nombre.decimal(copieI.copie + copieA.copie, 1)) s "
              + "(horloge autour de psql : \(Nombre.decimal(copieI.horloge + copieA.horloge, 1)) s)")
        try psql.executer("DROP TABLE inscription_copie", "DROP TABLE accompagnement_copie")
        var debitCopieCle: Double?
        if idsConformes {
            try psql.executer("""
                CREATE TABLE inscription_copie (LIKE inscription_reseau INCLUDING ALL, FOREIGN KEY (extrait_id) REFERENCES extrait(id) ON DELETE CASCADE)
                """, """
                CREATE TABLE accompagnement_copie (LIKE accompagnement_reseau INCLUDING ALL,
                                                   FOREIGN KEY (extrait_id) REFERENCES extrait(id) ON DELETE CASCADE)
                """, "CHECKPOINT")
            let i = try psql.copier(table: "inscription_copie", colonnes: FichierCSV.colonnesInscription, fichier: csvInscriptions)
            let a = try psql.copier(table: "accompagnement_copie", colonnes: FichierCSV.colonnesAccompagnement, fichier: csvAccompagnements)
            debitCopieCle = Double(lignesCopie) / (i.copie + a.copie)
            print("  \\copy avec la clé étrangère vers extrait, comme la vraie table : \(Nombre.decimal(i.copie + a.copie, 1)) s")
            try psql.executer("DROP TABLE inscription_copie", "DROP TABLE accompagnement_copie")
        } else {
            print("  (identifiants d'extraits différents de ceux du CSV : pas de \\copy avec clé étrangère)")
        }
        let l = [52, 14, 12]
        print(ligne(["Chargement", "lignes/s", "/ \\copy"], l))
        print(ligne(["psql \\copy (sans clé étrangère)", Nombre.entier(Int(debitCopie)), "× 1"], l))
        if let debitCopieCle {
            print(ligne(["psql \\copy (avec clé étrangère)", Nombre.entier(Int(debitCopieCle)), "× " + Nombre.decimal(debitCopieCle / debitCopie, 2)], l))
        }
        print(ligne(["EntrepotReseauPostgres.enregistrer", Nombre.entier(Int(debitEnregistrer)), "× " + Nombre.decimal(debitEnregistrer / debitCopie, 2)], l))
        print(ligne(["ServiceReseau.importer (échantillon, vérification)", Nombre.entier(Int(debitImporter)),
                     "× " + Nombre.decimal(debitImporter / debitCopie, 2)], l))
        print(ligne(["inscriptions seules : \\copy", Nombre.entier(Int(debitCopieInscriptions)), ""], l))
        print(ligne(["inscriptions seules : enregistrer", Nombre.entier(Int(debitEnregistrerInscriptions)),
                     "× " + Nombre.decimal(debitEnregistrerInscriptions / debitCopieInscriptions, 2)], l))

        // The consolidated report of the last year.
        let periode = PeriodeReseau(annee: derniereAnnee)
        let rapport = try await mesurerRapport(entrepot: entrepot, catalogue: catalogue, periode: periode, repetitions: o.repetitions, psql: psql,
                                               titre: "PostgreSQL, \(Nombre.entier(o.structures * o.inscriptionsParStructure)) inscriptions en \(derniereAnnee)")
        try await entrepot.fermer()

        // The same on SQLite, at a smaller scale.
        let sqlite = try await mesurerSQLite(o, synthese: synthese, cles: cles, catalogue: catalogue, jour: jour)

        // One structure's extract, made and signed.
        let extrait = try mesurerExtrait(o, catalogue: catalogue)

        print("\nObjectifs (issue 22) :")
        let lo = [58, 16, 12, 8]
        print(ligne(["Mesure", "mesuré", "objectif", ""], lo))
        let ratio = debitEnregistrer / debitCopie
        print(ligne(["import (enregistrer) / \\copy, mêmes lignes", "× " + Nombre.decimal(ratio, 2), "≥ × 0,5", ratio >= 0.5 ? "atteint" : "MANQUÉ"], lo))
        print(ligne(["rapport consolidé, 4 croisements et audits (ms, médiane)", Nombre.decimal(rapport.mediane, 0), "≤ 2 000",
                     rapport.mediane <= 2_000 ? "atteint" : "MANQUÉ"], lo))
        print(ligne(["extrait d'une structure fait et signé (ms, médiane)", Nombre.decimal(extrait, 0), "≤ 1 000", extrait <= 1_000 ? "atteint" : "MANQUÉ"], lo))
        print(ligne(["(SQLite : import, lignes/s ; rapport, ms)", Nombre.entier(Int(sqlite.debit)) + " ; " + Nombre.decimal(sqlite.rapport, 0), "", ""], lo))
    }

    /// scripts/postgres-jetable: from the current folder, else from this source file's checkout.
    static func scriptJetable() -> String {
        let ici = FileManager.default.currentDirectoryPath + "/scripts/postgres-jetable"
        if FileManager.default.isExecutableFile(atPath: ici) { return ici }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/postgres-jetable").path
    }

    static func taille(_ chemin: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: chemin))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Publication of the period (ServiceReseau.publication, not by structure, seuil 5), then every
    /// breakdown of the whole network's report with its audit, end to end; then each part alone.
    /// Returns the end-to-end median in ms.
    static func mesurerRapport(entrepot: any EntrepotReseau, catalogue: Catalogue, periode: PeriodeReseau, repetitions: Int, psql: Psql? = nil,
                               titre: String) async throws -> (mediane: Double, p95: Double) {
        print("\nRapport consolidé \(periode) (\(titre)) : publication protégée (par département et parcours), puis le rapport de tout le réseau "
              + "dans ses \(Croisement.allCases.count) croisements, chacun avec son audit :")
        func complet() async throws -> ConsolidationReseau.Resultat {
            let r = try await ServiceReseau.publication(entrepot: entrepot, catalogue: catalogue, periode: periode, parStructure: false, seuil: 5)
            for c in Croisement.allCases {
                _ = try ServiceReseau.rapport(r, perimetre: ConsolidationReseau.libelleReseau, croisement: c, audit: true)
            }
            return r
        }
        let (resultat, premier) = try await chronoAsync { try await complet() }
        // A few runs after the first (it warms the server's cache); when one takes over a minute,
        // the first is the measure, and the parts are timed once.
        let fois = premier > 60 ? 1 : premier > 10 ? max(1, min(3, repetitions)) : max(1, min(5, repetitions))
        var bouts: [Double] = premier > 60 ? [premier * 1000] : []
        if premier <= 60 {
            for _ in 0..<fois { bouts.append(try await chronoAsync { try await complet() }.1 * 1000) }
        }
        let bout = BancEspace.statistiques(bouts)

        var agregats: [AgregatReseau] = [], hors: [String: Int] = [:]
        var tAgregats: [Double] = [], tMembres: [Double] = [], tCore: [Double] = [], tRapports: [Double] = [], tSansMasque: [Double] = []
        var parCroisement: [Croisement: [Double]] = [:]
        var membres: [MembreReseau] = []
        for _ in 0..<fois {
            let ((a, h), s) = try await chronoAsync { try await entrepot.agregats(periode: periode, parStructure: false) }
            (agregats, hors) = (a, h)
            tAgregats.append(s * 1000)
            let (m, sm) = try await chronoAsync { try await entrepot.membres() }
            membres = m
            tMembres.append(sm * 1000)
            var r: ConsolidationReseau.Resultat?
            tCore.append(Chrono.mesurer {
                r = ConsolidationReseau.publication(agregats, membres: membres, horsStatistiques: hors, periode: periode, catalogue: catalogue,
                                                    parStructure: false, seuil: 5)
            } * 1000)
            // The same consolidation without disclosure control: the difference is the masking.
            tSansMasque.append(Chrono.mesurer {
                _ = ConsolidationReseau.publication(agregats, membres: membres, horsStatistiques: hors, periode: periode, catalogue: catalogue,
                                                    parStructure: false, seuil: nil)
            } * 1000)
            var somme = 0.0
            for c in Croisement.allCases {
                let t = try Chrono.mesurer { _ = try ServiceReseau.rapport(r!, perimetre: ConsolidationReseau.libelleReseau, croisement: c, audit: true) } * 1000
                parCroisement[c, default: []].append(t)
                somme += t
            }
            tRapports.append(somme)
        }
        let p = resultat.publication
        let masques = p.masques?.filter { $0 }.count ?? 0
        let inscriptions = agregats.filter { $0.fait.rubrique == .ensemble }.reduce(0) { $0 + $1.fait.nombre }
        print("  (\(Nombre.entier(agregats.count)) lignes d'agrégats pour \(Nombre.entier(inscriptions)) inscriptions ; "
              + "\(p.perimetres.count) rapports publiés ensemble (\(resultat.perimetres.count) périmètres), "
              + "\(Nombre.entier(p.tableauxPublies.cases.count)) chiffres, \(Nombre.entier(masques)) masqués, "
              + "\(Nombre.entier(p.tableauxPublies.relations.count)) relations\(p.sure ? "" : ", NON PROTÉGEABLE"))")
        let l = [60, 10, 10]
        print(ligne([premier > 60 ? "Mesure (ms ; une seule mesure, le premier passage)"
                     : "Mesure (ms ; \(fois) mesure(s) après un premier passage de \(Nombre.decimal(premier * 1000, 0)) ms)", "médiane", "p95"], l))
        print(ligne(["de bout en bout (publication + 4 rapports audités)", Nombre.decimal(bout.mediane, 0), Nombre.decimal(bout.p95, 0)], l))
        let sa = BancEspace.statistiques(tAgregats), sm = BancEspace.statistiques(tMembres), sc = BancEspace.statistiques(tCore)
        let sr = BancEspace.statistiques(tRapports)
        print(ligne(["  agrégats SQL (EntrepotReseau.agregats)", Nombre.decimal(sa.mediane, 0), Nombre.decimal(sa.p95, 0)], l))
        if let psql {
            // The same query by the engine alone, with the store's settings: its execution on the
            // server (EXPLAIN ANALYZE), and read by libpq into psql (output discarded).
            let requete = requeteAgregats(annee: periode.annee)
            let reglages = EntrepotReseauPostgres.reglagesRapport.map { "SET \($0.0) = \($0.1)" }
            do {
                let plan = try psql.executer(reglages + ["EXPLAIN (ANALYZE, TIMING OFF) " + requete])
                let execution = plan.range(of: "Execution Time: ").flatMap { Double(plan[$0.upperBound...].prefix { $0.isNumber || $0 == "." }) } ?? 0
                let lignesPlan = plan.split(separator: "\n").first.flatMap { l in
                    l.range(of: "(actual rows=").flatMap { Int(l[$0.upperBound...].prefix { $0.isNumber }) }
                } ?? -1
                let sortie = try psql.executer(reglages + ["\\timing on", "\\o /dev/null", requete])
                let libpq = sortie.range(of: "Time: ").flatMap { Double(sortie[$0.upperBound...].prefix { $0.isNumber || $0 == "." }) } ?? 0
                print(ligne(["    dont exécution sur le serveur (EXPLAIN ANALYZE)", Nombre.decimal(execution, 0), ""], l))
                print(ligne(["    (la même requête lue par psql/libpq : \(Nombre.entier(lignesPlan)) lignes)", Nombre.decimal(libpq, 0), ""], l))
                if lignesPlan != agregats.count { print("    attention : la copie de la requête ne donne pas le même nombre de lignes que le magasin") }
            } catch {
                print("    (la même requête par psql : \(error))")
            }
        }
        print(ligne(["  membres", Nombre.decimal(sm.mediane, 1), Nombre.decimal(sm.p95, 1)], l))
        print(ligne(["  protection Core (ConsolidationReseau.publication)", Nombre.decimal(sc.mediane, 0), Nombre.decimal(sc.p95, 0)], l))
        let ss = BancEspace.statistiques(tSansMasque)
        print(ligne(["    (la même sans secret : seuil nil, rien masqué)", Nombre.decimal(ss.mediane, 0), Nombre.decimal(ss.p95, 0)], l))
        print(ligne(["  4 rapports et leurs audits", Nombre.decimal(sr.mediane, 0), Nombre.decimal(sr.p95, 0)], l))
        for c in Croisement.allCases {
            let s = BancEspace.statistiques(parCroisement[c] ?? [])
            let audit = try ServiceReseau.rapport(resultat, perimetre: ConsolidationReseau.libelleReseau, croisement: c, audit: true).audit
            print(ligne(["    \(c.libelle) (\(audit?.masquees.count ?? 0) masqués)", Nombre.decimal(s.mediane, 1), Nombre.decimal(s.p95, 1)], l))
        }
        return bout
    }

    /// The store's own report query for one year, to run it through psql.
    static func requeteAgregats(annee p: Int) -> String { SchemaReseau.agregats(parametre: String(p), parStructure: false) }

    /// `min(200, structures)` structures' extracts of the last year into a SQLite network file, then the same report.
    static func mesurerSQLite(_ o: Options, synthese: ReseauSynthetique, cles: [CleEmetteur], catalogue: Catalogue,
                              jour: Jour) async throws -> (debit: Double, rapport: Double) {
        let n = min(200, o.structures)
        let chemin = NSTemporaryDirectory() + "livret-bench-reseau-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { for suffixe in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: chemin + suffixe) } }
        print("\nSQLite (EntrepotReseauSQLite, fichier temporaire) : \(n) structures × \(Nombre.entier(o.inscriptionsParStructure)) inscriptions en \(derniereAnnee)")
        let entrepot = try EntrepotReseauSQLite(chemin: chemin)
        try await entrepot.migrer()
        for s in 0..<n {
            try await entrepot.ajouterMembre(MembreReseau(nom: ReseauSynthetique.nom(s), cle: cles[s].emetteur, departement: synthese.departement(s)))
        }
        var secondes = 0.0, lignes = 0
        for s in 0..<n {
            let e = synthese.extrait(structure: s, annee: derniereAnnee, emetteur: cles[s].emetteur)
            secondes += try await chronoAsync {
                try await entrepot.enregistrer(e, membre: e.structure, empreinte: ServiceExtrait.empreinte(Data("\(e.structure)".utf8)), recuLe: jour)
            }.1
            lignes += e.inscriptions.count + e.accompagnements.count
        }
        let debit = Double(lignes) / secondes
        print("  import (enregistrer) : \(Nombre.entier(lignes)) lignes en \(Nombre.decimal(secondes, 1)) s, \(Nombre.entier(Int(debit))) lignes/s")
        let r = try await mesurerRapport(entrepot: entrepot, catalogue: catalogue, periode: PeriodeReseau(annee: derniereAnnee), repetitions: o.repetitions,
                                         titre: "SQLite, \(Nombre.entier(n * o.inscriptionsParStructure)) inscriptions")
        try await entrepot.fermer()
        return (debit, r.mediane)
    }

    /// A structure's base (the national generator, sized for about 5 000 inscriptions in 2025), then
    /// its extract made (ServiceExtrait.extrait) and signed (ServiceExtrait.archive). Median in ms.
    static func mesurerExtrait(_ o: Options, catalogue: Catalogue) throws -> Double {
        var options = Options()
        options.apprenants = 7_900
        options.cohortes = 500
        options.preuves = 30 * options.apprenants
        options.presences = 13 * options.apprenants
        options.accompagnements = 4_000
        options.graine = o.graine
        let chemin = NSTemporaryDirectory() + "livret-bench-structure-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { for suffixe in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: chemin + suffixe) } }
        let base = try Base(chemin: chemin)
        try base.initialiser(structure: "Structure du banc", formateur: "Formatrice Banc", date: Jour(annee: 2024, mois: 8, jour: 26)!)
        let formateurId = try base.formateur("Formatrice Banc").id!
        let parcours = try ["femmes-et-numerique", "initiation-smartphone"].map { code in
            guard let modele = catalogue.modeleParcours(code) else { throw ErreurBancReseau("modèle « \(code) » absent du catalogue.") }
            return try base.parcours(depuis: modele)
        }
        var generateur = Generateur(options: options, parcoursIds: parcours.map { $0.id! }, formateurId: formateurId, catalogue: catalogue)
        var donnees = Donnees()
        let secondesBase = try Chrono.mesurer {
            _ = try base.chargerParLots { chargeur in
                let ids = try generateur.apprenants(chargeur, &donnees)
                let cohortes = try generateur.cohortes(chargeur, &donnees)
                var secondes = 0.0
                try generateur.inscriptionsEtPresences(chargeur, apprenants: ids, cohortes: cohortes, chronoPresences: &secondes)
                try generateur.preuves(chargeur, apprenants: ids)
                try generateur.pix(chargeur, apprenants: ids)
                try generateur.accompagnements(chargeur, apprenants: ids)
            }
            try base.checkpoint()
        }
        let cle = CleEmetteur.generer()
        let periode = PeriodeReseau(annee: 2025)
        let faitLe = Jour(annee: 2026, mois: 1, jour: 15)!
        var extrait: ExtraitReseau?
        var octets = Data()
        var tExtrait: [Double] = [], tArchive: [Double] = [], tTotal: [Double] = [], tFaits: [Double] = [], tNumeros: [Double] = []
        var tThematiques: [Double] = []
        let fois = max(3, min(10, o.repetitions))
        for i in 0...fois {
            let a = try Chrono.mesurer { extrait = try ServiceExtrait.extrait(db: base, catalogue: catalogue, periode: periode, faitLe: faitLe, emetteur: cle.emetteur) }
            let b = try Chrono.mesurer { octets = try ServiceExtrait.archive(extrait!, cle: cle) }
            // Its parts: the base's query alone, the numbering alone.
            var faits: FaitsExtrait?
            let c = try Chrono.mesurer {
                faits = try base.faitsExtrait(du: periode.du, au: periode.au, niveauCertifie: catalogue.pix.certifiabilite.niveauMin)
            }
            let t = Chrono.mesurer {
                var memoire = ThematiquesParItem(catalogue)
                for i in faits!.inscriptions { _ = memoire.thematiquesCoop(notees: [], itemsAptic: i.itemsAptic) }
                for a in faits!.accompagnements { _ = memoire.thematiquesCoop(notees: a.thematiques, itemsAptic: a.itemsAptic) }
            }
            var copie = extrait!
            let d = Chrono.mesurer { RegleExtrait.numeroter(&copie) }
            if i > 0 {   // the first run warms up
                tFaits.append(c * 1000)
                tNumeros.append(d * 1000)
                tThematiques.append(t * 1000)
                tExtrait.append(a * 1000)
                tArchive.append(b * 1000)
                tTotal.append((a + b) * 1000)
            }
        }
        let e = extrait!
        print("\nExtrait d'une structure (base générée en \(Nombre.decimal(secondesBase, 1)) s : \(Nombre.entier(options.apprenants)) apprenants, "
              + "\(options.cohortes) cohortes sur deux ans, \(Nombre.entier(options.preuves)) preuves, \(Nombre.entier(options.accompagnements)) accompagnements) ; "
              + "année 2025 : \(Nombre.entier(e.inscriptions.count)) inscriptions, \(Nombre.entier(e.accompagnements.count)) accompagnements, "
              + "\(e.horsStatistiques) hors statistiques ; archive \(Nombre.decimal(Double(octets.count) / 1024, 0)) Kio, \(RegleExtrait.fichierDonnees) "
              + "\(Nombre.decimal(Double((try? RegleExtrait.json(e).count) ?? 0) / 1024, 0)) Kio :")
        let l = [52, 10, 10]
        print(ligne(["Mesure (ms, \(fois) mesures après un échauffement)", "médiane", "p95"], l))
        let se = BancEspace.statistiques(tExtrait), sa = BancEspace.statistiques(tArchive), st = BancEspace.statistiques(tTotal)
        print(ligne(["fait (ServiceExtrait.extrait : lecture, numérotation)", Nombre.decimal(se.mediane, 1), Nombre.decimal(se.p95, 1)], l))
        let sf = BancEspace.statistiques(tFaits), sn = BancEspace.statistiques(tNumeros)
        print(ligne(["  dont la requête de la base (Base.faitsExtrait)", Nombre.decimal(sf.mediane, 1), Nombre.decimal(sf.p95, 1)], l))
        print(ligne(["  dont la numérotation (RegleExtrait.numeroter)", Nombre.decimal(sn.mediane, 1), Nombre.decimal(sn.p95, 1)], l))
        let sth = BancEspace.statistiques(tThematiques)
        print(ligne(["  dont les thématiques (Catalogue.thematiquesCoop)", Nombre.decimal(sth.mediane, 1), Nombre.decimal(sth.p95, 1)], l))
        print(ligne(["signé (ServiceExtrait.archive : JSON, JWS, zip)", Nombre.decimal(sa.mediane, 1), Nombre.decimal(sa.p95, 1)], l))
        print(ligne(["fait et signé", Nombre.decimal(st.mediane, 1), Nombre.decimal(st.p95, 1)], l))
        return st.mediane
    }
}

/// Runs the network's measure (async: the stores are) and prints it.
func mesurerReseau() {
    let fini = DispatchSemaphore(value: 0)
    final class Boite: @unchecked Sendable { var erreur: (any Error)? }
    let boite = Boite()
    let o = options
    Task {
        do { try await BancReseau.executer(o) } catch { boite.erreur = error }
        fini.signal()
    }
    fini.wait()
    if let erreur = boite.erreur { echouer("réseau : \(erreur)") }
}
