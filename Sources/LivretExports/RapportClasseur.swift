import LivretCore

/// The funder report (``Rapport``) as a workbook: one sheet per table of the other formats — counts,
/// rates and hours, drop-outs by reason, positive outcomes, objectives, satisfaction, follow-ups — and
/// a « Notes » sheet saying what the report covers and how cells were protected. Numbers are numbers,
/// rates fractions formatted as percentages, masked cells « s » as everywhere else.
public enum RapportClasseur {
    /// The workbook of `r`, dated `date` (its document date).
    public static func classeur(_ r: Rapport, date: Jour) -> Classeur {
        typealias C = Classeur.Colonne
        let cles = [C("niveau", largeur: 11), C("sexe", largeur: 15), C("sous-catégorie", largeur: 22)]
        // The CSV's `niveau` codes in words: « détail », « total par sexe », « ensemble ».
        func debut(_ niveau: String, _ l: LigneRapport) -> [Classeur.Cellule] {
            let libelle = switch niveau {
            case "ligne": "détail"
            case "total_sexe": "total par sexe"
            default: niveau
            }
            return [.texte(libelle), .texte(l.sexe?.libelle ?? "ensemble"), l.sousCategorie.map { .texte($0) } ?? .vide]
        }
        func heures(_ l: LigneRapport, _ h: Double?) -> Classeur.Cellule {
            h.map { .decimal($0, decimales: 1) } ?? (l.sexe == nil ? .masque : .vide)
        }
        let lignes = RenduRapport.lignesOrdonnees(r)
        var feuilles = [
            Classeur.Feuille(nom: "Effectifs", colonnes: cles + ["inscrits", "commencés", "terminés", "abandons", "certifiés", "compétences certifiées"].map { C($0) },
                             lignes: lignes.map { niveau, l in
                                 debut(niveau, l) + [l.inscrits, l.commences, l.termines, l.abandons, l.certifies].map(Classeur.Cellule.publiee)
                                     + [l.competencesCertifiees.map(Classeur.Cellule.publiee) ?? .vide]
                             }),
            Classeur.Feuille(nom: "Taux et heures",
                             colonnes: cles + ["taux de complétion", "taux d'abandon", "taux de certification", "heures prévues", "heures suivies", "assiduité"].map { C($0) },
                             lignes: lignes.map { niveau, l in
                                 debut(niveau, l) + [l.tauxCompletion, l.tauxAbandon, l.tauxCertification].map(Classeur.Cellule.taux)
                                     + [heures(l, l.heuresPrevues), heures(l, l.heuresSuivies), .taux(l.assiduite)]
                             }),
        ]
        if !r.motifsAbandon.isEmpty {
            feuilles.append(.init(nom: "Abandons par motif", colonnes: [C("motif", largeur: 40), C("abandons")],
                                  lignes: r.motifsAbandon.map { [.texte($0.motif), .publiee($0.nombre)] }))
        }
        feuilles.append(.init(nom: "Sorties positives", colonnes: [C("sortie", largeur: 40), C("personnes")],
                              lignes: r.sorties.map { [.texte($0.type.libelle), .publiee($0.nombre)] }))
        if !r.objectifs.isEmpty {
            feuilles.append(.init(nom: "Objectifs", colonnes: [C("parcours", largeur: 24), C("objectif", largeur: 24), C("visé"), C("effectif visé"),
                                                               C("réalisé"), C("effectif réel"), C("atteint")],
                                  lignes: r.objectifs.map { o in
                                      [.texte(o.parcours), .texte(o.libelle), .entier(o.vise), o.effectifVise.map { .entier($0) } ?? .vide,
                                       .publiee(o.realise), .publiee(o.effectifReel), o.atteint.map { .texte($0 ? "oui" : "non") } ?? .masque]
                                  }))
        }
        if let satisfaction = r.satisfaction { feuilles += RapportClasseur.satisfaction(satisfaction) }
        if let suivis = r.suivis, !suivis.isEmpty { feuilles.append(RapportClasseur.suivis(suivis)) }
        feuilles.append(notes(r))
        return Classeur(titre: "Rapport — \(r.perimetre)", date: date, feuilles: feuilles)
    }

    /// Respondents and satisfied by sex, then every answer to every question.
    static func satisfaction(_ s: SatisfactionPubliee) -> [Classeur.Feuille] {
        typealias C = Classeur.Colonne
        let parSexe = Classeur.Feuille(nom: "Satisfaction", colonnes: [C("sexe", largeur: 15), C("répondants"), C("satisfaits"), C("part de satisfaits")],
                                       lignes: s.lignes.map { [.texte($0.libelle), .publiee($0.repondants), .publiee($0.satisfaits), .taux($0.part)] })
        var reponses: [[Classeur.Cellule]] = []
        for q in s.questions {
            for (niveau, (nombre, part)) in zip(QuestionnaireSatisfaction.echelle, zip(q.reponses, q.parts)) {
                reponses.append([.texte(q.question), .texte(niveau), .publiee(nombre), .taux(part)])
            }
        }
        return [parSexe, .init(nom: "Réponses", colonnes: [C("question", largeur: 50), C("réponse", largeur: 22), C("nombre"), C("part des répondants")],
                               lignes: reponses)]
    }

    /// Each delay and sex: the people followed, each situation, and the share of positive outcomes.
    static func suivis(_ suivis: [SuiviPublie]) -> Classeur.Feuille {
        typealias C = Classeur.Colonne
        let colonnes = [C("délai (mois)"), C("sexe", largeur: 15)] + RenduQualite.colonnesSuivi.map { C($0, largeur: 14) }
        let lignes = suivis.flatMap { s in
            s.lignes.map { l -> [Classeur.Cellule] in
                [.entier(s.delaiMois), .texte(l.libelle)] + ([l.suivis] + l.situations + [l.tempsPartiel, l.enLien]).map(Classeur.Cellule.publiee)
                    + [.taux(l.partPositive)]
            }
        }
        return .init(nom: "Suivi après l'action", colonnes: colonnes, lignes: lignes)
    }

    /// What the workbook covers and how its cells were protected.
    static func notes(_ r: Rapport) -> Classeur.Feuille {
        var lignes = [
            "Périmètre : \(r.perimetre).",
            "Année de référence (âges) : \(r.anneeReference). Ventilation : \(r.croisement.libelle).",
        ]
        if r.seuil != nil {
            lignes.append("« s » : secret statistique (chiffre masqué, comme dans les autres formats du rapport ; livret rapport --audit montre comment).")
        }
        lignes.append("Taux : sur les inscrits ; assiduité : heures suivies sur heures prévues. Écart de complétion femmes − hommes : \(r.ecart.texte)")
        lignes.append("Méthode de l'intervalle : \(r.methodeIntervalle).")
        lignes += r.avertissements.map { "Attention : \($0)" }
        return .init(nom: "Notes", colonnes: [.init("notes", largeur: 120)], lignes: lignes.map { [.texte($0)] })
    }
}
