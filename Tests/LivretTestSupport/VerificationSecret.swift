import LivretCore

/// Checks a protected report against the same report without masking: every masked count whose
/// true value is from 1 to seuil − 1 must have, in the audit, a range at least seuil wide.
public enum VerificationSecret {
    /// The true value of every figure an audit may name (« féminin — 25–39 ans, abandons »), read
    /// from the report computed without masking.
    public static func valeurs(_ brut: Rapport) -> [String: Int] {
        var valeurs: [String: Int] = [:]
        let totaux = brut.totauxParSexe.map { ($0, brut.croisement == .aucun ? $0.libelle : $0.libelle + " (toutes catégories)") }
        for (ligne, nom) in brut.lignes.map({ ($0, $0.libelle) }) + totaux + [(brut.total, brut.total.libelle)] {
            let colonnes: [(String, ValeurPubliee)] = [("inscrits", ligne.inscrits), ("commencés", ligne.commences),
                ("terminés", ligne.termines), ("abandons", ligne.abandons), ("certifiés", ligne.certifies),
                ("compétences certifiées", ligne.competencesCertifiees)]
            for (colonne, valeur) in colonnes { valeurs["\(nom), \(colonne)"] = valeur.nombre }
        }
        for motif in brut.motifsAbandon { valeurs["abandons pour le motif « \(motif.motif) »"] = motif.nombre.nombre }
        for sortie in brut.sorties { valeurs["sorties : \(sortie.type.libelle)"] = sortie.nombre.nombre }
        for o in brut.objectifs {
            valeurs["\(o.parcours) — \(o.libelle), réalisé"] = o.realise.nombre
            valeurs["\(o.parcours) — \(o.libelle), effectif"] = o.effectifReel.nombre
        }
        return valeurs
    }

    /// The masked figures of true value 1 to seuil − 1 whose range is narrower than seuil, in words
    /// (empty: the report is safe); a masked figure the unmasked report does not name is reported too.
    public static func faibles(_ audit: AuditSecret, brut: Rapport) -> [String] {
        let vraies = valeurs(brut)
        return audit.masquees.compactMap { ligne in
            guard let vraie = vraies[ligne.libelle] else { return "\(ligne.libelle) : inconnue du rapport" }
            // Competences are not counts of people: masked only to protect the certified.
            guard (1..<audit.seuil).contains(vraie), !ligne.libelle.hasSuffix("compétences certifiées") else { return nil }
            guard let maximum = ligne.maximum else { return nil }
            return maximum - ligne.minimum >= audit.seuil ? nil : "\(ligne.libelle) : \(vraie) ∈ [\(ligne.minimum), \(maximum)]"
        }
    }
}
