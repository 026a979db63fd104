import GRDB
import LivretCore

/// A questionnaire as lists show it.
public struct ReponseLue: Sendable, Equatable {
    public var reponse: ReponseSatisfaction
    /// The learner's identifier; nil for an anonymous person.
    public var identifiant: String?
    /// « cohorte fen-2024 » or « permanence du 03/02/2020 ».
    public var contexte: String
}

/// A follow-up as lists show it.
public struct SuiviLu: Sendable, Equatable {
    public var suivi: SuiviApresAction
    public var identifiant: String
    /// The cohort's code, nil after accompaniments.
    public var cohorte: String?
}

extension Base {
    /// Records an answered questionnaire (one per person and cohort, one per accompaniment).
    @discardableResult
    public func enregistrerSatisfaction(_ r: ReponseSatisfaction, auteurId: Int64) throws(ErreurBase) -> ReponseSatisfaction {
        try ecrire { db in
            try RegleAccompagnement.verifier(r)
            var apprenantId = r.apprenantId
            if let cohorteId = r.cohorteId, let apprenantId,
               try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inscription WHERE cohorteId = ? AND apprenantId = ?", arguments: [cohorteId, apprenantId]) == 0 {
                throw ErreurBase.invalide("cette personne n'est pas inscrite dans cette cohorte.")
            }
            if let accompagnementId = r.accompagnementId {
                guard let proprietaire = try Row.fetchOne(db, sql: "SELECT apprenantId FROM accompagnement WHERE id = ?", arguments: [accompagnementId]) else {
                    throw ErreurBase.introuvable(quoi: "Accompagnement", code: String(accompagnementId))
                }
                let personne: Int64? = proprietaire["apprenantId"]
                if let apprenantId, personne != apprenantId {
                    throw ErreurBase.invalide("cet accompagnement concerne une autre personne.")
                }
                apprenantId = personne
            }
            let n = r.notes
            do {
                try db.execute(sql: """
                    INSERT INTO satisfaction (date, questionnaire, apprenantId, cohorteId, accompagnementId, mode, q1, q2, q3, q4, aide, citation,
                                              temoignage, retenu, auteurId)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [r.date, r.questionnaire, apprenantId, r.cohorteId, r.accompagnementId, r.mode.rawValue, n[0], n[1], n[2], n[3],
                                     r.aide, r.citation.rawValue, r.temoignage, r.retenu, auteurId])
            } catch let erreur as DatabaseError where erreur.resultCode == .SQLITE_CONSTRAINT {
                throw ErreurBase.invalide("un questionnaire est déjà noté pour \(r.cohorteId != nil ? "cette personne dans cette cohorte" : "cet accompagnement").")
            }
            var copie = r
            copie.id = db.lastInsertedRowID
            copie.apprenantId = apprenantId
            return copie
        }
    }

    /// Chooses, or unchooses, a testimony for the bilan (only one the person agreed to have quoted).
    public func choisirTemoignage(id: Int64, retenu: Bool) throws(ErreurBase) {
        try ecrire { db in
            guard let citation = try String.fetchOne(db, sql: "SELECT citation FROM satisfaction WHERE id = ?", arguments: [id]) else {
                throw ErreurBase.introuvable(quoi: "Questionnaire", code: String(id))
            }
            if retenu && citation == Citation.non.rawValue {
                throw ErreurBase.invalide("la personne n'a pas accepté d'être citée : ce questionnaire n'a pas de témoignage.")
            }
            try db.execute(sql: "UPDATE satisfaction SET retenu = ? WHERE id = ?", arguments: [retenu, id])
        }
    }

    /// The questionnaires, newest first; of [du, au] when given.
    public func satisfactions(du: Jour? = nil, au: Jour? = nil) throws(ErreurBase) -> [ReponseLue] {
        try lire { db in
            let debut = du ?? RegleDates.plage.lowerBound, fin = au ?? RegleDates.plage.upperBound
            return try Row.fetchAll(db, sql: """
                SELECT s.*, a.identifiant AS identifiant, c.code AS cohorte, ac.type AS typeAcc, ac.date AS dateAcc
                FROM satisfaction s LEFT JOIN apprenant a ON a.id = s.apprenantId LEFT JOIN cohorte c ON c.id = s.cohorteId
                LEFT JOIN accompagnement ac ON ac.id = s.accompagnementId
                WHERE s.date BETWEEN ? AND ? ORDER BY s.date DESC, s.id DESC
                """, arguments: [debut, fin]).map { l in
                let contexte: String
                if let cohorte = l["cohorte"] as String? {
                    contexte = "cohorte \(cohorte)"
                } else {
                    let type = TypeAccompagnement(rawValue: l["typeAcc"] as String? ?? "")?.libelle ?? "accompagnement"
                    contexte = "\(type) du \(Jour(l["dateAcc"] as String? ?? "")?.francais ?? "?")"
                }
                return ReponseLue(reponse: try Self.reponse(l), identifiant: l["identifiant"], contexte: contexte)
            }
        }
    }

    static func reponse(_ l: Row) throws -> ReponseSatisfaction {
        let id: Int64 = l["id"]
        guard let date = Jour.fromDatabaseValue(l["date"] as DatabaseValue), let mode = ModeReponse(rawValue: l["mode"]),
              let citation = Citation(rawValue: l["citation"]) else {
            throw ErreurBase.invalide("questionnaire n° \(id) illisible dans la base.")
        }
        return ReponseSatisfaction(id: id, date: date, questionnaire: l["questionnaire"], apprenantId: l["apprenantId"], cohorteId: l["cohorteId"],
                                   accompagnementId: l["accompagnementId"], mode: mode, notes: [l["q1"], l["q2"], l["q3"], l["q4"]],
                                   aide: l["aide"], citation: citation, temoignage: l["temoignage"], retenu: l["retenu"])
    }

    /// Records a follow-up (one per person, cohort — or none — and delay).
    @discardableResult
    public func enregistrerSuivi(_ s: SuiviApresAction, auteurId: Int64) throws(ErreurBase) -> SuiviApresAction {
        try ecrire { db in
            try RegleAccompagnement.verifier(s)
            if let cohorteId = s.cohorteId,
               try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inscription WHERE cohorteId = ? AND apprenantId = ?", arguments: [cohorteId, s.apprenantId]) == 0 {
                throw ErreurBase.invalide("cette personne n'est pas inscrite dans cette cohorte.")
            }
            do {
                try db.execute(sql: """
                    INSERT INTO suiviApresAction (apprenantId, cohorteId, date, delaiMois, situation, contrat, tempsPartiel, enLienFormation,
                                                  precision, motif, auteurId)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [s.apprenantId, s.cohorteId, s.date, s.delaiMois, s.situation.rawValue, s.contrat?.rawValue, s.tempsPartiel,
                                     s.enLienAvecFormation, s.precision, s.motif, auteurId])
            } catch let erreur as DatabaseError where erreur.resultCode == .SQLITE_CONSTRAINT {
                throw ErreurBase.invalide("le suivi à \(s.delaiMois) mois de cette personne est déjà noté.")
            }
            var copie = s
            copie.id = db.lastInsertedRowID
            return copie
        }
    }

    /// Follow-ups, newest first; of one learner when named.
    public func suivisApresAction(apprenantId: Int64? = nil) throws(ErreurBase) -> [SuiviLu] {
        try lire { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, a.identifiant AS identifiant, c.code AS cohorte FROM suiviApresAction s JOIN apprenant a ON a.id = s.apprenantId
                LEFT JOIN cohorte c ON c.id = s.cohorteId WHERE ?1 IS NULL OR s.apprenantId = ?1 ORDER BY s.date DESC, s.id DESC
                """, arguments: [apprenantId]).map { l in
                let id: Int64 = l["id"]
                guard let date = Jour.fromDatabaseValue(l["date"] as DatabaseValue), let situation = SituationApresAction(rawValue: l["situation"]) else {
                    throw ErreurBase.invalide("suivi n° \(id) illisible dans la base.")
                }
                let suivi = SuiviApresAction(id: id, apprenantId: l["apprenantId"], cohorteId: l["cohorteId"], date: date, delaiMois: l["delaiMois"],
                                             situation: situation, contrat: (l["contrat"] as String?).flatMap(TypeContrat.init(rawValue:)),
                                             tempsPartiel: l["tempsPartiel"], enLienAvecFormation: l["enLienFormation"],
                                             precision: l["precision"], motif: l["motif"])
                return SuiviLu(suivi: suivi, identifiant: l["identifiant"], cohorte: l["cohorte"])
            }
        }
    }

    /// The follow-ups due on `jour`: people of a cohort that ended at least `delai` months before,
    /// without a follow-up at that delay (erased people are never asked for).
    public func suivisAFaire(jour: Jour, delais: [Int] = RegleAccompagnement.delaisUsuels) throws(ErreurBase) -> [(identifiant: String, cohorte: String, delaiMois: Int, fin: Jour)] {
        try lire { db in
            var resultat: [(identifiant: String, cohorte: String, delaiMois: Int, fin: Jour)] = []
            for delai in delais.sorted() {
                let limite = jour.ajout(jours: -(delai * 365 / 12))
                for l in try Row.fetchAll(db, sql: """
                    SELECT a.identifiant AS identifiant, c.code AS cohorte, c.fin AS fin FROM inscription i
                    JOIN cohorte c ON c.id = i.cohorteId JOIN apprenant a ON a.id = i.apprenantId
                    WHERE c.fin IS NOT NULL AND c.fin <= ? AND a.efface = 0
                      AND NOT EXISTS (SELECT 1 FROM suiviApresAction s WHERE s.apprenantId = i.apprenantId AND s.cohorteId = i.cohorteId AND s.delaiMois = ?)
                    ORDER BY c.fin, c.code, a.identifiant
                    """, arguments: [limite, delai]) {
                    resultat.append((l["identifiant"], l["cohorte"], delai, Jour(l["fin"] as String)!))
                }
            }
            return resultat
        }
    }

    // MARK: - For reports

    /// Questionnaires, follow-ups and chosen testimonies of each cohort of `perimetre`, categories only:
    /// learners counted only with their agreement to statistics; testimonies only as agreed.
    public func qualiteParCohorte(_ perimetre: PerimetreRapport, du: Jour?, au: Jour?) throws(ErreurBase) -> [String: FaitsQualite] {
        let (condition, arguments) = Self.filtre(perimetre, du: du, au: au)
        return try lire { db in
            var resultat: [String: FaitsQualite] = [:]
            let accord = Self.accordStatistiques(apprenant: "a.id")
            for l in try Row.fetchAll(db, sql: """
                SELECT c.code AS code, a.sexe AS sexe, s.q1, s.q2, s.q3, s.q4, \(accord) AS accord
                FROM satisfaction s JOIN cohorte c ON c.id = s.cohorteId JOIN apprenant a ON a.id = s.apprenantId WHERE \(condition)
                """, arguments: arguments) where UsageDonnees.statistiques.autorise(portee: l["accord"]) {
                resultat[l["code"], default: FaitsQualite()].reponses.append(Self.reponseCategorisee(l))
            }
            for l in try Row.fetchAll(db, sql: """
                SELECT c.code AS code, a.sexe AS sexe, s.delaiMois, s.situation, s.tempsPartiel, s.enLienFormation, \(accord) AS accord
                FROM suiviApresAction s JOIN cohorte c ON c.id = s.cohorteId JOIN apprenant a ON a.id = s.apprenantId WHERE \(condition)
                """, arguments: arguments) where UsageDonnees.statistiques.autorise(portee: l["accord"]) {
                resultat[l["code"], default: FaitsQualite()].suivis.append(Self.suiviCategorise(l))
            }
            for l in try Row.fetchAll(db, sql: """
                SELECT c.code AS code, p.titre AS parcours, s.date AS date, s.citation, s.aide, s.temoignage, a.prenom, a.pseudonyme
                FROM satisfaction s JOIN cohorte c ON c.id = s.cohorteId JOIN parcours p ON p.id = c.parcoursId JOIN apprenant a ON a.id = s.apprenantId
                WHERE \(condition) AND s.retenu = 1 AND s.citation <> 'non' ORDER BY s.date, s.id
                """, arguments: arguments) {
                if let t = Self.temoignage(l, contexte: "parcours « \(l["parcours"] as String) »") {
                    resultat[l["code"], default: FaitsQualite()].temoignages.append(t)
                }
            }
            return resultat
        }
    }

    /// The same for what lies outside cohorts in [du, au] (every day when nil): questionnaires after
    /// accompaniments (anonymous people counted by the sex given), follow-ups outside a cohort.
    public func qualiteHorsCohortes(du: Jour?, au: Jour?) throws(ErreurBase) -> FaitsQualite {
        let debut = du ?? RegleDates.plage.lowerBound, fin = au ?? RegleDates.plage.upperBound
        return try lire { db in
            var resultat = FaitsQualite()
            let accord = Self.accordStatistiques(apprenant: "a.id")
            for l in try Row.fetchAll(db, sql: """
                SELECT COALESCE(a.sexe, ac.sexe) AS sexe, s.q1, s.q2, s.q3, s.q4, CASE WHEN a.id IS NULL THEN 1 ELSE \(accord) END AS accord
                FROM satisfaction s JOIN accompagnement ac ON ac.id = s.accompagnementId LEFT JOIN apprenant a ON a.id = s.apprenantId
                WHERE s.date BETWEEN ? AND ?
                """, arguments: [debut, fin]) where UsageDonnees.statistiques.autorise(portee: l["accord"]) {
                resultat.reponses.append(Self.reponseCategorisee(l))
            }
            for l in try Row.fetchAll(db, sql: """
                SELECT a.sexe AS sexe, s.delaiMois, s.situation, s.tempsPartiel, s.enLienFormation, \(accord) AS accord
                FROM suiviApresAction s JOIN apprenant a ON a.id = s.apprenantId WHERE s.cohorteId IS NULL AND s.date BETWEEN ? AND ?
                """, arguments: [debut, fin]) where UsageDonnees.statistiques.autorise(portee: l["accord"]) {
                resultat.suivis.append(Self.suiviCategorise(l))
            }
            for l in try Row.fetchAll(db, sql: """
                SELECT ac.type AS type, ac.date AS dateAcc, s.citation, s.aide, s.temoignage, a.prenom, a.pseudonyme
                FROM satisfaction s JOIN accompagnement ac ON ac.id = s.accompagnementId LEFT JOIN apprenant a ON a.id = s.apprenantId
                WHERE s.date BETWEEN ? AND ? AND s.retenu = 1 AND s.citation <> 'non' ORDER BY s.date, s.id
                """, arguments: [debut, fin]) {
                let type = TypeAccompagnement(rawValue: l["type"])?.libelle ?? "accompagnement"
                let jour = Jour(l["dateAcc"] as String)
                if let t = Self.temoignage(l, contexte: "\(type), \(jour.map(Self.moisAnnee) ?? "")") { resultat.temoignages.append(t) }
            }
            return resultat
        }
    }

    static func reponseCategorisee(_ l: Row) -> FaitsQualite.Reponse {
        FaitsQualite.Reponse(sexe: Sexe(rawValue: l["sexe"]) ?? .nonCommunique, notes: [l["q1"], l["q2"], l["q3"], l["q4"]])
    }

    static func suiviCategorise(_ l: Row) -> FaitsQualite.Suivi {
        FaitsQualite.Suivi(sexe: Sexe(rawValue: l["sexe"]) ?? .nonCommunique, delaiMois: l["delaiMois"],
                           situation: SituationApresAction(rawValue: l["situation"]) ?? .autre,
                           tempsPartiel: l["tempsPartiel"] ?? false, enLien: l["enLienFormation"] ?? false)
    }

    /// A testimony as quoted: without identity unless the person agreed to her first name.
    static func temoignage(_ l: Row, contexte: String) -> TemoignagePublie? {
        guard let texte = (l["temoignage"] as String?) ?? (l["aide"] as String?) else { return nil }
        let prenom = (l["pseudonyme"] as String?) ?? (l["prenom"] as String?)
        let signature = l["citation"] == Citation.prenom.rawValue ? prenom ?? "une personne accompagnée" : "une personne accompagnée"
        return TemoignagePublie(texte: texte, signature: signature, contexte: contexte)
    }

    static func moisAnnee(_ j: Jour) -> String {
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"][j.mois - 1] + " \(j.annee)"
    }
}
