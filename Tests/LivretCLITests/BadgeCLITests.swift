import Foundation
import LivretBadges
import LivretTestSupport
import Testing

/// `livret badge …` de bout en bout : clés, délivrance, consentement, paquets, révocation,
/// renouvellement de clé, falsification, et un vérificateur Open Badges 3.0 indépendant.
@Suite("Badges : délivrer, remettre, vérifier, de bout en bout")
struct BadgeCLITests {
    static let formatrice = "Nadia Benali"
    static let jour = "2024-05-02"

    /// The package root: this file is `<racine>/Tests/LivretCLITests/BadgeCLITests.swift`.
    static let racine = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shared Open Badges checkers, next to the package (absent on most machines).
    static let outilsOB = racine.deletingLastPathComponent().appendingPathComponent("shared/tools/openbadges")
    static let unzip = ["/usr/bin/unzip", "/bin/unzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let zip = ["/usr/bin/zip", "/bin/zip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    // MARK: - Outils

    /// An atelier on the demo base, dated so that the demo learners have earned their badges.
    func demo(_ travail: (Atelier) throws -> Void) throws {
        try Atelier.avec { atelier in
            var atelier = atelier
            atelier.date = Self.jour
            try atelier.reussir(["demo"])
            try travail(atelier)
        }
    }

    /// Writing commands, as the formatrice.
    @discardableResult
    func ecrire(_ atelier: Atelier, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> ExecutableLivret.Resultat {
        try atelier.reussir(arguments + ["--formateur", Self.formatrice], sourceLocation: sourceLocation)
    }

    func json(_ resultat: ExecutableLivret.Resultat) throws -> Any {
        try JSONSerialization.jsonObject(with: resultat.sortieOctets)
    }

    /// Runs a tool (not livret) and returns its status and standard output.
    @discardableResult
    static func outil(_ chemin: String, _ arguments: [String], environnement: [String: String]? = nil,
                      dossier: URL? = nil) throws -> (statut: Int32, sortie: Data, texte: String) {
        try DossierTemporaire.avec { captures in
            let fichier = captures.appendingPathComponent("sortie")
            _ = FileManager.default.createFile(atPath: fichier.path, contents: nil)
            let sortie = try FileHandle(forWritingTo: fichier)
            defer { try? sortie.close() }
            let processus = Process()
            processus.executableURL = URL(fileURLWithPath: chemin)
            processus.arguments = arguments
            if let environnement { processus.environment = environnement }
            if let dossier { processus.currentDirectoryURL = dossier }
            processus.standardInput = FileHandle.nullDevice
            processus.standardOutput = sortie
            processus.standardError = sortie
            try processus.run()
            processus.waitUntilExit()
            let donnees = try Data(contentsOf: fichier)
            return (processus.terminationStatus, donnees, String(decoding: donnees, as: UTF8.self))
        }
    }

    /// The entries of a zip bundle (names → bytes), read with `unzip`.
    static func entrees(_ paquet: URL) throws -> [String: Data] {
        let unzip = try #require(Self.unzip)
        let liste = try outil(unzip, ["-Z1", paquet.path])
        #expect(liste.statut == 0, "\(liste.texte)")
        var resultat: [String: Data] = [:]
        for nom in liste.texte.split(separator: "\n").map(String.init) where !nom.hasSuffix("/") {
            let entree = try outil(unzip, ["-p", paquet.path, nom])
            #expect(entree.statut == 0, "unzip -p \(nom)")
            resultat[nom] = entree.sortie
        }
        return resultat
    }

    /// The JSON payload (or header) of a compact JWT.
    static func partieJWT(_ jwt: Data, _ index: Int) throws -> [String: Any] {
        let parties = String(decoding: jwt, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".")
        try #require(parties.count == 3, "JWT en trois parties")
        var b64 = parties[index].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        let donnees = try #require(Data(base64Encoded: b64))
        return try #require(try JSONSerialization.jsonObject(with: donnees) as? [String: Any])
    }

    /// Every key and scalar value of a JSON document, lowercased, without the random or opaque
    /// parts (hash, salt, embedded images) that could contain anything by chance.
    static func textes(_ valeur: Any, cle: String? = nil) -> [String] {
        switch valeur {
        case let objet as [String: Any]:
            return objet.flatMap { k, v in [k.lowercased()] + textes(v, cle: k) }
        case let tableau as [Any]:
            return tableau.flatMap { textes($0, cle: cle) }
        case let texte as String:
            if cle == "identityHash" || cle == "salt" || texte.hasPrefix("data:") { return [] }
            return [texte.lowercased()]
        default:
            return ["\(valeur)".lowercased()]
        }
    }

    static func contient(_ donnees: Data, _ motif: Data) -> Bool {
        !motif.isEmpty && donnees.range(of: motif) != nil
    }

    static func lignesEchec(_ resultat: ExecutableLivret.Resultat) -> [Substring] {
        resultat.lignes.filter { $0.drop { $0 == " " }.hasPrefix("✗") }
    }

    // MARK: - Tests

    @Test("Clé créée hors de la base, délivrance confirmée, paquet valide")
    func parcoursComplet() throws {
        try demo { atelier in
            let creation = try ecrire(atelier, ["badge", "cle", "creer"])
            #expect(creation.sortie.contains("Clé de signature créée"), "\(creation)")
            let dossierCles = atelier.dossier.appendingPathComponent("cles")
            let pems = try FileManager.default.contentsOfDirectory(at: dossierCles, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "pem" }
            let pem = try #require(pems.first, "une clé .pem dans \(dossierCles.path)")
            #expect(pems.count == 1)
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: pem.path)[.posixPermissions] as? NSNumber)
            #expect(mode.intValue & 0o777 == 0o600, "mode \(String(mode.intValue, radix: 8))")
            let texte = try String(contentsOf: pem, encoding: .utf8)
            let lignesPEM = texte.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("-----") }
            #expect(!lignesPEM.isEmpty, "\(texte)")
            let corps = lignesPEM.joined()
            // The private key, in every form we can think of: the whole body and each line.
            let motifs = ([corps] + lignesPEM.filter { $0.count >= 16 }).map { Data($0.utf8) }
                + [try #require(Data(base64Encoded: corps))]

            // Without --confirmer: the list is shown, nothing is issued.
            let sansConfirmer = try atelier.echouer(["badge", "emettre", "A-0001", "--tous", "--formateur", Self.formatrice])
            #expect(sansConfirmer.toutLeTexte.contains("--confirmer"), "\(sansConfirmer)")
            #expect((try json(atelier.reussir(["badge", "lister", "A-0001", "--json"])) as? [Any])?.isEmpty == true)
            #expect(try atelier.reussir(["badge", "lister", "A-0001"]).sortie.contains("Aucun badge"))

            let emission = try ecrire(atelier, ["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            #expect(emission.sortie.contains("délivré"), "\(emission)")
            let emis = try #require(try json(atelier.reussir(["badge", "lister", "A-0001", "--json"])) as? [[String: Any]])
            #expect(!emis.isEmpty)
            #expect(emis.allSatisfy { ($0["id"] as? String)?.hasPrefix("urn:uuid:") == true })

            try atelier.reussir(["badge", "paquet", "A-0001"])
            let paquet = atelier.dossier.appendingPathComponent("Exports/A-0001-badges.zip")
            #expect(FileManager.default.fileExists(atPath: paquet.path))

            let verification = try atelier.reussir(["badge", "verifier", "Exports/A-0001-badges.zip"])
            let derniere = verification.lignes.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(derniere == "Résultat : valide.", "\(verification)")
            #expect(Self.lignesEchec(verification).isEmpty, "\(verification)")

            let rapport = try atelier.reussir(["badge", "verifier", "--json", "Exports/A-0001-badges.zip"])
            let objet = try JSONSerialization.jsonObject(with: rapport.sortieOctets)
            #expect(objet is [String: Any], "\(rapport)")

            // The private key is neither in the base (nor its companions) nor anywhere in the bundle.
            for fichier in atelier.fichiersDeLaBase() {
                let octets = try Data(contentsOf: fichier)
                #expect(!motifs.contains { Self.contient(octets, $0) }, "clé privée dans \(fichier.lastPathComponent)")
            }
            let octetsPaquet = try Data(contentsOf: paquet)
            #expect(!motifs.contains { Self.contient(octetsPaquet, $0) }, "clé privée dans le zip")
            if Self.unzip != nil {
                let entrees = try Self.entrees(paquet)
                #expect(entrees.keys.contains { $0.hasSuffix(".jwt") })
                for (nom, octets) in entrees {
                    #expect(!motifs.contains { Self.contient(octets, $0) }, "clé privée dans \(nom)")
                }
                // Nor a private JWK member in the published keys.
                let cles = try #require(try json(atelier.reussir(["badge", "cle", "lister", "--json"])) as? [String: Any])
                let liste = try #require(cles["keys"] as? [[String: Any]])
                #expect(liste.count == 1)
                #expect(liste.allSatisfy { $0["d"] == nil }, "\(cles)")
            }
        }
    }

    @Test("Sans accord pour les badges, rien n'est délivré ; l'identifiant est haché, rien de sensible")
    func consentement() throws {
        try demo { atelier in
            try ecrire(atelier, ["badge", "cle", "creer"])
            let refus = try atelier.echouer(["badge", "emettre", "A-0004", "--tous", "--confirmer", "--formateur", Self.formatrice])
            #expect(refus.erreur.contains("accord"), "\(refus)")
            #expect((try json(atelier.reussir(["badge", "lister", "A-0004", "--json"])) as? [Any])?.isEmpty == true)

            try ecrire(atelier, ["apprenant", "modifier", "A-0004", "--consentement", "suivi,badges,statistiques"])
            let emission = try ecrire(atelier, ["badge", "emettre", "A-0004", "--tous", "--confirmer"])
            #expect(emission.sortie.contains("délivré"), "\(emission)")
            try atelier.reussir(["badge", "paquet", "A-0004"])
            let verification = try atelier.reussir(["badge", "verifier", "Exports/A-0004-badges.zip"])
            #expect(verification.sortie.contains("Résultat : valide."), "\(verification)")

            guard Self.unzip != nil else { return }
            let fiche = try #require(try json(atelier.reussir(["apprenant", "montrer", "A-0004", "--json"])) as? [String: Any])
            let apprenant = try #require(fiche["apprenant"] as? [String: Any])
            #expect(apprenant["email"] == nil, "A-0004 n'a pas d'e-mail dans la démo")
            var interdits = ["feminin", "féminin", "qpv", "statutsocial", "sexe", "anneenaissance"]
            if let annee = apprenant["anneeNaissance"] as? Int { interdits.append(String(annee)) }
            for cle in ["sexe", "statutSocial"] {
                if let valeur = apprenant[cle] as? String, valeur.count > 3 { interdits.append(valeur.lowercased()) }
            }
            #expect(interdits.contains { $0.count == 4 && Int($0) != nil }, "année de naissance lue : \(apprenant)")

            let entrees = try Self.entrees(atelier.dossier.appendingPathComponent("Exports/A-0004-badges.zip"))
            let jwts = entrees.filter { $0.key.hasPrefix("badges/") && $0.key.hasSuffix(".jwt") }
            #expect(!jwts.isEmpty)
            for (nom, jwt) in jwts {
                let charge = try Self.partieJWT(jwt, 1)
                let credential = (charge["vc"] as? [String: Any]) ?? charge
                let sujet = try #require(credential["credentialSubject"] as? [String: Any], "\(nom)")
                let identifiants = try #require(sujet["identifier"] as? [[String: Any]], "\(nom)")
                #expect(identifiants.count == 1, "\(nom)")
                #expect(identifiants.first?["identityType"] as? String == "identifier", "\(nom)")
                #expect(identifiants.first?["hashed"] as? Bool == true, "\(nom)")

                let lisible = try #require(entrees[String(nom.dropLast(4)) + ".json"], "version lisible de \(nom)")
                let documents: [Any] = [charge, try JSONSerialization.jsonObject(with: lisible)]
                for document in documents {
                    let tout = Self.textes(document)
                    for interdit in interdits {
                        #expect(!tout.contains { $0.contains(interdit) }, "« \(interdit) » dans \(nom)")
                    }
                }
            }
        }
    }

    @Test("Le même paquet, créé deux fois, est identique octet pour octet")
    func reproductible() throws {
        try demo { atelier in
            try ecrire(atelier, ["badge", "cle", "creer"])
            try ecrire(atelier, ["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "premier.zip"])
            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "second.zip"])
            let premier = try Data(contentsOf: atelier.dossier.appendingPathComponent("premier.zip"))
            let second = try Data(contentsOf: atelier.dossier.appendingPathComponent("second.zip"))
            #expect(!premier.isEmpty)
            #expect(premier == second)
        }
    }

    @Test("Un badge révoqué rend l'ancien paquet non valide et disparaît du nouveau")
    func revocation() throws {
        try demo { atelier in
            try ecrire(atelier, ["badge", "cle", "creer"])
            try ecrire(atelier, ["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "ancien.zip"])
            let emis = try #require(try json(atelier.reussir(["badge", "lister", "A-0001", "--json"])) as? [[String: Any]])
            try #require(emis.count >= 2, "au moins deux badges pour A-0001")
            let id = try #require(emis.first?["id"] as? String)
            let reussite = try #require(emis.first?["reussite"] as? String)
            let motif = "Erreur de saisie du formateur"

            let revocation = try ecrire(atelier, ["badge", "revoquer", id, "--motif", motif])
            #expect(revocation.sortie.contains("révoqué"), "\(revocation)")
            let apres = try #require(try json(atelier.reussir(["badge", "lister", "A-0001", "--json"])) as? [[String: Any]])
            let revoque = try #require(apres.first { $0["id"] as? String == id })
            #expect(revoque["motifRevocation"] as? String == motif)
            #expect(revoque["revoqueLe"] as? String == Self.jour)

            let ancien = try atelier.lancer(["badge", "verifier", "ancien.zip"])
            #expect(ancien.statut == 1, "\(ancien)")
            #expect(ancien.lignes.contains { $0.contains("révoqué") && $0.contains(motif) }, "\(ancien)")
            #expect(!ancien.sortie.contains("Résultat : valide."), "\(ancien)")

            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "nouveau.zip"])
            let nouveau = try atelier.reussir(["badge", "verifier", "nouveau.zip"])
            #expect(nouveau.sortie.contains("Résultat : valide."), "\(nouveau)")
            #expect(Self.lignesEchec(nouveau).isEmpty, "\(nouveau)")

            if Self.unzip != nil {
                let entrees = try Self.entrees(atelier.dossier.appendingPathComponent("nouveau.zip"))
                #expect(entrees["badges/\(reussite).jwt"] == nil)
                let jwts = entrees.filter { $0.key.hasPrefix("badges/") && $0.key.hasSuffix(".jwt") }
                #expect(jwts.count == emis.count - 1)
                for (nom, jwt) in jwts {
                    let charge = try Self.partieJWT(jwt, 1)
                    #expect(!Self.textes(charge).contains { $0.contains(id.lowercased()) }, "\(nom) est le badge révoqué")
                }
                for (nom, octets) in entrees where nom.hasPrefix("badges/") && nom.hasSuffix(".json") {
                    #expect(!Self.contient(octets, Data(id.utf8)), "\(nom) est le badge révoqué")
                }
            }
        }
    }

    @Test("Après un renouvellement de clé, les badges déjà délivrés restent vérifiables")
    func renouvellement() throws {
        try demo { atelier in
            try ecrire(atelier, ["badge", "cle", "creer"])
            try ecrire(atelier, ["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            let renouveler = try ecrire(atelier, ["badge", "cle", "renouveler"])
            #expect(renouveler.sortie.contains("Clé de signature créée"), "\(renouveler)")
            try ecrire(atelier, ["badge", "emettre", "A-0003", "--tous", "--confirmer"])

            let jwks = try #require(try json(atelier.reussir(["badge", "cle", "lister", "--json"])) as? [String: Any])
            let cles = try #require(jwks["keys"] as? [[String: Any]])
            #expect(cles.count == 2, "\(jwks)")
            let kids = cles.compactMap { $0["kid"] as? String }
            #expect(Set(kids).count == 2)
            let tableau = try atelier.reussir(["badge", "cle", "lister"])
            #expect(tableau.sortie.contains("retirée"), "\(tableau)")
            #expect(tableau.sortie.contains("active"), "\(tableau)")

            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "a1.zip"])
            try atelier.reussir(["badge", "paquet", "A-0003", "--sortie", "a3.zip"])
            for paquet in ["a1.zip", "a3.zip"] {
                let verification = try atelier.reussir(["badge", "verifier", paquet])
                #expect(verification.sortie.contains("Résultat : valide."), "\(verification)")
            }

            if Self.unzip != nil {
                func kidsDe(_ paquet: String) throws -> Set<String> {
                    let entrees = try Self.entrees(atelier.dossier.appendingPathComponent(paquet))
                    return Set(try entrees.filter { $0.key.hasPrefix("badges/") && $0.key.hasSuffix(".jwt") }
                        .compactMap { try Self.partieJWT($0.value, 0)["kid"] as? String })
                }
                let ancienne = try kidsDe("a1.zip")
                let nouvelle = try kidsDe("a3.zip")
                #expect(ancienne.count == 1 && nouvelle.count == 1, "\(ancienne) \(nouvelle)")
                #expect(ancienne != nouvelle, "la première apprenante est signée avec l'ancienne clé")
                #expect(ancienne.isSubset(of: Set(kids)) && nouvelle.isSubset(of: Set(kids)))
            }
        }
    }

    @Test("Paquet altéré, tronqué, pas un zip, absent : non valide, en français")
    func falsification() throws {
        try demo { atelier in
            try ecrire(atelier, ["badge", "cle", "creer"])
            try ecrire(atelier, ["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "original.zip"])
            let original = try Data(contentsOf: atelier.dossier.appendingPathComponent("original.zip"))

            // One byte changed inside the compressed data of the largest entry.
            var altere = original
            var meilleur: (debut: Int, taille: Int)?
            var position = 0
            let octets = [UInt8](original)
            func entier(_ i: Int, _ n: Int) -> Int { (0..<n).reduce(0) { $0 | Int(octets[i + $1]) << (8 * $1) } }
            while position + 30 <= octets.count, entier(position, 4) == 0x0403_4b50 {
                let taille = entier(position + 18, 4)
                let debut = position + 30 + entier(position + 26, 2) + entier(position + 28, 2)
                if taille > (meilleur?.taille ?? 0) { meilleur = (debut, taille) }
                position = debut + taille
            }
            let cible = try #require(meilleur, "entrées locales du zip")
            let index = cible.debut + cible.taille / 2
            altere[index] ^= 0x5A
            try altere.write(to: atelier.dossier.appendingPathComponent("altere.zip"))
            let verifAltere = try atelier.lancer(["badge", "verifier", "altere.zip"])
            #expect(verifAltere.statut == 1, "\(verifAltere)")
            #expect(!Self.lignesEchec(verifAltere).isEmpty, "\(verifAltere)")

            // One byte flipped in the middle of the file, wherever that falls.
            var milieu = original
            milieu[original.count / 2] ^= 0xFF
            try milieu.write(to: atelier.dossier.appendingPathComponent("milieu.zip"))
            let verifMilieu = try atelier.lancer(["badge", "verifier", "milieu.zip"])
            #expect(verifMilieu.statut == 1, "\(verifMilieu)")
            #expect(!Self.lignesEchec(verifMilieu).isEmpty, "\(verifMilieu)")

            // A readable badge changed and the zip rebuilt cleanly: the manifest catches it.
            if let zip = Self.zip, let unzip = Self.unzip {
                let dossier = atelier.dossier.appendingPathComponent("refait")
                try FileManager.default.createDirectory(at: dossier, withIntermediateDirectories: true)
                #expect(try Self.outil(unzip, ["-q", atelier.dossier.appendingPathComponent("original.zip").path], dossier: dossier).statut == 0)
                let badges = try FileManager.default.contentsOfDirectory(atPath: dossier.appendingPathComponent("badges").path)
                let nom = try #require(badges.sorted().first { $0.hasSuffix(".json") })
                let fichier = dossier.appendingPathComponent("badges").appendingPathComponent(nom)
                let texte = try String(contentsOf: fichier, encoding: .utf8)
                let change = texte.replacingOccurrences(of: "\"name\" : \"", with: "\"name\" : \"Expert ")
                #expect(change != texte)
                try Data(change.utf8).write(to: fichier)
                let refait = atelier.dossier.appendingPathComponent("refait.zip")
                let entrees = try FileManager.default.subpathsOfDirectory(atPath: dossier.path).sorted()
                    .filter { !$0.hasSuffix("/") && $0 != "badges" }
                #expect(try Self.outil(zip, ["-q", "-X", refait.path] + entrees, dossier: dossier).statut == 0)
                let verifRefait = try atelier.lancer(["badge", "verifier", "refait.zip"])
                #expect(verifRefait.statut == 1, "\(verifRefait)")
                #expect(Self.lignesEchec(verifRefait).contains { $0.contains("manifeste") || $0.contains(nom) }, "\(verifRefait)")
            }

            // The first half only.
            try original.prefix(original.count / 2).write(to: atelier.dossier.appendingPathComponent("tronque.zip"))
            let tronque = try atelier.lancer(["badge", "verifier", "tronque.zip"])
            #expect(tronque.statut == 1, "\(tronque)")
            #expect(tronque.sortie.contains("tronquée"), "\(tronque)")
            #expect(!Self.lignesEchec(tronque).isEmpty, "\(tronque)")

            // Not a zip at all.
            try Data("Bonjour, ceci n'est pas un paquet.\n".utf8).write(to: atelier.dossier.appendingPathComponent("texte.zip"))
            let pasUnZip = try atelier.lancer(["badge", "verifier", "texte.zip"])
            #expect(pasUnZip.statut == 1, "\(pasUnZip)")
            #expect(pasUnZip.toutLeTexte.contains("n'est pas une archive zip"), "\(pasUnZip)")

            // Missing.
            let absent = try atelier.echouer(["badge", "verifier", "absent.zip"])
            #expect(absent.erreur.contains("introuvable"), "\(absent)")
        }
    }

    @Test("Un vérificateur Open Badges 3.0 indépendant, qui résout les clés comme celui de 1EdTech, accepte chaque badge (.jwt, images .svg et .png) sans qu'on lui donne la clé",
          .enabled(if: FileManager.default.fileExists(atPath: BadgeCLITests.outilsOB.appendingPathComponent("check_ob3.sh").path)
                   && BadgeCLITests.unzip != nil))
    func verificateurIndependant() throws {
        let script = Self.outilsOB.appendingPathComponent("check_ob3.sh")
        // The checker's own environment: the real HOME (where its venv lives), not the atelier's.
        let environnement = ProcessInfo.processInfo.environment
        let maison = environnement["HOME"] ?? NSHomeDirectory()
        let venvs = environnement["OB_VENVS"] ?? (maison + "/.cache/ob-checkers")
        if !FileManager.default.isExecutableFile(atPath: venvs + "/ob3/bin/python") {
            let installation = try Self.outil("/bin/bash", [Self.outilsOB.appendingPathComponent("setup.sh").path], environnement: environnement)
            try #require(installation.statut == 0 || FileManager.default.isExecutableFile(atPath: venvs + "/ob3/bin/python"),
                         "setup.sh : \(installation.texte)")
        }
        try demo { atelier in
            try ecrire(atelier, ["badge", "cle", "creer"])
            try ecrire(atelier, ["apprenant", "modifier", "A-0004", "--consentement", "suivi,badges,statistiques"])
            // The key is a did:jwk: a verifier that knows nothing of the structure resolves it from the badge.
            let jwks = try #require(try json(atelier.reussir(["badge", "cle", "lister", "--json"])) as? [String: Any])
            let cles = try #require(jwks["keys"] as? [[String: Any]])
            #expect(cles.allSatisfy { ($0["kid"] as? String)?.hasPrefix("did:jwk:") == true }, "\(cles)")

            let extraits = atelier.dossier.appendingPathComponent("extraits")
            try FileManager.default.createDirectory(at: extraits, withIntermediateDirectories: true)
            var verifies = 0
            for apprenant in ["A-0001", "A-0004"] {
                try ecrire(atelier, ["badge", "emettre", apprenant, "--tous", "--confirmer"])
                try atelier.reussir(["badge", "paquet", apprenant])
                let entrees = try Self.entrees(atelier.dossier.appendingPathComponent("Exports/\(apprenant)-badges.zip"))
                let badges = entrees.filter { $0.key.hasPrefix("badges/") && ($0.key.hasSuffix(".jwt") || $0.key.hasSuffix(".svg") || $0.key.hasSuffix(".png")) }
                #expect(!badges.isEmpty, "\(apprenant)")
                for (nom, octets) in badges.sorted(by: { $0.key < $1.key }) {
                    let fichier = extraits.appendingPathComponent("\(apprenant)-\(nom.dropFirst("badges/".count))")
                    try octets.write(to: fichier)
                    let controle = try Self.outil("/bin/bash", [script.path, fichier.path, "--strict", "--like-1edtech"],
                                                  environnement: environnement)
                    #expect(controle.texte.contains("key from kid did:jwk"), "\(controle.texte)")
                    #expect(controle.statut == 0, "check_ob3 \(apprenant) \(nom) :\n\(controle.texte)")
                    verifies += 1
                }
            }
            #expect(verifies >= 6)
        }
    }

    @Test("En did:web, le vérificateur indépendant trouve les clés dans le did.json que « badge publier » écrit",
          .enabled(if: FileManager.default.fileExists(atPath: BadgeCLITests.outilsOB.appendingPathComponent("check_ob3.sh").path)
                   && BadgeCLITests.unzip != nil))
    func verificateurIndependantDidWeb() throws {
        let script = Self.outilsOB.appendingPathComponent("check_ob3.sh")
        let environnement = ProcessInfo.processInfo.environment
        try demo { atelier in
            try ecrire(atelier, ["badge", "cle", "creer", "--domaine", "exemple.fr"])
            try ecrire(atelier, ["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            try atelier.reussir(["badge", "paquet", "A-0001"])
            let site = atelier.dossier.appendingPathComponent("site")
            let publication = try atelier.reussir(["badge", "publier", site.path])
            #expect(publication.sortie.contains("https://exemple.fr/.well-known/did.json"), "\(publication)")
            // As a verifier would have fetched https://exemple.fr/.well-known/did.json.
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent(".well-known/did.json")))
            let cles = atelier.dossier.appendingPathComponent("did-web.json")
            try JSONSerialization.data(withJSONObject: ["did:web:exemple.fr": document]).write(to: cles)
            // As a verifier would have fetched the credentials' status list.
            let statuts = try Self.fichierStatuts(site, dans: atelier.dossier)
            let entrees = try Self.entrees(atelier.dossier.appendingPathComponent("Exports/A-0001-badges.zip"))
            let badges = entrees.filter { $0.key.hasPrefix("badges/") && ($0.key.hasSuffix(".jwt") || $0.key.hasSuffix(".svg") || $0.key.hasSuffix(".png")) }
            #expect(badges.count >= 2)
            for (nom, octets) in badges.sorted(by: { $0.key < $1.key }) {
                let fichier = atelier.dossier.appendingPathComponent(String(nom.dropFirst("badges/".count)))
                try octets.write(to: fichier)
                let controle = try Self.outil("/bin/bash", [script.path, fichier.path, "--strict", "--like-1edtech", "--keys", cles.path,
                                                            "--status", statuts.path],
                                              environnement: environnement)
                #expect(controle.statut == 0, "check_ob3 \(nom) :\n\(controle.texte)")
                // Without the published document, nobody can resolve a did:web offline.
                let sans = try Self.outil("/bin/bash", [script.path, fichier.path, "--strict", "--like-1edtech"], environnement: environnement)
                #expect(sans.statut != 0, "\(nom)")
            }
        }
    }

    /// The `--status` file of check_ob3: the status list URL mapped to the `statuts.jwt` that
    /// « badge publier » wrote in `site`.
    static func fichierStatuts(_ site: URL, dans dossier: URL) throws -> URL {
        let jwt = try String(contentsOf: site.appendingPathComponent("badges/statuts.jwt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let fichier = dossier.appendingPathComponent("statuts-publies.json")
        try JSONSerialization.data(withJSONObject: ["https://exemple.fr/badges/statuts.jwt": jwt]).write(to: fichier)
        return fichier
    }

    @Test("Révocation visible de tous : le vérificateur indépendant accepte le badge avec la liste de statuts publiée, le refuse après « badge revoquer »",
          .enabled(if: FileManager.default.fileExists(atPath: BadgeCLITests.outilsOB.appendingPathComponent("check_ob3.sh").path)
                   && BadgeCLITests.unzip != nil))
    func revocationVisibleDeTous() throws {
        let script = Self.outilsOB.appendingPathComponent("check_ob3.sh")
        let environnement = ProcessInfo.processInfo.environment
        try demo { atelier in
            try ecrire(atelier, ["badge", "cle", "creer", "--domaine", "exemple.fr"])
            try ecrire(atelier, ["badge", "emettre", "A-0001", "--tous", "--confirmer"])
            try atelier.reussir(["badge", "paquet", "A-0001", "--sortie", "ancien.zip"])
            let site = atelier.dossier.appendingPathComponent("site")
            let publication = try atelier.reussir(["badge", "publier", site.path])
            #expect(publication.sortie.contains("badges/ → https://exemple.fr/badges/"), "\(publication)")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("badges/statuts.jwt").path))
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent(".well-known/did.json")))
            let cles = atelier.dossier.appendingPathComponent("did-web.json")
            try JSONSerialization.data(withJSONObject: ["did:web:exemple.fr": document]).write(to: cles)

            let entrees = try Self.entrees(atelier.dossier.appendingPathComponent("ancien.zip"))
            #expect(entrees["statuts.jwt"] != nil, "le paquet emporte la liste de statuts")
            let (nom, octets) = try #require(entrees.filter { $0.key.hasPrefix("badges/") && $0.key.hasSuffix(".jwt") }.min { $0.key < $1.key })
            let jwt = String(decoding: octets, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let octetsCharge = try #require(Base64URL.decoder(String(jwt.split(separator: ".")[1])))
            let charge = try #require(try JSONSerialization.jsonObject(with: octetsCharge) as? [String: Any])
            let statut = try #require(charge["credentialStatus"] as? [String: Any], "\(nom) porte un credentialStatus")
            #expect(statut["type"] as? String == "BitstringStatusListEntry")
            #expect(statut["statusListCredential"] as? String == "https://exemple.fr/badges/statuts.jwt")
            let index = try #require(statut["statusListIndex"] as? String)
            let id = try #require(charge["id"] as? String)
            let badge = atelier.dossier.appendingPathComponent("badge.jwt")
            try Data((jwt + "\n").utf8).write(to: badge)

            let avant = try Self.outil("/bin/bash", [script.path, badge.path, "--strict", "--like-1edtech", "--keys", cles.path,
                                                     "--status", try Self.fichierStatuts(site, dans: atelier.dossier).path], environnement: environnement)
            #expect(avant.statut == 0, "check_ob3 avant révocation :\n\(avant.texte)")
            #expect(avant.texte.contains("revocation bit \(index) clear"), "\(avant.texte)")
            let verifie = try atelier.reussir(["badge", "verifier", "ancien.zip"])
            #expect(verifie.lignes.contains { $0.contains("✓ statut publié : non révoqué") && $0.contains("aujourd'hui") }, "\(verifie)")

            try ecrire(atelier, ["badge", "revoquer", id, "--motif", "Délivré par erreur"])
            try atelier.reussir(["badge", "publier", site.path])
            let apres = try Self.outil("/bin/bash", [script.path, badge.path, "--strict", "--like-1edtech", "--keys", cles.path,
                                                     "--status", try Self.fichierStatuts(site, dans: atelier.dossier).path], environnement: environnement)
            #expect(apres.statut != 0, "check_ob3 après révocation :\n\(apres.texte)")
            #expect(apres.texte.contains("REVOCATION: the credential's bit \(index) is SET"), "\(apres.texte)")
            // Livret's verifier takes the base's list, fresher than the bundle's.
            let ancien = try atelier.lancer(["badge", "verifier", "ancien.zip"])
            #expect(ancien.statut == 1, "\(ancien)")
            #expect(ancien.lignes.contains { $0.contains("✗ statut publié : révoqué : l'entrée \(index) est levée (liste de la base de la structure") }, "\(ancien)")
        }
    }
}
