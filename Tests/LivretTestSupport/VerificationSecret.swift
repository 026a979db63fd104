import LivretCore

/// Checks a protected publication as an attacker would read it: every masked count whose true
/// value is from 1 to seuil − 1 must have a range at least seuil wide given everything every
/// report of the publication shows; and no report shows a figure the masks hide (a rate, hours, a
/// gap computed from a masked count).
public enum VerificationSecret {
    /// The masked counts of 1 to seuil − 1 whose range is narrower than seuil, in words (empty: safe).
    /// `audit` covers the figures to check (``PublicationConjointe/audit(cases:)``, all by default).
    public static func faibles(_ publication: PublicationConjointe, audit: AuditSecret? = nil) -> [String] {
        guard let audit = audit ?? publication.audit() else { return [] }
        let tableaux = publication.tableauxPublies
        var vraies: [String: (valeur: Int, sensible: Bool)] = [:]
        for c in tableaux.cases { vraies[c.libelle] = (c.valeur, c.sensible) }
        return audit.masquees.compactMap { ligne in
            guard let vraie = vraies[ligne.libelle] else { return "\(ligne.libelle) : inconnue de la publication" }
            guard vraie.sensible, (1..<audit.seuil).contains(vraie.valeur), let maximum = ligne.maximum else { return nil }
            return maximum - ligne.minimum >= audit.seuil ? nil : "\(ligne.libelle) : \(vraie.valeur) ∈ [\(ligne.minimum), \(maximum)]"
        }
    }

    /// Figures a report shows although they are computed from a masked count, in words (empty: none).
    public static func fuites(_ rapport: Rapport) -> [String] {
        var fuites: [String] = []
        for l in rapport.lignes + rapport.totauxParSexe + [rapport.total] {
            let taux: [(String, TauxPublie, [ValeurPubliee])] = [
                ("taux de complétion", l.tauxCompletion, [l.termines, l.inscrits]), ("taux d'abandon", l.tauxAbandon, [l.abandons, l.inscrits]),
                ("taux de certification", l.tauxCertification, [l.certifies, l.inscrits]), ("assiduité", l.assiduite, [l.inscrits]),
            ]
            for (nom, t, sources) in taux where t.valeur != nil && sources.contains(where: \.masque) { fuites.append("\(l.libelle) : \(nom)") }
            if l.sousCategorie != nil && (l.heuresPrevues != nil || l.heuresSuivies != nil) { fuites.append("\(l.libelle) : heures d'une sous-catégorie") }
        }
        let f = rapport.totauxParSexe.first { $0.sexe == .feminin }!, m = rapport.totauxParSexe.first { $0.sexe == .masculin }!
        if rapport.ecart.points != nil && [f.inscrits, f.termines, m.inscrits, m.termines].contains(where: \.masque) { fuites.append("écart femmes–hommes") }
        for o in rapport.objectifs where o.atteint != nil && o.realise.masque { fuites.append("objectif « \(o.libelle) » : atteint") }
        for l in rapport.satisfaction?.lignes ?? [] where l.part.valeur != nil && (l.repondants.masque || l.satisfaits.masque) {
            fuites.append("satisfaction, \(l.libelle) : part des satisfaits")
        }
        for s in rapport.suivis ?? [] {
            for l in s.lignes where l.partPositive.valeur != nil && (l.suivis.masque || l.situations.prefix(2).contains(where: \.masque)) {
                fuites.append("suivi \(s.titre), \(l.libelle) : part des sorties positives")
            }
        }
        return fuites
    }
}
