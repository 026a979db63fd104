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
}
