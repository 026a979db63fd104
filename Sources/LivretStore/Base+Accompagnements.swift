import GRDB
import LivretCore

/// An accompaniment as lists show it: with the learner's identifier and the intervenant's name.
public struct AccompagnementLu: Sendable, Equatable {
    public var accompagnement: Accompagnement
    /// The learner's public identifier; nil for an anonymous person.
    public var identifiant: String?
    /// The learner's name as shown (pseudonym, first name…); nil for an anonymous person.
    public var nom: String?
    public var intervenant: String
}

extension Base {
    /// Records accompaniments — one from the command line, a day's permanence from the terminal
    /// UI, a paper sign-in sheet from a CSV file — all in one transaction.
    /// - Parameter feuille: the file a sign-in sheet came from and the digest of its bytes: a sheet
    ///   already imported is refused, nothing written.
    @discardableResult
    public func ajouterAccompagnements(_ liste: [Accompagnement], auteurId: Int64, date: Jour,
                                       feuille: (fichier: String, empreinte: String)? = nil) throws(ErreurBase) -> [Accompagnement] {
        try ecrire { db in
            if let feuille {
                if let deja = try Row.fetchOne(db, sql: "SELECT date, nombre FROM importAccompagnements WHERE empreinte = ?", arguments: [feuille.empreinte]) {
                    let jour = Jour(deja["date"] as String)?.francais ?? "?"
                    throw ErreurBase.invalide("cette feuille a déjà été importée le \(jour) (\(deja["nombre"] as Int) accompagnements) : "
                                              + "rien n'est importé deux fois. Si c'est une autre feuille, vérifiez qu'elle n'est pas une copie de la première.")
                }
                try db.execute(sql: "INSERT INTO importAccompagnements (fichier, empreinte, date, auteurId, nombre) VALUES (?, ?, ?, ?, ?)",
                               arguments: [feuille.fichier, feuille.empreinte, date, auteurId, liste.count])
            }
            var resultat: [Accompagnement] = []
            for a in liste {
                try RegleAccompagnement.verifier(a)
                resultat.append(try Self.inserer(db, a, auteurId: auteurId))
            }
            if !resultat.isEmpty {
                try Self.journaliser(db, date: date, auteurId: auteurId, action: "accompagnements",
                                    cible: nil, detail: "\(resultat.count) accompagnement\(resultat.count > 1 ? "s" : "") noté\(resultat.count > 1 ? "s" : "")")
            }
            return resultat
        }
    }

    static func inserer(_ db: Database, _ a: Accompagnement, auteurId: Int64) throws -> Accompagnement {
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM formateur WHERE id = ?", arguments: [a.intervenantId]) == 0 {
            throw ErreurBase.introuvable(quoi: "Intervenant", code: String(a.intervenantId))
        }
        if let apprenantId = a.apprenantId {
            let efface = try Bool.fetchOne(db, sql: "SELECT efface FROM apprenant WHERE id = ?", arguments: [apprenantId])
            guard let efface else { throw ErreurBase.introuvable(quoi: "Apprenant", code: String(apprenantId)) }
            if efface { throw ErreurBase.invalide("cette personne a été effacée : notez l'accompagnement comme anonyme.") }
        }
        try db.execute(sql: """
            INSERT INTO accompagnement (date, minutes, type, lieu, lieuNom, intervenantId, apprenantId, sexe, naissanceMin, naissanceMax,
                                        autonomie, materiel, note, auteurId, orientation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.date, a.minutes, a.type.rawValue, a.lieu.rawValue, a.lieuNom, a.intervenantId, a.apprenantId,
                             a.anonyme?.sexe.rawValue, a.anonyme?.naissance?.lowerBound, a.anonyme?.naissance?.upperBound,
                             a.autonomie?.rawValue, a.materiel.map(\.rawValue).joined(separator: ","), a.note, auteurId,
                             a.orientation?.rawValue])
        var copie = a
        copie.id = db.lastInsertedRowID
        for t in Set(a.thematiques) {
            try db.execute(sql: "INSERT INTO accompagnementTheme VALUES (?, 'coop', ?)", arguments: [copie.id, t.rawValue])
        }
        for code in Set(a.itemsAptic) {
            try db.execute(sql: "INSERT INTO accompagnementTheme VALUES (?, 'aptic', ?)", arguments: [copie.id, code])
        }
        return copie
    }

    /// The accompaniments of [du, au] (every day when nil), oldest first; of one learner when named;
    /// only accompaniment `id` when given.
    public func accompagnements(du: Jour? = nil, au: Jour? = nil, apprenantId: Int64? = nil, id: Int64? = nil) throws(ErreurBase) -> [AccompagnementLu] {
        try lire { db in
            var conditions = ["1 = 1"]
            var arguments: StatementArguments = []
            if let du { conditions.append("ac.date >= ?"); _ = arguments.append(contentsOf: [du]) }
            if let au { conditions.append("ac.date <= ?"); _ = arguments.append(contentsOf: [au]) }
            if let apprenantId { conditions.append("ac.apprenantId = ?"); _ = arguments.append(contentsOf: [apprenantId]) }
            if let id { conditions.append("ac.id = ?"); _ = arguments.append(contentsOf: [id]) }
            let lignes = try Row.fetchAll(db, sql: """
                SELECT ac.*, a.identifiant AS identifiant, COALESCE(a.pseudonyme, TRIM(COALESCE(a.prenom, '') || ' ' || COALESCE(a.nom, ''))) AS nomAffiche,
                       f.nom AS intervenant,
                       (SELECT group_concat(referentiel || ':' || code, ',') FROM accompagnementTheme t WHERE t.accompagnementId = ac.id) AS themes
                FROM accompagnement ac JOIN formateur f ON f.id = ac.intervenantId LEFT JOIN apprenant a ON a.id = ac.apprenantId
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY ac.date, ac.id
                """, arguments: arguments)
            return try lignes.map { ligne in
                let nom: String? = ligne["nomAffiche"]
                return AccompagnementLu(accompagnement: try Self.accompagnement(ligne), identifiant: ligne["identifiant"],
                                        nom: nom.flatMap { $0.isEmpty ? nil : $0 }, intervenant: ligne["intervenant"])
            }
        }
    }

    static func accompagnement(_ ligne: Row) throws -> Accompagnement {
        let id: Int64 = ligne["id"]
        guard let date = Jour.fromDatabaseValue(ligne["date"] as DatabaseValue), let type = TypeAccompagnement(rawValue: ligne["type"]),
              let lieu = LieuAccompagnement(rawValue: ligne["lieu"]) else {
            throw ErreurBase.invalide("accompagnement n° \(id) illisible dans la base.")
        }
        let themes = (ligne["themes"] as String?)?.split(separator: ",").map { $0.split(separator: ":", maxSplits: 1).map(String.init) } ?? []
        let sexe: String? = ligne["sexe"]
        let min: Int? = ligne["naissanceMin"], max: Int? = ligne["naissanceMax"]
        return Accompagnement(
            id: id, date: date, minutes: ligne["minutes"], type: type, lieu: lieu, lieuNom: ligne["lieuNom"], intervenantId: ligne["intervenantId"],
            apprenantId: ligne["apprenantId"],
            anonyme: sexe.map { PersonneAnonyme(sexe: Sexe(rawValue: $0) ?? .nonCommunique, naissance: min.flatMap { a in max.map { a...$0 } }) },
            thematiques: themes.filter { $0.first == "coop" }.compactMap { ThematiqueCoop(rawValue: $0.last!) }.sorted { $0.rawValue < $1.rawValue },
            itemsAptic: themes.filter { $0.first == "aptic" }.map { $0.last! }.sorted(),
            autonomie: (ligne["autonomie"] as String?).flatMap(Autonomie.init(rawValue:)),
            materiel: (ligne["materiel"] as String? ?? "").split(separator: ",").compactMap { Materiel(rawValue: String($0)) },
            note: ligne["note"],
            orientation: (ligne["orientation"] as String?).flatMap(Orientation.init(rawValue:)))
    }

    /// Deletes an accompaniment recorded by mistake, with its themes; refused when evidence or a
    /// questionnaire comes from it. The journal keeps its day, length, who did it and why.
    public func supprimerAccompagnement(id: Int64, motif: String, auteurId: Int64, date: Jour) throws(ErreurBase) -> Accompagnement {
        try ecrire { db in
            guard let ligne = try Row.fetchOne(db, sql: "SELECT *, NULL AS themes FROM accompagnement WHERE id = ?", arguments: [id]) else {
                throw ErreurBase.introuvable(quoi: "Accompagnement", code: String(id))
            }
            let a = try Self.accompagnement(ligne)
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM preuve WHERE accompagnementId = ?", arguments: [id]) ?? 0 > 0 {
                throw ErreurBase.invalide("une preuve vient de cet accompagnement : retirez-la d'abord, ou gardez l'accompagnement.")
            }
            try db.execute(sql: "DELETE FROM satisfaction WHERE accompagnementId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM accompagnementTheme WHERE accompagnementId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM accompagnement WHERE id = ?", arguments: [id])
            try Self.journaliser(db, date: date, auteurId: auteurId, action: "suppression accompagnement", cible: String(id),
                                detail: "\(a.type.libelle) du \(a.date.francais), \(a.minutes) min — \(motif)")
            return a
        }
    }

    /// Whether anything outside cohorts (accompaniments, their questionnaires, follow-ups outside a
    /// cohort) falls in [du, au] (every day when nil).
    public func aDesActivitesHorsCohortes(du: Jour?, au: Jour?) throws(ErreurBase) -> Bool {
        try lire { db in
            let debut = du ?? RegleDates.plage.lowerBound, fin = au ?? RegleDates.plage.upperBound
            return try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM accompagnement WHERE date BETWEEN ?1 AND ?2)
                    OR EXISTS (SELECT 1 FROM suiviApresAction WHERE cohorteId IS NULL AND date BETWEEN ?1 AND ?2)
                """, arguments: [debut, fin]) ?? false
        }
    }
}
