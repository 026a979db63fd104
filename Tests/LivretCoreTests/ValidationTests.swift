import Foundation
import LivretCore
import LivretReferentiels
import Testing

/// One test per kind of error, each checking the file, the JSON path and that the message is French.
@Suite("Validation des référentiels")
struct ValidationTests {
    /// Loads the embedded files with `nom` replaced by `objet` and returns the errors.
    func erreurs(remplacant nom: String, _ modifier: (inout [String: Any]) -> Void) throws -> [ErreurReferentiel] {
        var objet = try Fixtures.objetEmbarque(nom)
        modifier(&objet)
        return erreurs(Fixtures.fichiersAvec(try Fixtures.fichier(nom, objet: objet)))
    }

    func erreurs(_ fichiers: [Catalogue.Fichier]) -> [ErreurReferentiel] {
        do {
            _ = try Catalogue.charger(fichiers)
            return []
        } catch {
            return error.erreurs
        }
    }

    func niveaux(_ objet: [String: Any]) -> [[String: Any]] { objet["niveaux"] as! [[String: Any]] }

    @Test("Tous les fichiers de Referentiels/ sont valides et embarqués")
    func fichiersDuDepot() throws {
        let dossier = Fixtures.racinePaquet.appendingPathComponent("Referentiels")
        let chemins = try #require(FileManager.default.enumerator(atPath: dossier.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
        #expect(!chemins.isEmpty)
        let fichiers = try chemins.map { chemin in
            Catalogue.Fichier(nom: chemin, donnees: try Data(contentsOf: dossier.appendingPathComponent(chemin)))
        }
        let trouvees = erreurs(fichiers)
        #expect(trouvees.isEmpty, "\(ErreursReferentiel(trouvees))")
        #expect(Set(chemins) == Set(ReferentielsEmbarques.fichiers.map(\.nom)), "chaque fichier du dépôt est embarqué")
        for fichier in fichiers {
            #expect(ReferentielsEmbarques.fichiers.first { $0.nom == fichier.nom }?.donnees == fichier.donnees, "\(fichier.nom) à jour")
        }
    }

    @Test("Fichier illisible : pas du JSON")
    func fichierIllisible() {
        let trouvees = erreurs(Fixtures.fichiersAvec(Fixtures.fichier("pix/pix.json", "{ pas du json")))
        #expect(trouvees.first?.genre == .fichierIllisible)
        #expect(trouvees.first?.fichier == "pix/pix.json")
        #expect(trouvees.first?.message.contains("JSON") == true)
    }

    @Test("Format inconnu")
    func formatInconnu() throws {
        let trouvees = try erreurs(remplacant: "pix/pix.json") { $0["format"] = "livret.referentiel/9" }
        #expect(trouvees.map(\.genre) == [.formatInconnu])
        #expect(trouvees.first?.chemin == "$.format")
    }

    @Test("Champ manquant")
    func champManquant() throws {
        let trouvees = try erreurs(remplacant: "pix/pix.json") { $0.removeValue(forKey: "certifiabilite") }
        #expect(trouvees.contains { $0.genre == .champManquant && $0.message.contains("certifiabilite") })
    }

    @Test("Type incorrect")
    func typeIncorrect() throws {
        let trouvees = try erreurs(remplacant: "aptic/aptic.json") { objet in
            var n = niveaux(objet)
            n[0]["code"] = 0
            objet["niveaux"] = n
        }
        #expect(trouvees.contains { $0.genre == .typeIncorrect && $0.chemin == "$.niveaux[0].code" })
    }

    @Test("Titre manquant")
    func titreManquant() throws {
        let trouvees = try erreurs(remplacant: "aptic/aptic.json") { objet in
            var n = niveaux(objet)
            var sousThemes = n[1]["sousThemes"] as! [[String: Any]]
            var items = sousThemes[0]["items"] as! [[String: Any]]
            items[3]["titre"] = "  "
            sousThemes[0]["items"] = items
            n[1]["sousThemes"] = sousThemes
            objet["niveaux"] = n
        }
        #expect(trouvees.contains { $0.genre == .titreManquant && $0.chemin == "$.niveaux[1].sousThemes[0].items[3].titre" })
    }

    @Test("Code en double")
    func codeEnDouble() throws {
        let trouvees = try erreurs(remplacant: "aptic/aptic.json") { objet in
            var n = niveaux(objet)
            var sousThemes = n[2]["sousThemes"] as! [[String: Any]]
            var items = sousThemes[0]["items"] as! [[String: Any]]
            items[0]["code"] = "12"
            sousThemes[0]["items"] = items
            n[2]["sousThemes"] = sousThemes
            objet["niveaux"] = n
        }
        let erreur = try #require(trouvees.first { $0.genre == .codeEnDouble })
        #expect(erreur.chemin == "$.niveaux[2].sousThemes[0].items[0].code")
        #expect(erreur.message.contains("« 12 »"))
        #expect(erreur.message.contains("$.niveaux[1].sousThemes[0].items[11]"))
    }

    @Test("Code mal formé")
    func codeInvalide() throws {
        let trouvees = try erreurs(remplacant: "aptic/aptic.json") { objet in
            var n = niveaux(objet)
            var sousThemes = n[3]["sousThemes"] as! [[String: Any]]
            sousThemes[0]["code"] = "2.9"
            n[3]["sousThemes"] = sousThemes
            objet["niveaux"] = n
        }
        #expect(trouvees.contains { $0.genre == .codeInvalide && $0.chemin == "$.niveaux[3].sousThemes[0].code" })
    }

    @Test("Référence inconnue dans une variante")
    func referenceInconnue() throws {
        let nom = "aptic/variantes/aptic-roubaix-ateliers.json"
        let trouvees = try erreurs(remplacant: nom) { objet in
            var ajouts = objet["ajouts"] as! [[String: Any]]
            ajouts[0]["sousTheme"] = "9.9"
            objet["ajouts"] = ajouts
        }
        #expect(trouvees.contains { $0.genre == .referenceInconnue && $0.chemin == "$.ajouts[0].sousTheme" && $0.fichier == nom })
    }

    @Test("Lien de correspondance cassé")
    func lienCasse() throws {
        let trouvees = try erreurs(remplacant: "correspondances/aptic-pix.json") { objet in
            var liens = objet["liens"] as! [[String: Any]]
            liens[0]["pix"] = "6.1"
            liens[1]["aptic"] = "999"
            objet["liens"] = liens
        }
        #expect(trouvees.contains { $0.genre == .lienCasse && $0.chemin == "$.liens[0].pix" })
        #expect(trouvees.contains { $0.genre == .lienCasse && $0.chemin == "$.liens[1].aptic" })
    }

    @Test("Item sans correspondance ni raison")
    func correspondanceManquante() throws {
        let trouvees = try erreurs(remplacant: "correspondances/aptic-pix.json") { objet in
            objet["liens"] = (objet["liens"] as! [[String: Any]]).filter { $0["aptic"] as? String != "66" }
        }
        #expect(trouvees.contains { $0.genre == .correspondanceManquante && $0.message.contains("66") })
    }

    @Test("Niveau hors bornes")
    func niveauHorsBornes() throws {
        let trouvees = try erreurs(remplacant: "parcours/femmes-et-numerique.json") { objet in
            var cibles = objet["cibles"] as! [String: Any]
            var pix = cibles["pix"] as! [[String: Any]]
            pix[0]["niveauVise"] = 12
            cibles["pix"] = pix
            objet["cibles"] = cibles
        }
        #expect(trouvees.contains { $0.genre == .niveauHorsBornes && $0.chemin == "$.cibles.pix[0].niveauVise" })
    }

    @Test("Valeur invalide")
    func valeurInvalide() throws {
        let trouvees = try erreurs(remplacant: "aptic/aptic.json") { objet in
            var n = niveaux(objet)
            n[0]["provenance"] = "regionale"
            objet["niveaux"] = n
        }
        #expect(trouvees.contains { $0.genre == .valeurInvalide && $0.chemin == "$.niveaux[0].provenance" && $0.conseil.contains("nationale") })
    }

    @Test("Toutes les erreurs d'un fichier à la fois")
    func toutesLesErreurs() throws {
        let trouvees = try erreurs(remplacant: "pix/pix.json") { objet in
            objet["format"] = "autre"
            var niveaux = objet["niveaux"] as! [String: Any]
            niveaux["niveauMaxOuvert"] = 11
            objet["niveaux"] = niveaux
            var domaines = objet["domaines"] as! [[String: Any]]
            domaines[4]["couleur"] = "violet"
            objet["domaines"] = domaines
        }
        #expect(Set(trouvees.map(\.chemin)).isSuperset(of: ["$.format", "$.niveaux.niveauMaxOuvert", "$.domaines[4].couleur"]))
        #expect(trouvees.allSatisfy { $0.fichier == "pix/pix.json" })
    }

    @Test("Valider une variante modifiée : chaque problème avec son chemin")
    func rapportValidation() {
        let variante = Fixtures.fichier("ma-variante.json", """
        { "format": "livret.referentiel/1", "type": "aptic-variante", "code": "ma-variante", "version": "1",
          "titre": "Essai", "base": "aptic", "baseVersion": "2023.1",
          "ajouts": [ { "code": "12", "sousTheme": "1.1", "titre": "Doublon", "motif": "essai" } ],
          "retraits": [ { "code": "999", "motif": "essai" } ],
          "renommages": [ { "code": "15", "titre": "", "motif": "essai" } ] }
        """)
        let rapport = Catalogue.valider([variante], avec: ReferentielsEmbarques.fichiers)
        #expect(!rapport.valide)
        let chemins = Set(rapport.resultats[0].erreurs.map(\.chemin))
        #expect(chemins.isSuperset(of: ["$.ajouts[0].code", "$.retraits[0].code", "$.renommages[0].titre"]))
        #expect(rapport.texte.contains("✗ ma-variante.json"))
    }
}
