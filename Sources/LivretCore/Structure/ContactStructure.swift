import Foundation

/// How a person reaches the structure: printed on the CV and the attestation (an employer who
/// wants to ask about a learner's badges calls or writes there), and its site, where the
/// structure publishes its badges' verification pages. Every field is optional.
public struct ContactStructure: Sendable, Equatable, Codable {
    /// The postal address, on one line (« 12 place de la Mairie, 59000 Lille »).
    public var adresse: String?
    public var telephone: String?
    public var courriel: String?
    /// The structure's web site, « https://exemple.fr » (no trailing slash).
    public var site: String?

    public init(adresse: String? = nil, telephone: String? = nil, courriel: String? = nil, site: String? = nil) {
        self.adresse = adresse
        self.telephone = telephone
        self.courriel = courriel
        self.site = site
    }

    /// True when no field is given.
    public var estVide: Bool { adresse == nil && telephone == nil && courriel == nil && site == nil }

    /// The fields that are given, as « libellé : valeur » lines, in print order.
    public var lignes: [String] {
        [adresse, telephone.map { "Tél. \($0)" }, courriel, site.map(RegleContact.siteSansSchema)].compactMap { $0 }
    }
}

/// What a structure's contact may hold, checked in one place for the command line, the terminal UI
/// and the store: lengths and characters as ``RegleTexte``, a site in https with a host name and no
/// query, an e-mail with one « @ ».
public enum RegleContact {
    /// Longest postal address.
    public static let longueurAdresse = 200

    /// The contact with each field trimmed, empty fields removed and the site written the canonical
    /// way, or the first problem in French naming the field.
    public static func normaliser(_ contact: ContactStructure) throws(ErreurRegle) -> ContactStructure {
        func propre(_ texte: String?) -> String? {
            guard let t = texte?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        var resultat = ContactStructure(adresse: propre(contact.adresse), telephone: propre(contact.telephone),
                                        courriel: propre(contact.courriel), site: propre(contact.site))
        if let adresse = resultat.adresse { try RegleTexte.verifier(adresse, champ: "l'adresse", maximum: longueurAdresse) }
        if let telephone = resultat.telephone {
            try RegleTexte.verifier(telephone, champ: "le téléphone", maximum: RegleTexte.longueurTelephone)
            guard telephone.allSatisfy({ $0.isASCII && ($0.isNumber || " +.-()".contains($0)) }), telephone.contains(where: \.isNumber) else {
                throw ErreurRegle("le téléphone « \(RegleTexte.visible(telephone, maximum: 40)) » ne doit compter que des chiffres, des espaces, « + », « . », « - » ou des parenthèses")
            }
        }
        if let courriel = resultat.courriel {
            try RegleTexte.verifier(courriel, champ: "le courriel", maximum: RegleTexte.longueurEmail)
            let parties = courriel.split(separator: "@", omittingEmptySubsequences: false)
            guard parties.count == 2, !parties[0].isEmpty, parties[1].contains("."), !courriel.contains(where: \.isWhitespace) else {
                throw ErreurRegle("le courriel « \(RegleTexte.visible(courriel, maximum: 60)) » n'est pas une adresse e-mail (par exemple contact@exemple.fr)")
            }
        }
        if let site = resultat.site { resultat.site = try self.site(site) }
        return resultat
    }

    /// A site address the canonical way: « https://hôte[/chemin] » without trailing slash, query or
    /// fragment; « exemple.fr » alone gets « https:// ». Plain http is refused: verification pages
    /// and status lists must come over https.
    public static func site(_ saisie: String) throws(ErreurRegle) -> String {
        var texte = saisie.trimmingCharacters(in: .whitespaces)
        if !texte.contains("://") { texte = "https://" + texte }
        let probleme = "le site « \(RegleTexte.visible(saisie, maximum: 60)) » doit être une adresse https sans « ? » ni « # » (par exemple https://exemple.fr)"
        guard texte.hasPrefix("https://"), texte.count <= 200, !texte.contains("?"), !texte.contains("#"),
              !texte.contains(where: { $0.isWhitespace || !$0.isASCII }),
              let url = URL(string: texte), let hote = url.host, hote.contains("."), url.user == nil else {
            throw ErreurRegle(probleme)
        }
        while texte.hasSuffix("/") { texte.removeLast() }
        return texte
    }

    /// « exemple.fr/asso » for « https://exemple.fr/asso »: how a site is printed for people.
    public static func siteSansSchema(_ site: String) -> String {
        site.hasPrefix("https://") ? String(site.dropFirst("https://".count)) : site
    }
}
