import Foundation
import LivretCore

/// The bundle a learner takes home: their signed badges, the issuer's public keys, the signed
/// revocation list, a manifest of SHA-256 digests and a plain-French README.
///
/// ```
/// LISEZ-MOI.txt
/// manifeste.json
/// emetteur.json            profile of the structure and its public keys (JWKS)
/// revocations.jwt          signed revocation list (revocations.json: the same, readable)
/// statuts.jwt              the published W3C status list (BitstringStatusListCredential), when the structure has one
/// badges/<code>.jwt        each credential, signed (VC-JWT, ES256)
/// badges/<code>.json       the same credential, readable
/// badges/<code>.svg        the badge image, with the credential inside
/// badges/<code>.png        the same image drawn as PNG (512 × 512), with the credential inside, for tools that take no SVG
/// ```
public enum PaquetApprenant {
    /// What the issuer publishes in `emetteur.json`.
    public struct DocumentEmetteur: Codable, Equatable, Sendable {
        public var profil: ProfilEmetteur
        public var cles: JWKS
        /// The day each retired key was retired (`kid` → « AAAA-MM-JJ »): it signs nothing dated after.
        public var retraits: [String: String]?

        public init(profil: ProfilEmetteur, cles: JWKS, retraits: [String: String]? = nil) {
            self.profil = profil
            self.cles = cles
            self.retraits = retraits?.isEmpty == true ? nil : retraits
        }

        /// ``retraits`` as instants (the start of the day, UTC); unreadable days are left out.
        public var datesRetrait: [String: Date] {
            (retraits ?? [:]).compactMapValues { DateOB.lire($0 + "T00:00:00Z") }
        }
    }

    public static let nomEmetteur = "emetteur.json"
    public static let nomRevocations = "revocations.jwt"

    /// The bundle's entries (manifest and README included), ready for ``Paquet/ecrire(_:vers:horodatage:)``.
    /// `badges` pairs a file stem (the achievement code) with its JWT and baked SVG; the baked PNG
    /// is drawn from the SVG (``ImageBadge/pngCuit(svg:jwt:)``).
    /// `titulaire` is the random identifier every badge of the learner carries (hashed); `signer`
    /// signs the manifest (``Paquet/assembler(_:lisezMoi:titulaire:signer:)``).
    public static func entrees(badges: [(nom: String, jwt: String, svg: Data)], emetteur: DocumentEmetteur,
                               listeRevocation: String, listeStatuts: String? = nil, pourQui: String?, autres: [String: Data] = [:], titulaire: String? = nil,
                               signer: ((Data) throws -> String)? = nil) throws -> [String: Data] {
        var entrees: [String: Data] = autres
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for badge in badges {
            let jeton = try JWT.decouper(badge.jwt)
            let lisible = try JSONSerialization.jsonObject(with: jeton.chargeUtile)
            entrees["badges/\(badge.nom).jwt"] = Data((badge.jwt + "\n").utf8)
            entrees["badges/\(badge.nom).json"] = try JSONSerialization.data(withJSONObject: lisible, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + Data("\n".utf8)
            entrees["badges/\(badge.nom).svg"] = badge.svg
            entrees["badges/\(badge.nom).png"] = try ImageBadge.pngCuit(svg: badge.svg, jwt: badge.jwt)
        }
        entrees[nomEmetteur] = try encodeur.encode(emetteur) + Data("\n".utf8)
        entrees[nomRevocations] = Data((listeRevocation + "\n").utf8)
        if let listeStatuts { entrees[CredentialListeStatuts.nomFichier] = Data((listeStatuts + "\n").utf8) }
        let liste = try JWT.decouper(listeRevocation)
        let listeLisible = try JSONSerialization.jsonObject(with: liste.chargeUtile)
        entrees["revocations.json"] = try JSONSerialization.data(withJSONObject: listeLisible, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + Data("\n".utf8)
        return try Paquet.assembler(entrees, lisezMoi: lisezMoi(pourQui: pourQui, emetteur: emetteur, nombre: badges.count),
                                    titulaire: titulaire, signer: signer)
    }

    /// The README, in plain French.
    /// `pourQui`: the name the person lets her documents show; nil, none (« Ce dossier contient 3 badges délivrés par … »).
    static func lisezMoi(pourQui: String?, emetteur: DocumentEmetteur, nombre: Int) -> String {
        let empreintes = emetteur.cles.keys.map { "  - \($0.empreinte)" }.joined(separator: "\n")
        return """
        Vos badges numériques
        =====================

        Ce dossier contient \(Accord.nombre(nombre, "badge"))\(pourQui.map { " " + Accord.de($0) } ?? ""), \(Accord.forme(nombre, "délivré")) par « \(emetteur.profil.name) ».
        Un badge dit ce que vous savez faire. Il est signé : personne ne peut le changer sans que cela se voie.

        Ce qu'il y a dedans
        - badges/ : chaque badge, en quatre formes : une image à montrer (.svg, et .png pour les
          sites et applications qui ne prennent que le PNG), le badge signé (.jwt) et le même badge
          lisible (.json). Les deux images contiennent le badge signé.
        - emetteur.json : qui a délivré les badges, et ses clés publiques pour les vérifier.
        - revocations.jwt : la liste signée des badges annulés par la structure.
        - manifeste.json : l'empreinte de chaque fichier, pour voir si quelque chose a changé.
        - cv.html (s'il est là) : votre CV numérique, à ouvrir dans un navigateur ou à imprimer ;
          cv.json : le même CV au format JSON Resume, pour d'autres outils.

        Comment vérifier
        - Avec Livret, sans Internet : livret badge verifier CE-FICHIER.zip
        - Avec un autre outil Open Badges 3.0 : donnez-lui le fichier .jwt, ou l'image .png ou .svg.
        - Pour être sûr que les badges viennent bien de « \(emetteur.profil.name) », comparez l'empreinte
          de sa clé avec celle que la structure vous donne :
        \(empreintes)

        Gardez ce fichier : sur un téléphone, une clé USB ou dans vos e-mails.

        """
    }
}
