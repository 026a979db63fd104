import Foundation
import LivretTestSupport
import Testing

/// `livret referentiel montrer` and `livret referentiel exporter`, run as a separate process.
@Suite("livret referentiel : montrer et exporter")
struct ReferentielCLITests {
    @Test("lister donne chaque référentiel embarqué avec son contenu")
    func lister() throws {
        let resultat = try ExecutableLivret.lancer(["referentiel", "lister"])
        #expect(resultat.statut == 0, "\(resultat)")
        let lignes = resultat.lignes
        #expect(lignes.contains { $0.hasPrefix("aptic ") && $0.contains("137 items") }, "\(resultat)")
        #expect(lignes.contains { $0.hasPrefix("aptic-roubaix-ateliers ") && $0.contains("aptic-variante") }, "\(resultat)")
        #expect(lignes.contains { $0.hasPrefix("pix ") && $0.contains("16 compétences") }, "\(resultat)")
        #expect(lignes.contains { $0.hasPrefix("femmes-et-numerique ") }, "\(resultat)")
    }

    @Test("exporter aptic en JSON : 4 niveaux, 12 sous-thèmes, 137 items, chacun avec un code et un titre")
    func exporterAptic() throws {
        let resultat = try ExecutableLivret.lancer(["referentiel", "exporter", "aptic", "--format", "json"])
        #expect(resultat.statut == 0, "\(resultat)")
        #expect(resultat.erreur.isEmpty, "\(resultat)")

        let arbre = JSONSortie.ArbreAptic(try JSONSortie.objet(resultat.sortieOctets))
        #expect(arbre.niveaux.count == 4)
        #expect(arbre.sousThemes.count == 12)
        #expect(arbre.items.count == 137)
        let incomplets = JSONSortie.sansCodeOuTitre(arbre.niveaux + arbre.sousThemes + arbre.items)
        #expect(incomplets.isEmpty, "nœuds sans code ou sans titre : \(incomplets)")
        let codes = arbre.items.compactMap { $0["code"] as? String }
        #expect(Set(codes).count == codes.count, "un code d'item apparaît deux fois")

        let item66 = try #require(arbre.item("66"), "l'item 66 manque à l'export")
        #expect(item66["titre"] as? String == "Traitement de texte : Découverte")
        #expect(JSONSortie.chaines(item66["competencesPix"]).contains("3.1"))
    }

    @Test("exporter pix en JSON : 5 domaines, 16 compétences, la première est 1.1")
    func exporterPix() throws {
        let resultat = try ExecutableLivret.lancer(["referentiel", "exporter", "pix", "--format", "json"])
        #expect(resultat.statut == 0, "\(resultat)")

        let racine = try JSONSortie.objet(resultat.sortieOctets)
        let domaines = JSONSortie.objets(racine["domaines"])
        let competences = domaines.flatMap { JSONSortie.objets($0["competences"]) }
        #expect(domaines.count == 5)
        #expect(competences.count == 16)
        #expect(competences.first?["code"] as? String == "1.1")
        let incomplets = JSONSortie.sansCodeOuTitre(domaines + competences)
        #expect(incomplets.isEmpty, "nœuds sans code ou sans titre : \(incomplets)")
    }

    @Test("exporter deux fois donne les mêmes octets", arguments: [
        ["referentiel", "exporter", "aptic", "--format", "json"],
        ["referentiel", "exporter", "pix", "--format", "json"],
        ["referentiel", "exporter", "aptic", "--variante", "aptic-roubaix-ateliers", "--format", "json"],
    ])
    func exportStable(arguments: [String]) throws {
        let premier = try ExecutableLivret.lancer(arguments)
        let second = try ExecutableLivret.lancer(arguments)
        #expect(premier.statut == 0, "\(premier)")
        #expect(second.statut == 0, "\(second)")
        #expect(!premier.sortieOctets.isEmpty)
        #expect(premier.sortieOctets == second.sortieOctets, "deux exports successifs diffèrent")
    }

    @Test("exporter --sortie écrit dans le fichier les mêmes octets qu'à l'écran")
    func exporterDansUnFichier() throws {
        let ecran = try ExecutableLivret.lancer(["referentiel", "exporter", "pix", "--format", "json"])
        try #require(ecran.statut == 0, "\(ecran)")
        try DossierTemporaire.avec { dossier in
            let resultat = try ExecutableLivret.lancer(
                ["referentiel", "exporter", "pix", "--format", "json", "--sortie", "pix-export.json"], dans: dossier)
            #expect(resultat.statut == 0, "\(resultat)")
            #expect(resultat.sortie.contains("pix-export.json"), "\(resultat)")
            let ecrit = try Data(contentsOf: dossier.appendingPathComponent("pix-export.json"))
            #expect(ecrit == ecran.sortieOctets)
        }
    }

    @Test("exporter aptic avec la variante de Roubaix : item 18 retiré, items ajoutés, changements listés")
    func exporterAvecVariante() throws {
        let resultat = try ExecutableLivret.lancer(
            ["referentiel", "exporter", "aptic", "--variante", "aptic-roubaix-ateliers", "--format", "json"])
        #expect(resultat.statut == 0, "\(resultat)")

        let racine = try JSONSortie.objet(resultat.sortieOctets)
        let arbre = JSONSortie.ArbreAptic(racine)
        let item18 = try #require(arbre.item("18"), "un item retiré garde sa place dans l'export")
        #expect(item18["statut"] as? String == "retiré")
        #expect(arbre.items.count > 137)
        #expect(!JSONSortie.objets(racine["changements"]).isEmpty)
        #expect(JSONSortie.chaines(racine["variantes"]) == ["aptic-roubaix-ateliers"])
    }

    @Test("montrer aptic 66 donne le niveau, le sous-thème et la compétence Pix préparée")
    func montrerItemAptic() throws {
        let resultat = try ExecutableLivret.lancer(["referentiel", "montrer", "aptic", "66"])
        #expect(resultat.statut == 0, "\(resultat)")
        let lignes = resultat.lignes
        #expect(lignes.first?.contains("Traitement de texte : Découverte") == true, "\(resultat)")
        #expect(lignes.contains { $0.contains("Niveau") && $0.contains("Maîtriser le numérique") }, "\(resultat)")
        #expect(lignes.contains { $0.contains("Sous-thème") && $0.contains("Utiliser") }, "\(resultat)")
        #expect(lignes.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("3.1") }, "\(resultat)")
    }

    @Test("montrer pix 3.1 donne la compétence et les items APTIC qui la préparent")
    func montrerCompetencePix() throws {
        let resultat = try ExecutableLivret.lancer(["referentiel", "montrer", "pix", "3.1"])
        #expect(resultat.statut == 0, "\(resultat)")
        #expect(resultat.sortie.contains("Développer des documents textuels"), "\(resultat)")
        #expect(resultat.lignes.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("66 ") }, "\(resultat)")
    }

    @Test("montrer aptic 999 : un code inconnu est une erreur en français")
    func montrerCodeInconnu() throws {
        let resultat = try ExecutableLivret.lancer(["referentiel", "montrer", "aptic", "999"])
        #expect(resultat.statut == 1, "\(resultat)")
        #expect(resultat.erreur.hasPrefix("Erreur :"), "\(resultat)")
        #expect(resultat.erreur.contains("« 999 »"), "\(resultat)")
        #expect(resultat.sortie.isEmpty, "\(resultat)")
    }
}
