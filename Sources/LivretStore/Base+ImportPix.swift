import GRDB
import LivretCore

extension Base {
    /// The learners a Pix import may match: those of `cohorte`, or all.
    static func candidats(_ db: Database, cohorte code: String?) throws -> [Apprenant] {
        guard let code else { return try Apprenant.fetchAll(db) }
        guard try Cohorte.filter(Column("code") == code).fetchCount(db) > 0 else {
            throw ErreurBase.introuvable(quoi: "Cohorte", code: code)
        }
        return try Apprenant.fetchAll(db, sql: """
            SELECT apprenant.* FROM apprenant JOIN inscription ON inscription.apprenantId = apprenant.id
            JOIN cohorte ON cohorte.id = inscription.cohorteId WHERE cohorte.code = ?
            """, arguments: [code])
    }

    /// Whether this learner already has the snapshot of this campaign taken that day (shared or not):
    /// what makes a second import add nothing, whatever the file's bytes (line endings, one more participant).
    static func instantaneConnu(_ db: Database, apprenantId: Int64, campagne: String, date: Jour, partage: Bool) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM profilPix WHERE apprenantId = ? AND campagne = ? AND date = ? AND partage = ?)
            """, arguments: [apprenantId, campagne, date, partage]) ?? false
    }

    /// Matches every participant, creating the unmatched ones when asked; returns the learner per participant index.
    static func rapprocher(_ db: Database, participants: [(ligne: Int, prenom: String, nom: String, externe: String?)],
                           cohorte: String?, creerManquants: Bool, auteurId: Int64, date: Jour,
                           bilan: inout BilanImportPix) throws -> [Int: Apprenant] {
        let candidats = try candidats(db, cohorte: cohorte)
        var trouves: [Int: Apprenant] = [:]
        for (indice, participant) in participants.enumerated() {
            let libelle = "\(participant.prenom) \(participant.nom) (ligne \(participant.ligne))"
            var externe = participant.externe
            if let donne = externe, !donne.isEmpty, !Rapprochement.externeUtilisable(donne) {
                bilan.externesIgnores.append("\(libelle) : « \(RegleTexte.visible(donne, maximum: 40)) »")
                externe = nil
            }
            switch Rapprochement.rapprocher(prenom: participant.prenom, nom: participant.nom, identifiantExterne: externe, parmi: candidats) {
            case .trouve(let apprenant):
                trouves[indice] = apprenant
            case .ambigu(let apprenants):
                bilan.ambigus.append("\(libelle) : \(apprenants.map(\.identifiant).sorted().joined(separator: ", "))")
            case .introuvable:
                guard creerManquants else {
                    bilan.introuvables.append(libelle)
                    continue
                }
                var apprenant = Apprenant(identifiant: Apprenant.identifiantLocal(numero: try prochainNumero(db)),
                                          prenom: participant.prenom.isEmpty ? nil : participant.prenom,
                                          nom: participant.nom.isEmpty ? nil : participant.nom, creeLe: date, creePar: auteurId)
                let problemes = apprenant.problemes(anneeCourante: date.annee)
                guard problemes.isEmpty else {
                    bilan.refuses.append("\(libelle) : \(problemes.joined(separator: " ; "))")
                    continue
                }
                try apprenant.insert(db)
                if let cohorte, let c = try Cohorte.filter(Column("code") == cohorte).fetchOne(db) {
                    var inscription = Inscription(cohorteId: c.id!, apprenantId: apprenant.id!)
                    try inscription.insert(db)
                    var etape = EtapeInscription(inscriptionId: inscription.id!, statut: .inscrit, date: date, auteurId: auteurId)
                    try etape.insert(db)
                }
                bilan.crees.append("\(apprenant.identifiant) \(libelle)")
                trouves[indice] = apprenant
            }
        }
        bilan.rapproches = trouves.count
        return trouves
    }

    static func noterImport(_ db: Database, _ bilan: BilanImportPix, auteurId: Int64, date: Jour) throws {
        // The latest import of the same bytes replaces the journal line of the earlier one.
        try db.execute(sql: """
            INSERT INTO importPix (fichier, empreinte, genre, date, auteurId, resume) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(empreinte) DO UPDATE SET date = excluded.date, auteurId = excluded.auteurId, resume = excluded.resume
            """,
                       arguments: [bilan.fichier, bilan.empreinte, bilan.genre, date, auteurId,
                                   "\(bilan.participants) participants, \(bilan.rapproches) rapprochés"])
    }

    /// Imports a Pix Orga campaign export: one dated snapshot per matched participant (a
    /// non-shared participation is recorded as such, without levels). All or nothing; a
    /// participation already recorded (same learner, campaign and day) adds nothing, so a file counts
    /// as imported only for the participants actually imported.
    public func importerPixOrga(_ export: ExportPixOrga, fichier: String, empreinte: String, cohorte: String?,
                                creerManquants: Bool, auteurId: Int64, date: Jour) throws(ErreurBase) -> BilanImportPix {
        try ecrire { db in
            var bilan = BilanImportPix(fichier: fichier, empreinte: empreinte, genre: export.genre.rawValue,
                                       participants: export.participations.count, rapproches: 0, introuvables: [], ambigus: [], crees: [],
                                       partages: export.participations.filter(\.partage).count,
                                       nonPartages: export.participations.filter { !$0.partage }.count,
                                       instantanesAjoutes: 0, certificationsAjoutees: 0, certificationsDejaConnues: 0)
            let participants = export.participations.map { ($0.ligne, $0.prenom, $0.nom, $0.identifiantExterne) }
            let trouves = try Self.rapprocher(db, participants: participants, cohorte: cohorte, creerManquants: creerManquants,
                                              auteurId: auteurId, date: date, bilan: &bilan)
            let campagne = "\(export.campagne.code) — \(export.campagne.nom)"
            for (indice, participation) in export.participations.enumerated() {
                guard let apprenant = trouves[indice] else { continue }
                // Results the person sent to the structure in Pix, or anything once they agreed to the follow-up.
                guard UsageDonnees.resultatsPix(partagesDansPix: participation.partage,
                                                consentement: try Self.consentementEnVigueur(db, apprenantId: apprenant.id!)) else {
                    bilan.sansAccord.append("\(apprenant.identifiant) \(participation.prenom) \(participation.nom) (ligne \(participation.ligne))")
                    continue
                }
                let jourProfil = participation.datePartage ?? participation.dateDebut ?? date
                if try Self.instantaneConnu(db, apprenantId: apprenant.id!, campagne: campagne, date: jourProfil, partage: participation.partage) {
                    bilan.instantanesDejaConnus += 1
                    continue
                }
                let profil = ProfilPix(apprenantId: apprenant.id!, date: jourProfil,
                                       source: fichier, empreinte: empreinte, campagne: campagne, partage: participation.partage,
                                       niveaux: participation.partage ? participation.niveaux : [:],
                                       pix: participation.partage ? participation.pix : [:],
                                       progression: participation.progression, maitrise: participation.maitrise,
                                       genre: export.genre, badgeCleA: participation.partage ? participation.badgeCleA : nil)
                _ = try Self.inserer(db, profil)
                bilan.instantanesAjoutes += 1
            }
            try Self.noterImport(db, bilan, auteurId: auteurId, date: date)
            return bilan
        }
    }

    /// Imports Pix Certif session results: a certification per matched candidate (its Pix Certif
    /// number identifies it: a certification already known is left as it was). All or nothing.
    public func importerPixCertif(_ resultats: ResultatsPixCertif, pix: ReferentielPix, fichier: String, empreinte: String,
                                  cohorte: String?, creerManquants: Bool, auteurId: Int64, date: Jour) throws(ErreurBase) -> BilanImportPix {
        try ecrire { db in
            var bilan = BilanImportPix(fichier: fichier, empreinte: empreinte, genre: "pix_certif", participants: resultats.lignes.count,
                                       rapproches: 0, introuvables: [], ambigus: [], crees: [], partages: resultats.lignes.count, nonPartages: 0,
                                       instantanesAjoutes: 0, certificationsAjoutees: 0, certificationsDejaConnues: 0)
            let participants = resultats.lignes.map { ($0.ligne, $0.prenom, $0.nom, $0.identifiantExterne) }
            let trouves = try Self.rapprocher(db, participants: participants, cohorte: cohorte, creerManquants: creerManquants,
                                              auteurId: auteurId, date: date, bilan: &bilan)
            for (indice, ligne) in resultats.lignes.enumerated() {
                guard let apprenant = trouves[indice] else { continue }
                if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificationPix WHERE numero = ?", arguments: [ligne.numero]) ?? 0 > 0 {
                    bilan.certificationsDejaConnues += 1
                    continue
                }
                let score = ligne.score ?? 0
                let certification = CertificationPix(apprenantId: apprenant.id!, code: nil, numero: ligne.numero, statut: ligne.statut,
                                                     session: ligne.session, date: ligne.date, centre: ligne.centre, score: score,
                                                     palier: pix.palier(pourScore: score)?.palier ?? 0, niveaux: ligne.niveaux, auteurId: auteurId,
                                                     clea: ligne.clea, source: fichier)
                _ = try Self.inserer(db, certification)
                bilan.certificationsAjoutees += 1
            }
            try Self.noterImport(db, bilan, auteurId: auteurId, date: date)
            return bilan
        }
    }

    /// The learners of a cohort, in identifier order.
    public func apprenants(cohorte code: String) throws(ErreurBase) -> [Apprenant] {
        try lire { db in try Self.candidats(db, cohorte: code).sorted { $0.identifiant < $1.identifiant } }
    }

    /// Attaches the verification code the learner gave to a certification imported from Pix Certif.
    public func ajouterCodeVerification(numero: String, code: String) throws(ErreurBase) {
        try ecrire { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificationPix WHERE numero = ?", arguments: [numero]) ?? 0 > 0 else {
                throw ErreurBase.introuvable(quoi: "Certification n°", code: numero)
            }
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificationPix WHERE code = ?", arguments: [code]) ?? 0 > 0 {
                throw ErreurBase.dejaExistant(quoi: "Le code de vérification", code: code)
            }
            try db.execute(sql: "UPDATE certificationPix SET code = ? WHERE numero = ?", arguments: [code, numero])
        }
    }
}
