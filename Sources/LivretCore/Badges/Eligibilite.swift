/// Whether a learner has earned an achievement, and what was observed — computed from evidence and state.
public struct Eligibilite: Sendable, Equatable, Codable {
    public var reussite: Reussite
    public var eligible: Bool
    /// What was observed, in plain French, with the level of evidence (for the credential's evidence).
    public var constats: [String]
    /// What is still missing, when not eligible.
    public var manque: String?

    public init(reussite: Reussite, eligible: Bool, constats: [String], manque: String?) {
        self.reussite = reussite
        self.eligible = eligible
        self.constats = constats
        self.manque = manque
    }
}

/// A learner's situation in one parcours, as needed for badges.
public struct SituationParcours: Sendable, Equatable {
    public var modele: String
    public var statut: StatutInscription
    public var bilan: BilanParcours
    public var debut: Jour?
    public var fin: Jour?

    public init(modele: String, statut: StatutInscription, bilan: BilanParcours, debut: Jour? = nil, fin: Jour? = nil) {
        self.modele = modele
        self.statut = statut
        self.bilan = bilan
        self.debut = debut
        self.fin = fin
    }
}

public enum EvaluationReussites {
    /// Every achievement with the learner's eligibility, in catalogue order.
    public static func evaluer(catalogue: Catalogue, preuves: [Preuve], parcours: [SituationParcours],
                               profils: [ProfilPix], certifications: [CertificationPix]) -> [Eligibilite] {
        evaluer(CatalogueReussites.toutes(catalogue), catalogue: catalogue, preuves: preuves, parcours: parcours,
                profils: profils, certifications: certifications)
    }

    /// The same for `reussites`, the catalogue's achievements (``CatalogueReussites/toutes(_:)``)
    /// derived once for many learners — a whole cohort — rather than once per learner.
    public static func evaluer(_ reussites: [Reussite], catalogue: Catalogue, preuves: [Preuve], parcours: [SituationParcours],
                               profils: [ProfilPix], certifications: [CertificationPix]) -> [Eligibilite] {
        evaluer(reussites, catalogue: catalogue, etats: EtatItem.calculer(preuves), parcours: parcours, profils: profils,
                certifications: certifications)
    }

    /// The same from `etats`, the state of each item already derived from the learner's preuves
    /// (``EtatItem/calculer(_:)``, as a ``DossierApprenant`` holds it).
    public static func evaluer(_ reussites: [Reussite], catalogue: Catalogue, etats: [EtatItem], parcours: [SituationParcours],
                               profils: [ProfilPix], certifications: [CertificationPix]) -> [Eligibilite] {
        // The state of each APTIC item by code (one state per item), looked up once per item of each sous-thème.
        var aptic: [String: EtatItem] = [:]
        aptic.reserveCapacity(etats.count)
        for etat in etats where etat.referentiel == .aptic && aptic[etat.code] == nil { aptic[etat.code] = etat }
        // The items of each sous-thème by code (the first sous-thème of a code, as ``ReferentielAptic/sousTheme(_:)`` finds it).
        var itemsParSousTheme: [String: [ItemAptic]] = [:]
        for sousTheme in catalogue.aptic.sousThemes where itemsParSousTheme[sousTheme.code] == nil {
            itemsParSousTheme[sousTheme.code] = sousTheme.items
        }
        return reussites.map { reussite in
            switch reussite.famille {
            case .aptic: sousTheme(reussite, items: itemsParSousTheme, aptic: aptic)
            case .parcours: parcoursTermine(reussite, parcours: parcours)
            case .pix: jalonPix(reussite, catalogue: catalogue, profils: profils, certifications: certifications)
            }
        }
    }

    /// `items`: the items of each sous-thème of the catalogue, by sous-thème code; `aptic`: the state
    /// of each APTIC item the learner has, by item code.
    static func sousTheme(_ reussite: Reussite, items parSousTheme: [String: [ItemAptic]], aptic: [String: EtatItem]) -> Eligibilite {
        let code = String(reussite.code.dropFirst("aptic-".count))
        let items = parSousTheme[code] ?? []
        let requis = min(CatalogueReussites.itemsPourSousTheme, items.count)
        let acquis = items.compactMap { item -> (ItemAptic, EtatItem)? in
            guard let etat = aptic[item.code], etat.statut == .acquis else { return nil }
            return (item, etat)
        }
        let constats = acquis.map { item, etat in
            "« \(item.titre) » : \(etat.niveauPreuve?.libelleFacile ?? "observé")\(etat.derniereDate.map { ", le \($0.francais)" } ?? "")."
        }
        let eligible = requis > 0 && acquis.count >= requis
        return Eligibilite(reussite: reussite, eligible: eligible, constats: constats,
                           manque: eligible ? nil : "encore \(requis - acquis.count) savoir-faire de ce thème à montrer en autonomie")
    }

    static func parcoursTermine(_ reussite: Reussite, parcours: [SituationParcours]) -> Eligibilite {
        let modele = String(reussite.code.dropFirst("parcours-".count))
        let situations = parcours.filter { $0.modele == modele }
        // « Terminé » (the recorded status) and the critère the badge states, both from Core.
        if let fait = situations.first(where: { $0.statut == .termine && $0.bilan.critere.atteint }) {
            var constat = "A suivi \(Format.heures(fait.bilan.heuresSuivies)) sur \(Format.heures(fait.bilan.heuresParcours)) prévues (avancement \(Format.pourcentage(fait.bilan.avancement)))"
            if let debut = fait.debut { constat += ", à partir du \(debut.francais)" }
            return Eligibilite(reussite: reussite, eligible: true, constats: [constat + ", avec accompagnement."], manque: nil)
        }
        let manque: String
        if situations.isEmpty {
            manque = "aucune inscription à ce parcours"
        } else if let termine = situations.first(where: { $0.statut == .termine }) {
            manque = "parcours terminé, mais critère d'achèvement non atteint : \(termine.bilan.critere.raison ?? "")"
        } else {
            manque = "parcours pas encore terminé"
        }
        return Eligibilite(reussite: reussite, eligible: false, constats: [], manque: manque)
    }

    static func jalonPix(_ reussite: Reussite, catalogue: Catalogue, profils: [ProfilPix], certifications: [CertificationPix]) -> Eligibilite {
        let pix = catalogue.pix
        let titre = { (code: String) in pix.competence(code)?.titre ?? code }
        let validees = certifications.filter { $0.statut == .validee }
        if reussite.code == "pix-certifiable" {
            // Ready for a certification the person already holds means nothing: a validated
            // certification closes this milestone, whatever the profile says.
            if let certification = validees.min(by: { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }) {
                return Eligibilite(reussite: reussite, eligible: false, constats: [],
                                   manque: "sans objet (certification Pix déjà obtenue le \(certification.date.francais))")
            }
            guard let profil = profils.filter(\.partage).max(by: { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }) else {
                return Eligibilite(reussite: reussite, eligible: false, constats: [], manque: "aucun profil Pix partagé")
            }
            let auNiveau = profil.niveaux.filter { $0.value >= pix.certifiabilite.niveauMin }.sorted { $0.key < $1.key }
            let eligible = pix.estCertifiable(profil.niveaux)
            let constats = ["Profil Pix partagé le \(profil.date.francais) : " + auNiveau.map { "\(titre($0.key)) niveau \($0.value)" }.joined(separator: ", ") + " (certifié par Pix)."]
            return Eligibilite(reussite: reussite, eligible: eligible, constats: eligible ? constats : [],
                               manque: eligible ? nil : "encore \(Accord.nombre(pix.certifiabilite.competencesMin - auNiveau.count, "compétence")) au niveau \(pix.certifiabilite.niveauMin)")
        }
        guard let meilleure = validees.max(by: { $0.competencesCertifiees().count < $1.competencesCertifiees().count }),
              meilleure.competencesCertifiees().count >= 3 else {
            return Eligibilite(reussite: reussite, eligible: false, constats: [], manque: "pas de certification Pix validée sur 3 compétences")
        }
        let detail = meilleure.competencesCertifiees().map { "\(titre($0)) niveau \(meilleure.niveaux[$0] ?? 0)" }.joined(separator: ", ")
        let reference = meilleure.code.map { " (code de vérification \($0))" } ?? ""
        return Eligibilite(reussite: reussite, eligible: true,
                           constats: ["Certification Pix obtenue le \(meilleure.date.francais)\(reference) : \(detail) — certifié."], manque: nil)
    }
}
