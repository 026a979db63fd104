import GRDB
import LivretCore

extension Base {
    /// Appends a preuve (a correction names the preuve it replaces, which must be the same learner's).
    @discardableResult
    public func ajouterPreuve(_ preuve: Preuve) throws(ErreurBase) -> Preuve {
        try ecrire { db in
            try Self.verifierAccordLivret(db, apprenantId: preuve.apprenantId)
            if let remplace = preuve.remplace {
                guard let ancienne = try Preuve.fetchOne(db, key: remplace), ancienne.apprenantId == preuve.apprenantId else {
                    throw ErreurBase.introuvable(quoi: "Preuve à remplacer", code: String(remplace))
                }
            }
            var copie = preuve
            try copie.insert(db)
            return copie
        }
    }

    /// Adds many preuves in one transaction (imports, demo, benchmark).
    public func ajouterPreuves(_ preuves: [Preuve]) throws(ErreurBase) {
        try ecrire { db in
            for apprenantId in Set(preuves.map(\.apprenantId)) { try Self.verifierAccordLivret(db, apprenantId: apprenantId) }
            for var preuve in preuves { try preuve.insert(db) }
        }
    }

    public func preuves(apprenantId: Int64) throws(ErreurBase) -> [Preuve] {
        try lire { db in try Preuve.filter(Column("apprenantId") == apprenantId).order(Column("date"), Column("id")).fetchAll(db) }
    }

    /// Records a diagnostic with its levels.
    @discardableResult
    public func enregistrerPositionnement(_ positionnement: Positionnement) throws(ErreurBase) -> Int64 {
        try ecrire { db in
            try Self.verifierAccordLivret(db, apprenantId: positionnement.apprenantId)
            return try Self.inserer(db, positionnement)
        }
    }

    static func inserer(_ db: Database, _ positionnement: Positionnement) throws -> Int64 {
        let e = positionnement.eurostat
        try db.execute(sql: """
            INSERT INTO positionnement (apprenantId, date, auteurId, eurostatInformation, eurostatCommunication, eurostatResolution, eurostatLogiciels)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [positionnement.apprenantId, positionnement.date, positionnement.auteurId,
                             e?.information, e?.communication, e?.resolution, e?.logiciels])
        let id = db.lastInsertedRowID
        for niveau in positionnement.niveaux {
            try db.execute(sql: "INSERT INTO positionnementNiveau (positionnementId, referentiel, code, niveau) VALUES (?, ?, ?, ?)",
                           arguments: [id, niveau.referentiel, niveau.code, niveau.niveau])
        }
        return id
    }

    public func positionnements(apprenantId: Int64) throws(ErreurBase) -> [Positionnement] {
        try lire { db in
            try Row.fetchAll(db, sql: "SELECT * FROM positionnement WHERE apprenantId = ? ORDER BY date, id", arguments: [apprenantId]).map { ligne in
                let id: Int64 = ligne["id"]
                var eurostat: IndicateurEurostat?
                if let i: Int = ligne["eurostatInformation"], let c: Int = ligne["eurostatCommunication"],
                   let r: Int = ligne["eurostatResolution"], let l: Int = ligne["eurostatLogiciels"] {
                    eurostat = IndicateurEurostat(information: i, communication: c, resolution: r, logiciels: l)
                }
                let niveaux = try Row.fetchAll(db, sql: "SELECT referentiel, code, niveau FROM positionnementNiveau WHERE positionnementId = ? ORDER BY referentiel, code",
                                               arguments: [id]).map { Positionnement.Niveau(referentiel: $0["referentiel"], code: $0["code"], niveau: $0["niveau"]) }
                return Positionnement(id: id, apprenantId: ligne["apprenantId"], date: ligne["date"], auteurId: ligne["auteurId"],
                                      eurostat: eurostat, niveaux: niveaux)
            }
        }
    }

    /// Stores a dated Pix profile snapshot.
    @discardableResult
    public func enregistrerProfilPix(_ profil: ProfilPix) throws(ErreurBase) -> Int64 {
        try ecrire { db in
            try Self.verifierAccordLivret(db, apprenantId: profil.apprenantId)
            return try Self.inserer(db, profil)
        }
    }

    static func inserer(_ db: Database, _ profil: ProfilPix) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO profilPix (apprenantId, date, source, empreinte, campagne, partage, progression, maitrise, genre, badgeCleA)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [profil.apprenantId, profil.date, profil.source, profil.empreinte, profil.campagne, profil.partage,
                             profil.progression, profil.maitrise, profil.genre?.rawValue, profil.badgeCleA])
        let id = db.lastInsertedRowID
        for (competence, niveau) in profil.niveaux.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO profilPixCompetence (profilId, competence, niveau, pix) VALUES (?, ?, ?, ?)",
                           arguments: [id, competence, niveau, profil.pix[competence]])
        }
        return id
    }

    public func profilsPix(apprenantId: Int64) throws(ErreurBase) -> [ProfilPix] {
        try lire { db in
            try Row.fetchAll(db, sql: "SELECT * FROM profilPix WHERE apprenantId = ? ORDER BY date, id", arguments: [apprenantId]).map { ligne in
                let id: Int64 = ligne["id"]
                var niveaux: [String: Int] = [:]
                var pix: [String: Int] = [:]
                for c in try Row.fetchAll(db, sql: "SELECT competence, niveau, pix FROM profilPixCompetence WHERE profilId = ?", arguments: [id]) {
                    niveaux[c["competence"]] = c["niveau"]
                    if let p: Int = c["pix"] { pix[c["competence"]] = p }
                }
                return ProfilPix(id: id, apprenantId: ligne["apprenantId"], date: ligne["date"], source: ligne["source"],
                                 empreinte: ligne["empreinte"], campagne: ligne["campagne"], partage: ligne["partage"],
                                 niveaux: niveaux, pix: pix, progression: ligne["progression"], maitrise: ligne["maitrise"],
                                 genre: (ligne["genre"] as String?).flatMap(ExportPixOrga.Genre.init(rawValue:)), badgeCleA: ligne["badgeCleA"])
            }
        }
    }

    /// Records a Pix certification; its verification code and Pix Certif number must be new.
    @discardableResult
    public func enregistrerCertification(_ certification: CertificationPix) throws(ErreurBase) -> Int64 {
        try ecrire { db in
            try Self.verifierAccordLivret(db, apprenantId: certification.apprenantId)
            return try Self.inserer(db, certification)
        }
    }

    /// Refuses, in French, a write of the skills follow-up for a learner who did not agree to it.
    static func verifierAccordLivret(_ db: Database, apprenantId: Int64) throws {
        let identifiant = try String.fetchOne(db, sql: "SELECT identifiant FROM apprenant WHERE id = ?", arguments: [apprenantId]) ?? String(apprenantId)
        try UsageDonnees.livret.verifier(try consentementEnVigueur(db, apprenantId: apprenantId), qui: identifiant)
    }

    static func inserer(_ db: Database, _ certification: CertificationPix) throws -> Int64 {
        if let code = certification.code,
           try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificationPix WHERE code = ?", arguments: [code]) ?? 0 > 0 {
            throw ErreurBase.dejaExistant(quoi: "La certification", code: code)
        }
        if let numero = certification.numero,
           try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificationPix WHERE numero = ?", arguments: [numero]) ?? 0 > 0 {
            throw ErreurBase.dejaExistant(quoi: "La certification n°", code: numero)
        }
        try db.execute(sql: """
            INSERT INTO certificationPix (apprenantId, code, numero, statut, session, date, centre, score, palier, auteurId, clea, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [certification.apprenantId, certification.code, certification.numero, certification.statut.rawValue,
                             certification.session, certification.date, certification.centre, certification.score,
                             certification.palier, certification.auteurId, certification.clea?.rawValue, certification.source])
        let id = db.lastInsertedRowID
        for (competence, niveau) in certification.niveaux.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO certificationPixCompetence (certificationId, competence, niveau) VALUES (?, ?, ?)",
                           arguments: [id, competence, niveau])
        }
        return id
    }

    static func certification(_ ligne: Row, niveaux: [String: Int]) -> CertificationPix {
        CertificationPix(id: ligne["id"], apprenantId: ligne["apprenantId"], code: ligne["code"], numero: ligne["numero"],
                         statut: CertificationPix.Statut(rawValue: ligne["statut"]) ?? .validee, session: ligne["session"],
                         date: ligne["date"], centre: ligne["centre"], score: ligne["score"], palier: ligne["palier"],
                         niveaux: niveaux, auteurId: ligne["auteurId"],
                         clea: (ligne["clea"] as String?).flatMap(ResultatCleA.init(rawValue:)), source: ligne["source"])
    }

    public func certifications(apprenantId: Int64) throws(ErreurBase) -> [CertificationPix] {
        try lire { db in
            try Row.fetchAll(db, sql: "SELECT * FROM certificationPix WHERE apprenantId = ? ORDER BY date, id", arguments: [apprenantId]).map { ligne in
                let id: Int64 = ligne["id"]
                var niveaux: [String: Int] = [:]
                for c in try Row.fetchAll(db, sql: "SELECT competence, niveau FROM certificationPixCompetence WHERE certificationId = ?", arguments: [id]) {
                    niveaux[c["competence"]] = c["niveau"]
                }
                return Self.certification(ligne, niveaux: niveaux)
            }
        }
    }
}
