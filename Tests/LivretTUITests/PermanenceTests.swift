import LivretCore
import LivretStore
import LivretTerminal
@testable import LivretTUI
import LivretTestSupport
import Testing

/// The permanence of the day: its screen at 80×24 and 60×20 (snapshots in `Instantanes/`), the
/// quick entry of a walk-in, its refusals (nothing half-written), deletion, settings kept for the
/// session, the satisfaction questionnaire.
@Suite("La permanence du jour")
struct PermanenceTests {
    /// A learner with a long name, to see the list cut it with « … » rather than push the duration out.
    static func nomLong(_ base: Base) throws {
        try base.ajouterApprenant(Apprenant(identifiant: try base.prochainIdentifiant(), prenom: "Marie-Bernadette",
                                            nom: "de La Fontaine-Vandenberghe", anneeNaissance: 1961, sexe: .feminin, creeLe: Fixe.jour, creePar: 1))
    }

    /// Draws the screen reached by `aller` on a fresh bench at 80×24 and 60×20.
    static func verifier(_ nom: String, _ aller: (Banc) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (taille, suffixe) in EcransSemaineTests.tailles {
            let banc = try Banc(taille: taille, preparer: nomLong)
            try aller(banc)
            Instantanes.verifier(banc.ecran, nom + suffixe, sourceLocation: sourceLocation)
        }
    }

    /// Five visits: two anonymous, the long name, a rendez-vous with Julien, one at the CCAS.
    static func journee(_ banc: Banc) {
        banc.ecrire("P")
        banc.ecrire("af3\n")                            // a woman of 18–24, 2 h
        banc.ecrire("am51h30")                          // a man of 40–59, 1 h 30…
        banc.taper(.tabulation)
        banc.ecrire("demarches sante\n")                // …about administrative steps and health
        banc.ecrire("nvandenb\n3\n")                    // the long name, 3 h
        banc.ecrire("it")                               // Julien Martin, rendez-vous
        banc.ecrire("nchr\n\n")                         // Christelle, 3 h again
        banc.ecrire("lL")                               // at a partner's: the CCAS
        banc.ecrire("CCAS\n")
        banc.ecrire("an045\n")                          // sex and age not given, 45 min
    }

    @Test func ecranVide() throws {
        try Self.verifier("permanence-vide") { banc in
            banc.ecrire("P")
            #expect(banc.titre == "Permanence du jour")
        }
    }

    @Test func ecranAvecPassages() throws {
        try Self.verifier("permanence") { banc in
            Self.journee(banc)
            #expect(!banc.erreur, "\(banc.message)")
            #expect(banc.ecran.contains("5 passages · 10 h 15 · 5 personnes"), "\(banc.ecran)")
        }
    }

    @Test func saisieOuverte() throws {
        try Self.verifier("permanence-saisie") { banc in
            banc.ecrire("P")
            banc.ecrire("af3\n")
            banc.ecrire("af")
            #expect(banc.ecran.contains("féminin"))
        }
        try Self.verifier("permanence-recherche") { banc in
            banc.ecrire("P")
            banc.ecrire("nca")
        }
    }

    /// A visit without its sex, with a duration that cannot be read, with an unknown thématique,
    /// with a duration the rule refuses: each time the message says what to change, the line
    /// stays open with what was typed, and nothing is written.
    @Test func refusSansRienEcrire() throws {
        let banc = try Banc()
        banc.ecrire("P")
        banc.ecrire("a\n")
        #expect(banc.erreur && banc.message.contains("le sexe d'abord"), "\(banc.message)")
        banc.ecrire("f3zz\n")
        #expect(banc.erreur && banc.message.contains("n'est pas une durée"), "\(banc.message)")
        banc.taper(.retourArriere, .retourArriere)
        banc.ecrire("2h")
        banc.taper(.tabulation)
        banc.ecrire("email cuisine\n")
        #expect(banc.erreur && banc.message.contains("« cuisine » n'est pas une thématique"), "\(banc.message)")
        banc.taper(.tabulationArriere)
        banc.ecrire("11h")
        banc.taper(.tabulation)
        for _ in 0..<7 { banc.taper(.retourArriere) }
        banc.ecrire("\n")
        #expect(banc.erreur && banc.message.contains("660 minutes"), "\(banc.message)")
        #expect(banc.ecran.contains("Anonyme : féminin · 18–24 ans · 11h"), "\(banc.ecran)")
        #expect(try banc.db.accompagnements().isEmpty, "rien n'est écrit")
        banc.taper(.tabulationArriere)
        banc.ecrire("1h\n")
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.message == "Passage noté : anonyme — féminin, 18–24 ans, 1 h.")
        let notes = try banc.db.accompagnements()
        #expect(notes.count == 1)
        #expect(notes.first?.accompagnement.thematiques == [.email])
        // Échap abandons a line half typed, and says so.
        banc.ecrire("am")
        banc.taper(.echap)
        #expect(banc.message == "Rien n'a été noté.")
        #expect(try banc.db.accompagnements().count == 1)
    }

    /// Durations as typed at the door, and the thématiques' short names.
    @Test func lectureDesSaisies() throws {
        #expect(SaisiePassage.minutes("3") == 180)
        #expect(SaisiePassage.minutes("1,5") == 90)
        #expect(SaisiePassage.minutes("45") == 45)
        #expect(SaisiePassage.minutes("1h30") == 90)
        #expect(SaisiePassage.minutes("2 h") == 120)
        #expect(SaisiePassage.minutes("90 min") == 90)
        #expect(SaisiePassage.minutes("deux") == nil)
        #expect(try SaisiePassage.thematiques("email sante, demarches").get() == [.email, .sante, .aideAuxDemarchesAdministratives])
        #expect(SaisiePassage.rang(chiffre: 1) == 0)
        #expect(SaisiePassage.rang(chiffre: 7) == 6)
        #expect(SaisiePassage.rang(chiffre: 0) == 7)
        #expect(SaisiePassage.rang(chiffre: 8) == nil)
        #expect(PresentationPassage.legendeAges(largeur: 90) == "1 <12 · 2 12–17 · 3 18–24 · 4 25–39 · 5 40–59 · 6 60–69 · 7 70+ · 0 non communiqué")
        #expect(PresentationPassage.legendeAges(largeur: 78) == "1 <12 · 2 12–17 · 3 18–24 · 4 25–39 · 5 40–59 · 6 60–69 · 7 70+ · 0 n.c.")
        #expect(Largeur.colonnes(PresentationPassage.legendeAges(largeur: 58)) <= 58)
    }

    /// Type, place and intervenant apply to the next visits and are kept when the formatrice
    /// leaves the screen and comes back.
    @Test func reglagesGardesPourLaSession() throws {
        let banc = try Banc()
        banc.ecrire("P")
        banc.ecrire("tlL")
        banc.ecrire("CCAS de Metz\n")
        banc.ecrire("i")
        #expect(banc.ecran.contains("t rendez-vous · l CCAS de Metz (partenaire) · i Julien Martin"), "\(banc.ecran)")
        banc.taper(.echap)
        #expect(banc.titre == "Accueil")
        banc.ecrire("P")
        #expect(banc.ecran.contains("t rendez-vous · l CCAS de Metz (partenaire) · i Julien Martin"), "\(banc.ecran)")
        banc.ecrire("ag4\n")   // g is no sex: ignored
        #expect(banc.erreur, "\(banc.message)")
        banc.ecrire("f4\n")
        #expect(!banc.erreur, "\(banc.message)")
        let a = try #require(try banc.db.accompagnements().first)
        #expect(a.accompagnement.type == .rendezVous)
        #expect(a.accompagnement.lieu == .partenaire)
        #expect(a.accompagnement.lieuNom == "CCAS de Metz")
        #expect(a.intervenant == "Julien Martin")
        #expect(a.accompagnement.anonyme == PersonneAnonyme(sexe: .feminin, naissance: 1985...1999))
    }

    /// Suppr asks for a motif, deletes the visit, and the journal keeps it.
    @Test func suppressionAvecMotif() throws {
        let banc = try Banc()
        banc.ecrire("P")
        banc.ecrire("af3\nam4\n")
        banc.taper(.suppression)
        #expect(banc.titre == "Supprimer un passage")
        banc.taper(.entree, .entree)
        #expect(banc.erreur, "le motif est obligatoire")
        banc.ecrire("noté deux fois\n\n")
        #expect(banc.titre == "Permanence du jour")
        #expect(banc.message.contains("Passage supprimé"), "\(banc.message)")
        let restes = try banc.db.accompagnements()
        #expect(restes.map(\.accompagnement.anonyme?.sexe) == [.feminin])
        #expect(try banc.db.journal().contains { $0.action == "suppression accompagnement" && $0.detail?.contains("noté deux fois") == true })
    }

    /// The questionnaire of a visit: one digit per question, consent asked before any free text.
    @Test func satisfaction() throws {
        let banc = try Banc()
        banc.ecrire("P")
        banc.ecrire("nfat\n\n")
        banc.ecrire("s")
        #expect(banc.titre == "Satisfaction")
        banc.ecrire("4\n3\n4\n4\n\n")                // four answers, answered with the formatrice
        #expect(!banc.ecran.contains("Ce qui a aidé"), "pas de texte libre avant l'accord")
        banc.ecrire("o\n\n")                        // agrees to be quoted, without her name
        #expect(banc.ecran.contains("Ce qui a aidé"))
        banc.ecrire("On m'a montré sans faire à ma place\n\n\n")
        #expect(!banc.erreur, "\(banc.message)")
        #expect(banc.titre == "Permanence du jour")
        let r = try #require(try banc.db.satisfactions().first)
        #expect(r.reponse.notes == [4, 3, 4, 4])
        #expect(r.reponse.citation == .anonyme)
        #expect(r.reponse.aide == "On m'a montré sans faire à ma place")
        #expect(r.reponse.accompagnementId == (try banc.db.accompagnements().first?.accompagnement.id))
    }
}

extension PermanenceTests {
    /// Tab after the thématiques: the orientation, one digit with the choices listed above;
    /// left alone it is not said, Retour arrière takes a choice back.
    @Test func orientation() throws {
        try Self.verifier("permanence-orientation") { banc in
            banc.ecrire("P")
            banc.ecrire("af3")
            banc.taper(.tabulation, .tabulation)
            banc.ecrire("4")
            #expect(banc.ecran.contains("4 une structure d’aide sociale (centre social, CCAS…) ✓"), "\(banc.ecran)")
        }
        let banc = try Banc()
        banc.ecrire("P")
        banc.ecrire("af3")
        banc.taper(.tabulation)
        banc.ecrire("demarches")
        banc.taper(.tabulation)
        #expect(banc.ecran.contains("La personne a-t-elle été orientée ailleurs ?"), "\(banc.ecran)")
        banc.ecrire("9")
        #expect(banc.message.contains("de 1 à 7"), "\(banc.message)")
        banc.ecrire("6\n")
        #expect(!banc.erreur, "\(banc.message)")
        banc.ecrire("am2")
        banc.taper(.tabulation, .tabulation)
        banc.ecrire("0\n")
        banc.ecrire("an1")
        banc.taper(.tabulation, .tabulation)
        banc.ecrire("3")
        banc.taper(.retourArriere)
        banc.ecrire("\n")
        #expect(!banc.erreur, "\(banc.message)")
        let notes = try banc.db.accompagnements().map(\.accompagnement)
        #expect(notes.map(\.orientation) == [.vers(.aideAuxDemarchesAdministratives), .pasOrientee, nil])
        #expect(notes.first?.thematiques == [.aideAuxDemarchesAdministratives])
        #expect(SaisiePassage.orientation(chiffre: 0) == .pasOrientee && SaisiePassage.orientation(chiffre: 7) == .vers(.autre))
        #expect(SaisiePassage.orientation(chiffre: 8) == nil)
    }
}
