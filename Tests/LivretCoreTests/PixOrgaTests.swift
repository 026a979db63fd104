import Foundation
import LivretCore
import LivretReferentiels
import Testing

/// Hand-written Pix Orga exports (reference/pix.md §4). Cells are written raw, as Pix's CSV
/// serializer writes them (quotes, formula guard, unquoted numbers), then joined with ";".
enum PixOrgaFixtures {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Raw cells → one CSV line.
    static func ligne(_ cellules: String...) -> String { cellules.joined(separator: ";") }
    static func ligne(_ cellules: [String]) -> String { cellules.joined(separator: ";") }

    /// Lines → a file: UTF-8, BOM (unless told), LF.
    static func fichier(_ lignes: [String], bom avecBom: Bool = true) -> Data {
        Data((avecBom ? bom : []) + Array((lignes.joined(separator: "\n") + "\n").utf8))
    }

    static func pix() throws -> ReferentielPix { try ReferentielsEmbarques.catalogue().pix }

    static func lire(_ lignes: [String], bom: Bool = true) throws -> ExportPixOrga {
        try LecturePixOrga.lire(fichier(lignes, bom: bom), fichier: "Resultats-Test-1234-2019-03-02-0004.csv", pix: pix())
    }

    /// The errors of a file that must be refused.
    static func erreurs(_ lignes: [String], bom: Bool = true) throws -> [ErreurImport] {
        let referentiel = try pix()
        do {
            let export = try LecturePixOrga.lire(fichier(lignes, bom: bom), fichier: "export.csv", pix: referentiel)
            Issue.record("lu sans erreur : \(export)")
            return []
        } catch {
            return error.erreurs
        }
    }

    /// Profiles collection, current headers, two competences, as in pix.md §4.
    static let enteteCollecte = ligne(
        "\"Nom de l'organisation\"", "\"ID Campagne\"", "\"Code\"", "\"Nom de la campagne\"", "\"Nom du Participant\"",
        "\"Prénom du Participant\"", "\"Envoi (O/N)\"", "\"Date et heure de l'envoi (Europe/Paris)\"", "\"Nombre de pix total\"",
        "\"Certifiable (O/N)\"", "\"Nombre de compétences certifiables\"",
        "\"Niveau pour la compétence Gérer des données\"", "\"Nombre de pix pour la compétence Gérer des données\"",
        "\"Niveau pour la compétence Interagir\"", "\"Nombre de pix pour la compétence Interagir\"")
    /// The data line of pix.md §4, verbatim.
    static let ligneCollecte = "\"Observatoire de Pix\";1234;\"QWERTY456\";\"'@Campagne de Test N°2\";\"'=Bono\";\"'@Jean\";\"Oui\";\"02/03/2019 00:04\";52;\"Non\";2;1;12;5;40"

    /// The 16 official titles, typographic apostrophes as in Pix's learning content.
    static let titres = [
        "Mener une recherche et une veille d\u{2019}information", "Gérer des données", "Traiter des données",
        "Interagir", "Partager et publier", "Collaborer", "S\u{2019}insérer dans le monde numérique",
        "Développer des documents textuels", "Développer des documents multimedia", "Adapter les documents à leur finalité", "Programmer",
        "Sécuriser l\u{2019}environnement numérique", "Protéger les données personnelles et la vie privée",
        "Protéger la santé, le bien-être et l\u{2019}environnement",
        "Résoudre des problèmes techniques", "Construire un environnement numérique",
    ]
    static let codes = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"]

    /// Assessment campaign, current headers: stage, two badges, two competences, two domains, two skills.
    static let enteteEvaluation = ligne(
        "\"Nom de l'organisation\"", "\"ID Campagne\"", "\"Code\"", "\"Nom de la campagne\"", "\"Parcours\"",
        "\"Nom du Participant\"", "\"Prénom du Participant\"", "\"email\"",
        "\"% de progression\"", "\"Date et heure de début (Europe/Paris)\"", "\"Partage (O/N)\"", "\"Date et heure du partage (Europe/Paris)\"",
        "\"Palier obtenu (/5)\"", "\"Pix Emploi obtenu (O/N)\"", "\"Badge \u{2019}Citoyen\u{2019} obtenu (O/N)\"",
        "\"% maitrise de l'ensemble des acquis du profil\"",
        "\"% de maitrise des acquis de la compétence Mener une recherche et une veille d\u{2019}information\"",
        "\"Nombre d'acquis du profil cible dans la compétence Mener une recherche et une veille d\u{2019}information\"",
        "\"Acquis maitrisés dans la compétence Mener une recherche et une veille d\u{2019}information\"",
        "\"% de maitrise des acquis de la compétence Sécuriser l\u{2019}environnement numérique\"",
        "\"Nombre d'acquis du profil cible dans la compétence Sécuriser l\u{2019}environnement numérique\"",
        "\"Acquis maitrisés dans la compétence Sécuriser l\u{2019}environnement numérique\"",
        "\"% de maitrise des acquis du domaine Informations et données\"",
        "\"Nombre d'acquis du profil cible du domaine Informations et données\"",
        "\"Acquis maitrisés du domaine Informations et données\"",
        "\"% de maitrise des acquis du domaine Protection et sécurité\"",
        "\"Nombre d'acquis du profil cible du domaine Protection et sécurité\"",
        "\"Acquis maitrisés du domaine Protection et sécurité\"",
        "\"'@web1\"", "\"'@sécu2\"")
    static let ligneEvaluationPartagee = ligne(
        "\"Association Le Lien\"", "987", "\"ABCDEF123\"", "\"Évaluation de rentrée\"", "\"Bases du numérique\"",
        "\"Martin\"", "\"Léa\"", "\"lea.martin@example.org\"",
        "1", "\"05/09/2024 14:10\"", "\"Oui\"", "\"06/09/2024 09:30\"",
        "3", "\"Oui\"", "\"Non\"", "0,62",
        "0,75", "4", "3", "0,5", "2", "1",
        "0,75", "4", "3", "0,5", "2", "1",
        "\"OK\"", "\"KO\"")
    static let ligneEvaluationNonPartagee = ligne(
        "\"Association Le Lien\"", "987", "\"ABCDEF123\"", "\"Évaluation de rentrée\"", "\"Bases du numérique\"",
        "\"Petit\"", "\"Karim\"", "\"karim.petit@example.org\"",
        "0,4", "\"10/09/2024 10:00\"", "\"Non\"", "\"NA\"",
        "\"NA\"", "\"NA\"", "\"NA\"", "\"NA\"",
        "\"NA\"", "\"NA\"", "\"NA\"", "\"NA\"", "\"NA\"", "\"NA\"",
        "\"NA\"", "\"NA\"", "\"NA\"", "\"NA\"", "\"NA\"", "\"NA\"",
        "\"NA\"", "\"NA\"")
}

@Suite("Lecture des exports Pix Orga : format des cellules")
struct PixOrgaCellulesTests {
    typealias F = PixOrgaFixtures

    @Test("BOM UTF-8 en tête : la première colonne est reconnue ; sans BOM, même résultat")
    func bom() throws {
        let avec = try F.lire([F.enteteCollecte, F.ligneCollecte], bom: true)
        let sans = try F.lire([F.enteteCollecte, F.ligneCollecte], bom: false)
        #expect(avec.campagne.organisation == "Observatoire de Pix")
        #expect(avec.colonnesIgnorees.isEmpty)
        #expect(avec == sans)
    }

    @Test("Guillemets doublés et « ; » à l'intérieur d'un texte entre guillemets")
    func guillemets() throws {
        let ligne = "\"Club \"\"Les Geeks\"\"; Roubaix\";1234;\"QWERTY456\";\"Atelier \"\"Mail\"\"\";\"N'Diaye\";\"Aïssata \"\"Sata\"\"\";\"Oui\";\"02/03/2019 00:04\";52;\"Non\";2;1;12;5;40"
        let export = try F.lire([F.enteteCollecte, ligne])
        #expect(export.campagne.organisation == "Club \"Les Geeks\"; Roubaix")
        #expect(export.campagne.nom == "Atelier \"Mail\"")
        #expect(export.participations[0].nom == "N'Diaye")
        #expect(export.participations[0].prenom == "Aïssata \"Sata\"")
    }

    @Test("Chaînes de chiffres (et tirets) écrites sans guillemets : lues comme textes, zéros compris")
    func chiffresSansGuillemets() throws {
        let entete = F.enteteCollecte.replacingOccurrences(of: "\"Envoi (O/N)\"", with: "\"Identifiant\";\"Envoi (O/N)\"")
        let l1 = "\"Observatoire de Pix\";1234;\"QWERTY456\";\"Campagne\";\"Durand\";\"Paul\";0012345;\"Oui\";\"02/03/2019 00:04\";52;\"Non\";2;1;12;5;40"
        let l2 = "\"Observatoire de Pix\";1234;\"QWERTY456\";\"Campagne\";\"Roux\";\"Ana\";2024-001;\"Oui\";\"02/03/2019 00:04\";52;\"Non\";2;1;12;5;40"
        let export = try F.lire([entete, l1, l2])
        #expect(export.campagne.id == "1234")
        #expect(export.libelleIdentifiantExterne == "Identifiant")
        #expect(export.participations.map(\.identifiantExterne) == ["0012345", "2024-001"])
    }

    @Test("Garde anti-formule : la quote ajoutée devant = + - @ est retirée")
    func gardeFormule() throws {
        let lignes = [("'=Bono", "'@Jean"), ("'+33612345678", "'-Marie"), ("'-Dupont", "'+Luc"), ("'@Nom", "'=Zoé")]
            .map { nom, prenom in
                "\"Observatoire de Pix\";1234;\"QWERTY456\";\"'@Campagne de Test N°2\";\"\(nom)\";\"\(prenom)\";\"Oui\";\"02/03/2019 00:04\";52;\"Non\";2;1;12;5;40"
            }
        let export = try F.lire([F.enteteCollecte] + lignes)
        #expect(export.campagne.nom == "@Campagne de Test N°2")
        #expect(export.participations.map(\.nom) == ["=Bono", "+33612345678", "-Dupont", "@Nom"])
        #expect(export.participations.map(\.prenom) == ["@Jean", "-Marie", "+Luc", "=Zoé"])
    }

    @Test("« NA » d'un profil non envoyé : résultats absents (nil, vides), pas des zéros")
    func naNonPartage() throws {
        let nonEnvoye = "\"Observatoire de Pix\";1234;\"QWERTY456\";\"Campagne\";\"Absent\";\"Alex\";\"Non\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\";\"NA\""
        let export = try F.lire([F.enteteCollecte, F.ligneCollecte, nonEnvoye])
        let p = export.participations[1]
        #expect(p.ligne == 3)
        #expect(p.partage == false)
        #expect(p.datePartage == nil)
        #expect(p.pixTotal == nil)
        #expect(p.certifiable == nil)
        #expect(p.competencesCertifiables == nil)
        #expect(p.niveaux.isEmpty)
        #expect(p.pix.isEmpty)
        // Assessment: the unshared line keeps its progression and start date, but no result.
        let evaluation = try F.lire([F.enteteEvaluation, F.ligneEvaluationNonPartagee])
        let q = evaluation.participations[0]
        #expect(q.partage == false)
        #expect(q.progression == 0.4)
        #expect(q.dateDebut == Jour("2024-09-10"))
        #expect(q.datePartage == nil && q.palier == nil && q.palierMax == nil && q.maitrise == nil)
        #expect(q.badges.isEmpty && q.maitriseParCompetence.isEmpty && q.maitriseParDomaine.isEmpty && q.acquis.isEmpty)
    }

    @Test("« Oui » / « Non »")
    func ouiNon() throws {
        let certifiable = F.ligneCollecte.replacingOccurrences(of: "\"Non\";2", with: "\"Oui\";5")
        let export = try F.lire([F.enteteCollecte, F.ligneCollecte, certifiable])
        #expect(export.participations.map(\.partage) == [true, true])
        #expect(export.participations.map(\.certifiable) == [false, true])
        #expect(export.participations.map(\.competencesCertifiables) == [2, 5])
        let faux = F.ligneCollecte.replacingOccurrences(of: "\"Non\";2", with: "\"Peut-être\";2")
        let erreurs = try F.erreurs([F.enteteCollecte, faux])
        #expect(erreurs.map(\.champ) == ["Certifiable (O/N)"])
        #expect(erreurs[0].message.contains("Oui ou Non"))
    }

    @Test("Virgule décimale ; taux en fraction de 0 à 1")
    func virguleDecimale() throws {
        let export = try F.lire([F.enteteEvaluation, F.ligneEvaluationPartagee])
        let p = export.participations[0]
        #expect(p.progression == 1)
        #expect(p.maitrise == 0.62)
        #expect(p.maitriseParCompetence == ["1.1": 0.75, "4.1": 0.5])
        // A percentage is not a fraction.
        let pourcentage = F.ligneEvaluationPartagee.replacingOccurrences(of: ";0,62;", with: ";62;")
        let erreurs = try F.erreurs([F.enteteEvaluation, pourcentage])
        #expect(erreurs.count == 1)
        #expect(erreurs[0].champ == "% maitrise de l'ensemble des acquis du profil")
        #expect(erreurs[0].ligne == 2)
    }

    @Test("Dates « 02/03/2019 00:04 » et anciennes « 2019-03-02 »")
    func dates() throws {
        let ancienne = F.ligneCollecte.replacingOccurrences(of: "\"02/03/2019 00:04\"", with: "\"2019-03-02\"")
        let export = try F.lire([F.enteteCollecte, F.ligneCollecte, ancienne])
        #expect(export.participations.map(\.datePartage) == [Jour("2019-03-02"), Jour("2019-03-02")])
    }
}

@Suite("Lecture des exports Pix Orga : en-têtes")
struct PixOrgaEntetesTests {
    typealias F = PixOrgaFixtures

    @Test("Un palier maximal négatif dans l'en-tête est refusé avec un message, sans planter")
    func palierMaximalNegatif() throws {
        let entete = F.enteteEvaluation.replacingOccurrences(of: "Palier obtenu (/5)", with: "Palier obtenu (/-3)")
        var lu: ExportPixOrga?
        var refus: (any Error)?
        do { lu = try LecturePixOrga.lire(F.fichier([entete, F.ligneEvaluationPartagee]), fichier: "export.csv", pix: F.pix()) } catch { refus = error }
        // Either the column is not read as a palier, or the file is refused: never a crash.
        #expect(lu != nil || refus != nil)
        #expect(lu?.participations.first?.palierMax == nil, "un maximum négatif n'est pas lu comme un maximum")
    }

    @Test("Anciens en-têtes : Nom du Profil Cible, Date de début, Date du partage (évaluation), Date de l'envoi (collecte)")
    func anciensEntetes() throws {
        let entete = F.ligne("\"Nom de l'organisation\"", "\"ID Campagne\"", "\"Nom de la campagne\"", "\"Nom du Profil Cible\"",
                             "\"Nom du Participant\"", "\"Prénom du Participant\"", "\"Identifiant\"", "\"% de progression\"",
                             "\"Date de début\"", "\"Partage (O/N)\"", "\"Date du partage\"", "\"% maitrise de l'ensemble des acquis du profil\"")
        let l = F.ligne("\"Mairie\"", "42", "\"Test 2019\"", "\"Profil ancien\"", "\"Blanc\"", "\"Marc\"", "77", "1", "2019-03-01",
                        "\"Oui\"", "2019-03-02", "0,5") // Pix writes digits-and-dashes strings unquoted
        let export = try F.lire([entete, l])
        #expect(export.genre == .evaluation)
        #expect(export.campagne == ExportPixOrga.Campagne(organisation: "Mairie", id: "42", code: "", nom: "Test 2019", parcours: "Profil ancien"))
        let p = export.participations[0]
        #expect(p.identifiantExterne == "77")
        #expect(p.dateDebut == Jour("2019-03-01"))
        #expect(p.datePartage == Jour("2019-03-02"))
        #expect(p.maitrise == 0.5)
        #expect(export.colonnesIgnorees.isEmpty)

        let enteteCollecte = F.enteteCollecte.replacingOccurrences(of: "Date et heure de l'envoi (Europe/Paris)", with: "Date de l'envoi")
        let ancienne = F.ligneCollecte.replacingOccurrences(of: "\"02/03/2019 00:04\"", with: "\"2019-03-02\"")
        let collecte = try F.lire([enteteCollecte, ancienne])
        #expect(collecte.genre == .collecteProfils)
        #expect(collecte.participations[0].datePartage == Jour("2019-03-02"))
    }

    @Test("Nouveaux en-têtes, colonnes dans un autre ordre : reconnues par leur nom")
    func autreOrdre() throws {
        // Same cells as the §4 line, columns reversed.
        let entete = F.enteteCollecte.split(separator: ";").reversed().joined(separator: ";")
        let ligne = F.ligneCollecte.split(separator: ";").reversed().joined(separator: ";")
        let export = try F.lire([entete, ligne])
        let attendu = try F.lire([F.enteteCollecte, F.ligneCollecte])
        #expect(export == attendu)
        #expect(attendu.campagne == ExportPixOrga.Campagne(organisation: "Observatoire de Pix", id: "1234", code: "QWERTY456",
                                                           nom: "@Campagne de Test N°2", parcours: nil))
        #expect(attendu.participations == [ParticipationPix(ligne: 2, nom: "=Bono", prenom: "@Jean", partage: true,
            datePartage: Jour("2019-03-02"), pixTotal: 52, certifiable: false, competencesCertifiables: 2,
            niveaux: ["1.2": 1, "2.1": 5], pix: ["1.2": 12, "2.1": 40])])
    }

    @Test("Colonnes ajoutées par l'organisation (n'importe où) : ignorées et listées ; l'identifiant externe est la dernière avant Envoi")
    func colonnesOrganisation() throws {
        let entete = F.enteteCollecte
            .replacingOccurrences(of: "\"Envoi (O/N)\"", with: "\"Date de naissance\";\"Groupe\";\"Classe\";\"Numéro Étudiant\";\"email\";\"Envoi (O/N)\"")
            .replacingOccurrences(of: "\"Code\"", with: "\"Code\";\"Antenne\"") + ";\"Remarque\""
        let ligne = F.ligneCollecte
            .replacingOccurrences(of: "\"Oui\"", with: "\"12/05/1990\";\"G1\";\"CM2\";\"E-42\";\"jean@example.org\";\"Oui\"")
            .replacingOccurrences(of: "\"QWERTY456\"", with: "\"QWERTY456\";\"Nord\"") + ";\"RAS\""
        let export = try F.lire([entete, ligne])
        #expect(export.libelleIdentifiantExterne == "email")
        #expect(export.participations[0].identifiantExterne == "jean@example.org")
        #expect(export.colonnesIgnorees == ["Antenne", "Date de naissance", "Groupe", "Classe", "Numéro Étudiant", "Remarque"])
        #expect(export.participations[0].pixTotal == 52)

        // Without an external-id column, Groupe / Classe / Numéro Étudiant are never taken for one.
        let sansId = F.enteteCollecte.replacingOccurrences(of: "\"Envoi (O/N)\"", with: "\"Classe\";\"Numero etudiant\";\"Envoi (O/N)\"")
        let l2 = F.ligneCollecte.replacingOccurrences(of: "\"Oui\"", with: "\"CM2\";12;\"Oui\"")
        let export2 = try F.lire([sansId, l2])
        #expect(export2.libelleIdentifiantExterne == nil)
        #expect(export2.participations[0].identifiantExterne == nil)
        #expect(export2.colonnesIgnorees == ["Classe", "Numero etudiant"])
    }

    @Test("Collecte de profils : les 16 compétences, titres officiels avec ’")
    func seizeCompetences() throws {
        try verifierSeizeCompetences(titres: F.titres)
    }

    @Test("Collecte de profils : les 16 compétences, titres tapés avec ' droit (et multimédia accentué)")
    func seizeCompetencesApostropheDroite() throws {
        let titres = F.titres.map {
            $0.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "multimedia", with: "multimédia")
        }
        #expect(titres[0] == "Mener une recherche et une veille d'information")
        try verifierSeizeCompetences(titres: titres)
    }

    private func verifierSeizeCompetences(titres: [String]) throws {
        let fixes = ["\"Nom de l'organisation\"", "\"ID Campagne\"", "\"Code\"", "\"Nom de la campagne\"", "\"Nom du Participant\"",
                     "\"Prénom du Participant\"", "\"Identifiant\"", "\"Envoi (O/N)\"", "\"Date et heure de l'envoi (Europe/Paris)\"",
                     "\"Nombre de pix total\"", "\"Certifiable (O/N)\"", "\"Nombre de compétences certifiables\""]
        let parCompetence = titres.flatMap { ["\"Niveau pour la compétence \($0)\"", "\"Nombre de pix pour la compétence \($0)\""] }
        let entete = F.ligne(fixes + parCompetence)
        // Competence i (0-based): level i % 9 (0…8), pix = level × 8 + 3 capped at 64.
        let niveaux = (0..<16).map { $0 % 9 }
        let pix = niveaux.map { min($0 * 8 + 3, 64) }
        let valeurs = zip(niveaux, pix).flatMap { ["\($0)", "\($1)"] }
        let ligne = F.ligne(["\"EPN\"", "55", "\"ZZZ\"", "\"Positionnement\"", "\"Lopez\"", "\"Inès\"", "\"ID-9\"", "\"Oui\"",
                             "\"15/01/2025 18:45\"", "\(pix.reduce(0, +))", "\"Oui\"", "8"] + valeurs)
        let nonEnvoye = F.ligne(["\"EPN\"", "55", "\"ZZZ\"", "\"Positionnement\"", "\"Nguyen\"", "\"Tam\"", "\"ID-10\"", "\"Non\""]
                                + Array(repeating: "\"NA\"", count: 4 + 32))
        let export = try F.lire([entete, ligne, nonEnvoye])
        #expect(export.genre == .collecteProfils)
        #expect(export.colonnesIgnorees.isEmpty)
        let p = export.participations[0]
        #expect(p.niveaux == Dictionary(uniqueKeysWithValues: zip(F.codes, niveaux)))
        #expect(p.pix == Dictionary(uniqueKeysWithValues: zip(F.codes, pix)))
        #expect(p.pixTotal == pix.reduce(0, +))
        #expect(p.datePartage == Jour("2025-01-15"))
        #expect(p.identifiantExterne == "ID-9")
        #expect(export.participations[1].niveaux.isEmpty && export.participations[1].pix.isEmpty)
    }

    @Test("Évaluation : palier, badges, maîtrise par compétence et par domaine, acquis")
    func evaluation() throws {
        let export = try F.lire([F.enteteEvaluation, F.ligneEvaluationPartagee, F.ligneEvaluationNonPartagee])
        #expect(export.genre == .evaluation)
        #expect(export.campagne == ExportPixOrga.Campagne(organisation: "Association Le Lien", id: "987", code: "ABCDEF123",
                                                           nom: "Évaluation de rentrée", parcours: "Bases du numérique"))
        #expect(export.libelleIdentifiantExterne == "email")
        #expect(export.colonnesIgnorees.isEmpty)
        #expect(export.participations[0] == ParticipationPix(
            ligne: 2, nom: "Martin", prenom: "Léa", identifiantExterne: "lea.martin@example.org", partage: true,
            datePartage: Jour("2024-09-06"), dateDebut: Jour("2024-09-05"), progression: 1, palier: 3, palierMax: 5,
            badges: ["Pix Emploi": true, "Badge \u{2019}Citoyen\u{2019}": false], maitrise: 0.62,
            maitriseParCompetence: ["1.1": 0.75, "4.1": 0.5], maitriseParDomaine: ["1": 0.75, "4": 0.5],
            acquis: ["@web1": "OK", "@sécu2": "KO"]))
        #expect(export.participations[1].identifiantExterne == "karim.petit@example.org")
    }

    @Test("Colonnes par acquis « @web1 » : OK, KO, Non testé ; toute autre valeur est une erreur")
    func acquis() throws {
        let entete = F.ligne("\"Nom de l'organisation\"", "\"ID Campagne\"", "\"Code\"", "\"Nom de la campagne\"", "\"Parcours\"",
                             "\"Nom du Participant\"", "\"Prénom du Participant\"", "\"% de progression\"",
                             "\"Date et heure de début (Europe/Paris)\"", "\"Partage (O/N)\"", "\"Date et heure du partage (Europe/Paris)\"",
                             "\"% maitrise de l'ensemble des acquis du profil\"", "\"'@web1\"", "\"@web2\"", "\"'@rechInfo3\"")
        func ligne(_ partage: String, _ a: String, _ b: String, _ c: String) -> String {
            F.ligne("\"O\"", "1", "\"C\"", "\"N\"", "\"P\"", "\"Nom\"", "\"Prénom\"", "1", "\"01/02/2025 10:00\"", partage,
                    partage == "\"Oui\"" ? "\"02/02/2025 10:00\"" : "\"NA\"", partage == "\"Oui\"" ? "0,3" : "\"NA\"", a, b, c)
        }
        let export = try F.lire([entete, ligne("\"Oui\"", "\"OK\"", "\"KO\"", "\"Non testé\""), ligne("\"Non\"", "\"NA\"", "\"NA\"", "\"NA\"")])
        #expect(export.participations[0].acquis == ["@web1": "OK", "@web2": "KO", "@rechInfo3": "Non testé"])
        #expect(export.participations[1].acquis.isEmpty)
        #expect(export.colonnesIgnorees.isEmpty)

        let erreurs = try F.erreurs([entete, ligne("\"Oui\"", "\"OK\"", "\"Peut-être\"", "\"Non testé\"")])
        #expect(erreurs.count == 1)
        #expect(erreurs[0].ligne == 2)
        #expect(erreurs[0].champ == "@web2")
        #expect(erreurs[0].message.contains("OK, KO ou Non testé"))
    }
}

@Suite("Lecture des exports Pix Orga : erreurs")
struct PixOrgaErreursTests {
    typealias F = PixOrgaFixtures

    @Test("Pas un export Pix Orga : refusé ligne 1, en nommant les colonnes attendues")
    func pasUnExport() throws {
        let erreurs = try F.erreurs(["\"identifiant\";\"prénom\";\"nom\"", "\"A1\";\"Léa\";\"Martin\""])
        #expect(erreurs.count == 1)
        #expect(erreurs[0].ligne == 1)
        #expect(erreurs[0].message.contains("n'est pas un export de campagne Pix Orga"))
        #expect(erreurs[0].message.contains("Envoi (O/N)"))
        #expect(erreurs[0].message.contains("% de progression"))
    }

    @Test("Fichier vide ou en-tête seul : refusé")
    func vide() throws {
        #expect(try F.erreurs([]).map(\.ligne) == [1])
        let seul = try F.erreurs([F.enteteCollecte])
        #expect(seul.count == 1)
        #expect(seul[0].message.contains("aucune participation"))
    }

    @Test("Compétence inconnue dans un en-tête : erreur ligne 1 nommant la colonne")
    func competenceInconnue() throws {
        let entete = F.enteteCollecte.replacingOccurrences(of: "\"Niveau pour la compétence Interagir\"",
                                                             with: "\"Niveau pour la compétence Jongler\"")
        let erreurs = try F.erreurs([entete, F.ligneCollecte])
        #expect(erreurs.count == 1)
        #expect(erreurs[0].ligne == 1)
        #expect(erreurs[0].champ == "Niveau pour la compétence Jongler")
        #expect(erreurs[0].message.contains("compétence inconnue"))

        let domaine = F.enteteEvaluation.replacingOccurrences(of: "du domaine Protection et sécurité\"", with: "du domaine Cuisine\"")
        let erreursDomaine = try F.erreurs([domaine, F.ligneEvaluationPartagee])
        #expect(erreursDomaine.count == 3)
        #expect(erreursDomaine.allSatisfy { $0.ligne == 1 && $0.message.contains("domaine inconnu") })
    }

    @Test("Nombre mal formé ou hors limites : ligne et colonne nommées ; toutes les erreurs de toutes les lignes")
    func nombreMalForme() throws {
        let l2 = F.ligneCollecte.replacingOccurrences(of: ";52;", with: ";\"cinquante\";")
        let l3 = F.ligneCollecte.replacingOccurrences(of: ";12;5;40", with: ";12;9;40")
        let erreurs = try F.erreurs([F.enteteCollecte, l2, l3])
        #expect(erreurs.count == 2)
        #expect(erreurs[0].ligne == 2)
        #expect(erreurs[0].champ == "Nombre de pix total")
        #expect(erreurs[0].message.contains("« cinquante » n'est pas un nombre entier"))
        #expect(erreurs[1].ligne == 3)
        #expect(erreurs[1].champ == "Niveau pour la compétence Interagir")
        #expect(erreurs[1].message.contains("de 0 à 8"))
    }

    @Test("Date mal formée : ligne et colonne nommées")
    func dateMalFormee() throws {
        let l = F.ligneCollecte.replacingOccurrences(of: "\"02/03/2019 00:04\"", with: "\"31/02/2019 25:00\"")
        let erreurs = try F.erreurs([F.enteteCollecte, F.ligneCollecte, l])
        #expect(erreurs.count == 1)
        #expect(erreurs[0].ligne == 3)
        #expect(erreurs[0].champ == "Date et heure de l'envoi (Europe/Paris)")
        #expect(erreurs[0].message.contains("n'est pas une date"))
        #expect(erreurs[0].message.contains("JJ/MM/AAAA HH:mm"))
    }
}
