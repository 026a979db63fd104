import LivretCore

/// The activity review (``BilanActivite``) as a workbook: the same sections as the other formats, one
/// sheet each — key figures (and the previous period's), by kind of activity, by place, hours per person,
/// sex, age, minors and adults, Coop thématiques, satisfaction, follow-ups, testimonies — and a « Notes »
/// sheet on the period and the protection of cells.
public enum ActiviteClasseur {
    /// The workbook of `b`, dated `date` (its document date).
    public static func classeur(_ b: BilanActivite, date: Jour) -> Classeur {
        typealias C = Classeur.Colonne
        var feuilles: [Classeur.Feuille] = []
        // Key figures: one definition (RenduActivite.chiffresCles), each in its unit's column.
        let chiffres = RenduActivite.chiffresCles(b)
        var colonnesCles = [C("chiffre", largeur: 44), C("valeur"), C("unité", largeur: 14), C("part")]
        if b.precedent != nil { colonnesCles.append(C("période précédente", largeur: 16)) }
        feuilles.append(.init(nom: "Chiffres clés", colonnes: colonnesCles, lignes: chiffres.map { c in
            let unite = switch c.colonne {
            case .nombre: "personnes ou jours"
            case .heures: "heures"
            case .passages: "passages"
            case .heuresParBeneficiaire: "heures par personne"
            }
            var ligne: [Classeur.Cellule] = [.texte(c.libelle), .depuisCSV(c.csv), .texte(unite), .depuisCSV(c.partCSV, pourcentage: true)]
            if b.precedent != nil { ligne.append(.depuisCSV(c.precedent?.csv ?? "")) }
            return ligne
        }))
        let colonnesActivite = [C("catégorie", largeur: 30), C("personnes"), C("part des personnes"), C("heures"), C("passages"), C("heures par personne")]
        func activite(_ l: LigneActivite) -> [Classeur.Cellule] {
            [.texte(l.libelle), .publiee(l.beneficiaires), .taux(l.part), l.heures.map { .decimal($0, decimales: 1) } ?? .masque,
             .publiee(l.passages), l.heuresParBeneficiaire.map { .decimal($0, decimales: 1) } ?? .masque]
        }
        if !b.parActivite.isEmpty { feuilles.append(.init(nom: "Par type d'activité", colonnes: colonnesActivite, lignes: b.parActivite.map(activite))) }
        if !b.parLieu.isEmpty { feuilles.append(.init(nom: "Par lieu", colonnes: colonnesActivite, lignes: b.parLieu.map(activite))) }
        func repartition(_ nom: String, _ premiere: String, _ lignes: [LigneRepartition], compte: String = "personnes",
                         part: String = "part des personnes") {
            guard !lignes.isEmpty else { return }
            feuilles.append(.init(nom: nom, colonnes: [C(premiere, largeur: 26), C(compte), C(part)],
                                  lignes: lignes.map { [.texte($0.libelle), .publiee($0.nombre), .taux($0.part)] }))
        }
        repartition("Heures par personne", "heures passées", b.histogramme)
        repartition("Assiduité", "niveau", b.repartitionHeures)
        repartition("Par sexe", "sexe", b.parSexe)
        repartition("Par âge", "tranche d'âge (âge en \(b.anneeReference))", b.parAge)
        repartition("Mineurs et adultes", "catégorie", b.parMajorite)
        repartition("Thématiques", "thématique (La Coop)", b.thematiques, compte: "accompagnements", part: "part des accompagnements")
        repartition("Thématiques des séances", "thématique (La Coop)", b.thematiquesSeances, compte: "séances", part: "part des séances")
        if let satisfaction = b.satisfaction { feuilles += RapportClasseur.satisfaction(satisfaction) }
        if !b.suivis.isEmpty { feuilles.append(RapportClasseur.suivis(b.suivis)) }
        if !b.temoignages.isEmpty {
            feuilles.append(.init(nom: "Témoignages", colonnes: [C("témoignage", largeur: 80), C("signature", largeur: 20), C("contexte", largeur: 30)],
                                  lignes: b.temoignages.map { [.texte($0.texte), .texte($0.signature), .texte($0.contexte)] }))
        }
        var notes = ["Période : \(RenduActivite.periode(b))."]
        if let p = b.precedent { notes.append("Période précédente : \(RenduActivite.periode(du: p.du, au: p.au)).") }
        if b.seuil != nil {
            notes.append("« s » : secret statistique (chiffre masqué, comme dans les autres formats du bilan ; livret rapport activite --audit montre comment).")
        }
        notes += b.avertissements.map { "Attention : \($0)" }
        feuilles.append(.init(nom: "Notes", colonnes: [C("notes", largeur: 120)], lignes: notes.map { [.texte($0)] }))
        return Classeur(titre: "Bilan d'activité \(RenduActivite.periode(b))", date: date, feuilles: feuilles)
    }
}

extension Classeur.Cellule {
    /// A figure as the CSV writes it (``OutilsRapport``: « 575 », « 12,5 », « s », empty) as a typed cell:
    /// the same published figure, never computed a second time.
    static func depuisCSV(_ texte: String, pourcentage: Bool = false) -> Self {
        if texte.isEmpty { return .vide }
        if texte == SecretStatistique.marque { return .masque }
        guard let x = Double(texte.replacingOccurrences(of: ",", with: ".")) else { return .texte(texte) }
        if pourcentage { return .pourcentage(x / 100) }
        if x == x.rounded(), !texte.contains(",") { return .entier(Int(x)) }
        return .decimal(x, decimales: 1)
    }
}
