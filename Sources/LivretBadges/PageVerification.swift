import Crypto
import Foundation
import LivretCore

/// The pages of the structure's verification site (décision 52): one static page per short code
/// (`v/<CODE>/index.html`), embedding the signed credentials that carry it and checking them in
/// the visitor's browser (``ScriptVerification``), and the page where a code is typed by hand
/// (`v/index.html`).
///
/// A page holds nothing but what the credential itself holds (its achievement, issuer and date;
/// the learner's hashed identity stays inside the signed token, never shown), in French, with no
/// external script, style, font or tracker. Its Content-Security-Policy allows only its own
/// inline script and style, same-site fetches and `data:` images.
public enum PageVerification {
    /// Every page of the site for `credentials` (their id and VC-JWT), by path inside the site:
    /// `v/index.html` and one `v/<CODE>/index.html` per short code (``CodeBadge/court(_:)``); two
    /// credentials sharing a code share its page, each checked on its own.
    public static func pages(credentials: [(id: String, jwt: String)]) -> [String: Data] {
        var parCode: [String: [(id: String, jwt: String)]] = [:]
        for credential in credentials {
            parCode[CodeBadge.court(credential.id), default: []].append(credential)
        }
        var pages = [SiteVerification.dossierPages + "/index.html": Data(pageSaisie().utf8)]
        for (code, badges) in parCode {
            let jetons = badges.sorted { $0.id < $1.id }.map(\.jwt)
            pages[SiteVerification.cheminPage(code: code) + "index.html"] = Data(page(code: code, jetons: jetons).utf8)
        }
        return pages
    }

    /// The page of short code `code`: each credential of `jetons` (compact VC-JWT) embedded in a
    /// `<script type="application/jwt">`, its achievement, issuer and date shown as « en cours de
    /// vérification » until the browser has checked it, and the verdict in `#verdict`
    /// (`role="status"`, `data-verdict`). A token with any character outside base64url and dots is
    /// not embedded (the page then says it is not authentic).
    public static func page(code: String, jetons: [String]) -> String {
        let code = code.echappeXML
        let articles = jetons.enumerated().map { numero, jeton in
            article(jeton: jeton, numero: numero + 1, plusieurs: jetons.count > 1)
        }.joined(separator: "\n")
        return document(titre: "Vérifier le badge \(code)", script: ScriptVerification.badge, corps: """
            <main>
            <h1>Vérification du badge <span class="code">\(code)</span></h1>
            <p id="verdict" role="status" aria-live="polite" data-verdict="en-cours">Vérification en cours… Si ce message reste affiché, \
            votre navigateur ne peut pas vérifier le badge : voyez ci-dessous comment le vérifier autrement.</p>
            <noscript><p class="sansjs">La vérification de ce badge se fait dans votre navigateur et demande JavaScript, qui est désactivé. \
            Sans lui, rien ci-dessous n'est vérifié. Pour vérifier le badge autrement, demandez son fichier (.jwt ou image .svg) à la personne \
            et vérifiez-le avec « livret badge verifier », ou avec le validateur Open Badges 3.0 de 1EdTech.</p></noscript>
            \(articles)
            <section aria-labelledby="comment">
            <h2 id="comment">Comment cette page vérifie le badge</h2>
            <p>Le badge est signé par la structure qui l'a délivré. Votre navigateur vérifie cette signature avec les clés que la structure \
            publie sur ce site, puis consulte sa liste des badges révoqués. Rien n'est envoyé ailleurs : pas de script externe, pas de mesure d'audience.</p>
            </section>
            </main>
            <footer><p><a href="../">Vérifier un autre code</a></p></footer>
            """)
    }

    /// The page where a person types a code by hand (`v/index.html`): « 0d27 ae02 » or
    /// « 0D27AE02 » opens `./0D27-AE02/`.
    public static func pageSaisie() -> String {
        document(titre: "Vérifier un badge", script: ScriptVerification.saisie, corps: """
            <main>
            <h1>Vérifier un badge</h1>
            <p>Tapez le code imprimé sous le code QR du badge ou du CV, par exemple <span class="code">0D27-AE02</span>.</p>
            <form id="saisie" action="./" method="get" novalidate>
            <label for="code">Code du badge</label>
            <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="aide-code erreur-code">
            <p id="aide-code" class="aide">8 chiffres ou lettres de A à F ; le tiret et les espaces sont facultatifs.</p>
            <p id="erreur-code" class="erreur" aria-live="polite"></p>
            <button type="submit">Vérifier</button>
            </form>
            <noscript><p class="sansjs">Sans JavaScript, ajoutez le code à l'adresse de cette page, avec un tiret au milieu et une barre à la fin : \
            par exemple …/v/0D27-AE02/</p></noscript>
            </main>
            """)
    }

    /// A whole page: French, phone-sized, its inline style and script allowed by their hashes only.
    static func document(titre: String, script: String, corps: String) -> String {
        let politique = "default-src 'none'; script-src '\(empreinteCSP(script))'; style-src '\(empreinteCSP(StylePagesVerification.feuille))'; "
            + "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'self'"
        return """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(politique)">
            <meta name="referrer" content="no-referrer">
            <meta name="robots" content="noindex">
            <title>\(titre)</title>
            <style>\(StylePagesVerification.feuille)</style>
            </head>
            <body>
            <header><p>Vérification des badges numériques</p></header>
            \(corps)
            <script>\(script)</script>
            </body>
            </html>

            """
    }

    /// `sha256-…` of a script or style, as a Content-Security-Policy source.
    static func empreinteCSP(_ texte: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(texte.utf8))).base64EncodedString()
    }

    /// One embedded credential and what it says, shown before (and without) verification.
    static func article(jeton: String, numero: Int, plusieurs: Bool) -> String {
        let jeton = JWT.sansBlancs(jeton)
        let integrable = !jeton.isEmpty && jeton.utf8.allSatisfy { o in
            (o >= 0x30 && o <= 0x39) || (o >= 0x41 && o <= 0x5A) || (o >= 0x61 && o <= 0x7A) || o == 0x2D || o == 0x5F || o == 0x2E
        }
        let contenu = integrable ? Contenu(jeton: jeton) : Contenu()
        let id = numero == 1 ? "credential" : "credential-\(numero)"
        var lignes = ["<article class=\"badge\" aria-labelledby=\"nom-\(numero)\">",
                      "<script type=\"application/jwt\" class=\"jeton\" id=\"\(id)\">\(integrable ? jeton : "")</script>"]
        if plusieurs {
            lignes.append("<p class=\"etat\" data-verdict=\"en-cours\">Badge \(numero) : vérification en cours…</p>")
        }
        lignes.append("<h2 id=\"nom-\(numero)\" class=\"b-nom\">\((contenu.nom ?? "Badge illisible").echappeXML)</h2>")
        lignes.append("<p class=\"garantie\">Ces informations sont en cours de vérification.</p>")
        if let image = contenu.image { lignes.append("<img src=\"\(image.echappeXML)\" alt=\"\">") }
        lignes.append("<dl>")
        lignes.append("<dt>Délivré par</dt><dd class=\"b-emetteur\">\((contenu.emetteur ?? "").echappeXML)</dd>")
        lignes.append("<dt>Le</dt><dd class=\"b-date\">\((contenu.date ?? "").echappeXML)</dd>")
        lignes.append("<dt>Ce que le badge atteste</dt><dd class=\"b-description\">\((contenu.description ?? "").echappeXML)</dd>")
        lignes.append("<dt>Comment il s'obtient</dt><dd class=\"b-criteres\">\((contenu.criteres ?? "").echappeXML)</dd>")
        lignes.append("</dl>")
        if integrable {
            lignes.append("<p><a download=\"badge-\(numero).jwt\" href=\"data:application/jwt;charset=utf-8,\(jeton)\">"
                          + "Télécharger le badge signé (fichier .jwt), pour un autre outil de vérification</a></p>")
        }
        lignes.append("</article>")
        return lignes.joined(separator: "\n")
    }

    /// What a page shows of a credential, read from its token without checking it (the browser checks).
    struct Contenu {
        var nom: String?
        var emetteur: String?
        var date: String?
        var description: String?
        var criteres: String?
        var image: String?

        init() {}

        init(jeton: String) {
            let parties = jeton.split(separator: ".", omittingEmptySubsequences: false)
            guard parties.count == 3, let octets = Base64URL.decoder(String(parties[1])),
                  let charge = try? JSONSerialization.jsonObject(with: octets) as? [String: Any] else { return }
            let sujet = charge["credentialSubject"] as? [String: Any]
            let realisation = sujet?["achievement"] as? [String: Any]
            nom = realisation?["name"] as? String
            emetteur = (charge["issuer"] as? [String: Any])?["name"] as? String
            date = (charge["validFrom"] as? String).flatMap(DateOB.lire).map(PageVerification.enLettres)
            description = realisation?["description"] as? String
            criteres = (realisation?["criteria"] as? [String: Any])?["narrative"] as? String
            // Only an embedded raster or SVG image (never a remote address), shown as an image (no script runs in it).
            if let uri = (realisation?["image"] as? [String: Any])?["id"] as? String ?? realisation?["image"] as? String,
               ["data:image/svg+xml;base64,", "data:image/png;base64,"].contains(where: { uri.hasPrefix($0) }),
               uri.drop(while: { $0 != "," }).dropFirst().allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }) {
                image = uri
            }
        }
    }

    /// « 2 mai 2024 », « 1er juin 2024 » (UTC), as the page's script writes it.
    static func enLettres(_ date: Date) -> String {
        let mois = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        let jour = Jour(numero: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        return "\(jour.jour == 1 ? "1er" : String(jour.jour)) \(mois[jour.mois - 1]) \(jour.annee)"
    }
}
