import HTTPTypes
import Hummingbird

/// On every answer: nothing cached on a shared computer, no framing, no sniffing, no referrer to
/// other sites (same-origin: the browser then sends this site's Origin with its own forms), a
/// content security policy with no script at all; and requests whose Host is not the server's are
/// refused (a web page elsewhere cannot reach the space through a name it controls).
struct EnTetesSecurite: RouterMiddleware {
    typealias Context = ContexteEspace

    /// Whether a Host header names this server.
    let hoteAccepte: @Sendable (String) -> Bool
    /// The space's own page for an address that leads nowhere (in French, with a way back).
    let introuvable: @Sendable () -> Response

    /// The policy of the space's own pages (one style sheet, inline SVG drawings, no script).
    static let politique = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// The policy of a CV shown as is: its style is inside the file.
    static let politiqueCV = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var reponse: Response
        if let hote = request.head.authority, hoteAccepte(hote) {
            do {
                reponse = try await next(request, context)
            } catch let erreur as HTTPError where erreur.status == .notFound {
                reponse = introuvable()
            }
        } else {
            reponse = Response(status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                               body: .init(byteBuffer: ByteBuffer(string: "Adresse inconnue de ce serveur.\n")))
        }
        if reponse.headers[.contentSecurityPolicy] == nil { reponse.headers[.contentSecurityPolicy] = Self.politique }
        reponse.headers[.cacheControl] = "no-store"
        reponse.headers[HTTPField.Name("Pragma")!] = "no-cache"
        reponse.headers[.xContentTypeOptions] = "nosniff"
        reponse.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        reponse.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        reponse.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        reponse.headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        reponse.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        return reponse
    }
}
