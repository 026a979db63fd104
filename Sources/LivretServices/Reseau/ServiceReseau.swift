import Crypto
import Foundation
import LivretBadges
import LivretCore
import LivretReseau
import LivretZip

/// A network's side (`livret reseau …`): its members, the extracts it receives — each verified
/// before anything is written — and its consolidated reports, protected after consolidation.
public enum ServiceReseau {
    /// The environment variable naming the network's PostgreSQL server.
    public static let variablePostgres = "LIVRET_RESEAU_POSTGRES"

    /// The network's store: PostgreSQL when `postgres` (or ``variablePostgres``) is given, else the
    /// SQLite file `base` (default `reseau.sqlite`). Migrated before use.
    public static func ouvrir(base chemin: String?, postgres: String?,
                              environnement: [String: String] = ProcessInfo.processInfo.environment) async throws -> any EntrepotReseau {
        let entrepot: any EntrepotReseau
        if let url = postgres ?? environnement[variablePostgres], !url.isEmpty {
            guard chemin == nil else {
                throw ErreurUtilisateur("choisissez --base (un fichier SQLite) ou --postgres (un serveur), pas les deux.")
            }
            entrepot = try EntrepotReseauPostgres(url: url)
        } else {
            entrepot = try EntrepotReseauSQLite(chemin: chemin ?? "reseau.sqlite")
        }
        do {
            try await entrepot.migrer()
        } catch {
            try? await entrepot.fermer()
            throw error
        }
        return entrepot
    }

    /// Registers a member after checking its key and territory.
    public static func ajouterMembre(_ membre: MembreReseau, entrepot: any EntrepotReseau) async throws {
        let nom = membre.nom.trimmingCharacters(in: .whitespaces)
        guard !nom.isEmpty else { throw ErreurUtilisateur("le nom de la structure est vide.") }
        guard DIDEmetteur.jwk(depuis: membre.cle) != nil, membre.cle.hasPrefix("did:jwk:"), !membre.cle.contains("#") else {
            throw ErreurUtilisateur("--cle : « \(membre.cle.prefix(40))… » n'est pas la clé d'une structure. Demandez-lui ce qu'affiche « livret reseau cle » "
                                    + "chez elle (did:jwk:…).")
        }
        if let erreur = RegleMembre.erreurDepartement(membre.departement) { throw ErreurUtilisateur("--departement : \(erreur)") }
        if let commune = membre.commune, let erreur = RegleMembre.erreurCommune(commune, departement: membre.departement) {
            throw ErreurUtilisateur("--commune : \(erreur)")
        }
        var m = membre
        m.nom = nom
        m.departement = membre.departement.uppercased()
        if try await entrepot.membres().contains(where: { $0.cle == m.cle }) {
            throw ErreurUtilisateur("cette clé est déjà celle d'un autre membre du réseau : une structure, une clé.")
        }
        try await entrepot.ajouterMembre(m)
    }

    /// What happened to one file given to `importer`.
    public enum Issue: Sendable, Equatable {
        /// Imported: the structure, period, record counts, and the empreinte of the extract it replaced.
        case importe(structure: String, periode: PeriodeReseau, inscriptions: Int, accompagnements: Int, remplace: String?)
        /// Already the extract in force: nothing to do.
        case dejaEnVigueur(structure: String, periode: PeriodeReseau)
        /// Refused, with the French reason.
        case refuse(String)
    }

    /// An archive read and verified against the network's members.
    struct ArchiveVerifiee {
        var extrait: ExtraitReseau
        var membre: MembreReseau
        var empreinte: String
    }

    /// Reads and verifies one archive; throws ``ErreurUtilisateur`` naming the file and what is wrong.
    static func verifier(_ octets: Data, fichier: String, membres: [MembreReseau], jour: Jour) throws -> ArchiveVerifiee {
        let entrees: [String: Data]
        do {
            entrees = try ZipLecture.lire(octets)
        } catch {
            throw ErreurUtilisateur("\(fichier) : ce n'est pas un extrait de Livret (une archive zip est attendue) : \(error)")
        }
        guard let donnees = entrees[RegleExtrait.fichierDonnees], let signature = entrees[RegleExtrait.fichierSignature] else {
            throw ErreurUtilisateur("\(fichier) : l'archive n'a pas \(RegleExtrait.fichierDonnees) et \(RegleExtrait.fichierSignature) ; "
                                    + "ce n'est pas un extrait de Livret.")
        }
        let jeton: JetonDecoupe
        let attestation: ServiceExtrait.Attestation
        do {
            jeton = try JWT.decouper(JWT.sansBlancs(String(decoding: signature, as: UTF8.self)))
            attestation = try JSONDecoder().decode(ServiceExtrait.Attestation.self, from: jeton.chargeUtile)
        } catch {
            throw ErreurUtilisateur("\(fichier) : la signature est illisible ; faites refaire l'extrait par la structure.")
        }
        guard attestation.type == RegleExtrait.typeSignature else {
            throw ErreurUtilisateur("\(fichier) : la signature n'est pas celle d'un extrait pour un réseau.")
        }
        guard ServiceExtrait.empreinte(donnees) == attestation.empreinte else {
            throw ErreurUtilisateur("\(fichier) : \(RegleExtrait.fichierDonnees) a été modifié après la signature : il est refusé. "
                                    + "Demandez à la structure un nouvel extrait.")
        }
        let extrait: ExtraitReseau
        do { extrait = try RegleExtrait.lire(donnees, fichier: fichier) } catch { throw ErreurUtilisateur(error.message) }
        guard attestation.structure == extrait.structure, attestation.periode == extrait.periode.description else {
            throw ErreurUtilisateur("\(fichier) : la signature ne correspond pas au contenu (structure ou période) : il est refusé.")
        }
        guard let membre = membres.first(where: { $0.nom == extrait.structure }) else {
            throw ErreurUtilisateur("\(fichier) : « \(extrait.structure) » n'est pas membre du réseau. Ajoutez-la d'abord : "
                                    + "livret reseau membre ajouter \"\(extrait.structure)\" --cle did:jwk:… --departement …")
        }
        if let revoque = membre.revoqueLe, revoque <= jour {
            throw ErreurUtilisateur("\(fichier) : « \(membre.nom) » n'est plus membre du réseau depuis le \(revoque.francais) : extrait refusé.")
        }
        guard let kid = jeton.kid, DIDEmetteur.controleur(kid: kid) == membre.cle, let jwk = DIDEmetteur.jwk(depuis: kid),
              let cle = try? jwk.clePublique(), jeton.alg == "ES256", JWT.verifier(jeton, cle: cle) else {
            throw ErreurUtilisateur("\(fichier) : la signature n'est pas celle de la clé enregistrée pour « \(membre.nom) » : extrait refusé. "
                                    + "Si la structure a changé de clé, enregistrez la nouvelle.")
        }
        guard extrait.bornesAge == TranchesAge.parDefaut.bornes else {
            throw ErreurUtilisateur("\(fichier) : les tranches d'âge de l'extrait (\(extrait.bornesAge)) ne sont pas celles du réseau "
                                    + "(\(TranchesAge.parDefaut.bornes)) ; faites refaire l'extrait avec la même version de Livret.")
        }
        return ArchiveVerifiee(extrait: extrait, membre: membre, empreinte: attestation.empreinte)
    }

    /// Records per lot written by ``importer`` (each extract whole in one lot): a network's year-end
    /// import of hundreds of files is written in a few transactions of about this many records.
    public static let enregistrementsParLot = 50_000

    /// Imports the archives: each verified (a refused file changes nothing, the others are imported),
    /// then written by lots of about ``enregistrementsParLot`` records, each lot one transaction; the
    /// next files are verified while a lot is written. A lot that fails leaves nothing of itself; the
    /// lots before it stay, and importing the same files again finds them in force.
    public static func importer(_ fichiers: [(nom: String, octets: Data)], entrepot: any EntrepotReseau, jour: Jour,
                                enregistrementsParLot: Int = enregistrementsParLot) async throws -> [Issue] {
        let membres = try await entrepot.membres()
        // What the network holds, read once, then kept up to date with what this import decides.
        var enVigueur: [String: (faitLe: Jour, empreinte: String)] = [:]
        var recus = Set<String>()
        for e in try await entrepot.historique(periode: nil) {
            recus.insert(cle(e.membre, e.empreinte))
            if e.remplacePar == nil { enVigueur[cle(e.membre, e.periode.description)] = (e.faitLe, e.empreinte) }
        }
        var issues: [Issue] = []
        var lot: [ExtraitAEnregistrer] = []
        var dansLeLot = Set<String>()
        var enregistrementsDuLot = 0
        var ecriture: (tache: Task<Void, any Error>, extraits: Int)?
        var ecrits = 0
        // Waits for the lot being written; then `lot` (if any) starts being written.
        func envoyer(_ lot: [ExtraitAEnregistrer]) async throws {
            if let (tache, extraits) = ecriture {
                ecriture = nil
                do {
                    try await tache.value
                } catch {
                    let avant = ecrits == 0 ? "Aucun extrait de cet import n'a été enregistré"
                        : "\(Accord.nombre(ecrits, "extrait")) de cet import \(ecrits > 1 ? "sont enregistrés" : "est enregistré"), "
                          + "pas \(extraits > 1 ? "les \(extraits) du dernier lot" : "celui du dernier lot")"
                    throw ErreurUtilisateur("\(error) \(avant) : relancez l'import, les extraits déjà en vigueur seront reconnus.")
                }
                ecrits += extraits
            }
            guard !lot.isEmpty else { return }
            ecriture = (Task { try await entrepot.enregistrer(lot, recuLe: jour) }, lot.count)
        }
        for f in fichiers {
            let archive: ArchiveVerifiee
            do {
                archive = try verifier(f.octets, fichier: f.nom, membres: membres, jour: jour)
            } catch let erreur as ErreurUtilisateur {
                issues.append(.refuse(erreur.message))
                continue
            }
            let e = archive.extrait
            let nom = archive.membre.nom
            let paire = cle(nom, e.periode.description)
            let enPlace = enVigueur[paire]
            if enPlace?.empreinte == archive.empreinte {
                issues.append(.dejaEnVigueur(structure: nom, periode: e.periode))
                continue
            }
            if recus.contains(cle(nom, archive.empreinte)) {
                issues.append(.refuse("\(f.nom) : cet extrait de « \(nom) » pour \(e.periode) a déjà été reçu puis remplacé "
                                      + "par un plus récent : il est refusé (l'extrait en vigueur reste)."))
                continue
            }
            if let enPlace, e.faitLe < enPlace.faitLe {
                issues.append(.refuse("\(f.nom) : cet extrait de « \(nom) » pour \(e.periode) a été fait le \(e.faitLe.francais), "
                                      + "avant celui que le réseau a déjà (fait le \(enPlace.faitLe.francais)) : il est refusé."))
                continue
            }
            // A second extract of one structure and year replaces the first in a later transaction.
            if dansLeLot.contains(paire) {
                try await envoyer(lot)
                (lot, dansLeLot, enregistrementsDuLot) = ([], [], 0)
            }
            lot.append(ExtraitAEnregistrer(e, membre: nom, empreinte: archive.empreinte))
            dansLeLot.insert(paire)
            enregistrementsDuLot += e.inscriptions.count + e.accompagnements.count
            enVigueur[paire] = (e.faitLe, archive.empreinte)
            recus.insert(cle(nom, archive.empreinte))
            issues.append(.importe(structure: nom, periode: e.periode, inscriptions: e.inscriptions.count,
                                   accompagnements: e.accompagnements.count, remplace: enPlace?.empreinte))
            if enregistrementsDuLot >= enregistrementsParLot {
                try await envoyer(lot)
                (lot, dansLeLot, enregistrementsDuLot) = ([], [], 0)
            }
        }
        try await envoyer(lot)
        try await envoyer([])
        return issues
    }

    /// A key of two texts (member and period or empreinte).
    private static func cle(_ a: String, _ b: String) -> String { a + "\u{1F}" + b }

    /// The network's publication of a period: every scope protected together after consolidation.
    public static func publication(entrepot: any EntrepotReseau, catalogue: Catalogue, periode: PeriodeReseau, parStructure: Bool,
                                   seuil: Int? = SecretStatistique.seuilParDefaut) async throws -> ConsolidationReseau.Resultat {
        // A structure's account only sees its own rows: a « network » report from them would be false.
        if let pg = entrepot as? EntrepotReseauPostgres, let membre = try await pg.membreDuCompte() {
            throw ErreurUtilisateur("ce compte est celui de « \(membre) » : il lit ses propres lignes et les rapports que le réseau a publiés "
                                    + "(livret reseau publies --periode \(periode)), pas les chiffres de tout le réseau.")
        }
        let (agregats, hors) = try await entrepot.agregats(periode: periode, parStructure: parStructure)
        let membres = try await entrepot.membres()
        return ConsolidationReseau.publication(agregats, membres: membres, horsStatistiques: hors, periode: periode, catalogue: catalogue,
                                               parStructure: parStructure, seuil: seuil)
    }

    /// One scope's report (and its audit) in one breakdown.
    public static func rapport(_ resultat: ConsolidationReseau.Resultat, perimetre libelle: String, croisement: Croisement,
                               audit: Bool) throws -> (rapport: Rapport, audit: AuditSecret?) {
        guard let index = resultat.index[libelle] else {
            let connus = resultat.perimetres.map(\.libelle).joined(separator: ", ")
            throw ErreurUtilisateur("aucun extrait pour « \(libelle) » dans cette période. Périmètres connus : \(connus).")
        }
        let p = resultat.publication
        var rapport = p.rapport(index, croisement: croisement, perimetre: .reseau(libelle))
        if let manquants = resultat.avertissementManquants(perimetre: libelle) { rapport.avertissements.append(manquants) }
        return (rapport, audit ? p.audit(index, croisement: croisement) : nil)
    }
}

extension ServiceReseau {
    /// The PostgreSQL store, for what only PostgreSQL does (accounts, reports published to them).
    public static func postgres(_ entrepot: any EntrepotReseau, pour action: String) throws -> EntrepotReseauPostgres {
        guard let pg = entrepot as? EntrepotReseauPostgres else {
            throw ErreurUtilisateur("\(action) : seulement sur le serveur PostgreSQL du réseau (--postgres ou $\(variablePostgres)) ; "
                                    + "un fichier SQLite n'a qu'un utilisateur, son propriétaire.")
        }
        return pg
    }

    /// A password given by the name of the environment variable that holds it (never on the command line).
    public static func motDePasse(variable: String?, environnement: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        guard let variable else { return nil }
        guard let valeur = environnement[variable], !valeur.isEmpty else {
            throw ErreurUtilisateur("--mot-de-passe-variable : la variable d'environnement « \(variable) » est vide ou absente.")
        }
        return valeur
    }
}
