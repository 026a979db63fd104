import Foundation
import LivretCore
import LivretServices
import LivretStore
import LivretTUI
import Testing

/// The report screen's « o »: the files for La Coop without the command line.
@Suite("Fichiers pour La Coop depuis l'interface")
struct CoopInterfaceTests {
    @Test func refusClairPuisFichiersEcrits() throws {
        let banc = try Banc()
        let executeur = Executeur(poste: banc.poste)
        guard case .fait(let message) = executeur.executer(.exporterCoop) else { Issue.record("pas de message"); return }
        // Nobody agreed to La Coop yet: the activity alone, and the refusal said in the UI's words.
        #expect(message.contains("coop-activites-") && message.contains("personne à transmettre à La Coop : il faut l'accord « La Coop » de la fiche"),
                "\(message)")
        let db = try banc.db
        let a = try db.apprenant("A-0001")
        try db.enregistrerConsentement(Consentement(apprenantId: a.id!, date: Banc.jour, suivi: true, badges: true, statistiques: true, coop: true,
                                                    auteurId: 1))
        guard case .fait(let texte) = executeur.executer(.exporterCoop) else { Issue.record("pas de fichier"); return }
        #expect(texte.contains("coop-beneficiaires-\(Banc.jour.description).xlsx (1 bénéficiaire)"), "\(texte)")
        #expect(!texte.contains("--") && !texte.contains("livret "), "aucune option de la ligne de commande à l'écran : \(texte)")
        let fichiers = try FileManager.default.contentsOfDirectory(atPath: banc.dossierExports.path)
        #expect(fichiers.contains("coop-beneficiaires-\(Banc.jour.description).xlsx"))
    }
}
