import GRDB
import LivretCore

extension Base {
    /// Deletes a séance created by mistake, with its attendance, in one transaction; the journal
    /// records what was deleted, by whom and when. The per-inscription summary follows (triggers).
    public func supprimerSeance(id seanceId: Int64, motif: String, auteurId: Int64, date: Jour) throws(ErreurBase) -> SeanceSupprimee {
        try ecrire { db in
            guard let seance = try Seance.fetchOne(db, key: seanceId),
                  let cohorte = try Cohorte.fetchOne(db, key: seance.cohorteId) else {
                throw ErreurBase.introuvable(quoi: "Séance", code: String(seanceId))
            }
            guard !motif.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ErreurBase.invalide("dites pourquoi la séance est supprimée (--motif), pour l'historique.")
            }
            let presences = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM presence WHERE seanceId = ?", arguments: [seanceId]) ?? 0
            try db.execute(sql: "DELETE FROM presence WHERE seanceId = ?", arguments: [seanceId])
            try db.execute(sql: "DELETE FROM seance WHERE id = ?", arguments: [seanceId])
            try Self.journaliser(db, date: date, auteurId: auteurId, action: "seance-supprimee", cible: cohorte.code,
                                 detail: "séance n° \(seanceId) du \(seance.date.francais), \(seance.minutesPrevues) min, \(Accord.nombre(presences, "présence")) : \(motif)")
            return SeanceSupprimee(seance: seance, cohorte: cohorte.code, presences: presences)
        }
    }

    /// Withdraws preuve `id`: appends a retraction naming it (``Preuve/retrait``), with the motif;
    /// the preuve itself stays readable. One transaction.
    @discardableResult
    public func retirerPreuve(id: Int64, motif: String, auteurId: Int64, date: Jour) throws(ErreurBase) -> Preuve {
        try ecrire { db in
            guard let preuve = try Preuve.fetchOne(db, key: id) else { throw ErreurBase.introuvable(quoi: "Preuve", code: String(id)) }
            if preuve.retrait { throw ErreurBase.invalide("la preuve n° \(id) est elle-même un retrait.") }
            if try Preuve.filter(Column("remplace") == id).fetchCount(db) > 0 {
                throw ErreurBase.invalide("la preuve n° \(id) a déjà été remplacée ou retirée.")
            }
            guard !motif.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ErreurBase.invalide("dites pourquoi la preuve est retirée (--motif).")
            }
            var retrait = Preuve(apprenantId: preuve.apprenantId, referentiel: preuve.referentiel, code: preuve.code, niveau: preuve.niveau,
                                 date: date, auteurId: auteurId, note: motif, remplace: id, retrait: true)
            try retrait.insert(db)
            return retrait
        }
    }

    /// The consent in force for a learner inside a transaction (the latest record; nil when none).
    static func consentementEnVigueur(_ db: Database, apprenantId: Int64) throws -> Consentement? {
        try Consentement.filter(Column("apprenantId") == apprenantId).order(Column("id").desc).fetchOne(db)
    }
}

extension Base {
    /// The learner with public identifier `identifiant`, inside a transaction.
    static func apprenant(_ db: Database, _ identifiant: String) throws -> Apprenant {
        guard let apprenant = try Apprenant.filter(Column("identifiant") == identifiant).fetchOne(db) else {
            throw ErreurBase.introuvable(quoi: "Apprenant", code: identifiant)
        }
        return apprenant
    }

    /// Appends a preuve for learner `identifiant`, found in the same transaction (consent checked there too);
    /// `accompagnementId` names the visit it was observed at, which must be this learner's.
    @discardableResult
    public func ajouterPreuve(apprenant identifiant: String, referentiel: ReferentielCible, code: String, niveau: NiveauPreuve,
                              note: String?, remplace: Int64?, accompagnementId: Int64? = nil, auteurId: Int64, date: Jour) throws(ErreurBase) -> Preuve {
        try ecrire { db in
            let apprenant = try Self.apprenant(db, identifiant)
            try Self.verifierAccordLivret(db, apprenantId: apprenant.id!)
            if let remplace {
                guard let ancienne = try Preuve.fetchOne(db, key: remplace), ancienne.apprenantId == apprenant.id else {
                    throw ErreurBase.introuvable(quoi: "Preuve à remplacer", code: String(remplace))
                }
            }
            if let accompagnementId {
                guard let ligne = try Row.fetchOne(db, sql: "SELECT apprenantId FROM accompagnement WHERE id = ?", arguments: [accompagnementId]) else {
                    throw ErreurBase.introuvable(quoi: "Accompagnement", code: String(accompagnementId))
                }
                if ligne["apprenantId"] as Int64? != apprenant.id {
                    throw ErreurBase.invalide("l'accompagnement n° \(accompagnementId) concerne une autre personne que « \(identifiant) » : vérifiez le numéro (livret accompagnement lister).")
                }
            }
            var preuve = Preuve(apprenantId: apprenant.id!, referentiel: referentiel, code: code, niveau: niveau, date: date,
                                auteurId: auteurId, note: note, remplace: remplace, accompagnementId: accompagnementId)
            try preuve.insert(db)
            return preuve
        }
    }

    /// Records a positionnement of learner `identifiant`, found in the same transaction.
    public func enregistrerPositionnement(apprenant identifiant: String, eurostat: IndicateurEurostat?, niveaux: [Positionnement.Niveau],
                                          auteurId: Int64, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            let apprenant = try Self.apprenant(db, identifiant)
            try Self.verifierAccordLivret(db, apprenantId: apprenant.id!)
            _ = try Self.inserer(db, Positionnement(apprenantId: apprenant.id!, date: date, auteurId: auteurId, eurostat: eurostat, niveaux: niveaux))
        }
    }

    /// Records a Pix certification of learner `identifiant` (its `apprenantId` is set here), in one transaction.
    public func enregistrerCertification(apprenant identifiant: String, _ certification: CertificationPix) throws(ErreurBase) {
        try ecrire { db in
            let apprenant = try Self.apprenant(db, identifiant)
            try Self.verifierAccordLivret(db, apprenantId: apprenant.id!)
            var copie = certification
            copie.apprenantId = apprenant.id!
            _ = try Self.inserer(db, copie)
        }
    }

    /// Records that learner `identifiant` agrees to badges: a new dated consent whose other scopes
    /// are exactly those in force (none given on the person's behalf), read and written in one transaction.
    public func accorderBadges(apprenant identifiant: String, auteurId: Int64, date: Jour) throws(ErreurBase) -> Apprenant {
        try ecrire { db in
            let apprenant = try Self.apprenant(db, identifiant)
            if apprenant.efface { throw ErreurBase.invalide("l'identité de \(identifiant) a été effacée : plus de badge possible.") }
            let actuel = try Self.consentementEnVigueur(db, apprenantId: apprenant.id!)
            var consentement = Consentement(apprenantId: apprenant.id!, date: date, suivi: actuel?.suivi ?? false, badges: true,
                                            statistiques: actuel?.statistiques ?? false, coop: actuel?.coop ?? false, auteurId: auteurId)
            try consentement.insert(db)
            return apprenant
        }
    }
}
