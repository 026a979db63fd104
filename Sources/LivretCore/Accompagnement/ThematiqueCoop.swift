/// La Coop de la médiation numérique's thématiques (its `thematiqueApiValues`, 2025): the
/// accompaniment themes structures report to the State, and the codes of La Coop's exports.
public enum ThematiqueCoop: String, ValeurCodee {
    case diagnosticNumerique = "diagnostic_numerique"
    case prendreEnMainDuMateriel = "prendre_en_main_du_materiel"
    case maintenanceDeMateriel = "maintenance_de_materiel"
    case gereSesContenusNumeriques = "gere_ses_contenus_numeriques"
    case navigationSurInternet = "navigation_sur_internet"
    case email
    case bureautique
    case reseauxSociaux = "reseaux_sociaux"
    case sante
    case banqueEtAchatsEnLigne = "banque_et_achats_en_ligne"
    case entrepreneuriat
    case insertionProfessionnelle = "insertion_professionnelle"
    case securiteNumerique = "securite_numerique"
    case parentalite
    case scolariteEtNumerique = "scolarite_et_numerique"
    case creerAvecLeNumerique = "creer_avec_le_numerique"
    case cultureNumerique = "culture_numerique"
    case intelligenceArtificielle = "intelligence_artificielle"
    case aideAuxDemarchesAdministratives = "aide_aux_demarches_administratives"
    case papiersElectionsCitoyennete = "papiers_elections_citoyennete"
    case familleScolarite = "famille_scolarite"
    case socialSante = "social_sante"
    case travailFormation = "travail_formation"
    case logement
    case transportsMobilite = "transports_mobilite"
    case argentImpots = "argent_impots"
    case justice
    case etrangersEurope = "etrangers_europe"
    case loisirsSportsCulture = "loisirs_sports_culture"
    case associations

    public var libelle: String {
        switch self {
        case .diagnosticNumerique: "Diagnostic numérique"
        case .prendreEnMainDuMateriel: "Prendre en main du matériel"
        case .maintenanceDeMateriel: "Maintenance de matériel"
        case .gereSesContenusNumeriques: "Gérer ses contenus numériques"
        case .navigationSurInternet: "Navigation sur internet"
        case .email: "E-mail"
        case .bureautique: "Bureautique"
        case .reseauxSociaux: "Réseaux sociaux, communication"
        case .sante: "Santé"
        case .banqueEtAchatsEnLigne: "Banque et achats en ligne"
        case .entrepreneuriat: "Accompagner un professionnel"
        case .insertionProfessionnelle: "Insertion professionnelle"
        case .securiteNumerique: "Prévention en sécurité numérique"
        case .parentalite: "Parentalité"
        case .scolariteEtNumerique: "Scolarité et numérique"
        case .creerAvecLeNumerique: "Créer avec le numérique"
        case .cultureNumerique: "Culture numérique"
        case .intelligenceArtificielle: "Intelligence artificielle (IA)"
        case .aideAuxDemarchesAdministratives: "Aide aux démarches administratives"
        case .papiersElectionsCitoyennete: "Démarches : papiers, élections, citoyenneté"
        case .familleScolarite: "Démarches : famille, scolarité"
        case .socialSante: "Démarches : social, santé"
        case .travailFormation: "Démarches : travail, formation, entreprise"
        case .logement: "Démarches : logement"
        case .transportsMobilite: "Démarches : transports, mobilité"
        case .argentImpots: "Démarches : argent, impôts"
        case .justice: "Démarches : justice"
        case .etrangersEurope: "Démarches : étrangers, Europe"
        case .loisirsSportsCulture: "Démarches : loisirs, sports, culture"
        case .associations: "Démarches : associations"
        }
    }

    /// The Coop's own label, exactly as its CRA form and exports write it (`cra/fields/thematique.ts`):
    /// what a conseiller looks for when re-entering an activity. ``libelle`` is Livret's, which says
    /// « Démarches : » before the administrative ones so that they read apart on Livret's screens.
    public var libelleCoop: String {
        switch self {
        case .reseauxSociaux: "Réseaux sociaux communication"
        case .papiersElectionsCitoyennete: "Papiers - Élections - Citoyenneté"
        case .familleScolarite: "Famille - Scolarité"
        case .socialSante: "Social - Santé"
        case .travailFormation: "Travail - Formation - Entreprise"
        case .logement: "Logement"
        case .transportsMobilite: "Transports - Mobilité"
        case .argentImpots: "Argent - Impôts"
        case .justice: "Justice"
        case .etrangersEurope: "Étrangers - Europe"
        case .loisirsSportsCulture: "Loisirs - Sports - Culture"
        case .associations: "Associations"
        default: libelle
        }
    }

    /// The short names a formateur types: « email », « sante », « demarches »…
    public static func depuisSaisie(_ texte: String) -> ThematiqueCoop? {
        let cle = NormalisationTitre.cle(texte)
        switch cle {
        case "demarches", "demarche", "administratif": return .aideAuxDemarchesAdministratives
        case "mail", "courriel": return .email
        case "materiel", "smartphone", "telephone": return .prendreEnMainDuMateriel
        case "internet", "navigation": return .navigationSurInternet
        case "securite": return .securiteNumerique
        case "emploi", "cv": return .insertionProfessionnelle
        case "banque": return .banqueEtAchatsEnLigne
        case "diagnostic": return .diagnosticNumerique
        case "ia": return .intelligenceArtificielle
        default: return depuis(texte)
        }
    }
}
