import Foundation
import LivretCore
import LivretStore
import LivretTestSupport
import Testing

/// `livret espace …` end to end on the built binary (issue 21): the code given to a learner, the
/// erasure requests made in her space, the refusal to open the space on the network without
/// saying so, and her CV choices respected by `livret cv exporter`. No server is started here
/// (the space itself is tested in LivretEspaceTests).
@Suite("livret espace, de bout en bout")
struct EspaceCLITests {
    @Test("livret espace code : 6 chiffres en deux groupes, à donner à la personne")
    func code() throws {
        try Atelier.avecDemo { atelier in
            let resultat = try atelier.reussir(["espace", "code", "A-0001"])
            let lignes = resultat.sortie.split(separator: "\n").map(String.init)
            #expect(lignes.count == 2, "\(resultat)")
            let premiere = try #require(lignes.first)
            #expect(premiere.hasPrefix("Code de connexion de A-0001 : "), "\(resultat)")
            let code = String(premiere.dropFirst("Code de connexion de A-0001 : ".count))
            #expect(code.range(of: #"^[0-9]{3} [0-9]{3}$"#, options: .regularExpression) != nil, "« \(code) »")
            #expect(lignes.last == "À taper sur la page de l'espace, dans les 10 minutes. Il ne sert qu'une fois.")
            // Only its salted hash is kept: the code is nowhere in the base's files.
            let octets = try atelier.fichiersDeLaBase().reduce(into: Data()) { $0 += try Data(contentsOf: $1) }
            #expect(octets.range(of: Data(code.replacingOccurrences(of: " ", with: "").utf8)) == nil)
            // Two codes in a row are not the same.
            let autre = try atelier.reussir(["espace", "code", "A-0001"]).sortie
            #expect(!autre.contains(code), "un nouveau code à chaque fois")
        }
    }

    @Test("livret espace code sur une personne effacée ou inconnue : refusé, en français")
    func codeRefuse() throws {
        try Atelier.avecDemo { atelier in
            try atelier.reussir(["apprenant", "effacer", "A-0002", "--confirmer"])
            let effacee = try atelier.echouer(["espace", "code", "A-0002"])
            #expect(effacee.erreur.contains("« A-0002 » a été effacé : son espace n'existe plus."), "\(effacee)")
            #expect(effacee.sortie.isEmpty, "aucun code affiché")
            let inconnue = try atelier.echouer(["espace", "code", "A-9999"])
            #expect(inconnue.erreur.contains("A-9999"), "\(inconnue)")
        }
    }

    @Test("livret espace demandes : rien, puis la demande faite dans l'espace, puis rien après l'effacement")
    func demandes() throws {
        try Atelier.avecDemo { atelier in
            #expect(try atelier.reussir(["espace", "demandes"]).sortie == "Aucune demande d'effacement en attente.\n")
            // The request as the space records it, on the same base file.
            do {
                let db = try Base(chemin: atelier.chemin.path)
                try db.demanderEffacement(apprenantId: try db.apprenant("A-0003").id!, date: Fixe.jour)
            }
            let une = try atelier.reussir(["espace", "demandes"]).sortie
            #expect(une == """
                1 demande d'effacement en attente :
                  A-0003, demandé le 04/03/2024 : livret apprenant effacer A-0003 --confirmer

                """, "\(une)")
            do {
                let db = try Base(chemin: atelier.chemin.path)
                try db.demanderEffacement(apprenantId: try db.apprenant("A-0005").id!, date: Fixe.jour.ajout(jours: 1))
            }
            let deux = try atelier.reussir(["espace", "demandes"]).sortie
            #expect(deux.hasPrefix("2 demandes d'effacement en attente :\n"), "\(deux)")
            #expect(deux.contains("A-0005, demandé le 05/03/2024"))
            try atelier.reussir(["apprenant", "effacer", "A-0003", "--confirmer"])
            try atelier.reussir(["apprenant", "effacer", "A-0005", "--confirmer"])
            #expect(try atelier.reussir(["espace", "demandes"]).sortie == "Aucune demande d'effacement en attente.\n")
        }
    }

    @Test("livret espace ouvrir --adresse hors de cet ordinateur sans --reseau-local : refusé, rien n'est ouvert")
    func ouvrirRefuse() throws {
        try Atelier.avecDemo { atelier in
            let refus = try atelier.echouer(["espace", "ouvrir", "--adresse", "192.168.1.5", "--port", "0"])
            #expect(refus.statut != 0)
            #expect(refus.erreur.contains("l'adresse « 192.168.1.5 » n'est pas celle de cet ordinateur seul"), "\(refus)")
            #expect(refus.erreur.contains("ajoutez --reseau-local"), "\(refus)")
            #expect(!refus.sortie.contains("Espace des apprenants ouvert"))
            let partout = try atelier.echouer(["espace", "ouvrir", "--adresse", "0.0.0.0", "--port", "0"])
            #expect(partout.erreur.contains("« 0.0.0.0 »"), "\(partout)")
            let port = try atelier.lancer(["espace", "ouvrir", "--port", "70000"])
            #expect(port.statut != 0 && port.erreur.contains("choisissez un port de 1 à 65535"), "\(port)")
        }
    }

    @Test("livret cv exporter : la personne a choisi de ne pas montrer son nom, le CV n'en montre aucun")
    func cvSelonLaPersonne() throws {
        try Atelier.avecDemo { atelier in
            let avant = String(decoding: try atelier.reussir(["cv", "exporter", "A-0001", "--identite", "complete", "--sortie", "-"]).sortieOctets,
                               as: UTF8.self)
            try #require(avant.contains("Samira") && avant.contains("Haddad"))
            do {
                let db = try Base(chemin: atelier.chemin.path)
                try db.enregistrerChoixCV(apprenantId: try db.apprenant("A-0001").id!, choix: ChoixCV(identite: .aucune), date: Fixe.jour)
            }
            for format in ["html", "json-resume"] {
                let cv = String(decoding: try atelier.reussir(["cv", "exporter", "A-0001", "--identite", "complete", "--format", format,
                                                               "--sortie", "-"]).sortieOctets, as: UTF8.self)
                #expect(!cv.contains("Samira") && !cv.contains("Haddad"), "\(format) : nom montré malgré son choix")
                #expect(cv.contains("Ce que je sais faire") || cv.contains("skills"), "\(format) : le reste du CV est là")
            }
        }
    }

    @Test("livret espace --help et ses sous-commandes : en français")
    func aide() throws {
        /// The help as one line: ArgumentParser wraps it to the terminal's width.
        func texte(_ r: ExecutableLivret.Resultat) -> String { r.sortie.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let aide = try ExecutableLivret.lancer(["espace", "--help"])
        #expect(aide.statut == 0)
        #expect(texte(aide).contains("L'espace de l'apprenant : ouvrir le site local, donner un code de connexion, voir les demandes d'effacement."))
        #expect(aide.sortie.contains("UTILISATION : livret espace"))
        for sous in ["ouvrir", "code", "demandes"] { #expect(aide.sortie.contains(sous), "\(sous)") }
        #expect(AideFrancaiseCLITests.anglaisDans(aide.sortie).isEmpty, "\(AideFrancaiseCLITests.anglaisDans(aide.sortie))")
        let ouvrir = try ExecutableLivret.lancer(["espace", "ouvrir", "--help"])
        #expect(texte(ouvrir).contains("--reseau-local") && texte(ouvrir).contains("Wi-Fi de la structure"))
        #expect(AideFrancaiseCLITests.anglaisDans(ouvrir.sortie).isEmpty)
        let code = try ExecutableLivret.lancer(["espace", "code", "--help"])
        #expect(texte(code).contains("6 chiffres, 10 minutes, une seule fois"))
    }
}
