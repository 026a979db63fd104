import Foundation
import LivretCore
import Testing

@Suite("Nomenclature APTIC")
struct ApticTests {
    @Test("4 niveaux, 12 sous-thèmes, 137 items")
    func comptes() throws {
        let aptic = try Fixtures.catalogue().apticBase
        #expect(aptic.niveaux.count == 4)
        #expect(aptic.sousThemes.count == 12)
        #expect(aptic.items.count == 137)
        #expect(aptic.niveau("0")?.sousThemes.flatMap(\.items).count == 8)
    }

    @Test("Chaque item a le code et le titre imprimés dans le document source")
    func titresDuDocumentSource() throws {
        let aptic = try Fixtures.catalogue().apticBase
        #expect(itemsSeedAptic.count == 137)
        #expect(aptic.items.map(\.code) == itemsSeedAptic.map(\.code))
        for attendu in itemsSeedAptic {
            let item = try #require(aptic.item(attendu.code), "item \(attendu.code)")
            #expect(item.titre == attendu.titre, "item \(attendu.code)")
            #expect(aptic.parents(deItem: attendu.code)?.sousTheme.code == attendu.sousTheme, "item \(attendu.code)")
        }
    }

    @Test("Codes A–H puis 1–129 dans l'ordre, numérotés sans trou")
    func numerotation() throws {
        let codes = try Fixtures.catalogue().apticBase.items.map(\.code)
        #expect(Array(codes.prefix(8)) == ["A", "B", "C", "D", "E", "F", "G", "H"])
        #expect(Array(codes.dropFirst(8)) == (1...129).map(String.init))
    }

    @Test("Bornes des sous-thèmes des niveaux 1 à 3")
    func bornesSousThemes() throws {
        let aptic = try Fixtures.catalogue().apticBase
        let bornes: [String: ClosedRange<Int>] = [
            "1.1": 1...23, "1.2": 24...41, "2.1": 42...83, "2.2": 84...95, "3.1": 96...98,
            "3.2": 99...102, "3.3": 103...108, "3.4": 109...123, "3.5": 124...129,
        ]
        for (code, bornes) in bornes {
            let items = try #require(aptic.sousTheme(code)).items.compactMap { Int($0.code) }
            #expect(items == Array(bornes), "sous-thème \(code)")
        }
    }

    @Test("Noms accentués en minuscules et provenance nationale ou locale")
    func nomsEtProvenance() throws {
        let aptic = try Fixtures.catalogue().apticBase
        #expect(aptic.niveaux.map(\.titre) == [
            "Utiliser des moyens numériques en libre-service",
            "Découvrir les enjeux du numérique",
            "Maîtriser le numérique",
            "Augmenter son pouvoir d'agir grâce au numérique",
        ])
        #expect(aptic.sousThemes.map(\.titre) == [
            "Accéder à une connexion", "Accéder à un terminal", "Accéder à des outils périphériques",
            "S'informer", "Comprendre", "Utiliser", "Faire ses démarches en ligne",
            "Identité numérique", "Contribuer", "Contrôler ses données",
            "Explorer de nouvelles possibilités", "S'insérer professionnellement",
        ])
        #expect(aptic.niveau("0")?.provenance == .locale)
        #expect(aptic.niveaux.dropFirst().allSatisfy { $0.provenance == .nationale })
        #expect(aptic.sousThemes.filter { $0.provenance == .locale }.map(\.code) == ["0.1", "0.2", "0.3"])
        #expect(aptic.sousTheme("0.1")?.titreSource == "ACCEDER A UNE CONNEXION")
    }

    @Test("Un item connaît ses parents")
    func parents() throws {
        let aptic = try Fixtures.catalogue().apticBase
        let parents = try #require(aptic.parents(deItem: "95"))
        #expect(parents.niveau.code == "2")
        #expect(parents.sousTheme.titre == "Faire ses démarches en ligne")
    }
}
