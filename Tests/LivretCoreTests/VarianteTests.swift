import LivretCore
import LivretReferentiels
import Testing

@Suite("Variante locale : les amendements de Roubaix")
struct VarianteTests {
    static let code = "aptic-roubaix-ateliers"

    @Test("Les ajouts prennent des codes nouveaux")
    func ajouts() throws {
        let catalogue = try Fixtures.catalogue()
        let (amende, changements) = try catalogue.aptic(variante: Self.code)
        let ajouts = changements.filter { $0.genre == .ajout }
        #expect(!ajouts.isEmpty)
        #expect(amende.items.count == 137 + ajouts.count)
        for ajout in ajouts {
            #expect(catalogue.apticBase.item(ajout.code) == nil, "\(ajout.code) est nouveau")
            #expect(amende.item(ajout.code)?.origine == Self.code)
        }
        #expect(amende.sousTheme("0.2")?.items.contains { $0.titre == "Accéder à un smartphone" } == true)
        #expect(amende.sousTheme("3.5")?.items.contains { $0.titre.hasPrefix("Professionnalisation") } == true)
        #expect(amende.variantes == [Self.code])
    }

    @Test("Les items retirés gardent leur code et restent lisibles")
    func retraits() throws {
        let (amende, changements) = try Fixtures.catalogue().aptic(variante: Self.code)
        #expect(Set(changements.filter { $0.genre == .retrait }.map(\.code)) == ["18", "73"])
        let item = try #require(amende.item("18"))
        #expect(item.estRetire)
        #expect(item.titre == "Marchés publics : panorama des plateformes")
    }

    @Test("Les renommages gardent l'ancien titre dans l'historique")
    func renommages() throws {
        let (amende, changements) = try Fixtures.catalogue().aptic(variante: Self.code)
        let sousTheme = try #require(amende.sousTheme("0.2"))
        #expect(sousTheme.titre == "Accéder à du matériel numérique")
        #expect(sousTheme.historique.map(\.titre) == ["Accéder à un terminal"])
        let item = try #require(amende.item("15"))
        #expect(item.titre.contains("visioconférence"))
        #expect(item.historique.first?.titre == "Panorama des outils de webconférence")
        #expect(changements.contains { $0.genre == .renommage && $0.code == "15" })
    }

    @Test("La base reste intacte et une variante inconnue est refusée")
    func baseIntacte() throws {
        let catalogue = try Fixtures.catalogue()
        _ = try catalogue.aptic(variante: Self.code)
        #expect(catalogue.apticBase.items.count == 137)
        #expect(catalogue.apticBase.item("18")?.estRetire == false)
        #expect(throws: ErreurCatalogue.self) { try catalogue.aptic(variante: "inconnue") }
    }
}

@Suite("Variante locale : déplacer un item, créer un sous-thème, et la suivre")
struct VarianteArbreTests {
    static let code = VarianteTests.code

    @Test("Un item déplacé garde son code, change de niveau et garde sa place d'avant")
    func deplacements() throws {
        let (amende, changements) = try Fixtures.catalogue().aptic(variante: Self.code)
        let imprimante = try #require(amende.parents(deItem: "G"))
        #expect(imprimante.niveau.code == "3" && imprimante.sousTheme.code == "3.4")
        #expect(amende.item("G")?.anciennesPlaces == [AnciennePlace(sousTheme: "0.3", niveau: "0", version: "aptic 2023.1")])
        #expect(amende.parents(deItem: "110")?.sousTheme.code == "0.3")
        #expect(amende.sousTheme("3.4")?.items.contains { $0.code == "110" } == false)
        let deplace = try #require(changements.first { $0.genre == .deplacement && $0.code == "G" })
        #expect(deplace.parentAvant == "0.3" && deplace.parent == "3.4")
        #expect(deplace.resume.hasPrefix("déplacé  G : 0.3 → 3.4"))
    }

    @Test("Un sous-thème créé, local, avec ses items ajoutés et déplacés")
    func creation() throws {
        let (amende, changements) = try Fixtures.catalogue().aptic(variante: Self.code)
        let sousTheme = try #require(amende.sousTheme("1.3"))
        #expect(sousTheme.titre == "Hygiène de vie et usages à la maison")
        #expect(sousTheme.provenance == .locale && sousTheme.origine == Self.code)
        #expect(Set(sousTheme.items.map(\.code)) == ["3", "146"])
        #expect(amende.niveau("1")?.sousThemes.map(\.code) == ["1.1", "1.2", "1.3"])
        #expect(changements.contains { $0.genre == .creation && $0.code == "1.3" && $0.parent == "1" })
    }

    static func variante(_ corps: String) -> Catalogue.Fichier {
        Fixtures.fichier("ma-variante.json", """
        { "format": "livret.referentiel/1", "type": "aptic-variante", "code": "ma-variante", "version": "1",
          "titre": "Essai", "base": "aptic", "baseVersion": "2023.1", \(corps) }
        """)
    }

    @Test("Chaque déplacement ou création impossible est refusé avec son chemin")
    func refus() {
        let fichier = Self.variante("""
        "nouveauxSousThemes": [
          { "code": "1.2", "titre": "Déjà là", "motif": "essai" },
          { "code": "7.1", "titre": "Niveau inconnu", "motif": "essai" },
          { "code": "2.9", "titre": "Reste vide", "motif": "essai" },
          { "code": "1.4", "titre": "", "motif": "essai" } ],
        "deplacements": [
          { "code": "999", "versSousTheme": "1.1", "motif": "essai" },
          { "code": "G", "versSousTheme": "4.4", "motif": "essai" },
          { "code": "F", "versSousTheme": "0.3", "motif": "essai" },
          { "code": "18", "versSousTheme": "1.1", "motif": "essai" },
          { "code": "18", "versSousTheme": "1.2", "motif": "essai" } ],
        "retraits": [ { "code": "H", "motif": "essai" } ],
        "ajouts": [],
        "renommages": []
        """)
        let rapport = Catalogue.valider([fichier], avec: ReferentielsEmbarques.fichiers)
        #expect(!rapport.valide)
        let chemins = Set(rapport.resultats[0].erreurs.map(\.chemin))
        #expect(chemins.isSuperset(of: ["$.nouveauxSousThemes[3].titre", "$.deplacements[4].code"]), "\(chemins)")
        // Structural errors first; once the file reads, the application's errors.
        let lisible = Self.variante("""
        "nouveauxSousThemes": [
          { "code": "1.2", "titre": "Déjà là", "motif": "essai" },
          { "code": "7.1", "titre": "Niveau inconnu", "motif": "essai" },
          { "code": "2.9", "titre": "Reste vide", "motif": "essai" } ],
        "deplacements": [
          { "code": "999", "versSousTheme": "1.1", "motif": "essai" },
          { "code": "G", "versSousTheme": "4.4", "motif": "essai" },
          { "code": "F", "versSousTheme": "0.3", "motif": "essai" },
          { "code": "H", "versSousTheme": "1.1", "motif": "essai" } ],
        "retraits": [ { "code": "H", "motif": "essai" } ]
        """)
        let erreurs = Catalogue.valider([lisible], avec: ReferentielsEmbarques.fichiers).resultats[0].erreurs
        let parChemin = Dictionary(grouping: erreurs, by: \.chemin)
        #expect(parChemin["$.nouveauxSousThemes[0].code"]?.first?.message.contains("existe déjà") == true, "\(erreurs)")
        #expect(parChemin["$.nouveauxSousThemes[1].code"]?.first?.message.contains("niveau « 7 »") == true)
        #expect(parChemin["$.nouveauxSousThemes[2]"]?.first?.message.contains("aucun item") == true)
        #expect(parChemin["$.deplacements[0].code"] != nil)
        #expect(parChemin["$.deplacements[1].versSousTheme"] != nil)
        #expect(parChemin["$.deplacements[2].versSousTheme"]?.first?.message.contains("déjà dans") == true)
        #expect(parChemin["$.retraits[0].code"]?.first?.message.contains("retiré et déplacé") == true)
    }

    @Test("Une structure qui suit la variante : badges, critères et saisie suivent l'arbre amendé")
    func adoption() throws {
        let national = try Fixtures.catalogue()
        let catalogue = try national.adoptant(variante: Self.code)
        #expect(catalogue.varianteAdoptee == Self.code && national.varianteAdoptee == nil)
        #expect(catalogue.apticBase == national.apticBase, "la base nationale reste lisible")
        let hygiene = try #require(CatalogueReussites.reussite("aptic-1.3", catalogue: catalogue))
        #expect(hygiene.nom == "Vivre avec le numérique à la maison : règles, écrans, enfants")
        #expect(hygiene.description.contains("ajouté à la nomenclature #APTIC par « Amendements proposés par les ateliers de Roubaix (2023) »"))
        #expect(hygiene.alignements[0].targetFramework.contains("variante locale"))
        #expect(CatalogueReussites.reussite("aptic-1.3", catalogue: national) == nil)
        // Items 3 and 146 acquired: the created sous-thème (2 items) is mastered under the variant only.
        let preuves = ["3", "146"].enumerated().map { i, code in
            Preuve(id: Int64(i + 1), apprenantId: 1, referentiel: .aptic, code: code, niveau: .autonomie,
                   date: Jour("2024-03-04")!, auteurId: 1)
        }
        let eligible = { (c: Catalogue) in
            EvaluationReussites.evaluer(c, preuves: preuves).first { $0.reussite.code == "aptic-1.3" }?.eligible
        }
        #expect(eligible(catalogue) == true)
        #expect(eligible(national) == nil)
        // The adopted variant decides what evidence may target: item 18, retired there, is refused.
        #expect(throws: ErreurRegle.self) { try catalogue.verifierCible(.aptic, "18") }
        try national.verifierCible(.aptic, "18")
        try catalogue.verifierCible(.aptic, "146")
        #expect(throws: ErreurCatalogue.self) { try national.adoptant(variante: "inconnue") }
    }
}

private extension EvaluationReussites {
    static func evaluer(_ catalogue: Catalogue, preuves: [Preuve]) -> [Eligibilite] {
        evaluer(catalogue: catalogue, preuves: preuves, parcours: [], profils: [], certifications: [])
    }
}
