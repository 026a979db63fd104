import Foundation
import LivretCore

/// Checks a learner's bundle offline: archive safety, manifest digests, issuer keys, signed
/// revocation list, then each credential rule by rule. Never throws: everything is a line.
public enum VerificationPaquet {
    public struct Rapport: Codable, Sendable, Equatable {
        /// Lines about the bundle as a whole.
        public var lignes: [LigneVerification]
        /// One report per credential, by file name.
        public var badges: [String: RapportVerification]

        public var valide: Bool { lignes.allSatisfy(\.ok) && badges.values.allSatisfy(\.valide) && !badges.isEmpty }

        /// The report as printed by the CLI: one line per rule checked.
        public var texte: String {
            var sortie = lignes.map { "\($0.ok ? "✓" : "✗") \($0.regle) : \($0.detail)" }
            for (nom, rapport) in badges.sorted(by: { $0.key < $1.key }) {
                sortie.append("")
                sortie.append("\(nom) :")
                sortie += rapport.lignes.map { "  \($0.ok ? "✓" : "✗") \($0.regle) : \($0.detail)" }
            }
            sortie.append("")
            sortie.append(valide ? "Résultat : valide." : "Résultat : NON valide — voir les lignes marquées ✗.")
            return sortie.joined(separator: "\n")
        }
    }

    /// Verifies the bundle at `url`. `clesDeConfiance` are the keys this machine knows for the
    /// issuer (e.g. from the structure's base): when given, the bundle's keys must be among them.
    /// `listeLocale` is the structure's current signed revocation list, when a base is at hand: the newer
    /// of it and the bundle's own list is used, so a badge revoked after the bundle was made shows as revoked.
    /// `retraits` gives, by `kid`, when this machine's structure retired a key (with those the bundle states).
    public static func verifier(_ url: URL, clesDeConfiance: [JWK]?, retraits: [String: Date] = [:], listeLocale: String? = nil,
                                maintenant: Date) -> Rapport {
        do {
            return verifier(contenu: try Paquet.lire(url), clesDeConfiance: clesDeConfiance, retraits: retraits, listeLocale: listeLocale,
                            maintenant: maintenant)
        } catch {
            return Rapport(lignes: [LigneVerification(regle: "archive", ok: false, detail: "\(error)")], badges: [:])
        }
    }

    /// Verifies one credential file: a `.jwt`, or an `.svg` with a credential baked in, against `cles`.
    public static func verifierFichier(_ donnees: Data, cles: [JWK], retraits: [String: Date] = [:], listeLocale: String?, maintenant: Date) -> Rapport {
        let texte = String(decoding: donnees, as: UTF8.self)
        var jwt = texte.trimmingCharacters(in: .whitespacesAndNewlines)
        var lignes: [LigneVerification] = []
        if texte.contains("<svg") {
            do {
                jwt = try LectureSVG.credentialUnique(donnees)
                lignes.append(LigneVerification(regle: "image", ok: true, detail: "un seul badge dans l'image, lu par un analyseur XML"))
            } catch {
                jwt = ""
                lignes.append(LigneVerification(regle: "image", ok: false, detail: "\(error)"))
            }
        }
        let revocations = listeLocale.flatMap { try? ListeRevocation.verifier($0, clesEmetteur: cles) }
        lignes.append(LigneVerification(regle: "clés de l'émetteur", ok: !cles.isEmpty,
                                        detail: cles.isEmpty ? "aucune clé connue : vérifiez dans le paquet complet (.zip)" : Accord.nombre(cles.count, "clé") + " de la structure"))
        let rapport = VerificationCredential.verifier(jwt: jwt, clesEmetteur: cles, revocations: revocations, retraits: retraits, maintenant: maintenant)
        return Rapport(lignes: lignes, badges: ["badge": rapport])
    }

    public static func verifier(contenu: Paquet.Contenu, clesDeConfiance: [JWK]?, retraits retraitsConnus: [String: Date] = [:],
                                listeLocale: String? = nil, maintenant: Date) -> Rapport {
        var lignes = [LigneVerification(regle: "archive", ok: true, detail: "zip lisible, \(contenu.entrees.count) fichiers, aucun nom dangereux")]
        lignes.append(LigneVerification(regle: "manifeste", ok: contenu.estIntact,
                                        detail: contenu.estIntact ? "empreinte SHA-256 de chaque fichier conforme" : contenu.problemes.joined(separator: " ; ")))
        guard let donneesEmetteur = contenu.entrees[PaquetApprenant.nomEmetteur],
              let emetteur = try? JSONDecoder().decode(PaquetApprenant.DocumentEmetteur.self, from: donneesEmetteur) else {
            lignes.append(LigneVerification(regle: "émetteur", ok: false, detail: "emetteur.json absent ou illisible"))
            return Rapport(lignes: lignes, badges: [:])
        }
        let cles = emetteur.cles.keys
        // A key retired here or in the bundle: the earlier day holds.
        let retraits = emetteur.datesRetrait.merging(retraitsConnus) { min($0, $1) }
        // Each key is named for what it is, and the profile is the issuer of one of them (the newest: a did:jwk is one key).
        let clesBienFormees = cles.allSatisfy { c in c.kid.map { DIDEmetteur.nomme(kid: $0, c) } ?? false }
            && cles.contains { $0.kid.map(DIDEmetteur.controleur) == emetteur.profil.id }
        lignes.append(LigneVerification(regle: "émetteur", ok: clesBienFormees && !cles.isEmpty,
                                        detail: clesBienFormees ? "« \(emetteur.profil.name) » (\(emetteur.profil.id)), \(Accord.nombre(cles.count, "clé publique", "clés publiques"))"
                                                                : "une clé publiée ne correspond pas à son identifiant"))
        if let confiance = clesDeConfiance {
            let connues = Set(confiance.map(\.empreinte))
            let inconnues = cles.filter { !connues.contains($0.empreinte) }
            lignes.append(LigneVerification(regle: "confiance", ok: inconnues.isEmpty,
                                            detail: inconnues.isEmpty ? "les clés du paquet sont celles de la structure"
                                                                      : Accord.forme(inconnues.count, "clé inconnue", "clés inconnues") + " de la structure : \(inconnues.map(\.empreinte).joined(separator: ", "))"))
        } else {
            lignes.append(LigneVerification(regle: "confiance", ok: true,
                                            detail: "aucune base de la structure pour comparer : vérifiez l'empreinte \(cles.map(\.empreinte).joined(separator: ", ")) auprès d'elle"))
        }
        var revocations: ListeRevocation?
        if let jws = contenu.entrees[PaquetApprenant.nomRevocations].map({ String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }) {
            do {
                revocations = try ListeRevocation.verifier(jws, clesEmetteur: cles)
                lignes.append(LigneVerification(regle: "liste de révocation", ok: true,
                                                detail: "signée par l'émetteur, " + Accord.nombre(revocations?.revocations.count ?? 0, "badge révoqué", "badges révoqués")))
            } catch {
                lignes.append(LigneVerification(regle: "liste de révocation", ok: false, detail: "\(error)"))
            }
        } else {
            lignes.append(LigneVerification(regle: "liste de révocation", ok: false, detail: "revocations.jwt absent"))
        }
        if let listeLocale, let locale = try? ListeRevocation.verifier(listeLocale, clesEmetteur: clesDeConfiance ?? cles),
           locale.emetteur == emetteur.profil.id {
            // Revocations only ever accumulate: the union of both lists is the most recent knowledge.
            var fusion = revocations ?? locale
            let connues = Set(fusion.revocations.map(\.credential))
            let nouvelles = locale.revocations.filter { !connues.contains($0.credential) }
            fusion.revocations += nouvelles
            fusion.miseAJour = max(fusion.miseAJour, locale.miseAJour)
            revocations = fusion
            lignes.append(LigneVerification(regle: "révocations de la structure", ok: true,
                                            detail: "liste de la base locale prise en compte : " + Accord.nombre(nouvelles.count, "révocation postérieure", "révocations postérieures") + " au paquet"))
        }
        var badges: [String: RapportVerification] = [:]
        for (nom, donnees) in contenu.entrees where nom.hasPrefix("badges/") && nom.hasSuffix(".jwt") {
            let jwt = String(decoding: donnees, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            var rapport = VerificationCredential.verifier(jwt: jwt, clesEmetteur: cles, revocations: revocations, retraits: retraits, maintenant: maintenant)
            let base = String(nom.dropLast(".jwt".count))
            if let svg = contenu.entrees[base + ".svg"] {
                // Exactly one credential element (not in a comment), the very one of the .jwt.
                do {
                    let cuit = try LectureSVG.credentialUnique(svg)
                    rapport.lignes.append(LigneVerification(regle: "image", ok: cuit == jwt,
                                                            detail: cuit == jwt ? "l'image contient ce badge, et lui seul" : "l'image contient un autre badge que celui-ci"))
                } catch {
                    rapport.lignes.append(LigneVerification(regle: "image", ok: false, detail: "\(error)"))
                }
            }
            if let lisible = contenu.entrees[base + ".json"], let jeton = try? JWT.decouper(jwt) {
                let egal = (try? JSONSerialization.jsonObject(with: lisible) as? NSDictionary) == (try? JSONSerialization.jsonObject(with: jeton.chargeUtile) as? NSDictionary)
                rapport.lignes.append(LigneVerification(regle: "version lisible", ok: egal,
                                                        detail: egal ? "identique au badge signé" : "différente du badge signé"))
            }
            badges[nom] = rapport
        }
        if badges.isEmpty {
            lignes.append(LigneVerification(regle: "badges", ok: false, detail: "aucun badge dans le paquet"))
        }
        // An image is only ever the picture of a signed badge beside it: one alone is refused
        // (nobody could tell what it claims from what was signed).
        let seules = contenu.entrees.keys.filter { $0.hasPrefix("badges/") && $0.hasSuffix(".svg") && contenu.entrees[String($0.dropLast(4)) + ".jwt"] == nil }
        if !seules.isEmpty {
            lignes.append(LigneVerification(regle: "images", ok: false,
                                            detail: Accord.forme(seules.count, "image sans badge signé", "images sans badge signé") + " à côté : "
                                                + seules.sorted().joined(separator: ", ")))
        }
        return Rapport(lignes: lignes, badges: badges)
    }
}
