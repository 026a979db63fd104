import Foundation
import LivretBadges
import LivretCore

/// Badge timings: issuing and signing, verifying, one learner's bundle.
struct MesuresBadges {
    var emissionsParSeconde: Double
    var verificationsParSeconde: Double
    var paquet: (mediane: Double, p95: Double)
    /// Verifying that bundle as `livret badge verifier` does (signed manifest, images parsed, holder, issuer).
    var verificationPaquet: (mediane: Double, p95: Double)
}

enum BancBadges {
    static func mesurer(catalogue: Catalogue, nombre: Int, repetitions: Int) throws -> MesuresBadges {
        // As a structure signs since issue 16: the key is its own did:jwk.
        let cle = CleEmetteur.generer()
        let emetteur = ProfilEmetteur(id: cle.emetteur, name: "Réseau national (synthétique)")
        let jour = Jour(annee: 2024, mois: 6, jour: 14)!
        let reussites = CatalogueReussites.toutes(catalogue)
        let titulaires = (0..<100).map { n in String(format: "urn:uuid:6a1f3c2e-0000-4000-8000-%012d", n) }
        let apprenants = (0..<100).map { n in
            Apprenant(identifiant: String(format: "A-%06d", n), email: n % 3 == 0 ? "personne\(n)@exemple.fr" : nil,
                      creeLe: jour, creePar: 1)
        }
        var emis: [EmissionBadges.BadgeSigne] = []
        emis.reserveCapacity(nombre)
        let secondesEmission = try Chrono.mesurer {
            for n in 0..<nombre {
                let reussite = reussites[n % reussites.count]
                let eligibilite = Eligibilite(reussite: reussite, eligible: true, constats: ["Constat synthétique n° \(n), en autonomie."], manque: nil)
                emis.append(try EmissionBadges.emettre(eligibilite, apprenant: apprenants[n % apprenants.count],
                                                           titulaire: titulaires[n % apprenants.count], emetteur: emetteur, cle: cle, le: jour))
            }
        }
        let liste = ListeRevocation(emetteur: emetteur.id, miseAJour: jour.dateUTC, revocations: [])
        let maintenant = jour.dateUTC.addingTimeInterval(86_400)
        var valides = 0
        let secondesVerification = Chrono.mesurer {
            for badge in emis {
                if VerificationCredential.verifier(jwt: badge.jwt, clesEmetteur: [cle.jwkPublique], revocations: liste, maintenant: maintenant).valide {
                    valides += 1
                }
            }
        }
        guard valides == emis.count else { throw ErreurBadge("\(emis.count - valides) badge(s) non valides au banc d'essai") }
        let listeSignee = try liste.signer(cle: cle)
        let dossier = FileManager.default.temporaryDirectory.appendingPathComponent("livret-bench-paquets-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dossier) }
        // Five badges of one person (the same holder), each achievement once.
        var cinq: [EmissionBadges.BadgeSigne] = []
        for n in stride(from: 0, to: emis.count, by: apprenants.count) where !cinq.contains(where: { $0.reussite == emis[n].reussite }) && cinq.count < 5 {
            cinq.append(emis[n])
        }
        let paquet = try Chrono.repeter(repetitions) { n in
            let entrees = try PaquetApprenant.entrees(
                badges: cinq.map { ($0.reussite, $0.jwt, $0.svg) },
                emetteur: .init(profil: emetteur, cles: JWKS(keys: [cle.jwkPublique])),
                listeRevocation: listeSignee, pourQui: "Personne synthétique", titulaire: titulaires[0]) { try JWT.signer(payload: $0, cle: cle) }
            try Paquet.ecrire(entrees, vers: dossier.appendingPathComponent("paquet-\(n).zip"))
        }
        var rapport: VerificationPaquet.Rapport?
        let verificationPaquet = try Chrono.repeter(repetitions) { _ in
            rapport = VerificationPaquet.verifier(dossier.appendingPathComponent("paquet-0.zip"), clesDeConfiance: [cle.jwkPublique], maintenant: maintenant)
        }
        guard rapport?.valide == true else { throw ErreurBadge("paquet non valide au banc d'essai :\n\(rapport?.texte ?? "")") }
        return MesuresBadges(emissionsParSeconde: Double(nombre) / secondesEmission,
                             verificationsParSeconde: Double(nombre) / secondesVerification, paquet: paquet,
                             verificationPaquet: verificationPaquet)
    }
}
