import GRDB
import LivretCore

extension Base {
    /// The whole record of every learner of cohort `code` on day `jour`, in identifier order: the
    /// same records as ``dossier(_:catalogue:au:)`` read one by one (every inscription of each
    /// learner, in this cohort and the others), read in a few queries for the whole cohort in one
    /// read transaction. Core computes each bilan (``BilanParcours``) and state (``EtatItem``) as
    /// it does for one record; only the reading is batched.
    public func dossiers(cohorte code: String, catalogue: Catalogue, au jour: Jour) throws(ErreurBase) -> [DossierApprenant] {
        try lire { db in
            guard let cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else {
                throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
            }
            // Every query below is limited to the cohort's learners (their other inscriptions included).
            let membres = "SELECT apprenantId FROM inscription WHERE cohorteId = \(cohorte.id!)"
            let apprenants = try Apprenant.fetchAll(db, sql: "SELECT * FROM apprenant WHERE id IN (\(membres)) ORDER BY identifiant")

            func parApprenant<T>(_ valeurs: [T], _ cle: (T) -> Int64) -> [Int64: [T]] {
                var resultat: [Int64: [T]] = [:]
                for valeur in valeurs { resultat[cle(valeur), default: []].append(valeur) }
                return resultat
            }

            // Pix profiles and certifications, in the order `profilsPix` and `certifications` give them.
            let profils = try Self.profilsPix(db, membres: membres)
            let certifications = try Self.certifications(db, membres: membres)
            // Tens of thousands of preuves and presences: named columns read by position, through a cursor.
            var preuves: [Int64: [Preuve]] = [:]
            let lignesPreuves = try Row.fetchCursor(db, sql: """
                SELECT id, apprenantId, referentiel, code, niveau, date, auteurId, note, remplace, retrait
                FROM preuve WHERE apprenantId IN (\(membres)) ORDER BY date, id
                """)
            while let ligne = try lignesPreuves.next() {
                let referentiel: String = ligne[2], niveau: String = ligne[4], date: String = ligne[5]
                guard let cible = ReferentielCible(rawValue: referentiel), let force = NiveauPreuve(rawValue: niveau),
                      let jour = Jour.fromDatabaseValue(date.databaseValue) else {
                    throw ErreurBase.invalide("preuve n° \(ligne[0] as Int64) illisible dans la base.")
                }
                let preuve = Preuve(id: ligne[0], apprenantId: ligne[1], referentiel: cible, code: ligne[3], niveau: force, date: jour,
                                    auteurId: ligne[6], note: ligne[7], remplace: ligne[8], retrait: ligne[9])
                preuves[preuve.apprenantId, default: []].append(preuve)
            }
            let consentements = parApprenant(try Consentement.fetchAll(db, sql: "SELECT * FROM consentement WHERE apprenantId IN (\(membres)) ORDER BY id"),
                                             \.apprenantId)

            // Diagnostics, as `positionnements` reads them.
            var niveauxPositionnements: [Int64: [Positionnement.Niveau]] = [:]
            for n in try Row.fetchAll(db, sql: """
                SELECT n.positionnementId, n.referentiel, n.code, n.niveau FROM positionnementNiveau n JOIN positionnement p ON p.id = n.positionnementId
                WHERE p.apprenantId IN (\(membres)) ORDER BY n.positionnementId, n.referentiel, n.code
                """) {
                niveauxPositionnements[n[0] as Int64, default: []].append(Positionnement.Niveau(referentiel: n[1], code: n[2], niveau: n[3]))
            }
            let positionnements = parApprenant(try Row.fetchAll(db, sql: "SELECT * FROM positionnement WHERE apprenantId IN (\(membres)) ORDER BY date, id").map { ligne in
                let id: Int64 = ligne["id"]
                var eurostat: IndicateurEurostat?
                if let i: Int = ligne["eurostatInformation"], let c: Int = ligne["eurostatCommunication"],
                   let r: Int = ligne["eurostatResolution"], let l: Int = ligne["eurostatLogiciels"] {
                    eurostat = IndicateurEurostat(information: i, communication: c, resolution: r, logiciels: l)
                }
                return Positionnement(id: id, apprenantId: ligne["apprenantId"], date: ligne["date"], auteurId: ligne["auteurId"],
                                      eurostat: eurostat, niveaux: niveauxPositionnements[id] ?? [])
            }, \.apprenantId)

            // Every inscription of these learners, with what its bilan needs.
            let inscriptions = try Row.fetchAll(db, sql: """
                SELECT inscription.id AS inscriptionId, inscription.apprenantId AS apprenantId, cohorte.id AS cohorteId, cohorte.code AS cohorte,
                       cohorte.debut AS debut, cohorte.parcoursId AS parcoursId
                FROM inscription JOIN cohorte ON cohorte.id = inscription.cohorteId
                WHERE inscription.apprenantId IN (\(membres)) ORDER BY cohorte.debut, cohorte.code
                """)
            let parcours = Dictionary(uniqueKeysWithValues: try Parcours.fetchAll(db, sql: """
                SELECT * FROM parcours WHERE id IN (SELECT c.parcoursId FROM cohorte c JOIN inscription i ON i.cohorteId = c.id WHERE i.apprenantId IN (\(membres)))
                """).map { ($0.id!, $0) })
            let heures = try Self.heuresCohortes(db, condition: ("""
                s.cohorteId IN (SELECT i.cohorteId FROM inscription i WHERE i.apprenantId IN (\(membres)))
                """, []), au: jour)
            struct Cle: Hashable { var cohorte: Int64; var apprenant: Int64 }
            var presences: [Cle: [Presence]] = [:]
            let lignesPresences = try Row.fetchCursor(db, sql: """
                SELECT presence.seanceId, presence.apprenantId, presence.statut, presence.minutes, presence.auteurId, presence.cohorteId
                FROM presence JOIN seance ON seance.id = presence.seanceId
                WHERE presence.apprenantId IN (\(membres)) ORDER BY seance.date
                """)
            while let ligne = try lignesPresences.next() {
                let statut: String = ligne[2]
                guard let valeur = StatutPresence(rawValue: statut) else {
                    throw ErreurBase.invalide("présence illisible dans la base (statut « \(statut) »).")
                }
                let presence = Presence(seanceId: ligne[0], apprenantId: ligne[1], statut: valeur, minutes: ligne[3], auteurId: ligne[4])
                presences[Cle(cohorte: ligne[5], apprenant: presence.apprenantId), default: []].append(presence)
            }
            let historiques = parApprenant(try EtapeInscription.fetchAll(db, sql: """
                SELECT e.* FROM etapeInscription e JOIN inscription i ON i.id = e.inscriptionId WHERE i.apprenantId IN (\(membres)) ORDER BY e.id
                """), \.inscriptionId)
            let sorties = parApprenant(try Sortie.fetchAll(db, sql: """
                SELECT s.* FROM sortie s JOIN inscription i ON i.id = s.inscriptionId WHERE i.apprenantId IN (\(membres)) ORDER BY s.id
                """), \.inscriptionId)

            var detaillees: [Int64: [DossierApprenant.InscriptionDetaillee]] = [:]
            for ligne in inscriptions {
                let inscriptionId: Int64 = ligne["inscriptionId"]
                let apprenantId: Int64 = ligne["apprenantId"]
                let cohorteId: Int64 = ligne["cohorteId"]
                let p = parcours[ligne["parcoursId"] as Int64]!
                let suivies = presences[Cle(cohorte: cohorteId, apprenant: apprenantId)] ?? []
                let historique = historiques[inscriptionId] ?? []
                let bilan = BilanParcours.calculer(parcours: p, modele: catalogue.modeleParcours(p.modele), pix: catalogue.pix,
                                                   cohorte: heures[cohorteId] ?? HeuresCohorte(), minutesSuivies: HeuresSuivi.minutesSuivies(suivies),
                                                   profil: profils[apprenantId]?.last { $0.partage }, certifications: certifications[apprenantId] ?? [])
                detaillees[apprenantId, default: []].append(.init(
                    cohorte: ligne["cohorte"], parcours: p.code, modele: p.modele, debut: ligne["debut"], historique: historique,
                    statut: historique.last?.statut ?? .inscrit, sorties: sorties[inscriptionId] ?? [], presences: suivies, bilan: bilan))
            }
            return apprenants.map { apprenant in
                let id = apprenant.id!
                let lues = preuves[id] ?? []
                return DossierApprenant(apprenant: apprenant, consentements: consentements[id] ?? [], inscriptions: detaillees[id] ?? [],
                                        positionnements: positionnements[id] ?? [], preuves: lues, etats: EtatItem.calculer(lues),
                                        profilsPix: profils[id] ?? [], certifications: certifications[id] ?? [])
            }
        }
    }

    /// The Pix profiles of every learner of cohort `code`, by learner id, each learner's in the
    /// order ``profilsPix(apprenantId:)`` gives them (date, then id).
    public func profilsPix(cohorte code: String) throws(ErreurBase) -> [Int64: [ProfilPix]] {
        try lire { db in
            guard let cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else {
                throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
            }
            return try Self.profilsPix(db, membres: "SELECT apprenantId FROM inscription WHERE cohorteId = \(cohorte.id!)")
        }
    }

    /// The Pix certifications of every learner of cohort `code`, by learner id (date, then id).
    public func certificationsPix(cohorte code: String) throws(ErreurBase) -> [Int64: [CertificationPix]] {
        try lire { db in
            guard let cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else {
                throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
            }
            return try Self.certifications(db, membres: "SELECT apprenantId FROM inscription WHERE cohorteId = \(cohorte.id!)")
        }
    }

    /// The Pix profiles of the learners `membres` selects (an SQL query of learner ids), as ``profilsPix(apprenantId:)`` reads them.
    static func profilsPix(_ db: Database, membres: String) throws -> [Int64: [ProfilPix]] {
        var niveaux: [Int64: [String: Int]] = [:]
        var points: [Int64: [String: Int]] = [:]
        for c in try Row.fetchAll(db, sql: """
            SELECT c.profilId, c.competence, c.niveau, c.pix FROM profilPixCompetence c JOIN profilPix p ON p.id = c.profilId
            WHERE p.apprenantId IN (\(membres))
            """) {
            let profil: Int64 = c[0]
            niveaux[profil, default: [:]][c[1]] = c[2] as Int
            if let p: Int = c[3] { points[profil, default: [:]][c[1]] = p }
        }
        var resultat: [Int64: [ProfilPix]] = [:]
        for ligne in try Row.fetchAll(db, sql: "SELECT * FROM profilPix WHERE apprenantId IN (\(membres)) ORDER BY date, id") {
            let id: Int64 = ligne["id"]
            let profil = ProfilPix(id: id, apprenantId: ligne["apprenantId"], date: ligne["date"], source: ligne["source"],
                                   empreinte: ligne["empreinte"], campagne: ligne["campagne"], partage: ligne["partage"],
                                   niveaux: niveaux[id] ?? [:], pix: points[id] ?? [:], progression: ligne["progression"],
                                   maitrise: ligne["maitrise"],
                                   genre: (ligne["genre"] as String?).flatMap(ExportPixOrga.Genre.init(rawValue:)), badgeCleA: ligne["badgeCleA"])
            resultat[profil.apprenantId, default: []].append(profil)
        }
        return resultat
    }

    /// The Pix certifications of the learners `membres` selects, as ``certifications(apprenantId:)`` reads them (date, then id).
    static func certifications(_ db: Database, membres: String) throws -> [Int64: [CertificationPix]] {
        var niveaux: [Int64: [String: Int]] = [:]
        for c in try Row.fetchAll(db, sql: """
            SELECT c.certificationId, c.competence, c.niveau FROM certificationPixCompetence c JOIN certificationPix p ON p.id = c.certificationId
            WHERE p.apprenantId IN (\(membres))
            """) {
            niveaux[c[0] as Int64, default: [:]][c[1]] = c[2] as Int
        }
        var resultat: [Int64: [CertificationPix]] = [:]
        for ligne in try Row.fetchAll(db, sql: "SELECT * FROM certificationPix WHERE apprenantId IN (\(membres)) ORDER BY date, id") {
            let certification = Self.certification(ligne, niveaux: niveaux[ligne["id"] as Int64] ?? [:])
            resultat[certification.apprenantId, default: []].append(certification)
        }
        return resultat
    }

    /// The codes of the badges issued to each learner of cohort `code` and not revoked, by learner id.
    public func reussitesDelivrees(cohorte code: String) throws(ErreurBase) -> [Int64: Set<String>] {
        try lire { db in
            guard let cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else {
                throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
            }
            var resultat: [Int64: Set<String>] = [:]
            for ligne in try Row.fetchAll(db, sql: """
                SELECT apprenantId, reussite FROM badge
                WHERE revoqueLe IS NULL AND apprenantId IN (SELECT apprenantId FROM inscription WHERE cohorteId = ?)
                """, arguments: [cohorte.id]) {
                resultat[ligne[0] as Int64, default: []].insert(ligne[1])
            }
            return resultat
        }
    }
}
