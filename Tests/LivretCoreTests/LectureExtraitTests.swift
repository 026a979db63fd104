import Foundation
@testable import LivretCore
import Testing

/// `extrait.json` read key after key (``LectureExtrait``): what ``RegleExtrait/json(_:)`` writes is
/// read back whole, exactly as `JSONDecoder` reads it, and a wrong file is named with its field.
@Suite struct LectureExtraitTests {
    /// An extract with every shape a field can take: absent optional fields, empty and long lists,
    /// texts with quotes, backslashes, line breaks, accents and characters outside the BMP.
    static func extrait() -> ExtraitReseau {
        var n: UInt64 = 0x5EED
        func tirage(_ k: Int) -> Int {
            n = n &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((n >> 33) % UInt64(k))
        }
        let inscriptions = (0..<200).map { i in
            EnregistrementInscription(
                numero: "i-\(i + 1)", parcours: ["femmes-et-numerique", "atelier « l'écran » \"2\"\n"][tirage(2)], moisDebut: "2025-0\(1 + tirage(9))",
                moisFin: tirage(3) == 0 ? nil : "2025-11", sexe: Sexe.allCases[tirage(4)], trancheAge: ["26–44 ans", "65 ans et plus", "non communiqué"][tirage(3)],
                qpv: ResidenceQPV.allCases[tirage(3)], statut: StatutSocial.allCases[tirage(StatutSocial.allCases.count)],
                etat: StatutInscription.allCases[tirage(StatutInscription.allCases.count)], venu: tirage(2) == 0, minutesPrevues: 60 * tirage(100),
                minutesSuivies: tirage(5000), motifAbandon: tirage(4) == 0 ? "santé \\ déménagement 🏠" : nil,
                sorties: Array(["emploi", "formation", "certification"].prefix(tirage(4))), competencesCertifiees: tirage(17),
                suivis: tirage(3) == 0 ? ["6:emploi:temps_partiel", "3:formation"] : [], satisfaction: (0..<tirage(3)).map { _ in (0..<8).map { _ in tirage(5) } },
                thematiques: tirage(2) == 0 ? ["demarches", "mail", "smartphone"] : [])
        }
        let accompagnements = (0..<50).map { i in
            EnregistrementAccompagnement(numero: "a-\(i + 1)", mois: "2025-1\(tirage(3))", type: TypeAccompagnement.allCases[tirage(TypeAccompagnement.allCases.count)],
                                         lieu: LieuAccompagnement.allCases[tirage(LieuAccompagnement.allCases.count)], minutes: 15 * tirage(9),
                                         thematiques: tirage(2) == 0 ? ["smartphone"] : [], sexe: Sexe.allCases[tirage(4)], trancheAge: "26–44 ans")
        }
        var e = ExtraitReseau(structure: "Espace « Clé » \\ Lille", emetteur: "did:jwk:eyJ4Ijoi", periode: PeriodeReseau(annee: 2025),
                              faitLe: Jour("2026-01-05")!, referentiels: ["aptic": "2024.1", "pix": "2025-09"], bornesAge: TranchesAge.parDefaut.bornes,
                              horsStatistiques: 7, inscriptions: inscriptions, accompagnements: accompagnements)
        RegleExtrait.numeroter(&e)
        return e
    }

    @Test func ceQuiEstEcritSeRelitCommeJSONDecoderLeLit() throws {
        let e = Self.extrait()
        let octets = try RegleExtrait.json(e)
        let lu = try RegleExtrait.lire(octets, fichier: "extrait.json")
        #expect(lu == e)
        #expect(lu == (try JSONDecoder().decode(ExtraitReseau.self, from: octets)))
        // Compact JSON, `null` for an absent text, an unknown key: read as JSONDecoder reads them.
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = .sortedKeys
        var texte = String(decoding: try encodeur.encode(e), as: UTF8.self)
        texte = texte.replacingOccurrences(of: "{\"competencesCertifiees\"", with: "{\"nouveau\":[1,{\"a\":null}],\"competencesCertifiees\"")
            .replacingOccurrences(of: "\"moisFin\":\"2025-11\"", with: "\"moisFin\":null")
        let modifie = Data(texte.utf8)
        let luModifie = try RegleExtrait.lire(modifie, fichier: "x")
        #expect(luModifie == (try JSONDecoder().decode(ExtraitReseau.self, from: modifie)))
        #expect(luModifie.inscriptions.allSatisfy { $0.moisFin == nil })
    }

    @Test(arguments: [
        ("\"sexe\" : \"feminin\",", "", "le champ « accompagnements › n° 5 › sexe » manque ; ce n'est pas un extrait de Livret, ou il a été modifié."),
        ("\"minutesPrevues\" : ", "\"minutesPrevues\" : \"six\", \"x\" : ", "inscriptions › n° 1 › minutesPrevues » n'a pas la forme attendue (un nombre entier)"),
        ("\"minutesPrevues\" : ", "\"minutesPrevues\" : 1.5, \"x\" : ", "n'a pas la forme attendue (un nombre entier)"),
        ("\"venu\" : ", "\"venu\" : 1, \"x\" : ", "inscriptions › n° 1 › venu » n'a pas la forme attendue (vrai ou faux"),
        ("\"qpv\" : \"", "\"qpv\" : \"peut-être\", \"x\" : \"", "inscriptions › n° 1 › qpv illisible (« peut-être » n'est pas une valeur connue"),
        ("\"faitLe\" : \"2026-01-05\"", "\"faitLe\" : \"2026-02-30\"", "faitLe illisible (date invalide « 2026-02-30 »)"),
        ("\"periode\" : \"2025\"", "\"periode\" : \"l'an dernier\"", "periode illisible (période « l'an dernier »"),
        ("\"horsStatistiques\" : 7", "\"horsStatistiques\" : 7,,", "ce n'est pas un extrait de Livret lisible (JSON attendu ; clé entre guillemets attendue (octet"),
    ])
    func unFichierFauxEstNommeAvecSonChamp(cherche: String, remplace: String, message: String) throws {
        var texte = String(decoding: try RegleExtrait.json(Self.extrait()), as: UTF8.self)
        let r = try #require(texte.range(of: cherche), "\(cherche)")
        texte.replaceSubrange(r, with: remplace)
        let erreur = #expect(throws: ErreurExtrait.self) { try RegleExtrait.lire(Data(texte.utf8), fichier: "e.zip") }
        #expect(erreur?.message.hasPrefix("e.zip : ") == true)
        #expect(erreur?.message.contains(message) == true, "\(erreur?.message ?? "")")
    }

    @Test func lesTextesNonUTF8EtLesCaracteresDeControleSontRefuses() {
        var octets = Array(#"{"format":"livret-extrait-reseau/1","structure":"A"#.utf8)
        octets += [0xC3, 0x28] + Array(#""}"#.utf8)
        let erreur = #expect(throws: ErreurExtrait.self) { try RegleExtrait.lire(Data(octets), fichier: "e") }
        #expect(erreur?.message.contains("UTF-8") == true, "\(erreur?.message ?? "")")
        let controle = #expect(throws: ErreurExtrait.self) { try RegleExtrait.lire(Data("{\"structure\":\"a\tb\"}".utf8), fichier: "e") }
        #expect(controle?.message.contains("caractère de contrôle") == true, "\(controle?.message ?? "")")
    }
}
