import GRDB
import LivretCore

extension Base {
    /// The parcours with this code, instantiating it from `modele` the first time.
    @discardableResult
    public func parcours(depuis modele: ModeleParcours, code: String? = nil) throws(ErreurBase) -> Parcours {
        try ecrire { db in
            let code = code ?? modele.code
            if let existant = try Parcours.filter(Column("code") == code).fetchOne(db) { return existant }
            var parcours = Parcours(modele: modele, code: code)
            try parcours.insert(db)
            return parcours
        }
    }

    public func parcours(id: Int64) throws(ErreurBase) -> Parcours {
        let trouve = try lire { db in try Parcours.fetchOne(db, key: id) }
        guard let trouve else { throw .introuvable(quoi: "Parcours", code: String(id)) }
        return trouve
    }

    /// Creates cohort `code` of the parcours following `modele` (instantiated the first time), in one transaction.
    public func creerCohorte(code: String, modele: ModeleParcours, titre: String?, debut: Jour, fin: Jour?, auteurId: Int64) throws(ErreurBase) -> Cohorte {
        try ecrire { db in
            try Cohorte.verifierDates(debut: debut, fin: fin)
            try RegleTexte.verifierCode(code, champ: "le code de la cohorte")
            if let titre { try RegleTexte.verifier(titre, champ: "le titre de la cohorte", maximum: RegleTexte.longueurNom) }
            if try Cohorte.filter(Column("code") == code).fetchCount(db) > 0 { throw ErreurBase.dejaExistant(quoi: "La cohorte", code: code) }
            var parcours = try Parcours.filter(Column("code") == modele.code).fetchOne(db) ?? Parcours(modele: modele)
            if parcours.id == nil { try parcours.insert(db) }
            var cohorte = Cohorte(code: code, parcoursId: parcours.id!, titre: titre ?? modele.entete.titre, debut: debut, fin: fin, creePar: auteurId)
            try cohorte.insert(db)
            return cohorte
        }
    }

    public func creerCohorte(_ cohorte: Cohorte) throws(ErreurBase) -> Cohorte {
        try ecrire { db in
            try RegleTexte.verifierCode(cohorte.code, champ: "le code de la cohorte")
            if try Cohorte.filter(Column("code") == cohorte.code).fetchCount(db) > 0 {
                throw ErreurBase.dejaExistant(quoi: "La cohorte", code: cohorte.code)
            }
            var copie = cohorte
            try copie.insert(db)
            return copie
        }
    }

    public func cohorte(_ code: String) throws(ErreurBase) -> Cohorte {
        let trouvee = try lire { db in try Cohorte.filter(Column("code") == code).fetchOne(db) }
        guard let trouvee else { throw .introuvable(quoi: "Cohorte", code: code) }
        return trouvee
    }

    /// Every parcours, by code.
    public func tousLesParcours() throws(ErreurBase) -> [Parcours] {
        try lire { db in try Parcours.order(Column("code")).fetchAll(db) }
    }

    public func cohortes() throws(ErreurBase) -> [Cohorte] {
        try lire { db in try Cohorte.order(Column("debut"), Column("code")).fetchAll(db) }
    }

    /// Closes a cohort: no more séances or attendance.
    public func cloturerCohorte(_ code: String, auteurId: Int64, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            guard var cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else {
                throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
            }
            if cohorte.cloturee { throw ErreurBase.invalide("la cohorte « \(code) » est déjà clôturée.") }
            cohorte.cloturee = true
            cohorte.fin = cohorte.fin ?? date
            try cohorte.update(db)
            try Self.journaliser(db, date: date, auteurId: auteurId, action: "cloture", cible: code)
        }
    }

    /// Enrols learners in a cohort (status "inscrit"); all or nothing.
    public func inscrire(identifiants: [String], cohorte code: String, auteurId: Int64, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            guard let cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else {
                throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
            }
            if cohorte.cloturee { throw ErreurBase.invalide("la cohorte « \(code) » est clôturée.") }
            for identifiant in identifiants {
                guard let apprenant = try Apprenant.filter(Column("identifiant") == identifiant).fetchOne(db) else {
                    throw ErreurBase.introuvable(quoi: "Apprenant", code: identifiant)
                }
                try Self.inscrire(db, apprenantId: apprenant.id!, identifiant: identifiant, cohorte: cohorte, auteurId: auteurId, date: date)
            }
        }
    }

    /// Moves an inscription to a new status, checking the allowed transitions (an abandon needs a motif),
    /// and records the positive outcome when one is given; one transaction.
    public func changerStatut(apprenant identifiant: String, cohorte code: String, statut: StatutInscription,
                              motif: String? = nil, sortie: TypeSortie? = nil, auteurId: Int64, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            let inscription = try Self.inscription(db, identifiant, code)
            try Self.changerStatut(db, inscription: inscription, statut: statut, motif: motif, auteurId: auteurId, date: date)
            if let sortie {
                var ligne = Sortie(inscriptionId: inscription.id!, type: sortie, date: date, auteurId: auteurId)
                try ligne.insert(db)
            }
        }
    }

    static func changerStatut(_ db: Database, inscription: Inscription, statut: StatutInscription, motif: String?, auteurId: Int64, date: Jour) throws {
        let actuel = try EtapeInscription.filter(Column("inscriptionId") == inscription.id).order(Column("id").desc).fetchOne(db)?.statut ?? .inscrit
        let critere = statut == .termine ? try critereAchevement(db, inscription: inscription, au: date) : nil
        try RegleStatut.verifierPassage(de: actuel, vers: statut, motif: motif, critere: critere)
        var etape = EtapeInscription(inscriptionId: inscription.id!, statut: statut, motif: motif, date: date, auteurId: auteurId)
        try etape.insert(db)
    }

    /// The critère d'achèvement of an inscription on day `jour`, evaluated by Core from the facts.
    static func critereAchevement(_ db: Database, inscription: Inscription, au jour: Jour) throws -> CritereAchevement {
        guard let parcours = try Parcours.fetchOne(db, sql: """
            SELECT parcours.* FROM parcours JOIN cohorte ON cohorte.parcoursId = parcours.id WHERE cohorte.id = ?
            """, arguments: [inscription.cohorteId]) else { throw ErreurBase.introuvable(quoi: "Cohorte", code: String(inscription.cohorteId)) }
        let heures = try heuresCohortes(db, cohorteId: inscription.cohorteId, au: jour)[inscription.cohorteId] ?? HeuresCohorte()
        let minutes = try Int.fetchOne(db, sql: "SELECT minutesSuivies FROM suiviInscription WHERE inscriptionId = ?", arguments: [inscription.id]) ?? 0
        let certifie = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM certificationPix WHERE apprenantId = ? AND statut = 'validee')",
                                         arguments: [inscription.apprenantId]) ?? false
        return CritereAchevement.evaluer(parcours: parcours, heures: HeuresSuivi(minutesSuivies: minutes, cohorte: heures, heuresParcours: parcours.heuresPrevues),
                                         certifie: certifie)
    }

    /// Corrects a status recorded by mistake (``RegleStatut/verifierCorrection``): a new step with
    /// the motif, the wrong one kept in the history; one transaction.
    public func corrigerStatut(apprenant identifiant: String, cohorte code: String, statut: StatutInscription, motif: String,
                               auteurId: Int64, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            let inscription = try Self.inscription(db, identifiant, code)
            let actuel = try EtapeInscription.filter(Column("inscriptionId") == inscription.id).order(Column("id").desc).fetchOne(db)?.statut ?? .inscrit
            try RegleStatut.verifierCorrection(de: actuel, vers: statut, motif: motif)
            var etape = EtapeInscription(inscriptionId: inscription.id!, statut: statut, motif: "correction : \(motif)", date: date, auteurId: auteurId)
            try etape.insert(db)
            try Self.journaliser(db, date: date, auteurId: auteurId, action: "statut-corrige", cible: "\(identifiant) / \(code)",
                                 detail: "\(actuel.libelle) → \(statut.libelle) : \(motif)")
        }
    }

    /// Records a positive outcome when a learner leaves a cohort.
    public func enregistrerSortie(apprenant identifiant: String, cohorte code: String, type: TypeSortie, note: String?,
                                  auteurId: Int64, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            let inscription = try Self.inscription(db, identifiant, code)
            var sortie = Sortie(inscriptionId: inscription.id!, type: type, date: date, note: note, auteurId: auteurId)
            try sortie.insert(db)
        }
    }

    static func inscription(_ db: Database, _ identifiant: String, _ code: String) throws -> Inscription {
        let ligne = try Inscription.fetchOne(db, sql: """
            SELECT inscription.* FROM inscription
            JOIN apprenant ON apprenant.id = inscription.apprenantId
            JOIN cohorte ON cohorte.id = inscription.cohorteId
            WHERE apprenant.identifiant = ? AND cohorte.code = ?
            """, arguments: [identifiant, code])
        guard let ligne else { throw ErreurBase.introuvable(quoi: "Inscription de l'apprenant dans la cohorte", code: "\(identifiant) / \(code)") }
        return ligne
    }

    /// Adds a séance to an open cohort, within its dates unless `horsDates` (``RegleSeance``).
    @discardableResult
    public func ajouterSeance(cohorte code: String, date: Jour, minutesPrevues: Int, theme: String?, horsDates: Bool = false,
                              auteurId: Int64) throws(ErreurBase) -> Seance {
        try ecrire { db in
            guard let cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else {
                throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
            }
            try RegleSeance.verifierDuree(minutesPrevues)
            try RegleSeance.verifierDate(date, cohorte: cohorte, horsDates: horsDates)
            var seance = Seance(cohorteId: cohorte.id!, date: date, minutesPrevues: minutesPrevues, theme: theme, creePar: auteurId)
            try seance.insert(db)
            // Outside the cohort's dates (before its start, or after its end when it has one).
            // Not a range: a cohort without an end and a date before its start made one with its
            // bounds reversed, and crashed.
            if horsDates && (date < cohorte.debut || cohorte.fin.map { date > $0 } == true) {
                try Self.journaliser(db, date: date, auteurId: auteurId, action: "seance-hors-dates", cible: code,
                                     detail: "séance n° \(seance.id!) du \(date.francais)")
            }
            return seance
        }
    }

    /// The séances of cohort `code`, by date (the cohort found in the same read).
    public func seances(cohorte code: String) throws(ErreurBase) -> [Seance] {
        try lire { db in
            guard let cohorte = try Cohorte.filter(Column("code") == code).fetchOne(db) else { throw ErreurBase.introuvable(quoi: "Cohorte", code: code) }
            return try Seance.filter(Column("cohorteId") == cohorte.id).order(Column("date"), Column("id")).fetchAll(db)
        }
    }

    public func seances(cohorteId: Int64) throws(ErreurBase) -> [Seance] {
        try lire { db in try Seance.filter(Column("cohorteId") == cohorteId).order(Column("date"), Column("id")).fetchAll(db) }
    }

    /// Records the attendance of a whole séance at once (replacing what was typed before for it).
    /// A learner's first presence moves their inscription from "inscrit" to "en cours".
    public func saisirPresences(seanceId: Int64, _ presences: [(identifiant: String, statut: StatutPresence, minutes: Int?)],
                                auteurId: Int64, date: Jour) throws(ErreurBase) {
        try ecrire { db in
            guard let seance = try Seance.fetchOne(db, key: seanceId) else {
                throw ErreurBase.introuvable(quoi: "Séance", code: String(seanceId))
            }
            for saisie in presences {
                guard let apprenant = try Apprenant.filter(Column("identifiant") == saisie.identifiant).fetchOne(db),
                      let inscription = try Inscription.filter(Column("cohorteId") == seance.cohorteId && Column("apprenantId") == apprenant.id).fetchOne(db)
                else {
                    throw ErreurBase.invalide("« \(saisie.identifiant) » n'est pas inscrit dans la cohorte de cette séance.")
                }
                let minutes = try RegleSeance.minutesPresence(statut: saisie.statut, saisies: saisie.minutes, seance: seance.minutesPrevues,
                                                              qui: saisie.identifiant)
                // A line already recorded and now changed is a correction: the journal keeps what it was.
                if let avant = try Row.fetchOne(db, sql: "SELECT statut, minutes FROM presence WHERE seanceId = ? AND apprenantId = ?",
                                                arguments: [seanceId, apprenant.id!]),
                   (avant["statut"] as String) != saisie.statut.rawValue || (avant["minutes"] as Int) != minutes {
                    let ancien = StatutPresence(rawValue: avant["statut"])?.libelle ?? (avant["statut"] as String)
                    try Self.journaliser(db, date: date, auteurId: auteurId, action: "presence-corrigee", cible: saisie.identifiant,
                                         detail: "séance n° \(seanceId) du \(seance.date.francais) : \(ancien) \(avant["minutes"] as Int) min → \(saisie.statut.libelle) \(minutes) min")
                }
                try db.execute(sql: """
                    INSERT INTO presence (seanceId, apprenantId, statut, minutes, auteurId, cohorteId) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (seanceId, apprenantId) DO UPDATE SET statut = excluded.statut, minutes = excluded.minutes, auteurId = excluded.auteurId
                    """, arguments: [seanceId, apprenant.id!, saisie.statut, minutes, auteurId, seance.cohorteId])
                if saisie.statut == .present {
                    let actuel = try EtapeInscription.filter(Column("inscriptionId") == inscription.id).order(Column("id").desc).fetchOne(db)?.statut
                    if actuel == .inscrit {
                        try Self.changerStatut(db, inscription: inscription, statut: .enCours, motif: nil, auteurId: auteurId, date: date)
                    }
                }
            }
        }
    }
}
