import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the credentials baked in an SVG with a real XML parser (libxml2 through `XMLParser`),
/// as the Open Badges baking specification describes them: `openbadges:credential` elements in
/// the namespace ``ImageBadge/espaceDeNoms``, the credential in a `verify` attribute or as the
/// element's text (CDATA allowed). A string search would read one hidden in a comment, or the
/// first of two; here comments are not elements, and every element is counted.
public enum LectureSVG {
    /// What an SVG holds.
    public struct Contenu: Equatable, Sendable {
        /// Every baked credential, in document order (empty strings for empty elements).
        public var credentials: [String]
    }

    /// Parses `svg`; throws a French error when it is not well-formed XML or declares a DTD
    /// (entities could smuggle text in: a badge image needs none).
    public static func lire(_ svg: Data) throws -> Contenu {
        if let debut = String(data: svg.prefix(4096), encoding: .utf8), debut.contains("<!DOCTYPE") || debut.contains("<!ENTITY") {
            throw ErreurBadge("l'image déclare une DTD ou des entités : refusée")
        }
        let lecteur = Lecteur()
        let parseur = XMLParser(data: svg)
        parseur.shouldProcessNamespaces = true
        parseur.shouldResolveExternalEntities = false
        parseur.delegate = lecteur
        // The document must end where it should: some builds of the parser return success on a
        // truncated document, so the closing of the root element is checked as well.
        guard parseur.parse(), parseur.parserError == nil, lecteur.racineFermee, lecteur.racine == "svg" else {
            throw ErreurBadge(lecteur.racine == nil || lecteur.racine == "svg"
                ? "l'image n'est pas un SVG bien formé (\(parseur.parserError.map { "\($0.localizedDescription)" } ?? "XML illisible"))"
                : "l'image n'est pas un SVG : élément racine <\(lecteur.racine!)>")
        }
        return Contenu(credentials: lecteur.credentials.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
    }

    /// The single credential of `svg`; a French error when there is none, more than one, or the
    /// image is not a well-formed SVG.
    public static func credentialUnique(_ svg: Data) throws -> String {
        let contenu = try lire(svg)
        switch contenu.credentials.count {
        case 0: throw ErreurBadge("aucun badge dans cette image")
        case 1:
            guard let jwt = contenu.credentials.first, !jwt.isEmpty else { throw ErreurBadge("l'élément du badge est vide") }
            return jwt
        default: throw ErreurBadge("l'image contient \(contenu.credentials.count) badges : une image n'en porte qu'un")
        }
    }

    private final class Lecteur: NSObject, XMLParserDelegate {
        var racine: String?
        var credentials: [String] = []
        /// The root element was closed (the document is complete).
        var racineFermee = false
        private var profondeur = 0
        private var dans = false
        private var texte = ""

        func parser(_ parser: XMLParser, didStartElement nom: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if racine == nil { racine = nom }
            profondeur += 1
            guard namespaceURI == ImageBadge.espaceDeNoms, nom == "credential" else { return }
            if let verify = attributes["verify"] {
                credentials.append(verify)
            } else {
                dans = true
                texte = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters chaine: String) {
            if dans { texte += chaine }
        }

        func parser(_ parser: XMLParser, foundCDATA bloc: Data) {
            if dans { texte += String(decoding: bloc, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement nom: String, namespaceURI: String?, qualifiedName: String?) {
            profondeur -= 1
            if profondeur == 0 { racineFermee = true }
            guard dans, namespaceURI == ImageBadge.espaceDeNoms, nom == "credential" else { return }
            credentials.append(texte)
            dans = false
        }
    }
}
