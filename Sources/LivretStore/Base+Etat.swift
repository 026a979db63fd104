import GRDB
import LivretCore

extension Base {
    /// The learner's whole record with derived state on day `jour` (which séances are held so far).
    public func dossier(_ identifiant: String, catalogue: Catalogue, au jour: Jour) throws(ErreurBase) -> DossierApprenant {
        let apprenant = try apprenant(identifiant)
        let id = apprenant.id!
        let profils = try profilsPix(apprenantId: id)
        let certifications = try certifications(apprenantId: id)
        let preuves = try preuves(apprenantId: id)
        let inscriptions: [DossierApprenant.InscriptionDetaillee] = try lire { db in
            try Row.fetchAll(db, sql: """
                SELECT inscription.id AS inscriptionId, cohorte.id AS cohorteId, cohorte.code AS cohorte, cohorte.debut AS debut, parcours.id AS parcoursId
                FROM inscription JOIN cohorte ON cohorte.id = inscription.cohorteId JOIN parcours ON parcours.id = cohorte.parcoursId
                WHERE inscription.apprenantId = ? ORDER BY cohorte.debut, cohorte.code
                """, arguments: [id]).map { ligne in
                let inscriptionId: Int64 = ligne["inscriptionId"]
                let cohorteId: Int64 = ligne["cohorteId"]
                let parcours = try Parcours.fetchOne(db, key: ligne["parcoursId"] as Int64)!
                let heuresCohorte = try Self.heuresCohortes(db, cohorteId: cohorteId, au: jour)[cohorteId] ?? HeuresCohorte()
                let presences = try Presence.fetchAll(db, sql: """
                    SELECT presence.* FROM presence JOIN seance ON seance.id = presence.seanceId
                    WHERE seance.cohorteId = ? AND presence.apprenantId = ? ORDER BY seance.date
                    """, arguments: [cohorteId, id])
                let historique = try EtapeInscription.filter(Column("inscriptionId") == inscriptionId).order(Column("id")).fetchAll(db)
                let sorties = try Sortie.filter(Column("inscriptionId") == inscriptionId).order(Column("id")).fetchAll(db)
                let bilan = BilanParcours.calculer(parcours: parcours, modele: catalogue.modeleParcours(parcours.modele), pix: catalogue.pix,
                                                   cohorte: heuresCohorte, minutesSuivies: HeuresSuivi.minutesSuivies(presences),
                                                   profil: profils.last { $0.partage }, certifications: certifications)
                return .init(cohorte: ligne["cohorte"], parcours: parcours.code, modele: parcours.modele, debut: ligne["debut"], historique: historique,
                             statut: historique.last?.statut ?? .inscrit, sorties: sorties, presences: presences, bilan: bilan)
            }
        }
        let consentements = try lire { db in try Consentement.filter(Column("apprenantId") == id).order(Column("id")).fetchAll(db) }
        var dossier = DossierApprenant(apprenant: apprenant, consentements: consentements, inscriptions: inscriptions,
                                       positionnements: try positionnements(apprenantId: id), preuves: preuves,
                                       etats: EtatItem.calculer(preuves), profilsPix: profils, certifications: certifications)
        dossier.accompagnements = try accompagnements(apprenantId: id).map(\.accompagnement)
        dossier.questionnaires = try lire { db in
            try Row.fetchAll(db, sql: "SELECT * FROM satisfaction WHERE apprenantId = ? ORDER BY date, id", arguments: [id]).map(Self.reponse)
        }
        dossier.suivis = try suivisApresAction(apprenantId: id).map(\.suivi).reversed()
        return dossier
    }

    /// A cohort's dashboard on day `jour`: each learner's status and bilan, in identifier order.
    public func tableauDeBord(cohorte code: String, catalogue: Catalogue, au jour: Jour) throws(ErreurBase) -> [LigneTableauDeBord] {
        let cohorte = try cohorte(code)
        return try lire { db in
            let parcours = try Parcours.fetchOne(db, key: cohorte.parcoursId)!
            let modele = catalogue.modeleParcours(parcours.modele)
            let heuresCohorte = try Self.heuresCohortes(db, cohorteId: cohorte.id!, au: jour)[cohorte.id!] ?? HeuresCohorte()
            let apprenants = try Apprenant.fetchAll(db, sql: """
                SELECT apprenant.* FROM apprenant JOIN inscription ON inscription.apprenantId = apprenant.id
                WHERE inscription.cohorteId = ? ORDER BY apprenant.identifiant
                """, arguments: [cohorte.id])
            var presencesParApprenant: [Int64: [Presence]] = [:]
            for presence in try Presence.fetchAll(db, sql: """
                SELECT presence.* FROM presence JOIN seance ON seance.id = presence.seanceId WHERE seance.cohorteId = ?
                """, arguments: [cohorte.id]) {
                presencesParApprenant[presence.apprenantId, default: []].append(presence)
            }
            var statuts: [Int64: StatutInscription] = [:]
            for ligne in try Row.fetchAll(db, sql: """
                SELECT inscription.apprenantId AS a, (SELECT statut FROM etapeInscription e WHERE e.inscriptionId = inscription.id ORDER BY e.id DESC LIMIT 1) AS s
                FROM inscription WHERE inscription.cohorteId = ?
                """, arguments: [cohorte.id]) {
                statuts[ligne["a"]] = StatutInscription(rawValue: ligne["s"] ?? "inscrit") ?? .inscrit
            }
            var preuvesParApprenant: [Int64: [Preuve]] = [:]
            for preuve in try Preuve.fetchAll(db, sql: """
                SELECT preuve.* FROM preuve JOIN inscription ON inscription.apprenantId = preuve.apprenantId
                WHERE inscription.cohorteId = ? AND preuve.referentiel = 'aptic'
                """, arguments: [cohorte.id]) {
                preuvesParApprenant[preuve.apprenantId, default: []].append(preuve)
            }
            // Pix profiles and certifications of the whole cohort in a few queries, not per learner.
            let membres = "SELECT apprenantId FROM inscription WHERE cohorteId = \(cohorte.id!)"
            let profils = try Self.profilsPix(db, membres: membres)
            let certificationsParApprenant = try Self.certifications(db, membres: membres)
            return apprenants.map { apprenant in
                let id = apprenant.id!
                // The latest shared profile (date, then id), with its levels only: what the dashboard shows.
                let profil = profils[id]?.last { $0.partage }.map {
                    ProfilPix(id: $0.id, apprenantId: $0.apprenantId, date: $0.date, source: $0.source, niveaux: $0.niveaux)
                }
                let acquis = EtatItem.calculer(preuvesParApprenant[id] ?? []).filter { $0.statut == .acquis }.count
                let certifications = certificationsParApprenant[id] ?? []
                let bilan = BilanParcours.calculer(parcours: parcours, modele: modele, pix: catalogue.pix, cohorte: heuresCohorte,
                                                   minutesSuivies: HeuresSuivi.minutesSuivies(presencesParApprenant[id] ?? []),
                                                   profil: profil, certifications: certifications)
                return LigneTableauDeBord(identifiant: apprenant.identifiant, nom: apprenant.nomAffiche,
                                          statut: statuts[id] ?? .inscrit, bilan: bilan, itemsAcquis: acquis, profilPix: profil)
            }
        }
    }

    /// Completion counts of every cohort on day `jour`: enrolled, completed, dropped out (``Decompte``),
    /// and how many meet the parcours' critère d'achèvement (``CritereAchevement``), each
    /// inscription evaluated by Core from the facts read here.
    public func completions(au jour: Jour) throws(ErreurBase) -> [CompletionCohorte] {
        try lire { db in
            let heures = try Self.heuresCohortes(db, au: jour)
            let parcours = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT cohorte.id AS cohorteId, parcours.* FROM cohorte JOIN parcours ON parcours.id = cohorte.parcoursId
                """).map { ($0["cohorteId"] as Int64, try Parcours(row: $0)) })
            var resultat: [String: CompletionCohorte] = [:]
            let codes = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, code FROM cohorte").map { ($0[0] as Int64, $0[1] as String) })
            for code in codes.values { resultat[code] = CompletionCohorte(cohorte: code, inscrits: 0, termines: 0, abandons: 0, critereAtteint: 0) }
            let lignes = try Row.fetchCursor(db, sql: """
                SELECT s.cohorteId, s.statut, s.minutesSuivies,
                       EXISTS (SELECT 1 FROM certificationPix cp WHERE cp.apprenantId = s.apprenantId AND cp.statut = 'validee')
                FROM suiviInscription s
                """)
            while let ligne = try lignes.next() {
                let cohorteId: Int64 = ligne[0]
                guard let code = codes[cohorteId], let p = parcours[cohorteId] else { continue }
                let statut = StatutInscription(rawValue: ligne[1]) ?? .inscrit
                let minutes: Int = ligne[2]
                let decompte = Decompte(statut: statut, venu: minutes > 0)
                let suivi = HeuresSuivi(minutesSuivies: minutes, cohorte: heures[cohorteId] ?? HeuresCohorte(), heuresParcours: p.heuresPrevues)
                let critere = CritereAchevement.evaluer(parcours: p, heures: suivi, certifie: ligne[3])
                resultat[code]!.inscrits += 1
                resultat[code]!.termines += decompte.termine ? 1 : 0
                resultat[code]!.abandons += decompte.abandon ? 1 : 0
                resultat[code]!.critereAtteint += critere.atteint ? 1 : 0
            }
            return resultat.values.sorted { $0.cohorte < $1.cohorte }
        }
    }

    /// The planned hours of each cohort on day `jour` (``HeuresCohorte``), from its séances and
    /// whether their attendance was taken; `cohorteId` limits it to one cohort, `condition` (on
    /// aliases `s` séance and `c` cohorte) to a report's scope and period.
    static func heuresCohortes(_ db: Database, cohorteId: Int64? = nil, condition: (String, StatementArguments)? = nil,
                               au jour: Jour) throws -> [Int64: HeuresCohorte] {
        var filtre = "1 = 1"
        var arguments: StatementArguments = []
        if let cohorteId {
            filtre = "s.cohorteId = ?"
            arguments = [cohorteId]
        } else if let condition {
            (filtre, arguments) = condition
        }
        // Séances grouped by the facts the rule looks at (day before / on / after `jour`, attendance
        // taken): a few rows per cohort; Core decides which are held (``SeanceComptee/tenue``).
        var heures: [Int64: HeuresCohorte] = [:]
        let lignes = try Row.fetchCursor(db, sql: """
            SELECT s.cohorteId, CASE WHEN s.date < ? THEN 0 WHEN s.date = ? THEN 1 ELSE 2 END,
                   EXISTS (SELECT 1 FROM presence p WHERE p.seanceId = s.id), COUNT(*), SUM(s.minutesPrevues)
            FROM seance s JOIN cohorte c ON c.id = s.cohorteId WHERE \(filtre)
            GROUP BY 1, 2, 3
            """, arguments: [jour, jour] + arguments)
        while let ligne = try lignes.next() {
            let position = PositionJour(rawValue: ligne[1]) ?? .apres
            heures[ligne[0], default: HeuresCohorte()].ajouter(SeanceComptee(position: position, appelFait: ligne[2], minutes: ligne[4], nombre: ligne[3]))
        }
        return heures
    }
}


extension Base {
    /// The planned hours of cohort `code` on day `jour` (séances held so far and in all).
    public func heuresCohorte(_ code: String, au jour: Jour) throws(ErreurBase) -> HeuresCohorte {
        let cohorte = try cohorte(code)
        return try lire { db in try Self.heuresCohortes(db, cohorteId: cohorte.id!, au: jour)[cohorte.id!] ?? HeuresCohorte() }
    }
}
