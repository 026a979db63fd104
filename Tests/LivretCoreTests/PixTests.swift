import LivretCore
import Testing

@Suite("Référentiel Pix")
struct PixTests {
    @Test("5 domaines, 16 compétences avec leurs titres officiels")
    func titres() throws {
        let pix = try Fixtures.catalogue().pix
        #expect(pix.domaines.map(\.titre) == [
            "Informations et données", "Communication et collaboration", "Création de contenu",
            "Protection et sécurité", "Environnement numérique",
        ])
        let attendus: [(String, String)] = [
            ("1.1", "Mener une recherche et une veille d\u{2019}information"),
            ("1.2", "Gérer des données"),
            ("1.3", "Traiter des données"),
            ("2.1", "Interagir"),
            ("2.2", "Partager et publier"),
            ("2.3", "Collaborer"),
            ("2.4", "S\u{2019}insérer dans le monde numérique"),
            ("3.1", "Développer des documents textuels"),
            ("3.2", "Développer des documents multimedia"),
            ("3.3", "Adapter les documents à leur finalité"),
            ("3.4", "Programmer"),
            ("4.1", "Sécuriser l\u{2019}environnement numérique"),
            ("4.2", "Protéger les données personnelles et la vie privée"),
            ("4.3", "Protéger la santé, le bien-être et l\u{2019}environnement"),
            ("5.1", "Résoudre des problèmes techniques"),
            ("5.2", "Construire un environnement numérique"),
        ]
        #expect(pix.competences.count == 16)
        #expect(pix.competences.map(\.code) == attendus.map(\.0))
        #expect(pix.competences.map(\.titre) == attendus.map(\.1))
        #expect(pix.competences.allSatisfy { !$0.description.isEmpty && !$0.thematiques.isEmpty })
    }

    @Test("Les graphies des exports sont reconnues (apostrophes, accents, casse)")
    func graphies() throws {
        let pix = try Fixtures.catalogue().pix
        #expect(pix.competence(correspondantAuTitre: "Mener une recherche et une veille d'information")?.code == "1.1")
        #expect(pix.competence(correspondantAuTitre: "DÉVELOPPER DES DOCUMENTS MULTIMÉDIA")?.code == "3.2")
        #expect(pix.competence(correspondantAuTitre: "securiser l'environnement  numerique")?.code == "4.1")
        #expect(pix.competence(correspondantAuTitre: "Cuisiner") == nil)
        #expect(pix.domaine(correspondantAuTitre: "Information et données")?.code == "1")
    }

    @Test("8 pix par niveau, plafonné au niveau maximum ouvert", arguments: [
        (0, 0), (7, 0), (8, 1), (15, 1), (16, 2), (55, 6), (56, 7), (63, 7), (64, 7),
    ])
    func niveaux(pix: Int, niveau: Int) throws {
        #expect(try Fixtures.catalogue().pix.niveau(pourPix: pix) == niveau)
    }

    @Test("Niveaux 0 à 8, règle de certifiabilité : 5 compétences au niveau 1 ou plus")
    func certifiabilite() throws {
        let pix = try Fixtures.catalogue().pix
        #expect(pix.niveaux.min == 0 && pix.niveaux.max == 8 && pix.niveaux.pixParNiveau == 8)
        let quatre = ["1.1": 2, "1.2": 1, "2.1": 3, "3.1": 1, "4.1": 0]
        #expect(!pix.estCertifiable(quatre))
        #expect(pix.estCertifiable(quatre.merging(["4.1": 1]) { $1 }))
    }

    @Test("Paliers de la certification v3", arguments: [
        (0, 0), (63, 0), (64, 1), (127, 1), (128, 2), (383, 3), (384, 4), (639, 5), (767, 6), (768, 7), (895, 7),
    ])
    func paliers(score: Int, palier: Int) throws {
        #expect(try Fixtures.catalogue().pix.palier(pourScore: score)?.palier == palier)
    }

    @Test("Score hors bornes : pas de palier")
    func horsBornes() throws {
        let pix = try Fixtures.catalogue().pix
        #expect(pix.palier(pourScore: 896) == nil)
        #expect(pix.palier(pourScore: -1) == nil)
        #expect(pix.certification.paliers.last?.libelle == "Expert 7")
    }

    @Test("Code de vérification P-XXXXXXXX")
    func codeVerification() throws {
        let pix = try Fixtures.catalogue().pix
        #expect(pix.codeVerificationValide("P-2346789B"))
        #expect(pix.codeVerificationValide("P-BCDFGHJK"))
        #expect(!pix.codeVerificationValide("P-1234ABCD"))
        #expect(!pix.codeVerificationValide("P-2346789"))
        #expect(!pix.codeVerificationValide("X-2346789B"))
    }
}
