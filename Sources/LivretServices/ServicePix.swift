import Crypto
import Foundation
import LivretCore
import LivretStore

/// Certification readiness, for `livret pix preparation` and the terminal UI.
public enum ServicePix {
    /// Who in cohort `code` is ready for the Pix certification, with the parcours' template.
    public static func preparation(cohorte code: String, db: Base, catalogue: Catalogue) throws -> (PreparationCohorte, Cohorte, ModeleParcours?) {
        let cohorte = try base { () throws(ErreurBase) in try db.cohorte(code) }
        let parcours = try base { () throws(ErreurBase) in try db.parcours(id: cohorte.parcoursId) }
        let modele = catalogue.modeleParcours(parcours.modele)
        let apprenants = try base { () throws(ErreurBase) in try db.apprenants(cohorte: code) }
        // Every learner's profiles read at once for the cohort, not one learner after the other.
        let profils = try base { () throws(ErreurBase) in try db.profilsPix(cohorte: code) }
        let certifications = try base { () throws(ErreurBase) in try db.certificationsPix(cohorte: code) }
        let preparations = apprenants.map { apprenant in
            PreparationCertification.calculer(identifiant: apprenant.identifiant, nom: apprenant.nomAffiche,
                                              profils: profils[apprenant.id!] ?? [], modele: modele, pix: catalogue.pix,
                                              certifications: certifications[apprenant.id!] ?? [])
        }
        return (PreparationCohorte.regrouper(preparations), cohorte, modele)
    }

    /// The readiness of one learner, against the template of their latest parcours.
    public static func preparation(apprenant identifiant: String, db: Base, catalogue: Catalogue, au jour: Jour) throws -> PreparationCertification {
        let dossier = try base { () throws(ErreurBase) in try db.dossier(identifiant, catalogue: catalogue, au: jour) }
        let modele = dossier.inscriptions.last.flatMap { catalogue.modeleParcours($0.modele) }
        return PreparationCertification.calculer(identifiant: dossier.apprenant.identifiant, nom: dossier.apprenant.nomAffiche,
                                                 profils: dossier.profilsPix, modele: modele, pix: catalogue.pix,
                                                 certifications: dossier.certifications)
    }

    /// Imports a Pix file: Pix Certif session results (they have a « Numéro de certification »
    /// column) or a Pix Orga campaign export. The whole file is read and checked first (a file with
    /// errors is refused before the base is touched). What was already recorded (same learner,
    /// campaign and day; same certification number) is left as it was, so importing again — the
    /// same file, a copy with other line endings, a later download — adds only what is new.
    /// `grandsDebutants`: the formateur says the campaign is one « pour grands débutants » (Pix's
    /// export does not say it, decision 55); only an assessment campaign can be.
    public static func importer(_ donnees: Data, fichier: String, db: Base, catalogue: Catalogue, cohorte: String?,
                                creerApprenants: Bool, grandsDebutants: Bool = false, auteur: Formateur, jour: Jour) throws -> BilanImportPix {
        let nom = URL(fileURLWithPath: fichier).lastPathComponent
        let empreinte = SHA256.hash(data: donnees).map { String(format: "%02x", $0) }.joined()
        // Read the whole file first: a file with errors is refused before the base is touched.
        enum Lu { case certif(ResultatsPixCertif), orga(ExportPixOrga) }
        let lu: Lu
        do throws(ErreursImport) {
            lu = estPixCertif(donnees) ? .certif(try LecturePixCertif.lire(donnees, fichier: fichier, pix: catalogue.pix))
                                       : .orga(try LecturePixOrga.lire(donnees, fichier: fichier, pix: catalogue.pix))
        } catch {
            let n = error.erreurs.count
            throw ErreurUtilisateur("rien n'a été importé : \(Accord.nombre(n, "erreur")) dans « \(fichier) ».\n"
                                    + ListeErreurs.lignes(error.erreurs))
        }
        var declare = lu
        if grandsDebutants {
            guard case .orga(var export) = lu, export.genre == .evaluation else {
                let genre = if case .orga(let export) = lu { export.genre.libelle } else { "résultats de session Pix Certif" }
                throw ErreurUtilisateur("rien n'a été importé : « \(fichier) » est un export de \(genre) ; --grands-debutants ne vaut "
                                        + "que pour une campagne d'évaluation pour grands débutants. Relancez sans cette option.")
            }
            export.genre = .grandsDebutants
            declare = .orga(export)
        }
        return try base { () throws(ErreurBase) in
            switch declare {
            case .certif(let resultats):
                try db.importerPixCertif(resultats, pix: catalogue.pix, fichier: nom, empreinte: empreinte, cohorte: cohorte,
                                         creerManquants: creerApprenants, auteurId: auteur.id!, date: jour)
            case .orga(let export):
                try db.importerPixOrga(export, fichier: nom, empreinte: empreinte, cohorte: cohorte,
                                       creerManquants: creerApprenants, auteurId: auteur.id!, date: jour)
            }
        }
    }

    /// Adds the verification code (P-XXXXXXXX, on the learner's certificate) to an imported certification.
    public static func ajouterCode(db: Base, catalogue: Catalogue, numero: String, code saisi: String) throws -> String {
        let code = try codeVerification(saisi, catalogue: catalogue)
        try base { () throws(ErreurBase) in try db.ajouterCodeVerification(numero: numero, code: code) }
        return code
    }

    /// Records a Pix certification typed in (verification code, score on 895, level per competence),
    /// every value checked against the référentiel; returns the code as recorded and the score's tier.
    public static func enregistrerCertification(db: Base, catalogue: Catalogue, apprenant: String, code saisi: String, score: Int,
                                                niveaux: [String: Int], centre: String?, auteur: Formateur,
                                                jour: Jour) throws -> (code: String, palier: ReferentielPix.Palier) {
        let pix = catalogue.pix
        let code = try codeVerification(saisi, catalogue: catalogue)
        guard let palier = pix.palier(pourScore: score) else {
            throw ErreurUtilisateur("le score \(score) sort de 0–\(pix.certification.scoreMax).")
        }
        for (competence, niveau) in niveaux {
            do { try catalogue.verifierNiveauPix(competence, niveau) } catch { throw ErreurUtilisateur(error.message) }
        }
        try base { () throws(ErreurBase) in
            try db.enregistrerCertification(apprenant: apprenant, CertificationPix(apprenantId: 0, code: code, date: jour, centre: centre, score: score,
                                                                                   palier: palier.palier, niveaux: niveaux, auteurId: auteur.id!))
        }
        return (code, palier)
    }

    /// A verification code as typed, upper-cased, or the French refusal.
    static func codeVerification(_ saisi: String, catalogue: Catalogue) throws -> String {
        let code = saisi.uppercased()
        guard catalogue.pix.codeVerificationValide(code) else {
            throw ErreurUtilisateur("le code « \(code) » n'est pas un code de vérification Pix : « P- » suivi de 8 caractères parmi \(catalogue.pix.certification.codeVerification.alphabet).")
        }
        return code
    }

    /// Pix Certif exports have a "Numéro de certification" column.
    public static func estPixCertif(_ donnees: Data) -> Bool {
        let debut = String(decoding: donnees.prefix(4096), as: UTF8.self)
        let entete = debut.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return NormalisationTitre.cle(entete).contains("numero de certification")
    }
}
