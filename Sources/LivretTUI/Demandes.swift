import Foundation
import LivretCore
import LivretDemo
import LivretExports
import LivretServices
import LivretStore

/// What a screen asks of the outside world: reading the base, writing to it, writing files.
/// Screens never touch the base themselves; the ``Executeur`` runs the request and its
/// ``Reponse`` comes back to the screen (Model / Update / View).
public enum Demande: Sendable, Equatable {
    case accueil
    case cohorte(String)
    case seances(String)
    case appel(seanceId: Int64)
    case ajouterSeance(cohorte: String, minutes: Int, horsDates: Bool = false)
    case enregistrerAppel(seanceId: Int64, [SaisiePresence])
    case apprenant(String)
    case ajouterPreuve(apprenant: String, item: String, niveau: NiveauPreuve)
    case certification(String)
    case badges(String)
    case emettreBadges(String)
    case accordBadges(String)
    case paquet(String)
    case cv(String, ChoixCV, attestation: Bool = false)
    /// A one-time code for the learner's own space (`livret espace`), to be shown once.
    case codeEspace(String)
    case creerCle
    case rapport(cohorte: String?, croisement: Croisement)
    case creerDemo
    // The formateur's week (ExecuteurSemaine.swift).
    case poste
    case initialiser(structure: String, formateurs: [String])
    case choisirFormateur(String)
    case apprenants
    case enregistrerApprenant(identifiant: String?, SaisieApprenant, inscrireDans: String?)
    case creerCohorte(code: String, parcours: String, titre: String?, debut: Jour, fin: Jour?)
    case candidats(cohorte: String)
    case inscrire(cohorte: String, [String])
    case changerStatut(apprenant: String, cohorte: String, StatutInscription, motif: String?, sortie: TypeSortie?)
    case corrigerStatut(apprenant: String, cohorte: String, StatutInscription, motif: String)
    case cloturer(cohorte: String)
    case positionnement(apprenant: String, IndicateurEurostat?, [Positionnement.Niveau])
    case supprimerSeance(id: Int64, date: Jour, motif: String)
    case retirerPreuve(id: Int64, motif: String)
    case annoterPreuve(id: Int64, note: String)
    case importerPix(chemin: String, cohorte: String?)
    case exporterRapport(cohorte: String?, croisement: Croisement, format: FormatRapportEcrit)
    /// The year's activity review so far (1 January to today), compared with the year before, as a printable page.
    case exporterBilanActivite
    /// The files for La Coop: the beneficiaries who agreed, and the year's activity so far as CRA to enter.
    case exporterCoop
    // The day's permanence (ExecuteurPermanence.swift).
    case permanence
    case reglerPermanence(ReglagesPermanence)
    case ajouterAccompagnement(SaisieAccompagnement)
    case supprimerAccompagnement(id: Int64, motif: String)
    case noterSatisfaction(ServiceQualite.SaisieSatisfaction)
}

extension Demande {
    /// Requests that can take more than a key's time on a large base (a report protected with the
    /// whole publication, signatures, files written or read): the real terminal shows
    /// « chargement… » before running them.
    public var peutEtreLongue: Bool {
        switch self {
        case .accueil, .rapport, .exporterRapport, .exporterBilanActivite, .exporterCoop, .importerPix, .emettreBadges, .paquet, .cv, .badges, .certification, .creerDemo,
             .initialiser, .creerCle:
            true
        default:
            false
        }
    }
}

/// A learner of a cohort as the badges screen shows them.
public struct BadgesApprenant: Sendable {
    public var identifiant: String
    public var nom: String
    public var consentement: Bool
    public var efface: Bool
    public var situations: [ServiceBadges.Situation]

    /// Earned, issued or not.
    public var gagnes: [ServiceBadges.Situation] { situations.filter(\.eligibilite.eligible) }
    /// Earned and not issued yet, whether or not the person agreed to badges.
    public var enAttente: [ServiceBadges.Situation] { situations.filter(\.aDelivrer) }
    /// What can be issued now: earned, not issued, and the person agreed.
    public var aDelivrer: [ServiceBadges.Situation] { consentement && !efface ? enAttente : [] }
    public var delivres: Int { situations.filter(\.dejaDelivre).count }
}

/// What came back from a ``Demande``.
public enum Reponse: Sendable {
    case accueil(structure: String?, [ResumeCohorte])
    case cohorte(Cohorte, parcours: Parcours, [LigneTableauDeBord])
    case seances(cohorte: String, [Seance], appels: [Int64: EtatAppel])
    case appel(FeuilleAppel)
    case apprenant(DossierApprenant)
    case certification(PreparationCohorte, parcours: String)
    case badges(cohorte: String, [BadgesApprenant])
    case rapport(Rapport)
    case poste(EtatPoste)
    case apprenants([ApprenantTrouve])
    case candidats(cohorte: String, [ApprenantTrouve])
    case permanence(JourneePermanence)
    /// A one-time sign-in code given to the learner (only its salted hash is kept): shown once.
    case codeEspace(identifiant: String, code: String)
    /// A write succeeded: what to tell the formateur.
    case fait(String)
    /// Something went wrong: a French message saying what and what to do. Nothing was written.
    case echec(String)
}

/// Runs requests against the workstation's base, one transaction per write, and turns every
/// error into a French message.
public struct Executeur: Sendable {
    public let poste: Poste

    public init(poste: Poste) { self.poste = poste }

    public func executer(_ demande: Demande) -> Reponse {
        do {
            return try executerOuEchouer(demande)
        } catch let erreur as ErreurUtilisateur {
            return .echec(erreur.messageInterface)
        } catch let erreur as ErreurBase {
            return .echec(ErreurUtilisateur.depuis(erreur).messageInterface)
        } catch {
            return .echec("\(error)")
        }
    }

    private func executerOuEchouer(_ demande: Demande) throws -> Reponse {
        let catalogue = poste.catalogue
        switch demande {
        case .accueil:
            guard let db = poste.db else { return .accueil(structure: nil, []) }
            let structure = try base { () throws(ErreurBase) in try db.structure() }?.nom
            return .accueil(structure: structure, try base { () throws(ErreurBase) in try db.resumesCohortes(au: poste.jour) })
        case .cohorte(let code):
            let db = try poste.base()
            let cohorte = try base { () throws(ErreurBase) in try db.cohorte(code) }
            let parcours = try base { () throws(ErreurBase) in try db.parcours(id: cohorte.parcoursId) }
            return .cohorte(cohorte, parcours: parcours, try base { () throws(ErreurBase) in try db.tableauDeBord(cohorte: code, catalogue: catalogue, au: poste.jour) })
        case .seances(let code):
            // Every séance's attendance counted in one query, not one sheet after the other.
            let (seances, appels) = try ServiceSuivi.seancesEtAppels(db: try poste.base(), cohorte: code)
            return .seances(cohorte: code, seances, appels: appels)
        case .ajouterSeance(let code, let minutes, let horsDates):
            let db = try poste.base()
            let seance = try ServiceSuivi.ajouterSeance(db: db, cohorte: code, minutes: minutes, theme: horsDates ? "Rattrapage" : nil,
                                                        horsDates: horsDates, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("Séance du \(seance.date.francais) ajoutée (\(Format.duree(minutes: minutes))) : Entrée pour faire l'appel.")
        case .appel(let seanceId):
            let db = try poste.base()
            return .appel(try base { () throws(ErreurBase) in try db.feuilleAppel(seanceId: seanceId) })
        case .enregistrerAppel(let seanceId, let saisies):
            // Counted on the whole sheet as recorded, not only on the lines just changed.
            let etat = try ServiceSuivi.saisirAppel(db: try poste.base(), seance: seanceId, saisies, auteur: try poste.auteur(), jour: poste.jour)
            let suite = etat.complet ? "" : " (\(etat.libelle) : appel partiel)"
            return .fait("Appel enregistré : \(Accord.nombre(etat.presents, "présent")) sur \(etat.attendus)\(suite).")
        case .apprenant(let identifiant):
            let db = try poste.base()
            return .apprenant(try base { () throws(ErreurBase) in try db.dossier(identifiant, catalogue: catalogue, au: poste.jour) })
        case .ajouterPreuve(let identifiant, let item, let niveau):
            let preuve = try ServiceSuivi.ajouterPreuve(db: try poste.base(), catalogue: catalogue, apprenant: identifiant, referentiel: .aptic,
                                                        code: item, niveau: niveau, auteur: try poste.auteur(), jour: poste.jour)
            _ = preuve
            return .fait("Preuve ajoutée : item \(item), \(niveau.libelle).")
        case .certification(let code):
            let (groupe, _, modele) = try ServicePix.preparation(cohorte: code, db: try poste.base(), catalogue: catalogue)
            return .certification(groupe, parcours: modele?.entete.titre ?? "")
        case .badges(let code):
            // The whole cohort in one pass (a few queries), not one record per learner.
            let cohorte = try poste.badges().situationsCohorte(code, au: poste.jour)
            return .badges(cohorte: code, cohorte.map { (Filtre.plier($0.apprenant.nomAffiche), $0) }.sorted { $0.0 < $1.0 }.map { _, a in
                BadgesApprenant(identifiant: a.apprenant.identifiant, nom: a.apprenant.nomAffiche, consentement: a.accordBadges,
                                efface: a.apprenant.efface, situations: a.situations)
            })
        case .emettreBadges(let identifiant):
            let service = try poste.badges()
            if try base({ () throws(ErreurBase) in try service.db.cleActive() }) == nil {
                throw ErreurUtilisateur("la structure n'a pas encore de clé de signature : touche k pour la créer, puis e.")
            }
            let (dossier, choisies) = try service.aDelivrer(apprenant: identifiant, codes: nil, au: poste.jour)
            guard !choisies.isEmpty else { return .fait("Aucun nouveau badge à délivrer à \(dossier.apprenant.nomAffiche).") }
            let signes = try service.emettre(choisies, dossier: dossier, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("\(Accord.nombre(signes.count, "badge délivré", "badges délivrés")) à \(dossier.apprenant.nomAffiche). Touche p : le paquet à lui remettre.")
        case .accordBadges(let identifiant):
            // A new consent record, dated and signed by the formateur; the other scopes are kept as they were.
            let apprenant = try ServiceSuivi.accordBadges(db: try poste.base(), apprenant: identifiant, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("Accord \(Accord.de(apprenant.nomAffiche)) pour recevoir des badges noté le \(poste.jour.francais). Touche e pour les délivrer.")
        case .paquet(let identifiant):
            let cible = URL(fileURLWithPath: Emplacements.exportApprenant(identifiant, suffixe: "badges.zip", dossier: poste.dossierExports))
            let nombre = try poste.badges().ecrirePaquet(apprenant: identifiant, vers: cible, cv: ChoixCV(), jour: poste.jour)
            return .fait("Paquet de \(Accord.nombre(nombre, "badge")) écrit : \(cible.relativePath)")
        case .cv(let identifiant, let choix, let attestation):
            let chemin = Emplacements.exportApprenant(identifiant, suffixe: "cv.html", dossier: poste.dossierExports)
            try ServiceCV.exporter(db: try poste.base(), apprenant: identifiant, catalogue: catalogue, choix: choix, jour: poste.jour,
                                   format: .html, vers: chemin)
            guard attestation else { return .fait("CV numérique écrit : \(chemin)") }
            let fichier = Emplacements.exportApprenant(identifiant, suffixe: "attestation.html", dossier: poste.dossierExports)
            do {
                let donnees = try ServiceCV.attestation(db: try poste.base(), apprenant: identifiant, catalogue: catalogue, choix: choix, jour: poste.jour)
                try EcritureFichier.ecrireAtomiquement(donnees, vers: fichier)
            } catch is ErreurUtilisateur {
                return .fait("CV numérique écrit : \(chemin). Pas d'attestation : aucun badge valide à y mettre (touche e pour les délivrer).")
            }
            return .fait("CV numérique et attestation écrits : \(chemin), \(fichier)")
        case .codeEspace(let identifiant):
            var tirage = Poste.Tirage(suivant: poste.tirage)
            let code = try ServiceEspace.donnerCode(db: try poste.base(), identifiant: identifiant, auteur: try poste.auteur(), jour: poste.jour,
                                                    maintenant: poste.horloge(), tirage: &tirage)
            return .codeEspace(identifiant: identifiant, code: code)
        case .creerCle:
            _ = try poste.badges().nouvelleCle(jour: poste.jour)
            return .fait("Clé de signature de la structure créée : les badges peuvent être délivrés (touche e).")
        case .rapport(let cohorte, let croisement):
            let perimetre: PerimetreRapport = cohorte.map { .cohorte($0) } ?? .structure
            return .rapport(try ServiceRapport.synthese(db: try poste.base(), catalogue: catalogue, perimetre: perimetre,
                                                        croisement: croisement, anneeReference: poste.jour.annee, jour: poste.jour))
        case .creerDemo:
            let creee = try poste.ouvrirDemo()
            return .fait((creee ? "Démonstration créée" : "Démonstration ouverte") + " dans son propre fichier : votre base n'est pas touchée.")
        default:
            return try executerSemaine(demande)
        }
    }
}
