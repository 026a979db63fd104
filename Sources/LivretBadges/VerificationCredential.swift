import Crypto
import Foundation
import LivretCore

/// One rule of a verification, its outcome and a French explanation.
public struct LigneVerification: Codable, Sendable, Equatable {
    /// The rule's name ("signature", "dates"…).
    public var regle: String
    /// Whether the rule holds.
    public var ok: Bool
    /// What was found, in French.
    public var detail: String

    /// Creates a line.
    public init(regle: String, ok: Bool, detail: String) {
        self.regle = regle
        self.ok = ok
        self.detail = detail
    }
}

/// The result of verifying a credential: one line per rule, always in the same order.
public struct RapportVerification: Codable, Sendable, Equatable {
    /// One line per rule.
    public var lignes: [LigneVerification]

    /// Creates a report.
    public init(lignes: [LigneVerification]) {
        self.lignes = lignes
    }

    /// True when every rule holds.
    public var valide: Bool {
        !lignes.isEmpty && lignes.allSatisfy(\.ok)
    }

    /// The line of a rule, by name.
    public func ligne(_ regle: String) -> LigneVerification? {
        lignes.first { $0.regle == regle }
    }

    /// A readable French report, one line per rule.
    public var texte: String {
        let entete = valide ? "Badge valide" : "Badge NON valide"
        return ([entete] + lignes.map { "\($0.ok ? "OK " : "ÉCHEC") \($0.regle) : \($0.detail)" }).joined(separator: "\n")
    }
}

/// Verifies a Livret Open Badges 3.0 VC-JWT, offline, with an injected clock.
public enum VerificationCredential {
    /// The rules, in report order.
    /// The rules' names (French, as shown to users), in report order.
    public enum Regle {
        /// The token is a compact JWS with a JSON payload.
        public static let format = "format JWT"
        /// alg ES256, typ JWT, a `kid` that resolves to a key (``DIDEmetteur/resoudre(kid:connues:)``), no other header.
        public static let enTete = "en-tête"
        /// The ES256 signature is valid for that key.
        public static let signature = "signature"
        /// iss/jti/sub/nbf/exp match issuer.id/id/credentialSubject.id/validFrom/validUntil.
        public static let revendications = "revendications"
        /// OB 3.0 types, contexts, recipient identifier, achievement.
        public static let structure = "structure Open Badges 3.0"
        /// validFrom ≤ now < validUntil.
        public static let dates = "dates"
        /// Not in the (already verified) revocation list.
        public static let revocation = "révocation"
        /// The key belongs to the issuer: `kid` is `<issuer id>#…` and names that key; not used after its retirement.
        public static let empreinte = "empreinte de la clé de l'émetteur"
        /// All rule names, in order.
        public static let toutes = [format, enTete, signature, revendications, structure, dates, revocation, empreinte]
    }

    /// Verifies `jwt` against the issuer's published keys (current and past) and, when given, a
    /// revocation list already verified with ``ListeRevocation/verifier(_:clesEmetteur:)``.
    /// A `did:jwk` key resolves from the `kid` itself; with `clesEmetteur` it must also be one of
    /// them. `retraits` gives, by `kid`, the day a key was retired: a credential it signs dated
    /// after that day is refused. `maintenant` is the time the dates are judged at. Returns one
    /// line per rule.
    public static func verifier(jwt: String, clesEmetteur: [JWK], revocations: ListeRevocation?, retraits: [String: Date] = [:],
                                maintenant: Date) -> RapportVerification {
        var lignes: [LigneVerification] = []
        func ajouter(_ regle: String, _ ok: Bool, _ detail: String) {
            lignes.append(LigneVerification(regle: regle, ok: ok, detail: detail))
        }
        func nonVerifiable(depuis index: Int, _ raison: String) -> RapportVerification {
            for regle in Regle.toutes.dropFirst(index) {
                ajouter(regle, false, "non vérifiable : \(raison)")
            }
            return RapportVerification(lignes: lignes)
        }

        // 1. Format.
        let jeton: JetonDecoupe
        let charge: [String: JSONValeur]
        do {
            jeton = try JWT.decouper(JWT.sansBlancs(jwt))
            guard let valeur = try? AnalyseurJSON.analyser(jeton.chargeUtile), let objet = valeur.enObjet else {
                throw ErreurBadge("le contenu du jeton n'est pas un objet JSON")
            }
            charge = objet
        } catch {
            ajouter(Regle.format, false, "\(error)")
            return nonVerifiable(depuis: 1, "le jeton est illisible")
        }
        ajouter(Regle.format, true, "JWT compact en trois parties, contenu JSON")

        // 2. Header.
        var problemes: [String] = []
        if jeton.alg != "ES256" { problemes.append("algorithme \(jeton.alg ?? "absent") au lieu de ES256") }
        if jeton.typ != "JWT" { problemes.append("typ \(jeton.typ ?? "absent") au lieu de JWT") }
        let autres = Set(jeton.enTete.keys).subtracting(["alg", "kid", "typ"])
        if !autres.isEmpty { problemes.append("en-têtes non prévus : \(autres.sorted().joined(separator: ", "))") }
        let jwk = jeton.kid.flatMap { DIDEmetteur.resoudre(kid: $0, connues: clesEmetteur) }
        if jeton.kid == nil {
            problemes.append("pas d'identifiant de clé (kid)")
        } else if jwk == nil {
            problemes.append("clé \(jeton.kid ?? "") inconnue parmi \(Accord.forme(clesEmetteur.count, "la", "les")) \(Accord.nombre(clesEmetteur.count, "clé publiée", "clés publiées")) de l'émetteur")
        }
        let nomCle = jwk.map { "clé \($0.empreinte)" } ?? "clé"
        ajouter(Regle.enTete, problemes.isEmpty,
                problemes.isEmpty ? "ES256, typ JWT, \(nomCle) " + (clesEmetteur.isEmpty ? "lue dans son identifiant did:jwk" : "connue")
                                  : problemes.joined(separator: " ; "))

        // 3. Signature.
        if let jwk {
            do {
                let cle = try jwk.clePublique()
                if jeton.alg == "ES256" && JWT.verifier(jeton, cle: cle) {
                    ajouter(Regle.signature, true, "signature ES256 valide avec la clé \(jwk.empreinte)")
                } else {
                    ajouter(Regle.signature, false, "signature invalide : le badge a été modifié ou n'a pas été signé par cette clé")
                }
            } catch {
                ajouter(Regle.signature, false, "\(error)")
            }
        } else {
            ajouter(Regle.signature, false, "non vérifiable : la clé qui a signé le badge est inconnue")
        }

        // 4. Claims vs. credential.
        let emetteur = charge["issuer"]
        let idEmetteur = emetteur?.enChaine ?? emetteur?.enObjet?["id"]?.enChaine
        let idCredential = charge["id"]?.enChaine
        let sujet = charge["credentialSubject"]?.enObjet
        let validFrom = charge["validFrom"]?.enChaine
        let validUntil = charge["validUntil"]?.enChaine
        var ecarts: [String] = []
        if charge["iss"]?.enChaine == nil || charge["iss"]?.enChaine != idEmetteur { ecarts.append("iss ne correspond pas à l'émetteur") }
        if charge["jti"]?.enChaine == nil || charge["jti"]?.enChaine != idCredential { ecarts.append("jti ne correspond pas à l'identifiant du badge") }
        if let idSujet = sujet?["id"]?.enChaine, charge["sub"]?.enChaine != idSujet { ecarts.append("sub ne correspond pas au titulaire") }
        if let nbf = charge["nbf"]?.enNombre {
            if validFrom.flatMap(DateOB.lire).map(DateOB.numerique) != Int(exactly: nbf.rounded(.down)) {
                ecarts.append("nbf ne correspond pas à validFrom")
            }
        } else {
            ecarts.append("nbf absent")
        }
        if let exp = charge["exp"]?.enNombre {
            if validUntil.flatMap(DateOB.lire).map(DateOB.numerique) != Int(exactly: exp.rounded(.down)) {
                ecarts.append("exp ne correspond pas à validUntil")
            }
        } else if validUntil != nil {
            ecarts.append("exp absent alors que le badge a une date de fin (validUntil)")
        }
        ajouter(Regle.revendications, ecarts.isEmpty,
                ecarts.isEmpty ? "iss, jti, sub, nbf\(charge["exp"] == nil ? "" : ", exp") cohérents avec le badge" : ecarts.joined(separator: " ; "))

        // 5. OB 3.0 structure.
        var defauts: [String] = []
        let contextes = charge["@context"]?.enChaines ?? []
        for contexte in LivretBadges.contextes where !contextes.contains(contexte) {
            defauts.append("contexte \(contexte) absent")
        }
        if contextes.first != LivretBadges.contextes.first { defauts.append("le premier contexte doit être celui des Verifiable Credentials 2.0") }
        let types = charge["type"]?.enChaines ?? []
        if !types.contains("VerifiableCredential") || !types.contains("OpenBadgeCredential") {
            defauts.append("type doit contenir VerifiableCredential et OpenBadgeCredential")
        }
        if idCredential?.hasPrefix("urn:uuid:") != true { defauts.append("identifiant du badge absent ou pas en urn:uuid") }
        if !(emetteur?.enObjet?["type"]?.enChaines.contains("Profile") ?? false) || idEmetteur == nil {
            defauts.append("émetteur (issuer) sans id ou pas de type Profile")
        }
        if let sujet {
            if !(sujet["type"]?.enChaines.contains("AchievementSubject") ?? false) { defauts.append("credentialSubject n'est pas un AchievementSubject") }
            let identites = sujet["identifier"]?.enTableau ?? []
            if sujet["id"] == nil && identites.isEmpty { defauts.append("aucun identifiant du destinataire (id ou identifier)") }
            for identite in identites {
                let o = identite.enObjet ?? [:]
                if o["type"]?.enChaine != "IdentityObject" || o["identityHash"]?.enChaine == nil || o["identityType"]?.enChaine == nil {
                    defauts.append("identifiant du destinataire mal formé")
                } else if o["hashed"] != .booleen(true) || o["identityHash"]?.enChaine?.hasPrefix("sha256$") != true {
                    defauts.append("identifiant du destinataire non haché (sha256 attendu)")
                }
            }
            let realisation = sujet["achievement"]?.enObjet
            if !(realisation?["type"]?.enChaines.contains("Achievement") ?? false) || realisation?["id"] == nil
                || realisation?["name"] == nil || realisation?["criteria"] == nil {
                defauts.append("réalisation (achievement) incomplète : id, type, name et criteria attendus")
            }
        } else {
            defauts.append("credentialSubject absent")
        }
        if validFrom.flatMap(DateOB.lire) == nil { defauts.append("validFrom absent ou illisible") }
        if validUntil != nil && validUntil.flatMap(DateOB.lire) == nil { defauts.append("validUntil illisible") }
        ajouter(Regle.structure, defauts.isEmpty,
                defauts.isEmpty ? "OpenBadgeCredential, contextes OB 3.0, destinataire identifié par empreinte" : defauts.joined(separator: " ; "))

        // 6. Dates (judged at the injected `maintenant`).
        let debut = validFrom.flatMap(DateOB.lire)
        let fin = validUntil.flatMap(DateOB.lire)
        if let debut {
            if debut > maintenant {
                ajouter(Regle.dates, false, "pas encore valide : délivré pour le \(DateOB.texte(debut))")
            } else if let fin, fin <= maintenant {
                ajouter(Regle.dates, false, "expiré depuis le \(DateOB.texte(fin))")
            } else if validUntil != nil && fin == nil {
                ajouter(Regle.dates, false, "date de fin illisible")
            } else {
                ajouter(Regle.dates, true, "valide depuis le \(DateOB.texte(debut))" + (fin.map { ", jusqu'au \(DateOB.texte($0))" } ?? ", sans date de fin"))
            }
        } else {
            ajouter(Regle.dates, false, "date de délivrance (validFrom) absente ou illisible")
        }

        // 7. Revocation. After a key change the list may be signed for the structure's newer issuer
        // id (a did:jwk is one key): any issuer of the structure's keys is the same structure.
        let emetteursConnus = Set(clesEmetteur.compactMap { $0.kid.map { DIDEmetteur.controleur(kid: $0) } })
        if let revocations {
            if revocations.emetteur != idEmetteur && !(emetteursConnus.contains(revocations.emetteur) && emetteursConnus.contains(idEmetteur ?? "")) {
                ajouter(Regle.revocation, false, "la liste de révocation fournie est celle d'un autre émetteur (\(revocations.emetteur))")
            } else if let id = idCredential, let revocation = revocations.revocation(de: id) {
                ajouter(Regle.revocation, false, "révoqué le \(revocation.date) : \(revocation.motif)")
            } else {
                ajouter(Regle.revocation, true, "non révoqué (liste du \(revocations.miseAJour))")
            }
        } else {
            ajouter(Regle.revocation, true, "aucune liste de révocation fournie : révocation non vérifiée")
        }

        // 8. The key belongs to the issuer (kid = "<issuer id>#…" naming that key), and was not retired before the credential's date.
        if let jwk, let kid = jeton.kid {
            if let idEmetteur, DIDEmetteur.controleur(kid: kid) == idEmetteur, DIDEmetteur.nomme(kid: kid, jwk) {
                if let retrait = retraits[kid], let debut = validFrom.flatMap(DateOB.lire), debut > retrait {
                    ajouter(Regle.empreinte, false, "la clé \(jwk.empreinte) a été retirée le \(DateOB.texte(retrait)) : elle ne signe plus de badge daté après")
                } else {
                    ajouter(Regle.empreinte, true, "la clé \(jwk.empreinte) appartient à l'émetteur \(idEmetteur)")
                }
            } else {
                ajouter(Regle.empreinte, false, "l'identifiant de clé \(kid) ne correspond pas à l'émetteur \(idEmetteur ?? "inconnu") et à l'empreinte \(jwk.empreinte)")
            }
        } else {
            ajouter(Regle.empreinte, false, "non vérifiable : la clé qui a signé le badge est inconnue")
        }
        return RapportVerification(lignes: lignes)
    }
}
