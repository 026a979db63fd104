/// Hand-written Pix exports shared by the tests of the command line and of the terminal UI (the
/// demo base's learners: Jeanine Lambert is A-0013 in smartphone-2024).
public enum ExportsPixFictifs {
    public static let titres = [
        "Mener une recherche et une veille d’information", "Gérer des données", "Traiter des données",
        "Interagir", "Partager et publier", "Collaborer", "S’insérer dans le monde numérique",
        "Développer des documents textuels", "Développer des documents multimedia", "Adapter les documents à leur finalité",
        "Programmer", "Sécuriser l’environnement numérique", "Protéger les données personnelles et la vie privée",
        "Protéger la santé, le bien-être et l’environnement", "Résoudre des problèmes techniques",
        "Construire un environnement numérique",
    ]

    /// A profiles-collection export: Jeanine (external id A-0013) shared, Gérard did not send, Zoé is unknown.
    public static var collecte: String {
        let competences = titres.flatMap { ["\"Niveau pour la compétence \($0)\"", "\"Nombre de pix pour la compétence \($0)\""] }
        let entete = ["\"Nom de l'organisation\"", "\"ID Campagne\"", "\"Code\"", "\"Nom de la campagne\"", "\"Nom du Participant\"",
                      "\"Prénom du Participant\"", "\"Identifiant\"", "\"Envoi (O/N)\"", "\"Date et heure de l'envoi (Europe/Paris)\"",
                      "\"Nombre de pix total\"", "\"Certifiable (O/N)\"", "\"Nombre de compétences certifiables\""] + competences
        let debut = "\"Espace Grand-Place\";4321;\"SMART24\";\"Profils smartphone\";"
        let jeanine = [1, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1].flatMap { ["\($0)", "\($0 * 8 + 2)"] }
        let lignes = [
            entete.joined(separator: ";"),
            debut + "\"Lambert\";\"Jeanine\";A-0013;\"Oui\";\"12/02/2024 10:15\";70;\"Oui\";5;" + jeanine.joined(separator: ";"),
            debut + "\"Petit\";\"Gérard\";A-0099;\"Non\";NA;NA;NA;NA;" + Array(repeating: "NA", count: 32).joined(separator: ";"),
            debut + "\"Inconnue\";\"Zoé\";;\"Oui\";\"12/02/2024 11:00\";8;\"Non\";1;" + (["1", "8"] + Array(repeating: "0", count: 30)).joined(separator: ";"),
        ]
        return "\u{FEFF}" + lignes.joined(separator: "\n") + "\n"
    }

    /// Pix Certif session results: Jeanine validated on four competences.
    public static var certif: String {
        let codes = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"]
        let entete = ["Numéro de certification", "Prénom", "Nom", "Date de naissance", "Lieu de naissance", "Identifiant Externe", "Statut", "Nombre de Pix"]
            + codes + ["Commentaire jury pour l’organisation", "Session", "Centre de certification", "Date de passage de la certification"]
        let niveaux = ["1", "-", "-", "2", "0", "-", "-", "1", "-", "-", "-", "1", "-", "-", "-", "0"]
        let ligne = ["123456", "Jeanine", "Lambert", "01/01/1952", "Roubaix", "A-0013", "Validée", "190"] + niveaux + ["", "7788", "Centre agréé de Roubaix", "20/02/2024"]
        return "\u{FEFF}" + [entete, ligne].map { $0.map { "\"\($0)\"" }.joined(separator: ";") }.joined(separator: "\n") + "\n"
    }

    /// The assessment columns of one competence (« Gérer des données ») and its domain.
    static let colonnesEvaluation = [
        "% de maitrise des acquis de la compétence Gérer des données", "Nombre d'acquis du profil cible dans la compétence Gérer des données",
        "Acquis maitrisés dans la compétence Gérer des données", "% de maitrise des acquis du domaine Informations et données",
        "Nombre d'acquis du profil cible du domaine Informations et données", "Acquis maitrisés du domaine Informations et données",
    ]

    /// An « examen » campaign (Pix's EXAM type: the assessment columns without « % de progression »),
    /// with the CléA badge of its target profile: Jeanine shared and got the badge, Gérard has not shared.
    public static var examen: String {
        let entete = ["Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne", "Parcours", "Nom du Participant",
                      "Prénom du Participant", "Identifiant", "Date et heure de début (Europe/Paris)", "Partage (O/N)",
                      "Date et heure du partage (Europe/Paris)", "Pix Emploi - CléA Numérique obtenu (O/N)",
                      "% maitrise de l'ensemble des acquis du profil"] + colonnesEvaluation
        let debut = "\"Espace Grand-Place\";5678;\"EXAMCLEA1\";\"Examen blanc CléA\";\"Parcours CléA numérique\";"
        let lignes = [
            entete.map { "\"\($0)\"" }.joined(separator: ";"),
            debut + "\"Lambert\";\"Jeanine\";A-0013;\"13/03/2024 09:00\";\"Oui\";\"13/03/2024 10:30\";\"Oui\";0,82;0,75;8;6;0,75;8;6",
            debut + "\"Petit\";\"Gérard\";\"\";\"13/03/2024 09:05\";\"Non\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\"",
        ]
        return "\u{FEFF}" + lignes.joined(separator: "\n") + "\n"
    }

    /// An assessment campaign « pour grands débutants »: paliers, one competence, a column the
    /// organisation added (« Structure d'accueil », ignored) before the external id.
    public static var grandsDebutants: String {
        let entete = ["Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne", "Parcours", "Nom du Participant",
                      "Prénom du Participant", "Structure d'accueil", "Identifiant", "% de progression",
                      "Date et heure de début (Europe/Paris)", "Partage (O/N)", "Date et heure du partage (Europe/Paris)",
                      "Palier obtenu (/3)", "% maitrise de l'ensemble des acquis du profil"] + colonnesEvaluation
        let debut = "\"Espace Grand-Place\";9012;\"PREMIERSPAS\";\"Premiers pas\";\"Parcours grands débutants\";"
        let lignes = [
            entete.map { "\"\($0)\"" }.joined(separator: ";"),
            debut + "\"Lambert\";\"Jeanine\";\"Roubaix\";A-0013;1;\"05/02/2024 14:00\";\"Oui\";\"05/02/2024 15:10\";2;0,5;0,5;4;2;0,5;4;2",
        ]
        return "\u{FEFF}" + lignes.joined(separator: "\n") + "\n"
    }

    /// Pix Certif session results with the CléA numérique column (after « Statut », where Pix writes
    /// it): Jeanine validated Pix and CléA numérique. `clea` replaces her CléA cell.
    public static func certifCleA(clea: String = "Validée") -> String {
        let codes = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"]
        let entete = ["Numéro de certification", "Prénom", "Nom", "Date de naissance", "Lieu de naissance", "Identifiant Externe", "Statut",
                      "Certification CléA Numérique", "Nombre de Pix"]
            + codes + ["Commentaire jury pour l’organisation", "Session", "Centre de certification", "Date de passage de la certification"]
        let niveaux = ["2", "1", "-", "2", "1", "-", "-", "1", "-", "-", "-", "1", "-", "-", "1", "0"]
        let ligne = ["223344", "Jeanine", "Lambert", "01/01/1952", "Roubaix", "A-0013", "Validée", clea, "260"] + niveaux
            + ["", "7799", "Centre agréé de Roubaix", "20/03/2024"]
        return "\u{FEFF}" + [entete, ligne].map { $0.map { "\"\($0)\"" }.joined(separator: ";") }.joined(separator: "\n") + "\n"
    }
}
