import Foundation
import LivretCore
import LivretExports
import LivretServices
import LivretStore

/// How a report is written from the UI.
public enum FormatRapportEcrit: String, Sendable, Equatable, CaseIterable {
    case csv, html, xlsx
}

extension Executeur {
    /// The requests of the formateur's week beyond the roll call: first run, who works, learners,
    /// cohorts, positionnement, corrections, imports and exports. Each write is one transaction
    /// of a service; each message names what was done in words, never a number of the base.
    func executerSemaine(_ demande: Demande) throws -> Reponse {
        let catalogue = poste.catalogue
        switch demande {
        case .poste:
            return .poste(try poste.etat())
        case .initialiser(let structure, let formateurs):
            try poste.initialiser(structure: structure, formateurs: formateurs)
            return .fait("Base de « \(structure.trimmingCharacters(in: .whitespaces)) » créée. Touche n : première cohorte ; p : les personnes.")
        case .choisirFormateur(let nom):
            try poste.choisir(nom)
            return .fait("Bonjour \(poste.nomFormateur ?? nom) : vos saisies sont enregistrées à votre nom.")
        case .apprenants:
            let db = try poste.base()
            return .apprenants(try base { () throws(ErreurBase) in try db.apprenantsAvecInscriptions() })
        case .enregistrerApprenant(let identifiant, let saisie, let cohorte):
            let db = try poste.base()
            if let identifiant {
                let apprenant = try ServiceApprenants.modifier(db: db, identifiant: identifiant, saisie, auteur: try poste.auteur(), jour: poste.jour)
                return .fait("Fiche \(Accord.de(apprenant.nomAffiche)) enregistrée.")
            }
            let apprenant = try ServiceApprenants.ajouter(db: db, saisie, inscrireDans: cohorte, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("Fiche \(Accord.de(apprenant.nomAffiche)) créée" + (cohorte.map { " et inscription dans \($0) faite" } ?? "") + ".")
        case .creerCohorte(let code, let parcours, let titre, let debut, let fin):
            let (cohorte, _) = try ServiceSuivi.creerCohorte(db: try poste.base(), catalogue: catalogue, code: code, parcours: parcours, titre: titre,
                                                            debut: debut, fin: fin, auteur: try poste.auteur())
            return .fait("Cohorte « \(cohorte.titre) » créée. Touche i : inscrire des personnes.")
        case .candidats(let cohorte):
            let db = try poste.base()
            let tous = try base { () throws(ErreurBase) in try db.apprenantsAvecInscriptions() }
            return .candidats(cohorte: cohorte, tous.filter { t in !t.apprenant.efface && !t.inscriptions.contains { $0.cohorte == cohorte } })
        case .inscrire(let cohorte, let identifiants):
            try ServiceSuivi.inscrire(db: try poste.base(), cohorte: cohorte, apprenants: identifiants, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("\(Accord.nombre(identifiants.count, "personne inscrite", "personnes inscrites")) dans \(cohorte).")
        case .changerStatut(let apprenant, let cohorte, let statut, let motif, let sortie):
            let db = try poste.base()
            try ServiceSuivi.changerStatut(db: db, apprenant: apprenant, cohorte: cohorte, statut: statut, motif: motif, sortie: sortie,
                                           auteur: try poste.auteur(), jour: poste.jour)
            let nom = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }.nomAffiche
            let suite = sortie.map { " Sortie : \($0.libelle)." } ?? ""
            return .fait("\(nom) : \(statut.libelle) noté le \(poste.jour.francais).\(suite)")
        case .corrigerStatut(let apprenant, let cohorte, let statut, let motif):
            let db = try poste.base()
            try ServiceSuivi.corrigerStatut(db: db, apprenant: apprenant, cohorte: cohorte, statut: statut, motif: motif,
                                            auteur: try poste.auteur(), jour: poste.jour)
            let nom = try base { () throws(ErreurBase) in try db.apprenant(apprenant) }.nomAffiche
            return .fait("\(nom) : statut corrigé en « \(statut.libelle) » ; l'ancien reste dans l'historique, avec le motif.")
        case .cloturer(let cohorte):
            try ServiceSuivi.cloturer(db: try poste.base(), cohorte: cohorte, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("Cohorte \(cohorte) clôturée : plus de séance à y ajouter ; ses chiffres restent dans les rapports.")
        case .positionnement(let apprenant, let eurostat, let niveaux):
            try ServiceSuivi.enregistrerPositionnement(db: try poste.base(), catalogue: catalogue, apprenant: apprenant, eurostat: eurostat,
                                                       niveaux: niveaux, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("Positionnement du \(poste.jour.francais) enregistré" + (eurostat.map { " : \($0.categorie.libelle)" } ?? "") + ".")
        case .supprimerSeance(let id, let date, let motif):
            let supprimee = try ServiceSuivi.supprimerSeance(db: try poste.base(), id: id, motif: motif, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("Séance du \(date.francais) supprimée, avec \(Accord.nombre(supprimee.presences, "présence notée", "présences notées")) ; gardé au journal.")
        case .retirerPreuve(let id, let motif):
            _ = try ServiceSuivi.retirerPreuve(db: try poste.base(), id: id, motif: motif, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("Preuve retirée ; elle reste lisible dans l'historique, avec le motif.")
        case .annoterPreuve(let id, let note):
            _ = try ServiceSuivi.annoterPreuve(db: try poste.base(), id: id, note: note, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("Note ajoutée à la preuve.")
        case .importerPix(let chemin, let cohorte):
            let url = URL(fileURLWithPath: (chemin as NSString).expandingTildeInPath)
            let donnees: Data
            do { donnees = try Data(contentsOf: url) } catch {
                throw ErreurUtilisateur("le fichier « \(chemin) » ne peut pas être lu : vérifiez le chemin (par exemple ~/Téléchargements/export.csv).")
            }
            let bilan = try ServicePix.importer(donnees, fichier: chemin, db: try poste.base(), catalogue: catalogue, cohorte: cohorte,
                                                creerApprenants: false, auteur: try poste.auteur(), jour: poste.jour)
            return .fait(Self.resume(bilan))
        case .exporterRapport(let cohorte, let croisement, let format):
            let perimetre: PerimetreRapport = cohorte.map { .cohorte($0) } ?? .structure
            let rapport = try ServiceRapport.synthese(db: try poste.base(), catalogue: catalogue, perimetre: perimetre, croisement: croisement,
                                                      anneeReference: poste.jour.annee, jour: poste.jour)
            let donnees: Data
            switch format {
            case .csv: donnees = RenduRapport.csv(rapport)
            case .html: donnees = Data(RenduRapport.html(rapport).utf8)
            case .xlsx:
                donnees = try EcritureClasseur.donnees(RapportClasseur.classeur(rapport, date: poste.jour))
            }
            let nom = "rapport-\(RegleTexte.nomDeFichier(cohorte ?? "structure"))-\(poste.jour.description).\(format.rawValue)"
            let chemin = poste.dossierExports + "/" + nom
            try EcritureFichier.creerDossier(URL(fileURLWithPath: poste.dossierExports))
            try EcritureFichier.ecrireAtomiquement(donnees, vers: chemin)
            return .fait("Rapport écrit : \(URL(fileURLWithPath: poste.dossierExports).lastPathComponent)/\(nom)")
        case .exporterCoop:
            // Both files when there is something to put in them; each refusal said, never silent.
            let debut = Jour(annee: poste.jour.annee, mois: 1, jour: 1)!
            let dossier = URL(fileURLWithPath: poste.dossierExports)
            try EcritureFichier.creerDossier(dossier)
            var ecrits: [String] = [], refus: [String] = []
            do {
                let (donnees, nombre, _) = try ServiceCoop.fichierBeneficiaires(db: try poste.base(), jour: poste.jour)
                let nom = ServiceCoop.nomBeneficiaires(jour: poste.jour)
                try EcritureFichier.ecrireAtomiquement(donnees, vers: poste.dossierExports + "/" + nom)
                ecrits.append("\(dossier.lastPathComponent)/\(nom) (\(Accord.nombre(nombre, "bénéficiaire")))")
            } catch let erreur as ErreurUtilisateur { refus.append(erreur.messageInterface) }
            do {
                let (donnees, _, _) = try ServiceCoop.activites(db: try poste.base(), catalogue: catalogue, du: debut, au: poste.jour)
                let nom = ServiceCoop.nomActivites(du: debut, au: poste.jour)
                try EcritureFichier.ecrireAtomiquement(donnees, vers: poste.dossierExports + "/" + nom)
                ecrits.append("\(dossier.lastPathComponent)/\(nom)")
            } catch let erreur as ErreurUtilisateur { refus.append(erreur.messageInterface) }
            guard !ecrits.isEmpty else { throw ErreurUtilisateur(refus.joined(separator: " ")) }
            return .fait("Pour La Coop : " + ecrits.joined(separator: ", ") + (refus.isEmpty ? "." : ". " + refus.joined(separator: " ")))
        case .exporterBilanActivite:
            // The whole structure, from 1 January to today, beside the same days a year earlier.
            let debut = Jour(annee: poste.jour.annee, mois: 1, jour: 1)!
            let (bilan, _) = try ServiceRapport.activite(db: try poste.base(), catalogue: catalogue, perimetre: .structure,
                                                         anneeReference: poste.jour.annee, du: debut, au: poste.jour, comparer: true)
            let nom = "bilan-activite-\(debut.description)-\(poste.jour.description).html"
            try EcritureFichier.creerDossier(URL(fileURLWithPath: poste.dossierExports))
            try EcritureFichier.ecrireAtomiquement(Data(RenduActivite.html(bilan).utf8), vers: poste.dossierExports + "/" + nom)
            return .fait("Bilan d'activité écrit : \(URL(fileURLWithPath: poste.dossierExports).lastPathComponent)/\(nom)")
        default:
            return try executerPermanence(demande)
        }
    }

    /// An import's outcome in one sentence.
    static func resume(_ bilan: BilanImportPix) -> String {
        var phrases = ["\(Accord.nombre(bilan.rapproches, "personne retrouvée", "personnes retrouvées")) sur \(bilan.participants)"]
        if !bilan.introuvables.isEmpty {
            let n = bilan.introuvables.count
            phrases.append("\(Accord.nombre(n, "personne inconnue", "personnes inconnues")) de la base (\(bilan.introuvables.prefix(3).joined(separator: ", "))) : "
                           + "ajoutez-\(n > 1 ? "les" : "la") (touche p), puis importez de nouveau")
        }
        if bilan.nonPartages > 0 { phrases.append("\(bilan.nonPartages) sans envoi de résultats") }
        return "Import Pix de « \(URL(fileURLWithPath: bilan.fichier).lastPathComponent) » : " + phrases.joined(separator: " ; ") + "."
    }
}
