import LivretCore

/// One badge as the CV and the attestation print it: its name (and référentiel reference in small
/// print), the day it was received, what it took, and how to check it — a QR code to its verification
/// page and the short code to type by hand on the structure's site, or, without a site, the structure
/// to ask. Links and the bundle's file names are screen-only (`.ecran-seul`).
enum BlocBadge {
    /// The inner HTML of the badge's list item: the QR code, then the text.
    static func html(_ badge: CVNumerique.Badge, cv: CVNumerique, liensPaquet: Bool) -> String {
        var titre = "<strong>\(badge.titre.echappeHTML)</strong>"
        if let reference = badge.reference { titre += " <span class=\"ref\">\(reference.echappeHTML)</span>" }
        var lignes = [titre, "Reçu le \(TexteFacile.date(badge.date).echappeHTML)."]
        if !badge.critere.isEmpty { lignes.append(badge.critere.echappeHTML) }
        let code = "<span class=\"code\">\(badge.codeCourt.echappeHTML)</span>"
        var qr = ""
        if let url = badge.urlVerification, let saisie = cv.urlSaisie,
           let svg = try? CodeQR.svg(url, taillePixels: 96, titre: "Code QR du badge « \(badge.titre) » : \(url)") {
            qr = "<div class=\"qr\">\(svg)</div>"
            lignes.append("Pour vérifier ce badge : scannez le code QR, ou allez sur "
                          + "<span class=\"url\">\(RegleContact.siteSansSchema(saisie).echappeHTML)</span> et tapez le code \(code).")
        } else {
            lignes.append("Code du badge : \(code), à vérifier auprès de « \(cv.structure.echappeHTML) ».")
        }
        var ecran: [String] = []
        if let url = badge.urlVerification {
            ecran.append("<a href=\"\(url.echappeHTML)\">Vérifier ce badge en ligne</a>.")
        }
        let fichier = badge.fichierJWT.echappeHTML
        if liensPaquet {
            ecran.append("Le badge se vérifie aussi avec le fichier <a href=\"\(fichier)\">\(fichier)</a> du paquet.")
            ecran.append("<a href=\"\(badge.fichierImage.echappeHTML)\">Voir l&#39;image du badge</a>.")
        } else {
            ecran.append("Le badge se vérifie aussi avec le fichier \(fichier) du paquet.")
        }
        let fichiers = ecran.map { "<br />\($0)" }.joined()
        return "\(qr)<div>\(lignes.joined(separator: "<br />"))<span class=\"ecran-seul\">\(fichiers)</span></div>"
    }

    /// « Pour joindre la structure : … · … » with each field kept on one line, nil without contact.
    static func contact(_ cv: CVNumerique) -> String? {
        guard let contact = cv.contact, !contact.lignes.isEmpty else { return nil }
        let lignes = contact.lignes.map { "<span class=\"insecable\">\($0.echappeHTML)</span>" }
        return "Pour joindre la structure : \(lignes.joined(separator: " · "))."
    }
}
