import LivretCore
import LivretStore

/// Readable French views of a learner's record and a cohort's dashboard.
enum AffichageSuivi {
    /// What the learner did in her own space, shown on her record.
    struct Espace {
        var choixCV: (choix: ChoixCV, date: Jour)?
        var demandeEffacement: Jour?
    }

    static func fiche(_ dossier: DossierApprenant, catalogue: Catalogue, espace: Espace = Espace()) -> String {
        let a = dossier.apprenant
        var l = ["\(a.nomAffiche) — \(a.identifiant)"]
        var details: [String] = []
        if let annee = a.anneeNaissance { details.append("née ou né en \(annee)") }
        details.append("sexe : \(a.sexe.libelle)")
        details.append(a.qpv == .nonCommunique ? "QPV : non communiqué" : a.qpv.libelle)
        details.append("statut : \(a.statutSocial.libelle)")
        l.append("  " + details.joined(separator: " · "))
        if let consentement = dossier.consentements.last {
            let portees = consentement.portees.map(\.rawValue)
            l.append("  Consentement du \(consentement.date.francais) : \(portees.isEmpty ? "aucun" : portees.joined(separator: ", "))"
                     + (consentement.parLaPersonne ? " (donné par la personne dans son espace)" : ""))
        } else {
            l.append("  Consentement : non recueilli")
        }
        if let (choix, date) = espace.choixCV {
            let parties = choix.sections.sorted().map(\.rawValue).joined(separator: ", ")
            l.append("  CV choisi par la personne le \(date.francais) : nom « \(choix.identite.rawValue) », parties : \(parties.isEmpty ? "aucune" : parties)"
                     + (choix.badges.map { ", \(Accord.nombre($0.count, "badge"))" } ?? ", tous les badges")
                     + " (tout CV, attestation ou paquet fait pour cette personne s'y tient)")
        }
        if let demande = espace.demandeEffacement {
            l.append("  Demande d'effacement du \(demande.francais), faite dans son espace : livret apprenant effacer \(a.identifiant) --confirmer")
        }
        for inscription in dossier.inscriptions {
            let b = inscription.bilan
            l.append("")
            l.append("Cohorte \(inscription.cohorte) (parcours \(inscription.parcours)) — \(inscription.statut.libelle)")
            l.append("  Heures suivies : \(Format.heures(b.heuresSuivies)) sur \(Format.heures(b.heures.heuresPrevuesACeJour)) prévues à ce jour"
                     + " (parcours de \(Format.heures(b.heuresParcours)))")
            l.append("  Assiduité \(b.assiduite.map(Format.pourcentage) ?? "—") · avancement \(Format.pourcentage(b.avancement))")
            l.append("  " + texteCritere(statut: inscription.statut, critere: b.critere, historique: inscription.historique))
            l.append("  Certifiable Pix : \(b.certifiable ? "oui" : "non")")
            if let objectif = b.objectifCertificationAtteint {
                l.append("  Objectif de certification : \(objectif ? "atteint" : "pas encore") (\(Accord.nombre(b.competencesCertifiees.count, "compétence certifiée", "compétences certifiées")))")
            }
            for cible in b.cibles {
                l.append("    \(cible.competence) niveau \(cible.niveauActuel)/\(cible.niveauVise) \(cible.atteinte ? "✓" : "")")
            }
            if let abandon = inscription.historique.last(where: { $0.statut == .abandon }), let motif = abandon.motif {
                l.append("  Abandon le \(abandon.date.francais) : \(motif)")
            }
            for sortie in inscription.sorties { l.append("  Sortie : \(sortie.type.libelle) (\(sortie.date.francais))") }
        }
        if !dossier.etats.isEmpty {
            l.append("")
            l.append("Compétences travaillées :")
            for etat in dossier.etats {
                let titre = etat.referentiel == .aptic ? catalogue.aptic.item(etat.code)?.titre : catalogue.pix.competence(etat.code)?.titre
                l.append("  \(etat.referentiel.libelle) \(etat.code) \(titre ?? "") — \(etat.statut.libelle)\(etat.niveauPreuve.map { " (\($0.libelle))" } ?? "")")
            }
        }
        for certification in dossier.certifications {
            let reference = certification.code.map { "code de vérification \($0)" } ?? certification.numero.map { "n° \($0)" } ?? ""
            let statut = certification.statut == .validee ? "" : " [\(certification.statut.libelle)]"
            l.append("")
            l.append("Certification Pix (\(reference))\(statut) du \(certification.date.francais) : \(certification.score) / \(catalogue.pix.certification.scoreMax)"
                     + (catalogue.pix.palier(pourScore: certification.score).map { " — \($0.libelle)" } ?? ""))
        }
        return l.joined(separator: "\n")
    }

    /// The critère d'achèvement in words; a « terminé » whose critère is not met says why.
    static func texteCritere(statut: StatutInscription, critere: CritereAchevement, historique: [EtapeInscription]) -> String {
        if critere.atteint { return "Critère d'achèvement : atteint" }
        let raison = critere.raison ?? ""
        guard statut == .termine else { return "Critère d'achèvement : pas encore (\(raison))" }
        let motif = historique.last { $0.statut == .termine }?.motif.map { " — terminé sur décision : \($0)" } ?? ""
        return "Critère d'achèvement non atteint (\(raison))\(motif)"
    }
}
