import Foundation
import LivretCore
import LivretTestSupport
import Testing

/// The XLSX workbooks opened by LibreOffice (headless, every sheet converted to CSV with raw values):
/// every figure read back equals the JSON output of the same command.
@Suite("Classeurs XLSX relus par LibreOffice", .enabled(if: LibreOffice.executable != nil,
                                                      "LibreOffice (soffice, paquet libreoffice-calc-nogui) absent : classeurs non relus"))
struct ClasseurCLITests {
    @Test("Rapport des parcours croisé par âge : effectifs, taux et heures, ligne à ligne, égaux au JSON")
    func rapport() throws {
        try Atelier.avecDemo { atelier in
            try atelier.reussir(["rapport", "--croiser", "age", "--format", "xlsx", "--sortie", "rapport.xlsx"])
            let rapport = try JSONDecoder().decode(Rapport.self, from: try atelier.reussir(["rapport", "--croiser", "age", "--format", "json"]).sortieOctets)
            let feuilles = try LibreOffice.feuilles(atelier.dossier.appendingPathComponent("rapport.xlsx"))
            #expect(Set(feuilles.keys).isSuperset(of: ["Effectifs", "Taux et heures", "Sorties positives", "Notes"]), "\(feuilles.keys)")
            let attendues = rapport.lignes.map { ("détail", $0) } + rapport.totauxParSexe.map { ("total par sexe", $0) } + [("ensemble", rapport.total)]
            let effectifs = try #require(feuilles["Effectifs"])
            let taux = try #require(feuilles["Taux et heures"])
            #expect(effectifs.first == ["niveau", "sexe", "sous-catégorie", "inscrits", "commencés", "terminés", "abandons", "certifiés", "compétences certifiées"])
            #expect(effectifs.count == attendues.count + 1 && taux.count == attendues.count + 1)
            var masques = 0
            for ((niveau, l), (e, t)) in zip(attendues, zip(effectifs.dropFirst(), taux.dropFirst())) {
                #expect(Array(e.prefix(3)) == [niveau, l.sexe?.libelle ?? "ensemble", l.sousCategorie ?? ""])
                for (valeur, lu) in zip([l.inscrits, l.commences, l.termines, l.abandons, l.certifies], e.dropFirst(3)) {
                    #expect(lu == (valeur.masque ? "s" : String(valeur.nombre!)), "\(l.libelle) : \(lu)")
                    if valeur.masque { masques += 1 }
                }
                for (valeur, lu) in zip([l.tauxCompletion, l.tauxAbandon, l.tauxCertification], t.dropFirst(3)) {
                    #expect(LibreOffice.memeTaux(lu, valeur), "\(l.libelle) : « \(lu) » pour \(valeur)")
                }
                #expect(LibreOffice.memeNombre(t[6], l.heuresPrevues, masqueSiAbsent: l.sexe == nil))
                #expect(LibreOffice.memeNombre(t[7], l.heuresSuivies, masqueSiAbsent: l.sexe == nil))
                #expect(LibreOffice.memeTaux(t[8], l.assiduite))
            }
            #expect(masques > 0, "la démonstration a des cases masquées : elles se relisent « s »")
            for (sortie, ligne) in zip(rapport.sorties, try #require(feuilles["Sorties positives"]).dropFirst()) {
                #expect(ligne == [sortie.type.libelle, sortie.nombre.masque ? "s" : String(sortie.nombre.nombre!)])
            }
            // Same report, same bytes.
            try atelier.reussir(["rapport", "--croiser", "age", "--format", "xlsx", "--sortie", "rapport-2.xlsx"])
            #expect(try Data(contentsOf: atelier.dossier.appendingPathComponent("rapport.xlsx"))
                    == Data(contentsOf: atelier.dossier.appendingPathComponent("rapport-2.xlsx")))
        }
    }

    @Test("Bilan d'activité : chiffres clés, par sexe, par âge, égaux au JSON")
    func activite() throws {
        try Atelier.avecDemo { atelier in
            let periode = ["rapport", "activite", "--du", "2023-01-01", "--au", "2023-12-31"]
            try atelier.reussir(periode + ["--format", "xlsx", "--sortie", "bilan.xlsx"])
            let bilan = try JSONDecoder().decode(BilanActivite.self, from: try atelier.reussir(periode + ["--format", "json"]).sortieOctets)
            let feuilles = try LibreOffice.feuilles(atelier.dossier.appendingPathComponent("bilan.xlsx"))
            let cles = try #require(feuilles["Chiffres clés"])
            func chiffre(_ libelle: String) -> String? { cles.first { $0.first == libelle }?[1] }
            #expect(LibreOffice.memeNombre(chiffre("Heures de formation et d’accompagnement") ?? "?", bilan.heuresBeneficiaires, masqueSiAbsent: true))
            #expect(chiffre("Personnes accompagnées") == (bilan.beneficiaires.masque ? "s" : String(bilan.beneficiaires.nombre!)))
            #expect(chiffre("Jours d’ouverture (permanences)") == String(bilan.joursOuverture))
            for (nom, repartition) in [("Par sexe", bilan.parSexe), ("Par âge", bilan.parAge)] {
                let feuille = try #require(feuilles[nom], "feuille \(nom)")
                #expect(feuille.count == repartition.count + 1)
                for (l, lu) in zip(repartition, feuille.dropFirst()) {
                    #expect(lu[0] == l.libelle)
                    #expect(lu[1] == (l.nombre.masque ? "s" : String(l.nombre.nombre!)), "\(nom) \(l.libelle)")
                    #expect(LibreOffice.memeTaux(lu[2], l.part), "\(nom) \(l.libelle) : \(lu[2])")
                }
            }
            #expect(feuilles["Notes"]?.contains { $0.first?.hasPrefix("Période : du 01/01/2023 au 31/12/2023") == true } == true)
        }
    }
}

extension ClasseurCLITests {
    @Test("Tableau de bord de cohorte et liste des apprenants : fichiers privés, égaux au JSON")
    func listes() throws {
        try Atelier.avecDemo { atelier in
            try atelier.reussir(["cohorte", "montrer", "fen-2023", "--xlsx", "fen.xlsx"])
            let chemin = atelier.dossier.appendingPathComponent("fen.xlsx")
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: chemin.path)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "données personnelles : lisibles par leur propriétaire seul")
            let json = try #require(try JSONSerialization.jsonObject(with: try atelier.reussir(["cohorte", "montrer", "fen-2023", "--json"]).sortieOctets)
                as? [[String: Any]])
            let tableau = try #require(try LibreOffice.feuilles(chemin)["Tableau de bord"])
            #expect(tableau.count == json.count + 1)
            for (objet, ligne) in zip(json, tableau.dropFirst()) {
                #expect(ligne[0] == objet["identifiant"] as? String)
                let minutes = try #require(((objet["bilan"] as? [String: Any])?["heures"] as? [String: Any])?["minutesSuivies"] as? Int)
                #expect(Double(ligne[3]).map { abs($0 - Double(minutes) / 60) < 1e-6 } == true, "\(ligne)")
                #expect(Int(ligne[9]) == objet["itemsAcquis"] as? Int)
            }
            try atelier.reussir(["apprenant", "lister", "--xlsx", "apprenants.xlsx"])
            let apprenants = try #require(try JSONSerialization.jsonObject(with: try atelier.reussir(["apprenant", "lister", "--json"]).sortieOctets)
                as? [[String: Any]])
            let liste = try #require(try LibreOffice.feuilles(atelier.dossier.appendingPathComponent("apprenants.xlsx"))["Apprenants"])
            #expect(liste.count == apprenants.count + 1)
            for (objet, ligne) in zip(apprenants, liste.dropFirst()) {
                #expect(ligne[0] == objet["identifiant"] as? String)
                #expect(ligne[2] == ((objet["anneeNaissance"] as? Int).map(String.init) ?? ""))
            }
        }
    }
}

extension ClasseurCLITests {
    /// The structure the Coop's importer expects (`analyseImportBeneficiairesExcel.ts`, template
    /// `coop-numerique_import-beneficiaires.xlsx`): sheet « Bénéficiaires », rows 1–3 of the template,
    /// data from row 4 until the first empty row, columns Nom, Prénom, Année de naissance, Commune (nom,
    /// INSEE, code postal), téléphone, e-mail, Genre, Notes; nom and prénom required; genre read by its
    /// first letter F, M or N; year of birth a number from 1900 to the current year.
    @Test("livret coop beneficiaires : le fichier d'import de La Coop, seulement avec accord, nom et prénom")
    func coopBeneficiaires() throws {
        try Atelier.avecDemo { atelier in
            let refus = try atelier.echouer(["coop", "beneficiaires"])
            #expect(refus.erreur.contains("aucun apprenant ne peut être transmis à La Coop"))
            try atelier.reussir(["apprenant", "modifier", "A-0001", "--consentement", "suivi,badges,statistiques,coop"])
            try atelier.reussir(["apprenant", "modifier", "A-0002", "--consentement", "suivi,coop", "--nom", "Diallo", "--sexe", "autre"])
            try atelier.reussir(["apprenant", "modifier", "A-0004", "--consentement", "suivi,coop"])
            let sortie = try atelier.reussir(["coop", "beneficiaires", "--sortie", "coop.xlsx", "--date", "2026-12-03"]).sortie
            #expect(sortie.contains("2 bénéficiaires écrits pour La Coop : coop.xlsx"), "\(sortie)")
            #expect(sortie.contains("1 apprenant laissé de côté : sans nom et prénom (La Coop exige les deux)."), "\(sortie)")
            let feuilles = try LibreOffice.feuilles(atelier.dossier.appendingPathComponent("coop.xlsx"))
            #expect(Array(feuilles.keys) == ["Bénéficiaires"])
            let lignes = try #require(feuilles["Bénéficiaires"])
            #expect(lignes[0][0].hasPrefix("Instructions d'utilisation :") && lignes[0].dropFirst().allSatisfy(\.isEmpty))
            #expect(lignes[1] == ["Nom", "Prénom", "Année de naissance", "Commune", "", "", "N° de téléphone", "E-mail", "Genre", "Notes supplémentaires"])
            #expect(lignes[2] == ["", "", "", "Nom", "Code INSEE", "Code postal", "", "", "", ""])
            let donnees = Array(lignes.dropFirst(3).prefix { !$0.allSatisfy(\.isEmpty) })
            #expect(donnees.count == 2 && lignes.count == 5, "aucune ligne vide au milieu, rien après")
            for ligne in donnees {
                #expect(ligne.count == 10)
                #expect(!ligne[0].isEmpty && !ligne[1].isEmpty, "nom et prénom obligatoires")
                #expect(Int(ligne[2]).map { (1900...2026).contains($0) } ?? ligne[2].isEmpty)
                #expect(["F", "M", "N"].contains(String(ligne[8].prefix(1))))
            }
            #expect(donnees[0][0] == "Haddad" && donnees[0][1] == "Samira" && donnees[0][7] == "samira.haddad@exemple.fr" && donnees[0][9] == "Livret A-0001")
            #expect(donnees[1][0] == "Diallo" && donnees[1][8] == "Non communiqué", "« autre » : Non communiqué")
        }
    }
}

extension ClasseurCLITests {
    @Test("livret coop activites : séances en CRA collectifs, permanences en CRA individuels, nommées seulement avec l'accord « coop »")
    func coopActivites() throws {
        try Atelier.avecDemo { atelier in
            try atelier.reussir(["apprenant", "modifier", "A-0001", "--consentement", "suivi,badges,statistiques,coop"])
            try atelier.reussir(["accompagnement", "ajouter", "A-0001", "--duree", "45min", "--thematique", "email", "--autonomie", "autonome",
                                 "--materiel", "téléphone", "--date", "2023-05-02", "--orientation", "aide-sociale"])
            try atelier.reussir(["accompagnement", "ajouter", "A-0002", "--duree", "30min", "--thematique", "demarches", "--date", "2023-05-03",
                                 "--orientation", "non"])
            try atelier.reussir(["accompagnement", "ajouter", "--anonyme", "--sexe", "masculin", "--age", "25-39 ans", "--duree", "1h",
                                 "--type", "rendez_vous", "--lieu", "partenaire", "--lieu-nom", "CCAS", "--date", "2023-05-04"])
            let sortie = try atelier.reussir(["coop", "activites", "--du", "2023-01-01", "--au", "2023-12-31", "--sortie", "activite.xlsx"]).sortie
            #expect(sortie.contains("3 comptes-rendus individuels à saisir"), "\(sortie)")
            let feuilles = try LibreOffice.feuilles(atelier.dossier.appendingPathComponent("activite.xlsx"))
            let individuels = try #require(feuilles["CRA individuels"]).dropFirst().map { $0 }
            #expect(individuels.count == 3)
            #expect(individuels[0] == ["02/05/2023", "45", "Lieu d’activité", "", "Haddad Samira", "Féminin", "40 - 59 ans", "Sans emploi",
                                       "E-mail", "Autonome", "Téléphone", "Oui",
                                       "Structure d’aide sociale (maison des solidarités, centre social…)"], "\(individuels[0])")
            #expect(feuilles["CRA individuels"]?.first?.suffix(2) == ["Bénéficiaire réorienté", "Structure de redirection"])
            #expect(individuels[1][4] == "Bénéficiaire anonyme", "sans accord « coop », pas de nom")
            #expect(individuels[1].suffix(2) == ["Non", ""], "pas orientée : « Non », sans structure")
            #expect(individuels[2].suffix(2) == ["", ""], "rien de noté : les deux cases vides")
            #expect(individuels[2][2...7] == ["Autre lieu", "CCAS", "Bénéficiaire anonyme", "Masculin", "25 - 39 ans", "Non communiqué ou hétérogène"])
            let collectifs = try #require(feuilles["CRA collectifs"])
            #expect(collectifs[0][8...10] == ["Féminin", "Masculin", "Genre non communiqué"])
            #expect(collectifs.count > 1)
            for ligne in collectifs.dropFirst() {
                let n = try #require(Int(ligne[7]))
                let nombres = ligne[8...].map { Int($0) ?? -1 }
                #expect(nombres[0..<3].reduce(0, +) == n && nombres[3..<11].reduce(0, +) == n && nombres[11...].reduce(0, +) == n,
                        "chaque ventilation compte tous les participants : \(ligne)")
            }
        }
    }
}

/// Headless LibreOffice: every sheet of a workbook to CSV (UTF-8, raw values, not as shown).
enum LibreOffice {
    static let executable: String? = {
        for nom in ["soffice", "libreoffice"] {
            for dossier in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") + ["/usr/bin"]
            where FileManager.default.isExecutableFile(atPath: "\(dossier)/\(nom)") { return "\(dossier)/\(nom)" }
        }
        return nil
    }()

    struct Echec: Error, CustomStringConvertible { let description: String }

    /// Sheet name → rows of cells.
    static func feuilles(_ classeur: URL) throws -> [String: [[String]]] {
        let sortie = try DossierTemporaire(prefixe: "livret-lo")
        defer { sortie.supprimer() }
        let processus = Process()
        processus.executableURL = URL(fileURLWithPath: executable!)
        processus.arguments = ["--headless", "--norestore", "-env:UserInstallation=file://\(sortie.url.path)/profil",
                               "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1",
                               "--outdir", sortie.url.path, classeur.path]
        processus.standardOutput = FileHandle.nullDevice
        processus.standardError = FileHandle.nullDevice
        try processus.run()
        processus.waitUntilExit()
        let prefixe = classeur.deletingPathExtension().lastPathComponent + "-"
        var resultat: [String: [[String]]] = [:]
        for fichier in try FileManager.default.contentsOfDirectory(atPath: sortie.url.path) where fichier.hasSuffix(".csv") && fichier.hasPrefix(prefixe) {
            let nom = String(fichier.dropFirst(prefixe.count).dropLast(4))
            resultat[nom] = lire(try String(contentsOf: sortie.url.appendingPathComponent(fichier), encoding: .utf8))
        }
        guard !resultat.isEmpty else { throw Echec(description: "LibreOffice n'a converti aucune feuille de \(classeur.path)") }
        return resultat
    }

    /// RFC 4180 CSV: quoted fields, doubled quotes, line ends inside quotes.
    static func lire(_ texte: String) -> [[String]] {
        var lignes: [[String]] = [], ligne: [String] = [], champ = "", entreGuillemets = false
        var i = texte.startIndex
        while i < texte.endIndex {
            let c = texte[i]
            if entreGuillemets {
                if c == "\"" {
                    let suivant = texte.index(after: i)
                    if suivant < texte.endIndex && texte[suivant] == "\"" { champ.append("\""); i = suivant } else { entreGuillemets = false }
                } else { champ.append(c) }
            } else if c == "\"" { entreGuillemets = true
            } else if c == "," { ligne.append(champ); champ = ""
            } else if c == "\n" || c == "\r\n" { ligne.append(champ); lignes.append(ligne); ligne = []; champ = ""
            } else if c != "\r" { champ.append(c) }
            i = texte.index(after: i)
        }
        if !champ.isEmpty || !ligne.isEmpty { ligne.append(champ); lignes.append(ligne) }
        return lignes
    }

    /// A rate read back (« 93.27% », « s », empty) against the published one.
    static func memeTaux(_ lu: String, _ taux: TauxPublie) -> Bool {
        if taux.masque { return lu == "s" }
        guard let valeur = taux.valeur else { return lu.isEmpty }
        guard lu.hasSuffix("%"), let x = Double(lu.dropLast()) else { return false }
        return abs(x / 100 - valeur) < 1e-9
    }

    /// A number of hours read back against the published one (« s » when absent on a masked total).
    static func memeNombre(_ lu: String, _ valeur: Double?, masqueSiAbsent: Bool) -> Bool {
        guard let valeur else { return lu == (masqueSiAbsent ? "s" : "") }
        return Double(lu).map { abs($0 - valeur) < 1e-9 } ?? false
    }
}
