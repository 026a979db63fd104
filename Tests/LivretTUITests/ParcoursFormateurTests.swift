import Foundation
import LivretCore
import LivretStore
import LivretTerminal
import LivretTUI
import LivretTestSupport
import Testing

/// What a formateur does with the UI, checked in the base and not only on the screen.
@Suite("Parcours du formateur dans l'interface")
struct ParcoursFormateurTests {
    /// A séance of the day (4 March 2024) in smartphone-2024, the first cohort of the accueil:
    /// `a` then Entrée opens its attendance sheet, with nothing recorded yet.
    static func seanceDuJour(_ base: Base) throws {
        let nadia = try base.formateur(Banc.formateur).id!
        try base.ajouterSeance(cohorte: "smartphone-2024", date: Banc.jour, minutesPrevues: 120, theme: "Rattrapage", auteurId: nadia)
    }

    /// The séance of the day, from the base.
    static func idSeanceDuJour(_ db: Base) throws -> Int64 {
        let cohorte = try db.cohorte("smartphone-2024")
        return try #require(try db.seances(cohorteId: cohorte.id!).first { $0.date == Banc.jour }?.id)
    }

    /// Accueil → `a` (séances of the first cohort) → Entrée (the séance of the day).
    static func ouvrirAppel(_ banc: Banc) {
        banc.ecrire("a")
        banc.taper(.entree)
    }

    // MARK: - Appel

    @Test func appelSaisiEtRelu() throws {
        let banc = try Banc(preparer: Self.seanceDuJour)
        let db = try banc.db
        let id = try Self.idSeanceDuJour(db)
        let avant = try db.feuilleAppel(seanceId: id)
        #expect(avant.lignes.count == 8 && avant.lignes.allSatisfy { $0.statut == nil })

        Self.ouvrirAppel(banc)
        #expect(banc.titre == "Appel du 04/03/2024")
        // One key a person; the two people who dropped out (Inès, Karim) are skipped.
        banc.ecrire("pea")
        banc.ecrire("m90\n")   // présent, 90 minutes, then the next person
        banc.ecrire("pp")
        #expect(try db.feuilleAppel(seanceId: id) == avant, "rien n'est écrit avant la touche s")
        #expect(banc.ecran.contains("6 lignes modifiées"))
        banc.ecrire("s")

        #expect(banc.message == "Appel enregistré : 4 présents sur 6.")
        #expect(!banc.ecran.contains("non enregistré"))
        // Read back by identifier: the screen lists people by name.
        let ordre = ordreAppel(avant).map(\.identifiant)
        let apres = Dictionary(uniqueKeysWithValues: try db.feuilleAppel(seanceId: id).lignes.map { ($0.identifiant, $0) })
        let attendu: [(StatutPresence?, Int?)] = [(.present, 120), (.excuse, 0), (nil, nil), (.absent, 0), (nil, nil),
                                                  (.present, 90), (.present, 120), (.present, 120)]
        #expect(apres.count == 8)
        #expect(ordre.map { apres[$0]?.statut } == attendu.map(\.0))
        #expect(ordre.map { apres[$0]?.minutes } == attendu.map(\.1))

        // The learner's record shows the same thing, written by the formateur of the workstation.
        let nadia = try db.formateur(Banc.formateur).id!
        let quatrieme = ordre[5]   // the fourth person marked: Inès and Karim were skipped
        let dossier = try db.dossier(quatrieme, catalogue: catalogueEmbarque, au: Banc.jour)
        let presence = try #require(dossier.inscriptions.first { $0.cohorte == "smartphone-2024" }?.presences.first { $0.seanceId == id })
        #expect(presence.statut == .present && presence.minutes == 90 && presence.auteurId == nadia)

        // Back to the list: the séance is done.
        banc.taper(.echap)
        #expect(banc.titre.hasPrefix("Séances"))
        #expect(banc.ligne(contenant: "Rattrapage")?.hasSuffix("fait") == true)
    }

    @Test func appelToutEnUneTransaction() throws {
        // A colleague restores last night's backup while the attendance is being taken: the
        // learner enrolled since then is gone. Saving fails on the last line: the earlier lines
        // must not be written either, and what was typed stays on screen.
        let sauvegarde = FileManager.default.temporaryDirectory.appendingPathComponent("livret-tui-sauvegarde-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: sauvegarde) }
        let banc = try Banc { base in
            try Self.seanceDuJour(base)
            try base.sauvegarder(vers: sauvegarde)
            let nadia = try base.formateur(Banc.formateur).id!
            let nouveau = try base.prochainIdentifiant()
            try base.ajouterApprenant(Apprenant(identifiant: nouveau, prenom: "Zoé", nom: "Nouvelle", creeLe: Banc.jour, creePar: nadia))
            try base.inscrire(identifiants: [nouveau], cohorte: "smartphone-2024", auteurId: nadia, date: Banc.jour)
        }
        let db = try banc.db
        let id = try Self.idSeanceDuJour(db)
        Self.ouvrirAppel(banc)
        #expect(banc.ecran.contains("Zoé Nouvelle"))
        banc.ecrire("pppppppp")
        banc.ecrire("e")   // Zoé, the ninth and last
        let ecranAvant = banc.ecran

        let collegue = try #require(banc.base)
        try collegue.restaurer(depuis: sauvegarde, copieAvant: banc.dossier.appendingPathComponent("avant-restauration.sqlite").path)
        banc.ecrire("s")

        #expect(banc.erreur && banc.ligneMessage.hasPrefix("Erreur : "), "\(banc.ecran)")
        #expect(banc.message.contains("n'est pas inscrit dans la cohorte de cette séance"), "\(banc.message)")
        #expect(try db.feuilleAppel(seanceId: id).lignes.allSatisfy { $0.statut == nil }, "rien n'est écrit, pas même les premières lignes")
        // The marks are all still there, unrecorded.
        #expect(banc.ecran.contains("7 lignes modifiées"), "les 7 personnes qui suivent, abandons sautés")
        let lignesTableau = { (ecran: String) in ecran.split(separator: "\n").dropFirst(3).prefix(10).map(String.init) }
        #expect(lignesTableau(banc.ecran) == lignesTableau(ecranAvant))
    }

    @Test func seanceDisparueAuMomentDEnregistrer() throws {
        // The séance itself was added after the backup that a colleague restores.
        let sauvegarde = FileManager.default.temporaryDirectory.appendingPathComponent("livret-tui-sauvegarde-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: sauvegarde) }
        let banc = try Banc { base in
            try base.sauvegarder(vers: sauvegarde)
            try Self.seanceDuJour(base)
        }
        Self.ouvrirAppel(banc)
        #expect(banc.titre == "Appel du 04/03/2024")
        banc.ecrire("pa")
        try #require(banc.base).restaurer(depuis: sauvegarde, copieAvant: banc.dossier.appendingPathComponent("avant.sqlite").path)
        banc.ecrire("s")
        #expect(banc.erreur && banc.ligneMessage.hasPrefix("Erreur : "), "\(banc.ecran)")
        #expect(banc.message.contains("Séance"), "\(banc.message)")
        #expect(banc.ecran.contains("2 lignes modifiées"), "les présences tapées restent à l'écran")
        #expect(banc.titre == "Appel du 04/03/2024")
    }

    @Test func formateurInconnu() throws {
        // A typo in --formateur: the save is refused with a French message, nothing is lost.
        let banc = try Banc(formateur: "Nadia Benaly", preparer: Self.seanceDuJour)
        let db = try banc.db
        let id = try Self.idSeanceDuJour(db)
        // The UI first asks who works, saying the name given is unknown; leaving the question, writes are refused.
        #expect(banc.titre == "Qui travaille ?")
        #expect(banc.erreur && banc.message.contains("« Nadia Benaly » n'est pas un formateur de cette base"), "\(banc.message)")
        banc.taper(.echap)
        Self.ouvrirAppel(banc)
        banc.ecrire("pe")
        banc.ecrire("s")
        #expect(banc.erreur && banc.ligneMessage.hasPrefix("Erreur : "), "\(banc.ecran)")
        #expect(banc.message.contains("Nadia Benaly"), "\(banc.message)")
        #expect(banc.ecran.components(separatedBy: "non enregistré").count - 1 == 2, "les présences tapées restent à l'écran")
        #expect(try db.feuilleAppel(seanceId: id).lignes.allSatisfy { $0.statut == nil })
    }

    @Test func minutesTropLonguesRefusees() throws {
        let banc = try Banc(preparer: Self.seanceDuJour)
        let db = try banc.db
        let id = try Self.idSeanceDuJour(db)
        Self.ouvrirAppel(banc)
        let premier = try #require(ordreAppel(try db.feuilleAppel(seanceId: id)).first).identifiant
        banc.ecrire("m121\n")    // the planned 120 is shown, the first digit replaces it
        #expect(banc.message.hasPrefix("121 minutes de présence pour « "), "\(banc.message)")
        #expect(banc.message.hasSuffix("la séance dure 120 minutes ; écrivez de 1 à 120. Corrigez ou Échap."), "\(banc.message)")
        #expect(banc.application.ecran.saisieEnCours, "le champ reste ouvert pour corriger")
        #expect(banc.ecran.contains("121▏"))
        banc.taper(.retourArriere)
        banc.ecrire("0\n")      // 120: the whole séance, the most a presence can hold
        banc.ecrire("s")
        let feuille = try db.feuilleAppel(seanceId: id)
        #expect(feuille.lignes.first { $0.identifiant == premier }?.minutes == 120)
        #expect(feuille.lignes.first { $0.identifiant == premier }?.statut == .present)
        #expect(feuille.lignes.filter { $0.statut != nil }.count == 1)
    }

    @Test func quitterLAppelSansEnregistrer() throws {
        let banc = try Banc(preparer: Self.seanceDuJour)
        let db = try banc.db
        let id = try Self.idSeanceDuJour(db)
        Self.ouvrirAppel(banc)
        banc.ecrire("pa")
        banc.taper(.echap)
        #expect(banc.titre == "Appel du 04/03/2024", "Échap demande d'abord confirmation")
        #expect(banc.ecran.contains("Non enregistré !"))
        banc.ecrire("q")
        #expect(!banc.application.termine, "q ne quitte pas pendant la question")
        banc.taper(.echap)   // continue the attendance
        #expect(!banc.ecran.contains("Non enregistré !"))
        #expect(banc.ecran.contains("2 lignes modifiées"))
        banc.ecrire("q")     // quitting Livret asks too
        #expect(!banc.application.termine)
        #expect(banc.ecran.contains("Non enregistré !"))
        banc.taper(.echap)
        banc.taper(.ctrl("c"))
        #expect(!banc.application.termine, "Ctrl-C demande aussi")
        #expect(banc.ecran.contains("o : quitter sans enregistrer"))
        banc.taper(.echap)
        banc.taper(.echap)   // back, not quitting: o abandons the marks and goes back to the séances
        banc.ecrire("o")
        #expect(banc.titre.hasPrefix("Séances"))
        #expect(try db.feuilleAppel(seanceId: id).lignes.allSatisfy { $0.statut == nil }, "o : rien n'est écrit")
        #expect(banc.ligne(contenant: "Rattrapage")?.hasSuffix("à faire") == true)
        // Asked by q, the answer o really quits Livret.
        banc.taper(.entree)
        banc.ecrire("pa")
        banc.ecrire("q")
        banc.ecrire("o")
        #expect(banc.application.termine, "q puis o : Livret se ferme sans enregistrer")
        #expect(try db.feuilleAppel(seanceId: id).lignes.allSatisfy { $0.statut == nil })
    }

    @Test func quitterLAppelEnEnregistrant() throws {
        let banc = try Banc(preparer: Self.seanceDuJour)
        let db = try banc.db
        let id = try Self.idSeanceDuJour(db)
        Self.ouvrirAppel(banc)
        banc.ecrire("pa")
        banc.taper(.echap)
        banc.ecrire("s")
        #expect(banc.titre.hasPrefix("Séances"))
        #expect(banc.message == "Appel enregistré : 1 présent sur 6 (2 sur 6 saisis : appel partiel).",
                "compté sur toute la feuille : 8 inscrits dont 2 abandons, 2 lignes saisies")
        let feuille = try db.feuilleAppel(seanceId: id)
        let ordre = ordreAppel(feuille)
        #expect(ordre.map(\.statut) == [.present, .absent] + Array(repeating: nil, count: 6))
        #expect(banc.ligne(contenant: "Rattrapage")?.hasSuffix("2 sur 6 saisis") == true, "un appel partiel se dit partiel")
    }

    // MARK: - Preuves

    /// The first item of the APTIC grid, selected when the learner's screen opens.
    static var premierItem: String {
        catalogueEmbarque.apticBase.niveaux[0].sousThemes[0].items.first { !$0.estRetire }!.code
    }

    @Test func preuveEnDeuxTouches() throws {
        let banc = try Banc()
        let db = try banc.db
        banc.taper(.bas, .entree)       // fen-2023
        let identifiant = try #require(try db.tableauDeBord(cohorte: "fen-2023", catalogue: catalogueEmbarque, au: Banc.jour)
            .min { Filtre(nom: $0.nom) < Filtre(nom: $1.nom) }?.identifiant)
        banc.taper(.entree)             // the first learner, by name
        let dossier = try db.dossier(identifiant, catalogue: catalogueEmbarque, au: Banc.jour)
        let avant = dossier.preuves
        // The grid opens on the first item this person is working on (else the first item).
        let item = dossier.etats.first { $0.referentiel == .aptic && $0.statut == .enCours }?.code ?? Self.premierItem
        #expect(banc.titre == (try db.apprenant(identifiant)).nomAffiche)
        #expect(banc.ecran.contains("3 Preuves (\(avant.count))"))

        banc.ecrire("a")                // autonomie, on the selected item
        banc.taper(.entree)             // confirmed: two keys
        let apres = try db.dossier(identifiant, catalogue: catalogueEmbarque, au: Banc.jour).preuves
        #expect(apres.count == avant.count + 1)
        let preuve = try #require(apres.first { p in !avant.contains { $0.id == p.id } })
        #expect(preuve.referentiel == .aptic && preuve.code == item)
        #expect(preuve.niveau == .autonomie)
        #expect(preuve.auteurId == (try db.formateur(Banc.formateur)).id)
        #expect(preuve.date == Banc.jour)
        #expect(banc.message == "Preuve ajoutée : item \(item), \(NiveauPreuve.autonomie.libelle).")
        #expect(banc.ecran.contains("3 Preuves (\(avant.count + 1))"), "l'écran est rechargé")
    }

    @Test func preuveAnnuleeParEchap() throws {
        let banc = try Banc()
        let db = try banc.db
        banc.taper(.bas, .entree, .entree)
        let compter = { try db.apprenants(cohorte: "fen-2023").reduce(0) { $0 + (try db.preuves(apprenantId: $1.id!)).count } }
        let avant = try compter()
        banc.ecrire("s")
        #expect(banc.ecran.contains("Preuve « suivi »") && banc.ecran.contains("Entrée : oui"), "\(banc.ecran)")
        banc.taper(.echap)
        #expect(banc.message == "Aucune preuve ajoutée.")
        #expect(!banc.ecran.contains("Entrée : oui"))
        #expect(banc.application.ecran.titre != "fen-2023", "Échap annule la preuve sans quitter l'écran")
        #expect(try compter() == avant)
    }

    // MARK: - Badges

    @Test func badgesCleEmissionPaquetCV() throws {
        let banc = try Banc()
        let db = try banc.db
        banc.taper(.bas)
        banc.ecrire("b")                // badges of fen-2023
        // The badges screen lists people by name: go to the first one who agreed to badges.
        let apprenants = try Banc.parNom(db.apprenants(cohorte: "fen-2023"))
        let (rang, premiere) = try #require(try apprenants.enumerated().first { try db.consentement(apprenantId: $0.element.id!)?.badges == true })
        for _ in 0..<rang { banc.taper(.bas) }

        // No key yet: a French message, nothing issued.
        banc.ecrire("e")
        banc.taper(.entree)
        #expect(banc.erreur && banc.ligneMessage.hasPrefix("Erreur : "), "\(banc.ecran)")
        #expect(try db.badges(apprenantId: premiere.id!).isEmpty)

        // k + Entrée creates the key in the keys folder.
        banc.ecrire("k")
        banc.taper(.entree)
        #expect(banc.message.hasPrefix("Clé de signature de la structure créée"), "\(banc.ecran)")
        #expect(!banc.message.contains("empreinte"), "pas d'empreinte de clé là où une personne lit")
        let cles = (try? FileManager.default.contentsOfDirectory(atPath: banc.dossierCles.path)) ?? []
        #expect(!cles.isEmpty)
        #expect(try db.cleActive() != nil)

        // e + Entrée issues her badges.
        banc.ecrire("e")
        #expect(banc.ecran.contains("Entrée : oui"))
        banc.taper(.entree)
        let emis = try db.badges(apprenantId: premiere.id!)
        #expect(!emis.isEmpty)
        #expect(banc.message == "\(emis.count) badge\(emis.count > 1 ? "s" : "") délivré\(emis.count > 1 ? "s" : "") à \(premiere.nomAffiche). Touche p : le paquet à lui remettre.")
        #expect(emis.allSatisfy { $0.emisLe == Banc.jour && $0.auteurId == (try? db.formateur(Banc.formateur))?.id })

        // p writes the bundle, v the CV, in the exports folder.
        banc.ecrire("p")
        #expect(banc.message.hasPrefix("Paquet de \(emis.count) badge"), "\(banc.ecran)")
        #expect(FileManager.default.fileExists(atPath: banc.dossierExports.appendingPathComponent("\(premiere.identifiant)-badges.zip").path))
        banc.ecrire("v")
        #expect(banc.titre.hasPrefix("CV d"), "v : la personne choisit ce qui figure sur son CV")
        for _ in 0..<10 { banc.taper(.tabulation) }
        banc.taper(.entree)
        #expect(banc.message.hasPrefix("CV numérique écrit"), "\(banc.ecran)")
        #expect(FileManager.default.fileExists(atPath: banc.dossierExports.appendingPathComponent("\(premiere.identifiant)-cv.html").path))
    }

    @Test func badgesSansAccordRefuses() throws {
        let banc = try Banc()
        let db = try banc.db
        banc.taper(.bas)
        banc.ecrire("b")
        banc.ecrire("k")
        banc.taper(.entree)
        let apprenants = try Banc.parNom(db.apprenants(cohorte: "fen-2023"))
        let sansAccord = try #require(try apprenants.enumerated().first { try db.consentement(apprenantId: $0.element.id!)?.badges != true })
        for _ in 0..<sansAccord.offset { banc.taper(.bas) }
        banc.ecrire("e")
        #expect(banc.message == "\(sansAccord.element.nomAffiche) n'a pas donné son accord pour recevoir des badges : recueillez-le d'abord (touche c).")
        #expect(!banc.ecran.contains("Entrée : oui"), "aucune confirmation n'est proposée")
        banc.taper(.entree)
        #expect(try db.badges(apprenantId: sansAccord.element.id!).isEmpty)
    }

    @Test func accordRecueilliPuisBadges() throws {
        let banc = try Banc()
        let db = try banc.db
        banc.taper(.bas)
        banc.ecrire("b")
        banc.ecrire("k")
        banc.taper(.entree)
        let apprenants = try Banc.parNom(db.apprenants(cohorte: "fen-2023"))
        let (rang, personne) = try #require(try apprenants.enumerated().first { try db.consentement(apprenantId: $0.element.id!)?.badges != true })
        let avant = try db.consentement(apprenantId: personne.id!)
        for _ in 0..<rang { banc.taper(.bas) }

        banc.ecrire("c")
        #expect(banc.ecran.contains("Accord donné par \(personne.nomAffiche) pour recevoir des badges ?"), "\(banc.ecran)")
        banc.taper(.echap)
        #expect(try db.consentement(apprenantId: personne.id!) == avant, "Échap : rien n'est noté")

        banc.ecrire("c")
        banc.taper(.entree)
        let apres = try #require(try db.consentement(apprenantId: personne.id!))
        let nadia = try db.formateur(Banc.formateur).id
        #expect(apres.badges && apres.date == Banc.jour && apres.auteurId == nadia)
        #expect(apres.suivi == avant?.suivi && apres.statistiques == avant?.statistiques, "les autres accords sont gardés")
        #expect(banc.message.hasPrefix("Accord de \(personne.nomAffiche) pour recevoir des badges noté"), "\(banc.message)")

        banc.ecrire("e")
        banc.taper(.entree)
        #expect(!(try db.badges(apprenantId: personne.id!)).isEmpty, "\(banc.message)")
    }

    // MARK: - Base vide, filtres, quitter

    @Test func baseVideDemoCreee() throws {
        let banc = try Banc(demo: false)
        #expect(banc.ecran.contains("Aucune structure n'est encore enregistrée"))
        #expect(!FileManager.default.fileExists(atPath: banc.cheminBase))
        banc.ecrire("d")
        #expect(banc.message.hasPrefix("Démonstration créée dans son propre fichier"), "\(banc.message)")
        #expect(!FileManager.default.fileExists(atPath: banc.cheminBase), "la démonstration ne prend pas la base de la structure")
        #expect(banc.poste.cheminBase.hasSuffix("demonstration.sqlite"))
        #expect(try banc.db.cohortes().count == 2)
        #expect(banc.ecran.contains("smartphone-2024"))
        #expect(banc.ecran.contains("fen-2023"))
        #expect(banc.ecran.split(separator: "\n")[0].contains("(démo)"), "la barre de titre dit que c'est la démonstration")
        banc.taper(.bas, .entree)
        #expect(banc.titre == "fen-2023")
    }

    @Test func demoAvecDeuxFormateursDemandeQuiTravaille() throws {
        let banc = try Banc(demo: false, formateur: nil)
        banc.ecrire("d")
        #expect(banc.titre == "Qui travaille ?", "deux formateurs dans la démonstration : l'interface demande")
        banc.taper(.bas, .entree)
        #expect(banc.titre == "Accueil")
        let nom = try #require(banc.application.formateur)
        #expect(banc.ecran.split(separator: "\n")[0].contains(nom))
        // The choice is remembered on this machine: the next start does not ask again.
        let suivant = SessionScriptee(poste: try Poste(cheminBase: banc.poste.cheminBase, catalogue: catalogueEmbarque, dossierCles: banc.dossierCles,
                                                       nomFormateur: nil, jour: Banc.jour))
        #expect(suivant.application.ecran.titre == "Accueil")
        #expect(suivant.application.formateur == nom)
        // And writes work, attributed to that formateur, without any option.
        banc.taper(.entree)
        banc.ecrire("a")
        banc.ecrire("n")
        banc.ecrire("90\n")
        #expect(!banc.erreur, "\(banc.message)")
    }

    @Test func filtreSansCasseNiAccents() throws {
        let banc = try Banc()
        banc.taper(.bas, .entree)
        banc.ecrire("/melanie")
        #expect(banc.ecran.contains("Mélanie Carpentier"))
        #expect(banc.ecran.contains("(1 sur 11)"))
        #expect(!banc.ecran.contains("Samira Haddad"))
        banc.taper(.echap)
        #expect(banc.ecran.contains("Samira Haddad"), "Échap efface le filtre")
        banc.ecrire("/MÉLANIE\n")
        #expect(banc.ecran.contains("(1 sur 11)"))
        banc.taper(.entree)
        #expect(banc.titre == "Mélanie Carpentier", "Entrée ouvre la personne trouvée")

        // The same on the accueil, and in the APTIC grid.
        let accueil = try Banc()
        accueil.ecrire("/SMARTPHONE")
        #expect(accueil.ecran.contains("(1 sur 2)"))
        #expect(!accueil.ecran.contains("fen-2023"))
    }

    @Test func qTermine() throws {
        let banc = try Banc()
        banc.ecrire("q")
        #expect(banc.application.termine)

        let profond = try Banc()
        profond.taper(.bas, .entree, .entree)
        profond.ecrire("/q")            // typed in the search field, not a command
        #expect(!profond.application.termine)
        profond.taper(.echap)
        profond.ecrire("q")
        #expect(profond.application.termine)
    }
}

/// Sorts names as the cohort screen does (case and accents ignored).
private struct Filtre: Comparable {
    let cle: String
    init(nom: String) { cle = nom.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
    static func < (a: Filtre, b: Filtre) -> Bool { a.cle < b.cle }
}
