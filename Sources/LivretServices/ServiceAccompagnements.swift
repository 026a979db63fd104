import Crypto
import Foundation
import LivretCore
import LivretStore

/// Accompaniments outside cohorts — permanences, appointments, one-off workshops — the same for the
/// command line, the CSV import and the terminal UI: each call one transaction.
public enum ServiceAccompagnements {
    /// Records accompaniments, all or none: learners found by identifier, intervenants by name,
    /// APTIC items checked against the référentiels, age bands read by ``SaisieDuree``.
    /// - Parameter lignes: for messages, the line of each entry in its file (nil: « accompagnement n »).
    @discardableResult
    /// - Parameter feuille: the sign-in sheet's file name and bytes: the same bytes are never imported twice.
    public static func ajouter(db: Base, catalogue: Catalogue, saisies: [SaisieAccompagnement], lignes: [Int]? = nil,
                               feuille: (fichier: String, donnees: Data)? = nil, auteur: Formateur, jour: Jour) throws -> [Accompagnement] {
        let formateurs = try base { () throws(ErreurBase) in try db.formateurs() }
        var apprenants: [String: Int64] = [:]
        var accompagnements: [Accompagnement] = []
        for (i, s) in saisies.enumerated() {
            let ou = saisies.count == 1 && lignes == nil ? "" : lignes.map { "ligne \($0[i]) : " } ?? "accompagnement \(i + 1) : "
            func refus(_ message: String, interface: String? = nil) -> ErreurUtilisateur {
                ErreurUtilisateur(ou + message, interface: interface.map { ou + $0 })
            }
            var intervenantId = auteur.id!
            if let nom = s.intervenant, !nom.isEmpty {
                guard let f = formateurs.first(where: { NormalisationTitre.cle($0.nom) == NormalisationTitre.cle(nom) }) else {
                    throw refus("« \(RegleTexte.visible(nom, maximum: 40)) » (intervenant) n’est pas une personne de la structure "
                                + "(\(formateurs.map(\.nom).joined(separator: ", "))) : corrigez le nom, ou ajoutez la personne d’abord "
                                + "(livret formateur ajouter).", interface: "« \(RegleTexte.visible(nom, maximum: 40)) » n’est pas une personne de la structure.")
                }
                intervenantId = f.id!
            }
            var a = Accompagnement(date: s.date, minutes: s.minutes, type: s.type, lieu: s.lieu, lieuNom: s.lieuNom?.isEmpty == true ? nil : s.lieuNom,
                                   intervenantId: intervenantId, thematiques: s.thematiques, itemsAptic: s.itemsAptic, autonomie: s.autonomie,
                                   materiel: s.materiel, note: s.note?.isEmpty == true ? nil : s.note, orientation: s.orientation)
            switch s.personne {
            case .apprenant(let identifiant):
                if apprenants[identifiant] == nil {
                    do {
                        let trouve = try base { () throws(ErreurBase) in try db.apprenant(identifiant) }
                        apprenants[identifiant] = trouve.id!
                    } catch let e as ErreurUtilisateur { throw refus(e.message) }
                }
                a.apprenantId = apprenants[identifiant]
            case .anonyme(let sexe, let tranche):
                switch SaisieDuree.naissances(tranche, annee: s.date.annee) {
                case .success(let naissance): a.anonyme = PersonneAnonyme(sexe: sexe, naissance: naissance)
                case .failure(let e): throw refus(e.message)
                }
            }
            for code in s.itemsAptic {
                do { try catalogue.verifierCible(.aptic, code) } catch { throw refus(error.message) }
            }
            do { try RegleAccompagnement.verifier(a) } catch { throw refus(error.message) }
            accompagnements.append(a)
        }
        let source = feuille.map { (fichier: $0.fichier, empreinte: SHA256.hash(data: $0.donnees).map { String(format: "%02x", $0) }.joined()) }
        return try base { () throws(ErreurBase) in
            try db.ajouterAccompagnements(accompagnements, auteurId: auteur.id!, date: jour, feuille: source)
        }
    }

    /// Deletes an accompaniment recorded by mistake; the motif is required and journaled.
    public static func supprimer(db: Base, id: Int64, motif: String, auteur: Formateur, jour: Jour) throws -> Accompagnement {
        try ServiceSuivi.verifierMotif(motif)
        return try base { () throws(ErreurBase) in try db.supprimerAccompagnement(id: id, motif: motif, auteurId: auteur.id!, date: jour) }
    }

    /// The accompaniments of one day, for the permanence screen and `accompagnement lister --jour`.
    public static func duJour(db: Base, jour: Jour) throws -> [AccompagnementLu] {
        try base { () throws(ErreurBase) in try db.accompagnements(du: jour, au: jour) }
    }
}

/// Satisfaction questionnaires and follow-ups after the action: one transaction each.
public enum ServiceQualite {
    /// What the person answered; `cohorte` or `accompagnement` says what it is about.
    public struct SaisieSatisfaction: Sendable, Equatable {
        public var identifiant: String?
        public var cohorte: String?
        public var accompagnement: Int64?
        public var mode: ModeReponse
        public var notes: [Int?]
        public var aide: String?
        public var citation: Citation
        public var temoignage: String?

        public init(identifiant: String?, cohorte: String? = nil, accompagnement: Int64? = nil, mode: ModeReponse = .avecFormateur, notes: [Int?],
                    aide: String? = nil, citation: Citation = .non, temoignage: String? = nil) {
            self.identifiant = identifiant
            self.cohorte = cohorte
            self.accompagnement = accompagnement
            self.mode = mode
            self.notes = notes
            self.aide = aide
            self.citation = citation
            self.temoignage = temoignage
        }
    }

    /// Records a questionnaire. Without consent to be quoted, free texts are refused (not silently dropped).
    @discardableResult
    public static func noterSatisfaction(db: Base, saisie s: SaisieSatisfaction, auteur: Formateur, jour: Jour) throws -> ReponseSatisfaction {
        let apprenantId = try s.identifiant.map { id in try base { () throws(ErreurBase) in try db.apprenant(id) }.id! }
        let cohorteId = try s.cohorte.map { code in try base { () throws(ErreurBase) in try db.cohorte(code) }.id! }
        if cohorteId != nil && apprenantId == nil {
            throw ErreurUtilisateur("un questionnaire de fin de cohorte se note pour une personne inscrite : donnez son identifiant.")
        }
        let r = ReponseSatisfaction(date: jour, apprenantId: apprenantId, cohorteId: cohorteId, accompagnementId: s.accompagnement, mode: s.mode,
                                    notes: s.notes, aide: s.aide?.isEmpty == true ? nil : s.aide, citation: s.citation,
                                    temoignage: s.temoignage?.isEmpty == true ? nil : s.temoignage)
        try regle { () throws(ErreurRegle) in try RegleAccompagnement.verifier(r) }
        return try base { () throws(ErreurBase) in try db.enregistrerSatisfaction(r, auteurId: auteur.id!) }
    }

    /// Chooses (or unchooses) a testimony for the bilan.
    public static func retenirTemoignage(db: Base, id: Int64, retenu: Bool = true) throws {
        try base { () throws(ErreurBase) in try db.choisirTemoignage(id: id, retenu: retenu) }
    }

    /// Records a follow-up of `identifiant`, after `cohorte` or after accompaniments (nil).
    @discardableResult
    public static func noterSuivi(db: Base, identifiant: String, cohorte: String?, delaiMois: Int, situation: SituationApresAction,
                                  contrat: TypeContrat? = nil, tempsPartiel: Bool? = nil, enLien: Bool? = nil, precision: String? = nil,
                                  motif: String? = nil, auteur: Formateur, jour: Jour) throws -> SuiviApresAction {
        let apprenant = try base { () throws(ErreurBase) in try db.apprenant(identifiant) }
        if apprenant.efface { throw ErreurUtilisateur("« \(identifiant) » a été effacé : on ne note plus de suivi.") }
        let cohorteId = try cohorte.map { code in try base { () throws(ErreurBase) in try db.cohorte(code) }.id! }
        let s = SuiviApresAction(apprenantId: apprenant.id!, cohorteId: cohorteId, date: jour, delaiMois: delaiMois, situation: situation,
                                 contrat: contrat, tempsPartiel: tempsPartiel, enLienAvecFormation: enLien,
                                 precision: precision?.isEmpty == true ? nil : precision, motif: motif?.isEmpty == true ? nil : motif)
        try regle { () throws(ErreurRegle) in try RegleAccompagnement.verifier(s) }
        return try base { () throws(ErreurBase) in try db.enregistrerSuivi(s, auteurId: auteur.id!) }
    }
}
