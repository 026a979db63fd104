import LivretCore

/// The lists a formatrice hands over as a workbook: a cohort's dashboard and the learner list. They
/// hold personal data (names): the command line writes them as private files, like every export.
public enum ListesClasseur {
    /// The dashboard of cohort `code` (« titre ») on `jour`: the same columns as `livret cohorte montrer`,
    /// hours as numbers, rates as percentages, and a notes sheet with the definitions.
    public static func tableauDeBord(_ lignes: [LigneTableauDeBord], cohorte code: String, titre: String, jour: Jour) -> Classeur {
        typealias C = Classeur.Colonne
        let colonnes = [C("apprenant"), C("nom", largeur: 24), C("statut", largeur: 12), C("heures suivies"), C("assiduité"), C("avancement"),
                        C("critère d'achèvement", largeur: 14), C("certifiable"), C("compétences certifiées"), C("savoir-faire APTIC acquis")]
        let rangees: [[Classeur.Cellule]] = lignes.map { l in
            [.texte(l.identifiant), .texte(l.nom), .texte(l.statut.libelle), .decimal(l.bilan.heuresSuivies, decimales: 1),
             l.bilan.assiduite.map { .pourcentage($0) } ?? .vide, .pourcentage(l.bilan.avancement),
             .texte(l.bilan.critere.atteint ? "atteint" : "non"), .texte(l.bilan.certifiable ? "oui" : "non"),
             .entier(l.bilan.competencesCertifiees.count), .entier(l.itemsAcquis)]
        }
        let notes = [
            "Cohorte \(code) — \(titre), au \(jour.francais).",
            "Heures suivies : les présences « présent ». Assiduité : heures suivies sur les heures des séances déjà tenues.",
            "Avancement : heures suivies sur les heures du parcours (ou de toutes les séances prévues, si c'est plus).",
            "Critère d'achèvement : ce que le parcours demande pour être terminé ; « terminé » est le statut noté par l'équipe de formation.",
            "Ce classeur contient des données personnelles : ne le transmettez qu'aux personnes qui en ont besoin.",
        ]
        return Classeur(titre: "Cohorte \(code)", date: jour, feuilles: [
            .init(nom: "Tableau de bord", colonnes: colonnes, lignes: rangees),
            .init(nom: "Notes", colonnes: [C("notes", largeur: 120)], lignes: notes.map { [.texte($0)] }),
        ])
    }

    /// The learner list: identifier, name shown, year of birth, sex — the columns of `livret apprenant lister`.
    public static func apprenants(_ apprenants: [Apprenant], jour: Jour) -> Classeur {
        typealias C = Classeur.Colonne
        let rangees: [[Classeur.Cellule]] = apprenants.map { a in
            [.texte(a.identifiant), .texte(a.nomAffiche), a.anneeNaissance.map { .entier($0) } ?? .vide, .texte(a.sexe.libelle)]
        }
        return Classeur(titre: "Apprenants", date: jour, feuilles: [
            .init(nom: "Apprenants", colonnes: [C("identifiant"), C("nom", largeur: 24), C("année de naissance"), C("sexe", largeur: 15)], lignes: rangees),
        ])
    }
}
