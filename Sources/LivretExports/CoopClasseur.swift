import LivretCore

/// Files for La Coop de la médiation numérique, laid out exactly as its own templates.
public enum CoopClasseur {
    /// The instructions of the Coop's template (row 1, merged over A1:J1), word for word.
    public static let instructions = [
        "Instructions d'utilisation :  ",
        "- Nom et Prénom sont obligatoires ",
        "- Année de naissance est fortement conseillé pour différencier les homonymes ",
        "- Les autres champs sont optionnels ",
        "- Pour compléter le champ commune, renseignez le nom de la commune. Le code INSEE et le code postal seront automatiquement complétés",
    ].joined(separator: "\n")

    /// Row 2 of the template (merged down to row 3, « Commune » over D2:F2).
    public static let entete = ["Nom", "Prénom", "Année de naissance", "Commune", "", "", "N° de téléphone", "E-mail", "Genre", "Notes supplémentaires"]
    /// Row 3 of the template: the three columns of the commune.
    public static let sousEntete = ["", "", "", "Nom", "Code INSEE", "Code postal", "", "", "", ""]

    /// The beneficiary import file (`coop-numerique_import-beneficiaires.xlsx`): sheet « Bénéficiaires »,
    /// the template's three header rows and merged cells, one row per beneficiary from row 4, no empty
    /// row in between (the Coop's importer stops at the first empty one). Phone numbers stay text.
    public static func beneficiaires(_ beneficiaires: [BeneficiaireCoop], date: Jour) -> Classeur {
        let largeurs: [Double] = [20, 20, 12, 20, 11, 11, 16, 28, 14, 30]
        let colonnes = zip(sousEntete, largeurs).map { Classeur.Colonne($0, largeur: $1) }
        var fusions = [Classeur.Fusion(lignes: 0...0, colonnes: 0...9, texte: instructions)]
        for (c, titre) in entete.enumerated() where c < 3 || c > 5 {
            fusions.append(.init(lignes: 1...2, colonnes: c...c, texte: titre))
        }
        fusions.append(.init(lignes: 1...1, colonnes: 3...5, texte: "Commune"))
        let lignes: [[Classeur.Cellule]] = beneficiaires.map { b in
            [.texte(b.nom), .texte(b.prenom), b.anneeNaissance.map { .entier($0) } ?? .vide, .vide, .vide, .vide,
             b.telephone.map { .texte($0) } ?? .vide, b.email.map { .texte($0) } ?? .vide, .texte(b.genre), .texte(b.notes)]
        }
        return Classeur(titre: "Import bénéficiaires La Coop", date: date, feuilles: [
            .init(nom: "Bénéficiaires", colonnes: colonnes, lignes: lignes, prelude: [[instructions], entete], fusions: fusions),
        ])
    }

    /// The period's activity to enter again in the Coop, in its own words: « CRA collectifs » (cohort séances
    /// and one-off workshops: participants by genre, age band and status), « CRA individuels » (visits and
    /// appointments), and « Notes » on how Livret's values were turned into the Coop's. The Coop cannot import
    /// activities (its API only reads): this is what a conseiller types, one line at a time.
    public static func activites(collectifs: [CRACollectif], individuels: [CRAIndividuel], du: Jour, au: Jour) -> Classeur {
        typealias C = Classeur.Colonne
        func liste(_ l: [String]) -> Classeur.Cellule { l.isEmpty ? .vide : .texte(l.joined(separator: ", ")) }
        let colonnesCollectifs = [C("Date"), C("Durée (min)"), C("Type de lieu", largeur: 16), C("Nom du lieu", largeur: 20),
                                  C("Titre de l’atelier", largeur: 36), C("Matériel numérique utilisé", largeur: 20),
                                  C("Thématique(s) d’accompagnement", largeur: 30), C("Participants")]
            + LibellesCoop.genres.map { C($0 == "Non communiqué" ? "Genre non communiqué" : $0) }
            + LibellesCoop.tranchesAge.map { C($0 == "Non communiqué" ? "Âge non communiqué" : $0) } + LibellesCoop.statuts.map { C($0, largeur: 14) }
        let lignesCollectifs: [[Classeur.Cellule]] = collectifs.map { c in
            [.texte(c.date.francais), .entier(c.minutes), .texte(c.typeLieu), c.nomLieu.map { .texte($0) } ?? .vide, .texte(c.titre),
             liste(c.materiel), liste(c.thematiques), .entier(c.participants)]
                + (c.parGenre + c.parTranche + c.parStatut).map { .entier($0) }
        }
        let colonnesIndividuels = [C("Date"), C("Durée (min)"), C("Type de lieu", largeur: 16), C("Nom du lieu", largeur: 20),
                                   C("Bénéficiaire", largeur: 24), C("Genre", largeur: 14), C("Tranche d’âge", largeur: 16),
                                   C("Statut", largeur: 16), C("Thématique(s) d’accompagnement", largeur: 30),
                                   C("Niveau d’autonomie", largeur: 24), C("Matériel numérique utilisé", largeur: 20),
                                   C("Bénéficiaire réorienté", largeur: 12), C("Structure de redirection", largeur: 36)]
        let lignesIndividuels: [[Classeur.Cellule]] = individuels.map { i in
            [.texte(i.date.francais), .entier(i.minutes), .texte(i.typeLieu), i.nomLieu.map { .texte($0) } ?? .vide,
             .texte(i.beneficiaire ?? "Bénéficiaire anonyme"), .texte(i.genre), .texte(i.trancheAge), .texte(i.statut),
             liste(i.thematiques), i.autonomie.map { .texte($0) } ?? .vide, liste(i.materiel),
             i.orienteVersStructure.map { .texte($0) } ?? .vide, i.structureDeRedirection.map { .texte($0) } ?? .vide]
        }
        let notes = [
            "Activité du \(du.francais) au \(au.francais), à saisir dans La Coop de la médiation numérique (Mes activités, Compléter un compte-rendu d’activité) : La Coop n’importe pas les activités.",
            "CRA collectifs : les séances des cohortes (lieu d’activité de la structure ; les personnes présentes) et les ateliers ponctuels.",
            "CRA individuels : les passages en permanence et les rendez-vous. Une personne est nommée seulement si elle a accepté d’être transmise à La Coop (accord « coop ») ; sinon « Bénéficiaire anonyme ».",
            "Genre, tranche d’âge et statut : « Non communiqué » pour une personne qui n’a pas accepté d’être comptée dans les chiffres. « Autre » devient « Non communiqué » (La Coop n’a pas d’autre valeur).",
            "Tranches d’âge : l’âge l’année de l’activité ; pour une personne anonyme, la tranche de La Coop quand toute sa tranche d’âge y tient.",
            "Thématiques : pour une séance, celles des savoir-faire APTIC prouvés ce jour-là par les personnes présentes (table APTIC → La Coop des référentiels) ; pour un accompagnement, celles notées, sinon celles de ses savoir-faire APTIC. Vide : rien n’a été noté, à choisir dans La Coop.",
            "Lieu : « dans la structure » → Lieu d’activité ; « chez un partenaire » → Autre lieu ; « à domicile » → À domicile ; « à distance » → À distance.",
            "Autonomie : « accompagnement complet » → Avec guidage ; « en partie autonome » → Autonome avec guidage en cas de besoin ; « autonome » → Autonome.",
            "Orientation : « Oui » avec la structure de redirection de La Coop quand la personne a été orientée vers une autre structure, « Non » quand elle ne l’a pas été, vide quand rien n’a été noté (à compléter dans La Coop si besoin). Les ateliers n’en ont pas : le CRA collectif de La Coop ne la demande pas.",
            "Livret ne note ni le niveau des ateliers, ni le matériel des séances de cohorte : à compléter dans La Coop si besoin.",
        ]
        return Classeur(titre: "Activité pour La Coop", date: au, feuilles: [
            .init(nom: "CRA collectifs", colonnes: colonnesCollectifs, lignes: lignesCollectifs),
            .init(nom: "CRA individuels", colonnes: colonnesIndividuels, lignes: lignesIndividuels),
            .init(nom: "Notes", colonnes: [C("notes", largeur: 140)], lignes: notes.map { [.texte($0)] }),
        ])
    }
}
