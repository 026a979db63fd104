import Foundation
import LivretCore
import LivretTestSupport
import Testing

/// Seed 000's 2020 activity entered through `livret` — the volunteers added, the learners imported,
/// the permanences' sign-in sheets imported, each CCAS appointment typed — and the bilan d'activité
/// prints the seed's figures (issue 18).
@Suite("Bilan d'activité du cybercafé 2020 (graine 000), saisi par la ligne de commande")
struct BilanCybercafeCLITests {
    @Test("552 h / 44 personnes / 12,5 h en permanence, 23 h / 24 au CCAS, 575 h / 68, 5,6 par jour, 66 % de femmes, 22 % de mineurs, histogramme")
    func bilan() throws {
        try Atelier.avec { vide in
            var atelier = vide
            atelier.date = "2020-01-02"
            try atelier.reussir(["init", "--structure", "miXYtés", "--formateur", "Bénévole Un", "--date", "2020-01-02"])
            try atelier.reussir(["formateur", "ajouter", "Bénévole Deux"])
            atelier.formateur = "Bénévole Un"
            let apprenants = atelier.dossier.appendingPathComponent("apprenants.csv")
            try Cybercafe2020.csvApprenants.write(to: apprenants, atomically: true, encoding: .utf8)
            try atelier.reussir(["apprenant", "importer", apprenants.path])
            let feuilles = atelier.dossier.appendingPathComponent("emargements-2020.csv")
            try Cybercafe2020.csvPermanences.write(to: feuilles, atomically: true, encoding: .utf8)
            let import_ = try atelier.reussir(["accompagnement", "importer", feuilles.path])
            #expect(import_.sortie.contains("207 accompagnements"), "\(import_)")
            for r in Cybercafe2020.rendezVousCCAS {
                try atelier.reussir(["accompagnement", "ajouter", "--anonyme", "--sexe", r.personne.sexe.rawValue, "--age", r.personne.age,
                                     "--duree", "\(r.personne.minutes) min", "--type", "rendez-vous", "--lieu", "partenaire",
                                     "--lieu-nom", "CCAS de Metz", "--intervenant", "Bénévole Deux", "--thematique", "demarches",
                                     "--date", r.jour.description])
            }
            let texte = try atelier.reussir(["rapport", "activite", "--du", "2020-01-01", "--au", "2020-12-31"]).sortie
            let json = try atelier.reussir(["rapport", "activite", "--du", "2020-01-01", "--au", "2020-12-31", "--format", "json"])
            let bilan = try JSONDecoder().decode(BilanActivite.self, from: json.sortieOctets)
            let permanence = try #require(bilan.parActivite.first { $0.libelle == TypeActivite.permanence.libelle })
            #expect(permanence.heures == 552 && permanence.beneficiaires.nombre == 44 && permanence.heuresParBeneficiaire == 12.5)
            let ccas = try #require(bilan.parLieu.first { $0.libelle == "CCAS de Metz" })
            #expect(ccas.heures == 23 && ccas.beneficiaires.nombre == 24)
            #expect(bilan.heuresBeneficiaires == 575 && bilan.beneficiaires.nombre == 68)
            #expect(bilan.joursOuverture == 37 && bilan.beneficiairesParJour == 5.6)
            #expect(bilan.parSexe.first?.nombre.nombre == 45 && bilan.parMajorite.first?.nombre.nombre == 15)
            #expect(!bilan.histogramme.isEmpty)
            // Compared with 2019 (nothing then): the year before is there, empty.
            let compare = try atelier.reussir(["rapport", "activite", "--du", "2020-01-01", "--au", "2020-12-31", "--comparer", "--format", "json"])
            #expect(try JSONDecoder().decode(BilanActivite.self, from: compare.sortieOctets).precedent?.beneficiaires.nombre == 0)
            try atelier.echouer(["rapport", "activite", "--du", "2019-06-01", "--au", "2020-12-31", "--comparer"])
            // LIVRET_BILAN=/dossier keeps the bilan in every format, to look at it (browser, spreadsheet).
            if let dossier = ProcessInfo.processInfo.environment["LIVRET_BILAN"] {
                try? FileManager.default.removeItem(atPath: "\(dossier)/cybercafe-2020.sqlite")
                try atelier.reussir(["sauvegarde", "\(dossier)/cybercafe-2020.sqlite"])
                for format in ["texte", "csv", "html", "json"] {
                    try atelier.reussir(["rapport", "activite", "--du", "2020-01-01", "--au", "2020-12-31", "--comparer", "--format", format,
                                         "--sortie", "\(dossier)/bilan-2020.\(format == "texte" ? "txt" : format)"])
                }
            }
            // What a person reads: the same figures, in French.
            for attendu in ["552", "12,5", "575", "68", "5,6", "37", "66,2 %", "22,1 %"] {
                #expect(texte.contains(attendu), "« \(attendu) » absent du bilan :\n\(texte)")
            }
        }
    }
}
