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
    /// `statutsLocale` is the structure's current signed status list (W3C Bitstring Status List), when a base is at hand.
    public static func verifier(_ url: URL, clesDeConfiance: [JWK]?, retraits: [String: Date] = [:], listeLocale: String? = nil,
                                statutsLocale: String? = nil, maintenant: Date) -> Rapport {
        do {
            return verifier(contenu: try Paquet.lire(url), clesDeConfiance: clesDeConfiance, retraits: retraits, listeLocale: listeLocale,
                            statutsLocale: statutsLocale, maintenant: maintenant)
        } catch {
            return Rapport(lignes: [LigneVerification(regle: "archive", ok: false, detail: "\(error)")], badges: [:])
        }
    }

    /// Verifies one credential file: a `.jwt`, or an `.svg` or `.png` with a credential baked in, against `cles`.
    /// `nom` is the file's name, for the messages.
    public static func verifierFichier(_ donnees: Data, nom: String? = nil, cles: [JWK], retraits: [String: Date] = [:], listeLocale: String?,
                                       statutsLocale: String? = nil, maintenant: Date) -> Rapport {
        let texte = String(decoding: donnees, as: UTF8.self)
        var jwt = texte.trimmingCharacters(in: .whitespacesAndNewlines)
        var lignes: [LigneVerification] = []
        if CuissonPNG.estPNG(donnees) {
            do {
                jwt = try ImageBadge.credentialUnique(png: donnees)
                lignes.append(LigneVerification(regle: "image", ok: true, detail: "un seul badge dans l'image PNG (bloc iTXt « \(CuissonPNG.motCle) »)"))
            } catch {
                jwt = ""
                let fichier = nom.map { "« \($0) » : " } ?? ""
                lignes.append(LigneVerification(regle: "image", ok: false, detail: fichier + "\(error)"))
            }
        } else if texte.contains("<svg") {
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
        var rapport = VerificationCredential.verifier(jwt: jwt, clesEmetteur: cles, revocations: revocations, retraits: retraits, maintenant: maintenant)
        if let ligne = ligneStatut(jwt: jwt, listes: statutsLocale.map { [(origine: "de la base de la structure", jws: $0)] } ?? [], cles: cles,
                                   exigee: false, maintenant: maintenant) {
            rapport.lignes.append(ligne)
        }
        return Rapport(lignes: lignes, badges: ["badge": rapport])
    }

    public static func verifier(contenu: Paquet.Contenu, clesDeConfiance: [JWK]?, retraits retraitsConnus: [String: Date] = [:],
                                listeLocale: String? = nil, statutsLocale: String? = nil, maintenant: Date) -> Rapport {
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
        lignes.append(signatureManifeste(contenu, cles: cles, confiance: clesDeConfiance, emetteur: emetteur.profil.id))
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
        // Status lists: the base's first, then the bundle's; the freshest valid one is used.
        var listesStatuts: [(origine: String, jws: String)] = []
        if let statutsLocale { listesStatuts.append((origine: "de la base de la structure", jws: statutsLocale)) }
        if let donnees = contenu.entrees[CredentialListeStatuts.nomFichier] {
            listesStatuts.append((origine: "du paquet", jws: String(decoding: donnees, as: UTF8.self)))
        }
        let clesStatuts = statutsLocale != nil ? (clesDeConfiance ?? cles) : cles
        var badges: [String: RapportVerification] = [:]
        for (nom, donnees) in contenu.entrees where nom.hasPrefix("badges/") && nom.hasSuffix(".jwt") {
            let jwt = String(decoding: donnees, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            var rapport = VerificationCredential.verifier(jwt: jwt, clesEmetteur: cles, revocations: revocations, retraits: retraits, maintenant: maintenant)
            if let ligne = ligneStatut(jwt: jwt, listes: listesStatuts, cles: clesStatuts + cles, exigee: true, maintenant: maintenant) {
                rapport.lignes.append(ligne)
            }
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
            if let png = contenu.entrees[base + ".png"] {
                // A sound PNG (every CRC), exactly one credential chunk, the very one of the .jwt.
                do {
                    let cuit = try ImageBadge.credentialUnique(png: png)
                    rapport.lignes.append(LigneVerification(regle: "image PNG", ok: cuit == jwt,
                                                            detail: cuit == jwt ? "l'image PNG contient ce badge, et lui seul" : "l'image PNG contient un autre badge que celui-ci"))
                } catch {
                    rapport.lignes.append(LigneVerification(regle: "image PNG", ok: false, detail: "\(error)"))
                }
            }
            rapport.lignes += ligneTitulaireEtEmetteur(jwt: jwt, titulaire: contenu.manifeste?.titulaire, emetteur: emetteur,
                                                       emetteursConnus: Set(cles.compactMap { $0.kid.map(DIDEmetteur.controleur) }))
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
        let seules = contenu.entrees.keys.filter { nom in
            nom.hasPrefix("badges/") && (nom.hasSuffix(".svg") || nom.hasSuffix(".png")) && contenu.entrees[String(nom.dropLast(4)) + ".jwt"] == nil
        }
        if !seules.isEmpty {
            lignes.append(LigneVerification(regle: "images", ok: false,
                                            detail: Accord.forme(seules.count, "image sans badge signé", "images sans badge signé") + " à côté : "
                                                + seules.sorted().joined(separator: ", ")))
        }
        return Rapport(lignes: lignes, badges: badges)
    }

    /// The manifest is the issuer's: `manifeste.jws` is a valid ES256 signature, by one of the
    /// bundle's keys (and of this machine's structure, when known) whose issuer is the profile's,
    /// over exactly the bytes of `manifeste.json`. Without it, anyone could re-hash the list.
    static func signatureManifeste(_ contenu: Paquet.Contenu, cles: [JWK], confiance: [JWK]?, emetteur: String) -> LigneVerification {
        func echec(_ raison: String) -> LigneVerification { LigneVerification(regle: "signature du manifeste", ok: false, detail: raison) }
        guard let manifeste = contenu.entrees[Manifeste.nomFichier] else { return echec("manifeste absent") }
        guard let donnees = contenu.entrees[Manifeste.nomSignature] else {
            return echec("\(Manifeste.nomSignature) absent : rien ne prouve que la liste des fichiers vient de la structure")
        }
        let jws = String(decoding: donnees, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let jeton = try? JWT.decouper(jws), jeton.alg == "ES256", let kid = jeton.kid else {
            return echec("\(Manifeste.nomSignature) n'est pas une signature ES256 lisible")
        }
        let connues = cles.filter { c in confiance.map { $0.contains { $0.empreinte == c.empreinte } } ?? true }
        guard let jwk = DIDEmetteur.resoudre(kid: kid, connues: connues), !connues.isEmpty else {
            return echec("signé par une clé qui n'est pas une clé de la structure (\(kid.count > 60 ? String(kid.prefix(40)) + "…" : kid))")
        }
        guard DIDEmetteur.controleur(kid: kid) == emetteur else { return echec("signé par une clé d'un autre émetteur que celui du paquet") }
        guard let cle = try? jwk.clePublique(), JWT.verifier(jeton, cle: cle) else { return echec("signature invalide") }
        guard jeton.chargeUtile == manifeste else { return echec("la signature porte sur un autre manifeste : la liste des fichiers a été changée") }
        return LigneVerification(regle: "signature du manifeste", ok: true, detail: "la liste des fichiers et leurs empreintes sont signées par la clé \(jwk.empreinte)")
    }

    /// The badge is the bundle's learner's (one of its identifiers is the salted hash of the
    /// holder the signed manifest names), and its signed issuer is the one `emetteur.json` shows.
    static func ligneTitulaireEtEmetteur(jwt: String, titulaire: String?, emetteur: PaquetApprenant.DocumentEmetteur,
                                         emetteursConnus: Set<String>) -> [LigneVerification] {
        guard let jeton = try? JWT.decouper(jwt),
              let objet = try? JSONSerialization.jsonObject(with: jeton.chargeUtile) as? [String: Any] else { return [] }
        let sujet = objet["credentialSubject"] as? [String: Any]
        let identites = ((sujet?["identifier"] as? [[String: Any]]) ?? []).compactMap { o in
            (try? JSONSerialization.data(withJSONObject: o)).flatMap { try? JSONDecoder().decode(IdentiteHachee.self, from: $0) }
        }
        var lignes: [LigneVerification] = []
        if let titulaire {
            let sien = identites.contains { $0.correspond(a: titulaire) }
            lignes.append(LigneVerification(regle: "titulaire", ok: sien,
                                            detail: sien ? "délivré à la personne de ce paquet" : "délivré à une autre personne que celle de ce paquet"))
        } else {
            lignes.append(LigneVerification(regle: "titulaire", ok: false, detail: "le manifeste ne dit pas à qui est ce paquet"))
        }
        let signe = objet["issuer"] as? [String: Any]
        let nom = signe?["name"] as? String, id = signe?["id"] as? String
        let memeNom = nom == emetteur.profil.name, connu = id.map(emetteursConnus.contains) ?? false
        lignes.append(LigneVerification(regle: "émetteur du paquet", ok: memeNom && connu,
                                        detail: !memeNom ? "le badge signé nomme « \(nom ?? "?") », le paquet « \(emetteur.profil.name) »"
                                            : connu ? "« \(emetteur.profil.name) », comme le badge signé" : "l'émetteur du badge n'est pas celui des clés du paquet"))
        return lignes
    }

    /// The line on a credential's published status (its `credentialStatus`, W3C Bitstring Status
    /// List), nil when it has none. `listes` are the signed lists at hand, the structure's base first,
    /// then the bundle's; the freshest one that verifies with `cles` and is at the credential's URL
    /// is used, and the line says which and how old it is. With `exigee`, having no such list fails
    /// (a bundle always ships its list); otherwise the status is reported as not checked.
    static func ligneStatut(jwt: String, listes: [(origine: String, jws: String)], cles: [JWK], exigee: Bool,
                            maintenant: Date) -> LigneVerification? {
        let regle = "statut publié"
        guard let jeton = try? JWT.decouper(jwt),
              let objet = try? JSONSerialization.jsonObject(with: jeton.chargeUtile) as? [String: Any],
              let brut = objet["credentialStatus"] else { return nil }
        guard let donnees = try? JSONSerialization.data(withJSONObject: brut),
              let entree = try? JSONDecoder().decode(EntreeStatut.self, from: donnees),
              entree.type == "BitstringStatusListEntry", entree.statusPurpose == "revocation", let index = entree.index else {
            return LigneVerification(regle: regle, ok: false, detail: "credentialStatus illisible : une entrée BitstringStatusListEntry de révocation est attendue")
        }
        var retenue: (origine: String, liste: CredentialListeStatuts)?
        var erreurs: [String] = []
        for candidate in listes {
            do {
                let liste = try CredentialListeStatuts.verifier(candidate.jws, clesEmetteur: cles)
                guard liste.url == entree.statusListCredential else {
                    erreurs.append("liste \(candidate.origine) publiée à une autre adresse (\(liste.url))")
                    continue
                }
                if retenue == nil || liste.signeeLe > retenue!.liste.signeeLe { retenue = (candidate.origine, liste) }
            } catch {
                erreurs.append("liste \(candidate.origine) : \(error)")
            }
        }
        guard let retenue else {
            let raison = erreurs.isEmpty ? "aucune liste de statuts pour \(entree.statusListCredential)" : erreurs.joined(separator: " ; ")
            return LigneVerification(regle: regle, ok: !exigee, detail: raison + (exigee ? "" : " : révocation publique non vérifiée"))
        }
        let jours = max(0, Int((maintenant.timeIntervalSince(retenue.liste.signeeLe) / 86_400).rounded(.down)))
        let age = "liste \(retenue.origine) signée le \(DateOB.texte(retenue.liste.signeeLe).prefix(10)), "
            + (jours == 0 ? "aujourd'hui" : "il y a " + Accord.nombre(jours, "jour"))
        guard index < retenue.liste.liste.taille else {
            return LigneVerification(regle: regle, ok: false, detail: "index \(index) hors de la liste (\(age))")
        }
        if retenue.liste.liste[index] {
            return LigneVerification(regle: regle, ok: false, detail: "révoqué : l'entrée \(index) est levée (\(age))")
        }
        return LigneVerification(regle: regle, ok: true, detail: "non révoqué d'après la \(age)")
    }
}
