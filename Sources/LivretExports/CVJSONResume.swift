import Foundation
import LivretCore

/// The CV numérique as a JSON Resume document (jsonresume.org schema, draft-04).
///
/// Only fields of the schema are written, plus `verification` on certificates (the Pix code, which
/// the schema has no field for; it allows extra properties). No web address (`url`) is written.
/// docs/CV-EUROPASS.md maps these fields to the Europass CV.
public enum CVJSONResume {
    /// The document: UTF-8, pretty-printed, keys sorted, same bytes for the same CV.
    public static func rendre(_ cv: CVNumerique) throws -> Data {
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encodeur.encode(document(cv)) + Data("\n".utf8)
    }

    struct Document: Encodable {
        struct Basics: Encodable {
            var name: String?
            var label: String
            var email: String?
            var phone: String?
            var summary: String
        }
        struct Education: Encodable {
            var institution: String
            var area: String
            var studyType: String
            var startDate: String
            var endDate: String?
            var courses: [String]
        }
        struct Award: Encodable {
            var title: String
            var date: String
            var awarder: String
            var summary: String
        }
        struct Certificate: Encodable {
            var name: String
            var date: String
            var issuer: String
            var verification: String?
        }
        struct Skill: Encodable {
            var name: String
            var level: String
            var keywords: [String]
        }
        var basics: Basics
        var education: [Education]?
        var awards: [Award]?
        var certificates: [Certificate]?
        var skills: [Skill]?
    }

    static func document(_ cv: CVNumerique) -> Document {
        let basics = Document.Basics(
            name: cv.identite?.nom, label: cv.titre, email: cv.identite?.email, phone: cv.identite?.telephone,
            summary: "Compétences numériques travaillées avec « \(cv.structure) ». Document fait le \(TexteFacile.date(cv.date)).")

        let education = (cv.parcours ?? []).map { p in
            Document.Education(institution: cv.structure, area: p.titre, studyType: "Parcours de formation",
                               startDate: p.debut.description, endDate: p.fin?.description,
                               courses: ["\(TexteFacile.heures(p.heures)) de formation"] + (p.porteur.map { ["Formation créée par \($0)"] } ?? []))
        }
        let awards = (cv.badges ?? []).map { b in
            Document.Award(title: b.titre, date: b.date.description, awarder: cv.structure,
                           summary: [b.critere, b.urlVerification.map { "Code du badge : \(b.codeCourt), à vérifier sur \($0)." }
                                        ?? "Code du badge : \(b.codeCourt). Le badge se vérifie avec le fichier \(b.fichierJWT) du paquet."]
                               .filter { !$0.isEmpty }.joined(separator: " "))
        }
        let certificates = (cv.pix?.certifications ?? []).map { c in
            Document.Certificate(name: c.nom, date: c.date.description, issuer: "Pix", verification: c.verification)
        }

        var skills: [Document.Skill] = []
        let ordre: [NiveauPreuve] = [.certifie, .autonomie, .suivi, .declaratif]
        for groupe in cv.competences ?? [] {
            for niveau in ordre {
                let libelles = groupe.savoirFaire.filter { $0.niveauPreuve == niveau }.map(\.libelle)
                if !libelles.isEmpty {
                    skills.append(.init(name: groupe.titre, level: niveau.libelleFacile, keywords: libelles))
                }
            }
        }
        for niveau in cv.pix?.niveaux ?? [] {
            skills.append(.init(name: niveau.titre, level: "Pix : \(niveau.libelle.lowercased())", keywords: ["Pix", niveau.domaine]))
        }
        return Document(basics: basics, education: education.nilSiVide, awards: awards.nilSiVide,
                        certificates: certificates.nilSiVide, skills: skills.nilSiVide)
    }
}

extension Array {
    var nilSiVide: [Element]? { isEmpty ? nil : self }
}
