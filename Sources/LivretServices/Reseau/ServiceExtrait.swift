import Crypto
import Foundation
import LivretBadges
import LivretCore
import LivretStore
import LivretZip

/// A structure's side of a network (`livret reseau extrait`): its statistical extract of a period,
/// signed with the key of its badges, as a zip archive anyone can open and read.
public enum ServiceExtrait {
    /// The extract of `periode` made on `faitLe`: people who did not agree to statistics are only counted.
    public static func extrait(db: Base, catalogue: Catalogue, periode: PeriodeReseau, faitLe: Jour, emetteur: String) throws -> ExtraitReseau {
        guard let structure = try base({ () throws(ErreurBase) in try db.structure() }) else {
            throw ErreurUtilisateur("la base n'est pas initialisée : lancez d'abord « livret init ».")
        }
        let faits = try base { () throws(ErreurBase) in
            try db.faitsExtrait(du: periode.du, au: periode.au, niveauCertifie: catalogue.pix.certifiabilite.niveauMin)
        }
        let tranches = TranchesAge.parDefaut
        func mois(_ j: Jour) -> String { String(j.description.prefix(7)) }
        func tranche(_ annee: Int?) -> String { tranches.libelle(anneeNaissance: annee, anneeReference: periode.annee) }
        var hors = 0
        var inscriptions: [EnregistrementInscription] = []
        var memoire = ThematiquesParItem(catalogue)
        for i in faits.inscriptions {
            guard UsageDonnees.statistiques.autorise(portee: i.accordStatistiques) else {
                hors += 1
                continue
            }
            let thematiques = memoire.thematiquesCoop(notees: [], itemsAptic: i.itemsAptic).map(\.rawValue)
            inscriptions.append(EnregistrementInscription(
                parcours: i.modele, moisDebut: mois(i.debut), moisFin: i.fin.map(mois), sexe: i.sexe, trancheAge: tranche(i.anneeNaissance),
                qpv: i.qpv, statut: i.statut, etat: i.etat, venu: i.minutesSuivies > 0, minutesPrevues: i.minutesPrevues,
                minutesSuivies: i.minutesSuivies, motifAbandon: i.motifAbandon, sorties: i.sorties, competencesCertifiees: i.competences,
                suivis: i.suivis, satisfaction: i.satisfaction, thematiques: thematiques))
        }
        let accompagnements = faits.accompagnements.filter { UsageDonnees.statistiques.autorise(portee: $0.accordStatistiques) }.map { a in
            EnregistrementAccompagnement(
                mois: mois(a.date), type: a.type, lieu: a.lieu, minutes: a.minutes,
                thematiques: memoire.thematiquesCoop(notees: a.thematiques, itemsAptic: a.itemsAptic).map(\.rawValue), sexe: a.sexe,
                trancheAge: tranches.libelles[tranches.rang(naissances: a.naissance, anneeReference: periode.annee)])
        }
        var extrait = ExtraitReseau(structure: structure.nom, emetteur: emetteur, periode: periode, faitLe: faitLe,
                                    referentiels: ["aptic": catalogue.aptic.entete.version, "pix": catalogue.pix.entete.version],
                                    bornesAge: tranches.bornes, horsStatistiques: hors, inscriptions: inscriptions, accompagnements: accompagnements)
        RegleExtrait.numeroter(&extrait)
        return extrait
    }

    /// What the signature says: the extract's hash, period and structure.
    struct Attestation: Codable, Equatable {
        var type = RegleExtrait.typeSignature
        var empreinte: String
        var periode: String
        var structure: String
    }

    /// SHA-256 of `extrait.json`, in hex: the extract's identity for the network.
    public static func empreinte(_ donnees: Data) -> String {
        SHA256.hash(data: donnees).map { String(format: "%02x", $0) }.joined()
    }

    /// The archive: LISEZ-MOI.txt, extrait.json, signature.jws (a JWS signed by `cle` over the
    /// extract's hash). The first two are the same bytes for the same extract; an ECDSA signature
    /// is never twice the same (décision 60).
    public static func archive(_ extrait: ExtraitReseau, cle: CleEmetteur) throws -> Data {
        let donnees = try RegleExtrait.json(extrait)
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let attestation = try encodeur.encode(Attestation(empreinte: empreinte(donnees), periode: extrait.periode.description, structure: extrait.structure))
        let jws = try JWT.signer(payload: attestation, cle: cle)
        return try ZipEcriture.octets([
            RegleExtrait.fichierLisezMoi: Data(RegleExtrait.lisezMoi(extrait).utf8),
            RegleExtrait.fichierDonnees: donnees,
            RegleExtrait.fichierSignature: Data((jws + "\n").utf8),
        ])
    }
}
