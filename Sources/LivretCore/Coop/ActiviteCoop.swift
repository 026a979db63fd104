/// A person as the Coop's activity reports (CRA) see them: sex, year of birth or range, social status,
/// and what they agreed to. Read by the store for the period asked; nothing else about them.
public struct ParticipantCoop: Sendable, Equatable {
    public var sexe: Sexe
    /// The exact year of birth, or the range of an anonymous person's age band.
    public var naissance: ClosedRange<Int>?
    public var statut: StatutSocial
    /// Agreed to be counted (``UsageDonnees/statistiques``): otherwise every attribute is « Non communiqué ».
    public var statistiques: Bool
    /// « Nom Prénom » when the person agreed to be passed on to the Coop and both are known, else nil.
    public var beneficiaire: String?

    public init(sexe: Sexe, naissance: ClosedRange<Int>?, statut: StatutSocial, statistiques: Bool, beneficiaire: String? = nil) {
        self.sexe = sexe
        self.naissance = naissance
        self.statut = statut
        self.statistiques = statistiques
        self.beneficiaire = beneficiaire
    }
}

/// A cohort séance held in the period, with the people present.
public struct SeanceCoop: Sendable, Equatable {
    public var date: Jour
    public var minutes: Int
    /// « Femmes et Numérique — mars 2024 » (the cohort's title) and the séance's theme when noted.
    public var titre: String
    public var theme: String?
    public var presents: [ParticipantCoop]
    /// The APTIC items evidenced that day for the people present: what the séance worked on.
    public var itemsAptic: [String]

    public init(date: Jour, minutes: Int, titre: String, theme: String?, presents: [ParticipantCoop], itemsAptic: [String] = []) {
        self.date = date
        self.minutes = minutes
        self.titre = titre
        self.theme = theme
        self.presents = presents
        self.itemsAptic = itemsAptic
    }
}

/// La Coop de la médiation numérique's own labels (its `*Labels` of 2025), and how Livret's values map to them.
public enum LibellesCoop {
    /// Genres, in the Coop's display order.
    public static let genres = ["Féminin", "Masculin", "Non communiqué"]
    /// Age bands (`trancheAgeLabels`), youngest first; Livret's default bands are the same limits (12, 18, 25, 40, 60, 70).
    public static let tranchesAge = ["Moins de 12 ans", "12 - 17 ans", "18 - 24 ans", "25 - 39 ans", "40 - 59 ans", "60 - 69 ans",
                                     "70 ans et plus", "Non communiqué"]
    /// Social statuses (`statutSocialLabels`).
    public static let statuts = ["Scolarisé", "Sans emploi", "En emploi", "Retraité", "Non communiqué ou hétérogène"]

    /// The Coop's type of place (`typeLieuLabels`).
    public static func typeLieu(_ lieu: LieuAccompagnement) -> String {
        switch lieu {
        case .structure: "Lieu d’activité"
        case .partenaire: "Autre lieu"
        case .domicile: "À domicile"
        case .distance: "À distance"
        }
    }

    /// The Coop's equipment (`materielLabels`).
    public static func materiel(_ m: Materiel) -> String {
        switch m {
        case .ordinateur: "Ordinateur"
        case .telephone: "Téléphone"
        case .tablette: "Tablette"
        case .autre: "Autre"
        case .aucun: "Pas de matériel"
        }
    }

    /// The Coop's autonomy (`autonomieLabels`).
    public static func autonomie(_ a: Autonomie) -> String {
        switch a {
        case .accompagnementComplet: "Avec guidage"
        case .enPartieAutonome: "Autonome avec guidage en cas de besoin"
        case .autonome: "Autonome"
        }
    }

    /// The Coop's kinds of structure a person is sent on to (`structuresRedirectionLabels`), word for word.
    public static func structureRedirection(_ s: StructureRedirection) -> String {
        switch s {
        case .administration: "Administration (mairie, préfecture…)"
        case .mediationNumerique: "Autre structure de médiation numérique"
        case .operateurOuOrganismeEnCharge: "Opérateur ou organisme en charge de la démarche administrative"
        case .aideSociale: "Structure d’aide sociale (maison des solidarités, centre social…)"
        case .insertionProfessionnelle: "Structure d’insertion professionnelle (France Travail, mission locale, chambre de commerce…)"
        case .aideAuxDemarchesAdministratives: "Structure d’aide aux démarches administratives (France Services…)"
        case .autre: "Autre"
        }
    }

    /// The Coop's « orienteVersStructure » as its export writes it: « Oui », « Non », or nil when not said.
    public static func orienteVersStructure(_ o: Orientation?) -> String? {
        o.map { $0 == .pasOrientee ? "Non" : "Oui" }
    }

    /// The Coop's status label.
    public static func statut(_ s: StatutSocial) -> String {
        switch s {
        case .scolarise: statuts[0]
        case .sansEmploi: statuts[1]
        case .enEmploi: statuts[2]
        case .retraite: statuts[3]
        case .nonCommunique: statuts[4]
        }
    }

    /// The Coop's age band on the day of the activity: from the year of birth, or from a range when the whole
    /// range falls in one band; « Non communiqué » otherwise.
    public static func trancheAge(naissance: ClosedRange<Int>?, annee: Int) -> String {
        guard let naissance else { return tranchesAge[7] }
        func rang(_ ne: Int) -> Int {
            let age = annee - ne
            return [12, 18, 25, 40, 60, 70].firstIndex { age < $0 } ?? 6
        }
        let (a, b) = (rang(naissance.lowerBound), rang(naissance.upperBound))
        return a == b ? tranchesAge[a] : tranchesAge[7]
    }
}

/// One collective workshop to enter in the Coop (« CRA collectif »).
public struct CRACollectif: Sendable, Equatable {
    public var date: Jour
    public var minutes: Int
    public var typeLieu: String
    public var nomLieu: String?
    public var titre: String
    public var materiel: [String]
    public var thematiques: [String]
    public var participants: Int
    /// Counts in ``LibellesCoop/genres``, ``LibellesCoop/tranchesAge`` and ``LibellesCoop/statuts`` order.
    public var parGenre: [Int]
    public var parTranche: [Int]
    public var parStatut: [Int]
}

/// One individual accompaniment to enter in the Coop (« CRA individuel »).
public struct CRAIndividuel: Sendable, Equatable {
    public var date: Jour
    public var minutes: Int
    public var typeLieu: String
    public var nomLieu: String?
    /// « Nom Prénom » of a beneficiary passed on to the Coop, nil for an anonymous one.
    public var beneficiaire: String?
    public var genre: String
    public var trancheAge: String
    public var statut: String
    public var thematiques: [String]
    public var autonomie: String?
    public var materiel: [String]
    /// « Oui », « Non », nil when not said (``LibellesCoop/orienteVersStructure(_:)``).
    public var orienteVersStructure: String?
    /// The Coop's label of the kind of structure (``LibellesCoop/structureRedirection(_:)``), nil when not oriented.
    public var structureDeRedirection: String?
}

/// The period's activity as the Coop's CRA: cohort séances and one-off workshops as collective ones,
/// permanence visits and appointments as individual ones, every value in the Coop's own words.
///
/// A person counts in every séance they attended; without their agreement to be counted, their sex,
/// age and status are « Non communiqué » (they are still a participant: the activity happened). A
/// beneficiary is named only with the « coop » consent (``ExportBeneficiairesCoop``).
public enum CRACoop {
    static func ventiler(_ personnes: [ParticipantCoop], annee: Int) -> (genre: [Int], tranche: [Int], statut: [Int]) {
        var g = Array(repeating: 0, count: LibellesCoop.genres.count)
        var t = Array(repeating: 0, count: LibellesCoop.tranchesAge.count)
        var s = Array(repeating: 0, count: LibellesCoop.statuts.count)
        for p in personnes {
            let (genre, tranche, statut) = attributs(p, annee: annee)
            g[LibellesCoop.genres.firstIndex(of: genre)!] += 1
            t[LibellesCoop.tranchesAge.firstIndex(of: tranche)!] += 1
            s[LibellesCoop.statuts.firstIndex(of: statut)!] += 1
        }
        return (g, t, s)
    }

    /// A person's genre, age band and status in the Coop's words, « Non communiqué » without their agreement to be counted.
    public static func attributs(_ p: ParticipantCoop, annee: Int) -> (genre: String, tranche: String, statut: String) {
        guard p.statistiques else { return (LibellesCoop.genres[2], LibellesCoop.tranchesAge[7], LibellesCoop.statuts[4]) }
        return (ExportBeneficiairesCoop.genre(p.sexe), LibellesCoop.trancheAge(naissance: p.naissance, annee: annee), LibellesCoop.statut(p.statut))
    }

    /// Cohort séances with at least one person present; their thématiques are those of the APTIC items
    /// evidenced that day (the APTIC → La Coop crosswalk of `catalogue`).
    public static func collectifs(seances: [SeanceCoop], catalogue: Catalogue) -> [CRACollectif] {
        seances.filter { !$0.presents.isEmpty }.map { s in
            let v = ventiler(s.presents, annee: s.date.annee)
            return CRACollectif(date: s.date, minutes: s.minutes, typeLieu: LibellesCoop.typeLieu(.structure), nomLieu: nil,
                                titre: [s.titre, s.theme].compactMap { $0 }.joined(separator: " — "), materiel: [],
                                thematiques: catalogue.thematiquesCoop(itemsAptic: s.itemsAptic).map(\.libelleCoop),
                                participants: s.presents.count, parGenre: v.genre, parTranche: v.tranche, parStatut: v.statut)
        }
    }

    /// One-off workshops (accompaniments of type « atelier »): one CRA per day, place, duration and theme.
    public static func collectifs(ateliers: [(Accompagnement, ParticipantCoop)], catalogue: Catalogue) -> [CRACollectif] {
        struct Cle: Hashable { var date: Jour; var minutes: Int; var lieu: LieuAccompagnement; var nom: String?; var themes: [ThematiqueCoop] }
        var groupes: [Cle: [(Accompagnement, ParticipantCoop)]] = [:]
        var ordre: [Cle] = []
        for (a, p) in ateliers where a.type == .atelier {
            let cle = Cle(date: a.date, minutes: a.minutes, lieu: a.lieu, nom: a.lieuNom, themes: thematiques(a, catalogue: catalogue))
            if groupes[cle] == nil { ordre.append(cle) }
            groupes[cle, default: []].append((a, p))
        }
        return ordre.map { cle in
            let membres = groupes[cle]!
            let v = ventiler(membres.map(\.1), annee: cle.date.annee)
            let materiel = Array(Set(membres.flatMap(\.0.materiel))).sorted { $0.rawValue < $1.rawValue }.map(LibellesCoop.materiel)
            return CRACollectif(date: cle.date, minutes: cle.minutes, typeLieu: LibellesCoop.typeLieu(cle.lieu), nomLieu: cle.nom,
                                titre: "Atelier" + (cle.themes.first.map { " : \($0.libelle)" } ?? ""), materiel: materiel,
                                thematiques: cle.themes.map(\.libelleCoop), participants: membres.count,
                                parGenre: v.genre, parTranche: v.tranche, parStatut: v.statut)
        }
    }

    /// The Coop thématiques of an accompaniment: those noted, else those of the APTIC items worked on.
    static func thematiques(_ a: Accompagnement, catalogue: Catalogue) -> [ThematiqueCoop] {
        catalogue.thematiquesCoop(notees: a.thematiques, itemsAptic: a.itemsAptic)
    }

    /// Permanence visits and appointments.
    public static func individuels(_ accompagnements: [(Accompagnement, ParticipantCoop)], catalogue: Catalogue) -> [CRAIndividuel] {
        accompagnements.filter { $0.0.type != .atelier }.map { a, p in
            let (genre, tranche, statut) = attributs(p, annee: a.date.annee)
            return CRAIndividuel(date: a.date, minutes: a.minutes, typeLieu: LibellesCoop.typeLieu(a.lieu), nomLieu: a.lieuNom,
                                 beneficiaire: p.beneficiaire, genre: genre, trancheAge: tranche, statut: statut,
                                 thematiques: thematiques(a, catalogue: catalogue).map(\.libelleCoop), autonomie: a.autonomie.map(LibellesCoop.autonomie),
                                 materiel: a.materiel.map(LibellesCoop.materiel),
                                 orienteVersStructure: LibellesCoop.orienteVersStructure(a.orientation),
                                 structureDeRedirection: a.orientation?.structure.map(LibellesCoop.structureRedirection))
        }
    }
}
