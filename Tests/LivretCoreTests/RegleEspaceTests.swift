import Foundation
import LivretCore
import Testing

/// The rules of the learner's own space (issue 21): the one-time code as typed and as shown, how
/// long it lives, the limits on wrong codes, how long a session lasts; and how the choices the
/// learner made herself bound every CV made for her (`ChoixCV.borne(par:)`).
@Suite("Espace de l'apprenant : code à usage unique, essais, sessions, choix du CV")
struct RegleEspaceTests {
    typealias R = RegleEspace

    // MARK: - The code

    @Test("Un code tiré : 6 chiffres, le même pour la même graine")
    func tirage() {
        var a = GenerateurDeterministe(graine: 42), b = GenerateurDeterministe(graine: 42)
        let codes = (0..<200).map { _ in R.nouveauCode(&a) }
        #expect(codes == (0..<200).map { _ in R.nouveauCode(&b) })
        for code in codes {
            #expect(code.count == R.chiffresCode && code.allSatisfy { $0.isASCII && $0.isNumber }, "\(code)")
        }
        #expect(Set(codes).count > 190, "des codes variés")
        #expect(codes.contains { $0.hasPrefix("0") }, "un code peut commencer par 0 (il reste à 6 chiffres)")
    }

    @Test("Le code tel qu'on le tape : espaces, tiret, point acceptés ; lettres et longueurs fausses refusées")
    func saisie() {
        #expect(R.code(saisi: "482913") == "482913")
        #expect(R.code(saisi: "482 913") == "482913")
        #expect(R.code(saisi: "482-913") == "482913")
        #expect(R.code(saisi: "482.913") == "482913")
        #expect(R.code(saisi: "  482 913\n") == "482913")
        #expect(R.code(saisi: "482\u{00A0}913") == "482913", "espace insécable (copié d'un texte français)")
        #expect(R.code(saisi: "482\u{202F}913") == "482913", "espace fine insécable")
        #expect(R.code(saisi: "4 8 2 9 1 3") == "482913")
        #expect(R.code(saisi: "048 913") == "048913")
        // Letters, a digit too many or too few, other digits than 0–9: not a code (no guess counted).
        #expect(R.code(saisi: "48291O") == nil, "la lettre O au lieu du zéro")
        #expect(R.code(saisi: "abc def") == nil)
        #expect(R.code(saisi: "48291") == nil)
        #expect(R.code(saisi: "4829131") == nil)
        #expect(R.code(saisi: "") == nil)
        #expect(R.code(saisi: "482_913") == nil)
        #expect(R.code(saisi: "٤٨٢٩١٣") == nil, "chiffres arabes-indiens")
        #expect(R.code(saisi: "４８２９１３") == nil, "chiffres pleine chasse")
        #expect(R.code(saisi: "+48291") == nil)
    }

    @Test("Le code tel qu'on le lit : deux groupes de trois")
    func affichage() {
        #expect(R.affichage("482913") == "482 913")
        #expect(R.affichage("000001") == "000 001")
        #expect(R.affichage("12345") == "12345", "autre longueur : tel quel")
        #expect(R.affichage(R.code(saisi: R.affichage("551841"))!) == "551 841", "ce qu'on lit se retape tel quel")
    }

    @Test("Validité : dès qu'il est donné, jusqu'à 10 minutes moins une seconde ; jamais avant")
    func validite() {
        let donne: Int64 = 1_700_000_000
        #expect(R.validiteCode == 600)
        #expect(R.codeValide(donneLe: donne, maintenant: donne))
        #expect(R.codeValide(donneLe: donne, maintenant: donne + 1))
        #expect(R.codeValide(donneLe: donne, maintenant: donne + R.validiteCode - 1))
        #expect(!R.codeValide(donneLe: donne, maintenant: donne + R.validiteCode))
        #expect(!R.codeValide(donneLe: donne, maintenant: donne + 3600))
        #expect(!R.codeValide(donneLe: donne, maintenant: donne - 1), "donné « dans le futur » (horloge reculée) : refusé")
    }

    // MARK: - Wrong codes

    @Test("Essais par adresse : 5 codes faux en 10 minutes bloquent cette adresse jusqu'à ce que le plus ancien sorte de la fenêtre")
    func blocageParAdresse() throws {
        let t: Int64 = 1_000_000
        // Four wrong codes: one more may be tried.
        let quatre: [Int64] = [t, t + 10, t + 20, t + 30]
        #expect(R.blocage(echecsIci: quatre, echecsPartout: quatre, maintenant: t + 40) == nil)
        // The fifth: this address waits until the first leaves the window (t + 600).
        let cinq = quatre + [t + 40]
        #expect(R.blocage(echecsIci: cinq, echecsPartout: cinq, maintenant: t + 50) == .tropEssaisIci(attendreSecondes: 550))
        #expect(R.blocage(echecsIci: cinq, echecsPartout: cinq, maintenant: t + 599) == .tropEssaisIci(attendreSecondes: 1))
        #expect(R.blocage(echecsIci: cinq, echecsPartout: cinq, maintenant: t + 600) == nil, "le premier est sorti de la fenêtre")
        // The order the instants come in does not matter.
        #expect(R.blocage(echecsIci: cinq.reversed(), echecsPartout: cinq, maintenant: t + 50) == .tropEssaisIci(attendreSecondes: 550))
        // More than five (tried while blocked elsewhere): wait until only four are left.
        let sept = cinq + [t + 100, t + 200]
        #expect(R.blocage(echecsIci: sept, echecsPartout: sept, maintenant: t + 250) == .tropEssaisIci(attendreSecondes: 370), "t + 20 sorti, il en reste 4")
        // Old failures do not count.
        let anciens: [Int64] = [t - 2000, t - 1500, t - 1000, t - 700, t - 601]
        #expect(R.blocage(echecsIci: anciens, echecsPartout: anciens, maintenant: t) == nil)
        // Another address's failures are not this one's.
        #expect(R.blocage(echecsIci: [], echecsPartout: cinq, maintenant: t + 50) == nil)
    }

    @Test("Essais en tout : 30 codes faux de partout en 10 minutes bloquent toutes les adresses")
    func blocageEnTout() {
        let t: Int64 = 2_000_000
        let partout = (0..<30).map { t + Int64($0) * 10 }   // t … t + 290, from many phones
        #expect(R.blocage(echecsIci: [], echecsPartout: Array(partout.prefix(29)), maintenant: t + 300) == nil)
        #expect(R.blocage(echecsIci: [], echecsPartout: partout, maintenant: t + 300) == .tropEssais(attendreSecondes: 300))
        #expect(R.blocage(echecsIci: [t + 290], echecsPartout: partout, maintenant: t + 300) == .tropEssais(attendreSecondes: 300))
        #expect(R.blocage(echecsIci: [], echecsPartout: partout, maintenant: t + 600) == nil)
    }

    @Test("Bloquée ici et partout : on attend le plus long des deux")
    func blocageLePlusLong() {
        let t: Int64 = 3_000_000
        let ici2 = (0..<5).map { t + 400 + Int64($0) }
        let partout2 = (0..<30).map { t + 100 + Int64($0) }
        // Here frees at t + 1000; everywhere at t + 705: the learner is told the longer wait.
        #expect(R.blocage(echecsIci: ici2, echecsPartout: partout2 + ici2, maintenant: t + 410) == .tropEssaisIci(attendreSecondes: 590))
        let ici3 = (0..<5).map { t + Int64($0) }
        let partout3 = ici3 + (0..<30).map { t + 400 + Int64($0) }
        // Here frees at t + 600 (190 s); everywhere at t + 1000 (590 s): the longer wait is said.
        let r3 = R.blocage(echecsIci: ici3, echecsPartout: partout3, maintenant: t + 410)
        #expect(r3 == .tropEssais(attendreSecondes: 590), "\(String(describing: r3))")
    }

    @Test("Les refus, en phrases courtes et en minutes arrondies au-dessus")
    func messages() {
        #expect(R.Refus.malTape.message == "Le code a 6 chiffres. Tapez les 6 chiffres que la formatrice vous a donnés.")
        #expect(R.Refus.inconnu.message.hasPrefix("Ce code ne marche pas."))
        #expect(R.Refus.tropEssaisIci(attendreSecondes: 1).message == "Trop de codes faux. Attendez 1 minute, puis demandez un nouveau code à la formatrice.")
        #expect(R.Refus.tropEssaisIci(attendreSecondes: 60).message.contains("Attendez 1 minute,"))
        #expect(R.Refus.tropEssaisIci(attendreSecondes: 61).message.contains("Attendez 2 minutes,"))
        #expect(R.Refus.tropEssais(attendreSecondes: 550).message.contains("Attendez 10 minutes,"))
        #expect(R.Refus.tropEssais(attendreSecondes: 0).message.contains("Attendez 1 minute,"), "jamais « 0 minute »")
    }

    // MARK: - Sessions

    @Test("Session : fermée après 5 minutes sans page, et après une heure quoi qu'il arrive")
    func sessions() {
        let o: Int64 = 5_000_000
        #expect(R.sessionOuverte(ouverteLe: o, vuLe: o, maintenant: o))
        #expect(R.sessionOuverte(ouverteLe: o, vuLe: o, maintenant: o + R.inactiviteSession - 1))
        #expect(!R.sessionOuverte(ouverteLe: o, vuLe: o, maintenant: o + R.inactiviteSession))
        // Active all along (a page every 4 minutes): still closed at one hour.
        #expect(R.sessionOuverte(ouverteLe: o, vuLe: o + 3540, maintenant: o + 3599))
        #expect(!R.sessionOuverte(ouverteLe: o, vuLe: o + 3599, maintenant: o + R.dureeMaxSession))
        #expect(!R.sessionOuverte(ouverteLe: o, vuLe: o + 3600, maintenant: o + 3700))
    }

    @Test("Comment c'est montré, dit à la personne elle-même")
    func phrases() {
        #expect(NiveauPreuve.declaratif.phrasePourLaPersonne(.feminin) == "Vous l'avez dit.")
        #expect(NiveauPreuve.suivi.phrasePourLaPersonne(.masculin) == "Vous l'avez fait avec de l'aide.")
        #expect(NiveauPreuve.autonomie.phrasePourLaPersonne(.nonCommunique) == "Vous l'avez fait seule ou seul.")
        #expect(NiveauPreuve.autonomie.phrasePourLaPersonne(.feminin) == "Vous l'avez fait seule.")
        #expect(NiveauPreuve.autonomie.phrasePourLaPersonne(.masculin) == "Vous l'avez fait seul.")
        #expect(NiveauPreuve.autonomie.phrasePourLaPersonne(.autre) == "Vous l'avez fait seule ou seul.")
        #expect(NiveauPreuve.certifie.phrasePourLaPersonne(.feminin) == "C'est certifié.")
    }

    // MARK: - The learner's choices bound every CV

    /// Her choices as recorded in her space.
    func siens(_ sections: Set<SectionCV> = Set(SectionCV.allCases), identite: IdentiteCV = .prenom, contact: Bool = false,
               badges: Set<String>? = nil) -> ChoixCV {
        var c = ChoixCV(sections: sections, identite: identite, contact: contact, badges: badges)
        c.choisiParLaPersonne = true
        return c
    }

    @Test("Sans choix de la personne, la demande reste telle quelle")
    func sansChoix() {
        let demande = ChoixCV(sections: [.competences], identite: .complete, contact: true, badges: ["a"])
        #expect(demande.borne(par: nil) == demande)
        #expect(!demande.borne(par: nil).choisiParLaPersonne)
    }

    @Test("Sections : seulement celles que les deux montrent")
    func sections() {
        let demande = ChoixCV(sections: [.identite, .competences, .pix])
        let borne = demande.borne(par: siens([.competences, .pix, .parcours, .badges]))
        #expect(borne.sections == [.competences, .pix])
        #expect(ChoixCV().borne(par: siens([])).sections.isEmpty)
    }

    @Test("Coordonnées : seulement si les deux les montrent")
    func contact() {
        #expect(ChoixCV(contact: true).borne(par: siens(contact: true)).contact)
        #expect(!ChoixCV(contact: true).borne(par: siens(contact: false)).contact)
        #expect(!ChoixCV(contact: false).borne(par: siens(contact: true)).contact)
    }

    @Test("Identité : jamais plus révélatrice que celle qu'elle a choisie, ni que celle demandée")
    func identite() {
        // From the least revealing to the most: aucune, pseudonyme (never the real name), prénom
        // (the pseudonym when there is one, else the first name), complète.
        let ordre: [IdentiteCV] = [.aucune, .pseudonyme, .prenom, .complete]
        for (i, demandee) in ordre.enumerated() {
            for (j, sienne) in ordre.enumerated() {
                let resultat = ChoixCV(identite: demandee).borne(par: siens(identite: sienne)).identite
                #expect(resultat == ordre[min(i, j)], "demandée \(demandee), choisie \(sienne) : \(resultat)")
            }
        }
    }

    @Test("Badges : ceux que les deux montrent ; « tous » d'un côté laisse le choix de l'autre")
    func badges() {
        #expect(ChoixCV(badges: nil).borne(par: siens(badges: ["a", "b"])).badges == ["a", "b"])
        #expect(ChoixCV(badges: ["a", "c"]).borne(par: siens(badges: nil)).badges == ["a", "c"])
        #expect(ChoixCV(badges: ["a", "c"]).borne(par: siens(badges: ["a", "b"])).badges == ["a"])
        #expect(ChoixCV(badges: ["c"]).borne(par: siens(badges: ["a"])).badges == [])
        #expect(ChoixCV(badges: nil).borne(par: siens(badges: nil)).badges == nil)
        #expect(ChoixCV(badges: nil).borne(par: siens(badges: [])).badges == [])
        let borne = ChoixCV().borne(par: siens(badges: ["parcours-femmes-et-numerique"]))
        #expect(borne.montre(badgeDe: "parcours-femmes-et-numerique", id: "urn:uuid:1"))
        #expect(!borne.montre(badgeDe: "pix-3-competences", id: "urn:uuid:2"))
        #expect(ChoixCV(badges: ["urn:uuid:2"]).montre(badgeDe: "pix-3-competences", id: "urn:uuid:2"), "par identifiant aussi")
    }

    @Test("« La personne a choisi » : seulement quand le CV montre exactement son choix, ou quand on le dit")
    func choisiParLaPersonne() {
        let sien = siens([.competences, .pix], identite: .aucune, badges: ["a"])
        // A request for everything, bounded: exactly what she chose.
        #expect(ChoixCV().borne(par: sien).choisiParLaPersonne)
        #expect(ChoixCV().borne(par: sien) == sien)
        // A request for less than she chose: not her choice, not said.
        #expect(!ChoixCV(sections: [.competences]).borne(par: sien).choisiParLaPersonne)
        #expect(!ChoixCV(badges: []).borne(par: sien).choisiParLaPersonne)
        // The caller says she chose (asked on the command line): kept.
        var dit = ChoixCV(sections: [.competences])
        dit.choisiParLaPersonne = true
        #expect(dit.borne(par: sien).choisiParLaPersonne)
        // Her choice as recorded may not carry the flag: what counts is what is shown.
        #expect(ChoixCV().borne(par: ChoixCV(sections: [.pix])).choisiParLaPersonne)
    }

    @Test("Les choix se relisent tels quels (JSON de la base)")
    func codable() throws {
        let sien = siens([.competences, .badges], identite: .pseudonyme, contact: true, badges: ["a", "urn:uuid:x"])
        let json = try JSONEncoder().encode(sien)
        #expect(try JSONDecoder().decode(ChoixCV.self, from: json) == sien)
    }
}
