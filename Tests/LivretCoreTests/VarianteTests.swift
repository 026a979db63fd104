import LivretCore
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
