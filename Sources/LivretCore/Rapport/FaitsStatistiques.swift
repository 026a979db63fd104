/// The categories a report breaks people down by, as read from the base (no identity).
public struct CategoriesStatistiques: Sendable, Hashable, Codable {
    public var sexe: Sexe
    public var anneeNaissance: Int?
    public var qpv: ResidenceQPV
    public var statut: StatutSocial

    public init(sexe: Sexe, anneeNaissance: Int?, qpv: ResidenceQPV, statut: StatutSocial) {
        self.sexe = sexe
        self.anneeNaissance = anneeNaissance
        self.qpv = qpv
        self.statut = statut
    }
}

/// Inscriptions sharing every fact the report's rules look at, as aggregated by the store. The
/// store only reads facts; which count an inscription falls in (``Decompte``), whether it is
/// certified and whether it may be counted at all (``UsageDonnees/statistiques``) is decided here.
public struct FaitsInscriptions: Sendable, Equatable, Codable {
    public var categories: CategoriesStatistiques
    /// The latest recorded status.
    public var statutInscription: StatutInscription
    /// Some minutes « présent » were recorded.
    public var venu: Bool
    /// Pix competences certified in the person's best validated certification (0: none).
    public var competencesCertifiees: Int
    /// The « statistiques » flag of the consent in force (nil: no consent recorded).
    public var accordStatistiques: Bool?
    /// How many inscriptions share these facts, and their hours.
    public var nombre: Int
    public var minutesPrevues: Int
    public var minutesSuivies: Int

    public init(categories: CategoriesStatistiques, statutInscription: StatutInscription, venu: Bool, competencesCertifiees: Int,
                accordStatistiques: Bool?, nombre: Int, minutesPrevues: Int, minutesSuivies: Int) {
        self.categories = categories
        self.statutInscription = statutInscription
        self.venu = venu
        self.competencesCertifiees = competencesCertifiees
        self.accordStatistiques = accordStatistiques
        self.nombre = nombre
        self.minutesPrevues = minutesPrevues
        self.minutesSuivies = minutesSuivies
    }
}

/// Drop-out reasons or exits of inscriptions sharing categories and consent, as counted by the store.
public struct FaitsLibelles: Sendable, Equatable, Codable {
    public var categories: CategoriesStatistiques
    public var accordStatistiques: Bool?
    /// The reason (``GroupeStatistique/motifsAbandon``) or the raw value of a ``TypeSortie``.
    public var libelle: String
    public var nombre: Int

    public init(categories: CategoriesStatistiques, accordStatistiques: Bool?, libelle: String, nombre: Int) {
        self.categories = categories
        self.accordStatistiques = accordStatistiques
        self.libelle = libelle
        self.nombre = nombre
    }
}

/// The groups a report is computed from, and how many inscriptions were left out of it.
public struct RegroupementStatistique: Sendable, Equatable, Codable {
    public var groupes: [GroupeStatistique]
    /// Inscriptions whose person did not agree to be counted (never silently dropped: the report says so).
    public var horsStatistiques: Int

    public init(groupes: [GroupeStatistique], horsStatistiques: Int) {
        self.groupes = groupes
        self.horsStatistiques = horsStatistiques
    }

    /// Applies the rules to the facts: consent first, then the counts of ``Decompte`` and the
    /// certification; groups come out in a stable order.
    public static func regrouper(_ faits: [FaitsInscriptions], motifsAbandon: [FaitsLibelles] = [], sorties: [FaitsLibelles] = []) -> RegroupementStatistique {
        var groupes: [CategoriesStatistiques: GroupeStatistique] = [:]
        var hors = 0
        func groupe(_ c: CategoriesStatistiques) -> GroupeStatistique {
            groupes[c] ?? GroupeStatistique(sexe: c.sexe, anneeNaissance: c.anneeNaissance, qpv: c.qpv, statut: c.statut)
        }
        for f in faits {
            guard UsageDonnees.statistiques.autorise(portee: f.accordStatistiques) else {
                hors += f.nombre
                continue
            }
            let decompte = Decompte(statut: f.statutInscription, venu: f.venu)
            var g = groupe(f.categories)
            g.inscrits += f.nombre
            g.commences += decompte.commence ? f.nombre : 0
            g.termines += decompte.termine ? f.nombre : 0
            g.abandons += decompte.abandon ? f.nombre : 0
            g.certifies += f.competencesCertifiees > 0 ? f.nombre : 0
            g.competencesCertifiees += f.competencesCertifiees * f.nombre
            g.minutesPrevues += f.minutesPrevues
            g.minutesSuivies += f.minutesSuivies
            groupes[f.categories] = g
        }
        for m in motifsAbandon where UsageDonnees.statistiques.autorise(portee: m.accordStatistiques) {
            var g = groupe(m.categories)
            g.motifsAbandon[m.libelle, default: 0] += m.nombre
            groupes[m.categories] = g
        }
        for s in sorties where UsageDonnees.statistiques.autorise(portee: s.accordStatistiques) {
            var g = groupe(s.categories)
            g.sorties[s.libelle, default: 0] += s.nombre
            groupes[s.categories] = g
        }
        let ordonnes = groupes.values.sorted {
            ($0.sexe.rawValue, $0.anneeNaissance ?? -1, $0.qpv.rawValue, $0.statut.rawValue)
                < ($1.sexe.rawValue, $1.anneeNaissance ?? -1, $1.qpv.rawValue, $1.statut.rawValue)
        }
        return RegroupementStatistique(groupes: ordonnes, horsStatistiques: hors)
    }
}
