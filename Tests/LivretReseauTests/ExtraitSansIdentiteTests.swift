import Foundation
import LivretBadges
import LivretCore
import LivretServices
import LivretStore
import LivretTestSupport
import LivretZip
import Testing

/// No extract holds a name, a contact, a year of birth or a local identifier: every identity the
/// structures hold is looked for in the archive's bytes.
@Suite struct ExtraitSansIdentiteTests {
    /// Bytes of a base64url text (no padding).
    static func base64url(_ texte: String) -> Data? {
        var b = texte.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        b += String(repeating: "=", count: (4 - b.count % 4) % 4)
        return Data(base64Encoded: b)
    }

    /// Looks for every identity of `base` in every member of the archive.
    func verifier(base: Base, archive: Data, periode: PeriodeReseau) throws {
        let entrees = try ZipLecture.lire(archive)
        let apprenants = try base.apprenants()
        #expect(!apprenants.isEmpty)
        for (nom, octets) in entrees {
            var texte = String(decoding: octets, as: UTF8.self)
            if nom == RegleExtrait.fichierSignature {
                // A compact JWS: header and payload are JSON in base64url, read decoded; the signature
                // is random bytes (its base64 may spell « P19 » by chance, and says nothing).
                let parties = texte.split(separator: ".").map(String.init)
                #expect(parties.count == 3)
                texte = parties.prefix(2).map { String(decoding: Self.base64url($0) ?? Data(), as: UTF8.self) }.joined(separator: "\n")
                #expect(texte.contains("\"structure\""), "\(texte)")
            }
            for a in apprenants {
                // Identifiers are looked for whole (« A-0012 »); names and contacts as written, when long enough to mean something.
                let identites = [a.identifiant, a.prenom, a.nom, a.pseudonyme, a.email, a.telephone, a.nomAffiche].compactMap { $0 }
                    .filter { $0.count >= 3 }
                for identite in identites {
                    #expect(!texte.contains(identite), "« \(identite) » dans \(nom)")
                }
            }
            // No year of birth: no field names one, and no 4-digit year of the people appears quoted or as a value.
            #expect(!texte.lowercased().contains("naissance\""), "\(nom)")
            if nom == RegleExtrait.fichierDonnees {
                let json = try #require(try JSONSerialization.jsonObject(with: octets) as? [String: Any])
                let cles = Set((json["inscriptions"] as? [[String: Any]] ?? []).flatMap(\.keys) + (json["accompagnements"] as? [[String: Any]] ?? []).flatMap(\.keys))
                #expect(cles.isSubset(of: ["numero", "parcours", "moisDebut", "moisFin", "sexe", "trancheAge", "qpv", "statut", "etat", "venu",
                                           "minutesPrevues", "minutesSuivies", "motifAbandon", "sorties", "competencesCertifiees", "suivis",
                                           "satisfaction", "thematiques", "mois", "type", "lieu", "minutes"]), "\(cles)")
                let annees = Set(apprenants.compactMap(\.anneeNaissance))
                for e in json["inscriptions"] as? [[String: Any]] ?? [] {
                    for (cle, valeur) in e where cle != "minutesPrevues" && cle != "minutesSuivies" {
                        if let n = valeur as? Int { #expect(!annees.contains(n), "\(cle) = \(n)") }
                    }
                }
            }
        }
    }

    @Test func laDemonstrationNeLaissePasserAucuneIdentite() throws {
        let demo = try Demonstration.temporaire()
        defer { demo.dossier.supprimer() }
        let cle = CleEmetteur.generer()
        for annee in [2023, 2024] {
            let periode = PeriodeReseau(annee: annee)
            let extrait = try ServiceExtrait.extrait(db: demo.base, catalogue: catalogueEmbarque, periode: periode, faitLe: Jour("2025-01-15")!,
                                                     emetteur: DIDEmetteur.controleur(kid: cle.kid))
            if annee == 2023 { #expect(extrait.inscriptions.count >= 11) }
            try verifier(base: demo.base, archive: try ServiceExtrait.archive(extrait, cle: cle), periode: periode)
        }
    }

    @Test func lesBasesGenereesNeLaissentPasserAucuneIdentite() throws {
        let reseau = try StructuresDuReseau.partagees.get()
        let travail = try DossierTemporaire(prefixe: "livret-reseau")
        defer { travail.supprimer() }
        for s in reseau.structures {
            try verifier(base: s.base, archive: try reseau.archive(s).octets, periode: StructuresDuReseau.periode)
        }
    }
}
