import Foundation
import LivretCore
import LivretExports
import Testing

/// Sex, year of birth, QPV residence and social status never leave the record through a CV.
@Suite("CV numérique — jamais de donnée sensible")
struct CVVieePriveeTests {
    static let cas = ["A-0001", "A-0004", "A-0015"]

    @Test(arguments: cas)
    func niSexeNiAnneeDeNaissance(identifiant: String) throws {
        let dossier = try DemoCV.dossier(identifiant)
        let annee = try #require(dossier.apprenant.anneeNaissance)
        let choix = ChoixCV(identite: .complete, contact: true)
        let cv = try DemoCV.cv(identifiant, choix: choix)
        let html = CVHTML.rendre(cv, liensPaquet: true)
        let resume = try CVJSONResume.rendre(cv)
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.sortedKeys]
        let modele = try encodeur.encode(cv)
        for (nom, texte) in [("HTML", html), ("JSON Resume", String(decoding: resume, as: UTF8.self)), ("modèle", String(decoding: modele, as: UTF8.self))] {
            let bas = texte.lowercased()
            for interdit in ["feminin", "féminin", "masculin", "sexe", "gender", "naissance", "birth", "qpv", "quartier prioritaire",
                             "sans emploi", "sansemploi", "retraité", "scolarisé", "statut social", "statutsocial", "diplôme", "niveaudiplome"] {
                #expect(!bas.contains(interdit), "\(identifiant) \(nom) : « \(interdit) »")
            }
            #expect(!texte.contains(String(annee)), "\(identifiant) \(nom) : année de naissance \(annee)")
            #expect(!texte.contains(dossier.apprenant.identifiant), "\(identifiant) \(nom) : identifiant interne")
        }
        for donnees in [resume, modele] {
            let cles = DemoCV.cles(try JSONSerialization.jsonObject(with: donnees)).map { $0.lowercased() }
            for cle in cles {
                for interdit in ["sex", "genre", "gender", "birth", "naissance", "annee", "age", "qpv", "statut social", "statutsocial"] {
                    #expect(!(cle == interdit || cle.hasPrefix(interdit) && interdit != "age"), "\(identifiant) : champ « \(cle) »")
                }
                #expect(cle != "age" && cle != "sexe" && cle != "sex")
            }
        }
    }
}
