import Foundation
import LivretBadges
import LivretCore
import LivretReseau
import LivretServices
import LivretStore
import LivretTestSupport
import LivretZip

/// Three demo-like structures (generated bases, with drop-outs, people who never came, people
/// without consent) and what a network needs from them: their extracts, their keys, their reports.
struct StructuresDuReseau: @unchecked Sendable {
    // `@unchecked`: shared by the tests read-only (each base serialises its own access).

    /// Made once for every test of the target (generating three bases is the slow part); the
    /// tests only read them, each writes its network in a folder of its own. Removed at exit.
    static let partagees: Result<StructuresDuReseau, any Error> = {
        let resultat = Result { try StructuresDuReseau() }
        if case .success(let s) = resultat {
            cheminPartage = s.dossier.url.path
            atexit { if let chemin = cheminPartage { try? FileManager.default.removeItem(atPath: chemin) } }
        }
        return resultat
    }()

    struct Structure {
        let nom: String
        let base: Base
        let cle: CleEmetteur
        let departement: String
    }

    static let periode = PeriodeReseau(annee: 2024)
    static let faitLe = Jour("2025-01-15")!
    let dossier: DossierTemporaire
    let structures: [Structure]

    init() throws {
        dossier = try DossierTemporaire(prefixe: "livret-reseau")
        var structures: [Structure] = []
        for (graine, departement) in [(UInt64(11), "59"), (12, "62"), (13, "59")] {
            let base = try Base(chemin: dossier.fichier("structure-\(graine).sqlite").path)
            _ = try BaseGeneree.remplir(base, graine: graine)
            try Self.ajouterQualite(base, graine: Int(graine))
            structures.append(Structure(nom: "Générée \(graine)", base: base, cle: CleEmetteur.generer(), departement: departement))
        }
        self.structures = structures
    }

    /// Questionnaires and follow-ups for a third of the period's inscriptions (the generated base has
    /// none): the network must add them up as the structures' reports count them.
    static func ajouterQualite(_ base: Base, graine: Int) throws {
        let formateur = try base.formateurs()[0]
        var k = graine
        for c in try base.cohortes().filter({ $0.debut >= periode.du && $0.debut <= periode.au }).prefix(8) {
            let jour = min(c.fin ?? periode.au, periode.au)
            for (i, d) in try base.dossiers(cohorte: c.code, catalogue: catalogueEmbarque, au: periode.au).enumerated() where i % 3 == 0 {
                k += 1
                let notes: [Int?] = [1 + k % 4, k % 5 == 0 ? nil : 1 + (k / 2) % 4, 4, k % 7 == 0 ? nil : 1 + (k / 3) % 4]
                try ServiceQualite.noterSatisfaction(db: base, saisie: ServiceQualite.SaisieSatisfaction(identifiant: d.apprenant.identifiant, cohorte: c.code, notes: notes),
                                                             auteur: formateur, jour: jour)
                if k % 2 == 0 {
                    try ServiceQualite.noterSuivi(db: base, identifiant: d.apprenant.identifiant, cohorte: c.code, delaiMois: k % 4 == 0 ? 3 : 6,
                                                          situation: k % 3 == 0 ? .emploi : .formation, tempsPartiel: k % 3 == 0 ? k % 6 == 0 : nil,
                                                          enLien: k % 5 == 0, auteur: formateur, jour: jour)
                }
            }
        }
    }

    /// The extract of a structure, and its archive signed by its key.
    func archive(_ s: Structure, faitLe: Jour = StructuresDuReseau.faitLe) throws -> (extrait: ExtraitReseau, octets: Data) {
        let extrait = try ServiceExtrait.extrait(db: s.base, catalogue: catalogueEmbarque, periode: Self.periode, faitLe: faitLe,
                                                 emetteur: DIDEmetteur.controleur(kid: s.cle.kid))
        return (extrait, try ServiceExtrait.archive(extrait, cle: s.cle))
    }

    /// Registers the three structures as members of `entrepot`.
    func inscrire(dans entrepot: any EntrepotReseau) async throws {
        for s in structures {
            // Two of them in a sub-network spanning two départements.
            try await ServiceReseau.ajouterMembre(MembreReseau(nom: s.nom, cle: DIDEmetteur.controleur(kid: s.cle.kid), departement: s.departement,
                                                               reseau: s.nom == structures[2].nom ? nil : "Hub Nord"),
                                                  entrepot: entrepot)
        }
    }

    /// A structure's own report of the period, unprotected, in `croisement`.
    func rapport(_ s: Structure, croisement: Croisement) throws -> Rapport {
        try ServiceRapport.synthese(db: s.base, catalogue: catalogueEmbarque, perimetre: .structure, croisement: croisement,
                                    anneeReference: Self.periode.annee, seuil: nil, du: Self.periode.du, au: Self.periode.au, jour: Self.periode.au)
    }
}

nonisolated(unsafe) private var cheminPartage: String?

/// The figures of a report a sum can be checked on: each line's counts, drop-outs by reason,
/// outcomes by type, objectives achieved.
struct ChiffresRapport: Equatable, CustomStringConvertible {
    var lignes: [String: [Int]] = [:]
    var motifs: [String: Int] = [:]
    var sorties: [String: Int] = [:]
    var objectifs: [String: [Int]] = [:]
    var horsStatistiques = 0
    /// Satisfaction (respondents and satisfied by sex, each question's levels) and follow-ups (each delay, sex and column).
    var qualite: [String: Int] = [:]
    /// Hours (planned, attended) of « ensemble »: each report rounds to 0.1 h, so a sum of three may differ by 0.15 h.
    var heures: [String: [Double]] = [:]

    init() {}

    init(_ r: Rapport) {
        for l in r.lignes + r.totauxParSexe + [r.total] {
            lignes[l.libelle] = [l.inscrits, l.commences, l.termines, l.abandons, l.certifies].map { $0.nombre ?? -1000 }
            if let p = l.heuresPrevues, let s = l.heuresSuivies { heures[l.libelle] = [p, s] }
        }
        for m in r.motifsAbandon where (m.nombre.nombre ?? 0) > 0 { motifs[m.motif] = m.nombre.nombre ?? -1000 }
        for s in r.sorties where (s.nombre.nombre ?? 0) > 0 { sorties[s.type.rawValue] = s.nombre.nombre ?? -1000 }
        for o in r.objectifs { objectifs[o.parcours + " " + o.libelle] = [o.realise.nombre ?? -1000, o.effectifReel.nombre ?? -1000] }
        horsStatistiques = r.horsStatistiques
        for l in r.satisfaction?.lignes ?? [] {
            qualite["satisfaction \(l.libelle) répondants"] = l.repondants.nombre ?? -1000
            qualite["satisfaction \(l.libelle) satisfaits"] = l.satisfaits.nombre ?? -1000
        }
        for (k, q) in (r.satisfaction?.questions ?? []).enumerated() {
            for (n, v) in q.reponses.enumerated() { qualite["question \(k) niveau \(n)"] = v.nombre ?? -1000 }
        }
        for s in r.suivis ?? [] {
            for l in s.lignes {
                let valeurs = [l.suivis] + l.situations + [l.tempsPartiel, l.enLien]
                for (i, v) in valeurs.enumerated() { qualite["suivi \(s.delaiMois) \(l.libelle) \(i)"] = v.nombre ?? -1000 }
            }
        }
    }

    static func + (a: ChiffresRapport, b: ChiffresRapport) -> ChiffresRapport {
        var c = a
        for (k, v) in b.lignes {
            c.lignes[k] = zip(c.lignes[k] ?? Array(repeating: 0, count: v.count), v).map(+)
        }
        c.motifs.merge(b.motifs, uniquingKeysWith: +)
        c.sorties.merge(b.sorties, uniquingKeysWith: +)
        for (k, v) in b.objectifs { c.objectifs[k] = zip(c.objectifs[k] ?? [0, 0], v).map(+) }
        c.horsStatistiques += b.horsStatistiques
        c.qualite.merge(b.qualite, uniquingKeysWith: +)
        for (k, v) in b.heures { c.heures[k] = zip(c.heures[k] ?? [0, 0], v).map(+) }
        return c
    }

    /// Same counts; hours within `tolerance`.
    func egal(_ autre: ChiffresRapport, tolerance: Double) -> Bool {
        guard lignes == autre.lignes, motifs == autre.motifs, sorties == autre.sorties, objectifs == autre.objectifs,
              qualite.filter({ $0.value != 0 }) == autre.qualite.filter({ $0.value != 0 }), horsStatistiques == autre.horsStatistiques, Set(heures.keys) == Set(autre.heures.keys) else { return false }
        return heures.allSatisfy { k, v in zip(v, autre.heures[k]!).allSatisfy { abs($0 - $1) <= tolerance } }
    }

    var description: String {
        "\(lignes.sorted { $0.key < $1.key })\n\(motifs)\n\(sorties)\n\(objectifs)\n\(qualite.sorted { $0.key < $1.key })\nhors: \(horsStatistiques)"
    }
}
